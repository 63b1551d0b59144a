/**
 * The rota suggestion for a month: a centre of 20 volunteers (3 team leaders, 2 supervisors, 2 in
 * their mentored year, one leaving, two blocked) and every Sunday plus alternate Saturdays, with
 * supervised sessions and a fortnightly escorted visit. Timed as the pure rule (`suggestRota`) and
 * through the real server (`POST /api/centres/:id/rota/suggest`). Method: docs/performance.md.
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { v7 as newId } from 'uuid'
import { connect, type DatabaseTarget } from '../src/db/connect'
import type { SessionsTable } from '../src/db/database'
import { migrateToLatest } from '../src/db/migrate'
import { cliOrigin } from '../src/domain/access/actor'
import { createUserWithPassword } from '../src/domain/organisation/set-up-organisation'
import { openingRunsOn, plusDays, sessionTimes, weekdayOf } from '../src/domain/scheduling/schedule.rules'
import { systemClock } from '../src/domain/shared/clock'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'
import {
  DEFAULT_POLICIES,
  DEFAULT_REQUIREMENTS,
  ensureVolunteeringDefaults,
} from '../src/domain/volunteers/defaults'
import {
  enumerateShifts,
  suggestRota,
  type OpeningShiftFacts,
  type RotaWorld,
  type SessionShiftFacts,
  type ShiftFacts,
} from '../src/domain/volunteers/rota.rules'
import {
  defaultExpiry,
  plusMonths,
  requirementState,
  type RecordFacts,
  type RequirementFacts,
  type VolunteerFacts,
} from '../src/domain/volunteers/volunteer.rules'
import type {
  AvailabilityWindow,
  Duty,
  RequirementState,
  Staffing,
  VolunteerStage,
} from '../src/domain/volunteers/volunteers.schemas'
import { insertBulkFamilies } from '../tests/support/bulk-families'
import { startSignedIn } from './server'

const PASSWORD = 'load test passphrase 2026'
const ZONE = 'Europe/London'
const PURE_RUNS = 1000
const API_RUNS = 100
const OPTIONS = { expiringWithinDays: 60, policyGraceDays: 30 }
const ARRIVAL = {
  firstArrivingParty: 'non_resident' as const,
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const summary = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b)
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`
  return `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}`
}

// ---------- The centre ----------

/** Next calendar month, so that every shift lies ahead of today (the API suggests only ahead). */
export function benchMonth(now = new Date()): { from: string; to: string } {
  const first = `${now.toISOString().slice(0, 7)}-01`
  const from = plusMonths(first, 1)
  return { from, to: plusDays(plusMonths(from, 1), -1) }
}

const SUN: AvailabilityWindow = { weekday: 7, from: '09:00', to: '14:00' }
const SAT: AvailabilityWindow = { weekday: 6, from: '09:00', to: '13:00' }
const WED: AvailabilityWindow = { weekday: 3, from: '13:00', to: '17:00' }
const SUN_AFTERNOON: AvailabilityWindow = { weekday: 7, from: '12:00', to: '17:00' }

interface Member {
  name: string
  stage: VolunteerStage
  duties: Duty[]
  /** Index of the mentor in the team. */
  mentor?: number
  /** Days before the month that they started. */
  started: number
  availability: AvailabilityWindow[]
  /** Days of the month (0 = the 1st) they are away, inclusive. */
  away?: [number, number]
  /** A day of the month they offered though it is outside their weekly windows. */
  extraDay?: number
  max: number
  /** For someone leaving: the day of the month they leave. */
  leavesOnDay?: number
  /** Days before the month that their DBS check expired (a lapsed check). */
  dbsLapsed?: number
  /** No first aid course, long after its deadline. */
  noFirstAid?: boolean
}

