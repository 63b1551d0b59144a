import type { Db } from '../../db/connect'
import { addDays, capacityWeight } from '../cases/cases.rules'
import type { ContactLevel } from '../cases/cases.schemas'
import { occurrenceDates, plusDays, weekdayOf } from '../scheduling/schedule.rules'
import { ArrivalRulesSchema } from '../scheduling/scheduling.schemas'
import { HALL_ROOM_OF } from './demo-history-hall'
import type { HistoryDesk } from './demo-history-rows'
import type { HallSeries } from './demo-history-sessions'
import {
  isClosedOn,
  placeOf,
  type HallClosure,
  type HistoryPlan,
  type HistorySession,
} from './demo-history-timeline'
import { on } from './demo-story'

/**
 * Today's families before the move: each came to the hall, in its series' pattern and at its times,
 * from the first Sunday ten days after its case opened to the last Sunday there. The monthly
 * flights from Cardiff, the Saturday flights from London and the prison visits only began at the
 * school (it opens on Saturdays, and the escort joined with the move), so those are left out.
 */

interface CurrentPlan {
  caseId: string
  visiting: string
  openedAt: string
  serviceType: string
  frequency: string
  weekOfMonth: number | null
  firstOn: string
  startsAt: string
  durationMinutes: number
  room: string | null
  arrival: string
}

const STARTED_AT_THE_SCHOOL = new Set(['Gareth Hughes'])
const SERIES = ['weekly', 'fortnightly', 'monthly_weekday'] as const
type Series = (typeof SERIES)[number]
const isSeries = (frequency: string): frequency is Series => (SERIES as readonly string[]).includes(frequency)

async function currentPlans(db: Db, desk: HistoryDesk): Promise<CurrentPlan[]> {
  return db
    .selectFrom('contact_plans as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('parties as v', (join) =>
      join.onRef('v.case_id', '=', 'c.id').on('v.role', '=', 'non_resident_parent'),
    )
    .leftJoin('rooms as r', 'r.id', 'p.room_id')
    .select(['c.id as caseId', 'v.full_name as visiting', 'c.opened_at as openedAt'])
    .select(['p.service_type as serviceType', 'p.frequency', 'p.week_of_month as weekOfMonth'])
    .select([
      'p.first_on as firstOn',
      'p.starts_at_time as startsAt',
      'p.duration_minutes as durationMinutes',
    ])
    .select(['r.name as room', 'p.arrival'])
    .where('c.organisation_id', '=', desk.organisationId)
    .where('c.centre_id', '=', desk.centreId)
    .where('c.status', '=', 'active')
    .where('p.status', '=', 'active')
    .where('p.offsite_sealed', 'is', null)
    .orderBy('p.first_on')
    .orderBy('p.created_at')
    .execute()
}

/** The series' dates at the hall, counted back from its first date at the school. */
function datesBefore(plan: CurrentPlan & { frequency: Series }, from: string, to: string): string[] {
  if (plan.frequency === 'monthly_weekday')
    return occurrenceDates(
      { frequency: plan.frequency, firstOn: from, lastOn: to, weekOfMonth: plan.weekOfMonth },
      to,
    )
  const step = plan.frequency === 'weekly' ? 7 : 14
  const dates: string[] = []
  for (let date = addDays(plan.firstOn, -step); date >= from; date = addDays(date, -step))
    if (date <= to) dates.unshift(date)
  return dates
}

/** The family's level on each day, from its case's history; before any change, the plan's own. */
async function levelsOf(db: Db, plan: CurrentPlan): Promise<(date: string) => ContactLevel> {
  const changes = await db
    .selectFrom('case_level_changes')
    .select(['changed_at', 'level'])
    .where('case_id', '=', plan.caseId)
    .orderBy('changed_at')
    .execute()
  return (date) =>
    (changes.filter((c) => c.changed_at.slice(0, 10) <= date).at(-1)?.level ??
      plan.serviceType) as ContactLevel
}

