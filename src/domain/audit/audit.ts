import type { Db } from '../../db/connect'
import { appendAuditRow } from '../../db/repositories/audit.repository'
import { primaryRole, type Actor, type RequestOrigin } from '../access/actor'
import type { Clock } from '../shared/clock'
import { newId } from '../shared/ids'

export type AuditOutcome = 'success' | 'denied' | 'failure'

export interface AuditEntry {
  action: string
  resourceType?: string | null
  resourceIds?: readonly string[]
  outcome?: AuditOutcome
  /** Context for the reader of the trail: never a protected field's value, a password or a token. */
  details?: Record<string, unknown>
}

interface Who {
  organisationId: string | null
  userId: string | null
  role: string | null
  origin: RequestOrigin | null
}

export const whoIs = (actor: Actor): Who => ({
  organisationId: actor.organisationId,
  userId: actor.userId,
  role: primaryRole(actor) ?? actor.kind,
  origin: actor.origin,
})

/**
 * Writes one row of the audit trail (who, role, organisation, what, which records, when, from
 * where, outcome). Call it inside the use case's transaction so the record and its trail commit together.
 */
export async function recordAudit(db: Db, clock: Clock, who: Who, entry: AuditEntry): Promise<void> {
  await appendAuditRow(db, {
    id: newId(),
    at: clock.now().toISOString(),
    organisation_id: who.organisationId,
    actor_user_id: who.userId,
    actor_role: who.role,
    action: entry.action,
    resource_type: entry.resourceType ?? null,
    resource_ids: JSON.stringify(entry.resourceIds ?? []),
    ip: who.origin?.ip ?? null,
    outcome: entry.outcome ?? 'success',
    request_id: who.origin?.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  })
  if (who.origin) who.origin.audited = entry.outcome ?? 'success'
}

/** Shorthand for a use case acting for a known actor. */
export const auditAs = (db: Db, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> =>
  recordAudit(db, clock, whoIs(actor), entry)
