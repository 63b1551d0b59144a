/**
 * A national-scale history for the statistics reports, written straight into the tables: hundreds of
 * centres (single-centre organisations and one network organisation with many centres) over ten
 * years and a half, each with its referrals and their workflow, the cases opened from them with
 * their parties, contact plans, fortnightly sessions and their outcomes, level changes, reviews,
 * closures, incidents, the register of the last months, and a volunteer team with its hours.
 * SQLite takes prepared statements in one transaction per batch of centres; PostgreSQL takes
 * inserts of a few thousand rows a statement. Chance is seeded, so every run writes the same
 * history (the ids differ). The same generator with small numbers feeds the statistics query-plan
 * test. Method and figures: docs/performance.md.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { CompiledQuery } from 'kysely'
import { v7 as newId } from 'uuid'
import type { Connected } from '../src/db/connect'
import type { DB } from '../src/db/database'
import { addMonths } from '../src/domain/cases/cases.rules'
import { zonedInstant } from '../src/domain/scheduling/schedule.rules'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'

/** Single-centre organisations. */
export const ORGANISATIONS = 250
/** Centres of the one network organisation. */
export const NETWORK_CENTRES = 20
/** Years of history; the half year before the ten lets a caseload ten years ago count a full centre. */
export const YEARS = 10.5
/** Referrals a centre receives a year (NACCC: about 10,800 a year across some 350 centres). */
export const REFERRALS_PER_YEAR = 60
/** Places on a centre's volunteer team, each filled by one volunteer after another. */
export const VOLUNTEER_PLACES = 14
/** How far back the register (attendance events) is kept for completed sessions, in days. */
export const REGISTER_DAYS = 180
/** Centres written per transaction. */
export const CENTRES_PER_BATCH = 10

export interface NationalShape {
  organisations: number
  networkCentres: number
  years: number
  referralsPerYear: number
  volunteerPlaces: number
  registerDays: number
}

export const NATIONAL: NationalShape = {
  organisations: ORGANISATIONS,
  networkCentres: NETWORK_CENTRES,
  years: YEARS,
  referralsPerYear: REFERRALS_PER_YEAR,
  volunteerPlaces: VOLUNTEER_PLACES,
  registerDays: REGISTER_DAYS,
}

const ZONE = 'Europe/London'
const DAY = 86_400_000
const MINUTE = 60_000

export interface NationalOrganisation {
  organisationId: string
  centreIds: string[]
  /** An administrator of the whole organisation. */
  adminUserId: string
}

export interface NationalData {
  /** The first day of the history and the last (today; sessions are booked eight weeks beyond). */
  from: string
  until: string
  /** The first single-centre organisation. */
  single: NationalOrganisation
  network: NationalOrganisation
  /** Rows written, by table. */
  counts: Record<string, number>
  /** Seconds spent writing each table (the rest of `seconds` is making the rows). */
  secondsByTable: Record<string, number>
  seconds: number
}

type Table = keyof DB
type Row = Record<string, string | number | null>

/** Tables in the order their foreign keys allow. */
const TABLE_ORDER: Table[] = [
  'organisations',
  'centres',
  'users',
  'role_assignments',
  'venues',
  'rooms',
  'opening_sessions',
  'closures',
  'referrals',
  'cases',
  'parties',
  'contact_plans',
  'sessions',
  'case_level_changes',
  'case_reviews',
  'workflow_transitions',
  'incidents',
  'attendance_events',
  'volunteers',
  'volunteer_hours',
]

// ---------- Writing ----------

/** Rows a PostgreSQL statement inserts. */
const PG_ROWS = 4_000

/** Rows gathered per table, written in foreign-key order in one go. */
class RowWriter {
  private readonly rows = new Map<Table, Row[]>()
  readonly counts: Record<string, number> = {}
  /** Milliseconds spent writing each table. */
  readonly millis: Record<string, number> = {}
  constructor(private readonly connected: Connected) {}

  add(table: Table, row: Row): void {
    let list = this.rows.get(table)
    if (!list) {
      list = []
      this.rows.set(table, list)
    }
    list.push(row)
    this.counts[table] = (this.counts[table] ?? 0) + 1
  }

