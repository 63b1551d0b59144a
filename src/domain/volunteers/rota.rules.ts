import { openingRunsOn, localParts, weekdayOf, plusDays, zonedInstant } from '../scheduling/schedule.rules'
import {
  blockingFor,
  dutyProblem,
  DUTY_LABELS,
  isAvailable,
  isMentee,
  overlaps,
  stageProblem,
  type VolunteerFacts,
} from './volunteer.rules'
import type { Duty, RequirementState, RotaProblem, RotaRule, Staffing } from './volunteers.schemas'

// The rota as pure functions: which shifts a period holds and which places each needs, why a
// volunteer can or cannot take a place, and a suggested rota that keeps every rule.

export interface PositionFacts {
  duty: Duty
  /** The supervised or escorted session the place covers; null for the shift as a whole. */
  sessionId: string | null
  sessionLabel: string | null
  needed: number
  startsAt: string
  endsAt: string
  localStart: string
  localEnd: string
}

export interface ShiftFacts {
  key: string
  date: string
  weekday: number
  label: string
  venueId: string | null
  venueName: string | null
  openingId: string | null
  sessionId: string | null
  startsAt: string
  endsAt: string
  localStart: string
  localEnd: string
  /** What the opening needs; null for an escorted visit. */
  staffing: Staffing | null
  /** True when the opening sets its own numbers rather than the organisation's defaults. */
  ownStaffing: boolean
  positions: PositionFacts[]
}

export interface AssignmentFacts {
  id: string
  shiftKey: string
  date: string
  duty: Duty
  sessionId: string | null
  volunteerId: string
  startsAt: string
  endsAt: string
}

export interface OpeningShiftFacts {
  id: string
  venueId: string
  venueName: string
  weekday: number
  startsAt: string
  endsAt: string
  everyWeeks: number
  firstOn: string
  lastOn: string | null
  staffing: Staffing
  ownStaffing?: boolean
}

export interface SessionShiftFacts {
  id: string
  venueId: string | null
  localDate: string
  serviceType: string
  /** The session's whole window, from the first arrival to the last departure. */
  startsAt: string
  endsAt: string
  label: string
}

export const openingShiftKey = (openingId: string, date: string) => `opening:${openingId}:${date}`
export const sessionShiftKey = (sessionId: string) => `session:${sessionId}`

/** Order in which places are filled: the scarce, session-bound ones first. */
const DUTY_ORDER: Record<Duty, number> = { supervisor: 0, escort: 1, team_leader: 2, reception: 3, floor: 4 }

/**
 * The shifts of a period: one per opening occurrence (less closures), with its team leaders, floor
 * and reception, plus one supervisor for each supervised session that day (R-STF-1, one-to-one);
 * and one shift per escorted visit with its escorts.
 */