/** The children who need help with feeding or changing: each adds to the family's weight. */
async function babiesOf(db: Db, caseId: string): Promise<number> {
  const children = await db
    .selectFrom('parties')
    .select('details')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'child')
    .execute()
  return children.filter((c) => {
    const needs = JSON.parse(c.details) as { feedingHelp?: boolean; changingHelp?: boolean }
    return needs.feedingHelp === true || needs.changingHelp === true
  }).length
}

/** Where the family met at a level: at today's, its school room's counterpart at the same times. */
function placeAt(
  plan: CurrentPlan,
  level: ContactLevel,
): Pick<HistoryPlan, 'room' | 'startsAt' | 'durationMinutes'> {
  if (level === plan.serviceType)
    return {
      room: HALL_ROOM_OF[plan.room ?? ''] ?? '',
      startsAt: plan.startsAt,
      durationMinutes: plan.durationMinutes,
    }
  return placeOf(level === 'supervised' || level === 'handover' ? level : 'supported', 0)
}

/** One plan per level the family was at, and each date's session, attended unless the hall was shut. */
function seriesAt(
  plan: CurrentPlan,
  dates: readonly string[],
  levelOn: (date: string) => ContactLevel,
  hall: { closures: readonly HallClosure[]; pipe: string },
): Pick<HallSeries, 'plans' | 'sessions'> {
  const plans: HistoryPlan[] = []
  const sessions = dates.map((date): HistorySession => {
    const level = levelOn(date)
    const current = plans.at(-1)
    if (current?.level === level) current.lastOn = date
    else {
      if (current) current.lastOn = addDays(date, -1)
      plans.push({
        level,
        firstOn: date,
        lastOn: date,
        ...placeAt(plan, level),
        bookedAt: on(addDays(date, -9), '10:00'),
      })
    }
    const skipped = isClosedOn(hall.closures, date)
    return { date, plan: plans.length - 1, skipped, calledOff: !skipped && date === hall.pipe, event: null }
  })
  return { plans, sessions }
}

/**
 * Today's families' series at the hall: one ended plan per level, every session attended but for
 * the hall's closures and the Sunday the burst pipe called off.
 */
export async function currentFamiliesAtHall(
  db: Db,
  desk: HistoryDesk,
  hall: { firstOn: string; lastOn: string; movedAt: string; closures: readonly HallClosure[]; pipe: string },
): Promise<HallSeries[]> {
  const series: HallSeries[] = []
  for (const plan of await currentPlans(db, desk)) {
    const { frequency } = plan
    if (!isSeries(frequency) || weekdayOf(plan.firstOn) !== 7 || STARTED_AT_THE_SCHOOL.has(plan.visiting))
      continue
    const opened = addDays(plan.openedAt.slice(0, 10), 10)
    const from = opened < hall.firstOn ? hall.firstOn : opened
    const dates = datesBefore({ ...plan, frequency }, plusDays(from, (7 - weekdayOf(from)) % 7), hall.lastOn)
    if (dates.length === 0) continue
    const levelOn = await levelsOf(db, plan)
    const babies = await babiesOf(db, plan.caseId)
    const arrival = ArrivalRulesSchema.parse(JSON.parse(plan.arrival))
    series.push({
      caseId: plan.caseId,
      label: plan.visiting,
      frequency,
      weekOfMonth: plan.weekOfMonth,
      ...seriesAt(plan, dates, levelOn, hall),
      ended: {
        reason: 'The centre moved to Grands Vaux School: the series goes on there.',
        at: hall.movedAt,
      },
      // At another level than today's, the supervised child is settled in first, as at the hall.
      firstParty: (p) => {
        if (p.level === plan.serviceType) return arrival.firstArrivingParty
        return p.level === 'supervised' ? 'resident' : 'non_resident'
      },
      weight: (date) => capacityWeight(levelOn(date), babies, desk.settings),
    })
  }
  return series
}
