import type { PlanView, SessionView, Side } from '../../api/types'

// Scheduling in words, with every time shown in the centre's own zone (never the browser's):
// a coordinator abroad, or a parent who flies in, sees the times the centre keeps.

type SessionStatus = SessionView['status']
type Canceller = NonNullable<SessionView['cancellation']>['by']
type Outcome = 'attended' | 'late' | 'did_not_attend'

export const SIDE_WORDS: Record<Side, string> = {
  resident: 'Resident parent',
  non_resident: 'Visiting parent',
}

export const STATUS_WORDS: Record<SessionStatus, string> = {
  scheduled: 'Booked',
  cancelled: 'Cancelled',
  skipped: 'Not booked: it clashed',
  completed: 'Happened',
  did_not_attend: 'Someone did not come',
  suspended: 'Suspended after an incident',
}

/** Badge colours dark enough for white text. */
export const STATUS_COLORS: Record<SessionStatus, string> = {
  scheduled: 'blue.8',
  cancelled: 'gray.7',
  skipped: 'gray.7',
  completed: 'kin',
  did_not_attend: 'red.8',
  suspended: '#b03a0a',
}

export const CANCELLER_WORDS: Record<Canceller, string> = {
  centre: 'the centre',
  resident: 'the resident parent',
  non_resident: 'the visiting parent',
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  attended: 'came',
  late: 'came late',
  did_not_attend: 'did not come',
}

export const FREQUENCY_LABELS: Record<PlanView['frequency'], string> = {
  weekly: 'Every week',
  fortnightly: 'Every other week',
  monthly_date: 'Monthly, on the same date',
  monthly_weekday: 'Monthly, on the same weekday',
  on_dates: 'On dates I choose',
  one_off: 'Once only',
}

/** What a conflict's rule is about, in a few words; the API's message says the rest. */
export function ruleWords(rule: string): string {
  if (rule.startsWith('R-INT')) return 'Not ready for a first session'
  const words: Record<string, string> = {
    'SCH-CLOSED': 'Centre closed',
    'SCH-OPENING': 'Outside opening hours',
    'SCH-CAPACITY': 'Session full',
    'SCH-ROOM': 'Room taken',
    'SCH-CASE': 'Family already booked',
    'R-ARR-1': 'Parents at the door together',
  }
  return words[rule] ?? 'Clash'
}

const utcDay = (date: string) => new Date(`${date.slice(0, 10)}T12:00:00Z`)
const dayParts = (style: 'long' | 'short') =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: style,
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  })
const dayLong = dayParts('long')
const dayShort = dayParts('short')
const weekdayName = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' })

/** "Sunday 6 December 2026": British order, no comma after the weekday. */
const words = (format: Intl.DateTimeFormat, date: string) =>
  format
    .formatToParts(utcDay(date))
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join(' ')

/** A local date (`YYYY-MM-DD`) as "Sunday 6 December 2026": the same day wherever the reader is. */
export const formatDay = (date: string): string => words(dayLong, date)
/** A local date as "Sun 6 Dec 2026". */
export const formatDayShort = (date: string): string => words(dayShort, date)
export const weekdayOf = (date: string): string => weekdayName.format(utcDay(date))

const timeFormats = new Map<string, Intl.DateTimeFormat>()
/** An instant as `HH:mm` in the centre's zone. */
export function formatTime(iso: string, timeZone: string): string {
  let format = timeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    })
    timeFormats.set(timeZone, format)
  }
  return format.format(new Date(iso))
}

/** "Europe/Jersey" as "Jersey", for "Times are Jersey time". */
export const placeOfZone = (timeZone: string): string =>
  (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ')

export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const h = hours === 1 ? '1 hour' : `${hours} hours`
  if (hours === 0) return `${rest} minutes`
  return rest === 0 ? h : `${h} ${rest} minutes`
}

const ordinal = (n: number): string => {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'
  return `${n}${suffix}`
}

/** How often a plan meets, in words: "Every other week on Sundays", "Monthly on the 2nd Saturday". */
export function frequencyWords(
  plan: Pick<PlanView, 'frequency' | 'firstOn' | 'weekOfMonth'> & { dates?: readonly string[] },
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(plan.firstOn)) return FREQUENCY_LABELS[plan.frequency]
  const weekday = weekdayOf(plan.firstOn)
  const day = Number(plan.firstOn.slice(8, 10))
  switch (plan.frequency) {
    case 'weekly':
      return `Every week on ${weekday}s`
    case 'fortnightly':
      return `Every other week on ${weekday}s`
    case 'monthly_date':
      return `Monthly on the ${ordinal(day)}`
    case 'monthly_weekday': {
      const week = plan.weekOfMonth ?? Math.ceil(day / 7)
      return week === -1 ? `Monthly on the last ${weekday}` : `Monthly on the ${ordinal(week)} ${weekday}`
    }
    case 'one_off':
      return `Once, on ${formatDay(plan.firstOn)}`
    case 'on_dates': {
      const count = plan.dates?.length ?? 0
      return count === 1 ? 'On 1 chosen date' : `On ${count} chosen dates`
    }
  }
}

/** The arrival protocol in a sentence: "Visiting parent arrives 15 min before and leaves 15 min after." */
export function arrivalWords(
  arrival: Pick<PlanView['arrival'], 'firstArrivingParty' | 'arrivalOffsetMinutes' | 'departureHoldMinutes'>,
): string {
  const who = SIDE_WORDS[arrival.firstArrivingParty]
  const other = SIDE_WORDS[arrival.firstArrivingParty === 'resident' ? 'non_resident' : 'resident']
  const before =
    arrival.arrivalOffsetMinutes === 0 ? 'at the start' : `${arrival.arrivalOffsetMinutes} min before`
  const after =
    arrival.departureHoldMinutes === 0 ? 'at the end' : `${arrival.departureHoldMinutes} min after`
  return `${who} arrives ${before} and leaves ${after}; the ${other.toLowerCase()} brings the child at the start and collects them at the end.`
}

/** An off-site session's travel, escort and visiting order in one line; empty when none is given. */
export function offsiteWords(offsite: NonNullable<PlanView['offsite']>): string {
  return [
    offsite.travelMinutes > 0 ? `${offsite.travelMinutes} min travel each way` : null,
    offsite.escort ? `escort: ${offsite.escort}` : null,
    offsite.visitingOrderReference ? `visiting order ${offsite.visitingOrderReference}` : null,
  ]
    .filter(Boolean)
    .join('; ')
}

/** Dates the API writes inside its sentences (2026-11-22), in words. */
export const readableDates = (text: string): string =>
  text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => formatDay(date))

/** Hours of notice in words: "3 days", "5 hours", "after it started". */
export function noticeWords(hours: number): string {
  if (hours < 0) return 'after it started'
  if (hours >= 48) return `${Math.floor(hours / 24)} days’ notice`
  const whole = Math.round(hours)
  return whole === 1 ? '1 hour’s notice' : `${whole} hours’ notice`
}

/**
 * A wall-clock date and time in a zone as an ISO instant, without a time-zone library: guess the
 * instant as if the zone were UTC, then correct by the zone's offset at that moment (twice, so a
 * daylight-saving change between the guess and the answer is handled).
 */
export function zonedToIso(date: string, time: string, timeZone: string): string | null {
  const guess = Date.parse(`${date}T${time}:00Z`)
  if (Number.isNaN(guess)) return null
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(instant))
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
    return (
      Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant
    )
  }
  let instant = guess - offsetAt(guess)
  instant = guess - offsetAt(instant)
  return new Date(instant).toISOString()
}

/** Today's date in the centre's zone, as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date())
