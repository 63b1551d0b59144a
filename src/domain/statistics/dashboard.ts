import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/connect'
import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { ageOn, daysBetween } from '../cases/cases.rules'
import type { Deps } from '../context'
import { loadIntakeSettings, sourceLabel } from '../intake/intake-settings'
import { localParts, zonedInstant } from '../scheduling/schedule.rules'
import { placesByDay } from './measures'
import { countClosures, openAtEndParts } from './service-figures'
import {
  median,
  monthsOf,
  periodBounds,
  periodOf,
  statisticsScope,
  type PeriodBounds,
  type StatisticsScope,
} from './statistics-scope'
import { AGE_BANDS, type Dashboard, type PeriodQuery } from './statistics.schemas'

// The dashboard: the service's figures month by month, for charts and the tables behind them.
// Every month-by-month figure is grouped by month inside the database (a month is found by comparing
// the date with the month boundaries, the same on SQLite and PostgreSQL), so ten years of a national
// organisation come back as at most 120 rows per figure, never as the rows themselves.

type AgeBand = (typeof AGE_BANDS)[number]

export const AGE_BAND_WORDS: Record<AgeBand, string> = {
  under_2: 'Under 2',
  '2_to_4': '2 to 4',
  '5_to_7': '5 to 7',
  '8_to_11': '8 to 11',
  '12_and_over': '12 and over',
  unknown: 'Date of birth not recorded',
}

/** The age band of a child on a day, from their date of birth (a birthday counts from the day itself). */
export function ageBandOf(dateOfBirth: string | null, on: string): AgeBand {
  const age = ageOn(dateOfBirth, on)
  if (age === null || age < 0) return 'unknown'
  if (age < 2) return 'under_2'
  if (age <= 4) return '2_to_4'
  if (age <= 7) return '5_to_7'
  if (age <= 11) return '8_to_11'
  return '12_and_over'
}

/** The months of a period and where each starts, as a local date and as an instant in the zone. */
interface Months {
  months: string[]
  /** The first day of each month ("YYYY-MM-01"); the first is the month's, not the period's. */
  days: string[]
  instants: string[]
}

function monthsIn(bounds: PeriodBounds, timeZone: string): Months {
  const months = monthsOf(bounds.from, bounds.to)
  const days = months.map((m) => `${m}-01`)
  return { months, days, instants: days.map((d) => zonedInstant(d, '00:00', timeZone)) }
}

/**
 * The index of the month a value falls in, as SQL: a balanced tree of comparisons with the month
 * boundaries (seven deep for ten years), so each row costs a few comparisons on either database.
 * Rows must already lie within the period.
 */
function monthIndex(
  column: string,
  starts: readonly string[],
  lo = 0,
  hi = starts.length - 1,
): RawBuilder<number> {
  if (lo >= hi) return sql<number>`${sql.lit(lo)}`
  const mid = Math.ceil((lo + hi) / 2)
  return sql<number>`case when ${sql.ref(column)} < ${starts[mid]} then ${monthIndex(column, starts, lo, mid - 1)} else ${monthIndex(column, starts, mid, hi)} end`
}

const byMonth = <T>(months: Months, make: () => T): T[] => months.months.map(() => make())
const at = <T>(rows: T[], index: unknown): T | undefined => rows[Number(index)]
const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10

