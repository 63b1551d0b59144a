import { z } from 'zod'
import { LocalDateSchema } from '../referrals/parties.schemas'
import { LocalTimeSchema } from '../scheduling/scheduling.schemas'

const Text = (max: number) => z.string().trim().min(1).max(max)
const OptionalText = (max: number) => z.string().trim().max(max).nullable().default(null)

// ---------- Words of the domain ----------

/**
 * The recruitment pipeline (domain rules 4.6, centre facts): each volunteer is at one stage, and every
 * move is kept with who made it and when.
 */
export const VOLUNTEER_STAGES = [
  'enquiry',
  'role_meeting',
  'application',
  'references',
  'dbs_applied',
  'cleared',
  'training',
  'mentored',
  'active',
  'leaving',
  'left',
  'withdrawn',
] as const
export const VolunteerStageSchema = z.enum(VOLUNTEER_STAGES)
export type VolunteerStage = z.infer<typeof VolunteerStageSchema>

/** Jobs on a shift (domain rules 3.22, 9.3). Floor and reception need no more than being rosterable. */
export const DUTIES = ['team_leader', 'supervisor', 'escort', 'reception', 'floor'] as const
export const DutySchema = z.enum(DUTIES)
export type Duty = z.infer<typeof DutySchema>

export const REQUIREMENT_KINDS = ['dbs', 'training', 'qualification', 'checklist', 'policies'] as const
export const RequirementKindSchema = z.enum(REQUIREMENT_KINDS)
export type RequirementKind = z.infer<typeof RequirementKindSchema>

/** What a requirement gates: '*' every shift, or the duties named. Empty gates nothing. */
export const GateSchema = z.union([z.literal('*'), DutySchema])
export type Gate = z.infer<typeof GateSchema>

/**
 * Where a volunteer stands on one requirement, as of a date.
 * - ok, expiring (inside the alert window), renewal (a renewal is in flight), due (not done, deadline ahead):
 *   none of these blocks.
 * - expired, overdue (deadline after starting passed), missing (needed before starting): these block
 *   rostering to what the requirement gates.
 * - optional: not done and not mandatory.
 */
export const REQUIREMENT_STATUSES = [
  'ok',
  'expiring',
  'renewal',
  'due',
  'expired',
  'overdue',
  'missing',
  'optional',
] as const
export const RequirementStatusSchema = z.enum(REQUIREMENT_STATUSES)
export type RequirementStatus = z.infer<typeof RequirementStatusSchema>

export const DBS_LEVELS = ['enhanced_barred', 'enhanced', 'standard', 'basic'] as const
export const DbsLevelSchema = z.enum(DBS_LEVELS)

// ---------- Settings ----------

export const StaffingSchema = z.object({
  teamLeaders: z.number().int().min(0).max(5),
  floor: z.number().int().min(0).max(30),
  reception: z.number().int().min(0).max(5),
})
export type Staffing = z.infer<typeof StaffingSchema>

/** Every number here is a setting with the documented default (domain rules 5.4, 5.5, 9.3). */
export const VolunteeringSettingsSchema = z.object({
  /** Days before an expiry that the volunteer and the coordinator are told. */
  alertDays: z.array(z.number().int().min(1).max(365)).min(1).max(6).default([60, 30, 7]),
  /** R-REC-1: references needed before the DBS check is applied for. */
  referencesRequired: z.number().int().min(0).max(5).default(2),
  /** The mentored first year (centre facts): months a new volunteer works beside their mentor. */
  mentoringMonths: z.number().int().min(0).max(24).default(12),
  /** Minimum age of a volunteer (domain rules 3.20). */
  minimumAge: z.number().int().min(16).max(25).default(18),
  /** R-STF-3: people on duty at each opening, unless the opening says otherwise. */
  staffing: StaffingSchema.default({ teamLeaders: 1, floor: 1, reception: 0 }),
  /** Escorts needed for each escorted visit. */
  escortsPerVisit: z.number().int().min(1).max(3).default(1),
  /** Shifts a month a volunteer is asked for at most, unless they say otherwise (domain rules 9.3). */
  maxShiftsPerMonth: z.number().int().min(1).max(31).default(2),
  /** Days a volunteer has to read a new version of a policy before it blocks. */
  policyGraceDays: z.number().int().min(0).max(180).default(30),
  /** The team the centre aims for (centre facts: 18), unless a centre sets its own. */
  targetHeadcount: z.number().int().min(0).max(500).default(18),
  /** Pence per mile paid for escorted journeys. */
  mileagePencePerMile: z.number().int().min(0).max(200).default(45),
})
export type VolunteeringSettings = z.infer<typeof VolunteeringSettingsSchema>
export const UpdateVolunteeringSettingsSchema = z
  .object({
    alertDays: z.array(z.number().int().min(1).max(365)).min(1).max(6),
    referencesRequired: z.number().int().min(0).max(5),
    mentoringMonths: z.number().int().min(0).max(24),
    minimumAge: z.number().int().min(16).max(25),
    staffing: StaffingSchema,
    escortsPerVisit: z.number().int().min(1).max(3),
    maxShiftsPerMonth: z.number().int().min(1).max(31),
    policyGraceDays: z.number().int().min(0).max(180),
    targetHeadcount: z.number().int().min(0).max(500),
    mileagePencePerMile: z.number().int().min(0).max(200),
  })
  .partial()
  .strip()