/** A realistic small centre: see the reference centre (18 at full strength) and domain rules 9.3. */
const TEAM: readonly Member[] = [
  {
    name: 'Ann Leader',
    stage: 'active',
    duties: ['team_leader'],
    started: 1500,
    availability: [SUN, SAT],
    max: 3,
  },
  {
    name: 'Bill Leader',
    stage: 'active',
    duties: ['team_leader', 'escort'],
    started: 900,
    availability: [SUN, WED],
    max: 3,
  },
  {
    name: 'Cath Leader',
    stage: 'active',
    duties: ['team_leader'],
    started: 700,
    availability: [SAT, SUN],
    max: 2,
  },
  {
    name: 'Dev Supervisor',
    stage: 'active',
    duties: ['supervisor'],
    started: 1200,
    availability: [SUN, SAT],
    max: 4,
  },
  {
    name: 'Erin Supervisor',
    stage: 'active',
    duties: ['supervisor', 'team_leader'],
    started: 600,
    availability: [SUN],
    max: 4,
  },
  {
    name: 'Fay Mentee',
    stage: 'mentored',
    duties: [],
    mentor: 0,
    started: 45,
    availability: [SUN, SAT],
    max: 2,
  },
  { name: 'Gus Mentee', stage: 'mentored', duties: [], mentor: 1, started: 45, availability: [SUN], max: 2 },
  { name: 'Hana Floor', stage: 'active', duties: [], started: 500, availability: [SUN], max: 2 },
  {
    name: 'Ivan Floor',
    stage: 'active',
    duties: [],
    started: 450,
    availability: [SAT, SUN],
    away: [0, 7],
    max: 2,
  },
  { name: 'Jo Floor', stage: 'active', duties: [], started: 400, availability: [SUN], max: 1 },
  { name: 'Kit Floor', stage: 'active', duties: [], started: 380, availability: [SAT], max: 2 },
  { name: 'Lee Floor', stage: 'active', duties: [], started: 350, availability: [SUN], extraDay: 13, max: 2 },
  {
    name: 'Mo Escort',
    stage: 'active',
    duties: ['escort'],
    started: 320,
    availability: [SUN, SAT, WED],
    max: 2,
  },
  {
    name: 'Nia Afternoons',
    stage: 'active',
    duties: [],
    started: 300,
    availability: [SUN_AFTERNOON],
    max: 2,
  },
  {
    name: 'Olu Floor',
    stage: 'active',
    duties: [],
    started: 280,
    availability: [SUN],
    away: [14, 20],
    max: 2,
  },
  { name: 'Pat Floor', stage: 'active', duties: [], started: 260, availability: [SAT, SUN], max: 2 },
  { name: 'Quinn Floor', stage: 'active', duties: [], started: 240, availability: [SUN], max: 1 },
  {
    name: 'Rae Leaving',
    stage: 'leaving',
    duties: [],
    started: 1400,
    availability: [SUN, SAT],
    leavesOnDay: 13,
    max: 2,
  },
  {
    name: 'Sam Lapsed',
    stage: 'active',
    duties: [],
    started: 1300,
    availability: [SUN, SAT],
    dbsLapsed: 7,
    max: 2,
  },
  {
    name: 'Tess NoFirstAid',
    stage: 'active',
    duties: ['team_leader'],
    started: 200,
    availability: [SUN],
    noFirstAid: true,
    max: 2,
  },
]

const SUNDAY_STAFFING: Staffing = { teamLeaders: 1, floor: 3, reception: 1 }
const SATURDAY_STAFFING: Staffing = { teamLeaders: 1, floor: 2, reception: 0 }

/** Each member's records, keyed by requirement code: complete for their stage, less their gaps. */
function recordsOf(member: Member, from: string): Map<string, RecordFacts> {
  const startedOn = plusDays(from, -member.started)
  const records = new Map<string, RecordFacts>()
  const done = (code: string, completedOn: string, expiresOn?: string) => {
    const req = DEFAULT_REQUIREMENTS.find((r) => r.code === code)
    if (!req) throw new Error(`no requirement ${code}`)
    records.set(code, {
      requirementId: code,
      completedOn,
      expiresOn: expiresOn ?? defaultExpiry(req, completedOn),
      passed: true,
      renewalStartedOn: null,
    })
  }
  // Checks renewed every three years: the latest a year or two ago, whenever they started.
  const recent = plusDays(from, -(200 + (member.started % 500)))
  done('dbs', member.dbsLapsed ? plusMonths(plusDays(from, -member.dbsLapsed), -36) : recent)
  done('child_protection', recent)
  if (!member.noFirstAid && member.stage !== 'mentored') done('first_aid', recent)
  if (member.stage === 'mentored') return records
  done('mentor_review_90', plusDays(startedOn, 90))
  for (let n = 1; n <= 10; n++) done(`naccc_${String(n).padStart(2, '0')}`, recent)
  if (member.duties.includes('supervisor')) {
    done('naccc_11', recent)
    done('supervisor_qualification', plusDays(startedOn, -400))
  }
  return records
}

