import type { Insertable } from 'kysely'
import type { AttendanceEventsTable, FeedbackTable, ObservationRecordsTable } from '../../db/database'
import { listSessionsOfCentres, type SessionListRow } from '../../db/repositories/schedule.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import type { Deps } from '../context'
import { addMinutes, localParts, plusDays } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { completedBetween, familyCase, type FamilyCase, type SessionDayCrew } from './demo-family-case'
import { OBSERVATIONS } from './demo-observations'
import { DEMO_ORGANISATION } from './demo-organisation'
import { registerRows, registerTimes, type RegisterTimes } from './demo-register'
import { OBSERVED_FAMILY, REGISTERED_FAMILIES } from './demo-session-day'
import { feedbackRows } from './seed-demo-feedback'
import { seedIncidents, type DemoIncidentsSummary } from './seed-demo-incidents'

const TZ = DEMO_ORGANISATION.timeZone
/** How far back the session day's records go: the eight weeks reports and figures look at. */
const WEEKS_BACK = 8

export interface DemoSessionHistorySummary {
  attendanceEvents: number
  observations: { released: number; submitted: number }
  feedback: { parent: number; child: number }
  incidents: DemoIncidentsSummary
}

/** The days the demo volunteer worked at the centre: her taps are hers, the others the desk's. */
async function tabletUsers(deps: Deps, crew: SessionDayCrew): Promise<(date: string) => string> {
  const days = await deps.db
    .selectFrom('rota_assignments')
    .innerJoin('volunteers', 'volunteers.id', 'rota_assignments.volunteer_id')
    .select('rota_assignments.on_date')
    .where('rota_assignments.organisation_id', '=', crew.organisationId)
    .where('rota_assignments.status', '=', 'assigned')
    .where('volunteers.user_id', '=', crew.userIds.volunteer)
    .execute()
  const hers = new Set(days.map((d) => d.on_date))
  return (date) => (hers.has(date) ? crew.userIds.volunteer : crew.userIds.coordinator)
}

async function insertInChunks<T extends 'attendance_events' | 'feedback'>(
  deps: Deps,
  table: T,
  rows: (T extends 'feedback' ? Insertable<FeedbackTable> : Insertable<AttendanceEventsTable>)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 50)
    await deps.db
      .insertInto(table)
      .values(rows.slice(i, i + 50) as never)
      .execute()
}

/**
 * The supervised family's last three sessions: the two older records checked and released by a
 * second person; the last one submitted and waiting. The admin supervised that Sunday, so the
 * demo coordinator can check it.
 */
function observationRows(
  deps: Deps,
  crew: SessionDayCrew,
  sessions: readonly { session: SessionListRow; times: RegisterTimes }[],
): Insertable<ObservationRecordsTable>[] {
  return sessions.map(({ session, times }, i) => {
    const waiting = i === sessions.length - 1
    const local = (instant: string) => localParts(instant, TZ).time
    const write = OBSERVATIONS[(OBSERVATIONS.length - sessions.length + i) % OBSERVATIONS.length]
    const sections = write?.({
      residentArrives: local(times.residentArrives),
      visitingArrives: local(times.visitingArrives),
      start: local(session.starts_at),
      end: local(session.ends_at),
    })
    const submittedAt = addMinutes(session.ends_at, 120)
    const releasedAt = addMinutes(session.ends_at, 22 * 60)
    return {
      id: newId(),
      organisation_id: session.organisation_id,
      centre_id: session.centre_id,
      case_id: session.case_id,
      session_id: session.id,
      author_user_id: waiting ? crew.userIds.admin : crew.userIds.coordinator,
      sections_sealed: deps.fieldCrypto.encrypt(JSON.stringify(sections ?? {})),
      status: waiting ? 'submitted' : 'released',
      version: 3 + i,
      submitted_at: submittedAt,
      checked_by_user_id: waiting ? null : crew.userIds.admin,
      checked_at: waiting ? null : releasedAt,
      return_note: null,
      released_at: waiting ? null : releasedAt,
      created_at: addMinutes(session.ends_at, 10),
      updated_at: waiting ? submittedAt : releasedAt,
    }
  })
}

