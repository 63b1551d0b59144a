import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plusDays, weekdayOf, zonedInstant } from '../scheduling/schedule.rules'
import {
  enumerateShifts,
  placementProblems,
  positionOf,
  suggestRota,
  type AssignmentFacts,
  type OpeningShiftFacts,
  type Placement,
  type RotaWorld,
  type SessionShiftFacts,
  type ShiftFacts,
} from './rota.rules'
import {
  requirementState,
  type PolicyFacts,
  type RecordFacts,
  type RequirementFacts,
  type VolunteerFacts,
} from './volunteer.rules'
import type {
  AvailabilityWindow,
  Duty,
  RequirementState,
  Staffing,
  VolunteerStage,
} from './volunteers.schemas'

const ZONE = 'Europe/London'
const OPTIONS = { expiringWithinDays: 60, policyGraceDays: 30 }
const SPECIAL_DUTIES = ['team_leader', 'supervisor', 'escort'] as const satisfies readonly Duty[]

// The centre's requirements, as the defaults have them: the supervisor qualification is not
// mandatory for everyone, but gates the supervisor duty by name, so supervisors need it (R-STF-5).
const REQUIREMENTS: readonly RequirementFacts[] = [
  {
    id: 'dbs',
    code: 'dbs',
    title: 'Enhanced DBS check',
    kind: 'dbs',
    mandatory: true,
    validMonths: 36,
    dueDays: null,
    gates: ['*'],
  },
  {
    id: 'policies',
    code: 'policies',
    title: 'Centre policies read',
    kind: 'policies',
    mandatory: true,
    validMonths: null,
    dueDays: null,
    gates: ['*'],
  },
  {
    id: 'first_aid',
    code: 'first_aid',
    title: 'First aid',
    kind: 'training',
    mandatory: true,
    validMonths: 36,
    dueDays: 90,
    gates: ['*'],
  },
  {
    id: 'supervisor_qualification',
    code: 'supervisor_qualification',
    title: 'Supervisor qualification',
    kind: 'qualification',
    mandatory: false,
    validMonths: null,
    dueDays: null,
    gates: ['supervisor'],
  },
  {
    id: 'escort_training',
    code: 'escort_training',
    title: 'Escort training',
    kind: 'training',
    mandatory: true,
    validMonths: 12,
    dueDays: null,
    gates: ['escort'],
  },
  {
    id: 'mentor_review',
    code: 'mentor_review',
    title: 'Review with mentor',
    kind: 'checklist',
    mandatory: true,
    validMonths: null,
    dueDays: 90,
    gates: [],
  },
]
const RECORDED = REQUIREMENTS.filter((r) => r.kind !== 'policies')
const BLOCKING_STATUSES = new Set(['expired', 'overdue', 'missing'])

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

// ---------- Random worlds ----------

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never

const staffingArb: fc.Arbitrary<Staffing> = fc.record({
  teamLeaders: fc.integer({ min: 0, max: 2 }),
  floor: fc.integer({ min: 0, max: 3 }),
  reception: fc.integer({ min: 0, max: 1 }),
})

/**
 * About a month of weekend openings (sometimes across two calendar months): every Sunday, maybe
 * alternate Saturdays, maybe a second Sunday opening.
 */
const periodArb = fc.record({
  // March and October hold the clock changes.
  month: fc.constantFrom('2026-03-01', '2026-10-01', '2027-01-01', '2027-06-01'),
  startDay: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  days: fc.integer({ min: 27, max: 40 }),
  sunday: fc.record({
    startsAt: fc.constantFrom('09:30', '10:00'),
    endsAt: fc.constantFrom('12:30', '13:00', '15:00'),
    staffing: staffingArb,
  }),
  saturday: fc.option(
    fc.record({ firstOn: fc.constantFrom('2026-01-03', '2026-01-10'), staffing: staffingArb }),
    { nil: null },
  ),
  // A second opening on Sundays, at the same venue or another, overlapping the first in time.
  second: fc.option(
    fc.record({
      venueId: fc.constantFrom('venue-a', 'venue-b'),
      everyWeeks: fc.constantFrom(1, 2),
      staffing: staffingArb,
    }),
    { nil: null, freq: 3 },
  ),
  closedDay: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null, freq: 2 }),
  supervised: fc.array(
    fc.record({
      weekday: fc.constantFrom(6, 7),
      week: fc.integer({ min: 0, max: 4 }),
      venueId: fc.constantFrom('venue-a', 'venue-a', 'venue-b'),
      start: fc.integer({ min: 18, max: 30 }), // half hours: 09:00 to 15:00
      halfHours: fc.integer({ min: 2, max: 5 }),
    }),
    { maxLength: 6 },
  ),
  escorted: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      start: fc.integer({ min: 18, max: 30 }),
      halfHours: fc.integer({ min: 3, max: 8 }),
    }),
    { maxLength: 3 },
  ),
  escortsPerVisit: fc.integer({ min: 1, max: 2 }),
})
type PeriodSpec = ValueOf<typeof periodArb>

