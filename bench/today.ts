/**
 * The session day at the door: the Today board of a busy centre day and one tap at the door, through
 * the real server, over a centre with a year of sessions and registers behind it. On SQLite the
 * statements of one board and one tap are read through EXPLAIN QUERY PLAN, and any that reads a whole
 * table, or every row of the organisation, is named. Method and results: docs/performance.md.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import os from 'node:os'
import type Database from 'better-sqlite3'
import { sql, type Insertable } from 'kysely'
import { v7 as newId } from 'uuid'
import { connect, type DatabaseTarget, type Db } from '../src/db/connect'
import type { AttendanceEventsTable, PartiesTable, SessionsTable } from '../src/db/database'
import { migrateToLatest } from '../src/db/migrate'
import { cliOrigin } from '../src/domain/access/actor'
import { createUserWithPassword } from '../src/domain/organisation/set-up-organisation'
import { plusDays, sessionTimes, weekdayOf, zonedInstant } from '../src/domain/scheduling/schedule.rules'
import type { Clock } from '../src/domain/shared/clock'
import { createFieldCrypto, type FieldCrypto } from '../src/domain/shared/field-crypto'
import type { TodayBoard } from '../src/domain/session-day/session-day.schemas'
import { insertBulkFamilies } from '../tests/support/bulk-families'
import { startSignedIn } from './server'

const PASSWORD = 'load test passphrase 2026'
const ZONE = 'Europe/London'
/** 300 referrals, of which 200 became cases: the centre's other families. */
const OTHER_REFERRALS = 300
/**
 * The local time on the day when the measuring starts: the 09:00 families' children are back, the
 * 09:30 and 10:00 families' children handed over, and the 10:30 family is on its way.
 */
const NOW_LOCAL = '10:01'
const WARM_UP = 10
const BOARD_RUNS = 300
const TAP_RUNS = 150
const ARRIVAL = {
  firstArrivingParty: 'non_resident' as const,
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
}
const MINUTE = 60_000

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

/** Wall time and CPU time (user + system, the whole process) of some requests. */
class Timings {
  readonly wall: number[] = []
  cpuMicros = 0
  async time<T>(run: () => Promise<T>): Promise<T> {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const result = await run()
    this.wall.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    this.cpuMicros += used.user + used.system
    return result
  }
  summary(): string {
    const sorted = [...this.wall].sort((a, b) => a - b)
    const cpu = this.cpuMicros / Math.max(1, sorted.length) / 1000
    return `${sorted.length} requests: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}; CPU ${ms(cpu)} a request`
  }
}

/** A Saturday a week or two ahead, a centre's busiest day; the bench's clock is moved onto it. */
function nextSaturday(now = new Date()): string {
  const today = now.toISOString().slice(0, 10)
  return plusDays(today, ((6 - weekdayOf(today) + 7) % 7) + 7)
}

/** The system clock moved to a chosen instant: it keeps running from there. */
function clockFrom(instant: string): Clock {
  const offset = Date.parse(instant) - Date.now()
  return { now: () => new Date(Date.now() + offset) }
}

const addMinutes = (instant: string, minutes: number) =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString()

// ---------- The day's families ----------

/** The twelve families of the day: start, minutes, service; the sixth is the one measured at the door. */
const DAY_PLAN = [
  ['09:00', 60, 'supported'],
  ['09:00', 60, 'supervised'],
  ['09:30', 90, 'supported'],
  ['10:00', 60, 'supported'],
  ['10:00', 60, 'supervised'],
  ['10:30', 120, 'supported'],
  ['11:00', 120, 'supported'],
  ['11:30', 60, 'supervised'],
  ['13:00', 120, 'supported'],
  ['13:30', 60, 'supervised'],
  ['14:00', 120, 'supported'],
  ['15:00', 60, 'supported'],
] as const
const MEASURED = 5

/** The people of one family, as the door taps them. */
interface Family {
  caseId: string
  referralId: string
  /** The allowed adults of the visiting side; the first is the parent. */
  visiting: string[]
  /** The allowed adults of the bringing side; the first is the parent. */
  bringing: string[]
  children: string[]
  barred: { id: string; side: 'resident' | 'non_resident' } | null
}

interface Tap {
  partyId: string
  side: 'resident' | 'non_resident'
  kind: AttendanceEventsTable['kind']
  at: string
}

type SessionShape = Pick<
  SessionsTable,
  'starts_at' | 'ends_at' | 'non_resident_arrives_at' | 'non_resident_leaves_at'
>

