import { sql } from 'kysely'
import type { Db } from '../../db/connect'
import { loadIntakeSettings, sourceLabel } from '../intake/intake-settings'
import { loadSchedulingSettings } from '../scheduling/scheduling-settings'
import { openingRunsOn, plusDays, weekdayOf } from '../scheduling/schedule.rules'
import { openAtEndOf } from './caseload'
import type { PeriodBounds, StatisticsScope } from './statistics-scope'
import type { Measures } from './statistics.schemas'

/**
 * The figures every statistics report shares (the NACCC quarterly return, the commissioner's and the
 * trustees' reports), counted over one scope and one period from the work already recorded. Each
 * figure's meaning is written down in `MEASURE_DEFINITIONS`; the two must change together.
 *
 * Every query is bounded by the organisation and the scope's centres and reads an index range on
 * dates, never a whole table.
 */
export async function countMeasures(db: Db, scope: StatisticsScope, bounds: PeriodBounds): Promise<Measures> {
  const [referrals, families, sessions, people] = await Promise.all([
    countReferrals(db, scope, bounds),
    countFamilies(db, scope, bounds),
    countSessions(db, scope, bounds),
    countPeople(db, scope, bounds),
  ])
  return { referrals, families, sessions, people }
}

const num = (value: unknown): number => Number(value ?? 0)

/** The decisions whose transitions are counted, each once per referral however often it was made. */
const DECISIONS = ['accepted', 'declined', 'waitlisted', 'withdrawn'] as const

// ---------- Referrals ----------

async function countReferrals(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<Measures['referrals']> {
  const { organisationId, centreIds } = scope
  const received = await db
    .selectFrom('referrals')
    .select(['source_code', sql<number | string>`count(*)`.as('count')])
    .where('organisation_id', '=', organisationId)
    .where('centre_id', 'in', centreIds)
    .where('received_at', '>=', bounds.fromInstant)
    .where('received_at', '<', bounds.toInstant)
    .where('status', '<>', 'merged')
    .where('merged_into_id', 'is', null)
    .groupBy('source_code')
    .execute()

  // A decision counts in the period its transition happened, whenever the referral arrived.
  const decided = await db
    .selectFrom('workflow_transitions as t')
    .innerJoin('referrals as r', 'r.id', 't.subject_id')
    .select(['t.to_status as status', sql<number | string>`count(distinct t.subject_id)`.as('count')])
    .where('t.organisation_id', '=', organisationId)
    .where('t.subject_type', '=', 'referral')
    .where('t.to_status', 'in', [...DECISIONS])
    .where('t.at', '>=', bounds.fromInstant)
    .where('t.at', '<', bounds.toInstant)
    .where('r.organisation_id', '=', organisationId)
    .where('r.centre_id', 'in', centreIds)
    .where('r.status', '<>', 'merged')
    .where('r.merged_into_id', 'is', null)
    .groupBy('t.to_status')
    .execute()
  const decisions = new Map(decided.map((d) => [d.status, num(d.count)]))

  const settings = await loadIntakeSettings(db, { organisationId })
  const counts = new Map(received.map((r) => [r.source_code, num(r.count)]))
  const configured = settings.referralSources.map((s) => s.code)
  const unknown = [...counts.keys()].filter((code) => !configured.includes(code)).sort()
  const bySource = [...configured, ...unknown].map((source) => ({
    source,
    label: sourceLabel(settings, source),
    count: counts.get(source) ?? 0,
  }))

  return {
    received: bySource.reduce((sum, s) => sum + s.count, 0),
    bySource,
    accepted: decisions.get('accepted') ?? 0,
    declined: decisions.get('declined') ?? 0,
    waitlisted: decisions.get('waitlisted') ?? 0,
    withdrawn: decisions.get('withdrawn') ?? 0,
    waitingAtEnd: await countWaitingAt(db, scope, bounds.toInstant),
  }
}

/**
 * Referrals on the waiting list at an instant. A referral whose status has not changed since then
 * is still in the status it has now; one that has moved since is in the status of its last
 * transition before that instant, so a past period's figure stays what it was at the time.
 */
async function countWaitingAt(db: Db, scope: StatisticsScope, end: string): Promise<number> {
  const { organisationId, centreIds } = scope
  const unchanged = await db
    .selectFrom('referrals')
    .select(sql<number | string>`count(*)`.as('count'))
    .where('organisation_id', '=', organisationId)
    .where('centre_id', 'in', centreIds)
    .where('status', '=', 'waitlisted')
    .where('status_changed_at', '<', end)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst()
  const movedSince = await db
    .selectFrom('workflow_transitions as t')
    .innerJoin('referrals as r', 'r.id', 't.subject_id')
    .select(sql<number | string>`count(distinct t.subject_id)`.as('count'))
    .where('t.organisation_id', '=', organisationId)
    .where('t.subject_type', '=', 'referral')
    .where('t.to_status', '=', 'waitlisted')
    .where('t.at', '<', end)
    .where('r.organisation_id', '=', organisationId)
    .where('r.centre_id', 'in', centreIds)
    .where('r.status_changed_at', '>=', end)
    .where('r.status', '<>', 'merged')
    .where('r.merged_into_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('workflow_transitions as later')
            .select('later.id')
            .whereRef('later.organisation_id', '=', 't.organisation_id')
            .whereRef('later.subject_id', '=', 't.subject_id')
            .whereRef('later.at', '>', 't.at')
            .where('later.at', '<', end),
        ),
      ),
    )
    .executeTakeFirst()
  return num(unchanged?.count) + num(movedSince?.count)
}

