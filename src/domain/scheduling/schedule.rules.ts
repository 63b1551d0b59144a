import { Temporal } from 'temporal-polyfill'
import type { Side } from '../referrals/parties.schemas'
import type { ArrivalRules, Conflict, Frequency, SchedulingSettings } from './scheduling.schemas'

// Pure scheduling rules: wall-clock times in the centre's zone, recurring series, each party's
// arrival and departure, and the clashes a booking must never have. No database here.

const MINUTE = 60_000

/**
 * The instant a local date and time happen in a zone. A time that does not exist (the spring gap)
 * moves forward; a time that happens twice (the autumn overlap) takes the earlier one.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  })
  return new Date(zoned.epochMilliseconds).toISOString()
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The local date and `HH:mm` of an instant in a zone (one cached formatter per zone: this is hot). */
export function localParts(instant: string, timeZone: string): { date: string; time: string } {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, format)
  }
  const parts = format.formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  }
}

export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * MINUTE).toISOString()

const DAY_MS = 86_400_000
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export const weekdayOf = (date: string): number => ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1

export const plusDays = (date: string, days: number): string =>
  new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10)

const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}
export const timeFromMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
export const addToTime = (time: string, minutes: number): string => timeFromMinutes(minutesOf(time) + minutes)

export interface Recurrence {
  frequency: Frequency
  firstOn: string
  lastOn: string | null
  /** monthly_weekday only: 1-4, or -1 for the last such weekday. */
  weekOfMonth: number | null
  /** on_dates only: the chosen dates (a travelling parent's visits). */
  dates?: readonly string[]
}

/** The nth (or last, n = -1) given weekday of the month a date falls in. */
function nthWeekdayOfMonth(
  monthOf: Temporal.PlainDate,
  weekday: number,
  n: number,
): Temporal.PlainDate | null {
  if (n === -1) {
    const last = monthOf.with({ day: monthOf.daysInMonth })
    return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 })
  }
  const first = monthOf.with({ day: 1 })
  const day = first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + (n - 1) * 7 })
  return day.month === monthOf.month ? day : null
}

/**
 * Every date a series falls on, from its first date up to `until` (inclusive). Dates are local: the
 * wall-clock time is applied afterwards in the centre's zone, so daylight saving never shifts a session.
 * A monthly date that a short month lacks (the 31st) falls on that month's last day.
 */
export function occurrenceDates(rule: Recurrence, until: string): string[] {
  const first = Temporal.PlainDate.from(rule.firstOn)
  const end = rule.lastOn && rule.lastOn < until ? rule.lastOn : until
  const last = Temporal.PlainDate.from(end)
  const dates: string[] = []
  if (Temporal.PlainDate.compare(first, last) > 0) return dates
  if (rule.frequency === 'one_off') return [first.toString()]
  if (rule.frequency === 'on_dates')
    return [...new Set(rule.dates ?? [])].filter((date) => date >= rule.firstOn && date <= end).sort()
  if (rule.frequency === 'weekly' || rule.frequency === 'fortnightly') {
    const step = rule.frequency === 'weekly' ? 7 : 14
    for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: step }))
      dates.push(day.toString())
    return dates
  }
  for (let months = 0; months < 1200; months++) {
    const monthOf = first.with({ day: 1 }).add({ months })
    if (Temporal.PlainDate.compare(monthOf, last) > 0) break
    const day =
      rule.frequency === 'monthly_date'
        ? monthOf.with({ day: Math.min(first.day, monthOf.daysInMonth) })
        : nthWeekdayOfMonth(monthOf, first.dayOfWeek, rule.weekOfMonth ?? Math.ceil(first.day / 7))
    if (!day) continue
    if (Temporal.PlainDate.compare(day, first) < 0 || Temporal.PlainDate.compare(day, last) > 0) continue
    dates.push(day.toString())
  }
  return dates
}

export interface PartyWindow {
  arrivesAt: string
  leavesAt: string
}
export interface SessionTimes {
  startsAt: string
  endsAt: string
  resident: PartyWindow
  nonResident: PartyWindow
  occupiedFrom: string
  occupiedUntil: string
}

