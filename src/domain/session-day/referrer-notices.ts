import type { Selectable } from 'kysely'
import type { Db } from '../../db/connect'
import type { IncidentsTable } from '../../db/database'
import { findCase, type CaseRow } from '../../db/repositories/cases.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import { cliOrigin, primaryRole, type Actor, type Scope } from '../access/actor'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { referrerNoticeFor } from './incident.rules'
import { IncidentActionSchema, IncidentCategorySchema, SeveritySchema } from './session-day.schemas'

export type IncidentRow = Selectable<IncidentsTable>

/** A referrer of one of the case's referrals, and where their notice goes (null: nowhere known). */
export interface ReferrerRecipient {
  referralId: string
  reference: string
  name: string | null
  label: string
  email: string | null
}

export interface NoticeResult {
  sent: number
  /** Referrers the notice could not reach, so the centre tells them another way. */
  skipped: { referralId: string; reference: string; referrer: string; reason: string }[]
}

/**
 * The referrers of a case: one per referral of the family (the one that opened it, and any joined
 * to it) that came through a referrer. A parent's own application has none.
 */
export async function referrersOf(
  db: Db,
  scope: Scope,
  found: Pick<CaseRow, 'id' | 'referral_id'>,
): Promise<ReferrerRecipient[]> {
  const referrals = await db
    .selectFrom('referrals')
    .select([
      'id',
      'reference',
      'referrer_name',
      'referrer_organisation',
      'referrer_email',
      'referrer_user_id',
    ])
    .where('organisation_id', '=', scope.organisationId)
    .where((eb) =>
      eb.or([
        eb('case_id', '=', found.id),
        eb('id', '=', found.referral_id),
        eb('merged_into_id', '=', found.referral_id),
      ]),
    )
    .orderBy('received_at')
    .orderBy('id')
    .execute()
  const userIds = referrals.flatMap((r) => (r.referrer_user_id ? [r.referrer_user_id] : []))
  const users =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('users')
          .select(['id', 'email'])
          .where('organisation_id', '=', scope.organisationId)
          .where('id', 'in', userIds)
          .where('status', '!=', 'disabled')
          .execute()
  const emails = new Map(users.map((u) => [u.id, u.email]))
  return referrals
    .filter((r) => r.referrer_name || r.referrer_user_id || r.referrer_email)
    .map((r) => ({
      referralId: r.id,
      reference: r.reference,
      name: r.referrer_name,
      label: [r.referrer_name, r.referrer_organisation].filter(Boolean).join(', ') || 'The referrer',
      email: (r.referrer_user_id ? emails.get(r.referrer_user_id) : undefined) ?? r.referrer_email,
    }))
}

/**
 * Puts the incident's notice in the outbox for each referrer of the case, inside the caller's
 * transaction. Its words come from referrerNoticeFor alone, fed only with what may be disclosed.
 */
export async function sendReferrerNotice(
  deps: Deps,
  db: Db,
  scope: Scope,
  incident: IncidentRow,
): Promise<NoticeResult> {
  const [found, centre] = await Promise.all([
    findCase(db, scope, incident.case_id),
    findCentre(db, scope, incident.centre_id),
  ])
  if (!found || !centre) throw notFound('Incident')
  const suspensions = await db
    .selectFrom('suspensions')
    .select(['from_on', 'incident_id'])
    .where('organisation_id', '=', scope.organisationId)
    .where('case_id', '=', found.id)
    .where('status', '=', 'active')
    .execute()
  const suspension = suspensions.find((s) => s.incident_id === incident.id) ?? suspensions[0]
  const result: NoticeResult = { sent: 0, skipped: [] }
  const seen = new Set<string>()
  for (const referrer of await referrersOf(db, scope, found)) {
    if (!referrer.email) {
      result.skipped.push({
        referralId: referrer.referralId,
        reference: referrer.reference,
        referrer: referrer.label,
        reason: 'No email address is held for this referrer: tell them another way',
      })
      continue
    }
    if (seen.has(referrer.email.toLowerCase())) continue
    seen.add(referrer.email.toLowerCase())
    const notice = referrerNoticeFor({
      centreName: centre.name,
      caseReference: found.reference,
      occurredAt: incident.occurred_at,
      timeZone: centre.time_zone,
      category: IncidentCategorySchema.parse(incident.category),
      severity: SeveritySchema.parse(incident.severity),
      actions: IncidentActionSchema.array().catch([]).parse(JSON.parse(incident.actions)),
      suspendedFrom: suspension?.from_on ?? null,
      recipientName: referrer.name,
    })
    await enqueueEmail(db, deps.clock, {
      organisationId: scope.organisationId,
      to: referrer.email,
      subject: notice.subject,
      text: notice.text,
    })
    result.sent += 1
  }
  return result
}

/** Marks an incident's referrer notice as sent, once: false when it had been already. */
export async function markReferrerNotified(db: Db, scope: Scope, incidentId: string, now: string) {
  const marked = await db
    .updateTable('incidents')
    .set({ referrer_notified_at: now, updated_at: now })
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', incidentId)
    .where('referrer_notified_at', 'is', null)
    .executeTakeFirst()
  return Number(marked.numUpdatedRows) === 1
}

/**
 * Sends every referrer notice that has fallen due (domain rules 3.14: by the set time on the next
 * working day, by default). One transaction per incident, so a failure leaves the others sent and
 * the failed one due. An incident whose referrers have no address stays due, so the desk sees it.
 * The hourly job runs for every organisation; an admin running it from the app, for their own only.
 */
export async function sendDueReferrerNotices(
  deps: Deps,
  now: Date,
  options: { organisationId?: string; actor?: Actor } = {},
): Promise<{ sent: number; incidents: number; withoutAddress: number }> {
  const due = await deps.db
    .selectFrom('incidents')
    .select('id')
    .where('referrer_notified_at', 'is', null)
    .where('referrer_due_at', '<=', now.toISOString())
    .$if(options.organisationId !== undefined, (q) =>
      q.where('organisation_id', '=', options.organisationId ?? ''),
    )
    .orderBy('referrer_due_at')
    .limit(1000)
    .execute()
  const totals = { sent: 0, incidents: 0, withoutAddress: 0 }
  for (const { id } of due) {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      const incident = await trx
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', id)
        .where('referrer_notified_at', 'is', null)
        .executeTakeFirst()
      if (!incident) return null
      const scope = { organisationId: incident.organisation_id }
      const found = await findCase(trx, scope, incident.case_id)
      if (!found || !(await referrersOf(trx, scope, found)).some((r) => r.email)) return 'no-address'
      if (!(await markReferrerNotified(trx, scope, incident.id, deps.clock.now().toISOString()))) return null
      const result = await sendReferrerNotice(deps, trx, scope, incident)
      const actor = options.actor
      await recordAudit(
        trx,
        deps.clock,
        {
          organisationId: incident.organisation_id,
          userId: actor?.userId ?? null,
          role: actor ? (primaryRole(actor) ?? actor.kind) : 'job',
          // A copy: this row belongs to the incident, not to the request that started the run.
          origin: { ...(actor?.origin ?? cliOrigin()), audited: false },
        },
        {
          action: 'incident.referrer_notice',
          resourceType: 'incident',
          resourceIds: [incident.id, incident.case_id],
          details: { sent: result.sent, skipped: result.skipped.length, dueAt: incident.referrer_due_at },
        },
      )
      return result
    })
    if (outcome === 'no-address') totals.withoutAddress += 1
    else if (outcome) {
      totals.incidents += 1
      totals.sent += outcome.sent
    }
  }
  return totals
}
