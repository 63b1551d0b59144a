// Local dates (YYYY-MM-DD) for the volunteering pages: said and counted the same in every time zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "3 Oct 2026" for a local date, whatever the browser's time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '—'
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`
}

/** Today in the browser, as a local date. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The first day of the month a date falls in. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`

/** The first day of the month `by` months on (negative for earlier). */
export function shiftMonth(date: string, by: number): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 + by
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
}

/** The last day of the month `months` on from a date: 0 is the end of this month. */
export function endOfMonth(date: string, months = 0): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1 + months
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10)
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "August 2026". */
export const formatMonth = (date: string): string =>
  monthName.format(new Date(`${monthStart(date)}T00:00:00Z`))