// ---------- Families ----------

async function countFamilies(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<Measures['families']> {
  const { organisationId, centreIds } = scope
  const children = sql<number | string>`count(distinct case when parties.kind = 'child' then parties.id end)`

  // Served: a session held (completed) in the period, whatever happened to the case afterwards.
  const served = await db
    .selectFrom('sessions')
    .leftJoin('parties', (join) =>
      join
        .onRef('parties.case_id', '=', 'sessions.case_id')
        .on('parties.kind', '=', 'child')
        .on('parties.organisation_id', '=', organisationId),
    )
    .select([sql<number | string>`count(distinct sessions.case_id)`.as('families'), children.as('children')])
    .where('sessions.organisation_id', '=', organisationId)
    .where('sessions.centre_id', 'in', centreIds)
    .where('sessions.local_date', '>=', bounds.from)
    .where('sessions.local_date', '<=', bounds.to)
    .where('sessions.status', '=', 'completed')
    .executeTakeFirst()

  const opened = await db
    .selectFrom('cases')
    .leftJoin('parties', (join) =>
      join
        .onRef('parties.case_id', '=', 'cases.id')
        .on('parties.kind', '=', 'child')
        .on('parties.organisation_id', '=', organisationId),
    )
    .select([sql<number | string>`count(distinct cases.id)`.as('families'), children.as('children')])
    .where('cases.organisation_id', '=', organisationId)
    .where('cases.centre_id', 'in', centreIds)
    .where('cases.opened_at', '>=', bounds.fromInstant)
    .where('cases.opened_at', '<', bounds.toInstant)
    .executeTakeFirst()

  // Open at the end: still active, or closed since. Two index ranges (open cases by status, closed
  // ones by closing time) rather than every case ever opened; the sets do not overlap.
  const openAtEnd = (still: boolean) =>
    db
      .selectFrom('cases')
      .leftJoin('parties', (join) =>
        join
          .onRef('parties.case_id', '=', 'cases.id')
          .on('parties.kind', '=', 'child')
          .on('parties.organisation_id', '=', organisationId),
      )
      .select([sql<number | string>`count(distinct cases.id)`.as('families'), children.as('children')])
      .where('cases.organisation_id', '=', organisationId)
      .where('cases.centre_id', 'in', centreIds)
      .where(
        still ? sql<boolean>`cases.closed_at is null` : sql<boolean>`cases.closed_at >= ${bounds.toInstant}`,
      )
      .where(openAtEndOf(bounds.toInstant))
      .executeTakeFirst()
  const [stillOpen, closedSince] = await Promise.all([openAtEnd(true), openAtEnd(false)])

  return {
    served: num(served?.families),
    children: num(served?.children),
    newFamilies: num(opened?.families),
    newChildren: num(opened?.children),
    activeAtEnd: num(stillOpen?.families) + num(closedSince?.families),
    childrenAtEnd: num(stillOpen?.children) + num(closedSince?.children),
  }
}

// ---------- Sessions ----------

async function countSessions(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<Measures['sessions']> {
  const { organisationId, centreIds } = scope
  const settings = await loadSchedulingSettings(db, { organisationId })
  const notice = settings.cancellationNoticeHours
  const cancelled = sql`sessions.status = 'cancelled'`
  const byParent = sql`${cancelled} and sessions.cancelled_by in ('resident', 'non_resident')`
  const held = sql`sessions.status not in ('cancelled', 'skipped')`
  const tally = (condition: ReturnType<typeof sql>) =>
    sql<number | string>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const row = await db
    .selectFrom('sessions')
    .select([
      tally(
        sql`sessions.status <> 'skipped' and not (${cancelled} and coalesce(sessions.cancelled_by, '') = 'centre')`,
      ).as('booked'),
      tally(sql`sessions.status = 'completed'`).as('attended'),
      tally(cancelled).as('cancelled'),
      tally(sql`${cancelled} and sessions.cancelled_by = 'centre'`).as('by_centre'),
      tally(sql`${cancelled} and sessions.cancelled_by = 'resident'`).as('by_resident'),
      tally(sql`${cancelled} and sessions.cancelled_by = 'non_resident'`).as('by_non_resident'),
      tally(sql`${byParent} and sessions.cancel_notice_hours < ${notice}`).as('late'),
      tally(sql`sessions.status = 'did_not_attend'`).as('no_show'),
      tally(sql`${held} and sessions.resident_outcome = 'did_not_attend'`).as('no_show_resident'),
      tally(sql`${held} and sessions.non_resident_outcome = 'did_not_attend'`).as('no_show_non_resident'),
    ])
    .where('sessions.organisation_id', '=', organisationId)
    .where('sessions.centre_id', 'in', centreIds)
    .where('sessions.local_date', '>=', bounds.from)
    .where('sessions.local_date', '<=', bounds.to)
    .executeTakeFirst()

  const available = await countAvailablePlaces(db, scope, bounds)
  const booked = num(row?.booked)
  return {
    available,
    booked,
    attended: num(row?.attended),
    capacityUsedPercent: available === 0 ? null : Math.round((booked * 100) / available),
    cancelled: {
      total: num(row?.cancelled),
      byCentre: num(row?.by_centre),
      byResident: num(row?.by_resident),
      byNonResident: num(row?.by_non_resident),
      late: num(row?.late),
    },
    noShows: {
      sessions: num(row?.no_show),
      resident: num(row?.no_show_resident),
      nonResident: num(row?.no_show_non_resident),
    },
  }
}

/**
 * The family places the centres' opening sessions offered on each day of the period: each day an
 * opening runs (its weekday, every week or every other week from its first day, up to its last day)
 * adds its capacity, unless a closure covers the whole centre or that venue that day. A retired
 * opening ends the day before it was retired, so the days it ran still count. Days with no place
 * are left out. The quarterly return sums the days; the dashboard sums them by month.
 */
export async function placesByDay(
  db: Db,
  scope: StatisticsScope,
  bounds: Pick<PeriodBounds, 'from' | 'to'>,
): Promise<Map<string, number>> {
  const { organisationId, centreIds } = scope
  const [openings, closures] = await Promise.all([
    db
      .selectFrom('opening_sessions as o')
      .innerJoin('venues as v', 'v.id', 'o.venue_id')
      .select([
        'o.id',
        'o.venue_id',
        'v.centre_id',
        'o.weekday',
        'o.every_weeks',
        'o.first_on',
        'o.last_on',
        'o.starts_at_time',
        'o.ends_at_time',
        'o.capacity_units',
      ])
      .where('v.organisation_id', '=', organisationId)
      .where('v.centre_id', 'in', centreIds)
      .where('o.organisation_id', '=', organisationId)
      .where('o.first_on', '<=', bounds.to)
      .where((eb) => eb.or([eb('o.last_on', 'is', null), eb('o.last_on', '>=', bounds.from)]))
      .execute(),
    db
      .selectFrom('closures')
      .select(['centre_id', 'venue_id', 'first_day', 'last_day'])
      .where('organisation_id', '=', organisationId)
      .where('centre_id', 'in', centreIds)
      .where('first_day', '<=', bounds.to)
      .where('last_day', '>=', bounds.from)
      .execute(),
  ])
  const places = new Map<string, number>()
  for (const o of openings) {
    const facts = {
      id: o.id,
      venueId: o.venue_id,
      weekday: o.weekday,
      everyWeeks: o.every_weeks,
      firstOn: o.first_on,
      lastOn: o.last_on,
      startsAt: o.starts_at_time,
      endsAt: o.ends_at_time,
      capacityUnits: o.capacity_units,
    }
    const mine = closures.filter(
      (c) => c.centre_id === o.centre_id && (c.venue_id === null || c.venue_id === o.venue_id),
    )
    const start = o.first_on > bounds.from ? o.first_on : bounds.from
    const end = o.last_on !== null && o.last_on < bounds.to ? o.last_on : bounds.to
    // The first day on or after the start that falls on the opening's weekday, then week by week.
    for (
      let day = plusDays(start, (o.weekday - weekdayOf(start) + 7) % 7);
      day <= end;
      day = plusDays(day, 7)
    ) {
      if (!openingRunsOn(facts, day) || mine.some((c) => c.first_day <= day && day <= c.last_day)) continue
      places.set(day, (places.get(day) ?? 0) + o.capacity_units)
    }
  }
  return places
}

async function countAvailablePlaces(db: Db, scope: StatisticsScope, bounds: PeriodBounds): Promise<number> {
  let total = 0
  for (const places of (await placesByDay(db, scope, bounds)).values()) total += places
  return total
}

// ---------- People ----------

/** Stages of a volunteer on the team: cleared and in training, mentored, active, or working their notice. */
const TEAM_STAGES = ['cleared', 'training', 'mentored', 'active', 'leaving'] as const
/** Stages that are entered before a start date is set. */
const BEFORE_START = ['cleared', 'training'] as const

async function countPeople(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<Measures['people']> {
  const { organisationId, centreIds } = scope
  const tally = (condition: ReturnType<typeof sql>) =>
    sql<number | string>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`
  const started = sql`(volunteers.started_on is not null and volunteers.started_on <= ${bounds.to})`
  const notYetLeft = sql`(volunteers.left_on is null or volunteers.left_on > ${bounds.to})`
  const volunteers = await db
    .selectFrom('volunteers')
    .select([
      tally(
        sql`(volunteers.stage in (${sql.join([...TEAM_STAGES, 'left'])}) and ${started} and ${notYetLeft})
          or (volunteers.stage in (${sql.join([...BEFORE_START])}) and volunteers.started_on is null
            and volunteers.stage_changed_at < ${bounds.toInstant})`,
      ).as('on_team'),
      tally(sql`volunteers.started_on >= ${bounds.from} and volunteers.started_on <= ${bounds.to}`).as(
        'joined',
      ),
      tally(
        sql`volunteers.stage = 'left' and volunteers.left_on >= ${bounds.from} and volunteers.left_on <= ${bounds.to}`,
      ).as('left'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('centre_id', 'in', centreIds)
    .where('stage', 'in', [...TEAM_STAGES, 'left'])
    .executeTakeFirst()

  // Desk staff: an organisation-wide grant covers every centre and counts once; a centre's grant
  // counts for that centre only.
  const staff = await db
    .selectFrom('users')
    .innerJoin('role_assignments as ra', 'ra.user_id', 'users.id')
    .select(sql<number | string>`count(distinct users.id)`.as('count'))
    .where('users.organisation_id', '=', organisationId)
    .where('users.status', '<>', 'disabled')
    .where('ra.organisation_id', '=', organisationId)
    .where('ra.role', 'in', ['admin', 'coordinator'])
    .where((eb) => eb.or([eb('ra.centre_id', 'is', null), eb('ra.centre_id', 'in', centreIds)]))
    .where('ra.created_at', '<', bounds.toInstant)
    .executeTakeFirst()

  return {
    volunteers: num(volunteers?.on_team),
    staff: num(staff?.count),
    volunteersJoined: num(volunteers?.joined),
    volunteersLeft: num(volunteers?.left),
  }
}
