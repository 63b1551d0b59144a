import { createHash } from 'node:crypto'
import type { AuditRow } from './database'

export const GENESIS_HASH = '0'.repeat(64)

export type ChainedFields = Omit<AuditRow, 'seq' | 'hash'>

/** The row's hash covers every field and the previous row's hash, so any edit, gap or reorder shows. */
export function auditRowHash(row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.id,
    row.at,
    row.organisation_id,
    row.actor_user_id,
    row.actor_role,
    row.action,
    row.resource_type,
    row.resource_ids,
    row.ip,
    row.outcome,
    row.request_id,
    row.details,
  ])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}