/**
 * Each party's arrival and departure (R-ARR-1, R-ARR-2): the first party comes `offset` minutes
 * before the session and is held `hold` minutes after it; the other party brings the child at the
 * start and collects them at the end. Off-site sessions add travel time either side.
 */
export function sessionTimes(
  date: string,
  startsAtTime: string,
  durationMinutes: number,
  timeZone: string,
  arrival: Pick<ArrivalRules, 'firstArrivingParty' | 'arrivalOffsetMinutes' | 'departureHoldMinutes'>,
  travelMinutes = 0,
): SessionTimes {
  const startsAt = zonedInstant(date, startsAtTime, timeZone)
  const endsAt = addMinutes(startsAt, durationMinutes)
  const first: PartyWindow = {
    arrivesAt: addMinutes(startsAt, -arrival.arrivalOffsetMinutes - travelMinutes),
    leavesAt: addMinutes(endsAt, arrival.departureHoldMinutes + travelMinutes),
  }
  const second: PartyWindow = { arrivesAt: startsAt, leavesAt: endsAt }
  const resident = arrival.firstArrivingParty === 'resident' ? first : second
  const nonResident = arrival.firstArrivingParty === 'resident' ? second : first
  return {
    startsAt,
    endsAt,
    resident,
    nonResident,
    occupiedFrom: first.arrivesAt,
    occupiedUntil: first.leavesAt,
  }
}

const overlaps = (aFrom: string, aTo: string, bFrom: string, bTo: string): boolean =>
  aFrom < bTo && bFrom < aTo

/**
 * R-ARR-1/2/3: the two parties are never at the door at the same time. Each party's arrival and
 * departure take `doorMinutes`; those windows must not overlap, unless each party has an entrance of
 * their own and the centre allows that instead of staggering.
 */
export function doorClash(
  times: Pick<SessionTimes, 'resident' | 'nonResident'>,
  entrances: { resident: string | null; nonResident: string | null },
  settings: Pick<SchedulingSettings, 'doorMinutes' | 'allowSeparateEntrancesInsteadOfStagger'>,
): string | null {
  const separate =
    settings.allowSeparateEntrancesInsteadOfStagger &&
    entrances.resident !== null &&
    entrances.nonResident !== null &&
    entrances.resident !== entrances.nonResident
  if (separate) return null
  const door = settings.doorMinutes
  const moves = (w: PartyWindow) => [
    { what: 'arrival', from: w.arrivesAt, to: addMinutes(w.arrivesAt, door) },
    { what: 'departure', from: w.leavesAt, to: addMinutes(w.leavesAt, door) },
  ]
  for (const r of moves(times.resident))
    for (const n of moves(times.nonResident))
      if (overlaps(r.from, r.to, n.from, n.to))
        return `The resident parent’s ${r.what} and the visiting parent’s ${n.what} would be at the door within ${door} minutes of each other. Stagger them further apart, or give each party their own entrance.`
  return null
}

/** What a booking is checked against: the rest of the centre's day, as plain facts. */
export interface BookingFacts {
  date: string
  times: SessionTimes
  caseId: string
  roomId: string | null
  roomName: string | null
  roomCapacity: number
  venueId: string | null
  offsite: boolean
  capacityWeight: number
  entrances: { resident: string | null; nonResident: string | null }
}
export interface ExistingSession {
  id: string
  caseId: string
  roomId: string | null
  venueId: string | null
  startsAt: string
  endsAt: string
  occupiedFrom: string
  occupiedUntil: string
  capacityWeight: number
  reference: string
}
export interface OpeningFacts {
  id: string
  venueId: string
  weekday: number
  startsAt: string
  endsAt: string
  everyWeeks: number
  firstOn: string
  lastOn: string | null
  capacityUnits: number
}
export interface ClosureFacts {
  id: string
  venueId: string | null
  firstDay: string
  lastDay: string
  reason: string
}

/** Whether an opening session runs on a date (every other week counts from its first date). */
export function openingRunsOn(opening: OpeningFacts, date: string): boolean {
  if (date < opening.firstOn || (opening.lastOn !== null && date > opening.lastOn)) return false
  if (weekdayOf(date) !== opening.weekday) return false
  const weeks = Math.round((dayNumber(date) - dayNumber(opening.firstOn)) / 7)
  return weeks % opening.everyWeeks === 0
}