async function referralsByMonth(db: Db, scope: StatisticsScope, bounds: PeriodBounds, months: Months) {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('referrals')
        .select([monthIndex('referrals.received_at', months.instants).as('month'), 'source_code'])
        .where('organisation_id', '=', scope.organisationId)
        .where('centre_id', 'in', scope.centreIds)
        .where('received_at', '>=', bounds.fromInstant)
        .where('received_at', '<', bounds.toInstant)
        .where('status', '<>', 'merged')
        .where('merged_into_id', 'is', null)
        .as('r'),
    )
    .select(['r.month', 'r.source_code', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy(['r.month', 'r.source_code'])
    .execute()
  const settings = await loadIntakeSettings(db, { organisationId: scope.organisationId })
  const configured = settings.referralSources.map((s) => s.code)
  const unknown = [...new Set(rows.map((r) => r.source_code))].filter((c) => !configured.includes(c)).sort()
  const sources = [...configured, ...unknown].map((source) => ({
    source,
    label: sourceLabel(settings, source),
  }))
  const table = byMonth(months, () => new Map<string, number>())
  for (const r of rows) at(table, r.month)?.set(r.source_code, Number(r.count))
  return {
    sources,
    referralsByMonth: months.months.map((month, i) => {
      const counts = table[i] ?? new Map<string, number>()
      const bySource = Object.fromEntries(sources.map((s) => [s.source, counts.get(s.source) ?? 0]))
      return { month, bySource, total: [...counts.values()].reduce((a, b) => a + b, 0) }
    }),
  }
}

async function childrenByAge(db: Db, scope: StatisticsScope, bounds: PeriodBounds) {
  const read = (openAtEnd: ReturnType<typeof openAtEndParts>[number]) =>
    db
      .selectFrom('cases')
      .innerJoin('parties', 'parties.case_id', 'cases.id')
      .select([
        'parties.date_of_birth',
        (eb) => eb.fn.count<number | string>('parties.id').distinct().as('children'),
      ])
      .where('cases.organisation_id', '=', scope.organisationId)
      .where('cases.centre_id', 'in', scope.centreIds)
      .where(openAtEnd)
      .where('parties.kind', '=', 'child')
      .groupBy('parties.date_of_birth')
      .execute()
  const rows = (await Promise.all(openAtEndParts(bounds.toInstant).map(read))).flat()
  const counts = new Map<AgeBand, number>()
  for (const r of rows) {
    const band = ageBandOf(r.date_of_birth, bounds.to)
    counts.set(band, (counts.get(band) ?? 0) + Number(r.children))
  }
  return AGE_BANDS.map((band) => ({ band, label: AGE_BAND_WORDS[band], children: counts.get(band) ?? 0 }))
}

async function sessionsByMonth(db: Db, scope: StatisticsScope, bounds: PeriodBounds, months: Months) {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('sessions')
        .select([monthIndex('sessions.local_date', months.days).as('month'), 'status', 'cancelled_by'])
        .where('organisation_id', '=', scope.organisationId)
        .where('centre_id', 'in', scope.centreIds)
        .where('local_date', '>=', bounds.from)
        .where('local_date', '<=', bounds.to)
        .as('s'),
    )
    .select(['s.month', 's.status', 's.cancelled_by', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy(['s.month', 's.status', 's.cancelled_by'])
    .execute()
  const table = byMonth(months, () => ({ delivered: 0, cancelled: 0, notAttended: 0, booked: 0 }))
  for (const r of rows) {
    const month = at(table, r.month)
    if (!month) continue
    const count = Number(r.count)
    if (r.status === 'completed') month.delivered += count
    if (r.status === 'cancelled') month.cancelled += count
    if (r.status === 'did_not_attend') month.notAttended += count
    // Booked: every session planned for a family, except the centre's own cancellations and the
    // dates that were never booked (skipped at planning).
    if (r.status !== 'skipped' && !(r.status === 'cancelled' && r.cancelled_by === 'centre'))
      month.booked += count
  }
  return table
}

/** The family places the opening sessions offered each month: the quarterly return's rule, by month. */
async function placesByMonth(db: Db, scope: StatisticsScope, bounds: PeriodBounds, months: Months) {
  const places = new Map<string, number>()
  for (const [day, count] of await placesByDay(db, scope, bounds)) {
    const month = day.slice(0, 7)
    places.set(month, (places.get(month) ?? 0) + count)
  }
  return months.months.map((m) => places.get(m) ?? 0)
}

/**
 * The waiting list on each month's last day (the period's last day in its last month) and the median
 * days waited by those who left it that month, from the referrals on the list at some time in the
 * period: one read of those rows, counted here.
 */
async function waitingByMonth(db: Db, scope: StatisticsScope, bounds: PeriodBounds, months: Months) {
  const rows = await db
    .selectFrom('referrals')
    .select(['status', 'waitlisted_at', 'status_changed_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', 'in', scope.centreIds)
    .where('status', 'in', ['waitlisted', 'accepted', 'declined', 'withdrawn'])
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'waitlisted'),
          eb(eb.fn.coalesce('waitlisted_at', 'status_changed_at'), '<', bounds.toInstant),
        ]),
        eb.and([
          eb('status', '!=', 'waitlisted'),
          eb('waitlisted_at', '<', bounds.toInstant),
          eb('status_changed_at', '>=', bounds.fromInstant),
        ]),
      ]),
    )
    .execute()
  const stays = rows.map((r) => ({
    joined: r.waitlisted_at ?? r.status_changed_at,
    left: r.status === 'waitlisted' ? null : r.status_changed_at,
  }))
  const ends = [...months.instants.slice(1), bounds.toInstant]
  const day = (instant: string) => localParts(instant, scope.timeZone).date
  return months.months.map((month, i) => {
    const start = i === 0 ? bounds.fromInstant : (months.instants[i] ?? bounds.fromInstant)
    const end = ends[i] ?? bounds.toInstant
    const waiting = stays.filter((s) => s.joined < end && (s.left === null || s.left >= end)).length
    const waits = stays
      .filter((s) => s.left !== null && s.left >= start && s.left < end)
      .map((s) => daysBetween(day(s.joined), day(s.left ?? s.joined)))
    return { month, waiting, medianWaitDays: median(waits) }
  })
}

