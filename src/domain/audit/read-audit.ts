import { listAuditRows } from '../../db/repositories/audit.repository'
import { hasRole, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { AppError } from '../errors'
import type { AuditEntryView } from './audit.schemas'

/** The organisation's own audit trail, newest first; details stay out of the listing. */
export async function listAuditTrail(
  deps: Deps,
  actor: Actor,
  page: { before?: number | undefined; limit: number },
): Promise<AuditEntryView[]> {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', 'Only an admin can read the audit trail')
  const rows = await listAuditRows(deps.db, {
    organisationId: actor.organisationId,
    beforeSeq: page.before,
    limit: page.limit,
  })
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    resourceType: row.resource_type,
    resourceIds: JSON.parse(row.resource_ids) as string[],
    ip: row.ip,
    outcome: row.outcome,
  }))
}
