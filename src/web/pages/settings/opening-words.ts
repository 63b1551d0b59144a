import type { OpeningView } from '../calendar/types'
import { formatLocalDate } from '../referrals/dates'

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const

/** ISO weekday (1 Monday … 7 Sunday) as a word. */
export const weekdayName = (weekday: number): string => WEEKDAYS[weekday - 1] ?? 'Unknown day'

/** "Every Sunday, 10:00 to 16:00" or "Every other Saturday, …". */
export function openingWhen(
  opening: Pick<OpeningView, 'weekday' | 'everyWeeks' | 'startsAt' | 'endsAt'>,
): string {
  const every = opening.everyWeeks === 2 ? 'Every other' : 'Every'
  return `${every} ${weekdayName(opening.weekday)}, ${opening.startsAt} to ${opening.endsAt}`
}

/** "From 5 Jan 2025" or "From 5 Jan 2025 to 28 Jun 2025". */
export function openingDates(opening: Pick<OpeningView, 'firstOn' | 'lastOn'>): string {
  const from = `From ${formatLocalDate(opening.firstOn)}`
  return opening.lastOn ? `${from} to ${formatLocalDate(opening.lastOn)}` : from
}

export const placesWords = (units: number): string => (units === 1 ? '1 place' : `${units} places`)
