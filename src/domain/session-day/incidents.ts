import type { z } from 'zod'
import type { Db } from '../../db/connect'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { findDeskCase } from '../cases/case-file'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { deskCentreIds, isDesk } from '../referrals/referrals.policy'
import {
  listSuspensionsOfCases,
  listWarningsOfCases,
  presentSuspension,
  presentWarning,
  userNames,
} from './conduct'
import { findRow, listItem, loadContext, presentIncident, presentOne } from './incident.presenter'
import {
  markReferrerNotified,
  sendReferrerNotice,
  type IncidentRow,
  type NoticeResult,
} from './referrer-notices'
import type {
  ConductSchema,
  IncidentListSchema,
  IncidentQuerySchema,
  IncidentView,
  ReviewIncidentSchema,
} from './session-day.schemas'

/** An incident of one of the desk's centres; any other does not exist for the caller. */
async function findDeskIncident(db: Db, actor: Actor, id: string): Promise<IncidentRow> {
  const row = await findRow(db, scopeOf(actor), id)
  if (!row || !isDesk(actor, row.centre_id)) throw notFound('Incident')
  return row
}

/** One incident in full, for the desk of its centre. @throws AppError NOT_FOUND. */
export async function getIncident(deps: Deps, actor: Actor, id: string): Promise<IncidentView> {
  const row = await findDeskIncident(deps.db, actor, id)
  return presentIncident(deps, row, await loadContext(deps.db, scopeOf(actor), [row]))
}

/** The incidents of the desk's centres, newest first, without their accounts. */
export async function listIncidents(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof IncidentQuerySchema>,
): Promise<z.infer<typeof IncidentListSchema>> {
  const scope = scopeOf(actor)
  if (query.caseId) await findDeskCase(deps.db, actor, query.caseId)
  const centres = deskCentreIds(actor)
  const rows = await deps.db
    .selectFrom('incidents')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .$if(centres !== null, (q) => q.where('centre_id', 'in', [...(centres ?? []), '']))
    .$if(query.caseId !== undefined, (q) => q.where('case_id', '=', query.caseId ?? ''))
    .$if(query.status !== undefined, (q) => q.where('status', '=', query.status ?? 'open'))
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute()
  const ctx = await loadContext(deps.db, scope, rows)
  return { incidents: rows.map((r) => listItem(presentIncident(deps, r, ctx))) }
}

/** A case's incidents, warnings and suspensions, for the desk. @throws AppError NOT_FOUND. */
export async function getConduct(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<z.infer<typeof ConductSchema>> {
  const { found } = await findDeskCase(deps.db, actor, caseId)
  const scope = scopeOf(actor)
  const [{ incidents }, warnings, suspensions, parties] = await Promise.all([
    listIncidents(deps, actor, { caseId: found.id }),
    listWarningsOfCases(deps.db, scope, [found.id]),
    listSuspensionsOfCases(deps.db, scope, [found.id]),
    listPartiesOfReferrals(deps.db, scope, [found.referral_id]),
  ])
  const names = await userNames(
    deps.db,
    scope,
    warnings.map((w) => w.issued_by_user_id),
  )
  const byId = new Map(parties.map((p) => [p.id, p]))
  return {
    caseId: found.id,
    incidents,
    warnings: warnings.map((w) => presentWarning(w, byId, names)),
    suspensions: suspensions.map(presentSuspension),
  }
}

/**
 * Records the coordinator's review of an incident: reviewed (sanction decided) or closed.
 * @throws AppError NOT_FOUND; CONFLICT (INCIDENT-CLOSED) once it is closed.
 */
export async function reviewIncident(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof ReviewIncidentSchema>,
): Promise<IncidentView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findDeskIncident(trx, actor, id)
    if (row.status === 'closed')
      throw new AppError('CONFLICT', 'This incident is closed', { rule: 'INCIDENT-CLOSED' })
    const now = deps.clock.now().toISOString()
    await trx
      .updateTable('incidents')
      .set({
        status: input.status,
        reviewed_by_user_id: actor.userId,
        reviewed_at: now,
        review_note: input.note,
        updated_at: now,
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', row.id)
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'incident.review',
      resourceType: 'incident',
      resourceIds: [row.id, row.case_id],
      details: { status: input.status },
    })
    return presentOne(deps, trx, scopeOf(actor), row.id)
  })
}

/**
 * Sends the referrer notice of an incident now rather than at its due time.
 * @throws AppError NOT_FOUND; CONFLICT (INCIDENT-NOTIFIED) when it was sent already, or
 *   (INCIDENT-NO-REFERRER-ADDRESS) when no referrer of the case has an email address.
 */
export async function notifyReferrerNow(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<IncidentView & { notice: NoticeResult }> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const row = await findDeskIncident(trx, actor, id)
    const now = deps.clock.now().toISOString()
    if (row.referrer_notified_at || !(await markReferrerNotified(trx, scope, row.id, now)))
      throw new AppError('CONFLICT', 'The referrer has been told of this incident already', {
        rule: 'INCIDENT-NOTIFIED',
      })
    const notice = await sendReferrerNotice(deps, trx, scope, row)
    if (notice.sent === 0)
      throw new AppError('CONFLICT', 'No referrer of this case has an email address: tell them another way', {
        rule: 'INCIDENT-NO-REFERRER-ADDRESS',
        skipped: notice.skipped,
      })
    await auditAs(trx, deps.clock, actor, {
      action: 'incident.notify_referrer',
      resourceType: 'incident',
      resourceIds: [row.id, row.case_id],
      details: { sent: notice.sent, skipped: notice.skipped.length },
    })
    return { ...(await presentOne(deps, trx, scope, row.id)), notice }
  })
}