function volunteerFacts(member: Member, index: number, from: string, ids: readonly string[]): VolunteerFacts {
  const exceptions: VolunteerFacts['exceptions'][number][] = []
  if (member.away)
    exceptions.push({
      firstDay: plusDays(from, member.away[0]),
      lastDay: plusDays(from, member.away[1]),
      kind: 'unavailable',
    })
  if (member.extraDay !== undefined) {
    const day = plusDays(from, member.extraDay)
    exceptions.push({ firstDay: day, lastDay: day, kind: 'available' })
  }
  return {
    id: ids[index] ?? '',
    fullName: member.name,
    stage: member.stage,
    duties: member.duties,
    mentorId: member.mentor === undefined ? null : (ids[member.mentor] ?? null),
    startedOn: plusDays(from, -member.started),
    mentoringUntil: member.stage === 'mentored' ? plusMonths(plusDays(from, -member.started), 12) : null,
    plannedEndOn: member.leavesOnDay === undefined ? null : plusDays(from, member.leavesOnDay),
    availability: member.availability,
    exceptions,
    maxShiftsPerMonth: member.max,
  }
}

/** Openings and sessions of the month, as the shift rules read them from the tables. */
function calendar(from: string, to: string, venueId: string) {
  const openings: OpeningShiftFacts[] = [
    {
      id: 'sunday',
      venueId,
      venueName: 'Church hall',
      weekday: 7,
      startsAt: '10:00',
      endsAt: '13:00',
      everyWeeks: 1,
      firstOn: firstWeekday(from, 7),
      lastOn: null,
      staffing: SUNDAY_STAFFING,
    },
    {
      id: 'saturday',
      venueId,
      venueName: 'Church hall',
      weekday: 6,
      startsAt: '10:00',
      endsAt: '12:00',
      everyWeeks: 2,
      firstOn: firstWeekday(from, 6),
      lastOn: null,
      staffing: SATURDAY_STAFFING,
    },
  ]
  const sessions: (SessionShiftFacts & { startTime: string; minutes: number })[] = []
  const add = (
    date: string,
    serviceType: string,
    startTime: string,
    minutes: number,
    venue: string | null,
  ) => {
    const times = sessionTimes(date, startTime, minutes, ZONE, ARRIVAL)
    sessions.push({
      id: `${serviceType}-${String(sessions.length)}`,
      venueId: venue,
      localDate: date,
      serviceType,
      startsAt: times.occupiedFrom,
      endsAt: times.occupiedUntil,
      label: `KB-${String(sessions.length + 1).padStart(3, '0')}`,
      startTime,
      minutes,
    })
  }
  const runs = (opening: OpeningShiftFacts, date: string) =>
    openingRunsOn({ ...opening, capacityUnits: 0 }, date)
  for (let date = from; date <= to; date = plusDays(date, 1)) {
    const [sunday, saturday] = openings
    // Two supervised families each Sunday, one after the other, and one on each open Saturday.
    if (sunday && runs(sunday, date)) {
      add(date, 'supervised', '10:30', 60, venueId)
      add(date, 'supervised', '11:45', 60, venueId)
    }
    if (saturday && runs(saturday, date)) add(date, 'supervised', '10:30', 60, venueId)
    // The escorted visit on the first and third Wednesdays (centre facts: a child escorted to
    // fortnightly prison visits).
    const week = Math.floor((Number(date.slice(8)) - 1) / 7)
    if (weekdayOf(date) === 3 && (week === 0 || week === 2)) add(date, 'escorted', '14:00', 90, null)
  }
  return { openings, sessions }
}

