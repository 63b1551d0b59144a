import { sql, type RawBuilder } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/connect'
import { daysBetween } from '../cases/cases.rules'
import type { CLOSURE_OUTCOMES, ContactLevel } from '../cases/cases.schemas'
import { localParts } from '../scheduling/schedule.rules'
import { CATEGORY_WORDS } from '../session-day/incident.rules'
import { SEVERITIES, type IncidentCategory } from '../session-day/session-day.schemas'
import { HOURS_KINDS } from '../volunteers/volunteers.schemas'
import { openAtEndOf } from './caseload'
import { median, type PeriodBounds, type StatisticsScope } from './statistics-scope'
import type {
  IncidentFiguresSchema,
  OutcomeFiguresSchema,
  ReviewFiguresSchema,
  VolunteeringFiguresSchema,
  WaitingFiguresSchema,
} from './statistics.schemas'

// The outcome, waiting, review, incident and volunteering figures of the commissioner and
// trustees' reports. Each reads one organisation's centres over a period by an indexed date range.

export type OutcomeFigures = z.infer<typeof OutcomeFiguresSchema>
export type WaitingFigures = z.infer<typeof WaitingFiguresSchema>
export type ReviewFigures = z.infer<typeof ReviewFiguresSchema>
export type IncidentFigures = z.infer<typeof IncidentFiguresSchema>
export type VolunteeringFigures = z.infer<typeof VolunteeringFiguresSchema>
export type ClosureCount = OutcomeFigures['closures'][number]
type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number]

/** The centres' words for each closure outcome code (domain rules 4.1). */
export const CLOSURE_OUTCOME_WORDS: Record<ClosureOutcome, string> = {
  moved_on_own_arrangements: 'Moved on to their own arrangements',
  moved_on_handover_community: 'Moved on to handovers in the community',
  stepped_down_to_supported: 'Stepped down to supported contact elsewhere',
  transferred_to_other_centre: 'Transferred to another centre',
  court_order_changed_or_ended: 'Court order changed or ended',
  referrer_ended: 'The referrer ended the service',
  no_show_never_started: 'Never started (did not come)',
  place_reallocated_non_attendance: 'Place given to another family after non-attendance',
  withdrawn_rule_breach: 'Place withdrawn: ground rules broken',
  terminated_safety_unmanageable: 'Ended: safety could not be managed',
  parent_withdrew: 'A parent withdrew',
  other: 'Other',
}

/** Closures that count as the family moving on: the goal of the service (NACCC). */
export const MOVED_ON_OUTCOMES: readonly ClosureOutcome[] = [
  'moved_on_own_arrangements',
  'moved_on_handover_community',
  'stepped_down_to_supported',
]

/**
 * The contact levels from most to least supervision. Supervised and escorted contact are equally
 * watched; self-managed (no centre at all) is the last step. Video contact has no place on this
 * ladder, so a move to or from it is never a progression.
 */
export const SUPERVISION_LADDER: readonly (readonly ContactLevel[])[] = [
  ['supervised', 'escorted'],
  ['supported'],
  ['handover'],
  ['indirect'],
  ['self_managed'],
]

const rungOf = (level: string | null): number =>
  SUPERVISION_LADDER.findIndex((r) => r.some((l) => l === level))

/** Where a level sorts in a list of changes: the opening (no level before) first, levels off the ladder last. */
const placeOf = (level: string | null): number => {
  if (level === null) return -1
  const rung = rungOf(level)
  return rung < 0 ? SUPERVISION_LADDER.length : rung
}

/** A step down the ladder towards less supervision; the level a case opens at is no step. */
export function isProgression(from: string | null, to: string): boolean {
  const a = rungOf(from)
  const b = rungOf(to)
  return a >= 0 && b >= 0 && b > a
}

const isKnown = <K extends string>(words: Record<K, string>, code: string): code is K =>
  Object.prototype.hasOwnProperty.call(words, code)

/** A label for a code, the code itself when the words do not know it (an old or imported code). */
const wordFor = <K extends string>(words: Record<K, string>, code: string): string =>
  isKnown(words, code) ? words[code] : code