/** The register of each session the registered families held in the last weeks, tap by tap. */
function registersOf(
  families: readonly FamilyCase[],
  from: string,
  to: string,
  observed: FamilyCase,
  recordedBy: (date: string) => string,
) {
  const events: Insertable<AttendanceEventsTable>[] = []
  const observedTimes: { session: SessionListRow; times: RegisterTimes }[] = []
  const lastThree = completedBetween(observed, from, to).slice(-3)
  for (const family of families)
    for (const [nth, session] of completedBetween(family, from, to).entries()) {
      const watched = lastThree.findIndex((s) => s.id === session.id)
      // The second record notes the visiting parent five minutes behind his time (within the grace).
      const times = registerTimes(session, nth, watched === lastThree.length - 2 ? 5 : 0)
      if (watched >= 0) observedTimes.push({ session, times })
      events.push(...registerRows(session, family.parties, times, recordedBy(session.local_date)))
    }
  return { events, observedTimes }
}

/**
 * The weeks behind the session day, written as the session-day records would have been: the
 * register of the registered families' sessions, the supervised family's observation records,
 * feedback from parents and children on the sessions held, and two incidents (see seedIncidents).
 */
export async function seedSessionHistory(
  deps: Deps,
  crew: SessionDayCrew,
  today: string,
): Promise<DemoSessionHistorySummary> {
  const from = plusDays(today, -7 * WEEKS_BACK)
  const to = plusDays(today, -1)
  const recordedBy = await tabletUsers(deps, crew)
  const families: FamilyCase[] = []
  for (const visiting of REGISTERED_FAMILIES) families.push(await familyCase(deps.db, crew, visiting))
  const observed = families.find((f) => f.parties.some((p) => p.full_name === OBSERVED_FAMILY))
  if (!observed) throw new Error(`demo: the family of ${OBSERVED_FAMILY} is not registered`)
  const { events, observedTimes } = registersOf(families, from, to, observed, recordedBy)
  await insertInChunks(deps, 'attendance_events', events)
  const records = observationRows(deps, crew, observedTimes)
  if (records.length > 0) await deps.db.insertInto('observation_records').values(records).execute()

  const held = (await listSessionsOfCentres(deps.db, crew, [crew.centreId], from, to))
    .filter((s) => s.status === 'completed')
    .sort(
      (a, b) => a.starts_at.localeCompare(b.starts_at) || a.case_reference.localeCompare(b.case_reference),
    )
  const parties = await listPartiesOfReferrals(deps.db, crew, await referralsOf(deps, crew, held))
  const feedback = held.flatMap((session, n) =>
    feedbackRows(
      session,
      parties.filter((p) => p.case_id === session.case_id),
      n,
      { crypto: deps.fieldCrypto, tabletUserOn: recordedBy },
    ),
  )
  await insertInChunks(deps, 'feedback', feedback)
  const incidents = await seedIncidents(deps, crew)
  return {
    attendanceEvents: events.length,
    observations: {
      released: records.filter((r) => r.status === 'released').length,
      submitted: records.filter((r) => r.status === 'submitted').length,
    },
    feedback: {
      parent: feedback.filter((f) => f.form === 'parent').length,
      child: feedback.filter((f) => f.form === 'child').length,
    },
    incidents,
  }
}

async function referralsOf(deps: Deps, crew: SessionDayCrew, sessions: readonly SessionListRow[]) {
  const caseIds = [...new Set(sessions.map((s) => s.case_id))]
  if (caseIds.length === 0) return []
  const rows = await deps.db
    .selectFrom('cases')
    .select('referral_id')
    .where('organisation_id', '=', crew.organisationId)
    .where('id', 'in', caseIds)
    .execute()
  return rows.map((r) => r.referral_id)
}