const firstWeekday = (from: string, weekday: number): string => {
  let date = from
  while (weekdayOf(date) !== weekday) date = plusDays(date, 1)
  return date
}

const REQUIREMENTS: readonly RequirementFacts[] = DEFAULT_REQUIREMENTS.map((r) => ({ ...r, id: r.code }))

/** The pure world, built afresh like each request builds its team: states computed on demand, memoised. */
function pureWorld(from: string, team: readonly Member[]): RotaWorld {
  const ids = team.map((_, i) => `v${String(i).padStart(3, '0')}`)
  const volunteers = new Map(team.map((m, i) => [ids[i] ?? '', volunteerFacts(m, i, from, ids)]))
  const records = new Map(team.map((m, i) => [ids[i] ?? '', recordsOf(m, from)]))
  const policies = DEFAULT_POLICIES.map((p) => ({
    title: p.title,
    currentPublishedOn: plusDays(from, -2000),
    acknowledgedCurrent: true,
    acknowledgedEarlier: false,
  }))
  const memo = new Map<string, RequirementState[]>()
  return {
    volunteers,
    assignments: [],
    statesOn(volunteerId, date) {
      const key = `${volunteerId}:${date}`
      const hit = memo.get(key)
      if (hit) return hit
      const mine = records.get(volunteerId)
      const startedOn = volunteers.get(volunteerId)?.startedOn ?? null
      const states = REQUIREMENTS.map((req) =>
        requirementState(req, mine?.get(req.code), startedOn, date, OPTIONS, policies),
      )
      memo.set(key, states)
      return states
    },
  }
}

function timePure(label: string, from: string, to: string, team: readonly Member[], runs: number) {
  const { openings, sessions } = calendar(from, to, 'venue')
  const shifts: ShiftFacts[] = enumerateShifts({
    from,
    to,
    timeZone: ZONE,
    openings,
    closures: [],
    sessions,
    escortsPerVisit: 1,
  })
  let result = suggestRota(pureWorld(from, team), shifts)
  for (let i = 0; i < 20; i++) suggestRota(pureWorld(from, team), shifts)
  const times: number[] = []
  // CPU time as well as wall time: on a shared machine the CPU time is what the rules cost.
  let cpuMicros = 0
  for (let i = 0; i < runs; i++) {
    const world = pureWorld(from, team)
    const cpu = process.cpuUsage()
    const started = performance.now()
    result = suggestRota(world, shifts)
    times.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    cpuMicros += used.user + used.system
  }
  const counts = new Map<string, number>()
  for (const p of result.placements) counts.set(p.volunteerId, (counts.get(p.volunteerId) ?? 0) + 1)
  console.log(
    `${label}: ${shifts.length} shifts, ${result.placements.length}/${result.positions} places filled (${result.unfilled.length} unfilled), ${runs} runs: ${summary(times)}; CPU ${(cpuMicros / runs / 1000).toFixed(2)} ms a run`,
  )
  return { shifts, result }
}

/** suggestRota alone: the month above, then a stress case of 100 volunteers over 92 days. */
export function benchRotaPure(): void {
  const { from, to } = benchMonth()
  const { result } = timePure(`suggestRota (pure), 20 volunteers, ${from}..${to}`, from, to, TEAM, PURE_RUNS)
  for (const gap of result.unfilled.slice(0, 3))
    console.log(`  unfilled ${gap.date} ${gap.duty}: ${gap.reason}`)
  const big = Array.from({ length: 5 }, (_, copy) =>
    TEAM.map((m) => ({
      ...m,
      name: `${m.name} ${copy}`,
      mentor: m.mentor === undefined ? undefined : m.mentor + copy * TEAM.length,
    })),
  ).flat()
  timePure(`suggestRota (pure), 100 volunteers, 92 days`, from, plusDays(from, 91), big, 50)
}

// ---------- Through the server ----------

