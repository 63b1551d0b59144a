import { updateCase } from '../../db/repositories/cases.repository'
import type { PartyRow } from '../../db/repositories/parties.repository'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import { recordReview } from '../cases/manage-case'
import type { Deps } from '../context'
import { addMinutes, localParts, plusDays } from '../scheduling/schedule.rules'
import { incidentFlag, referrerDueAt } from '../session-day/incident.rules'
import type { SessionDaySettings, WarningLevel } from '../session-day/session-day.schemas'
import { loadSessionDaySettings } from '../session-day/session-day-settings'
import { newId } from '../shared/ids'
import { fill, incidentRow } from './demo-incident-rows'
import {
  completedBetween,
  crewActor,
  familyCase,
  personOf,
  type FamilyCase,
  type SessionDayCrew,
} from './demo-family-case'
import { DEMO_ORGANISATION } from './demo-organisation'
import { AGGRESSION, RULE_BREACH } from './demo-session-day'

const TZ = DEMO_ORGANISATION.timeZone

export interface DemoIncidentsSummary {
  incidents: number
  warnings: number
  /** The case whose sessions are suspended, and how many of them. */
  suspendedCaseId: string
  sessionsSuspended: number
}

/** An incident's family, the session it happened at, the adult it concerns and when it was told. */
interface Occasion {
  family: FamilyCase
  session: SessionListRow
  parent: PartyRow
  occurredAt: string
  /** When the referrer had to hear of it, and when they did (three quarters of an hour before). */
  dueAt: string
  toldAt: string
}

async function occasionOf(
  deps: Deps,
  crew: SessionDayCrew,
  settings: SessionDaySettings,
  spec: { visiting: string; minutesIn: number },
  pick: (held: SessionListRow[]) => SessionListRow | undefined,
): Promise<Occasion> {
  const family = await familyCase(deps.db, crew, spec.visiting)
  const today = localParts(deps.clock.now().toISOString(), TZ).date
  // Today's own session counts once it has been held (the demo seeded on a Sunday evening).
  const session = pick(completedBetween(family, plusDays(today, -56), today))
  if (!session) throw new Error(`demo: ${spec.visiting} has no session held for the incident`)
  const occurredAt = addMinutes(session.starts_at, spec.minutesIn)
  const dueAt = referrerDueAt(occurredAt, TZ, settings)
  const parent = personOf(family, 'non_resident_parent')
  return { family, session, parent, occurredAt, dueAt, toldAt: addMinutes(dueAt, -45) }
}

async function insertWarning(
  deps: Deps,
  crew: SessionDayCrew,
  at: Occasion,
  warning: { incidentId: string; level: WarningLevel; reason: string; issuedAt: string },
): Promise<void> {
  await deps.db
    .insertInto('warnings')
    .values({
      id: newId(),
      organisation_id: crew.organisationId,
      case_id: at.family.id,
      party_id: at.parent.id,
      incident_id: warning.incidentId,
      level: warning.level,
      reason: warning.reason,
      issued_by_user_id: crew.userIds.coordinator,
      issued_at: warning.issuedAt,
    })
    .execute()
}

/** A fortnight ago: photographs taken against the ground rules, a verbal warning, reviewed and told. */
async function seedRuleBreach(deps: Deps, crew: SessionDayCrew, settings: SessionDaySettings) {
  const today = localParts(deps.clock.now().toISOString(), TZ).date
  const target = Date.parse(plusDays(today, -RULE_BREACH.daysAgo))
  const distance = (s: SessionListRow) => Math.abs(Date.parse(s.local_date) - target)
  const at = await occasionOf(deps, crew, settings, RULE_BREACH, (held) =>
    held.sort((a, b) => distance(a) - distance(b) || a.local_date.localeCompare(b.local_date)).at(0),
  )
  const row = incidentRow(deps, at.session, {
    category: 'rule_breach',
    severity: 'moderate',
    location: RULE_BREACH.location,
    status: 'reviewed',
    review_note: RULE_BREACH.reviewNote,
    occurredAt: at.occurredAt,
    people: [at.parent.id],
    actions: ['verbal_warning_given'],
    account: {
      whatHappened: fill(RULE_BREACH.whatHappened, { time: localParts(at.occurredAt, TZ).time }),
      childAccount: null,
      injuries: null,
      witnesses: RULE_BREACH.witnesses,
      reasonsNotToAct: null,
    },
    reportedBy: crew.userIds.coordinator,
    referrerNotifiedAt: at.toldAt,
    reviewedAt: addMinutes(at.toldAt, 30),
    dueAt: at.dueAt,
  })
  await deps.db.insertInto('incidents').values(row).execute()
  await insertWarning(deps, crew, at, {
    incidentId: row.id,
    level: 'verbal_warning',
    reason: RULE_BREACH.warning,
    issuedAt: addMinutes(at.occurredAt, 2),
  })
  // The incident flagged the case; the coordinator held the review it called for that week.
  const reviewedAt = addMinutes(at.toldAt, 6 * 60)
  await recordReview(
    { ...deps, clock: { now: () => new Date(reviewedAt) } },
    crewActor(crew, 'coordinator'),
    at.family.id,
    { heldOn: localParts(reviewedAt, TZ).date, outcome: 'continue', notes: RULE_BREACH.caseReview },
  )
}

