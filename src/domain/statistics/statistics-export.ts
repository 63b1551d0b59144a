import type { Actor } from '../access/actor'
import type { ContactLevel } from '../cases/cases.schemas'
import type { Deps } from '../context'
import { SEVERITY_WORDS } from '../session-day/incident.rules'
import { sayMoment } from '../shared/wording'
import type { HOURS_KINDS } from '../volunteers/volunteers.schemas'
import { statisticsScope, shortDay } from './statistics-scope'
import type {
  Audience,
  Caseload,
  Dashboard,
  Definition,
  Measures,
  Period,
  QuarterlyReturn,
  ServiceReport,
  StatDocument,
  StatTable,
} from './statistics.schemas'

// Every report laid out for export: titled tables in the centres' own words, and what each figure
// means. The same document becomes the CSV and the PDF, so the two never disagree. Counts only:
// nothing here can hold a person's name.

/** Who the export is for and when it was made: the lines under the title. */
export interface ExportHeading {
  organisationName: string
  /** The centres the figures cover, by name. */
  centreNames: string[]
  generatedAt: Date
  /** The calendar the time it was made is told in (the centres' own). */
  timeZone: string
}

/**
 * The heading of an export for this actor: the organisation, the centres it covers and now.
 * @throws AppError NOT_FOUND for a centre the actor may not see.
 */
export async function exportHeading(deps: Deps, actor: Actor, centreId?: string): Promise<ExportHeading> {
  const scope = await statisticsScope(deps.db, actor, centreId)
  return {
    organisationName: scope.organisationName,
    centreNames: scope.centres.map((c) => c.name),
    generatedAt: deps.clock.now(),
    timeZone: scope.timeZone,
  }
}

/** More centres than this are counted, not listed, under the title. */
const CENTRES_LISTED = 8

function subtitle(heading: ExportHeading, ...lines: string[]): string[] {
  const names = heading.centreNames
  const centres =
    names.length > CENTRES_LISTED
      ? `Centres: ${names.length} centres`
      : `${names.length === 1 ? 'Centre' : 'Centres'}: ${names.join(', ')}`
  return [
    `Organisation: ${heading.organisationName}`,
    centres,
    ...lines,
    `Made: ${sayMoment(heading.generatedAt.toISOString(), heading.timeZone)}`,
  ]
}

/** "April 2026" for "2026-04". */
export const monthLabel = (month: string): string => shortDay(`${month}-01`).replace(/^1 /, '')

/** One figure of a return: its key in the report (as its definition names it), words, value. */
type Figure = [figure: string, label: string, value: number | null]

/** The unit a figure is counted in, when its name does not already say it. */
function withUnit(figure: string, label: string): string {
  if (figure.endsWith('Percent') && !label.includes('%')) return `${label} (%)`
  if (figure.endsWith('Days') && !/\bdays?\b/i.test(label)) return `${label} (days)`
  return label
}

/**
 * A table of figures, each named by the term its definition gives it (so the table and the
 * definitions at the end use the same words), or by these words when the report defines none.
 */
function figureTable(title: string, figures: Figure[], definitions: Definition[]): StatTable {
  const terms = new Map(definitions.map((d) => [d.figure, d.term]))
  return {
    title,
    columns: ['Measure', 'Number'],
    rows: figures.map(([figure, label, value]) => [withUnit(figure, terms.get(figure) ?? label), value]),
  }
}

const periodLine = (period: Period): string => `Period: ${period.label}`

// ---------- Caseload ----------

const CASELOAD_DEFINITIONS: Definition[] = [
  {
    figure: 'caseload.children',
    term: 'Children',
    meaning:
      'The children of every case open at the end of the day, by the source of the referral that opened it.',
  },
  {
    figure: 'caseload.parents',
    term: 'Parents',
    meaning:
      'The distinct visiting (non-resident) parents of those cases. A parent with families from more than one source counts once in the total.',
  },
]

/** The caseload by referral source: one table with a total row. */
export function caseloadDocument(caseload: Caseload, heading: ExportHeading): StatDocument {
  const table: StatTable = {
    title: 'Children and parents with an open case, by referral source',
    columns: ['Code', 'Referral source', 'Children', 'Parents'],
    keys: ['source', 'label', 'children', 'parents'],
    rows: [
      ...caseload.bySource.map((s) => [s.source, s.label, s.children, s.parents]),
      ['', 'Total', caseload.total.children, caseload.total.parents],
    ],
    note: 'A parent with families from two sources is counted under each, and once in the total.',
  }
  return {
    fileName: `caseload-${caseload.on}`,
    title: 'Caseload by referral source',
    subtitle: subtitle(heading, `Day: ${shortDay(caseload.on)} (cases open at the end of the day)`),
    tables: [table],
    definitions: CASELOAD_DEFINITIONS,
  }
}