async function seedCentre(target: DatabaseTarget, from: string, to: string) {
  const connected = await connect(target)
  const db = connected.db
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(db)
    await sql`create schema public`.execute(db)
  }
  await migrateToLatest(db)
  const deps = {
    db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
  const [org] = await insertBulkFamilies(db, 1, 12)
  if (!org) throw new Error('nothing seeded')
  const { organisationId, centreId } = org
  await ensureVolunteeringDefaults(db, systemClock, organisationId)
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
      has_separate_entrances: 0,
      entrances: null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const { openings, sessions } = calendar(from, to, venueId)
  for (const o of openings)
    await db
      .insertInto('opening_sessions')
      .values({
        id: newId(),
        organisation_id: organisationId,
        venue_id: venueId,
        weekday: o.weekday,
        starts_at_time: o.startsAt,
        ends_at_time: o.endsAt,
        every_weeks: o.everyWeeks,
        first_on: o.firstOn,
        last_on: null,
        capacity_units: 20,
        staffing: JSON.stringify(o.staffing),
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
  const cases = await db
    .selectFrom('cases')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute()
  const rows: SessionsTable[] = []
  for (const [index, s] of sessions.entries()) {
    const caseId = cases[index % cases.length]?.id ?? ''
    const planId = newId()
    await db
      .insertInto('contact_plans')
      .values({
        id: planId,
        organisation_id: organisationId,
        centre_id: centreId,
        case_id: caseId,
        status: 'active',
        service_type: s.serviceType,
        frequency: 'one_off',
        week_of_month: null,
        first_on: s.localDate,
        last_on: s.localDate,
        starts_at_time: s.startTime,
        duration_minutes: s.minutes,
        venue_id: s.venueId,
        room_id: null,
        arrival: JSON.stringify({
          ...ARRIVAL,
          resident: { entrance: null, waitingRoomId: null },
          nonResident: { entrance: null, waitingRoomId: null },
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
    const times = sessionTimes(s.localDate, s.startTime, s.minutes, ZONE, ARRIVAL)
    rows.push({
      id: newId(),
      organisation_id: organisationId,
      centre_id: centreId,
      case_id: caseId,
      plan_id: planId,
      occurrence_on: s.localDate,
      local_date: s.localDate,
      service_type: s.serviceType,
      status: 'scheduled',
      venue_id: s.venueId,
      room_id: null,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      occupied_from: times.occupiedFrom,
      occupied_until: times.occupiedUntil,
      capacity_weight: 1,
      first_party: 'non_resident',
      resident_arrives_at: times.resident.arrivesAt,
      resident_leaves_at: times.resident.leavesAt,
      resident_entrance: null,
      resident_waiting_room_id: null,
      non_resident_arrives_at: times.nonResident.arrivesAt,
      non_resident_leaves_at: times.nonResident.leavesAt,
      non_resident_entrance: null,
      non_resident_waiting_room_id: null,
      offsite_sealed: null,
      moved: 0,
      cancelled_by: null,
      cancelled_at: null,
      cancel_notice_hours: null,
      cancel_reason: null,
      resident_outcome: null,
      non_resident_outcome: null,
      outcome_explained: null,
      outcome_reason: null,
      outcome_recorded_at: null,
      attendance_note: null,
      ended_early_at: null,
      ended_early_reason: null,
      suspension_id: null,
      outcome_source: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
  }
  if (rows.length > 0) await db.insertInto('sessions').values(rows).execute()
  await seedTeam(db, organisationId, centreId, from, now)
  if (target.kind === 'postgres') await sql`analyze`.execute(db)
  return { connected, deps, organisationId, centreId }
}

async function seedTeam(
  db: Awaited<ReturnType<typeof connect>>['db'],
  organisationId: string,
  centreId: string,
  from: string,
  now: string,
) {
  const ids = TEAM.map(() => newId())
  const requirements = await db
    .selectFrom('volunteer_requirements')
    .select(['id', 'code'])
    .where('organisation_id', '=', organisationId)
    .execute()
  const requirementId = new Map(requirements.map((r) => [r.code, r.id]))
  const versions = await db
    .selectFrom('policy_versions')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .execute()
  // Mentors first, so each mentee's mentor exists when the mentee is inserted.
  const order = TEAM.map((m, i) => ({ m, i })).sort(
    (a, b) => Number(a.m.mentor !== undefined) - Number(b.m.mentor !== undefined),
  )
  for (const { m, i } of order) {
    const id = ids[i] ?? ''
    const facts = volunteerFacts(m, i, from, ids)
    await db
      .insertInto('volunteers')
      .values({
        id,
        organisation_id: organisationId,
        centre_id: centreId,
        user_id: null,
        full_name: m.name,
        search_name: m.name.toLowerCase(),
        email: null,
        phone: null,
        date_of_birth: null,
        stage: m.stage,
        stage_changed_at: now,
        duties: JSON.stringify(m.duties),
        mentor_id: facts.mentorId,
        started_on: facts.startedOn,
        mentoring_until: facts.mentoringUntil,
        planned_end_on: facts.plannedEndOn,
        left_on: null,
        references_received: 2,
        availability: JSON.stringify(m.availability),
        max_shifts_per_month: m.max,
        notes: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const records = [...recordsOf(m, from).entries()].map(([code, r]) => ({
      id: newId(),
      organisation_id: organisationId,
      volunteer_id: id,
      requirement_id: requirementId.get(code) ?? '',
      completed_on: r.completedOn,
      expires_on: r.expiresOn,
      passed: 1 as const,
      provider: null,
      note: null,
      dbs_sealed: null,
      renewal_started_on: null,
      recorded_by_user_id: null,
      created_at: now,
      updated_at: now,
    }))
    if (records.length > 0) await db.insertInto('volunteer_records').values(records).execute()
    if (versions.length > 0)
      await db
        .insertInto('policy_acknowledgements')
        .values(
          versions.map((v) => ({
            id: newId(),
            organisation_id: organisationId,
            volunteer_id: id,
            policy_version_id: v.id,
            user_id: null,
            acknowledged_at: now,
          })),
        )
        .execute()
    for (const e of facts.exceptions)
      await db
        .insertInto('availability_exceptions')
        .values({
          id: newId(),
          organisation_id: organisationId,
          volunteer_id: id,
          first_day: e.firstDay,
          last_day: e.lastDay,
          kind: e.kind,
          note: null,
          created_at: now,
        })
        .execute()
  }
}

/** `POST /api/centres/:id/rota/suggest` (without applying), one request at a time. */
export async function benchRotaApi(label: string, target: DatabaseTarget): Promise<void> {
  const { from, to } = benchMonth()
  const { connected, deps, organisationId, centreId } = await seedCentre(target, from, to)
  await createUserWithPassword(deps, cliOrigin(), {
    organisationId,
    email: 'rota@example.org',
    displayName: 'Coordinator',
    password: PASSWORD,
    roles: [{ role: 'coordinator', centreId: null }],
  })
  const { address, cookie, close } = await startSignedIn(deps, {
    email: 'rota@example.org',
    password: PASSWORD,
  })
  const session = await fetch(`${address}/api/auth/session`, { headers: { cookie } })
  const csrfToken = ((await session.json()) as { csrfToken?: string }).csrfToken ?? ''
  const ask = async () => {
    const started = performance.now()
    const response = await fetch(`${address}/api/centres/${centreId}/rota/suggest`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ from, to, apply: false }),
    })
    const body = (await response.json()) as { filled?: number; positions?: number; millis?: number }
    if (response.status !== 200)
      throw new Error(`suggest answered ${response.status}: ${JSON.stringify(body)}`)
    return { took: performance.now() - started, ...body }
  }
  for (let i = 0; i < 5; i++) await ask()
  const times: number[] = []
  const inside: number[] = []
  let last: Awaited<ReturnType<typeof ask>> | undefined
  for (let i = 0; i < API_RUNS; i++) {
    last = await ask()
    times.push(last.took)
    inside.push(last.millis ?? 0)
  }
  console.log(
    `${label} POST rota/suggest (${from}..${to}), ${API_RUNS} requests one at a time: ${summary(times)}; suggestRota inside: ${summary(inside)}; ${last?.filled ?? 0}/${last?.positions ?? 0} places filled`,
  )
  await close()
  await connected.close()
}