/** Codes in the order the words list them, unknown codes after in alphabetical order. */
const inOrderOf = (codes: readonly string[]) => (a: string, b: string) => {
  const rank = (c: string) => (codes.includes(c) ? codes.indexOf(c) : codes.length)
  return rank(a) - rank(b) || a.localeCompare(b)
}

/** Cases closed in the period by outcome (only outcomes that happened), in the order of the codes. */
export async function countClosures(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<ClosureCount[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['closure_outcome', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', 'in', scope.centreIds)
    .where('closed_at', '>=', bounds.fromInstant)
    .where('closed_at', '<', bounds.toInstant)
    .groupBy('closure_outcome')
    .execute()
  const codes = Object.keys(CLOSURE_OUTCOME_WORDS)
  return rows
    .map((r) => {
      const outcome = r.closure_outcome ?? 'other'
      return { outcome, label: wordFor(CLOSURE_OUTCOME_WORDS, outcome), count: Number(r.count) }
    })
    .reduce<ClosureCount[]>((all, row) => {
      const same = all.find((c) => c.outcome === row.outcome)
      if (same) same.count += row.count
      else all.push(row)
      return all
    }, [])
    .sort((a, b) => inOrderOf(codes)(a.outcome, b.outcome))
}

/** Contact level changes and closures in the period: the progress families made. */
export async function countOutcomes(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<OutcomeFigures> {
  const [changes, closures] = await Promise.all([
    db
      .selectFrom('case_level_changes')
      .innerJoin('cases', 'cases.id', 'case_level_changes.case_id')
      .select([
        'case_level_changes.previous_level as from',
        'case_level_changes.level as to',
        (eb) => eb.fn.countAll<number | string>().as('count'),
      ])
      .where('case_level_changes.organisation_id', '=', scope.organisationId)
      .where('case_level_changes.changed_at', '>=', bounds.fromInstant)
      .where('case_level_changes.changed_at', '<', bounds.toInstant)
      .where('cases.centre_id', 'in', scope.centreIds)
      .groupBy(['case_level_changes.previous_level', 'case_level_changes.level'])
      .execute(),
    countClosures(db, scope, bounds),
  ])
  const levelChanges = changes
    .map((r) => ({ from: r.from, to: r.to, count: Number(r.count) }))
    .sort(
      (a, b) =>
        placeOf(a.from) - placeOf(b.from) ||
        (a.from ?? '').localeCompare(b.from ?? '') ||
        placeOf(a.to) - placeOf(b.to) ||
        a.to.localeCompare(b.to),
    )
  return {
    levelChanges,
    progressions: levelChanges.filter((c) => isProgression(c.from, c.to)).reduce((n, c) => n + c.count, 0),
    closures,
    closed: closures.reduce((n, c) => n + c.count, 0),
    movedOn: closures
      .filter((c) => MOVED_ON_OUTCOMES.some((o) => o === c.outcome))
      .reduce((n, c) => n + c.count, 0),
  }
}

/**
 * The cases open at the end of a period, as two index ranges that do not overlap: those still open,
 * and those closed since. Reading them apart never walks every case the centres ever opened.
 */
export const openAtEndParts = (end: string) => [
  sql<boolean>`cases.closed_at is null and ${openAtEndOf(end)}`,
  sql<boolean>`cases.closed_at >= ${end} and ${openAtEndOf(end)}`,
]

const round1 = (value: number): number => Math.round(value * 10) / 10

/**
 * Referrals on the waiting list when an instant came: put on it before then, and either still on
 * it or taken off it (accepted, declined or withdrawn) at or after that instant. Leaving the list
 * is the referral's last move, so its status change is when it left.
 */
export async function waitingListAt(
  db: Db,
  scope: StatisticsScope,
  at: string,
): Promise<{ waitlistedAt: string }[]> {
  const rows = await db
    .selectFrom('referrals')
    .select(['waitlisted_at', 'status_changed_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', 'in', scope.centreIds)
    .where('status', 'in', ['waitlisted', 'accepted', 'declined', 'withdrawn'])
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'waitlisted'),
          eb(eb.fn.coalesce('waitlisted_at', 'status_changed_at'), '<', at),
        ]),
        eb.and([
          eb('waitlisted_at', '<', at),
          eb('status_changed_at', '>=', at),
          eb('status', '!=', 'waitlisted'),
        ]),
      ]),
    )
    .execute()
  return rows.map((r) => ({ waitlistedAt: r.waitlisted_at ?? r.status_changed_at }))
}