// ---------- The measures of the quarterly return and the service reports ----------

/** The measures every return shares, as tables in the order of the NACCC questions. */
export function measureTables(measures: Measures, definitions: Definition[]): StatTable[] {
  const { referrals, families, sessions, people } = measures
  const { cancelled, noShows } = sessions
  return [
    figureTable(
      'Referrals',
      [
        ['referrals.received', 'Referrals received', referrals.received],
        ['referrals.accepted', 'Accepted', referrals.accepted],
        ['referrals.declined', 'Declined', referrals.declined],
        ['referrals.waitlisted', 'Put on the waiting list', referrals.waitlisted],
        ['referrals.withdrawn', 'Withdrawn', referrals.withdrawn],
        ['referrals.waitingAtEnd', 'On the waiting list at the end of the period', referrals.waitingAtEnd],
      ],
      definitions,
    ),
    {
      title: 'Referrals received by source',
      columns: ['Referral source', 'Referrals'],
      rows: referrals.bySource.map((s) => [s.label, s.count]),
    },
    figureTable(
      'Families and children',
      [
        ['families.served', 'Families seen (at least one session held)', families.served],
        ['families.children', 'Children of the families seen', families.children],
        ['families.newFamilies', 'New families (case opened in the period)', families.newFamilies],
        ['families.newChildren', 'Children of the new families', families.newChildren],
        ['families.activeAtEnd', 'Families with an open case at the end of the period', families.activeAtEnd],
        ['families.childrenAtEnd', 'Children of those families', families.childrenAtEnd],
      ],
      definitions,
    ),
    figureTable(
      'Sessions',
      [
        ['sessions.available', 'Sessions available', sessions.available],
        ['sessions.booked', 'Sessions booked', sessions.booked],
        ['sessions.attended', 'Sessions attended', sessions.attended],
        ['sessions.capacityUsedPercent', 'Capacity used', sessions.capacityUsedPercent],
      ],
      definitions,
    ),
    figureTable(
      'Cancellations and no-shows',
      [
        ['sessions.cancelled.total', 'Sessions cancelled', cancelled.total],
        ['sessions.cancelled.byCentre', 'Cancelled by the centre', cancelled.byCentre],
        ['sessions.cancelled.byResident', 'Cancelled by the resident parent', cancelled.byResident],
        ['sessions.cancelled.byNonResident', 'Cancelled by the visiting parent', cancelled.byNonResident],
        ['sessions.cancelled.late', 'Cancelled late by a parent', cancelled.late],
        ['sessions.noShows.sessions', 'Sessions not attended', noShows.sessions],
        ['sessions.noShows.resident', 'Times the resident parent did not come', noShows.resident],
        ['sessions.noShows.nonResident', 'Times the visiting parent did not come', noShows.nonResident],
      ],
      definitions,
    ),
    figureTable(
      'Volunteers and staff',
      [
        ['people.volunteers', 'Volunteers on the team at the end of the period', people.volunteers],
        ['people.staff', 'Staff (coordinators and administrators) at the end of the period', people.staff],
        ['people.volunteersJoined', 'Volunteers who joined', people.volunteersJoined],
        ['people.volunteersLeft', 'Volunteers who left', people.volunteersLeft],
      ],
      definitions,
    ),
  ]
}

/** The NACCC quarterly return, ready to copy into the national survey. */
export function quarterlyReturnDocument(report: QuarterlyReturn, heading: ExportHeading): StatDocument {
  return {
    fileName: `naccc-return-${report.quarter}`,
    title: 'NACCC quarterly return',
    subtitle: subtitle(heading, periodLine(report.period)),
    tables: measureTables(report.measures, report.definitions),
    definitions: report.definitions,
  }
}

// ---------- Commissioner and trustees ----------