/** A whole session at the door: the visiting side in, the handover, the return, everyone out. */
function registerOf(family: Family, s: SessionShape, refused: boolean): Tap[] {
  const taps: Tap[] = []
  const tap = (partyId: string, side: Tap['side'], kind: string, at: string) =>
    taps.push({ partyId, side, kind, at })
  if (refused && family.barred)
    tap(family.barred.id, family.barred.side, 'refused_entry', addMinutes(s.starts_at, -10))
  for (const id of family.visiting)
    tap(id, 'non_resident', 'arrived', addMinutes(s.non_resident_arrives_at, 2))
  const parent = family.bringing[0] ?? ''
  tap(parent, 'resident', 'arrived', addMinutes(s.starts_at, -2))
  for (const id of family.children) tap(id, 'resident', 'child_handed_over', s.starts_at)
  tap(parent, 'resident', 'left', addMinutes(s.starts_at, 3))
  tap(parent, 'resident', 'arrived', addMinutes(s.ends_at, -5))
  for (const id of family.children) tap(id, 'resident', 'child_returned', s.ends_at)
  tap(parent, 'resident', 'left', addMinutes(s.ends_at, 2))
  for (const id of family.visiting) tap(id, 'non_resident', 'left', addMinutes(s.non_resident_leaves_at, -1))
  return taps
}

function person(
  crypto: FieldCrypto,
  base: Pick<PartiesTable, 'organisation_id' | 'referral_id' | 'case_id'>,
  fields: Pick<PartiesTable, 'kind' | 'role' | 'side' | 'full_name' | 'attendance'> & {
    details?: Record<string, unknown>
    flags?: string[]
    dateOfBirth?: string
  },
): Insertable<PartiesTable> {
  const now = new Date().toISOString()
  const adult = fields.kind === 'adult'
  return {
    id: newId(),
    ...base,
    kind: fields.kind,
    role: fields.role,
    side: fields.side,
    full_name: fields.full_name,
    search_name: fields.full_name.toLowerCase(),
    date_of_birth: fields.dateOfBirth ?? null,
    details: JSON.stringify(fields.details ?? {}),
    protected_sealed: adult
      ? crypto.encrypt(JSON.stringify({ address: '1 High Street, Anytown', phone: '07700 900000' }))
      : crypto.encrypt(JSON.stringify({ school: 'Anytown Primary' })),
    protected_present: adult ? '["address","phone"]' : '["school"]',
    attendance: fields.attendance,
    authorised_by: adult ? 'referral' : null,
    safety_flags: JSON.stringify(fields.flags ?? []),
    user_id: null,
    created_at: now,
    updated_at: now,
  }
}