function buildShifts(spec: PeriodSpec): { from: string; to: string; shifts: ShiftFacts[] } {
  const from = plusDays(spec.month, spec.startDay)
  const to = plusDays(from, spec.days - 1)
  const opening = (
    overrides: Partial<OpeningShiftFacts> & Pick<OpeningShiftFacts, 'id' | 'weekday' | 'staffing'>,
  ) => ({
    venueId: 'venue-a',
    venueName: 'Church hall',
    startsAt: '10:00',
    endsAt: '13:00',
    everyWeeks: 1,
    firstOn: '2026-01-04',
    lastOn: null,
    ...overrides,
  })
  const openings: OpeningShiftFacts[] = [opening({ id: 'o-sun', weekday: 7, ...spec.sunday })]
  if (spec.saturday)
    openings.push(opening({ id: 'o-sat', weekday: 6, endsAt: '12:00', everyWeeks: 2, ...spec.saturday }))
  if (spec.second)
    openings.push(
      opening({
        id: 'o-sun-late',
        weekday: 7,
        startsAt: '12:00',
        endsAt: '16:00',
        venueName: spec.second.venueId === 'venue-a' ? 'Church hall' : 'School',
        ...spec.second,
      }),
    )
  const sessions: SessionShiftFacts[] = []
  const firstOfWeekday = (weekday: number) => {
    let date = from
    while (weekdayOf(date) !== weekday) date = plusDays(date, 1)
    return date
  }
  spec.supervised.forEach((s, i) => {
    const date = plusDays(firstOfWeekday(s.weekday), 7 * s.week)
    if (date > to) return
    sessions.push({
      id: `sup-${i}`,
      venueId: s.venueId,
      localDate: date,
      serviceType: 'supervised',
      startsAt: zonedInstant(date, hhmm(s.start * 30), ZONE),
      endsAt: zonedInstant(date, hhmm((s.start + s.halfHours) * 30), ZONE),
      label: `KB-${i}`,
    })
  })
  spec.escorted.forEach((s, i) => {
    const date = plusDays(from, s.day)
    if (date > to) return
    sessions.push({
      id: `esc-${i}`,
      venueId: null,
      localDate: date,
      serviceType: 'escorted',
      startsAt: zonedInstant(date, hhmm(s.start * 30), ZONE),
      endsAt: zonedInstant(date, hhmm((s.start + s.halfHours) * 30), ZONE),
      label: `KE-${i}`,
    })
  })
  const closed = spec.closedDay === null ? null : plusDays(from, spec.closedDay)
  const shifts = enumerateShifts({
    from,
    to,
    timeZone: ZONE,
    openings,
    closures: closed ? [{ venueId: null, firstDay: closed, lastDay: closed }] : [],
    sessions,
    escortsPerVisit: spec.escortsPerVisit,
  })
  return { from, to, shifts }
}

const WINDOWS: readonly AvailabilityWindow[] = [
  { weekday: 6, from: '08:00', to: '18:00' },
  { weekday: 6, from: '09:30', to: '12:30' },
  { weekday: 7, from: '08:00', to: '18:00' },
  { weekday: 7, from: '09:00', to: '13:00' },
  { weekday: 7, from: '12:00', to: '17:00' },
  { weekday: 2, from: '09:00', to: '17:00' },
  { weekday: 4, from: '09:00', to: '17:00' },
]

const recordArb = fc.record({
  completedDaysBefore: fc.integer({ min: 1, max: 1400 }),
  // Days from the period's start to the expiry: some lapse inside the month, some long after.
  expiresIn: fc.option(
    fc.oneof(
      { arbitrary: fc.integer({ min: -40, max: 45 }), weight: 1 },
      { arbitrary: fc.integer({ min: 46, max: 900 }), weight: 4 },
    ),
    {
      nil: null,
      freq: 4,
    },
  ),
  passed: fc.oneof(
    { arbitrary: fc.constant(true), weight: 19 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  renewalDaysBefore: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null, freq: 4 }),
})