const LEVEL_WORDS: Record<ContactLevel, string> = {
  supervised: 'Supervised contact',
  supported: 'Supported contact',
  handover: 'Handover',
  indirect: 'Indirect contact',
  escorted: 'Escorted contact',
  virtual: 'Video contact',
  self_managed: 'Self-managed (no centre)',
}
/** A code in words, or the code itself when it has none (a value added after this was written). */
const wordsFor = (words: Partial<Record<string, string>>, code: string): string => words[code] ?? code
const levelWords = (level: string): string => wordsFor(LEVEL_WORDS, level).toLowerCase()
/** "From supervised contact to supported contact"; "Set to ..." when there was no level before. */
const levelChange = (from: string | null, to: string): string =>
  from === null ? `Set to ${levelWords(to)}` : `From ${levelWords(from)} to ${levelWords(to)}`

const HOURS_WORDS: Record<(typeof HOURS_KINDS)[number], string> = {
  session: 'Sessions',
  training: 'Training',
  escort: 'Escorting',
  other: 'Other',
}

const AUDIENCE_WORDS: Record<Audience, { title: string; line: string; file: string }> = {
  commissioner: {
    title: 'Service level agreement report',
    line: 'For: the commissioner',
    file: 'service-report',
  },
  trustees: { title: 'Trustees’ report', line: 'For: the trustees', file: 'trustees-report' },
}

function outcomeTables(report: ServiceReport): StatTable[] {
  const { outcomes, waiting, reviews, definitions } = report
  return [
    figureTable(
      'Outcomes',
      [
        ['outcomes.closed', 'Cases closed', outcomes.closed],
        ['outcomes.movedOn', 'Families who moved on', outcomes.movedOn],
        ['outcomes.progressions', 'Steps down to less supervision', outcomes.progressions],
      ],
      definitions,
    ),
    {
      title: 'Cases closed by outcome',
      columns: ['Outcome', 'Cases closed'],
      rows: outcomes.closures.map((c) => [c.label, c.count]),
    },
    {
      title: 'Contact level changes',
      columns: ['Change', 'Cases'],
      rows: outcomes.levelChanges.map((c) => [levelChange(c.from, c.to), c.count]),
    },
    figureTable(
      'Waiting times',
      [
        ['waiting.firstSessions', 'Families whose first session was held', waiting.firstSessions],
        ['waiting.medianDays', 'Median days from referral to first session', waiting.medianDays],
        ['waiting.meanDays', 'Mean days from referral to first session', waiting.meanDays],
        ['waiting.longestDays', 'Longest days from referral to first session', waiting.longestDays],
        [
          'waiting.waitingAtEnd',
          'Referrals on the waiting list at the end of the period',
          waiting.waitingAtEnd,
        ],
        ['waiting.longestWaitingDays', 'Longest wait so far on the waiting list', waiting.longestWaitingDays],
      ],
      definitions,
    ),
    figureTable(
      'Case reviews',
      [
        ['reviews.held', 'Reviews held', reviews.held],
        ['reviews.onTime', 'Held on time', reviews.onTime],
        ['reviews.late', 'Held late', reviews.late],
        ['reviews.dueUnknown', 'Held, due date not recorded', reviews.dueUnknown],
        ['reviews.overdueAtEnd', 'Reviews overdue at the end of the period', reviews.overdueAtEnd],
      ],
      definitions,
    ),
  ]
}

function incidentAndVolunteeringTables(report: ServiceReport): StatTable[] {
  const { incidents, volunteering } = report
  return [
    {
      title: 'Incidents by category',
      columns: ['Category', 'Incidents'],
      rows: [...incidents.byCategory.map((c) => [c.label, c.count]), ['Total', incidents.total]],
    },
    {
      title: 'Incidents by severity',
      columns: ['Severity', 'Incidents'],
      rows: incidents.bySeverity.map((s) => [wordsFor(SEVERITY_WORDS, s.severity), s.count]),
    },
    figureTable(
      'Volunteering',
      [
        ['volunteering.hours', 'Approved volunteer hours', volunteering.hours],
        [
          'volunteering.volunteersContributing',
          'Volunteers who gave hours',
          volunteering.volunteersContributing,
        ],
      ],
      report.definitions,
    ),
    {
      title: 'Volunteer hours by kind',
      columns: ['Kind', 'Hours'],
      rows: volunteering.byKind.map((k) => [wordsFor(HOURS_WORDS, k.kind), k.hours]),
    },
  ]
}

