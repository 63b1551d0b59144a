import type { ExportHeading } from './statistics-export'
import {
  CaseloadSchema,
  DashboardSchema,
  QuarterlyReturnSchema,
  ServiceReportSchema,
  type Caseload,
  type Dashboard,
  type Measures,
  type QuarterlyReturn,
  type ServiceReport,
} from './statistics.schemas'

// Reports shaped like the reference centre's (see centre-facts.md), for the export tests.

export const HEADING: ExportHeading = {
  organisationName: 'St Helier Family Hub',
  centreNames: ['St Helier Child Contact Centre'],
  generatedAt: new Date('2026-11-26T14:05:00Z'),
  timeZone: 'Europe/Jersey',
}

/** The reference centre's caseload (centre-facts.md): 39 children and 33 parents. */
export const CASELOAD: Caseload = CaseloadSchema.parse({
  on: '2026-11-26',
  bySource: [
    { source: 'court_adviser', label: 'Family court adviser (JFCAS)', children: 25, parents: 22 },
    { source: 'social_services', label: 'Social services', children: 5, parents: 4 },
    { source: 'self', label: 'Self-referral', children: 9, parents: 7 },
  ],
  total: { children: 39, parents: 33 },
})

export const MEASURES: Measures = {
  referrals: {
    received: 14,
    bySource: [
      { source: 'court_adviser', label: 'Family court adviser (JFCAS)', count: 9 },
      { source: 'self', label: 'Self-referral', count: 5 },
    ],
    accepted: 8,
    declined: 2,
    waitlisted: 3,
    withdrawn: 1,
    waitingAtEnd: 4,
  },
  families: { served: 20, children: 27, newFamilies: 6, newChildren: 8, activeAtEnd: 24, childrenAtEnd: 31 },
  sessions: {
    available: 1200,
    booked: 432,
    attended: 401,
    capacityUsedPercent: 36,
    cancelled: { total: 19, byCentre: 3, byResident: 9, byNonResident: 7, late: 5 },
    noShows: { sessions: 12, resident: 4, nonResident: 9 },
  },
  people: { volunteers: 13, staff: 2, volunteersJoined: 3, volunteersLeft: 5 },
}

export const PERIOD = {
  from: '2026-10-01',
  to: '2026-12-31',
  label: 'Q3 2026/27 (October to December 2026)',
  timeZone: 'Europe/Jersey',
}
export const CENTRES = [
  { id: '0195d1c2-0000-7000-8000-000000000001', name: 'St Helier Child Contact Centre' },
]
export const DEFINITIONS = [
  {
    figure: 'sessions.booked',
    term: 'Sessions booked',
    meaning: 'Family sessions booked, except those the centre called off.',
  },
  {
    figure: 'sessions.cancelled.late',
    term: 'Late cancellations',
    meaning: 'Cancelled by a parent with less notice than the centre asks for.',
  },
]

export const QUARTERLY: QuarterlyReturn = QuarterlyReturnSchema.parse({
  quarter: '2026-Q3',
  period: PERIOD,
  centres: CENTRES,
  measures: MEASURES,
  definitions: DEFINITIONS,
})

export const SERVICE: ServiceReport = ServiceReportSchema.parse({
  audience: 'commissioner',
  period: { ...PERIOD, label: '1 October 2026 to 31 December 2026' },
  centres: CENTRES,
  measures: { ...MEASURES, sessions: { ...MEASURES.sessions, available: 0, capacityUsedPercent: null } },
  outcomes: {
    levelChanges: [
      { from: 'supervised', to: 'supported', count: 2 },
      { from: null, to: 'handover', count: 1 },
    ],
    progressions: 2,
    closures: [
      { outcome: 'moved_on_own_arrangements', label: 'Moved on to their own arrangements', count: 3 },
      { outcome: 'parent_withdrew', label: 'A parent withdrew', count: 1 },
    ],
    closed: 4,
    movedOn: 3,
  },
  waiting: {
    firstSessions: 5,
    medianDays: 41.5,
    meanDays: 47.25,
    longestDays: 90,
    waitingAtEnd: 4,
    longestWaitingDays: null,
  },
  reviews: { held: 9, onTime: 6, late: 2, dueUnknown: 1, overdueAtEnd: 3 },
  incidents: {
    total: 3,
    byCategory: [{ category: 'aggression', label: 'Aggression or intimidation', count: 3 }],
    bySeverity: [
      { severity: 'low', count: 2 },
      { severity: 'serious', count: 1 },
    ],
  },
  volunteering: {
    hours: 312.5,
    volunteersContributing: 11,
    byKind: [
      { kind: 'session', hours: 280 },
      { kind: 'training', hours: 32.5 },
    ],
  },
  definitions: DEFINITIONS,
})

export const DASHBOARD: Dashboard = DashboardSchema.parse({
  period: {
    from: '2026-04-01',
    to: '2026-05-31',
    label: '1 April 2026 to 31 May 2026',
    timeZone: 'Europe/Jersey',
  },
  centres: CENTRES,
  months: ['2026-04', '2026-05'],
  sources: [
    { source: 'court_adviser', label: 'Family court adviser (JFCAS)' },
    { source: 'self', label: 'Self-referral' },
  ],
  referralsByMonth: [
    { month: '2026-04', bySource: { court_adviser: 3, self: 1 }, total: 4 },
    { month: '2026-05', bySource: { self: 2 }, total: 2 },
  ],
  childrenByAge: [
    { band: 'under_2', label: 'Under 2', children: 4 },
    { band: 'unknown', label: 'Age not known', children: 1 },
  ],
  sessionsByMonth: [
    { month: '2026-04', delivered: 30, cancelled: 4, notAttended: 2 },
    { month: '2026-05', delivered: 28, cancelled: 1, notAttended: 0 },
  ],
  capacityByMonth: [
    { month: '2026-04', available: 96, booked: 34 },
    { month: '2026-05', available: 80, booked: 29 },
  ],
  waitingByMonth: [
    { month: '2026-04', waiting: 5, medianWaitDays: 33 },
    { month: '2026-05', waiting: 4, medianWaitDays: null },
  ],
  outcomes: [{ outcome: 'moved_on_own_arrangements', label: 'Moved on to their own arrangements', count: 2 }],
  volunteerHoursByMonth: [
    { month: '2026-04', hours: 61.5 },
    { month: '2026-05', hours: 58 },
  ],
})