/** A family of the day: 1–3 children, 2–4 adults who may come, and one person who must not. */
async function insertDayFamily(
  db: Db,
  crypto: FieldCrypto,
  ids: { organisationId: string; centreId: string },
  index: number,
  supervised: boolean,
): Promise<Family> {
  const referralId = newId()
  const caseId = newId()
  const at = new Date(Date.UTC(2025, 5, 1 + index)).toISOString()
  await db
    .insertInto('referrals')
    .values({
      id: referralId,
      organisation_id: ids.organisationId,
      centre_id: ids.centreId,
      reference: `R-DAY-${index}`,
      status: 'accepted',
      channel: 'staff',
      source_code: 'court_adviser',
      service_requested: supervised ? 'supervised' : 'supported',
      referrer_user_id: null,
      risk_flags: supervised ? '["domestic_abuse"]' : '[]',
      received_at: at,
      status_changed_at: at,
      case_id: caseId,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await db
    .insertInto('cases')
    .values({
      id: caseId,
      organisation_id: ids.organisationId,
      centre_id: ids.centreId,
      referral_id: referralId,
      reference: `C-DAY-${String(index + 1).padStart(2, '0')}`,
      status: 'active',
      service_level: supervised ? 'supervised' : 'supported',
      capacity_weight: 1,
      opened_at: at,
      review_due_on: plusDays(at.slice(0, 10), 180),
      risk_flags: supervised ? '["domestic_abuse"]' : '[]',
      created_at: at,
      updated_at: at,
    })
    .execute()
  const base = { organisation_id: ids.organisationId, referral_id: referralId, case_id: caseId }
  const family = familyPeople(crypto, base, index, supervised)
  await db.insertInto('parties').values(family.rows).execute()
  return { caseId, referralId, ...family.people }
}

function familyPeople(
  crypto: FieldCrypto,
  base: Pick<PartiesTable, 'organisation_id' | 'referral_id' | 'case_id'>,
  index: number,
  supervised: boolean,
) {
  const adult = (role: string, side: 'resident' | 'non_resident', name: string, description: string) =>
    person(crypto, base, {
      kind: 'adult',
      role,
      side,
      full_name: name,
      attendance: 'allowed',
      details: { description, interpreterNeeded: index % 5 === 0 },
    })
  const visiting = [adult('non_resident_parent', 'non_resident', `Dan Day${index}`, 'Tall, grey coat')]
  const bringing = [
    {
      ...adult('resident_parent', 'resident', `Rose Day${index}`, 'Red scarf, pushchair'),
      safety_flags: JSON.stringify(supervised ? ['domestic_abuse', 'address_confidential'] : []),
    },
  ]
  if (index % 3 >= 1) visiting.push(adult('grandparent', 'non_resident', `Gran Day${index}`, 'Walking stick'))
  if (index % 3 === 2) bringing.push(adult('other_relative', 'resident', `Aunt Day${index}`, 'Green jacket'))
  const barredSide = index % 2 === 0 ? 'non_resident' : 'resident'
  const barred = {
    ...person(crypto, base, {
      kind: 'adult',
      role: 'new_partner',
      side: barredSide,
      full_name: `Barry Notallowed${index}`,
      attendance: 'not_allowed',
      details: { description: 'Shaved head, tattoo on the left hand' },
      flags: ['must_not_attend'],
    }),
    authorised_by: null,
  }
  const children = Array.from({ length: (index % 3) + 1 }, (_, c) =>
    person(crypto, base, {
      kind: 'child',
      role: 'child',
      side: null,
      full_name: `Kid${c + 1} Day${index}`,
      attendance: 'not_applicable',
      dateOfBirth: `${2016 + c + (index % 4)}-0${(c % 9) + 1}-15`,
      details:
        c === 0
          ? { feedingHelp: index % 4 === 0, medical: index % 3 === 0 ? 'Asthma: inhaler in bag' : '' }
          : {},
    }),
  )
  return {
    rows: [...visiting, ...bringing, barred, ...children],
    people: {
      visiting: visiting.map((p) => p.id ?? ''),
      bringing: bringing.map((p) => p.id ?? ''),
      children: children.map((p) => p.id ?? ''),
      barred: { id: barred.id ?? '', side: barredSide } as Family['barred'],
    },
  }
}

// ---------- The calendar, the registers and the rota ----------

interface Place {
  organisationId: string
  centreId: string
  venueId: string
  rooms: string[]
  quietRooms: string[]
  coordinatorId: string
}

async function insertVenue(db: Db, organisationId: string, centreId: string) {
  const now = new Date().toISOString()
  const venueId = newId()
  await db
    .insertInto('venues')
    .values({
      id: venueId,
      organisation_id: organisationId,
      centre_id: centreId,
      name: 'Church hall',
      address: null,
      has_separate_entrances: 1,
      entrances: JSON.stringify(['Front door', 'Side door']),
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const room = (name: string, kind: string) => ({
    id: newId(),
    organisation_id: organisationId,
    venue_id: venueId,
    name,
    kind,
    capacity_families: kind === 'family_room' ? 6 : 1,
    archived_at: null,
    created_at: now,
    updated_at: now,
  })
  const rooms = [room('Main hall', 'family_room'), room('Garden room', 'family_room')]
  const quietRooms = [room('Quiet room 1', 'private_room'), room('Quiet room 2', 'private_room')]
  await db
    .insertInto('rooms')
    .values([...rooms, ...quietRooms])
    .execute()
  return { venueId, rooms: rooms.map((r) => r.id), quietRooms: quietRooms.map((r) => r.id) }
}

async function insertPlan(
  db: Db,
  place: Place,
  caseId: string,
  service: string,
  firstOn: string,
  start: string,
) {
  const id = newId()
  const now = new Date().toISOString()
  await db
    .insertInto('contact_plans')
    .values({
      id,
      organisation_id: place.organisationId,
      centre_id: place.centreId,
      case_id: caseId,
      status: 'active',
      service_type: service,
      frequency: 'fortnightly',
      week_of_month: null,
      first_on: firstOn,
      last_on: null,
      starts_at_time: start,
      duration_minutes: 60,
      venue_id: place.venueId,
      room_id: null,
      arrival: JSON.stringify({
        ...ARRIVAL,
        resident: { entrance: 'Side door', waitingRoomId: null },
        nonResident: { entrance: 'Front door', waitingRoomId: null },
      }),
      offsite_sealed: null,
      notes_sealed: null,
      replaces_plan_id: null,
      ended_reason: null,
      created_by_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

interface Booking {
  caseId: string
  planId: string
  date: string
  start: string
  minutes: number
  service: string
  roomId: string
  /** Before the day: the family came and the register gave the outcome. */
  past: boolean
}

function sessionRow(place: Place, b: Booking): Insertable<SessionsTable> {
  const t = sessionTimes(b.date, b.start, b.minutes, ZONE, ARRIVAL)
  const now = new Date().toISOString()
  return {
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    case_id: b.caseId,
    plan_id: b.planId,
    occurrence_on: b.date,
    local_date: b.date,
    service_type: b.service,
    status: b.past ? 'completed' : 'scheduled',
    venue_id: place.venueId,
    room_id: b.roomId,
    starts_at: t.startsAt,
    ends_at: t.endsAt,
    occupied_from: t.occupiedFrom,
    occupied_until: t.occupiedUntil,
    capacity_weight: 1,
    first_party: 'non_resident',
    resident_arrives_at: t.resident.arrivesAt,
    resident_leaves_at: t.resident.leavesAt,
    resident_entrance: 'Side door',
    resident_waiting_room_id: null,
    non_resident_arrives_at: t.nonResident.arrivesAt,
    non_resident_leaves_at: t.nonResident.leavesAt,
    non_resident_entrance: 'Front door',
    non_resident_waiting_room_id: null,
    offsite_sealed: null,
    moved: 0,
    resident_outcome: b.past ? 'attended' : null,
    non_resident_outcome: b.past ? 'attended' : null,
    outcome_explained: b.past ? 0 : null,
    outcome_recorded_at: b.past ? addMinutes(t.endsAt, 20) : null,
    outcome_source: b.past ? 'register' : null,
    version: 1,
    created_at: now,
    updated_at: now,
  }
}

function eventRow(place: Place, s: Insertable<SessionsTable>, tap: Tap): Insertable<AttendanceEventsTable> {
  return {
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    session_id: s.id,
    case_id: s.case_id,
    party_id: tap.partyId,
    side: tap.side,
    kind: tap.kind,
    visitor_name_sealed: null,
    note: null,
    at: tap.at,
    client_id: randomUUID(),
    recorded_by_user_id: place.coordinatorId,
    recorded_at: tap.at,
  }
}

/** Many rows in a few statements (SQLite allows 32,766 parameters a statement). */
async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400))
}

/** A released observation record for a past supervised session, or a draft for one under way. */
function observationRow(place: Place, crypto: FieldCrypto, s: Insertable<SessionsTable>, released: boolean) {
  const at = s.ends_at
  return {
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    case_id: s.case_id,
    session_id: s.id,
    author_user_id: place.coordinatorId,
    sections_sealed: crypto.encrypt(JSON.stringify({ arrival: 'Arrived on time, settled quickly.' })),
    status: released ? ('released' as const) : ('draft' as const),
    version: released ? 4 : 1,
    submitted_at: released ? at : null,
    checked_by_user_id: released ? place.coordinatorId : null,
    checked_at: released ? at : null,
    return_note: null,
    released_at: released ? at : null,
    created_at: at,
    updated_at: at,
  }
}

function incidentRow(place: Place, crypto: FieldCrypto, s: Insertable<SessionsTable>, open: boolean) {
  const at = addMinutes(s.starts_at, 20)
  return {
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    case_id: s.case_id,
    session_id: s.id ?? null,
    category: open ? 'unauthorised_person' : 'rule_breach',
    severity: open ? 'moderate' : 'low',
    occurred_at: at,
    location: 'Front door',
    people: JSON.stringify({ ids: [], concerns: null }),
    actions: JSON.stringify(open ? ['refused_entry'] : ['verbal_warning_given']),
    account_sealed: crypto.encrypt(JSON.stringify({ what: 'Raised voice at the door.' })),
    status: open ? ('open' as const) : ('closed' as const),
    reported_by_user_id: place.coordinatorId,
    coordinator_notified_at: at,
    referrer_due_at: addMinutes(at, 24 * 60),
    referrer_notified_at: open ? null : addMinutes(at, 60),
    reviewed_by_user_id: open ? null : place.coordinatorId,
    reviewed_at: open ? null : addMinutes(at, 120),
    review_note: null,
    created_at: at,
    updated_at: at,
  }
}

/** Sessions, registers, observation records and incidents for the families' bookings. */
async function insertBookings(
  db: Db,
  crypto: FieldCrypto,
  place: Place,
  bookings: readonly { booking: Booking; family: Family }[],
) {
  const sessions: Insertable<SessionsTable>[] = []
  const events: Insertable<AttendanceEventsTable>[] = []
  const observations: ReturnType<typeof observationRow>[] = []
  const incidents: ReturnType<typeof incidentRow>[] = []
  for (const { booking, family } of bookings) {
    const row = sessionRow(place, booking)
    sessions.push(row)
    if (!booking.past) continue
    for (const tap of registerOf(family, row, false)) events.push(eventRow(place, row, tap))
    if (booking.service === 'supervised') observations.push(observationRow(place, crypto, row, true))
    if (sessions.length % 97 === 0) incidents.push(incidentRow(place, crypto, row, false))
  }
  await inChunks(sessions, (chunk) => db.insertInto('sessions').values(chunk).execute())
  await inChunks(events, (chunk) => db.insertInto('attendance_events').values(chunk).execute())
  await inChunks(observations, (chunk) => db.insertInto('observation_records').values(chunk).execute())
  if (incidents.length > 0) await db.insertInto('incidents').values(incidents).execute()
  return { sessions, events: events.length }
}

/** The centre's other families, fortnightly for the year before the day and three months after. */
async function otherFamiliesBookings(db: Db, place: Place, day: string) {
  const org = place.organisationId
  await db
    .updateTable('parties')
    .set({ side: 'resident' })
    .where('organisation_id', '=', org)
    .where('role', '=', 'resident_parent')
    .execute()
  await db
    .updateTable('parties')
    .set({ side: 'non_resident' })
    .where('organisation_id', '=', org)
    .where('role', '=', 'non_resident_parent')
    .execute()
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'referral_id', 'service_level'])
    .where('organisation_id', '=', org)
    .orderBy('id')
    .execute()
  const parties = await db
    .selectFrom('parties')
    .select(['id', 'referral_id', 'role'])
    .where('organisation_id', '=', org)
    .execute()
  const of = (referralId: string, role: string) =>
    parties.find((p) => p.referral_id === referralId && p.role === role)?.id ?? ''
  const bookings: { booking: Booking; family: Family }[] = []
  for (const [h, c] of cases.entries()) {
    const family: Family = {
      caseId: c.id,
      referralId: c.referral_id,
      visiting: [of(c.referral_id, 'non_resident_parent')],
      bringing: [of(c.referral_id, 'resident_parent')],
      children: [of(c.referral_id, 'child')],
      barred: null,
    }
    const service = c.service_level === 'supervised' ? 'supervised' : 'supported'
    const start = `${String(9 + (h % 7)).padStart(2, '0')}:${h % 2 === 0 ? '00' : '30'}`
    const firstOn = plusDays(day, -364 + (h % 14))
    const planId = await insertPlan(db, place, c.id, service, firstOn, start)
    const rooms = service === 'supervised' ? place.quietRooms : place.rooms
    for (let date = firstOn; date <= plusDays(day, 90); date = plusDays(date, 14)) {
      if (date === day) continue
      const roomId = rooms[h % rooms.length] ?? ''
      bookings.push({
        booking: { caseId: c.id, planId, date, start, minutes: 60, service, roomId, past: date < day },
        family,
      })
    }
  }
  return bookings
}

/** The day's twelve families, each also booked fortnightly for the year before and three months after. */
async function dayFamiliesBookings(db: Db, crypto: FieldCrypto, place: Place, day: string) {
  const bookings: { booking: Booking; family: Family }[] = []
  const families: Family[] = []
  for (const [index, [start, minutes, service]] of DAY_PLAN.entries()) {
    const family = await insertDayFamily(db, crypto, place, index, service === 'supervised')
    families.push(family)
    const planId = await insertPlan(db, place, family.caseId, service, plusDays(day, -364), start)
    const rooms = service === 'supervised' ? place.quietRooms : place.rooms
    const roomId = rooms[index % rooms.length] ?? ''
    for (let j = -26; j <= 6; j++) {
      const date = plusDays(day, j * 14)
      bookings.push({
        booking: { caseId: family.caseId, planId, date, start, minutes, service, roomId, past: j < 0 },
        family,
      })
    }
  }
  return { bookings, families }
}

/** The register so far on the day: every tap of the morning up to now. */
async function insertMorning(
  db: Db,
  crypto: FieldCrypto,
  place: Place,
  day: { families: Family[]; sessions: Insertable<SessionsTable>[]; now: string },
) {
  const taps: { session: Insertable<SessionsTable>; tap: Tap }[] = []
  for (const [index, session] of day.sessions.entries()) {
    const family = day.families[index]
    if (!family || index === MEASURED) continue
    for (const tap of registerOf(family, session, index === 3))
      if (tap.at <= day.now) taps.push({ session, tap })
  }
  const morning = taps.sort((a, b) => a.tap.at.localeCompare(b.tap.at))
  await db
    .insertInto('attendance_events')
    .values(morning.map((t) => eventRow(place, t.session, t.tap)))
    .execute()
  const started = day.sessions.filter((s, i) => DAY_PLAN[i]?.[2] === 'supervised' && s.starts_at <= day.now)
  if (started.length > 0)
    await db
      .insertInto('observation_records')
      .values(started.map((s) => observationRow(place, crypto, s, false)))
      .execute()
  const refused = day.sessions[3]
  if (refused)
    await db
      .insertInto('incidents')
      .values(incidentRow(place, crypto, refused, true))
      .execute()
  return morning.length
}

// ---------- The team ----------

const DUTIES = ['team_leader', 'supervisor', 'supervisor', 'floor', 'floor', 'floor', 'floor', 'reception']

/** 20 volunteers; the first signs in at the door. Eight are on the day's rota, four on every other day. */
async function insertTeam(db: Db, place: Place, day: string, doorUserId: string) {
  const now = new Date().toISOString()
  const volunteers = Array.from({ length: 20 }, (_, v) => ({
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    user_id: v === 0 ? doorUserId : null,
    full_name: `Volunteer ${String(v + 1).padStart(2, '0')}`,
    search_name: `volunteer ${v + 1}`,
    email: null,
    phone: null,
    date_of_birth: null,
    stage: 'active',
    stage_changed_at: now,
    duties: JSON.stringify(v === 1 ? ['team_leader'] : v < 4 ? ['supervisor'] : []),
    mentor_id: null,
    started_on: plusDays(day, -700 + v * 10),
    mentoring_until: null,
    planned_end_on: null,
    left_on: null,
    references_received: 2,
    availability: JSON.stringify([{ weekday: 6, from: '08:00', to: '17:00' }]),
    max_shifts_per_month: 4,
    notes: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }))
  await db.insertInto('volunteers').values(volunteers).execute()
  const shift = (date: string, duty: string, volunteerId: string) => ({
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    venue_id: place.venueId,
    opening_id: null,
    session_id: null,
    shift_key: `opening:hall:${date}`,
    on_date: date,
    duty,
    volunteer_id: volunteerId,
    starts_at: zonedInstant(date, duty === 'team_leader' ? '08:30' : '08:45', ZONE),
    ends_at: zonedInstant(date, '16:30', ZONE),
    status: 'assigned' as const,
    suggested: 1 as const,
    assigned_by_user_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
  })
  const rota = [1, 2, 3, 0, 4, 5, 6, 7].map((v, i) =>
    shift(day, DUTIES[i] ?? 'floor', volunteers[v]?.id ?? ''),
  )
  for (let d = -364, n = 0; d <= 90; d++) {
    if (d === 0) continue
    for (let k = 0; k < 4; k++, n++)
      rota.push(shift(plusDays(day, d), DUTIES[k * 2] ?? 'floor', volunteers[n % 20]?.id ?? ''))
  }
  await inChunks(rota, (chunk) => db.insertInto('rota_assignments').values(chunk).execute())
  return rota.length
}

// ---------- The world ----------

export async function seedDay(target: DatabaseTarget) {
  const connected = await connect(target)
  const db = connected.db
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(db)
    await sql`create schema public`.execute(db)
  }
  await migrateToLatest(db)
  const day = nextSaturday()
  const now = zonedInstant(day, NOW_LOCAL, ZONE)
  const crypto = createFieldCrypto(randomBytes(32))
  const deps = { db, clock: clockFrom(now), fieldCrypto: crypto, publicUrl: new URL('http://127.0.0.1') }
  const started = performance.now()
  const [org] = await insertBulkFamilies(db, 1, OTHER_REFERRALS)
  if (!org) throw new Error('nothing seeded')
  const { organisationId, centreId } = org
  const user = (email: string, role: 'coordinator' | 'volunteer') =>
    createUserWithPassword(deps, cliOrigin(), {
      organisationId,
      email,
      displayName: email.split('@')[0] ?? email,
      password: PASSWORD,
      roles: [{ role, centreId }],
    })
  const coordinatorId = await user('desk@example.org', 'coordinator')
  const doorUserId = await user('door@example.org', 'volunteer')
  const place: Place = {
    organisationId,
    centreId,
    coordinatorId,
    ...(await insertVenue(db, organisationId, centreId)),
  }
  const others = await otherFamiliesBookings(db, place, day)
  const { bookings, families } = await dayFamiliesBookings(db, crypto, place, day)
  const written = await insertBookings(db, crypto, place, [...others, ...bookings])
  const daySessions = families.map((f) => {
    const found = written.sessions.find((s) => s.case_id === f.caseId && s.local_date === day)
    if (!found) throw new Error(`no session on ${day} for ${f.caseId}`)
    return found
  })
  const morning = await insertMorning(db, crypto, place, { families, sessions: daySessions, now })
  const shifts = await insertTeam(db, place, day, doorUserId)
  if (target.kind === 'postgres') await sql`analyze`.execute(db)
  const measured = { session: daySessions[MEASURED], family: families[MEASURED] }
  if (!measured.session?.id || !measured.family) throw new Error('no family to measure at the door')
  const seconds = (performance.now() - started) / 1000
  const count = async (table: 'incidents' | 'observation_records') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const past = written.sessions.filter((s) => s.status === 'completed').length
  const seeded =
    `${written.sessions.length} sessions (${past} past), ${written.events + morning} register lines ` +
    `(${morning} on the day so far), ${await count('observation_records')} observation records, ` +
    `${await count('incidents')} incidents, ${shifts} rota shifts, seeded in ${seconds.toFixed(1)} s`
  return {
    connected,
    deps,
    day,
    centreId,
    seeded,
    measured: { id: measured.session.id, family: measured.family },
  }
}

// ---------- Query plans ----------

interface Captured {
  source: string
  params: unknown[]
  /** false for a statement that writes (its parameters are not kept). */
  reader: boolean
}

/**
 * Runs a request while recording every statement it runs (transaction control aside), with the
 * parameters of those that read rows.
 */
async function captureStatements(
  handle: Database.Database,
  run: () => Promise<unknown>,
): Promise<Captured[]> {
  const seen: Captured[] = []
  const prepare = handle.prepare.bind(handle)
  const recording = (source: string) => {
    const statement = prepare(source)
    if (!statement.reader) {
      if (!/^(begin|commit|rollback|savepoint|release)\b/i.test(source))
        seen.push({ source, params: [], reader: false })
      return statement
    }
    const all = statement.all.bind(statement)
    return Object.assign(statement, {
      all: (...params: unknown[]) => {
        seen.push({ source, params, reader: true })
        return all(...(params as []))
      },
    })
  }
  handle.prepare = recording as typeof handle.prepare
  try {
    await run()
  } finally {
    Reflect.deleteProperty(handle, 'prepare')
  }
  return seen
}

/** The median time of a read statement run on its own, in milliseconds. */
function timeStatement(handle: Database.Database, { source, params }: Captured): number {
  const statement = handle.prepare(source)
  const times: number[] = []
  for (let i = 0; i < 21; i++) {
    const started = performance.now()
    statement.all(...(params as []))
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[10] ?? 0
}

/**
 * Prints the plan and the time of each statement, and names any that reads a whole table or every
 * row of the organisation (an index searched on organisation_id alone). The audit chain's last row
 * (`order by seq desc limit 1`) is a scan that stops at the first row, so it is not counted.
 */
function printPlans(
  label: string,
  handle: Database.Database,
  captured: readonly Captured[],
  expected: readonly string[],
): void {
  const reads = captured.filter((c) => c.reader)
  const unique = [...new Map(reads.map((c) => [c.source, c])).values()]
  console.log(
    `  ${label}: ${captured.length} statements, ${reads.length} of them reads (${unique.length} distinct), EXPLAIN QUERY PLAN:`,
  )
  const writes = captured
    .filter((c) => !c.reader)
    .map((c) => /^(\w+)\s+(?:into\s+|from\s+)?"?(\w+)/i.exec(c.source)?.slice(1, 3).join(' ') ?? c.source)
  if (writes.length > 0) console.log(`    writes: ${writes.join(', ')}`)
  const wide: string[] = []
  const used = new Set<string>()
  for (const read of unique) {
    const plan = handle.prepare(`explain query plan ${read.source}`).all(...(read.params as [])) as {
      detail: string
    }[]
    const tables = [...new Set([...read.source.matchAll(/(?:from|join) "(\w+)"/g)].map((m) => m[1]))]
    const took = timeStatement(handle, read)
    console.log(`    ${tables.join(' + ')} (${ms(took)}): ${plan.map((p) => p.detail).join('; ')}`)
    const lastRowOnly = /order by "seq" desc limit/.test(read.source)
    for (const p of plan) {
      for (const index of p.detail.matchAll(/INDEX (\w+)/g)) used.add(index[1] ?? '')
      if (/^SCAN (?!CONSTANT ROW)/.test(p.detail) && !lastRowOnly) wide.push(p.detail)
      if (/INDEX (?!sqlite_autoindex)\w+ \(organisation_id=\?\)/.test(p.detail))
        wide.push(`${p.detail} (${ms(took)})`)
    }
  }
  const unused = expected.filter((i) => !used.has(i))
  const indexes = unused.length === 0 ? `uses ${expected.join(' and ')}` : `does NOT use ${unused.join(', ')}`
  console.log(`  ${label}: ${indexes}; whole-table or whole-organisation reads: ${wide.join('; ') || 'none'}`)
}

// ---------- Measuring ----------

interface TapAnswer {
  status: number
  body: {
    created?: boolean
    warnings?: { code: string }[]
    error?: { code: string; details?: { rule?: string } }
  }
}

function expectAnswer(what: string, answer: TapAnswer, status: number, check: (a: TapAnswer) => boolean) {
  if (answer.status !== status || !check(answer))
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
}

/**
 * `GET /api/today` for a busy day as the volunteer on the door sees it, then one family at the door:
 * the visiting parent arrives (no warning), the other parent arrives and is warned that both parties
 * are in, confirms, and the tablet sends the confirmed tap again. Requests one at a time.
 */
export async function benchToday(label: string, target: DatabaseTarget): Promise<void> {
  const world = await seedDay(target)
  console.log(`${label} today: ${world.seeded}; load average ${loadAverage()}`)
  const { address, cookie, close } = await startSignedIn(world.deps, {
    email: 'door@example.org',
    password: PASSWORD,
  })
  const session = await fetch(`${address}/api/auth/session`, { headers: { cookie } })
  const csrfToken = ((await session.json()) as { csrfToken?: string }).csrfToken ?? ''
  const getBoard = async () => {
    const response = await fetch(`${address}/api/today?centreId=${world.centreId}&date=${world.day}`, {
      headers: { cookie },
    })
    const body = (await response.json()) as TodayBoard
    if (response.status !== 200)
      throw new Error(`the board answered ${response.status}: ${JSON.stringify(body)}`)
    return body
  }
  const tap = async (body: Record<string, unknown>): Promise<TapAnswer> => {
    const response = await fetch(`${address}/api/sessions/${world.measured.id}/attendance`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as TapAnswer['body'] }
  }
  const board = await getBoard()
  const people = board.sessions.reduce(
    (n, s) =>
      n + s.parties.reduce((m, p) => m + p.people.length, 0) + s.children.length + s.notAllowed.length,
    0,
  )
  const lines = board.sessions.reduce((n, s) => n + s.events.length, 0)
  console.log(
    `${label} today: the board holds ${board.sessions.length} sessions, ${people} people (${board.sessions.reduce((n, s) => n + s.notAllowed.length, 0)} not allowed), ${lines} register lines, a team of ${board.team.length}, ${board.timeline.length} arrivals and departures`,
  )
  const { visiting, bringing } = world.measured.family
  const phases = {
    arrive: new Timings(),
    warned: new Timings(),
    confirmed: new Timings(),
    retried: new Timings(),
  }
  const round = async (timed: boolean) => {
    const time = <T>(t: Timings, run: () => Promise<T>) => (timed ? t.time(run) : run())
    const first = await time(phases.arrive, () =>
      tap({ clientId: randomUUID(), kind: 'arrived', partyId: visiting[0] }),
    )
    expectAnswer('the visiting parent’s arrival', first, 201, (a) => a.body.created === true)
    const warned = await time(phases.warned, () =>
      tap({ clientId: randomUUID(), kind: 'arrived', partyId: bringing[0] }),
    )
    expectAnswer(
      'the unconfirmed arrival',
      warned,
      409,
      (a) => a.body.error?.details?.rule === 'needs-confirmation',
    )
    const confirmedTap = {
      clientId: randomUUID(),
      kind: 'arrived',
      partyId: bringing[0],
      confirmed: ['DOOR-BOTH-IN'],
    }
    const confirmed = await time(phases.confirmed, () => tap(confirmedTap))
    expectAnswer('the confirmed arrival', confirmed, 201, (a) => a.body.created === true)
    const retried = await time(phases.retried, () => tap(confirmedTap))
    expectAnswer('the same tap sent again', retried, 201, (a) => a.body.created === false)
    // The family is taken off the register again, so that every round finds the same door.
    await world.connected.db
      .deleteFrom('attendance_events')
      .where('session_id', '=', world.measured.id)
      .execute()
  }
  const handle = world.connected.sqlite
  if (handle) {
    printPlans('one board', handle, await captureStatements(handle, getBoard), [
      'attendance_events_session_idx',
      'sessions_centre_day_idx',
    ])
    const tapReads = await captureStatements(handle, () =>
      tap({ clientId: randomUUID(), kind: 'arrived', partyId: visiting[0] }),
    )
    await world.connected.db
      .deleteFrom('attendance_events')
      .where('session_id', '=', world.measured.id)
      .execute()
    printPlans('one tap', handle, tapReads, ['attendance_events_session_idx'])
  }
  const boards = new Timings()
  for (let i = 0; i < WARM_UP; i++) await getBoard()
  for (let i = 0; i < BOARD_RUNS; i++) await boards.time(getBoard)
  console.log(`${label} GET /api/today, one at a time: ${boards.summary()}`)
  for (let i = 0; i < WARM_UP; i++) await round(false)
  for (let i = 0; i < TAP_RUNS; i++) await round(true)
  console.log(`${label} POST attendance, an arrival with no warning: ${phases.arrive.summary()}`)
  console.log(
    `${label} POST attendance, an arrival answered with a warning (409, nothing written): ${phases.warned.summary()}`,
  )
  console.log(`${label} POST attendance, the arrival confirmed: ${phases.confirmed.summary()}`)
  console.log(
    `${label} POST attendance, the confirmed tap sent again (same clientId): ${phases.retried.summary()}`,
  )
  if (handle) {
    // What the planner chooses once it has statistics (the application does not run ANALYZE).
    handle.exec('analyze')
    printPlans('one board after ANALYZE', handle, await captureStatements(handle, getBoard), [
      'attendance_events_session_idx',
      'sessions_centre_day_idx',
    ])
    const analysed = new Timings()
    for (let i = 0; i < BOARD_RUNS; i++) await analysed.time(getBoard)
    console.log(`${label} GET /api/today after ANALYZE, one at a time: ${analysed.summary()}`)
  }
  console.log(`${label} today: load average ${loadAverage()}`)
  await close()
  await world.connected.close()
}
