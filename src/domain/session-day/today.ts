import type { Db } from '../../db/connect'
import type { PartyRow } from '../../db/repositories/parties.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import {
  findCentre,
  listCentres,
  listRoomsOfVenues,
  listVenues,
  type CentreRow,
} from '../../db/repositories/organisations.repository'
import { listSessionsOfCentres, type SessionListRow } from '../../db/repositories/schedule.repository'
import { hasRole, scopeOf, type Actor, type Scope } from '../access/actor'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { ServiceTypeSchema } from '../referrals/referrals.schemas'
import {
  AttendanceSchema,
  PartyRoleSchema,
  SafetyFlagSchema,
  SideSchema,
  type SafetyFlag,
  type Side,
} from '../referrals/parties.schemas'
import { deskCentreIds } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { SessionStatusSchema } from '../scheduling/scheduling.schemas'
import type { FieldCrypto } from '../shared/field-crypto'
import { doorRoleOn } from './door-access'
import {
  inBuilding,
  minutesLate,
  firstArrivalOf,
  presenceOf,
  standingWarnings,
  whereaboutsOf,
  type DoorPerson,
  type DoorTimes,
  type RegisterEntry,
} from './door.rules'
import { loadSessionDaySettings } from './session-day-settings'
import {
  AttendanceKindSchema,
  ObservationStatusSchema,
  type AttendanceEventView,
  type TodayBoard,
  type TodaySession,
} from './session-day.schemas'

/** Sessions the door expects or has seen: cancelled, skipped and suspended families are not coming. */
export const DOOR_STATUSES = ['scheduled', 'completed', 'did_not_attend'] as const
const OBSERVED = new Set(['supervised', 'escorted'])
const SIDES: Side[] = ['non_resident', 'resident']

type EventRow = Awaited<ReturnType<typeof listEventsOf>>[number]