async function hoursByMonth(db: Db, scope: StatisticsScope, bounds: PeriodBounds, months: Months) {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('volunteer_hours')
        .select([monthIndex('volunteer_hours.on_date', months.days).as('month'), 'minutes'])
        .where('organisation_id', '=', scope.organisationId)
        .where('centre_id', 'in', scope.centreIds)
        .where('on_date', '>=', bounds.from)
        .where('on_date', '<=', bounds.to)
        .where('status', '=', 'approved')
        .as('h'),
    )
    .select(['h.month', (eb) => eb.fn.sum<number | string>('h.minutes').as('minutes')])
    .groupBy('h.month')
    .execute()
  const minutes = byMonth(months, () => 0)
  for (const r of rows) if (at(minutes, r.month) !== undefined) minutes[r.month] = Number(r.minutes)
  return months.months.map((month, i) => ({ month, hours: hoursOf(minutes[i] ?? 0) }))
}

/**
 * The dashboard for a period: every month of it, with zeros for the months where nothing happened.
 * Desk staff (admin or coordinator) see their own centres; a read from the command line is audited.
 * @throws AppError INVALID_INPUT for a period that ends before it starts or runs over ten years.
 * @throws AppError NOT_FOUND for a centre the caller may not see.
 */
export async function dashboardReport(deps: Deps, actor: Actor, query: PeriodQuery): Promise<Dashboard> {
  const scope = await statisticsScope(deps.db, actor, query.centreId)
  const bounds = periodBounds(query.from, query.to, scope.timeZone)
  const months = monthsIn(bounds, scope.timeZone)
  const { db } = deps
  const [referrals, childrenAtEnd, sessions, places, waitingByMonthRows, outcomes, hours] = await Promise.all(
    [
      referralsByMonth(db, scope, bounds, months),
      childrenByAge(db, scope, bounds),
      sessionsByMonth(db, scope, bounds, months),
      placesByMonth(db, scope, bounds, months),
      waitingByMonth(db, scope, bounds, months),
      countClosures(db, scope, bounds),
      hoursByMonth(db, scope, bounds, months),
    ],
  )
  if (actor.kind === 'cli')
    await auditAs(db, deps.clock, actor, {
      action: 'statistics.dashboard.read',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { from: bounds.from, to: bounds.to, centreIds: scope.centreIds },
    })
  return {
    period: periodOf(bounds, scope.timeZone),
    centres: scope.centres.map((c) => ({ id: c.id, name: c.name })),
    months: months.months,
    sources: referrals.sources,
    referralsByMonth: referrals.referralsByMonth,
    childrenByAge: childrenAtEnd,
    sessionsByMonth: months.months.map((month, i) => {
      const s = sessions[i]
      return {
        month,
        delivered: s?.delivered ?? 0,
        cancelled: s?.cancelled ?? 0,
        notAttended: s?.notAttended ?? 0,
      }
    }),
    capacityByMonth: months.months.map((month, i) => ({
      month,
      available: places[i] ?? 0,
      booked: sessions[i]?.booked ?? 0,
    })),
    waitingByMonth: waitingByMonthRows,
    outcomes,
    volunteerHoursByMonth: hours,
  }
}
