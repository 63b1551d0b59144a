// Quarters, periods and months for the statistics pages. NACCC quarters follow the April–March
// financial year: 2026-Q1 is April to June 2026 and 2026-Q4 is January to March 2027. The server
// counts the same way (domain/statistics/statistics-scope.ts); web/ imports no domain code, so the
// few sums it needs are here.

import { endOfMonth, shiftMonth } from '../../volunteering-dates'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/

export const isQuarter = (value: string | null | undefined): value is string =>
  typeof value === 'string' && QUARTER_PATTERN.test(value)

/** The quarter a day falls in: 2026-11-26 is in "2026-Q3"; 2027-02-01 is in "2026-Q4". */
export function quarterOf(date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const fiscalYear = month >= 4 ? year : year - 1
  return `${fiscalYear}-Q${Math.floor(((month - 4 + 12) % 12) / 3) + 1}`
}

function parts(quarter: string): { year: number; q: number } {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) throw new Error(`Not a quarter: ${quarter}`)
  return { year: Number(match[1]), q: Number(match[2]) }
}

/** The first and last day of a quarter. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const { year, q } = parts(quarter)
  const from = shiftMonth(`${year}-04-01`, (q - 1) * 3)
  return { from, to: endOfMonth(from, 2) }
}

/** The quarter `by` quarters on (negative for earlier). */
export function shiftQuarter(quarter: string, by: number): string {
  return quarterOf(shiftMonth(quarterRange(quarter).from, by * 3))
}

/** The last quarter that has ended by `today`. */
export const lastCompleteQuarter = (today: string): string => shiftQuarter(quarterOf(today), -1)

/** "Q3 2026/27" for 2026-Q3. */
export function quarterName(quarter: string): string {
  const { year, q } = parts(quarter)
  return `Q${q} ${year}/${String((year + 1) % 100).padStart(2, '0')}`
}

/** "October, November and December 2026": the quarter's months in words. */
export function quarterMonths(quarter: string): string {
  const { from, to } = quarterRange(quarter)
  const names = [0, 1, 2].map((i) => MONTHS[Number(shiftMonth(from, i).slice(5, 7)) - 1] ?? '')
  return `${names[0] ?? ''}, ${names[1] ?? ''} and ${names[2] ?? ''} ${to.slice(0, 4)}`
}

export interface QuarterOption {
  value: string
  label: string
}

/**
 * The quarters to choose from, newest first: the one under way (marked "so far") and the `count`
 * before it.
 */
export function quarterOptions(today: string, count = 8): QuarterOption[] {
  const current = quarterOf(today)
  const options: QuarterOption[] = []
  for (let i = 0; i <= count; i += 1) {
    const quarter = shiftQuarter(current, -i)
    const { from, to } = quarterRange(quarter)
    const span = `${monthName(from)} to ${monthName(to)} ${to.slice(0, 4)}`
    options.push({ value: quarter, label: `${quarterName(quarter)}: ${span}${i === 0 ? ' (so far)' : ''}` })
  }
  return options
}

/** The first day of the financial year (1 April) a day falls in. */
export const financialYearStart = (date: string): string =>
  quarterRange(`${quarterOf(date).slice(0, 4)}-Q1`).from

export type PresetKey = 'this-quarter' | 'last-quarter' | 'this-year' | 'last-12-months'

export interface PeriodPreset {
  key: PresetKey
  label: string
  from: string
  to: string
}

/**
 * The periods people ask for most, counted to today where the period is still under way, so a
 * chart has no empty months still to come.
 */
export function periodPresets(today: string): PeriodPreset[] {
  const thisQuarter = quarterOf(today)
  const last = quarterRange(shiftQuarter(thisQuarter, -1))
  return [
    { key: 'this-quarter', label: 'This quarter', from: quarterRange(thisQuarter).from, to: today },
    { key: 'last-quarter', label: 'Last quarter', from: last.from, to: last.to },
    { key: 'this-year', label: 'This financial year', from: financialYearStart(today), to: today },
    { key: 'last-12-months', label: 'Last 12 months', from: shiftMonth(today, -11), to: today },
  ]
}

/** "January" for a date or a "YYYY-MM" month. */
export const monthName = (date: string): string => MONTHS[Number(date.slice(5, 7)) - 1] ?? ''

/** "Jan" under a column. */
export const monthShort = (month: string): string => monthName(month).slice(0, 3)

/** "January 2027" for "2027-01". */
export const monthLong = (month: string): string => `${monthName(month)} ${month.slice(0, 4)}`

/** "1 January 2027", as the reports write a day. */
export const longDay = (date: string): string =>
  `${Number(date.slice(8, 10))} ${monthName(date)} ${date.slice(0, 4)}`