// ---------- Volunteers ----------

export const AvailabilityWindowSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday'),
    from: LocalTimeSchema,
    to: LocalTimeSchema,
  })
  .refine((w) => w.to > w.from, { message: 'The window ends after it starts', path: ['to'] })
export type AvailabilityWindow = z.infer<typeof AvailabilityWindowSchema>

export const CreateVolunteerSchema = z
  .object({
    centreId: z.uuid(),
    fullName: Text(200),
    email: z.email().max(320).nullable().default(null),
    phone: OptionalText(40),
    dateOfBirth: LocalDateSchema.nullable().default(null),
    notes: OptionalText(2000),
  })
  .strip()
export type CreateVolunteerInput = z.infer<typeof CreateVolunteerSchema>

export const UpdateVolunteerSchema = z
  .object({
    version: z.number().int().min(1),
    fullName: Text(200),
    email: z.email().max(320).nullable(),
    phone: z.string().trim().max(40).nullable(),
    dateOfBirth: LocalDateSchema.nullable(),
    notes: z.string().trim().max(2000).nullable(),
    duties: z.array(DutySchema).max(DUTIES.length),
    mentorId: z.uuid().nullable(),
    referencesReceived: z.number().int().min(0).max(5),
    maxShiftsPerMonth: z.number().int().min(1).max(31).nullable(),
    userId: z.uuid().nullable(),
  })
  .partial()
  .required({ version: true })
  .strip()
export type UpdateVolunteerInput = z.infer<typeof UpdateVolunteerSchema>

export const MoveStageSchema = z
  .object({
    version: z.number().int().min(1),
    to: VolunteerStageSchema,
    reason: OptionalText(1000),
    /** For leaving: the planned last day. */
    plannedEndOn: LocalDateSchema.nullable().default(null),
    /** For mentored: who mentors them. */
    mentorId: z.uuid().nullable().default(null),
    /** For active before the mentored year is out: the coordinator signs it off with a reason. */
    signOffEarly: z.boolean().default(false),
  })
  .strip()
export type MoveStageInput = z.infer<typeof MoveStageSchema>

export const RequirementStateSchema = z.object({
  requirementId: z.string(),
  code: z.string(),
  title: z.string(),
  kind: RequirementKindSchema,
  status: RequirementStatusSchema,
  blocks: z.boolean().describe('True when it stops the volunteer being rostered to what it gates'),
  gates: z.array(GateSchema),
  completedOn: LocalDateSchema.nullable(),
  expiresOn: LocalDateSchema.nullable(),
  dueOn: LocalDateSchema.nullable().describe('When it must be done by, for one not yet done'),
  renewalStartedOn: LocalDateSchema.nullable(),
  detail: z.string().describe('The status in a sentence, e.g. "Expired on 3 Oct 2026"'),
})
export type RequirementState = z.infer<typeof RequirementStateSchema>

export const VolunteerSummarySchema = z.object({
  id: z.string(),
  centreId: z.string(),
  fullName: z.string(),
  stage: VolunteerStageSchema,
  stageChangedAt: z.string(),
  duties: z.array(DutySchema),
  mentorId: z.string().nullable(),
  mentorName: z.string().nullable(),
  startedOn: LocalDateSchema.nullable(),
  mentoringUntil: LocalDateSchema.nullable(),
  plannedEndOn: LocalDateSchema.nullable(),
  rosterable: z.boolean().describe('At a stage that can be rostered and with nothing blocking every shift'),
  blockers: z.array(z.string()).describe('Why they cannot be rostered today, in sentences'),
  hasSignIn: z.boolean(),
})
export type VolunteerSummary = z.infer<typeof VolunteerSummarySchema>

