import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { MEASURE_DEFINITIONS } from './definitions'
import { countMeasures } from './measures'
import {
  countIncidents,
  countOutcomes,
  countReviews,
  countVolunteering,
  countWaiting,
} from './service-figures'
import { periodBounds, periodOf, statisticsScope } from './statistics-scope'
import type { Definition, ServiceReport, ServiceReportQuery } from './statistics.schemas'

/**
 * What each figure the service reports add to the shared measures means, keyed by its path in
 * `ServiceReport` (for example "reviews.onTime"). The counting in service-figures.ts and these words
 * must change together.
 */
export const SERVICE_DEFINITIONS: Definition[] = [
  // ---------- Outcomes ----------
  {
    figure: 'outcomes.levelChanges',
    term: 'Contact level changes',
    meaning:
      'Changes of a family’s contact level made during the period, by the level before and after. A change with no level before is the level the case opened at.',
  },
  {
    figure: 'outcomes.progressions',
    term: 'Steps down to less supervision',
    meaning:
      'Level changes made during the period that moved a family down the ladder of supervision: supervised or escorted contact, then supported contact, then handover, then indirect contact, then self-managed arrangements with no centre. A move up the ladder, the level a case opened at, and any move to or from video contact are not counted.',
  },
  {
    figure: 'outcomes.closures',
    term: 'Cases closed by outcome',
    meaning:
      'Cases closed during the period, by the date and time they were closed, under the outcome recorded when they closed. Only outcomes that happened are listed.',
  },
  {
    figure: 'outcomes.closed',
    term: 'Cases closed',
    meaning: 'All cases closed during the period, whatever the outcome.',
  },
  {
    figure: 'outcomes.movedOn',
    term: 'Families who moved on',
    meaning:
      'Cases closed during the period because the family moved on: to their own arrangements, to handovers in the community, or stepped down to supported contact elsewhere.',
  },

  // ---------- Waiting ----------
  {
    figure: 'waiting.firstSessions',
    term: 'Families whose first session was held',
    meaning:
      'Families whose first contact session was held (completed) during the period, whenever they were referred: a family referred last year whose first session was in this period counts here.',
  },
  {
    figure: 'waiting.medianDays',
    term: 'Median days from referral to first session',
    meaning:
      'For those families, the middle number of calendar days from the day the referral was received to the day of the first session held, in the centre’s calendar, to one decimal place. Empty when no first session was held.',
  },
  {
    figure: 'waiting.meanDays',
    term: 'Mean days from referral to first session',
    meaning: 'The average of the same days, to one decimal place. Empty when no first session was held.',
  },
  {
    figure: 'waiting.longestDays',
    term: 'Longest days from referral to first session',
    meaning: 'The longest of the same waits, in days. Empty when no first session was held.',
  },
  {
    figure: 'waiting.waitingAtEnd',
    term: 'On the waiting list at the end',
    meaning:
      'Referrals on the waiting list at midnight at the end of the last day of the period: put on it before then and not yet offered a place, declined or withdrawn by then.',
  },
  {
    figure: 'waiting.longestWaitingDays',
    term: 'Longest wait so far on the waiting list',
    meaning:
      'Of those, the most calendar days from the day a referral was put on the waiting list to the last day of the period. Empty when no one was waiting.',
  },

  // ---------- Reviews ----------
  {
    figure: 'reviews.held',
    term: 'Case reviews held',
    meaning: 'Reviews of a family’s case held during the period, by the day they were held.',
  },
  {
    figure: 'reviews.onTime',
    term: 'Reviews held on time',
    meaning: 'Reviews held on or before the day they were due.',
  },
  {
    figure: 'reviews.late',
    term: 'Reviews held late',
    meaning: 'Reviews held after the day they were due.',
  },
  {
    figure: 'reviews.dueUnknown',
    term: 'Reviews with no due date recorded',
    meaning:
      'Reviews held whose due date was not recorded (a case’s first review from before due dates were kept); they are neither on time nor late.',
  },
  {
    figure: 'reviews.overdueAtEnd',
    term: 'Reviews overdue at the end',
    meaning:
      'Cases open at the end of the last day of the period whose review was due on or before that day and had not been held by then. The due date is the one in force at the time, taken from the reviews held, so a past period shows what was overdue then.',
  },

  // ---------- Incidents ----------
  {
    figure: 'incidents.total',
    term: 'Incidents',
    meaning: 'Incidents recorded as happening during the period, by the date and time they happened.',
  },
  {
    figure: 'incidents.byCategory',
    term: 'Incidents by category',
    meaning: 'The same incidents by the category recorded; only categories that happened are listed.',
  },
  {
    figure: 'incidents.bySeverity',
    term: 'Incidents by severity',
    meaning: 'The same incidents by the severity recorded: low, moderate, serious and critical.',
  },

  // ---------- Volunteering ----------
  {
    figure: 'volunteering.hours',
    term: 'Volunteer hours',
    meaning:
      'Hours volunteers gave on days in the period that a coordinator approved, to one decimal place. Hours waiting for approval or declined are not counted.',
  },
  {
    figure: 'volunteering.volunteersContributing',
    term: 'Volunteers who gave hours',
    meaning: 'Volunteers with at least one approved entry of hours in the period, each counted once.',
  },
  {
    figure: 'volunteering.byKind',
    term: 'Volunteer hours by kind',
    meaning: 'The approved hours by what they were for: sessions, training, escorting or other.',
  },
]

/**
 * The commissioner's (service level agreement) report or the trustees' report for a period: the
 * shared measures, then outcomes, waiting times, reviews, incidents and volunteer hours, with what
 * each figure means. Both audiences get the same figures; only the title they are shown under
 * differs, so the board and the commissioner never read two versions of the same period.
 * A read from the command line is audited.
 * @throws AppError INVALID_INPUT for a period that ends before it starts or runs over ten years.
 * @throws AppError NOT_FOUND for a centre the caller may not see.
 */
export async function serviceReport(
  deps: Deps,
  actor: Actor,
  query: ServiceReportQuery,
): Promise<ServiceReport> {
  const { db } = deps
  const scope = await statisticsScope(db, actor, query.centreId)
  const bounds = periodBounds(query.from, query.to, scope.timeZone)
  const [measures, outcomes, waiting, reviews, incidents, volunteering] = await Promise.all([
    countMeasures(db, scope, bounds),
    countOutcomes(db, scope, bounds),
    countWaiting(db, scope, bounds),
    countReviews(db, scope, bounds),
    countIncidents(db, scope, bounds),
    countVolunteering(db, scope, bounds),
  ])
  if (actor.kind === 'cli')
    await auditAs(db, deps.clock, actor, {
      action: 'statistics.service-report.read',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { audience: query.audience, from: bounds.from, to: bounds.to, centreIds: scope.centreIds },
    })
  return {
    audience: query.audience,
    period: periodOf(bounds, scope.timeZone),
    centres: scope.centres.map((c) => ({ id: c.id, name: c.name })),
    measures,
    outcomes,
    waiting,
    reviews,
    incidents,
    volunteering,
    definitions: [...MEASURE_DEFINITIONS, ...SERVICE_DEFINITIONS],
  }
}