export function enumerateShifts(input: {
  from: string
  to: string
  timeZone: string
  openings: readonly OpeningShiftFacts[]
  closures: readonly { venueId: string | null; firstDay: string; lastDay: string }[]
  sessions: readonly SessionShiftFacts[]
  escortsPerVisit: number
}): ShiftFacts[] {
  const { timeZone } = input
  const local = (instant: string) => localParts(instant, timeZone).time
  const closed = (venueId: string | null, date: string) =>
    input.closures.some(
      (c) => (c.venueId === null || c.venueId === venueId) && c.firstDay <= date && date <= c.lastDay,
    )
  const shifts: ShiftFacts[] = []
  for (let date = input.from; date <= input.to; date = plusDays(date, 1)) {
    const running = input.openings
      .filter((o) => openingRunsOn({ ...o, capacityUnits: 0 }, date) && !closed(o.venueId, date))
      .map((opening) => ({
        opening,
        startsAt: zonedInstant(date, opening.startsAt, timeZone),
        endsAt: zonedInstant(date, opening.endsAt, timeZone),
      }))
    const supervisedFrom = openingOfEachSupervised(input.sessions, running, date)
    for (const { opening, startsAt, endsAt } of running) {
      const whole = {
        sessionId: null,
        sessionLabel: null,
        startsAt,
        endsAt,
        localStart: opening.startsAt,
        localEnd: opening.endsAt,
      }
      const positions: PositionFacts[] = []
      if (opening.staffing.teamLeaders > 0)
        positions.push({ duty: 'team_leader', needed: opening.staffing.teamLeaders, ...whole })
      if (opening.staffing.reception > 0)
        positions.push({ duty: 'reception', needed: opening.staffing.reception, ...whole })
      if (opening.staffing.floor > 0)
        positions.push({ duty: 'floor', needed: opening.staffing.floor, ...whole })
      for (const session of input.sessions) {
        if (supervisedFrom.get(session.id) !== opening.id) continue
        positions.push({
          duty: 'supervisor',
          needed: 1,
          sessionId: session.id,
          sessionLabel: session.label,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          localStart: local(session.startsAt),
          localEnd: local(session.endsAt),
        })
      }
      positions.sort(
        (a, b) => DUTY_ORDER[a.duty] - DUTY_ORDER[b.duty] || a.startsAt.localeCompare(b.startsAt),
      )
      shifts.push({
        key: openingShiftKey(opening.id, date),
        date,
        weekday: weekdayOf(date),
        label: opening.venueName,
        venueId: opening.venueId,
        venueName: opening.venueName,
        openingId: opening.id,
        sessionId: null,
        startsAt,
        endsAt,
        localStart: opening.startsAt,
        localEnd: opening.endsAt,
        staffing: opening.staffing,
        ownStaffing: opening.ownStaffing ?? false,
        positions,
      })
    }
    for (const session of input.sessions) {
      if (session.serviceType !== 'escorted' || session.localDate !== date) continue
      const times = {
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        localStart: local(session.startsAt),
        localEnd: local(session.endsAt),
      }
      shifts.push({
        key: sessionShiftKey(session.id),
        date,
        weekday: weekdayOf(date),
        label: `Escorted visit · ${session.label}`,
        venueId: session.venueId,
        venueName: null,
        openingId: null,
        sessionId: session.id,
        ...times,
        staffing: null,
        ownStaffing: false,
        positions: [
          {
            duty: 'escort',
            needed: input.escortsPerVisit,
            sessionId: session.id,
            sessionLabel: session.label,
            ...times,
          },
        ],
      })
    }
  }
  return shifts.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key))
}

/**
 * The one opening whose shift supervises each supervised session of a day, so that a session
 * overlapping two openings of its venue gets one supervisor, not two: the opening that holds it
 * whole, else the earliest it overlaps.
 */
function openingOfEachSupervised(
  sessions: readonly SessionShiftFacts[],
  running: readonly { opening: OpeningShiftFacts; startsAt: string; endsAt: string }[],
  date: string,
): Map<string, string> {
  const byStart = [...running].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.opening.id.localeCompare(b.opening.id),
  )
  const chosen = new Map<string, string>()
  for (const session of sessions) {
    if (session.serviceType !== 'supervised' || session.localDate !== date) continue
    const overlapping = byStart.filter((r) => r.opening.venueId === session.venueId && overlaps(session, r))
    const holder =
      overlapping.find((r) => r.startsAt <= session.startsAt && session.endsAt <= r.endsAt) ?? overlapping[0]
    if (holder) chosen.set(session.id, holder.opening.id)
  }
  return chosen
}

export const positionOf = (
  shift: ShiftFacts,
  duty: Duty,
  sessionId: string | null,
): PositionFacts | undefined => shift.positions.find((p) => p.duty === duty && p.sessionId === sessionId)

const inPosition = (a: AssignmentFacts, shift: ShiftFacts, position: PositionFacts) =>
  a.shiftKey === shift.key && a.duty === position.duty && a.sessionId === position.sessionId

