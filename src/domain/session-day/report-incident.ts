import type { Db } from '../../db/connect'
import { findCase, updateCase, type CaseRow } from '../../db/repositories/cases.repository'
import { findCentre, type CentreRow } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import { updateSessionAtVersion, type SessionListRow } from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { isDesk } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { findDaySession, knowsCentre } from './door-access'
import { presentOne, type Account } from './incident.presenter'
import {
  categoryInSentence,
  concernedAdult,
  coordinatorAlertFor,
  incidentFlag,
  isCritical,
  referrerDueAt,
  type People,
} from './incident.rules'
import { referrersOf, type IncidentRow } from './referrer-notices'
import { loadSessionDaySettings } from './session-day-settings'
import {
  IncidentActionSchema,
  IncidentCategorySchema,
  SeveritySchema,
  type IncidentView,
  type ReportIncidentInput,
} from './session-day.schemas'

interface Place {
  found: CaseRow
  centre: CentreRow
  parties: PartyRow[]
  session: SessionListRow | null
}

/**
 * Where a report is made from: a session (the desk, or a volunteer on duty that day), or, without
 * one, the case file at the desk of its centre.
 */
async function placeOf(db: Db, actor: Actor, input: ReportIncidentInput): Promise<Place> {
  if (input.sessionId) {
    const day = await findDaySession(db, actor, input.sessionId)
    if (day.session.case_id !== input.caseId)
      throw new AppError('INVALID_INPUT', 'That session is not one of this case’s', { field: 'sessionId' })
    return { found: day.found, centre: day.centre, parties: day.parties, session: day.session }
  }
  const scope = scopeOf(actor)
  const found = await findCase(db, scope, input.caseId)
  if (!found) throw notFound('Case')
  if (!isDesk(actor, found.centre_id)) {
    if (await knowsCentre(db, actor, found.centre_id))
      throw new AppError('FORBIDDEN', 'Report an incident from the session it happened in', {
        rule: 'INCIDENT-NEEDS-SESSION',
      })
    throw notFound('Case')
  }
  const centre = await findCentre(db, scope, found.centre_id)
  if (!centre) throw notFound('Case')
  return {
    found,
    centre,
    parties: await listPartiesOfReferrals(db, scope, [found.referral_id]),
    session: null,
  }
}

/** The centre's coordinators (its own and organisation-wide); its admins when it has none. */
async function deskEmails(db: Db, scope: Scope, centreId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
    .select(['users.email', 'role_assignments.role'])
    .where('users.organisation_id', '=', scope.organisationId)
    .where('users.status', '=', 'active')
    .where('role_assignments.role', 'in', ['coordinator', 'admin'])
    .where((eb) =>
      eb.or([eb('role_assignments.centre_id', 'is', null), eb('role_assignments.centre_id', '=', centreId)]),
    )
    .execute()
  const coordinators = rows.filter((r) => r.role === 'coordinator')
  return [...new Set((coordinators.length > 0 ? coordinators : rows).map((r) => r.email))].sort()
}

function occurredAtOf(input: ReportIncidentInput, now: string): string {
  if (!input.occurredAt) return now
  const at = new Date(input.occurredAt).toISOString()
  if (Date.parse(at) > Date.parse(now) + 5 * 60_000)
    throw new AppError('INVALID_INPUT', 'An incident cannot be reported before it happens', {
      field: 'occurredAt',
    })
  return at
}

/** Effects of a new report beyond its own row: the desk told, the case flagged, the session ended. */
async function followUp(deps: Deps, trx: Db, actor: Actor, place: Place, row: IncidentRow): Promise<void> {
  const scope = scopeOf(actor)
  const category = IncidentCategorySchema.parse(row.category)
  const severity = SeveritySchema.parse(row.severity)
  const alert = coordinatorAlertFor({
    centreName: place.centre.name,
    caseReference: place.found.reference,
    occurredAt: row.occurred_at,
    timeZone: place.centre.time_zone,
    category,
    severity,
    critical: isCritical(category, severity),
    actions: IncidentActionSchema.array().parse(JSON.parse(row.actions)),
    link: new URL(`/incidents/${row.id}`, deps.publicUrl).toString(),
  })
  for (const to of await deskEmails(trx, scope, place.centre.id))
    await enqueueEmail(trx, deps.clock, { organisationId: scope.organisationId, to, ...alert })
  const now = row.created_at
  if (!place.found.review_flag)
    await updateCase(trx, scope, place.found.id, {
      review_flag: incidentFlag(category, localParts(row.occurred_at, place.centre.time_zone).date),
      review_flag_raised_at: now,
      updated_at: now,
    })
  const { session } = place
  if (session && row.actions.includes('session_ended_early') && !session.ended_early_at) {
    const ended = await updateSessionAtVersion(trx, scope, session.id, session.version, {
      ended_early_at: row.occurred_at,
      ended_early_reason: `Ended after an incident (${categoryInSentence(category)})`,
      updated_at: now,
    })
    if (!ended)
      throw new AppError('CONFLICT', 'Someone changed this session at the same time; send the report again', {
        rule: 'stale-version',
      })
  }
}

