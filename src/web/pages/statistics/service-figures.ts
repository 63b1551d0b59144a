// The commissioners' and trustees' sections beyond the shared measures, in the words of the exports.

import { SEVERITY_LABELS } from '../incidents/incident-words'
import { LEVEL_LABELS } from '../referrals/labels'
import { KIND_LABELS } from '../volunteer-hours/hours-queries'
import { breakdown, count, counted, days, type FigureSection } from './report-figures'
import type { ServiceReport } from './statistics-types'
import { formatCount, formatHours } from './statistics-words'

const wordsFor = (words: Record<string, string>, code: string): string => words[code] ?? code

/** "From supervised contact to supported contact"; "Set to handover" when there was no level before. */
function levelChange(from: string | null, to: string): string {
  const level = (code: string) => wordsFor(LEVEL_LABELS, code).toLowerCase()
  return from === null ? `Set to ${level(to)}` : `From ${level(from)} to ${level(to)}`
}

function outcomeSections(report: ServiceReport): FigureSection[] {
  const { outcomes: o, waiting: w, reviews: r } = report
  return [
    {
      id: 'outcomes',
      title: 'Outcomes',
      figures: [
        count('outcomes.closed', 'Cases closed', o.closed),
        ...breakdown('outcomes.closures', 'By outcome', counted(o.closures)),
        count('outcomes.movedOn', 'Families who moved on', o.movedOn),
        count('outcomes.progressions', 'Steps down to less supervision', o.progressions),
        ...breakdown(
          'outcomes.levelChanges',
          'Contact level changes',
          o.levelChanges.map((c) => ({ label: levelChange(c.from, c.to), value: formatCount(c.count) })),
        ),
      ],
    },
    {
      id: 'waiting',
      title: 'Waiting times',
      figures: [
        count('waiting.firstSessions', 'Families whose first session was held', w.firstSessions),
        {
          key: 'waiting.medianDays',
          label: 'Median wait, referral to first session',
          value: days(w.medianDays),
          depth: 0,
        },
        {
          key: 'waiting.meanDays',
          label: 'Mean wait, referral to first session',
          value: days(w.meanDays),
          depth: 0,
        },
        {
          key: 'waiting.longestDays',
          label: 'Longest wait, referral to first session',
          value: days(w.longestDays),
          depth: 0,
        },
        count('waiting.waitingAtEnd', 'On the waiting list at the end of the period', w.waitingAtEnd),
        {
          key: 'waiting.longestWaitingDays',
          label: 'Longest wait so far on the waiting list',
          value: days(w.longestWaitingDays),
          depth: 0,
        },
      ],
    },
    {
      id: 'reviews',
      title: 'Case reviews',
      figures: [
        count('reviews.held', 'Reviews held', r.held),
        count('reviews.onTime', 'Held on time', r.onTime, 1),
        count('reviews.late', 'Held late', r.late, 1),
        count('reviews.dueUnknown', 'Held, due date not recorded', r.dueUnknown, 1),
        count('reviews.overdueAtEnd', 'Reviews overdue at the end of the period', r.overdueAtEnd),
      ],
    },
  ]
}

/** The commissioners' and trustees' sections beyond the measures: outcomes, waiting, reviews, incidents, hours. */
export function serviceSections(report: ServiceReport): FigureSection[] {
  const { incidents: i, volunteering: v } = report
  return [
    ...outcomeSections(report),
    {
      id: 'incidents',
      title: 'Incidents',
      figures: [
        count('incidents.total', 'Incidents recorded', i.total),
        ...breakdown('incidents.byCategory', 'By category', counted(i.byCategory)),
        ...breakdown(
          'incidents.bySeverity',
          'By severity',
          i.bySeverity.map((s) => ({
            label: wordsFor(SEVERITY_LABELS, s.severity),
            value: formatCount(s.count),
          })),
        ),
      ],
    },
    {
      id: 'volunteering',
      title: 'Volunteer hours',
      figures: [
        {
          key: 'volunteering.hours',
          label: 'Approved volunteer hours',
          value: formatHours(v.hours),
          depth: 0,
        },
        ...breakdown(
          'volunteering.byKind',
          'By kind',
          v.byKind.map((k) => ({ label: wordsFor(KIND_LABELS, k.kind), value: formatHours(k.hours) })),
        ),
        count('volunteering.volunteersContributing', 'Volunteers who gave hours', v.volunteersContributing),
      ],
    },
  ]
}