export const VolunteerListSchema = z.object({ volunteers: z.array(VolunteerSummarySchema) })

export const StageMoveSchema = z.object({
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
})

export const VolunteerFileSchema = VolunteerSummarySchema.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dateOfBirth: LocalDateSchema.nullable(),
  notes: z.string().nullable(),
  referencesReceived: z.number(),
  referencesRequired: z.number(),
  maxShiftsPerMonth: z.number().nullable(),
  leftOn: LocalDateSchema.nullable(),
  userId: z.string().nullable(),
  version: z.number(),
  nextStages: z.array(VolunteerStageSchema).describe('Stages it can move to from here'),
  requirements: z.array(RequirementStateSchema),
  history: z.array(StageMoveSchema),
  availability: z.array(AvailabilityWindowSchema),
  mentees: z.array(z.object({ id: z.string(), fullName: z.string() })),
})
export type VolunteerFile = z.infer<typeof VolunteerFileSchema>

export const BoardSchema = z.object({
  columns: z.array(
    z.object({
      stage: VolunteerStageSchema,
      volunteers: z.array(VolunteerSummarySchema),
    }),
  ),
})

// ---------- Requirements and records ----------

export const RequirementSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  kind: RequirementKindSchema,
  mandatory: z.boolean(),
  validMonths: z.number().nullable().describe('How long it lasts; null for ever'),
  dueDays: z.number().nullable().describe('Days after starting to do it by; null means before starting'),
  gates: z.array(GateSchema),
  archived: z.boolean(),
})
export type RequirementView = z.infer<typeof RequirementSchema>
export const RequirementListSchema = z.object({ requirements: z.array(RequirementSchema) })

export const CreateRequirementSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{2,40}$/, 'Use lower-case letters, digits and _'),
    title: Text(200),
    kind: RequirementKindSchema,
    mandatory: z.boolean().default(true),
    validMonths: z.number().int().min(1).max(240).nullable().default(null),
    dueDays: z.number().int().min(0).max(3650).nullable().default(null),
    gates: z
      .array(GateSchema)
      .max(DUTIES.length + 1)
      .default([]),
  })
  .strip()
export const UpdateRequirementSchema = z
  .object({
    title: Text(200),
    mandatory: z.boolean(),
    validMonths: z.number().int().min(1).max(240).nullable(),
    dueDays: z.number().int().min(0).max(3650).nullable(),
    gates: z.array(GateSchema).max(DUTIES.length + 1),
    archived: z.boolean(),
  })
  .partial()
  .strip()

export const DbsDetailSchema = z.object({
  level: DbsLevelSchema,
  certificateNumber: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'A DBS certificate number has 12 digits')
    .nullable()
    .default(null),
  onUpdateService: z.boolean().default(false),
  updateServiceCheckedOn: LocalDateSchema.nullable().default(null),
})
export type DbsDetail = z.infer<typeof DbsDetailSchema>

export const RecordEvidenceSchema = z
  .object({
    requirementId: z.uuid(),
    completedOn: LocalDateSchema.describe('The day it was done, or the DBS certificate was issued'),
    /** Defaults to completedOn plus the requirement's validity. */
    expiresOn: LocalDateSchema.nullable().default(null),
    passed: z.boolean().default(true).describe('For a DBS check: the recruitment decision was to clear'),
    provider: OptionalText(200),
    note: OptionalText(1000),
    dbs: DbsDetailSchema.nullable().default(null),
  })
  .strip()
export type RecordEvidenceInput = z.infer<typeof RecordEvidenceSchema>

export const RecordSchema = z.object({
  id: z.string(),
  requirementId: z.string(),
  completedOn: LocalDateSchema,
  expiresOn: LocalDateSchema.nullable(),
  passed: z.boolean(),
  provider: z.string().nullable(),
  note: z.string().nullable(),
  renewalStartedOn: LocalDateSchema.nullable(),
  hasDbsDetail: z.boolean(),
  recordedAt: z.string(),
})
export const RecordListSchema = z.object({ records: z.array(RecordSchema) })

export const DbsRevealSchema = z.object({
  recordId: z.string(),
  completedOn: LocalDateSchema,
  expiresOn: LocalDateSchema.nullable(),
  passed: z.boolean(),
  detail: DbsDetailSchema.nullable(),
})