/**
 * The families whose first session held (completed) fell in the period, with when they were
 * referred. Only cases open at some time in the period can have one: those still open and those
 * closed since it began, each read by an index range; each case's first session is then one step
 * along its own sessions' index.
 */
async function firstSessionsIn(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<{ receivedAt: string; firstOn: string }[]> {
  const read = (openInPeriod: RawBuilder<boolean>) =>
    db
      .selectFrom('cases')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select((eb) => [
        'referrals.received_at',
        eb
          .selectFrom('sessions')
          .select((s) => s.fn.min<string>('sessions.local_date').as('first'))
          .whereRef('sessions.case_id', '=', 'cases.id')
          .where('sessions.status', '=', 'completed')
          .as('first_on'),
      ])
      .where('cases.organisation_id', '=', scope.organisationId)
      .where('cases.centre_id', 'in', scope.centreIds)
      .where('cases.opened_at', '<', bounds.toInstant)
      .where(openInPeriod)
      .execute()
  const parts = [
    sql<boolean>`cases.closed_at is null`,
    sql<boolean>`cases.closed_at >= ${bounds.fromInstant}`,
  ]
  const rows = (await Promise.all(parts.map(read))).flat()
  return rows.flatMap((r) =>
    r.first_on !== null && r.first_on >= bounds.from && r.first_on <= bounds.to
      ? [{ receivedAt: r.received_at, firstOn: r.first_on }]
      : [],
  )
}

/**
 * Days from referral to the first session held, for every family whose first session was held in
 * the period, counted in the centre's calendar; and the waiting list on the last day.
 */
export async function countWaiting(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<WaitingFigures> {
  const [firsts, waiting] = await Promise.all([
    firstSessionsIn(db, scope, bounds),
    waitingListAt(db, scope, bounds.toInstant),
  ])
  const days = firsts.map((r) => daysBetween(localParts(r.receivedAt, scope.timeZone).date, r.firstOn))
  const waits = waiting.map((w) => daysBetween(localParts(w.waitlistedAt, scope.timeZone).date, bounds.to))
  return {
    firstSessions: days.length,
    medianDays: median(days),
    meanDays: days.length === 0 ? null : round1(days.reduce((a, b) => a + b, 0) / days.length),
    longestDays: days.length === 0 ? null : Math.max(...days),
    waitingAtEnd: waiting.length,
    longestWaitingDays: waits.length === 0 ? null : Math.max(...waits),
  }
}

/**
 * Reviews held in the period (on time when held on or before the day they were due), and open cases
 * whose review was overdue when the period ended. The due date in force then is read from the
 * reviews themselves, so a past period is counted as it stood, not as the case stands today.
 */
export async function countReviews(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<ReviewFigures> {
  const [held, open] = await Promise.all([
    db
      .selectFrom('case_reviews')
      .innerJoin('cases', 'cases.id', 'case_reviews.case_id')
      .select([
        sql<number | string>`count(*)`.as('held'),
        sql<
          number | string
        >`coalesce(sum(case when case_reviews.due_on is not null and case_reviews.held_on <= case_reviews.due_on then 1 else 0 end), 0)`.as(
          'on_time',
        ),
        sql<
          number | string
        >`coalesce(sum(case when case_reviews.held_on > case_reviews.due_on then 1 else 0 end), 0)`.as(
          'late',
        ),
      ])
      .where('case_reviews.organisation_id', '=', scope.organisationId)
      .where('case_reviews.held_on', '>=', bounds.from)
      .where('case_reviews.held_on', '<=', bounds.to)
      .where('cases.centre_id', 'in', scope.centreIds)
      .executeTakeFirst(),
    dueDatesAtEnd(db, scope, bounds),
  ])
  const count = Number(held?.held ?? 0)
  const onTime = Number(held?.on_time ?? 0)
  const late = Number(held?.late ?? 0)
  return {
    held: count,
    onTime,
    late,
    dueUnknown: count - onTime - late,
    overdueAtEnd: open.filter((due) => due !== null && due <= bounds.to).length,
  }
}

/**
 * The review due date of each case open at the end of the period, as it stood then: set by the last
 * review held by then, else the due date the next review found (its `due_on`), else the case's own.
 * Null when that later review's due date was never recorded.
 */
async function dueDatesAtEnd(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<(string | null)[]> {
  const read = (openAtEnd: ReturnType<typeof openAtEndOf>) =>
    db
      .selectFrom('cases')
      .select((eb) => {
        const reviews = () =>
          eb
            .selectFrom('case_reviews as r')
            .whereRef('r.case_id', '=', 'cases.id')
            .where('r.organisation_id', '=', scope.organisationId)
        const before = () => reviews().where('r.held_on', '<=', bounds.to).orderBy('r.held_on', 'desc')
        const after = () => reviews().where('r.held_on', '>', bounds.to).orderBy('r.held_on')
        return [
          'cases.review_due_on',
          before().orderBy('r.created_at', 'desc').select('r.next_review_due_on').limit(1).as('set_by_last'),
          after().orderBy('r.created_at').select('r.held_on').limit(1).as('next_held_on'),
          after().orderBy('r.created_at').select('r.due_on').limit(1).as('next_due_on'),
        ]
      })
      .where('cases.organisation_id', '=', scope.organisationId)
      .where('cases.centre_id', 'in', scope.centreIds)
      .where(openAtEnd)
      .execute()
  const rows = (await Promise.all(openAtEndParts(bounds.toInstant).map(read))).flat()
  return rows.map((r) => {
    if (r.set_by_last !== null) return r.set_by_last
    if (r.next_held_on !== null) return r.next_due_on
    return r.review_due_on
  })
}

/** Incidents that happened in the period, by category (the session day's words) and by severity. */
export async function countIncidents(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<IncidentFigures> {
  const rows = await db
    .selectFrom('incidents')
    .select(['category', 'severity', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', 'in', scope.centreIds)
    .where('occurred_at', '>=', bounds.fromInstant)
    .where('occurred_at', '<', bounds.toInstant)
    .groupBy(['category', 'severity'])
    .execute()
  const sum = (keep: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(keep).reduce((n, r) => n + Number(r.count), 0)
  const categories = [...new Set(rows.map((r) => r.category))].sort(inOrderOf(Object.keys(CATEGORY_WORDS)))
  const extraSeverities = [...new Set(rows.map((r) => r.severity))].filter(
    (s) => !SEVERITIES.some((k) => k === s),
  )
  return {
    total: sum(() => true),
    byCategory: categories.map((category) => ({
      category,
      label: wordFor<IncidentCategory>(CATEGORY_WORDS, category),
      count: sum((r) => r.category === category),
    })),
    bySeverity: [...SEVERITIES, ...extraSeverities.sort()].map((severity) => ({
      severity,
      count: sum((r) => r.severity === severity),
    })),
  }
}

/** Approved volunteer hours given in the period, in hours to one decimal place. */
export async function countVolunteering(
  db: Db,
  scope: StatisticsScope,
  bounds: PeriodBounds,
): Promise<VolunteeringFigures> {
  const approved = () =>
    db
      .selectFrom('volunteer_hours')
      .where('organisation_id', '=', scope.organisationId)
      .where('centre_id', 'in', scope.centreIds)
      .where('on_date', '>=', bounds.from)
      .where('on_date', '<=', bounds.to)
      .where('status', '=', 'approved')
  const [byKind, people] = await Promise.all([
    approved()
      .select(['kind', (eb) => eb.fn.sum<number | string>('minutes').as('minutes')])
      .groupBy('kind')
      .execute(),
    approved()
      .select((eb) => eb.fn.count<number | string>('volunteer_id').distinct().as('volunteers'))
      .executeTakeFirst(),
  ])
  const minutes = byKind.reduce((n, r) => n + Number(r.minutes), 0)
  return {
    hours: round1(minutes / 60),
    volunteersContributing: Number(people?.volunteers ?? 0),
    byKind: byKind
      .map((r) => ({ kind: r.kind, hours: round1(Number(r.minutes) / 60) }))
      .sort((a, b) => inOrderOf(HOURS_KINDS)(a.kind, b.kind)),
  }
}