/** The register lines of some sessions, voided ones included, in time order. */
export const listEventsOf = (db: Db, scope: Scope, sessionIds: readonly string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('attendance_events')
        .leftJoin('users', 'users.id', 'attendance_events.recorded_by_user_id')
        .selectAll('attendance_events')
        .select('users.display_name as recorded_by_name')
        .where('attendance_events.organisation_id', '=', scope.organisationId)
        .where('attendance_events.session_id', 'in', sessionIds)
        .orderBy('attendance_events.at')
        .orderBy('attendance_events.recorded_at')
        .orderBy('attendance_events.id')
        .execute()

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A listed person as the door rules know them. */
export function doorPersonOf(row: PartyRow): DoorPerson {
  const isChild = row.kind === 'child'
  return {
    id: row.id,
    kind: isChild ? 'child' : 'adult',
    side: isChild ? 'resident' : SideSchema.nullable().catch(null).parse(row.side),
    name: row.full_name,
    attendance: AttendanceSchema.catch('not_applicable').parse(row.attendance),
  }
}

/** A register line as the rules read it; an unlisted visitor's name is unsealed. */
export function entryOf(
  row: EventRow,
  people: ReadonlyMap<string, PartyRow>,
  crypto: FieldCrypto,
): RegisterEntry {
  const listed = row.party_id ? people.get(row.party_id) : undefined
  const name =
    listed?.full_name ?? (row.visitor_name_sealed ? crypto.decrypt(row.visitor_name_sealed) : 'Someone')
  return {
    kind: AttendanceKindSchema.parse(row.kind),
    partyId: row.party_id,
    side: SideSchema.nullable().catch(null).parse(row.side),
    name,
    at: row.at,
  }
}

export function presentEvent(row: EventRow, entry: RegisterEntry): AttendanceEventView {
  return {
    id: row.id,
    clientId: row.client_id,
    sessionId: row.session_id,
    kind: entry.kind,
    partyId: row.party_id,
    side: entry.side,
    name: entry.name,
    listed: row.party_id !== null,
    at: row.at,
    note: row.note,
    recordedBy: row.recorded_by_name,
    voided: row.voided_at !== null,
  }
}

export const doorTimesOf = (row: SessionListRow): DoorTimes => ({
  firstParty: SideSchema.catch('non_resident').parse(row.first_party),
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  arrivesAt: { resident: row.resident_arrives_at, non_resident: row.non_resident_arrives_at },
})

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: string | null, day: string): number | null {
  if (!dateOfBirth) return null
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [y, m, d] = day.split('-').map(Number)
  if (!by || !bm || !bd || !y || !m || !d) return null
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** What the floor must know about a child: feeding, changing, medical notes. Never a school or address. */
export function needsOf(row: PartyRow): string[] {
  const needs = parseJson<Record<string, unknown>>(row.details, {})
  const text = (key: string) => {
    const value = needs[key]
    return typeof value === 'string' && value !== '' ? value : null
  }
  const list: string[] = []
  if (needs.feedingHelp === true) list.push('Needs help with feeding')
  if (needs.changingHelp === true) list.push('Needs changing')
  const medical = text('medical')
  if (medical) list.push(`Medical: ${medical}`)
  const language = text('language')
  if (language) list.push(`Language: ${language}`)
  const other = text('other')
  if (other) list.push(other)
  return list
}

const descriptionOf = (row: PartyRow): string | null => {
  const value = parseJson<Record<string, unknown>>(row.details, {}).description
  return typeof value === 'string' && value !== '' ? value : null
}

/** Everything one board needs about some sessions, read in a few queries. */
interface DayFacts {
  timeZone: string
  now: string
  lateAfterMinutes: number
  cases: ReadonlyMap<string, { reference: string; referralId: string }>
  parties: readonly PartyRow[]
  events: readonly EventRow[]
  rooms: ReadonlyMap<string, string>
  venues: ReadonlyMap<string, string>
  observations: ReadonlyMap<string, { id: string; status: string }>
  incidents: ReadonlyMap<string, number>
}

async function loadDayFacts(deps: Deps, db: Db, scope: Scope, centre: CentreRow, sessions: SessionListRow[]) {
  const ids = sessions.map((s) => s.id)
  const caseIds = [...new Set(sessions.map((s) => s.case_id))]
  const cases =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('cases')
          .select(['id', 'reference', 'referral_id'])
          .where('organisation_id', '=', scope.organisationId)
          .where('id', 'in', caseIds)
          .execute()
  const venues = await listVenues(db, scope, centre.id)
  const [parties, rooms, events, observations, incidents, settings] = await Promise.all([
    listPartiesOfReferrals(
      db,
      scope,
      cases.map((c) => c.referral_id),
    ),
    listRoomsOfVenues(
      db,
      scope,
      venues.map((v) => v.id),
    ),
    listEventsOf(db, scope, ids),
    ids.length === 0
      ? []
      : db
          .selectFrom('observation_records')
          .select(['id', 'status', 'session_id'])
          .where('organisation_id', '=', scope.organisationId)
          .where('session_id', 'in', ids)
          .execute(),
    ids.length === 0
      ? []
      : db
          .selectFrom('incidents')
          .select(['session_id', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('organisation_id', '=', scope.organisationId)
          .where('session_id', 'in', ids)
          .groupBy('session_id')
          .execute(),
    loadSessionDaySettings(db, scope),
  ])
  const facts: DayFacts = {
    timeZone: centre.time_zone,
    now: deps.clock.now().toISOString(),
    lateAfterMinutes: settings.lateAfterMinutes,
    cases: new Map(cases.map((c) => [c.id, { reference: c.reference, referralId: c.referral_id }])),
    parties,
    events,
    rooms: new Map(rooms.map((r) => [r.id, r.name])),
    venues: new Map(venues.map((v) => [v.id, v.name])),
    observations: new Map(observations.map((o) => [o.session_id, { id: o.id, status: o.status }])),
    incidents: new Map(incidents.map((i) => [i.session_id ?? '', Number(i.n)])),
  }
  return facts
}

const roomOf = (facts: DayFacts, id: string | null) => (id ? (facts.rooms.get(id) ?? null) : null)

/** One session as the door sees it: who may come and who must not, where, when, and what has happened. */
function presentTodaySession(row: SessionListRow, facts: DayFacts, crypto: FieldCrypto): TodaySession {
  const referralId = facts.cases.get(row.case_id)?.referralId
  const partyRows = facts.parties.filter((p) => p.referral_id === referralId)
  const byId = new Map(partyRows.map((p) => [p.id, p]))
  const people = partyRows.map(doorPersonOf)
  const rows = facts.events.filter((e) => e.session_id === row.id)
  const entries = rows.map((e) => entryOf(e, byId, crypto))
  const live = entries.filter((_, i) => rows[i]?.voided_at === null)
  const inside = inBuilding(live)
  const times = doorTimesOf(row)
  const adults = partyRows.filter((p) => p.kind !== 'child')
  const doorPerson = (p: PartyRow) => ({
    partyId: p.id,
    name: p.full_name,
    role: PartyRoleSchema.catch('other').parse(p.role),
    description: descriptionOf(p),
    inBuilding: inside.has(p.id),
  })
  const flags = new Set<SafetyFlag>()
  for (const p of partyRows)
    for (const f of parseJson<string[]>(p.safety_flags, [])) {
      const parsed = SafetyFlagSchema.safeParse(f)
      if (parsed.success) flags.add(parsed.data)
    }
  const children = partyRows.filter((p) => p.kind === 'child')
  const observation = facts.observations.get(row.id)
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    familyName: children.map((c) => c.full_name).join(', ') || null,
    serviceType: ServiceTypeSchema.catch('supported').parse(row.service_type),
    status: SessionStatusSchema.catch('scheduled').parse(row.status),
    version: row.version,
    venueName: row.venue_id ? (facts.venues.get(row.venue_id) ?? null) : null,
    roomName: roomOf(facts, row.room_id),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    localStart: localParts(row.starts_at, facts.timeZone).time,
    localEnd: localParts(row.ends_at, facts.timeZone).time,
    flags: [...flags].sort(),
    parties: SIDES.map((side) => {
      const resident = side === 'resident'
      const arrivesAt = resident ? row.resident_arrives_at : row.non_resident_arrives_at
      const leavesAt = resident ? row.resident_leaves_at : row.non_resident_leaves_at
      const arrived = firstArrivalOf(live, side)
      return {
        side,
        first: times.firstParty === side,
        arrivesAt,
        leavesAt,
        localArrive: localParts(arrivesAt, facts.timeZone).time,
        localLeave: localParts(leavesAt, facts.timeZone).time,
        entrance: resident ? row.resident_entrance : row.non_resident_entrance,
        waitingRoom: roomOf(
          facts,
          resident ? row.resident_waiting_room_id : row.non_resident_waiting_room_id,
        ),
        people: adults.filter((p) => p.side === side && p.attendance === 'allowed').map(doorPerson),
        presence: presenceOf(live, side),
        lateMinutes: arrived ? minutesLate(arrived, arrivesAt, facts.lateAfterMinutes) : null,
      }
    }),
    children: children.map((c) => ({
      partyId: c.id,
      name: c.full_name,
      ageYears: ageOn(c.date_of_birth, row.local_date),
      needs: needsOf(c),
      whereabouts: whereaboutsOf(live, c.id),
    })),
    notAllowed: adults.filter((p) => p.attendance === 'not_allowed').map(doorPerson),
    events: rows.map((e, i) => presentEvent(e, entries[i] ?? entryOf(e, byId, crypto))),
    warnings: standingWarnings(live, people, times, facts.now, facts.lateAfterMinutes),
    endedEarly:
      row.ended_early_at !== null ? { at: row.ended_early_at, reason: row.ended_early_reason ?? '' } : null,
    attendanceNote: row.attendance_note,
    observation: OBSERVED.has(row.service_type)
      ? observation
        ? { id: observation.id, status: ObservationStatusSchema.catch('draft').parse(observation.status) }
        : { id: null, status: 'none' }
      : null,
    incidents: facts.incidents.get(row.id) ?? 0,
  }
}

/** Sessions of one day at a centre, as the door sees them. */
export async function presentDaySessions(
  deps: Deps,
  db: Db,
  scope: Scope,
  centre: CentreRow,
  sessions: SessionListRow[],
): Promise<TodaySession[]> {
  const facts = await loadDayFacts(deps, db, scope, centre, sessions)
  return sessions.map((s) => presentTodaySession(s, facts, deps.fieldCrypto))
}

/** The centre the board is for: the one asked for, or the actor's only centre. */
async function centreFor(deps: Deps, actor: Actor, centreId: string | undefined): Promise<CentreRow> {
  const scope = scopeOf(actor)
  if (centreId) {
    const centre = await findCentre(deps.db, scope, centreId)
    if (!centre) throw notFound('Centre')
    return centre
  }
  const all = await listCentres(deps.db, scope)
  const desk = deskCentreIds(actor)
  const mine = new Set(desk ?? all.map((c) => c.id))
  if (hasRole(actor, 'volunteer') && actor.userId) {
    const volunteering = await deps.db
      .selectFrom('volunteers')
      .select('centre_id')
      .where('organisation_id', '=', scope.organisationId)
      .where('user_id', '=', actor.userId)
      .where('stage', 'not in', ['left', 'withdrawn'])
      .execute()
    for (const v of volunteering) mine.add(v.centre_id)
  }
  const candidates = all.filter((c) => mine.has(c.id))
  const [only] = candidates
  if (candidates.length !== 1 || !only)
    throw new AppError('INVALID_INPUT', 'Choose a centre', { field: 'centreId' })
  return only
}

/**
 * The Today board of a centre: the day's sessions in time order with who may come and who must not,
 * the team on the rota and every arrival and departure. The same board for the desk and the door.
 * @throws AppError INVALID_INPUT when the centre is not given and the actor has more than one;
 *   NOT_FOUND for a centre the actor has nothing to do with; FORBIDDEN (DOOR-OFF-DUTY) for a
 *   volunteer who is not on the rota that day.
 */
export async function getTodayBoard(
  deps: Deps,
  actor: Actor,
  query: { centreId?: string | undefined; date?: string | undefined },
): Promise<TodayBoard> {
  const scope = scopeOf(actor)
  const centre = await centreFor(deps, actor, query.centreId)
  const now = deps.clock.now().toISOString()
  const date = query.date ?? localParts(now, centre.time_zone).date
  await doorRoleOn(deps.db, actor, centre.id, date)
  const rows = (await listSessionsOfCentres(deps.db, scope, [centre.id], date, date)).filter((s) =>
    (DOOR_STATUSES as readonly string[]).includes(s.status),
  )
  const [sessions, team] = await Promise.all([
    presentDaySessions(deps, deps.db, scope, centre, rows),
    teamOn(deps.db, scope, centre, date),
  ])
  const timeline = sessions
    .flatMap((s) =>
      s.parties.flatMap((p) =>
        (['arrive', 'leave'] as const).map((movement) => ({
          at: movement === 'arrive' ? p.arrivesAt : p.leavesAt,
          local: movement === 'arrive' ? p.localArrive : p.localLeave,
          sessionId: s.id,
          caseReference: s.caseReference,
          side: p.side,
          movement,
          entrance: p.entrance,
          waitingRoom: p.waitingRoom,
        })),
      ),
    )
    .sort((a, b) => a.at.localeCompare(b.at) || a.caseReference.localeCompare(b.caseReference))
  return {
    centreId: centre.id,
    centreName: centre.name,
    date,
    timeZone: centre.time_zone,
    generatedAt: now,
    team,
    sessions,
    timeline,
  }
}

/** The people on the centre's rota that day, team leaders first, then by start time and name. */
async function teamOn(db: Db, scope: Scope, centre: CentreRow, date: string): Promise<TodayBoard['team']> {
  const rows = await db
    .selectFrom('rota_assignments')
    .innerJoin('volunteers', 'volunteers.id', 'rota_assignments.volunteer_id')
    .select([
      'volunteers.full_name',
      'rota_assignments.duty',
      'rota_assignments.starts_at',
      'rota_assignments.ends_at',
    ])
    .where('rota_assignments.organisation_id', '=', scope.organisationId)
    .where('rota_assignments.centre_id', '=', centre.id)
    .where('rota_assignments.on_date', '=', date)
    .where('rota_assignments.status', '=', 'assigned')
    .execute()
  return rows
    .map((r) => ({
      name: r.full_name,
      duty: r.duty,
      leads: r.duty === 'team_leader',
      localStart: localParts(r.starts_at, centre.time_zone).time,
      localEnd: localParts(r.ends_at, centre.time_zone).time,
      startsAt: r.starts_at,
    }))
    .sort(
      (a, b) =>
        Number(b.leads) - Number(a.leads) ||
        a.startsAt.localeCompare(b.startsAt) ||
        a.name.localeCompare(b.name),
    )
    .map(({ startsAt: _startsAt, ...member }) => member)
}