/** Everything the rules need to know about the rota as it stands. */
export interface RotaWorld {
  volunteers: ReadonlyMap<string, VolunteerFacts>
  /** Each volunteer's requirement states as of a day (callers memoise). */
  statesOn: (volunteerId: string, date: string) => readonly RequirementState[]
  /** Live assignments in and around the period. */
  assignments: readonly AssignmentFacts[]
}

const problem = (rule: RotaRule, message: string, hard: boolean): RotaProblem => ({ rule, message, hard })

/**
 * Every rule a placement breaks, hard ones first. Hard: the stage, the duty itself, a requirement that
 * blocks the duty, being somewhere else at that time, the place already full. Soft (a coordinator may
 * override; the suggestion never does): availability, a mentee without their mentor, the monthly limit.
 */
export function placementProblems(
  world: RotaWorld,
  shift: ShiftFacts,
  position: PositionFacts,
  volunteer: VolunteerFacts,
  ignoreAssignmentId: string | null = null,
): RotaProblem[] {
  const problems: RotaProblem[] = []
  const assignments = world.assignments.filter((a) => a.id !== ignoreAssignmentId)
  const stage = stageProblem(volunteer, shift.date)
  if (stage) problems.push(problem('ROTA-STAGE', stage, true))
  // The duty before the requirements: someone not down as a supervisor is that, before they are
  // someone without the supervisor qualification (and an unfilled place is explained by the first).
  const duty = dutyProblem(volunteer, position.duty)
  if (duty) problems.push(problem('ROTA-DUTY', duty, true))
  for (const blocking of blockingFor(world.statesOn(volunteer.id, shift.date), position.duty))
    problems.push(problem('ROTA-REQUIREMENT', `${blocking.title}: ${blocking.detail}`, true))
  const mine = assignments.filter((a) => a.volunteerId === volunteer.id)
  // Whole-shift places span the opening, so they overlap everything on it; a supervisor may take two
  // supervised sessions of one day that do not overlap (one family at a time, R-STF-1).
  if (mine.some((a) => overlaps(a, position)))
    problems.push(problem('ROTA-TWICE', `${volunteer.fullName} is already on a shift at that time`, true))
  const filled = assignments.filter((a) => inPosition(a, shift, position)).length
  if (filled >= position.needed)
    problems.push(
      problem(
        'ROTA-FULL',
        `${position.needed === 1 ? 'The' : `All ${position.needed}`} ${DUTY_LABELS[position.duty].toLowerCase()} place${position.needed === 1 ? ' is' : 's are'} already filled`,
        true,
      ),
    )
  if (!isAvailable(volunteer, shift.date, shift.weekday, position.localStart, position.localEnd))
    problems.push(
      problem('ROTA-AVAILABILITY', `${volunteer.fullName} has not said they are free then`, false),
    )
  if (
    isMentee(volunteer) &&
    !assignments.some((a) => a.shiftKey === shift.key && a.volunteerId === volunteer.mentorId)
  )
    problems.push(problem('ROTA-MENTOR', `${volunteer.fullName}’s mentor is not on this shift`, false))
  const month = shift.date.slice(0, 7)
  const shiftsThisMonth = new Set(mine.filter((a) => a.date.slice(0, 7) === month).map((a) => a.shiftKey))
  const thisMonth = shiftsThisMonth.size
  // A second place on a shift they already work (two supervised sessions of one day) is no new shift.
  if (!shiftsThisMonth.has(shift.key) && thisMonth >= volunteer.maxShiftsPerMonth)
    problems.push(
      problem(
        'ROTA-LIMIT',
        `${volunteer.fullName} already has ${thisMonth} shift${thisMonth === 1 ? '' : 's'} this month (asked for at most ${volunteer.maxShiftsPerMonth})`,
        false,
      ),
    )
  return problems
}

export interface Placement {
  shiftKey: string
  date: string
  duty: Duty
  sessionId: string | null
  volunteerId: string
  startsAt: string
  endsAt: string
}