export const StartRenewalSchema = z.object({ startedOn: LocalDateSchema, note: OptionalText(500) }).strip()

export const MatrixSchema = z.object({
  asOf: LocalDateSchema,
  requirements: z.array(RequirementSchema),
  rows: z.array(
    z.object({
      volunteer: VolunteerSummarySchema,
      cells: z.array(RequirementStateSchema),
    }),
  ),
  counts: z.record(RequirementStatusSchema, z.number()),
})
export type Matrix = z.infer<typeof MatrixSchema>

// ---------- Policies ----------

export const PolicySchema = z.object({
  id: z.string(),
  title: z.string(),
  mustRead: z.boolean(),
  currentVersion: z
    .object({
      id: z.string(),
      version: z.number(),
      publishedOn: LocalDateSchema,
      changes: z.string().nullable(),
    })
    .nullable(),
  acknowledged: z.number().describe('Volunteers who have acknowledged the current version'),
  outstanding: z.number().describe('Rosterable or training volunteers still to acknowledge it'),
})
export const PolicyListSchema = z.object({ policies: z.array(PolicySchema) })
export const PolicyTextSchema = z.object({
  policyId: z.string(),
  title: z.string(),
  versionId: z.string(),
  version: z.number(),
  publishedOn: LocalDateSchema,
  changes: z.string().nullable(),
  body: z.string(),
  acknowledgedAt: z.string().nullable(),
})
export const CreatePolicySchema = z
  .object({ title: Text(200), mustRead: z.boolean().default(true), body: Text(100_000) })
  .strip()
export const PublishPolicyVersionSchema = z
  .object({ body: Text(100_000), changes: OptionalText(1000) })
  .strip()

// ---------- Availability ----------

export const AvailabilityExceptionSchema = z.object({
  id: z.string(),
  firstDay: LocalDateSchema,
  lastDay: LocalDateSchema,
  kind: z.enum(['unavailable', 'available']),
  note: z.string().nullable(),
})
export const AvailabilitySchema = z.object({
  weekly: z.array(AvailabilityWindowSchema),
  maxShiftsPerMonth: z.number().nullable(),
  exceptions: z.array(AvailabilityExceptionSchema),
})
export const SetAvailabilitySchema = z
  .object({
    weekly: z.array(AvailabilityWindowSchema).max(21),
    maxShiftsPerMonth: z.number().int().min(1).max(31).nullable().default(null),
  })
  .strip()
export const AddExceptionSchema = z
  .object({
    firstDay: LocalDateSchema,
    lastDay: LocalDateSchema,
    kind: z.enum(['unavailable', 'available']).default('unavailable'),
    note: OptionalText(300),
  })
  .strip()

// ---------- Rota ----------

export const RotaRuleSchema = z.enum([
  'ROTA-STAGE',
  'ROTA-REQUIREMENT',
  'ROTA-DUTY',
  'ROTA-TWICE',
  'ROTA-FULL',
  'ROTA-AVAILABILITY',
  'ROTA-MENTOR',
  'ROTA-LIMIT',
])
export type RotaRule = z.infer<typeof RotaRuleSchema>
export const RotaProblemSchema = z.object({
  rule: RotaRuleSchema,
  message: z.string(),
  /** Hard problems refuse the assignment; soft ones (availability, mentor, monthly limit) warn. */
  hard: z.boolean(),
})
export type RotaProblem = z.infer<typeof RotaProblemSchema>