/**
 * Records an incident (domain rules 3.14, 4.3, 10.4) and, in the same transaction, tells the
 * centre's coordinators at once, flags the case for review, ends the session early when that was
 * done, and sets when the referrer must hear of it. The account is sealed. A report sent again with
 * the same clientId returns the incident already recorded and changes nothing.
 * @throws AppError NOT_FOUND, FORBIDDEN (DOOR-OFF-DUTY, INCIDENT-NEEDS-SESSION), INVALID_INPUT.
 */
export async function reportIncident(
  deps: Deps,
  actor: Actor,
  input: ReportIncidentInput,
): Promise<IncidentView> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const place = await placeOf(trx, actor, input)
    const id = input.clientId ?? newId()
    if (input.clientId) {
      const earlier = await trx
        .selectFrom('incidents')
        .select(['organisation_id', 'case_id'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (earlier && (earlier.organisation_id !== scope.organisationId || earlier.case_id !== place.found.id))
        throw new AppError('CONFLICT', 'This report id belongs to another incident', {
          rule: 'INCIDENT-CLIENT-ID',
        })
      if (earlier) return presentOne(deps, trx, scope, id)
    }
    const now = deps.clock.now().toISOString()
    const occurredAt = occurredAtOf(input, now)
    const known = new Set(place.parties.map((p) => p.id))
    if (input.peopleInvolved.some((p) => !known.has(p)))
      throw new AppError('INVALID_INPUT', 'Choose the people involved from this case', {
        field: 'peopleInvolved',
      })
    const adults = new Set(place.parties.filter((p) => p.kind === 'adult').map((p) => p.id))
    const ids = [...new Set(input.peopleInvolved)]
    const settings = await loadSessionDaySettings(trx, scope)
    const hasReferrer = (await referrersOf(trx, scope, place.found)).length > 0
    const account: Account = {
      whatHappened: input.whatHappened,
      childAccount: input.childAccount ?? null,
      injuries: input.injuries ?? null,
      witnesses: input.witnesses ?? null,
      reasonsNotToAct: input.reasonsNotToAct ?? null,
    }
    const row: IncidentRow = {
      id,
      organisation_id: scope.organisationId,
      centre_id: place.centre.id,
      case_id: place.found.id,
      session_id: place.session?.id ?? null,
      category: input.category,
      severity: input.severity,
      occurred_at: occurredAt,
      location: input.location ?? null,
      people: JSON.stringify({ ids, concerns: concernedAdult(ids, adults) } satisfies People),
      actions: JSON.stringify([...new Set(input.actions)]),
      account_sealed: deps.fieldCrypto.encrypt(JSON.stringify(account)),
      status: 'open',
      reported_by_user_id: actor.userId,
      coordinator_notified_at: now,
      // A family that applied on its own has no referrer to tell.
      referrer_due_at: hasReferrer ? referrerDueAt(occurredAt, place.centre.time_zone, settings) : null,
      referrer_notified_at: null,
      reviewed_by_user_id: null,
      reviewed_at: null,
      review_note: null,
      created_at: now,
      updated_at: now,
    }
    const inserted = await trx
      .insertInto('incidents')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst()
    // A retry that raced this one recorded it first: answer with that.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return presentOne(deps, trx, scope, id)
    await followUp(deps, trx, actor, place, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'incident.create',
      resourceType: 'incident',
      resourceIds: [row.id, place.found.id, ...(row.session_id ? [row.session_id] : [])],
      details: {
        category: row.category,
        severity: row.severity,
        critical: isCritical(input.category, input.severity),
      },
    })
    return presentOne(deps, trx, scope, id)
  })
}