export interface Unfilled {
  shiftKey: string
  date: string
  label: string
  duty: Duty
  sessionId: string | null
  reason: string
}

const REASON_WORDS: Record<RotaRule, string> = {
  'ROTA-STAGE': 'not rosterable yet',
  'ROTA-REQUIREMENT': 'blocked by',
  'ROTA-DUTY': 'not able to take this duty',
  'ROTA-TWICE': 'already on at that time',
  'ROTA-FULL': 'place full',
  'ROTA-AVAILABILITY': 'not free then',
  'ROTA-MENTOR': 'need their mentor on the shift',
  'ROTA-LIMIT': 'at their monthly limit',
}

/** Why no one could take a place: each volunteer counted once, under the first rule that stops them. */
function explain(world: RotaWorld, shift: ShiftFacts, position: PositionFacts): string {
  const counts = new Map<string, number>()
  for (const volunteer of world.volunteers.values()) {
    const first = placementProblems(world, shift, position, volunteer)[0]
    if (!first) continue
    // The requirement's own title, whatever punctuation it holds (“NACCC 1: The volunteer’s role…”).
    const requirement =
      first.rule === 'ROTA-REQUIREMENT'
        ? blockingFor(world.statesOn(volunteer.id, shift.date), position.duty)[0]?.title
        : undefined
    const key = requirement ? `blocked by “${requirement}”` : REASON_WORDS[first.rule]
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if (counts.size === 0) return 'No volunteers are on the team yet'
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([why, n]) => `${n} ${why}`)
  return `No one could be placed: ${parts.join(', ')}`
}

/**
 * A suggested rota for the shifts given, on top of what is already assigned. Every hard and soft rule
 * holds for each placement. Fairness: each place goes to the eligible volunteer with the fewest
 * shifts so far in the period; a mentee whose mentor is on the shift comes first for floor and
 * reception, so the first year is spent side by side. Deterministic for the same input.
 */
export function suggestRota(
  world: RotaWorld,
  shifts: readonly ShiftFacts[],
): { placements: Placement[]; unfilled: Unfilled[]; positions: number } {
  const assignments: AssignmentFacts[] = [...world.assignments]
  const live: RotaWorld = { ...world, assignments }
  const load = new Map<string, number>()
  const periodKeys = new Set(shifts.map((s) => s.key))
  for (const a of assignments)
    if (periodKeys.has(a.shiftKey)) load.set(a.volunteerId, (load.get(a.volunteerId) ?? 0) + 1)
  const volunteers = [...world.volunteers.values()].sort((a, b) => a.id.localeCompare(b.id))
  const placements: Placement[] = []
  const unfilled: Unfilled[] = []
  let positions = 0
  let sequence = 0
  for (const shift of shifts) {
    for (const position of shift.positions) {
      const open = position.needed - assignments.filter((a) => inPosition(a, shift, position)).length
      for (let i = 0; i < open; i++) {
        positions++
        const eligible = volunteers.filter((v) => placementProblems(live, shift, position, v).length === 0)
        const pick = eligible.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))[0]
        if (!pick) {
          unfilled.push({
            shiftKey: shift.key,
            date: shift.date,
            label: shift.label,
            duty: position.duty,
            sessionId: position.sessionId,
            reason: explain(live, shift, position),
          })
          continue
        }
        const placement: Placement = {
          shiftKey: shift.key,
          date: shift.date,
          duty: position.duty,
          sessionId: position.sessionId,
          volunteerId: pick.id,
          startsAt: position.startsAt,
          endsAt: position.endsAt,
        }
        placements.push(placement)
        assignments.push({ id: `suggested-${sequence++}`, ...placement })
        load.set(pick.id, (load.get(pick.id) ?? 0) + 1)
      }
    }
  }
  return { placements, unfilled, positions }

  function rank(v: VolunteerFacts): number {
    // A mentee passing the mentor rule has their mentor on this shift: place them first.
    return isMentee(v) ? -1 : (load.get(v.id) ?? 0)
  }
}