export const PositionSchema = z.object({
  duty: DutySchema,
  sessionId: z.string().nullable().describe('For a supervisor or escort: the session they cover'),
  sessionLabel: z.string().nullable(),
  needed: z.number(),
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  assigned: z.array(
    z.object({
      assignmentId: z.string(),
      volunteerId: z.string(),
      fullName: z.string(),
      suggested: z.boolean(),
      warnings: z.array(RotaProblemSchema),
    }),
  ),
})
export const ShiftSchema = z.object({
  key: z.string(),
  date: LocalDateSchema,
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  openingId: z.string().nullable(),
  sessionId: z.string().nullable(),
  label: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  staffing: StaffingSchema.nullable().describe('The people the opening needs; null for an escorted visit'),
  ownStaffing: z.boolean().describe('True when the opening sets its own numbers, false for the defaults'),
  positions: z.array(PositionSchema),
  unfilled: z.number(),
})
export type ShiftView = z.infer<typeof ShiftSchema>
export const RotaSchema = z.object({
  centreId: z.string(),
  orphaned: z
    .array(
      z.object({
        assignmentId: z.string(),
        date: LocalDateSchema,
        duty: DutySchema,
        volunteerId: z.string(),
        fullName: z.string(),
      }),
    )
    .describe('People still on a place that no longer exists: the session moved or a closure was added'),
  timeZone: z.string(),
  from: LocalDateSchema,
  to: LocalDateSchema,
  shifts: z.array(ShiftSchema),
  swaps: z.array(
    z.object({
      id: z.string(),
      assignmentId: z.string(),
      date: LocalDateSchema,
      shiftLabel: z.string(),
      duty: DutySchema,
      fromVolunteer: z.string(),
      toVolunteer: z.string(),
      note: z.string().nullable(),
      requestedAt: z.string(),
      problems: z.array(RotaProblemSchema),
    }),
  ),
})
export const RotaQuerySchema = z.object({ from: LocalDateSchema, to: LocalDateSchema })

export const AssignSchema = z
  .object({
    shiftKey: z.string().min(1).max(200),
    duty: DutySchema,
    sessionId: z.uuid().nullable().default(null),
    volunteerId: z.uuid(),
    /** Place them even though a soft rule (availability, mentor, monthly limit) warns. */
    override: z.boolean().default(false),
  })
  .strip()
export type AssignInput = z.infer<typeof AssignSchema>
export const AssignmentSchema = z.object({
  id: z.string(),
  shiftKey: z.string(),
  date: LocalDateSchema,
  duty: DutySchema,
  volunteerId: z.string(),
  sessionId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  warnings: z.array(RotaProblemSchema),
})

export const CandidateListSchema = z.object({
  candidates: z.array(
    z.object({
      volunteerId: z.string(),
      fullName: z.string(),
      allowed: z.boolean(),
      problems: z.array(RotaProblemSchema),
      shiftsThisMonth: z.number(),
    }),
  ),
})
export const CandidatesQuerySchema = z.object({
  shiftKey: z.string().min(1).max(200),
  duty: DutySchema,
  sessionId: z.uuid().optional(),
})

export const SuggestSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema, apply: z.boolean().default(false) })
  .strip()
export const SuggestionSchema = z.object({
  applied: z.boolean(),
  placements: z.array(
    z.object({
      shiftKey: z.string(),
      date: LocalDateSchema,
      duty: DutySchema,
      sessionId: z.string().nullable(),
      volunteerId: z.string(),
      fullName: z.string(),
    }),
  ),
  unfilled: z.array(
    z.object({
      shiftKey: z.string(),
      date: LocalDateSchema,
      label: z.string(),
      duty: DutySchema,
      sessionId: z.string().nullable(),
      reason: z.string().describe('Why no one could be placed, in a sentence'),
    }),
  ),
  positions: z.number().describe('Places open before the suggestion'),
  filled: z.number(),
  millis: z.number().describe('Time the suggestion took to compute'),
})

export const StaffingUpdateSchema = z.object({ staffing: StaffingSchema.nullable() }).strip()

export const RequestSwapSchema = z.object({ toVolunteerId: z.uuid(), note: OptionalText(500) }).strip()
export const DecideSwapSchema = z.object({ approve: z.boolean(), note: OptionalText(500) }).strip()
export const SwapSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  status: z.enum(['requested', 'approved', 'declined', 'withdrawn']),
  fromVolunteerId: z.string(),
  toVolunteerId: z.string(),
  problems: z.array(RotaProblemSchema),
})

// ---------- Hours and expenses ----------

export const HOURS_KINDS = ['session', 'training', 'escort', 'other'] as const
export const HoursKindSchema = z.enum(HOURS_KINDS)
export const LogHoursSchema = z
  .object({
    volunteerId: z.uuid().optional().describe('Staff log for a volunteer; a volunteer logs their own'),
    kind: HoursKindSchema,
    onDate: LocalDateSchema,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional()
      .describe('Defaults to the shift’s length'),
    miles: z.number().min(0).max(2000).nullable().default(null),
    expensesPence: z.number().int().min(0).max(1_000_000).nullable().default(null),
    description: OptionalText(500),
    assignmentId: z.uuid().nullable().default(null),
  })
  .strip()