/** The session ended early, the case flagged for review, as reporting the incident does. */
async function endEarlyAndFlag(deps: Deps, crew: SessionDayCrew, at: Occasion): Promise<void> {
  const reportedAt = addMinutes(at.occurredAt, 12)
  await deps.db
    .updateTable('sessions')
    .set({
      ended_early_at: addMinutes(at.occurredAt, 6),
      ended_early_reason: AGGRESSION.endedEarly,
      version: at.session.version + 1,
      updated_at: reportedAt,
    })
    .where('id', '=', at.session.id)
    .execute()
  await updateCase(deps.db, { organisationId: crew.organisationId }, at.family.id, {
    review_flag: incidentFlag('aggression', at.session.local_date),
    review_flag_raised_at: reportedAt,
    updated_at: reportedAt,
  })
}

/** Every session booked from the day after suspended, keeping its place; answers how many. */
async function suspendAhead(
  deps: Deps,
  crew: SessionDayCrew,
  at: Occasion,
  incidentId: string,
  decidedAt: string,
): Promise<number> {
  const fromOn = plusDays(at.session.local_date, 1)
  const ahead = at.family.sessions.filter((s) => s.local_date >= fromOn && s.status === 'scheduled')
  const suspensionId = newId()
  await deps.db
    .insertInto('suspensions')
    .values({
      id: suspensionId,
      organisation_id: crew.organisationId,
      case_id: at.family.id,
      incident_id: incidentId,
      from_on: fromOn,
      conditions: AGGRESSION.conditions,
      status: 'active',
      sessions_suspended: ahead.length,
      created_by_user_id: crew.userIds.coordinator,
      created_at: decidedAt,
      lifted_at: null,
      lifted_by_user_id: null,
      lift_note: null,
    })
    .execute()
  for (const s of ahead)
    await deps.db
      .updateTable('sessions')
      .set({
        status: 'suspended',
        suspension_id: suspensionId,
        version: s.version + 1,
        updated_at: decidedAt,
      })
      .where('id', '=', s.id)
      .execute()
  return ahead.length
}

/**
 * At the family's last session: aggression towards the team leader, the session ended early, the
 * case flagged, and every session from the next day suspended until the conditions are met. The
 * referrer has been told unless the notice is not due yet.
 */
async function seedAggression(deps: Deps, crew: SessionDayCrew, settings: SessionDaySettings) {
  const at = await occasionOf(deps, crew, settings, AGGRESSION, (held) => held.at(-1))
  const decidedAt = addMinutes(at.occurredAt, 180)
  const local = (instant: string) => localParts(instant, TZ).time
  const row = incidentRow(deps, at.session, {
    category: 'aggression',
    severity: 'serious',
    location: AGGRESSION.location,
    status: 'reviewed',
    review_note: AGGRESSION.reviewNote,
    occurredAt: at.occurredAt,
    people: [at.parent.id],
    actions: ['session_ended_early', 'asked_to_leave', 'parents_informed'],
    account: {
      whatHappened: fill(AGGRESSION.whatHappened, {
        time: local(at.occurredAt),
        end: local(at.session.ends_at),
      }),
      childAccount: null,
      injuries: AGGRESSION.injuries,
      witnesses: AGGRESSION.witnesses,
      reasonsNotToAct: null,
    },
    reportedBy: crew.userIds.coordinator,
    referrerNotifiedAt: at.toldAt <= deps.clock.now().toISOString() ? at.toldAt : null,
    reviewedAt: decidedAt,
    dueAt: at.dueAt,
  })
  await deps.db.insertInto('incidents').values(row).execute()
  await endEarlyAndFlag(deps, crew, at)
  const sessionsSuspended = await suspendAhead(deps, crew, at, row.id, decidedAt)
  await insertWarning(deps, crew, at, {
    incidentId: row.id,
    level: 'service_suspended',
    reason: AGGRESSION.warning,
    issuedAt: decidedAt,
  })
  return { suspendedCaseId: at.family.id, sessionsSuspended }
}

/** The centre's two incidents of the last weeks, with their warnings and the one suspension. */
export async function seedIncidents(deps: Deps, crew: SessionDayCrew): Promise<DemoIncidentsSummary> {
  const settings = await loadSessionDaySettings(deps.db, { organisationId: crew.organisationId })
  await seedRuleBreach(deps, crew, settings)
  const suspension = await seedAggression(deps, crew, settings)
  return { incidents: 2, warnings: 2, ...suspension }
}