/**
 * Every rule a booking breaks, each with what it clashes with; empty when it can be booked.
 * `others` are the centre's non-cancelled sessions near that day, excluding the one being moved.
 */
export function bookingConflicts(
  facts: BookingFacts,
  others: readonly ExistingSession[],
  openings: readonly OpeningFacts[],
  closures: readonly ClosureFacts[],
  timeZone: string,
  settings: Pick<SchedulingSettings, 'doorMinutes' | 'allowSeparateEntrancesInsteadOfStagger'>,
): Conflict[] {
  const conflicts: Conflict[] = []
  const date = facts.date
  const add = (rule: string, message: string, clashesWith: string[] = []) =>
    conflicts.push({ rule, message, date, clashesWith })
  const { times } = facts

  const closed = closures.find(
    (c) => c.firstDay <= date && date <= c.lastDay && (c.venueId === null || c.venueId === facts.venueId),
  )
  if (closed) add('SCH-CLOSED', `The centre is closed that day: ${closed.reason}.`, [closed.id])

  if (!facts.offsite && facts.venueId) {
    const local = {
      from: localParts(times.occupiedFrom, timeZone),
      to: localParts(times.occupiedUntil, timeZone),
    }
    const running = openings.filter((o) => o.venueId === facts.venueId && openingRunsOn(o, date))
    const opening = running.find(
      (o) =>
        local.from.date === date &&
        o.startsAt <= local.from.time &&
        local.to.date === date &&
        local.to.time <= o.endsAt,
    )
    if (!opening) {
      const hours = running.map((o) => `${o.startsAt}–${o.endsAt}`).join(', ')
      add(
        'SCH-OPENING',
        hours
          ? `From the first arrival (${local.from.time}) to the last departure (${local.to.time}) must fall inside the opening hours that day: ${hours}.`
          : 'The venue is not open that day.',
        running.map((o) => o.id),
      )
    } else {
      const openFrom = zonedInstant(date, opening.startsAt, timeZone)
      const openTo = zonedInstant(date, opening.endsAt, timeZone)
      const sharing = others.filter(
        (s) => s.venueId === facts.venueId && overlaps(s.occupiedFrom, s.occupiedUntil, openFrom, openTo),
      )
      const used = sharing.reduce((sum, s) => sum + s.capacityWeight, 0)
      if (used + facts.capacityWeight > opening.capacityUnits)
        add(
          'SCH-CAPACITY',
          `This opening session (${opening.startsAt}–${opening.endsAt}) can take ${opening.capacityUnits} units of families’ input; ${used} are booked and this family needs ${facts.capacityWeight}.`,
          sharing.map((s) => s.id),
        )
    }
  }

  if (facts.roomId) {
    const inRoom = others.filter(
      (s) => s.roomId === facts.roomId && overlaps(s.startsAt, s.endsAt, times.startsAt, times.endsAt),
    )
    if (inRoom.length >= facts.roomCapacity)
      add(
        'SCH-ROOM',
        `${facts.roomName ?? 'The room'} holds ${facts.roomCapacity === 1 ? 'one family' : `${facts.roomCapacity} families`} at a time and is taken then by ${inRoom.map((s) => s.reference).join(', ')}.`,
        inRoom.map((s) => s.id),
      )
  }

  const sameCase = others.filter(
    (s) =>
      s.caseId === facts.caseId &&
      overlaps(s.occupiedFrom, s.occupiedUntil, times.occupiedFrom, times.occupiedUntil),
  )
  if (sameCase.length > 0)
    add(
      'SCH-CASE',
      'This family already has a session then, counting arrivals and departures.',
      sameCase.map((s) => s.id),
    )

  const door = doorClash(times, facts.entrances, settings)
  if (door) add('R-ARR-1', door)
  return conflicts
}

/** Which side a party is on when cancelling or recording an outcome, in plain words. */
export const sideWords = (side: Side): string => (side === 'resident' ? 'resident parent' : 'visiting parent')

/** Hours of notice between being told and the session's start (negative when told afterwards). */
export const noticeHours = (toldAt: string, startsAt: string): number =>
  Math.round(((Date.parse(startsAt) - Date.parse(toldAt)) / 3_600_000) * 10) / 10