export const HoursEntrySchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  fullName: z.string(),
  kind: HoursKindSchema,
  onDate: LocalDateSchema,
  minutes: z.number(),
  miles: z.number().nullable(),
  expensesPence: z.number().nullable(),
  mileagePence: z.number().nullable(),
  description: z.string().nullable(),
  assignmentId: z.string().nullable(),
  status: z.enum(['submitted', 'approved', 'declined']),
  decisionNote: z.string().nullable(),
})
export const HoursListSchema = z.object({ entries: z.array(HoursEntrySchema) })
export const HoursQuerySchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  status: z.enum(['submitted', 'approved', 'declined']).optional(),
})
export const DecideHoursSchema = z.object({ approve: z.boolean(), note: OptionalText(500) }).strip()
export const HoursTotalsSchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  volunteers: z.array(
    z.object({
      volunteerId: z.string(),
      fullName: z.string(),
      sessionMinutes: z.number(),
      trainingMinutes: z.number(),
      otherMinutes: z.number(),
      totalMinutes: z.number(),
      miles: z.number(),
      expensesPence: z.number(),
      mileagePence: z.number(),
    }),
  ),
  total: z.object({
    minutes: z.number(),
    miles: z.number(),
    expensesPence: z.number(),
    mileagePence: z.number(),
    volunteers: z.number(),
  }),
})
export const LogRotaHoursSchema = z.object({ onDate: LocalDateSchema }).strip()

// ---------- Staffing at a glance ----------

export const StaffingOverviewSchema = z.object({
  asOf: LocalDateSchema,
  target: z.number(),
  active: z.number().describe('Mentored and active volunteers'),
  leaving: z.number(),
  pipeline: z.number().describe('Enquiry to training'),
  byStage: z.array(z.object({ stage: VolunteerStageSchema, count: z.number() })),
  unfilledShifts: z.number().describe('Places on shifts in the next 8 weeks with no one on them'),
  unfilledByWeek: z.array(z.object({ weekOf: LocalDateSchema, positions: z.number(), unfilled: z.number() })),
  expiring: z.array(
    z.object({
      volunteerId: z.string(),
      fullName: z.string(),
      requirement: z.string(),
      status: RequirementStatusSchema,
      on: LocalDateSchema,
    }),
  ),
  blocked: z.number().describe('Rosterable volunteers with something blocking every shift'),
})

// ---------- Volunteer self-service ----------

export const MyShiftSchema = z.object({
  assignmentId: z.string(),
  shiftKey: z.string(),
  date: LocalDateSchema,
  label: z.string(),
  duty: DutySchema,
  sessionId: z.string().nullable().describe('For a supervisor or escort: the session they cover'),
  sessionLabel: z.string().nullable().describe('The case reference of that session'),
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  swap: z.object({ id: z.string(), status: z.string(), toVolunteer: z.string() }).nullable(),
  hoursLogged: z.boolean(),
})
export const MyVolunteeringSchema = z.object({
  volunteer: VolunteerSummarySchema,
  timeZone: z.string(),
  shifts: z.array(MyShiftSchema),
  pastShifts: z.array(MyShiftSchema),
  requirements: z.array(RequirementStateSchema),
  policies: z.array(
    z.object({
      policyId: z.string(),
      title: z.string(),
      versionId: z.string(),
      version: z.number(),
      publishedOn: LocalDateSchema,
      acknowledgedAt: z.string().nullable(),
      dueOn: LocalDateSchema.nullable(),
    }),
  ),
  availability: AvailabilitySchema,
  colleagues: z.array(z.object({ id: z.string(), fullName: z.string() })).describe('For swaps'),
  hours: z
    .array(HoursEntrySchema)
    .describe('What they logged this year and in the last six months at least, with decisions'),
})

export type MyVolunteering = z.infer<typeof MyVolunteeringSchema>
export type RotaView = z.infer<typeof RotaSchema>
export type SuggestionView = z.infer<typeof SuggestionSchema>
export type StaffingOverview = z.infer<typeof StaffingOverviewSchema>
export type HoursTotals = z.infer<typeof HoursTotalsSchema>
export type HoursEntry = z.infer<typeof HoursEntrySchema>
export type CandidateList = z.infer<typeof CandidateListSchema>
export type RecordView = z.infer<typeof RecordSchema>
export type PolicyList = z.infer<typeof PolicyListSchema>
export type Board = z.infer<typeof BoardSchema>
export type Availability = z.infer<typeof AvailabilitySchema>
export type SwapView = z.infer<typeof SwapSchema>