/** The commissioner's (service level agreement) or the trustees' report. */
export function serviceReportDocument(report: ServiceReport, heading: ExportHeading): StatDocument {
  const words = AUDIENCE_WORDS[report.audience]
  return {
    fileName: `${words.file}-${report.period.from}-to-${report.period.to}`,
    title: words.title,
    subtitle: subtitle(heading, words.line, periodLine(report.period)),
    tables: [
      ...measureTables(report.measures, report.definitions),
      ...outcomeTables(report),
      ...incidentAndVolunteeringTables(report),
    ],
    definitions: report.definitions,
  }
}

// ---------- Dashboard ----------

const DASHBOARD_DEFINITIONS: Definition[] = [
  {
    figure: 'dashboard.referrals',
    term: 'Referrals',
    meaning:
      'Referrals received in the month, by the source the centre recorded; duplicates merged into another are left out.',
  },
  {
    figure: 'dashboard.children_by_age',
    term: 'Children by age',
    meaning: 'Children of the cases open on the last day of the period, by their age on that day.',
  },
  {
    figure: 'dashboard.sessions',
    term: 'Delivered, cancelled, not attended',
    meaning:
      'Sessions of the month that were held, that were cancelled, and that were recorded as not attended.',
  },
  {
    figure: 'dashboard.capacity',
    term: 'Available and booked',
    meaning:
      'Family places the opening sessions offered in the month (closures taken out), and the sessions booked in them, except those the centre called off.',
  },
  {
    figure: 'dashboard.waiting',
    term: 'Waiting list',
    meaning:
      'Referrals on the waiting list on the month’s last day, and the median days waited by those who left it that month.',
  },
  {
    figure: 'dashboard.volunteer_hours',
    term: 'Volunteer hours',
    meaning: 'Approved volunteer hours given in the month.',
  },
]

function monthTables(dashboard: Dashboard): StatTable[] {
  return [
    {
      title: 'Sessions by month',
      columns: ['Month', 'Delivered', 'Cancelled', 'Not attended'],
      rows: dashboard.sessionsByMonth.map((m) => [
        monthLabel(m.month),
        m.delivered,
        m.cancelled,
        m.notAttended,
      ]),
      chart: { kind: 'columns', series: [1, 2, 3] },
    },
    {
      title: 'Capacity by month',
      columns: ['Month', 'Available', 'Booked'],
      rows: dashboard.capacityByMonth.map((m) => [monthLabel(m.month), m.available, m.booked]),
      chart: { kind: 'columns', series: [1, 2] },
    },
    {
      title: 'Waiting list by month',
      columns: ['Month', 'Waiting at the month’s end', 'Median wait (days)'],
      rows: dashboard.waitingByMonth.map((m) => [monthLabel(m.month), m.waiting, m.medianWaitDays]),
      chart: { kind: 'columns', series: [1] },
    },
    {
      title: 'Volunteer hours by month',
      columns: ['Month', 'Hours'],
      rows: dashboard.volunteerHoursByMonth.map((m) => [monthLabel(m.month), m.hours]),
      chart: { kind: 'columns', series: [1] },
    },
  ]
}

/** The dashboard's figures, each chart as the table behind it. */
export function dashboardDocument(dashboard: Dashboard, heading: ExportHeading): StatDocument {
  const { sources, period } = dashboard
  return {
    fileName: `dashboard-${period.from}-to-${period.to}`,
    title: 'Dashboard figures',
    subtitle: subtitle(heading, periodLine(period)),
    tables: [
      {
        title: 'Referrals by month and source',
        columns: ['Month', ...sources.map((s) => s.label), 'Total'],
        rows: dashboard.referralsByMonth.map((m) => [
          monthLabel(m.month),
          ...sources.map((s) => m.bySource[s.source] ?? 0),
          m.total,
        ]),
        // The sources piled up a month; the total is the height of the pile.
        chart: { kind: 'columns', series: sources.map((_, i) => i + 1), stacked: true },
      },
      {
        title: 'Children by age band',
        columns: ['Age', 'Children'],
        rows: dashboard.childrenByAge.map((b) => [b.label, b.children]),
        chart: { kind: 'bars', series: [1] },
      },
      ...monthTables(dashboard),
      {
        title: 'Cases closed by outcome',
        columns: ['Outcome', 'Cases closed'],
        rows: dashboard.outcomes.map((o) => [o.label, o.count]),
        chart: { kind: 'bars', series: [1] },
      },
    ],
    definitions: DASHBOARD_DEFINITIONS,
  }
}
