// The returns' figures laid out in sections, each keyed as the API's definitions are ("sessions.booked"),
// so a figure can carry what it counts. The words follow the exported CSV and PDF, so the page and the
// file read the same.

import type { Definition, Measures, ServiceReport } from './statistics-types'
import { daysWords, formatCount, formatHours, percentWords } from './statistics-words'

export interface Figure {
  /** The figure's key in the definitions, e.g. "sessions.cancelled.late". */
  key: string
  label: string
  /** Empty for the heading of a breakdown. */
  value: string
  /** 0 for a figure, 1 for a part of the one above ("of which…"), 2 for a row of a breakdown. */
  depth: 0 | 1 | 2
  /** One row of a breakdown (a source, an outcome): its heading carries what the rows count. */
  isItem?: boolean
}

export interface FigureSection {
  /** Used for the section's test id: "referrals". */
  id: string
  title: string
  figures: Figure[]
}

export const count = (key: string, label: string, value: number, depth: Figure['depth'] = 0): Figure => ({
  key,
  label,
  value: formatCount(value),
  depth,
})

export const days = (value: number | null): string => (value === null ? '—' : daysWords(value))

/** A breakdown under its own heading, one indented row per item; nothing when there are no items. */
export function breakdown(key: string, heading: string, items: { label: string; value: string }[]): Figure[] {
  if (items.length === 0) return []
  return [
    { key, label: heading, value: '', depth: 1 },
    ...items.map((item) => ({ key, label: item.label, value: item.value, depth: 2 as const, isItem: true })),
  ]
}

export const counted = (items: { label: string; count: number }[]) =>
  items.map((item) => ({ label: item.label, value: formatCount(item.count) }))

/** What NACCC asks for: referrals, families, sessions and people, in the order of the return. */
export function measureSections(m: Measures): FigureSection[] {
  const { referrals: r, families: f, sessions: s, people: p } = m
  return [
    {
      id: 'referrals',
      title: 'Referrals',
      figures: [
        count('referrals.received', 'Referrals received', r.received),
        ...breakdown('referrals.bySource', 'By referral source', counted(r.bySource)),
        count('referrals.accepted', 'Accepted', r.accepted),
        count('referrals.declined', 'Declined', r.declined),
        count('referrals.waitlisted', 'Put on the waiting list', r.waitlisted),
        count('referrals.withdrawn', 'Withdrawn', r.withdrawn),
        count('referrals.waitingAtEnd', 'On the waiting list at the end of the period', r.waitingAtEnd),
      ],
    },
    {
      id: 'families',
      title: 'Families and children',
      figures: [
        count('families.served', 'Families seen (at least one session held)', f.served),
        count('families.children', 'Children of the families seen', f.children),
        count('families.newFamilies', 'New families (case opened in the period)', f.newFamilies),
        count('families.newChildren', 'Children of the new families', f.newChildren),
        count('families.activeAtEnd', 'Families with an open case at the end of the period', f.activeAtEnd),
        count('families.childrenAtEnd', 'Children of those families', f.childrenAtEnd),
      ],
    },
    {
      id: 'sessions',
      title: 'Sessions',
      figures: [
        count('sessions.available', 'Sessions available', s.available),
        count('sessions.booked', 'Sessions booked', s.booked),
        count('sessions.attended', 'Sessions attended', s.attended),
        {
          key: 'sessions.capacityUsedPercent',
          label: 'Capacity used (booked ÷ available)',
          value: percentWords(s.capacityUsedPercent),
          depth: 0,
        },
        count('sessions.cancelled.total', 'Sessions cancelled', s.cancelled.total),
        count('sessions.cancelled.byCentre', 'Cancelled by the centre', s.cancelled.byCentre, 1),
        count('sessions.cancelled.byResident', 'Cancelled by the resident parent', s.cancelled.byResident, 1),
        count(
          'sessions.cancelled.byNonResident',
          'Cancelled by the visiting parent',
          s.cancelled.byNonResident,
          1,
        ),
        count('sessions.cancelled.late', 'Cancelled late by a parent', s.cancelled.late, 1),
        count('sessions.noShows.sessions', 'Sessions not attended', s.noShows.sessions),
        count('sessions.noShows.resident', 'Times the resident parent did not come', s.noShows.resident, 1),
        count(
          'sessions.noShows.nonResident',
          'Times the visiting parent did not come',
          s.noShows.nonResident,
          1,
        ),
      ],
    },
    {
      id: 'people',
      title: 'Volunteers and staff',
      figures: [
        count('people.volunteers', 'Volunteers on the team at the end of the period', p.volunteers),
        count('people.staff', 'Staff (coordinators and administrators) at the end of the period', p.staff),
        count('people.volunteersJoined', 'Volunteers who joined', p.volunteersJoined),
        count('people.volunteersLeft', 'Volunteers who left', p.volunteersLeft),
      ],
    },
  ]
}

export interface DescribedFigure extends Figure {
  /** What the figure counts; the rows of a breakdown leave it to their heading. */
  definition?: Definition
}

/** Each figure with its definition from the report, where the report carries one. */
export function describeFigures(
  section: FigureSection,
  definitions: readonly Definition[],
): DescribedFigure[] {
  return section.figures.map((figure) => {
    const definition = figure.isItem ? undefined : definitions.find((d) => d.figure === figure.key)
    return definition ? { ...figure, definition } : figure
  })
}

export interface KeyFigure {
  label: string
  value: string
}

/** The few numbers people look for first, as large tiles above the tables. */
export function keyFigures(m: Measures, report?: ServiceReport): KeyFigure[] {
  const figures: KeyFigure[] = [
    { label: 'Referrals received', value: formatCount(m.referrals.received) },
    { label: 'Families seen', value: formatCount(m.families.served) },
    { label: 'Children seen', value: formatCount(m.families.children) },
    { label: 'Sessions attended', value: formatCount(m.sessions.attended) },
    { label: 'Capacity used', value: percentWords(m.sessions.capacityUsedPercent) },
  ]
  if (!report) return figures
  return [
    ...figures,
    { label: 'Median wait to a first session', value: days(report.waiting.medianDays) },
    { label: 'Cases closed', value: formatCount(report.outcomes.closed) },
    { label: 'Volunteer hours', value: formatHours(report.volunteering.hours) },
  ]
}