const volunteerArb = fc.record({
  stage: fc.oneof(
    { arbitrary: fc.constant<VolunteerStage>('active'), weight: 8 },
    { arbitrary: fc.constant<VolunteerStage>('mentored'), weight: 3 },
    { arbitrary: fc.constant<VolunteerStage>('leaving'), weight: 1 },
    { arbitrary: fc.constantFrom<VolunteerStage>('training', 'dbs_applied', 'enquiry'), weight: 1 },
  ),
  duties: fc.subarray([...SPECIAL_DUTIES]),
  hasMentor: fc.oneof(
    { arbitrary: fc.constant(true), weight: 4 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  mentorPick: fc.nat(),
  availability: fc.subarray([...WINDOWS]),
  exceptions: fc.array(
    fc.record({
      day: fc.integer({ min: -3, max: 30 }),
      days: fc.integer({ min: 0, max: 9 }),
      kind: fc.constantFrom('unavailable' as const, 'available' as const),
    }),
    { maxLength: 2 },
  ),
  maxShiftsPerMonth: fc.integer({ min: 1, max: 4 }),
  startedDaysBefore: fc.integer({ min: -5, max: 1200 }),
  plannedEnd: fc.option(fc.integer({ min: -3, max: 35 }), { nil: null }),
  records: fc.tuple(...RECORDED.map(() => fc.option(recordArb, { nil: undefined, freq: 12 }))),
  policies: fc.tuple(
    fc.record({ current: fc.boolean(), earlier: fc.boolean() }),
    fc.record({ current: fc.boolean(), earlier: fc.boolean() }),
  ),
})
type VolunteerSpec = ValueOf<typeof volunteerArb>

const worldArb = fc.record({
  period: periodArb,
  team: fc.array(volunteerArb, { minLength: 5, maxLength: 25 }),
  // Two must-read policies, published some days from the start of the month (negative: before it).
  published: fc.tuple(fc.integer({ min: -400, max: -31 }), fc.integer({ min: -60, max: 20 })),
  // Most volunteers have read most policies; the rest leaves room for blocks.
  readAll: fc.double({ min: 0.7, max: 1, noNaN: true }),
  existing: fc.array(
    fc.record({
      shift: fc.nat(),
      position: fc.nat(),
      volunteer: fc.nat(),
      // Now and then a place holds more than it needs (its staffing was lowered since).
      overfill: fc.oneof(
        { arbitrary: fc.constant(false), weight: 9 },
        { arbitrary: fc.constant(true), weight: 1 },
      ),
    }),
    { maxLength: 12 },
  ),
  // Shifts elsewhere in the period (an archived opening): they count towards the monthly limit.
  elsewhere: fc.array(fc.record({ day: fc.integer({ min: 0, max: 27 }), volunteer: fc.nat() }), {
    maxLength: 6,
  }),
})
type WorldSpec = ValueOf<typeof worldArb>

interface Built {
  world: RotaWorld
  shifts: ShiftFacts[]
  /** The raw records behind each volunteer's states, to check the headline blocks directly. */
  records: Map<string, (RecordFacts | undefined)[]>
}

function buildTeam(spec: WorldSpec, from: string) {
  const ids = spec.team.map((_, i) => `v${String(i).padStart(2, '0')}`)
  const actives = ids.filter((_, i) => spec.team[i]?.stage === 'active')
  const volunteers = new Map<string, VolunteerFacts>()
  const records = new Map<string, (RecordFacts | undefined)[]>()
  const policies = new Map<string, PolicyFacts[]>()
  spec.team.forEach((v: VolunteerSpec, i) => {
    const id = ids[i] ?? ''
    const onWay = !['mentored', 'active', 'leaving'].includes(v.stage)
    const mentorId =
      v.stage === 'mentored' && v.hasMentor && actives.length > 0
        ? (actives[v.mentorPick % actives.length] ?? null)
        : null
    volunteers.set(id, {
      id,
      fullName: `Volunteer ${i}`,
      stage: v.stage,
      duties: v.duties,
      mentorId,
      startedOn: onWay ? null : plusDays(from, -v.startedDaysBefore),
      mentoringUntil: null,
      plannedEndOn: v.stage === 'leaving' && v.plannedEnd !== null ? plusDays(from, v.plannedEnd) : null,
      availability: v.availability,
      exceptions: v.exceptions.map((e) => ({
        firstDay: plusDays(from, e.day),
        lastDay: plusDays(from, e.day + e.days),
        kind: e.kind,
      })),
      maxShiftsPerMonth: v.maxShiftsPerMonth,
    })
    records.set(
      id,
      RECORDED.map((req, r) => {
        const made = v.records[r]
        if (!made) return undefined
        const completedOn = plusDays(from, -made.completedDaysBefore)
        const expiresOn = made.expiresIn === null ? null : plusDays(from, made.expiresIn)
        return {
          requirementId: req.id,
          completedOn,
          expiresOn: req.validMonths === null ? null : expiresOn,
          passed: made.passed,
          renewalStartedOn: made.renewalDaysBefore === null ? null : plusDays(from, -made.renewalDaysBefore),
        }
      }),
    )
    const read = (i + 1) / spec.team.length <= spec.readAll
    policies.set(
      id,
      v.policies.map((p, n) => ({
        title: n === 0 ? 'Child protection' : 'Confidentiality',
        currentPublishedOn: plusDays(from, spec.published[n] ?? 0),
        acknowledgedCurrent: read || p.current,
        acknowledgedEarlier: p.earlier,
      })),
    )
  })
  const memo = new Map<string, RequirementState[]>()
  const statesOn = (volunteerId: string, date: string): RequirementState[] => {
    const key = `${volunteerId}:${date}`
    const hit = memo.get(key)
    if (hit) return hit
    const startedOn = volunteers.get(volunteerId)?.startedOn ?? null
    const mine = records.get(volunteerId) ?? []
    const states = REQUIREMENTS.map((req) =>
      requirementState(
        req,
        mine[RECORDED.indexOf(req)],
        startedOn,
        date,
        OPTIONS,
        policies.get(volunteerId) ?? [],
      ),
    )
    memo.set(key, states)
    return states
  }
  return { ids, volunteers, records, statesOn }
}

function buildWorld(spec: WorldSpec): Built {
  const { from, shifts } = buildShifts(spec.period)
  const { ids, volunteers, records, statesOn } = buildTeam(spec, from)
  const world: RotaWorld = { volunteers, statesOn, assignments: [] }
  // What the coordinator assigned by hand beforehand: any pairing the API would accept with an
  // override (so never twice at once, never more than the place needs).
  const assignments: AssignmentFacts[] = []
  spec.elsewhere.forEach((e, i) => {
    const date = plusDays(from, e.day)
    assignments.push({
      id: `elsewhere-${i}`,
      shiftKey: `opening:archived:${date}`,
      date,
      duty: 'floor',
      sessionId: null,
      volunteerId: ids[e.volunteer % ids.length] ?? '',
      startsAt: zonedInstant(date, '18:00', ZONE),
      endsAt: zonedInstant(date, '20:00', ZONE),
    })
  })
  spec.existing.forEach((e, i) => {
    const shift = shifts[e.shift % Math.max(1, shifts.length)]
    const position = shift?.positions[e.position % Math.max(1, shift.positions.length)]
    const volunteer = volunteers.get(ids[e.volunteer % ids.length] ?? '')
    if (!shift || !position || !volunteer) return
    const problems = placementProblems({ ...world, assignments }, shift, position, volunteer)
    if (problems.some((p) => p.rule === 'ROTA-TWICE' || (p.rule === 'ROTA-FULL' && !e.overfill))) return
    assignments.push({
      id: `existing-${i}`,
      shiftKey: shift.key,
      date: shift.date,
      duty: position.duty,
      sessionId: position.sessionId,
      volunteerId: volunteer.id,
      startsAt: position.startsAt,
      endsAt: position.endsAt,
    })
  })
  return { world: { ...world, assignments }, shifts, records }
}

// ---------- Oracles: the rules restated from the domain rules, not read from the code ----------

const overlapping = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt

function freeThen(v: VolunteerFacts, date: string, from: string, to: string): boolean {
  const covering = v.exceptions.filter((e) => e.firstDay <= date && date <= e.lastDay)
  if (covering.some((e) => e.kind === 'unavailable')) return false
  if (covering.length > 0) return true
  return v.availability.some((w) => w.weekday === weekdayOf(date) && w.from <= from && to <= w.to)
}

const placedFacts = (placements: readonly Placement[]): AssignmentFacts[] =>
  placements.map((p, i) => ({ id: `placed-${i}`, ...p }))

/** Every rule, checked on the finished rota from the raw facts. */
function expectEveryRuleKept(built: Built, result: ReturnType<typeof suggestRota>) {
  const { world, shifts, records } = built
  const placed = placedFacts(result.placements)
  const all = [...world.assignments, ...placed]
  const shiftOf = new Map(shifts.map((s) => [s.key, s]))
  for (const [index, p] of placed.entries()) {
    const v = world.volunteers.get(p.volunteerId)
    const shift = shiftOf.get(p.shiftKey)
    const position = shift && positionOf(shift, p.duty, p.sessionId)
    if (!v || !shift || !position) throw new Error(`placement ${p.id} is on no known place`)
    expect(p).toMatchObject({ date: shift.date, startsAt: position.startsAt, endsAt: position.endsAt })
    // The stage.
    expect(['mentored', 'active', 'leaving']).toContain(v.stage)
    if (v.stage === 'leaving' && v.plannedEndOn !== null) expect(p.date <= v.plannedEndOn).toBe(true)
    // No blocking requirement for that duty on that day.
    for (const s of world.statesOn(v.id, p.date)) {
      const gated = s.gates.includes('*') || s.gates.includes(p.duty)
      expect(BLOCKING_STATUSES.has(s.status) && gated, `${v.id} ${p.duty} ${s.code} ${s.status}`).toBe(false)
      // Not needed by everyone, but needed by name for this duty.
      expect(s.status === 'optional' && s.gates.includes(p.duty), `${v.id} ${p.duty} ${s.code}`).toBe(false)
    }
    // The headline blocks, straight from the records: a DBS check cleared and not expired, and for a
    // supervisor, the qualification.
    const mine = records.get(v.id) ?? []
    const dbs = mine[RECORDED.findIndex((r) => r.id === 'dbs')]
    expect(dbs?.passed).toBe(true)
    if (dbs?.expiresOn) expect(dbs.expiresOn >= p.date).toBe(true)
    if (p.duty === 'supervisor')
      expect(mine[RECORDED.findIndex((r) => r.id === 'supervisor_qualification')]?.passed).toBe(true)
    // The duty: the special ones only for those down for them, and never for a mentee.
    const mentee = v.stage === 'mentored' && v.mentorId !== null
    if (SPECIAL_DUTIES.some((d) => d === p.duty)) {
      expect(v.duties).toContain(p.duty)
      expect(mentee).toBe(false)
    }
    // Said they are free for the whole place.
    expect(freeThen(v, p.date, position.localStart, position.localEnd)).toBe(true)
    // Nowhere else at that time; twice on one shift only for two supervised sessions one after the other.
    for (const other of all)
      if (other.id !== p.id && other.volunteerId === p.volunteerId) {
        if (other.shiftKey === p.shiftKey) expect([other.duty, p.duty]).toEqual(['supervisor', 'supervisor'])
        expect(overlapping(other, p), `${v.id} on ${p.shiftKey} and ${other.shiftKey}`).toBe(false)
      }
    // A mentee's mentor was already on the shift when they were placed.
    if (mentee) {
      const before = [...world.assignments, ...placed.slice(0, index)]
      expect(before.some((a) => a.shiftKey === p.shiftKey && a.volunteerId === v.mentorId)).toBe(true)
    }
    // The monthly limit, counting shifts (not places) anywhere in that month.
    const month = p.date.slice(0, 7)
    const monthShifts = new Set(
      all.filter((a) => a.volunteerId === v.id && a.date.slice(0, 7) === month).map((a) => a.shiftKey),
    )
    expect(monthShifts.size).toBeLessThanOrEqual(v.maxShiftsPerMonth)
  }
  // No placement into a place already full; each supervised session has one supervisor at most.
  const inPlace = (a: AssignmentFacts, key: string, duty: Duty, sessionId: string | null) =>
    a.shiftKey === key && a.duty === duty && a.sessionId === sessionId
  for (const shift of shifts)
    for (const position of shift.positions) {
      const before = world.assignments.filter((a) => inPlace(a, shift.key, position.duty, position.sessionId))
      const added = placed.filter((a) => inPlace(a, shift.key, position.duty, position.sessionId))
      if (added.length > 0) expect(before.length + added.length).toBeLessThanOrEqual(position.needed)
    }
  const sessionsSupervised = new Set(
    world.assignments.filter((a) => a.duty === 'supervisor').map((a) => a.sessionId),
  )
  const supervisors = placed.filter((a) => a.duty === 'supervisor').map((a) => a.sessionId)
  expect(new Set(supervisors).size).toBe(supervisors.length)
  for (const session of supervisors) expect(sessionsSupervised.has(session)).toBe(false)
}

/**
 * Replays the suggestion place by place, in the order it fills them: each placement breaks no rule,
 * hard or soft, in the world as it stood then; each unfilled place had no one who could take it.
 */
function expectReplayHolds(built: Built, result: ReturnType<typeof suggestRota>) {
  const { world, shifts } = built
  const assignments: AssignmentFacts[] = [...world.assignments]
  const placements = [...result.placements]
  const unfilled = [...result.unfilled]
  let positions = 0
  for (const shift of shifts)
    for (const position of shift.positions) {
      const inPlace = (a: { shiftKey: string; duty: Duty; sessionId: string | null }) =>
        a.shiftKey === shift.key && a.duty === position.duty && a.sessionId === position.sessionId
      const open = position.needed - world.assignments.filter(inPlace).length
      for (let i = 0; i < open; i++) {
        positions++
        const live = { ...world, assignments }
        const next = placements[0]
        if (next && inPlace(next)) {
          placements.shift()
          const v = world.volunteers.get(next.volunteerId)
          if (!v) throw new Error('placed someone not on the team')
          expect(placementProblems(live, shift, position, v)).toEqual([])
          assignments.push({ id: `replayed-${assignments.length}`, ...next })
          continue
        }
        const gap = unfilled.shift()
        expect(gap).toMatchObject({
          shiftKey: shift.key,
          date: shift.date,
          duty: position.duty,
          sessionId: position.sessionId,
        })
        for (const v of world.volunteers.values())
          expect(placementProblems(live, shift, position, v).length).toBeGreaterThan(0)
      }
    }
  expect(placements).toEqual([])
  expect(unfilled).toEqual([])
  expect(result.positions).toBe(positions)
  expect(result.placements.length + result.unfilled.length).toBe(result.positions)
  // And in the finished rota, each placement still keeps every rule with itself set aside.
  const final = { ...world, assignments: [...world.assignments, ...placedFacts(result.placements)] }
  const shiftOf = new Map(shifts.map((s) => [s.key, s]))
  result.placements.forEach((p, i) => {
    const shift = shiftOf.get(p.shiftKey)
    const position = shift && positionOf(shift, p.duty, p.sessionId)
    const v = world.volunteers.get(p.volunteerId)
    if (!shift || !position || !v) throw new Error('lost placement')
    expect(placementProblems(final, shift, position, v, `placed-${i}`)).toEqual([])
  })
}

/** An unfilled place says why in a sentence that counts every volunteer once. */
function expectReasonsCount(built: Built, result: ReturnType<typeof suggestRota>) {
  for (const gap of result.unfilled) {
    expect(gap.reason).toMatch(/^No one could be placed: \d+ [a-z][^,]*(, \d+ [a-z][^,]*)*$/)
    const counts = [...gap.reason.matchAll(/(?:: |, )(\d+) /g)].map((m) => Number(m[1]))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(built.world.volunteers.size)
    expect(counts.every((n) => n > 0)).toBe(true)
    expect([...counts].sort((a, b) => b - a)).toEqual(counts)
  }
}

// FC_RUNS=5000 for a long hunt; the default keeps the unit suite quick.
const RUNS = Number(process.env.FC_RUNS ?? 100)
const TIMEOUT = Math.max(30_000, RUNS * 40)

describe('suggestRota over random months and teams', () => {
  it(
    'fills places only with volunteers who keep every rule',
    () => {
      fc.assert(
        fc.property(worldArb, (spec) => {
          const built = buildWorld(spec)
          const result = suggestRota(built.world, built.shifts)
          expectEveryRuleKept(built, result)
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    'place by place, each placement breaks no rule and each gap had no one to fill it',
    () => {
      fc.assert(
        fc.property(worldArb, (spec) => {
          const built = buildWorld(spec)
          expectReplayHolds(built, suggestRota(built.world, built.shifts))
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    'says why each place is left open, counting every volunteer once',
    () => {
      fc.assert(
        fc.property(worldArb, (spec) => {
          const built = buildWorld(spec)
          expectReasonsCount(built, suggestRota(built.world, built.shifts))
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    'is deterministic: the same input, in any order, gives the same rota',
    () => {
      fc.assert(
        fc.property(worldArb, fc.nat(), (spec, seed) => {
          const built = buildWorld(spec)
          const first = suggestRota(built.world, built.shifts)
          expect(suggestRota(built.world, built.shifts)).toEqual(first)
          // The team and the existing assignments listed in another order.
          const entries = [...built.world.volunteers.entries()]
          const rotated = [
            ...entries.slice(seed % entries.length),
            ...entries.slice(0, seed % entries.length),
          ]
          const reordered: RotaWorld = {
            ...built.world,
            volunteers: new Map(rotated.reverse()),
            assignments: [...built.world.assignments].reverse(),
          }
          expect(suggestRota(reordered, built.shifts)).toEqual(first)
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})

describe('suggestRota shares the shifts fairly', () => {
  it(
    'with everyone free, able and cleared, shift counts differ by at most one',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 5, max: 25 }),
          staffingArb,
          fc.option(staffingArb, { nil: null }),
          fc.constantFrom('2026-03-01', '2026-10-01', '2027-01-01'),
          fc.integer({ min: 27, max: 40 }),
          fc.array(
            fc.record({ week: fc.integer({ min: 0, max: 4 }), start: fc.integer({ min: 20, max: 22 }) }),
            { maxLength: 4 },
          ),
          (size, sunday, saturday, month, days, supervised) => {
            const periodSpec: PeriodSpec = {
              month,
              startDay: 0,
              days,
              sunday: { startsAt: '10:00', endsAt: '13:00', staffing: sunday },
              saturday: saturday && { firstOn: '2026-01-03', staffing: saturday },
              second: null,
              closedDay: null,
              supervised: supervised.map((s) => ({ ...s, weekday: 7, venueId: 'venue-a', halfHours: 2 })),
              escorted: [],
              escortsPerVisit: 1,
            }
            const { shifts } = buildShifts(periodSpec)
            const team = Array.from({ length: size }, (_, i): VolunteerFacts => ({
              id: `v${String(i).padStart(2, '0')}`,
              fullName: `Volunteer ${i}`,
              stage: 'active',
              duties: [...SPECIAL_DUTIES],
              mentorId: null,
              startedOn: '2020-01-01',
              mentoringUntil: null,
              plannedEndOn: null,
              availability: [
                { weekday: 6, from: '00:00', to: '23:59' },
                { weekday: 7, from: '00:00', to: '23:59' },
              ],
              exceptions: [],
              maxShiftsPerMonth: 31,
            }))
            const perShift = Math.max(0, ...shifts.map((s) => s.positions.reduce((n, p) => n + p.needed, 0)))
            fc.pre(perShift <= size)
            const world: RotaWorld = {
              volunteers: new Map(team.map((v) => [v.id, v])),
              statesOn: () => [],
              assignments: [],
            }
            const result = suggestRota(world, shifts)
            expect(result.unfilled).toEqual([])
            const counts = team.map((v) => result.placements.filter((p) => p.volunteerId === v.id).length)
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
          },
        ),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})

// ---------- Worked examples ----------

const SUNDAY = '2026-10-04'
const baseOpening: OpeningShiftFacts = {
  id: 'o1',
  venueId: 'venue-a',
  venueName: 'Church hall',
  weekday: 7,
  startsAt: '10:00',
  endsAt: '13:00',
  everyWeeks: 1,
  firstOn: '2026-01-04',
  lastOn: null,
  staffing: { teamLeaders: 1, floor: 2, reception: 1 },
}
const supervised = (id: string, from: string, to: string, venueId = 'venue-a'): SessionShiftFacts => ({
  id,
  venueId,
  localDate: SUNDAY,
  serviceType: 'supervised',
  startsAt: zonedInstant(SUNDAY, from, ZONE),
  endsAt: zonedInstant(SUNDAY, to, ZONE),
  label: id,
})

describe('enumerateShifts', () => {
  it('one shift per opening day, less closures, with a supervisor for each supervised session', () => {
    const shifts = enumerateShifts({
      from: '2026-10-01',
      to: '2026-10-31',
      timeZone: ZONE,
      openings: [
        baseOpening,
        {
          ...baseOpening,
          id: 'o2',
          weekday: 6,
          everyWeeks: 2,
          firstOn: '2026-01-03',
          startsAt: '10:00',
          endsAt: '12:00',
        },
      ],
      closures: [{ venueId: 'venue-a', firstDay: '2026-10-11', lastDay: '2026-10-11' }],
      sessions: [
        supervised('s1', '11:00', '12:00'),
        supervised('s2', '10:15', '11:45'),
        supervised('s3', '11:00', '12:00', 'venue-b'),
      ],
      escortsPerVisit: 1,
    })
    // The fortnightly Saturdays fall on 10 and 24 October; Sunday 11 October is closed.
    expect(shifts.map((s) => s.key)).toEqual([
      'opening:o1:2026-10-04',
      'opening:o2:2026-10-10',
      'opening:o1:2026-10-18',
      'opening:o2:2026-10-24',
      'opening:o1:2026-10-25',
    ])
    const first = shifts.find((s) => s.key === 'opening:o1:2026-10-04')
    expect(first?.positions.map((p) => [p.duty, p.sessionId, p.needed, p.localStart, p.localEnd])).toEqual([
      ['supervisor', 's2', 1, '10:15', '11:45'],
      ['supervisor', 's1', 1, '11:00', '12:00'],
      ['team_leader', null, 1, '10:00', '13:00'],
      ['reception', null, 1, '10:00', '13:00'],
      ['floor', null, 2, '10:00', '13:00'],
    ])
    // The clocks went back on 25 October: the local times stay 10:00–13:00.
    const afterChange = shifts.find((s) => s.date === '2026-10-25')
    expect(afterChange).toMatchObject({ localStart: '10:00', startsAt: '2026-10-25T10:00:00.000Z' })
  })

  it('a supervised session overlapping two openings of its venue is supervised from one of them', () => {
    const late = { ...baseOpening, id: 'o-late', startsAt: '12:00', endsAt: '16:00' }
    const shifts = enumerateShifts({
      from: SUNDAY,
      to: SUNDAY,
      timeZone: ZONE,
      openings: [late, baseOpening],
      closures: [],
      // s1 (11:00–12:30) crosses into the afternoon but only the morning holds it whole; s2 and s3 lie
      // in the afternoon only, or whole in it; s4 (12:00–12:45) lies whole in both: the earlier has it.
      sessions: [
        supervised('s1', '11:00', '12:30'),
        supervised('s2', '12:30', '14:00'),
        supervised('s3', '12:45', '13:15'),
        supervised('s4', '12:00', '12:45'),
      ],
      escortsPerVisit: 1,
    })
    const supervisors = (key: string) =>
      shifts
        .find((s) => s.key === key)
        ?.positions.filter((p) => p.duty === 'supervisor')
        .map((p) => p.sessionId)
    expect(supervisors(`opening:o1:${SUNDAY}`)).toEqual(['s1', 's4'])
    expect(supervisors(`opening:o-late:${SUNDAY}`)).toEqual(['s2', 's3'])
  })

  it('an escorted visit is a shift of its own with its escorts', () => {
    const [shift] = enumerateShifts({
      from: '2026-10-06',
      to: '2026-10-06',
      timeZone: ZONE,
      openings: [baseOpening],
      closures: [],
      sessions: [
        {
          ...supervised('e1', '14:00', '17:00', 'venue-a'),
          localDate: '2026-10-06',
          serviceType: 'escorted',
          startsAt: zonedInstant('2026-10-06', '14:00', ZONE),
          endsAt: zonedInstant('2026-10-06', '17:00', ZONE),
        },
      ],
      escortsPerVisit: 2,
    })
    expect(shift).toMatchObject({
      key: 'session:e1',
      label: 'Escorted visit · e1',
      weekday: 2,
      positions: [{ duty: 'escort', needed: 2, sessionId: 'e1', localStart: '14:00', localEnd: '17:00' }],
    })
  })
})

describe('placementProblems', () => {
  const shifts = enumerateShifts({
    from: SUNDAY,
    to: SUNDAY,
    timeZone: ZONE,
    openings: [baseOpening],
    closures: [],
    sessions: [supervised('s1', '11:00', '12:00')],
    escortsPerVisit: 1,
  })
  const shift = shifts[0]
  if (!shift) throw new Error('no shift')
  const place = (duty: Duty) => {
    const found = shift.positions.find((p) => p.duty === duty)
    if (!found) throw new Error(duty)
    return found
  }
  const person = (overrides: Partial<VolunteerFacts> = {}): VolunteerFacts => ({
    id: 'v1',
    fullName: 'Ann Example',
    stage: 'active',
    duties: [],
    mentorId: null,
    startedOn: '2025-01-01',
    mentoringUntil: null,
    plannedEndOn: null,
    availability: [{ weekday: 7, from: '09:00', to: '17:00' }],
    exceptions: [],
    maxShiftsPerMonth: 2,
    ...overrides,
  })
  const expiredDbs = requirementState(
    REQUIREMENTS[0] as RequirementFacts,
    {
      requirementId: 'dbs',
      completedOn: '2023-10-01',
      expiresOn: '2026-10-01',
      passed: true,
      renewalStartedOn: null,
    },
    null,
    SUNDAY,
    OPTIONS,
  )
  const assigned = (volunteerId: string, duty: Duty, id = `a-${volunteerId}-${duty}`): AssignmentFacts => ({
    id,
    shiftKey: shift.key,
    date: SUNDAY,
    duty,
    sessionId: duty === 'supervisor' ? 's1' : null,
    volunteerId,
    startsAt: place(duty).startsAt,
    endsAt: place(duty).endsAt,
  })
  const worldOf = (
    volunteers: VolunteerFacts[],
    assignments: AssignmentFacts[] = [],
    blocked: string[] = [],
  ): RotaWorld => ({
    volunteers: new Map(volunteers.map((v) => [v.id, v])),
    statesOn: (id) => (blocked.includes(id) ? [expiredDbs] : []),
    assignments,
  })

  it('lists hard problems before soft ones, each in words', () => {
    const v = person({ stage: 'training', availability: [], maxShiftsPerMonth: 1 })
    const elsewhere: AssignmentFacts = {
      ...assigned('v1', 'floor', 'x'),
      shiftKey: 'opening:o9:2026-10-03',
      date: '2026-10-03',
      startsAt: '2026-10-03T09:00:00.000Z',
      endsAt: '2026-10-03T12:00:00.000Z',
    }
    const problems = placementProblems(worldOf([v], [elsewhere], ['v1']), shift, place('team_leader'), v)
    expect(problems.map((p) => [p.rule, p.hard])).toEqual([
      ['ROTA-STAGE', true],
      ['ROTA-DUTY', true],
      ['ROTA-REQUIREMENT', true],
      ['ROTA-AVAILABILITY', false],
      ['ROTA-LIMIT', false],
    ])
    expect(problems[1]?.message).toBe('Ann Example is not down as a team leader')
    expect(problems[2]?.message).toBe('Enhanced DBS check: Expired on 1 Oct 2026')
    expect(problems[4]?.message).toBe('Ann Example already has 1 shift this month (asked for at most 1)')
  })

  it('lets a supervisor take two supervised families of one day one after the other, never at once', () => {
    const day = enumerateShifts({
      from: SUNDAY,
      to: SUNDAY,
      timeZone: ZONE,
      openings: [baseOpening],
      closures: [],
      sessions: [
        supervised('s1', '10:00', '11:00'),
        supervised('s2', '11:30', '12:30'),
        supervised('s3', '12:00', '13:00'),
      ],
      escortsPerVisit: 1,
    })[0]
    if (!day) throw new Error('no shift')
    const at = (sessionId: string) => {
      const found = day.positions.find((p) => p.sessionId === sessionId)
      if (!found) throw new Error(sessionId)
      return found
    }
    const sam = person({ id: 'v9', fullName: 'Sam Supervisor', duties: ['supervisor'] })
    const first: AssignmentFacts = {
      id: 'a-first',
      shiftKey: day.key,
      date: SUNDAY,
      duty: 'supervisor',
      sessionId: 's1',
      volunteerId: 'v9',
      startsAt: at('s1').startsAt,
      endsAt: at('s1').endsAt,
    }
    const world = worldOf([sam], [first])
    expect(placementProblems(world, day, at('s2'), sam)).toEqual([])
    const second: AssignmentFacts = {
      ...first,
      id: 'a-second',
      sessionId: 's2',
      startsAt: at('s2').startsAt,
      endsAt: at('s2').endsAt,
    }
    expect(placementProblems(worldOf([sam], [first, second]), day, at('s3'), sam).map((p) => p.rule)).toEqual(
      ['ROTA-TWICE'],
    )
    // Supervising and leading the same opening at once is two jobs at the same time.
    const lead = day.positions.find((p) => p.duty === 'team_leader')
    if (!lead) throw new Error('no team leader place')
    expect(
      placementProblems(world, day, lead, { ...sam, duties: ['supervisor', 'team_leader'] }).map(
        (p) => p.rule,
      ),
    ).toEqual(['ROTA-TWICE'])
  })

  it('counts a second supervised family on a shift they already work as no new shift against their limit', () => {
    const day = enumerateShifts({
      from: SUNDAY,
      to: SUNDAY,
      timeZone: ZONE,
      openings: [baseOpening],
      closures: [],
      sessions: [supervised('s1', '10:00', '11:00'), supervised('s2', '11:30', '12:30')],
      escortsPerVisit: 1,
    })[0]
    if (!day) throw new Error('no shift')
    const at = (sessionId: string) => {
      const found = day.positions.find((p) => p.sessionId === sessionId)
      if (!found) throw new Error(sessionId)
      return found
    }
    const sam = person({ id: 'v9', fullName: 'Sam Supervisor', duties: ['supervisor'], maxShiftsPerMonth: 2 })
    const first: AssignmentFacts = {
      id: 'a-first',
      shiftKey: day.key,
      date: SUNDAY,
      duty: 'supervisor',
      sessionId: 's1',
      volunteerId: 'v9',
      startsAt: at('s1').startsAt,
      endsAt: at('s1').endsAt,
    }
    const saturday: AssignmentFacts = {
      ...first,
      id: 'a-saturday',
      shiftKey: 'opening:o9:2026-10-10',
      date: '2026-10-10',
      duty: 'floor',
      sessionId: null,
      startsAt: '2026-10-10T09:00:00.000Z',
      endsAt: '2026-10-10T12:00:00.000Z',
    }
    // Two shifts this month already (the Sunday and a Saturday): the Sunday's second family is allowed...
    expect(placementProblems(worldOf([sam], [first, saturday]), day, at('s2'), sam)).toEqual([])
    // ...but a third shift is not.
    const other = { ...day, key: 'opening:o9:2026-10-18', date: '2026-10-18' }
    expect(
      placementProblems(worldOf([sam], [first, saturday]), other, at('s2'), sam).map((p) => p.rule),
    ).toContain('ROTA-LIMIT')
  })

  it('refuses a second place on the same shift, a full place, and a mentee without their mentor', () => {
    const mentor = person({ id: 'm1', fullName: 'Mo Mentor', duties: ['team_leader'] })
    const mentee = person({ id: 'v2', fullName: 'Nell New', stage: 'mentored', mentorId: 'm1' })
    const other = person({ id: 'v3', fullName: 'Olu Other' })
    const world = worldOf([mentor, mentee, other], [assigned('v3', 'reception')])
    expect(placementProblems(world, shift, place('reception'), mentee).map((p) => p.rule)).toEqual([
      'ROTA-FULL',
      'ROTA-MENTOR',
    ])
    expect(placementProblems(world, shift, place('floor'), other).map((p) => p.rule)).toEqual(['ROTA-TWICE'])
    const withMentor = worldOf([mentor, mentee, other], [assigned('m1', 'team_leader')])
    expect(placementProblems(withMentor, shift, place('floor'), mentee)).toEqual([])
    // Set aside, an assignment does not count against its own holder (a swap or a re-check).
    expect(placementProblems(world, shift, place('reception'), other, 'a-v3-reception')).toEqual([])
  })
})

describe('suggestRota, worked', () => {
  it('puts a mentee beside their mentor and explains the places it cannot fill', () => {
    const shifts = enumerateShifts({
      from: SUNDAY,
      to: SUNDAY,
      timeZone: ZONE,
      openings: [{ ...baseOpening, staffing: { teamLeaders: 1, floor: 1, reception: 0 } }],
      closures: [],
      sessions: [supervised('s1', '11:00', '12:00')],
      escortsPerVisit: 1,
    })
    const free = [{ weekday: 7, from: '09:00', to: '17:00' }]
    const team: VolunteerFacts[] = [
      {
        id: 'a',
        fullName: 'Ann',
        stage: 'active',
        duties: ['team_leader'],
        mentorId: null,
        startedOn: '2024-01-01',
        mentoringUntil: null,
        plannedEndOn: null,
        availability: free,
        exceptions: [],
        maxShiftsPerMonth: 2,
      },
      {
        id: 'b',
        fullName: 'Bob',
        stage: 'active',
        duties: [],
        mentorId: null,
        startedOn: '2024-01-01',
        mentoringUntil: null,
        plannedEndOn: null,
        availability: free,
        exceptions: [],
        maxShiftsPerMonth: 2,
      },
      {
        id: 'c',
        fullName: 'Cat',
        stage: 'mentored',
        duties: [],
        mentorId: 'a',
        startedOn: '2026-06-01',
        mentoringUntil: '2027-06-01',
        plannedEndOn: null,
        availability: free,
        exceptions: [],
        maxShiftsPerMonth: 2,
      },
      {
        id: 'd',
        fullName: 'Dee',
        stage: 'training',
        duties: ['supervisor'],
        mentorId: null,
        startedOn: null,
        mentoringUntil: null,
        plannedEndOn: null,
        availability: free,
        exceptions: [],
        maxShiftsPerMonth: 2,
      },
    ]
    const result = suggestRota(
      { volunteers: new Map(team.map((v) => [v.id, v])), statesOn: () => [], assignments: [] },
      shifts,
    )
    expect(result.placements.map((p) => [p.duty, p.volunteerId])).toEqual([
      ['team_leader', 'a'],
      ['floor', 'c'],
    ])
    expect(result.unfilled).toEqual([
      {
        shiftKey: shifts[0]?.key,
        date: SUNDAY,
        label: 'Church hall',
        duty: 'supervisor',
        sessionId: 's1',
        reason: 'No one could be placed: 3 not able to take this duty, 1 not rosterable yet',
      },
    ])
    expect(result.positions).toBe(3)
  })
})
