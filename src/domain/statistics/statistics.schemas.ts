import { z } from 'zod'
import { LocalDateSchema } from '../referrals/parties.schemas'

/**
 * Statistics and returns: every figure is counted from work already recorded (referrals, cases,
 * sessions, the register, reviews, incidents, the rota and volunteer hours). Nothing here is typed
 * in by hand, and no figure names a person: only counts leave this module.
 */

const Count = z.number().int().min(0)

// ---------- Queries ----------

/** A centre the report covers; left out, every centre the caller may see. */
const CentreFilter = z.uuid().optional().describe('One centre; every centre you may see when left out')

export const CaseloadQuerySchema = z
  .object({
    on: LocalDateSchema.describe('The day counted, in the centre’s own calendar'),
    centreId: CentreFilter,
  })
  .strip()
export type CaseloadQuery = z.infer<typeof CaseloadQuerySchema>

/** NACCC quarters follow the April–March financial year: 2026-Q1 is April to June 2026. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/
export const QuarterQuerySchema = z
  .object({
    quarter: z
      .string()
      .regex(QUARTER_PATTERN, 'Enter a quarter as YYYY-Qn, for example 2026-Q3 (October to December 2026)')
      .describe('Financial year and quarter: 2026-Q1 is April–June 2026, 2026-Q4 is January–March 2027'),
    centreId: CentreFilter,
  })
  .strip()
export type QuarterQuery = z.infer<typeof QuarterQuerySchema>

export const PeriodQuerySchema = z
  .object({
    from: LocalDateSchema.describe('First day counted'),
    to: LocalDateSchema.describe('Last day counted'),
    centreId: CentreFilter,
  })
  .strip()
export type PeriodQuery = z.infer<typeof PeriodQuerySchema>

export const AUDIENCES = ['commissioner', 'trustees'] as const
export const AudienceSchema = z.enum(AUDIENCES)
export type Audience = z.infer<typeof AudienceSchema>

export const ServiceReportQuerySchema = PeriodQuerySchema.extend({
  audience: AudienceSchema.default('commissioner').describe(
    'commissioner: the service level agreement report; trustees: the same measures for the board',
  ),
}).strip()
export type ServiceReportQuery = z.infer<typeof ServiceReportQuerySchema>

// ---------- Shared parts ----------

export const PeriodSchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  /** "Q3 2026/27 (October to December 2026)" or "1 January to 31 March 2026". */
  label: z.string(),
  timeZone: z.string(),
})
export type Period = z.infer<typeof PeriodSchema>

export const CentreRefSchema = z.object({ id: z.string(), name: z.string() })

/** What a figure means, written down once and shipped with every return (NACCC asks for this). */
export const DefinitionSchema = z.object({
  /** The figure's key, e.g. "sessions.booked". */
  figure: z.string(),
  term: z.string(),
  meaning: z.string(),
})
export type Definition = z.infer<typeof DefinitionSchema>

const SourceCount = z.object({ source: z.string(), label: z.string(), count: Count })

// ---------- Caseload ----------

export const CaseloadSchema = z.object({
  on: LocalDateSchema,
  bySource: z.array(
    z.object({
      source: z.string().describe('The referral source’s code in the centre’s settings'),
      label: z.string(),
      children: Count,
      parents: Count.describe('Distinct visiting (non-resident) adults of those cases'),
    }),
  ),
  total: z.object({ children: Count, parents: Count }),
})
export type Caseload = z.infer<typeof CaseloadSchema>

// ---------- The measures shared by the quarterly return and the service reports ----------

export const ReferralFiguresSchema = z.object({
  received: Count,
  bySource: z.array(SourceCount),
  accepted: Count,
  declined: Count,
  waitlisted: Count,
  withdrawn: Count,
  /** On the waiting list at the end of the period. */
  waitingAtEnd: Count,
})

export const FamilyFiguresSchema = z.object({
  /** Families (cases) with at least one session held in the period. */
  served: Count,
  /** The children of those families. */
  children: Count,
  /** Families whose case opened in the period, and their children. */
  newFamilies: Count,
  newChildren: Count,
  /** Cases active on the last day of the period, and their children. */
  activeAtEnd: Count,
  childrenAtEnd: Count,
})

export const SessionFiguresSchema = z.object({
  /** Family places offered by the centre’s opening sessions in the period (closures taken out). */
  available: Count,
  /** Family sessions booked in the period, except those the centre itself called off. */
  booked: Count,
  /** Sessions held: at least one side came and the children spent the time with the visiting parent. */
  attended: Count,
  /** booked ÷ available, as a whole percentage; null when nothing was available. */
  capacityUsedPercent: z.number().int().nullable(),
  cancelled: z.object({
    total: Count,
    byCentre: Count,
    byResident: Count,
    byNonResident: Count,
    /** Cancelled by a parent with less notice than the centre asks for. */
    late: Count,
  }),
  noShows: z.object({
    /** Sessions recorded as not attended. */
    sessions: Count,
    /** Times each side did not come (a session can count on both). */
    resident: Count,
    nonResident: Count,
  }),
})

export const PeopleFiguresSchema = z.object({
  /** Volunteers on the team (cleared, in training, mentored, active or leaving) on the last day. */
  volunteers: Count,
  /** Staff with a desk role (coordinator or administrator) on the last day. */
  staff: Count,
  /** Volunteers who joined the team (started) in the period. */
  volunteersJoined: Count,
  volunteersLeft: Count,
})

