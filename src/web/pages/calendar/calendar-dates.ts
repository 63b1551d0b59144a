// Calendar dates (`YYYY-MM-DD`) and times of day in the centre's own time zone. Dates are worked out
// in UTC so the browser's zone never shifts a day; instants are shown with the centre's zone.

const DAY_MS = 86_400_000

export const isLocalDate = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))

const toUtc = (date: string): Date => new Date(`${date}T00:00:00Z`)
const fromUtc = (value: Date): string => value.toISOString().slice(0, 10)

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS))
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay()
  return day === 0 ? 7 : day
}

/** The Monday of the week the date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

/** Today's date where the centre is, whatever zone the browser is in. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

const utc = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })
const weekdayLong = utc({ weekday: 'long' })
const weekdayShort = utc({ weekday: 'short' })
const dayMonthYear = utc({ day: 'numeric', month: 'long', year: 'numeric' })
const dayMonth = utc({ day: 'numeric', month: 'long' })
const dayMonthShort = utc({ day: 'numeric', month: 'short' })

// Weekday and date are joined by hand: browsers differ on the comma between them.

/** "Sunday 12 January 2025". */
export const formatLongDay = (date: string): string =>
  `${weekdayLong.format(toUtc(date))} ${dayMonthYear.format(toUtc(date))}`
/** "Sunday 12 January". */
export const formatShortDay = (date: string): string =>
  `${weekdayLong.format(toUtc(date))} ${dayMonth.format(toUtc(date))}`
/** "Sun 12 Jan", for the week at a glance. */
export const formatTinyDay = (date: string): string =>
  `${weekdayShort.format(toUtc(date))} ${dayMonthShort.format(toUtc(date))}`

/** "6 to 12 January 2025" for a week, in words. */
export function formatWeek(monday: string): string {
  const sunday = addDays(monday, 6)
  const year = sunday.slice(0, 4)
  return `${dayMonth.format(toUtc(monday))} to ${dayMonth.format(toUtc(sunday))} ${year}`
}

const timeFormats = new Map<string, Intl.DateTimeFormat>()

/** An instant (ISO, UTC) as a 24-hour time in the centre's zone: "09:45". */
export function timeIn(iso: string, timeZone: string): string {
  let format = timeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    timeFormats.set(timeZone, format)
  }
  return format.format(new Date(iso))
}

/** "09:45–12:15" for two instants, in the centre's zone. */
export const windowIn = (from: string, to: string, timeZone: string): string =>
  `${timeIn(from, timeZone)}–${timeIn(to, timeZone)}`

/** Minutes since midnight for a `HH:mm` time. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  return hours * 60 + minutes
}