  async flush(): Promise<void> {
    const batches = TABLE_ORDER.flatMap((table) => {
      const list = this.rows.get(table)
      return list && list.length > 0 ? [{ table, list }] : []
    })
    this.rows.clear()
    const handle = this.connected.sqlite
    if (handle) {
      const write = handle.transaction(() => {
        for (const { table, list } of batches) {
          const started = performance.now()
          const columns = Object.keys(list[0] ?? {})
          const statement = handle.prepare(
            `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
          )
          for (const row of list) statement.run(columns.map((c) => row[c] ?? null))
          this.millis[table] = (this.millis[table] ?? 0) + performance.now() - started
        }
      })
      write.immediate()
      return
    }
    const db = this.connected.db
    await db.transaction().execute(async (trx) => {
      // The foreign-key triggers are skipped while loading when the role may (a superuser): the
      // same rows pass SQLite's foreign-key checks, and checking each row's six to eight
      // references makes the load take half as long again.
      if (await this.mayReplicate())
        await trx.executeQuery(CompiledQuery.raw('set local session_replication_role = replica'))
      for (const { table, list } of batches) {
        const started = performance.now()
        const columns = Object.keys(list[0] ?? {})
        const types = await this.columnTypes(table)
        // One array a column, unnested into rows: a few thousand rows a statement, one parse each.
        const arrays = columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`)
        const statement = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${arrays.join(', ')})`
        for (let start = 0; start < list.length; start += PG_ROWS) {
          const chunk = list.slice(start, start + PG_ROWS)
          await trx.executeQuery(
            CompiledQuery.raw(
              statement,
              columns.map((c) => chunk.map((row) => row[c] ?? null)),
            ),
          )
        }
        this.millis[table] = (this.millis[table] ?? 0) + performance.now() - started
      }
    })
  }

  private readonly types = new Map<Table, Map<string, string>>()
  private superuser: boolean | undefined

  private async mayReplicate(): Promise<boolean> {
    if (this.superuser === undefined) {
      const result = await this.connected.db.executeQuery<{ superuser: boolean }>(
        CompiledQuery.raw('select rolsuper as superuser from pg_roles where rolname = current_user'),
      )
      this.superuser = result.rows[0]?.superuser === true
    }
    return this.superuser
  }

  /** PostgreSQL's name for each column's type (text, int4, timestamptz, date...). */
  private async columnTypes(table: Table): Promise<Map<string, string>> {
    let found = this.types.get(table)
    if (!found) {
      const result = await this.connected.db.executeQuery<{ column_name: string; udt_name: string }>(
        CompiledQuery.raw(
          `select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1`,
          [table],
        ),
      )
      found = new Map(result.rows.map((r) => [r.column_name, r.udt_name]))
      this.types.set(table, found)
    }
    return found
  }
}

// ---------- Chance, days and times ----------

/** A small seeded generator (mulberry32), so that every run writes the same history. */
function seeded(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    /** A whole number from min to max, both included. */
    between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    /** One of the keys, by weight. */
    pick<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][]
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [key, weight] of entries) {
        roll -= weight
        if (roll < 0) return key
      }
      return entries[entries.length - 1]?.[0] as K
    },
  }
}
type Chance = ReturnType<typeof seeded>

/** Days are whole numbers (days since 1970-01-01) while the history is made. */
const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY)
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
/** An instant during office hours (UTC) on a day. */
const officeInstant = (day: number, chance: Chance) => day * DAY + chance.between(9 * 60, 17 * 60) * MINUTE
const iso = (ms: number) => new Date(ms).toISOString()
/** ISO weekday: 1 Monday … 7 Sunday. */
const weekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1

const starts = new Map<string, number>()
/** The instant a local wall-clock time starts in the centres' zone (cached: Temporal is slow). */
function startOf(day: number, time: string): number {
  const key = `${day}T${time}`
  let found = starts.get(key)
  if (found === undefined) {
    found = Date.parse(zonedInstant(dateOf(day), time, ZONE))
    starts.set(key, found)
  }
  return found
}

// ---------- What centres see ----------

const SOURCES = {
  court_adviser: 42,
  social_services: 16,
  solicitor: 10,
  self: 20,
  health_visitor: 3,
  mediator: 5,
  other: 4,
} as const
const FATES = { accepted: 58, waitlisted: 17, declined: 10, withdrawn: 10, merged: 5 } as const
const CLOSURE_OUTCOMES = {
  moved_on_own_arrangements: 30,
  moved_on_handover_community: 12,
  stepped_down_to_supported: 6,
  transferred_to_other_centre: 4,
  court_order_changed_or_ended: 10,
  referrer_ended: 5,
  no_show_never_started: 6,
  place_reallocated_non_attendance: 5,
  withdrawn_rule_breach: 4,
  terminated_safety_unmanageable: 2,
  parent_withdrew: 12,
  other: 4,
} as const
const INCIDENT_CATEGORIES = {
  rule_breach: 30,
  aggression: 12,
  intoxication: 4,
  unauthorised_person: 8,
  child_distress: 20,
  injury: 6,
  safeguarding_concern: 8,
  disclosure_by_child: 2,
  attempted_abduction: 1,
  allegation_against_staff: 1,
  property_damage: 3,
  late_or_no_show: 5,
} as const
const SEVERITIES = { low: 60, moderate: 28, serious: 10, critical: 2 } as const
const CHILDREN = { one: 1, two: 2, three: 3 } as const
const SLOTS = ['10:00', '11:30', '13:00', '14:30'] as const
const ARRIVAL = JSON.stringify({
  firstArrivingParty: 'non_resident',
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
  resident: { entrance: null, waitingRoomId: null },
  nonResident: { entrance: null, waitingRoomId: null },
})

interface World {
  writer: RowWriter
  chance: Chance
  from: number
  until: number
  shape: NationalShape
  /** A sealed placeholder for columns that must hold ciphertext (never read by the reports). */
  sealed: string
  /** Made once per run, so that users' emails never meet those of an earlier run. */
  run: string
}

interface Place {
  organisationId: string
  centreId: string
  centreIndex: number
  venueId: string
  rooms: string[]
  coordinatorId: string
  /** The Sunday opening runs every other week from this day. */
  firstSunday: number
  closedDays: Set<number>
}

function insertOrganisation(world: World, index: number, centres: number): NationalOrganisation {
  const at = iso(world.from * DAY - 30 * DAY)
  const organisationId = newId()
  world.writer.add('organisations', {
    id: organisationId,
    name: centres > 1 ? `Network of centres ${index}` : `Contact centre ${index}`,
    require_staff_mfa: 0,
    created_at: at,
    updated_at: at,
  })
  const adminUserId = insertUser(world, organisationId, `admin-${index}`, 'Administrator')
  world.writer.add('role_assignments', {
    id: newId(),
    organisation_id: organisationId,
    user_id: adminUserId,
    role: 'admin',
    centre_id: null,
    created_at: at,
  })
  return { organisationId, centreIds: [], adminUserId }
}

function insertUser(world: World, organisationId: string, handle: string, name: string): string {
  const id = newId()
  const at = iso(world.from * DAY - 30 * DAY)
  world.writer.add('users', {
    id,
    organisation_id: organisationId,
    email: `${handle}-${world.run}@bench.example.org`,
    display_name: name,
    password_hash: null,
    status: 'active',
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    last_login_at: null,
    created_at: at,
    updated_at: at,
  })
  return id
}

/** A centre with one venue of three rooms, open every Saturday and alternate Sundays, shut at Christmas. */
function insertCentre(world: World, org: NationalOrganisation, centreIndex: number): Place {
  const { writer, chance } = world
  const at = iso(world.from * DAY - 30 * DAY)
  const centreId = newId()
  org.centreIds.push(centreId)
  writer.add('centres', {
    id: centreId,
    organisation_id: org.organisationId,
    name: `Centre ${centreIndex}`,
    time_zone: ZONE,
    target_volunteers: null,
    created_at: at,
    updated_at: at,
  })
  const coordinatorId = insertUser(world, org.organisationId, `coordinator-${centreIndex}`, 'Coordinator')
  writer.add('role_assignments', {
    id: newId(),
    organisation_id: org.organisationId,
    user_id: coordinatorId,
    role: 'coordinator',
    centre_id: centreId,
    created_at: at,
  })
  const venueId = newId()
  writer.add('venues', {
    id: venueId,
    organisation_id: org.organisationId,
    centre_id: centreId,
    name: 'Church hall',
    address: null,
    has_separate_entrances: 1,
    entrances: JSON.stringify(['Front door', 'Side door']),
    archived_at: null,
    created_at: at,
    updated_at: at,
  })
  const rooms = ['Main hall', 'Garden room', 'Quiet room'].map((name, i) => {
    const id = newId()
    writer.add('rooms', {
      id,
      organisation_id: org.organisationId,
      venue_id: venueId,
      name,
      kind: i === 2 ? 'private_room' : 'family_room',
      capacity_families: i === 2 ? 1 : 6,
      archived_at: null,
      created_at: at,
      updated_at: at,
    })
    return id
  })
  const firstSaturday = world.from + ((6 - weekday(world.from) + 7) % 7)
  const firstSunday = firstSaturday + 1
  for (const [day, startsAt, endsAt, everyWeeks, capacity] of [
    [firstSaturday, '10:00', '16:00', 1, 8],
    [firstSunday, '10:00', '15:00', 2, 6],
  ] as const)
    writer.add('opening_sessions', {
      id: newId(),
      organisation_id: org.organisationId,
      venue_id: venueId,
      weekday: weekday(day),
      starts_at_time: startsAt,
      ends_at_time: endsAt,
      every_weeks: everyWeeks,
      first_on: dateOf(day),
      last_on: null,
      capacity_units: capacity,
      staffing: null,
      archived_at: null,
      created_at: at,
      updated_at: at,
    })
  const closedDays = new Set<number>()
  const firstYear = Number(dateOf(world.from).slice(0, 4))
  const lastYear = Number(dateOf(world.until).slice(0, 4))
  for (let year = firstYear; year <= lastYear; year++) {
    // Christmas for the whole centre; a week for the venue's repairs some years.
    const christmas = dayOf(`${year}-12-24`)
    const closures: [number, number, string | null, string][] = [
      [christmas, christmas + 8, null, 'Christmas and New Year'],
    ]
    if (chance.chance(0.4)) {
      const first = dayOf(`${year}-01-15`) + chance.between(0, 300)
      closures.push([first, first + 6, venueId, 'Repairs to the hall'])
    }
    for (const [first, last, venue, reason] of closures) {
      for (let d = first; d <= last; d++) closedDays.add(d)
      writer.add('closures', {
        id: newId(),
        organisation_id: org.organisationId,
        centre_id: centreId,
        venue_id: venue,
        first_day: dateOf(first),
        last_day: dateOf(last),
        reason,
        created_by_user_id: coordinatorId,
        created_at: iso(first * DAY - 60 * DAY),
      })
    }
  }
  return {
    organisationId: org.organisationId,
    centreId,
    centreIndex,
    venueId,
    rooms,
    coordinatorId,
    firstSunday,
    closedDays,
  }
}

// ---------- Families ----------

interface Step {
  to: string
  at: number
}

function transition(
  world: World,
  place: Place,
  subject: { type: 'referral' | 'case'; id: string },
  from: string | null,
  step: Step,
  reason: string | null,
) {
  world.writer.add('workflow_transitions', {
    id: newId(),
    organisation_id: place.organisationId,
    subject_type: subject.type,
    subject_id: subject.id,
    from_status: from,
    to_status: step.to,
    reason,
    actor_user_id: place.coordinatorId,
    actor_label: 'Coordinator',
    at: iso(step.at),
  })
}

/** The steps a referral takes from its arrival, cut off at the last day of the history. */
function referralSteps(world: World, received: number, fate: keyof typeof FATES): Step[] {
  const { chance } = world
  const steps: Step[] = [{ to: 'received', at: received }]
  const after = (days: number) => (steps[steps.length - 1]?.at ?? received) + days * DAY
  if (fate === 'merged') steps.push({ to: 'merged', at: after(chance.between(1, 4)) })
  else {
    steps.push({ to: 'pre_visits', at: after(chance.between(3, 10)) })
    steps.push({ to: 'risk_assessed', at: after(chance.between(7, 14)) })
    const decided = after(chance.between(2, 8))
    if (fate === 'waitlisted') {
      steps.push({ to: 'waitlisted', at: decided })
      steps.push({ to: 'accepted', at: after(chance.between(14, 160)) })
    } else steps.push({ to: fate, at: decided })
  }
  const end = (world.until + 1) * DAY
  return steps.filter((s) => s.at < end)
}

interface Family {
  referralId: string
  caseId: string | null
  children: string[]
  resident: string
  visiting: string
}

function insertParties(world: World, place: Place, family: Family, received: number) {
  const { writer, chance } = world
  const at = iso(received)
  const person = (
    id: string,
    kind: 'adult' | 'child',
    role: string,
    side: string | null,
    dob: string | null,
  ) =>
    writer.add('parties', {
      id,
      organisation_id: place.organisationId,
      referral_id: family.referralId,
      case_id: family.caseId,
      kind,
      role,
      side,
      full_name: kind === 'child' ? 'Child' : 'Parent',
      search_name: kind === 'child' ? 'child' : 'parent',
      date_of_birth: dob,
      details: '{}',
      protected_sealed: null,
      protected_present: '[]',
      attendance: kind === 'child' ? 'not_applicable' : 'allowed',
      authorised_by: kind === 'child' ? null : 'referral',
      safety_flags: '[]',
      user_id: null,
      created_at: at,
      updated_at: at,
    })
  const receivedDay = Math.floor(received / DAY)
  for (const id of family.children) {
    // Most children are under eight; some are teenagers.
    const ageDays = chance.chance(0.75) ? chance.between(60, 8 * 365) : chance.between(8 * 365, 15 * 365)
    person(id, 'child', 'child', null, dateOf(receivedDay - ageDays))
  }
  person(family.resident, 'adult', 'resident_parent', 'resident', null)
  person(family.visiting, 'adult', 'non_resident_parent', 'non_resident', null)
}

/** Every referral a centre receives over the years, and the case of each one accepted. */
function insertFamilies(world: World, place: Place): void {
  const { chance, shape } = world
  const total = Math.round(shape.referralsPerYear * shape.years)
  const span = world.until - world.from + 1
  const days = Array.from({ length: total }, () => world.from + Math.floor(chance.next() * span)).sort(
    (a, b) => a - b,
  )
  let previous: string | null = null
  for (const [i, day] of days.entries()) {
    const received = officeInstant(day, chance)
    const fate = chance.pick(FATES)
    const steps = referralSteps(world, received, fate)
    const last = steps[steps.length - 1] ?? { to: 'received', at: received }
    const accepted = steps.find((s) => s.to === 'accepted')
    const waitlisted = steps.find((s) => s.to === 'waitlisted')
    const decision = steps.find((s) => ['accepted', 'declined', 'withdrawn', 'waitlisted'].includes(s.to))
    const source = chance.pick(SOURCES)
    const supervised = chance.chance(0.25)
    const referralId = newId()
    const caseId = accepted ? newId() : null
    const level = supervised ? 'supervised' : chance.chance(0.1) ? 'handover' : 'supported'
    world.writer.add('referrals', {
      id: referralId,
      organisation_id: place.organisationId,
      centre_id: place.centreId,
      reference: `R-${place.centreIndex}-${i}`,
      status: last.to,
      channel: source === 'self' ? 'self' : 'referrer',
      source_code: source,
      service_requested: supervised ? 'supervised' : 'supported',
      frequency_requested: 'fortnightly',
      referrer_user_id: null,
      referrer_name: null,
      referrer_organisation: null,
      referrer_role: null,
      referrer_email: null,
      referrer_phone: null,
      referrer_acting_for: null,
      risk_flags: supervised ? '["domestic_abuse"]' : '[]',
      risk_sealed: null,
      received_at: iso(received),
      status_changed_at: iso(last.at),
      decision_reason: decision ? 'Decided at the intake meeting' : null,
      decided_by_user_id: decision ? place.coordinatorId : null,
      decided_at: decision ? iso(decision.at) : null,
      accepted_level: accepted || waitlisted ? level : null,
      waitlisted_at: waitlisted ? iso(waitlisted.at) : null,
      case_id: caseId,
      merged_into_id: last.to === 'merged' ? previous : null,
      created_at: iso(received),
      updated_at: iso(last.at),
    })
    let from: string | null = null
    for (const step of steps) {
      transition(world, place, { type: 'referral', id: referralId }, from, step, null)
      from = step.to
    }
    const family: Family = {
      referralId,
      caseId,
      children: Array.from({ length: CHILDREN[chance.pick({ one: 50, two: 35, three: 15 })] }, () => newId()),
      resident: newId(),
      visiting: newId(),
    }
    insertParties(world, place, family, received)
    if (accepted && caseId) insertCase(world, place, family, caseId, accepted.at, level)
    previous = referralId
  }
}

const STEP_DOWN: Record<string, string> = {
  supervised: 'supported',
  supported: 'handover',
  handover: 'self_managed',
}

/** A case from its opening: plan, sessions, level changes, reviews, incidents and perhaps its closure. */
function insertCase(
  world: World,
  place: Place,
  family: Family,
  caseId: string,
  opened: number,
  level: string,
) {
  const { writer, chance } = world
  const openedDay = Math.floor(opened / DAY)
  const closedDay = openedDay + chance.between(60, 280)
  const closed = closedDay <= world.until ? officeInstant(closedDay, chance) : null
  const lastDay = closed === null ? world.until : closedDay
  // Level changes: the opening level, and for some families a step down (rarely up) part-way.
  const levels: { level: string; previous: string | null; at: number }[] = [
    { level, previous: null, at: opened },
  ]
  if (chance.chance(0.4)) {
    const at = openedDay + Math.floor((lastDay - openedDay) * (0.4 + chance.next() * 0.3))
    const next = chance.chance(0.12) && level !== 'supervised' ? 'supervised' : (STEP_DOWN[level] ?? level)
    if (at > openedDay && at <= world.until && next !== level)
      levels.push({ level: next, previous: level, at: officeInstant(at, chance) })
  }
  for (const change of levels)
    writer.add('case_level_changes', {
      id: newId(),
      organisation_id: place.organisationId,
      case_id: caseId,
      level: change.level,
      previous_level: change.previous,
      reason: change.previous ? 'Agreed at review' : 'Accepted at the intake meeting',
      changed_by_user_id: place.coordinatorId,
      changed_at: iso(change.at),
    })
  // Reviews every six months while open, some late; the next one falls due six months after.
  let due = addMonths(dateOf(openedDay), 6)
  const reviewSteps: Step[] = []
  for (;;) {
    const held = dayOf(due) + chance.between(-20, 30)
    if (held > lastDay || held > world.until) break
    const heldOn = dateOf(held)
    const next = addMonths(heldOn, 6)
    writer.add('case_reviews', {
      id: newId(),
      organisation_id: place.organisationId,
      case_id: caseId,
      held_on: heldOn,
      outcome: chance.pick({ continue: 70, change_level: 10, change_frequency: 5, plan_exit: 15 }),
      notes_sealed: null,
      next_review_due_on: next,
      due_on: chance.chance(0.05) ? null : due,
      reviewed_by_user_id: place.coordinatorId,
      created_at: iso(officeInstant(held, chance)),
    })
    reviewSteps.push({ to: 'reviewed', at: officeInstant(held, chance) })
    due = next
  }
  const outcome = closed === null ? null : chance.pick(CLOSURE_OUTCOMES)
  writer.add('cases', {
    id: caseId,
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    referral_id: family.referralId,
    reference: `C-${place.centreIndex}-${family.referralId.slice(-8)}`,
    status: closed === null ? 'active' : 'closed',
    service_level: levels[levels.length - 1]?.level ?? level,
    capacity_weight: level === 'supervised' ? 2 : 1,
    opened_at: iso(opened),
    review_due_on: due,
    risk_flags: level === 'supervised' ? '["domestic_abuse"]' : '[]',
    closed_at: closed === null ? null : iso(closed),
    closure_outcome: outcome,
    closure_reason: outcome === null ? null : 'Agreed with both parents',
    review_flag: null,
    review_flag_raised_at: null,
    created_at: iso(opened),
    updated_at: iso(closed ?? opened),
  })
  transition(world, place, { type: 'case', id: caseId }, null, { to: 'active', at: opened }, null)
  for (const step of reviewSteps) transition(world, place, { type: 'case', id: caseId }, 'active', step, null)
  if (closed !== null)
    transition(world, place, { type: 'case', id: caseId }, 'active', { to: 'closed', at: closed }, outcome)
  insertSessions(world, place, family, caseId, { openedDay, lastDay, open: closed === null, level })
}

/** Fortnightly sessions on the centre's Saturdays (or its alternate Sundays) while the case is open. */
function insertSessions(
  world: World,
  place: Place,
  family: Family,
  caseId: string,
  life: { openedDay: number; lastDay: number; open: boolean; level: string },
) {
  const { writer, chance } = world
  const sunday = chance.chance(0.3)
  let day = life.openedDay + 7
  if (sunday) {
    day += (7 - weekday(day) + 7) % 7
    if ((day - place.firstSunday) % 14 !== 0) day += 7
  } else day += (6 - weekday(day) + 7) % 7
  // Families booked ahead: eight weeks beyond today while the case is open.
  const end = life.open ? world.until + 56 : life.lastDay
  const slot = SLOTS[chance.between(0, SLOTS.length - 1)] ?? '10:00'
  const minutes = life.level === 'supervised' ? 60 : 90
  const supervised = life.level === 'supervised'
  const planId = newId()
  const service = supervised ? 'supervised' : 'supported'
  const roomId = place.rooms[supervised ? 2 : chance.between(0, 1)] ?? null
  const created = iso(life.openedDay * DAY + 12 * 3_600_000)
  writer.add('contact_plans', {
    id: planId,
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    case_id: caseId,
    status: life.open ? 'active' : 'ended',
    service_type: service,
    frequency: 'fortnightly',
    week_of_month: null,
    on_dates: null,
    first_on: dateOf(day),
    last_on: life.open ? null : dateOf(life.lastDay),
    starts_at_time: slot,
    duration_minutes: minutes,
    venue_id: place.venueId,
    room_id: roomId,
    arrival: ARRIVAL,
    offsite_sealed: null,
    notes_sealed: null,
    replaces_plan_id: null,
    ended_reason: life.open ? null : 'The case closed',
    created_by_user_id: place.coordinatorId,
    created_at: created,
    updated_at: created,
  })
  const registerFrom = world.until - world.shape.registerDays
  for (; day <= end; day += 14) {
    if (place.closedDays.has(day)) continue
    const startsAt = startOf(day, slot)
    const endsAt = startsAt + minutes * MINUTE
    const past = day < world.until
    const roll = chance.next()
    const status = !past
      ? 'scheduled'
      : roll < 0.8
        ? 'completed'
        : roll < 0.9
          ? 'cancelled'
          : 'did_not_attend'
    const cancelledBy =
      status === 'cancelled' ? chance.pick({ centre: 15, resident: 50, non_resident: 35 }) : null
    const notice =
      status === 'cancelled' ? (chance.chance(0.6) ? chance.between(24, 240) : chance.between(1, 23)) : null
    const missing =
      status === 'did_not_attend' ? chance.pick({ resident: 35, non_resident: 55, both: 10 }) : null
    const came = (side: 'resident' | 'non_resident') =>
      status === 'completed'
        ? chance.chance(0.06)
          ? 'late'
          : 'attended'
        : status === 'did_not_attend'
          ? missing === side || missing === 'both'
            ? 'did_not_attend'
            : 'attended'
          : null
    const sessionId = newId()
    const recorded = past && status !== 'cancelled' ? iso(endsAt + 20 * MINUTE) : null
    writer.add('sessions', {
      id: sessionId,
      organisation_id: place.organisationId,
      centre_id: place.centreId,
      case_id: caseId,
      plan_id: planId,
      occurrence_on: dateOf(day),
      local_date: dateOf(day),
      service_type: service,
      status,
      venue_id: place.venueId,
      room_id: roomId,
      starts_at: iso(startsAt),
      ends_at: iso(endsAt),
      occupied_from: iso(startsAt - 15 * MINUTE),
      occupied_until: iso(endsAt + 15 * MINUTE),
      capacity_weight: supervised ? 2 : 1,
      first_party: 'non_resident',
      resident_arrives_at: iso(startsAt),
      resident_leaves_at: iso(endsAt),
      resident_entrance: 'Side door',
      resident_waiting_room_id: null,
      non_resident_arrives_at: iso(startsAt - 15 * MINUTE),
      non_resident_leaves_at: iso(endsAt + 15 * MINUTE),
      non_resident_entrance: 'Front door',
      non_resident_waiting_room_id: null,
      offsite_sealed: null,
      moved: 0,
      cancelled_by: cancelledBy,
      cancelled_at: notice === null ? null : iso(startsAt - notice * 3_600_000),
      cancel_notice_hours: notice,
      cancel_reason: cancelledBy === null ? null : cancelledBy === 'centre' ? 'Staff unwell' : 'Child unwell',
      resident_outcome: came('resident'),
      non_resident_outcome: came('non_resident'),
      outcome_explained: status === 'did_not_attend' ? (chance.chance(0.5) ? 1 : 0) : null,
      outcome_reason: null,
      outcome_recorded_at: recorded,
      attendance_note: null,
      ended_early_at: null,
      ended_early_reason: null,
      suspension_id: null,
      outcome_source: recorded === null ? null : day >= registerFrom ? 'register' : 'desk',
      version: 1,
      created_at: created,
      updated_at: recorded ?? created,
    })
    if (status === 'completed' && day >= registerFrom)
      insertRegister(world, place, family, caseId, sessionId, startsAt, endsAt)
    if (status === 'completed' && chance.chance(1 / 40))
      insertIncident(world, place, caseId, sessionId, startsAt)
  }
}

function insertRegister(
  world: World,
  place: Place,
  family: Family,
  caseId: string,
  sessionId: string,
  startsAt: number,
  endsAt: number,
) {
  const taps: [string | null, 'resident' | 'non_resident', string, number][] = [
    [family.visiting, 'non_resident', 'arrived', startsAt - 13 * MINUTE],
    [family.resident, 'resident', 'arrived', startsAt - 2 * MINUTE],
    ...family.children.map((id): [string, 'resident', string, number] => [
      id,
      'resident',
      'child_handed_over',
      startsAt,
    ]),
    [family.resident, 'resident', 'left', startsAt + 3 * MINUTE],
    [family.resident, 'resident', 'arrived', endsAt - 5 * MINUTE],
    ...family.children.map((id): [string, 'resident', string, number] => [
      id,
      'resident',
      'child_returned',
      endsAt,
    ]),
    [family.visiting, 'non_resident', 'left', endsAt + 14 * MINUTE],
  ]
  for (const [partyId, side, kind, at] of taps)
    world.writer.add('attendance_events', {
      id: newId(),
      organisation_id: place.organisationId,
      centre_id: place.centreId,
      session_id: sessionId,
      case_id: caseId,
      party_id: partyId,
      side,
      kind,
      visitor_name_sealed: null,
      note: null,
      at: iso(at),
      client_id: randomUUID(),
      recorded_by_user_id: place.coordinatorId,
      recorded_at: iso(at),
      voided_at: null,
      voided_by_user_id: null,
    })
}

function insertIncident(world: World, place: Place, caseId: string, sessionId: string, startsAt: number) {
  const { chance } = world
  const at = iso(startsAt + 20 * MINUTE)
  world.writer.add('incidents', {
    id: newId(),
    organisation_id: place.organisationId,
    centre_id: place.centreId,
    case_id: caseId,
    session_id: sessionId,
    category: chance.pick(INCIDENT_CATEGORIES),
    severity: chance.pick(SEVERITIES),
    occurred_at: at,
    location: 'Main hall',
    people: JSON.stringify({ ids: [], concerns: null }),
    actions: JSON.stringify(['verbal_warning_given']),
    account_sealed: world.sealed,
    status: 'closed',
    reported_by_user_id: place.coordinatorId,
    coordinator_notified_at: at,
    referrer_due_at: iso(startsAt + DAY),
    referrer_notified_at: iso(startsAt + 3 * 3_600_000),
    reviewed_by_user_id: place.coordinatorId,
    reviewed_at: iso(startsAt + 4 * 3_600_000),
    review_note: null,
    created_at: at,
    updated_at: at,
  })
}

// ---------- Volunteers ----------

/**
 * The team: each place is filled by one volunteer after another (two to six years each, a gap
 * between), plus an enquiry or two a year that came to nothing. Every month on the team a volunteer
 * logs their shifts (mostly approved), and twice a year some training.
 */
function insertVolunteers(world: World, place: Place): void {
  const { writer, chance, shape } = world
  const volunteer = (stage: string, started: number | null, left: number | null, at: number) => {
    const id = newId()
    writer.add('volunteers', {
      id,
      organisation_id: place.organisationId,
      centre_id: place.centreId,
      user_id: null,
      full_name: 'Volunteer',
      search_name: 'volunteer',
      email: null,
      phone: null,
      date_of_birth: null,
      stage,
      stage_changed_at: iso(at),
      duties: '[]',
      mentor_id: null,
      started_on: started === null ? null : dateOf(started),
      mentoring_until: started === null ? null : dateOf(started + 365),
      planned_end_on: null,
      left_on: left === null ? null : dateOf(left),
      references_received: started === null ? 0 : 2,
      availability: JSON.stringify([{ weekday: 6, from: '09:00', to: '17:00' }]),
      max_shifts_per_month: 2,
      notes: null,
      version: 1,
      created_at: iso(at),
      updated_at: iso(at),
    })
    return id
  }
  for (let p = 0; p < shape.volunteerPlaces; p++) {
    let started = world.from - chance.between(0, 1200)
    while (started <= world.until) {
      const left = started + chance.between(2 * 365, 6 * 365)
      const gone = left <= world.until
      const stage = gone
        ? 'left'
        : world.until - started < 365
          ? 'mentored'
          : left - world.until < 60
            ? 'leaving'
            : 'active'
      const id = volunteer(stage, started, gone ? left : null, (gone ? left : started) * DAY)
      const last = Math.min(gone ? left : world.until, world.until)
      for (let month = Math.max(started, world.from) + 27; month <= last; month += 30) {
        const status = chance.pick({ approved: 92, submitted: 3, declined: 5 })
        const kind = chance.chance(1 / 6) ? 'training' : chance.chance(0.05) ? 'escort' : 'session'
        writer.add('volunteer_hours', {
          id: newId(),
          organisation_id: place.organisationId,
          centre_id: place.centreId,
          volunteer_id: id,
          assignment_id: null,
          kind,
          on_date: dateOf(month),
          minutes: kind === 'training' ? 120 : chance.between(1, 3) * 360,
          miles: null,
          expenses_pence: null,
          description: null,
          status,
          submitted_by_user_id: null,
          decided_by_user_id: status === 'submitted' ? null : place.coordinatorId,
          decided_at: status === 'submitted' ? null : iso((month + 3) * DAY),
          decision_note: null,
          created_at: iso(month * DAY + 18 * 3_600_000),
        })
      }
      started = left + chance.between(30, 120)
    }
  }
  const enquiries = Math.round(shape.years * 1.5)
  for (let e = 0; e < enquiries; e++) {
    const at = world.from + chance.between(0, world.until - world.from)
    volunteer(chance.chance(0.7) ? 'withdrawn' : 'enquiry', null, null, at * DAY)
  }
}

// ---------- The whole country ----------

/**
 * Writes the history into an empty, migrated database. `until` is the last day of the history
 * (normally today); sessions of open cases are booked eight weeks beyond it.
 */
export async function insertNationalData(
  connected: Connected,
  shape: NationalShape = NATIONAL,
  until: string = new Date().toISOString().slice(0, 10),
  seed = 20_261_127,
): Promise<NationalData> {
  const started = performance.now()
  const writer = new RowWriter(connected)
  const untilDay = dayOf(until)
  const world: World = {
    writer,
    chance: seeded(seed),
    from: untilDay - Math.round(shape.years * 365.25),
    until: untilDay,
    shape,
    sealed: createFieldCrypto(randomBytes(32)).encrypt(JSON.stringify({ what: 'Raised voice at the door.' })),
    run: randomUUID().slice(0, 8),
  }
  // A big page cache while loading, so that index pages are not spilled to the log again and again
  // within a transaction; the application's own setting comes back before anything is measured.
  const handle = connected.sqlite
  const cacheSize: unknown = handle?.pragma('cache_size', { simple: true })
  handle?.pragma('cache_size = -262144')
  try {
    return await insertHistory(world, shape, until, started)
  } finally {
    handle?.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

async function insertHistory(
  world: World,
  shape: NationalShape,
  until: string,
  started: number,
): Promise<NationalData> {
  const { writer } = world
  const network = insertOrganisation(world, 0, shape.networkCentres)
  const singles: NationalOrganisation[] = []
  let centreIndex = 0
  let pending = 0
  const centre = async (org: NationalOrganisation) => {
    const place = insertCentre(world, org, centreIndex++)
    insertFamilies(world, place)
    insertVolunteers(world, place)
    if (++pending >= CENTRES_PER_BATCH) {
      await writer.flush()
      pending = 0
    }
  }
  for (let c = 0; c < shape.networkCentres; c++) await centre(network)
  for (let o = 1; o <= shape.organisations; o++) {
    const org = insertOrganisation(world, o, 1)
    singles.push(org)
    await centre(org)
  }
  await writer.flush()
  const single = singles[0]
  if (!single) throw new Error('The national data set needs at least one single-centre organisation')
  return {
    from: dateOf(world.from),
    until,
    single,
    network,
    counts: writer.counts,
    secondsByTable: Object.fromEntries(Object.entries(writer.millis).map(([t, m]) => [t, m / 1000])),
    seconds: (performance.now() - started) / 1000,
  }
}