export const MeasuresSchema = z.object({
  referrals: ReferralFiguresSchema,
  families: FamilyFiguresSchema,
  sessions: SessionFiguresSchema,
  people: PeopleFiguresSchema,
})
export type Measures = z.infer<typeof MeasuresSchema>

export const QuarterlyReturnSchema = z.object({
  quarter: z.string(),
  period: PeriodSchema,
  centres: z.array(CentreRefSchema),
  measures: MeasuresSchema,
  definitions: z.array(DefinitionSchema),
})
export type QuarterlyReturn = z.infer<typeof QuarterlyReturnSchema>

// ---------- Commissioner and trustees ----------

export const OutcomeFiguresSchema = z.object({
  /** Contact level changes made in the period, by direction. */
  levelChanges: z.array(z.object({ from: z.string().nullable(), to: z.string(), count: Count })),
  /** Step-downs (towards less supervision) among those. */
  progressions: Count,
  closures: z.array(z.object({ outcome: z.string(), label: z.string(), count: Count })),
  closed: Count,
  /** Closures counted as moving on (own arrangements, handover in the community, stepped down). */
  movedOn: Count,
})

export const WaitingFiguresSchema = z.object({
  /** Families whose first session was held in the period, with the days from referral to it. */
  firstSessions: Count,
  medianDays: z.number().nullable(),
  meanDays: z.number().nullable(),
  longestDays: z.number().int().nullable(),
  /** Referrals on the waiting list on the last day, and how long the longest has waited. */
  waitingAtEnd: Count,
  longestWaitingDays: z.number().int().nullable(),
})

export const ReviewFiguresSchema = z.object({
  /** Reviews held in the period. */
  held: Count,
  onTime: Count,
  late: Count,
  /** Held, but the due date was not recorded (first reviews from before due dates were kept). */
  dueUnknown: Count,
  /** Open cases whose review was due by the last day and not held. */
  overdueAtEnd: Count,
})

export const IncidentFiguresSchema = z.object({
  total: Count,
  byCategory: z.array(z.object({ category: z.string(), label: z.string(), count: Count })),
  bySeverity: z.array(z.object({ severity: z.string(), count: Count })),
})

export const VolunteeringFiguresSchema = z.object({
  /** Approved volunteer hours in the period, to one decimal place. */
  hours: z.number(),
  volunteersContributing: Count,
  byKind: z.array(z.object({ kind: z.string(), hours: z.number() })),
})

export const ServiceReportSchema = z.object({
  audience: AudienceSchema,
  period: PeriodSchema,
  centres: z.array(CentreRefSchema),
  measures: MeasuresSchema,
  outcomes: OutcomeFiguresSchema,
  waiting: WaitingFiguresSchema,
  reviews: ReviewFiguresSchema,
  incidents: IncidentFiguresSchema,
  volunteering: VolunteeringFiguresSchema,
  definitions: z.array(DefinitionSchema),
})
export type ServiceReport = z.infer<typeof ServiceReportSchema>

// ---------- Dashboard ----------

/** Months are "YYYY-MM" in the centre’s calendar, every month of the period in order. */
const Month = z.string().regex(/^\d{4}-\d{2}$/)

export const AGE_BANDS = ['under_2', '2_to_4', '5_to_7', '8_to_11', '12_and_over', 'unknown'] as const

export const DashboardSchema = z.object({
  period: PeriodSchema,
  centres: z.array(CentreRefSchema),
  months: z.array(Month),
  sources: z.array(z.object({ source: z.string(), label: z.string() })),
  /** One row per month; counts by source code. */
  referralsByMonth: z.array(z.object({ month: Month, bySource: z.record(z.string(), Count), total: Count })),
  /** Children in cases active on the last day, by age on that day. */
  childrenByAge: z.array(z.object({ band: z.enum(AGE_BANDS), label: z.string(), children: Count })),
  sessionsByMonth: z.array(
    z.object({ month: Month, delivered: Count, cancelled: Count, notAttended: Count }),
  ),
  capacityByMonth: z.array(z.object({ month: Month, available: Count, booked: Count })),
  /** Waiting list length on the month’s last day, and the median wait (days) of those who left it that month. */
  waitingByMonth: z.array(z.object({ month: Month, waiting: Count, medianWaitDays: z.number().nullable() })),
  outcomes: z.array(z.object({ outcome: z.string(), label: z.string(), count: Count })),
  volunteerHoursByMonth: z.array(z.object({ month: Month, hours: z.number() })),
})
export type Dashboard = z.infer<typeof DashboardSchema>

// ---------- Export documents ----------

/** A report laid out for CSV and PDF: titled tables and the definitions. */
export interface StatTable {
  title: string
  columns: string[]
  /**
   * Names of the columns for machines. A document of one such table is written to CSV as that table
   * alone, with these names as its header (the caseload's source,label,children,parents).
   */
  keys?: string[]
  rows: (string | number | null)[][]
  note?: string
  /**
   * How the PDF draws the table as a chart above it, a layout hint only (CSV ignores it): upright
   * columns a row (months), or level bars a row (bands, outcomes); `series` are the indexes of the
   * columns drawn, `stacked` piles them into one column a row instead of side by side.
   */
  chart?: { kind: 'columns' | 'bars'; series: number[]; stacked?: boolean }
}

export interface StatDocument {
  /** The file name without extension, e.g. "naccc-return-2026-Q3". */
  fileName: string
  title: string
  /** Organisation, centres, period, when it was made. */
  subtitle: string[]
  tables: StatTable[]
  definitions: Definition[]
}
