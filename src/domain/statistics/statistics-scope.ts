import type { Db } from '../../db/connect'
import { listCentres } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { addDays, addMonths, daysBetween } from '../cases/cases.rules'
import { AppError, notFound } from '../errors'
import { deskCentreIds } from '../referrals/referrals.policy'
import { zonedInstant } from '../scheduling/schedule.rules'
import { QUARTER_PATTERN, type Period } from './statistics.schemas'

/** What one report counts: an organisation, some of its centres and a run of days. */
export interface StatisticsScope {
  organisationId: string
  organisationName: string
  centres: { id: string; name: string; timeZone: string }[]
  /** Never empty: a report on no centre at all is refused before any query runs. */
  centreIds: string[]
  /** The calendar the period's days are counted in (the centres' own; see decision 0015). */
  timeZone: string
}

/** The instants a period covers: from the first day's midnight to the midnight after the last. */
export interface PeriodBounds {
  from: string
  to: string
  /** Inclusive start instant (UTC ISO). */
  fromInstant: string
  /** Exclusive end instant (UTC ISO): midnight at the start of the day after `to`. */
  toInstant: string
}

/** The longest period a report covers: ten years and a day, so a decade's return is one request. */
export const MAX_PERIOD_DAYS = 3_660

/**
 * The centres a desk member may report on: all of the organisation's for organisation-wide staff,
 * else their own; one of those when `centreId` is given.
 * @throws AppError NOT_FOUND for a centre of another organisation, or one the caller may not see.
 */
export async function statisticsScope(db: Db, actor: Actor, centreId?: string): Promise<StatisticsScope> {
  const scope = scopeOf(actor)
  const [organisation, all] = await Promise.all([
    db.selectFrom('organisations').select('name').where('id', '=', scope.organisationId).executeTakeFirst(),
    listCentres(db, scope),
  ])
  const allowed = deskCentreIds(actor)
  const visible = all.filter((c) => allowed === null || allowed.includes(c.id))
  const chosen = centreId === undefined ? visible : visible.filter((c) => c.id === centreId)
  if (chosen.length === 0) throw notFound('Centre')
  return {
    organisationId: scope.organisationId,
    organisationName: organisation?.name ?? '',
    centres: chosen.map((c) => ({ id: c.id, name: c.name, timeZone: c.time_zone })),
    centreIds: chosen.map((c) => c.id),
    timeZone: chosen[0]?.time_zone ?? 'Europe/London',
  }
}

/**
 * A run of days, checked: the first day on or before the last, and no longer than ten years.
 * @throws AppError INVALID_INPUT otherwise.
 */
export function periodBounds(from: string, to: string, timeZone: string): PeriodBounds {
  if (to < from)
    throw new AppError('INVALID_INPUT', 'The period must end on or after the day it starts.', {
      issues: [{ path: ['to'], message: `Choose ${from} or later` }],
    })
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw new AppError('INVALID_INPUT', 'A report covers at most ten years.', {
      issues: [{ path: ['from'], message: `Choose ${addDays(to, -MAX_PERIOD_DAYS)} or later` }],
    })
  return {
    from,
    to,
    fromInstant: zonedInstant(from, '00:00', timeZone),
    toInstant: zonedInstant(addDays(to, 1), '00:00', timeZone),
  }
}

/** The instant a day ends (midnight at the start of the next day) in a time zone. */
export const endOfDay = (date: string, timeZone: string): string =>
  zonedInstant(addDays(date, 1), '00:00', timeZone)

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

/**
 * A NACCC quarter of the April–March financial year: "2026-Q1" is April to June 2026 and "2026-Q4"
 * is January to March 2027.
 * @throws AppError INVALID_INPUT for anything else.
 */
export function quarterDates(quarter: string): { from: string; to: string; label: string } {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match)
    throw new AppError('INVALID_INPUT', 'Enter a quarter as YYYY-Qn, for example 2026-Q3.', {
      issues: [{ path: ['quarter'], message: 'For example 2026-Q3' }],
    })
  const year = Number(match[1])
  const q = Number(match[2])
  const from = addMonths(`${year}-04-01`, (q - 1) * 3)
  const to = addDays(addMonths(from, 3), -1)
  const first = MONTHS[Number(from.slice(5, 7)) - 1] ?? ''
  const last = MONTHS[Number(to.slice(5, 7)) - 1] ?? ''
  const short = String((year + 1) % 100).padStart(2, '0')
  return { from, to, label: `Q${q} ${year}/${short} (${first} to ${last} ${to.slice(0, 4)})` }
}

/** The quarter a day falls in, e.g. 2026-11-26 → "2026-Q3". */
export function quarterOf(date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const fiscalYear = month >= 4 ? year : year - 1
  const q = Math.floor(((month + 8) % 12) / 3) + 1
  return `${fiscalYear}-Q${q}`
}

/** A date as a report heading says it: "1 January 2026". */
export const shortDay = (date: string): string =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`

/** The period as people say it: "1 January 2026 to 31 March 2026". */
export function periodOf(bounds: PeriodBounds, timeZone: string, label?: string): Period {
  return {
    from: bounds.from,
    to: bounds.to,
    label: label ?? `${shortDay(bounds.from)} to ${shortDay(bounds.to)}`,
    timeZone,
  }
}

/** Every month ("YYYY-MM") the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = []
  for (let day = `${from.slice(0, 7)}-01`; day <= to; day = addMonths(day, 1)) months.push(day.slice(0, 7))
  return months
}

/** The median of some numbers, to one decimal place; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return Math.round(value * 10) / 10
}
