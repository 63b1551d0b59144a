import { z } from 'zod'
import {
  LocalDateSchema,
  OptionalText,
  PartyRoleSchema,
  SafetyFlagSchema,
  SideSchema,
} from '../referrals/parties.schemas'
import { ServiceTypeSchema } from '../referrals/referrals.schemas'
import { LocalTimeSchema, SessionStatusSchema } from '../scheduling/scheduling.schemas'

const Text = (max: number) => z.string().trim().max(max)
const Required = (max: number, message: string) => z.string().trim().min(1, message).max(max)
const Instant = z.iso.datetime({ offset: true, message: 'Enter a time such as 2026-11-28T10:05:00Z' })

// ---------- Settings ----------

export const INCIDENT_CATEGORIES = [
  'rule_breach',
  'aggression',
  'intoxication',
  'unauthorised_person',
  'child_distress',
  'injury',
  'safeguarding_concern',
  'disclosure_by_child',
  'attempted_abduction',
  'allegation_against_staff',
  'property_damage',
  'late_or_no_show',
] as const
export const IncidentCategorySchema = z.enum(INCIDENT_CATEGORIES)
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>

export const SEVERITIES = ['low', 'moderate', 'serious', 'critical'] as const
export const SeveritySchema = z.enum(SEVERITIES)
export type Severity = z.infer<typeof SeveritySchema>

/** What was done at the time (domain rules 3.14, R-INC-1, R-INC-5). */
export const INCIDENT_ACTIONS = [
  'verbal_warning_given',
  'session_ended_early',
  'asked_to_leave',
  'refused_entry',
  'police_called',
  'local_authority_referral',
  'first_aid',
  'parents_informed',
  'accident_book',
] as const
export const IncidentActionSchema = z.enum(INCIDENT_ACTIONS)

/** Sanctions, from a word to losing the place for good (domain rules 3.15). */
export const WARNING_LEVELS = [
  'verbal_warning',
  'written_warning',
  'session_ended',
  'service_suspended',
  'place_withdrawn',
  'permanent_exclusion',
] as const
export const WarningLevelSchema = z.enum(WARNING_LEVELS)
export type WarningLevel = z.infer<typeof WarningLevelSchema>

export const SessionDaySettingsSchema = z.object({
  /** The referrer hears of an incident by this time of day... */
  referrerNoticeTime: LocalTimeSchema,
  /** ...this many working days (Monday to Friday) after it happened. */
  referrerNoticeWorkingDays: z.number().int().min(0).max(10),
  /** Observation records are due for release within this many working days of the session. */
  observationDueWorkingDays: z.number().int().min(1).max(30),
  /** Arriving this many minutes after one's own arrival time counts as late. */
  lateAfterMinutes: z.number().int().min(0).max(120),
  /** Categories that cost the place at once (R-INC-2): the ladder suggests withdrawal. */
  zeroToleranceCategories: z.array(IncidentCategorySchema),
  /** Written warnings within a year before the ladder suggests suspension (R-INC-3). */
  warningsBeforeSuspension: z.number().int().min(1).max(10),
  /** Ask parents for feedback after their sessions. */
  feedbackOn: z.boolean(),
})
export type SessionDaySettings = z.infer<typeof SessionDaySettingsSchema>
export const UpdateSessionDaySettingsSchema = SessionDaySettingsSchema.partial().strip()

// ---------- The Today board ----------

export const TodayQuerySchema = z.object({
  centreId: z.uuid().optional(),
  date: LocalDateSchema.optional(),
})

export const ATTENDANCE_KINDS = [
  'arrived',
  'left',
  /** The child passes from the bringing parent to the centre (and on to the visiting parent). */
  'child_handed_over',
  /** The child is back with the parent who brought them. */
  'child_returned',
  /** Someone was turned away at the door (not allowed, or under the influence: R-ATT-4). */
  'refused_entry',
] as const
export const AttendanceKindSchema = z.enum(ATTENDANCE_KINDS)
export type AttendanceKind = z.infer<typeof AttendanceKindSchema>

export const AttendanceEventSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string(),
  kind: AttendanceKindSchema,
  partyId: z.string().nullable(),
  side: SideSchema.nullable(),
  /** The listed person's name, or the name an unlisted visitor gave. */
  name: z.string(),
  listed: z.boolean(),
  at: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  voided: z.boolean(),
})
export type AttendanceEventView = z.infer<typeof AttendanceEventSchema>

/** Someone the door may see: enough to recognise them, nothing that says where they live. */
export const DoorPersonSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  role: PartyRoleSchema,
  /** How to recognise them, as the centre recorded it. */
  description: z.string().nullable(),
  /** In the building now (arrived and not left). */
  inBuilding: z.boolean(),
})

export const DoorPartySchema = z.object({
  side: SideSchema,
  /** This side arrives first and leaves last (domain rules 0.3). */
  first: z.boolean(),
  arrivesAt: z.string(),
  leavesAt: z.string(),
  localArrive: LocalTimeSchema,
  localLeave: LocalTimeSchema,
  entrance: z.string().nullable(),
  waitingRoom: z.string().nullable(),
  /** Who may come for this side. */
  people: z.array(DoorPersonSchema),
  /** expected, in (someone of this side is in the building), left (came and went), absent (never came). */
  presence: z.enum(['expected', 'in', 'left']),
  /** Minutes late at arrival, when they came after their time plus the grace the centre allows. */
  lateMinutes: z.number().int().nullable(),
})

export const DoorChildSchema = z.object({
  partyId: z.string(),
  name: z.string(),
  ageYears: z.number().int().nullable(),
  /** Needs the floor must know about: feeding, changing, medical notes. */
  needs: z.array(z.string()),
  /** with_resident (not yet handed over or returned), in_session, returned. */
  whereabouts: z.enum(['with_resident', 'in_session', 'returned']),
})

export const DoorWarningSchema = z.object({
  /** DOOR-BOTH-IN, DOOR-NOT-ALLOWED, DOOR-UNLISTED, DOOR-ORDER, DOOR-LATE, DOOR-CHILD-NOT-RETURNED */
  code: z.string(),
  message: z.string(),
})
export type DoorWarning = z.infer<typeof DoorWarningSchema>

export const TodaySessionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  familyName: z.string().nullable(),
  serviceType: ServiceTypeSchema,
  status: SessionStatusSchema,
  version: z.number().int(),
  venueName: z.string().nullable(),
  roomName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  /** Each safety flag held by anyone on the case, so the door knows what to watch for. */
  flags: z.array(SafetyFlagSchema),
  parties: z.array(DoorPartySchema),
  children: z.array(DoorChildSchema),
  /** People who must not come, by name and description, so the door can recognise and refuse them. */
  notAllowed: z.array(DoorPersonSchema),
  events: z.array(AttendanceEventSchema),
  /** What the door should know now: both parties in at once, someone not allowed inside... */
  warnings: z.array(DoorWarningSchema),
  endedEarly: z.object({ at: z.string(), reason: z.string() }).nullable(),
  attendanceNote: z.string().nullable(),
  /** Supervised and escorted sessions keep an observation record; others may not. */
  observation: z
    .object({
      id: z.string().nullable(),
      status: z.enum(['none', 'draft', 'submitted', 'returned', 'released']),
    })
    .nullable(),
  incidents: z.number().int(),
})
export type TodaySession = z.infer<typeof TodaySessionSchema>

export const TodayBoardSchema = z.object({
  centreId: z.string(),
  centreName: z.string(),
  date: LocalDateSchema,
  timeZone: z.string(),
  generatedAt: z.string(),
  /** The volunteers and staff on the rota today, leaders first. */
  team: z.array(
    z.object({
      name: z.string(),
      duty: z.string(),
      leads: z.boolean(),
      localStart: LocalTimeSchema,
      localEnd: LocalTimeSchema,
    }),
  ),
  sessions: z.array(TodaySessionSchema),
  /** Every arrival and departure of the day in time order, for the door. */
  timeline: z.array(
    z.object({
      at: z.string(),
      local: LocalTimeSchema,
      sessionId: z.string(),
      caseReference: z.string(),
      side: SideSchema,
      movement: z.enum(['arrive', 'leave']),
      entrance: z.string().nullable(),
      waitingRoom: z.string().nullable(),
    }),
  ),
})
export type TodayBoard = z.infer<typeof TodayBoardSchema>

export const RecordAttendanceSchema = z
  .object({
    /** The tablet's own id for this tap: sending it twice records it once. */
    clientId: z.uuid(),
    kind: AttendanceKindSchema,
    /** A listed person; leave out for someone who is not on the list. */
    partyId: z.uuid().nullable().optional(),
    /** Whose side an unlisted person came with. */
    side: SideSchema.nullable().optional(),
    /** The name an unlisted person gave. */
    visitorName: OptionalText(120),
    /** When it happened; a tablet that was offline sends the time it was tapped. Defaults to now. */
    at: Instant.optional(),
    note: OptionalText(280),
    /** Warning codes the volunteer saw and chose to go ahead with. */
    confirmed: z.array(z.string().max(40)).max(10).default([]),
  })
  .strip()
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceSchema>

export const AttendanceRecordedSchema = z.object({
  event: AttendanceEventSchema,
  /** false when this clientId had been recorded before: nothing new was written. */
  created: z.boolean(),
  warnings: z.array(DoorWarningSchema),
  session: TodaySessionSchema,
})

export const EndEarlySchema = z
  .object({
    reason: Required(500, 'Say why the session ended early'),
    at: Instant.optional(),
    version: z.number().int().min(1),
  })
  .strip()

export const AttendanceNoteSchema = z
  .object({
    /** Practical only: how they got here, why late. What happened in the session is never kept here. */
    note: Text(280).transform((value) => (value === '' ? null : value)),
    version: z.number().int().min(1),
  })
  .strip()

// ---------- Observation records ----------

/** The record of a supervised session (domain rules 3.13 and 10.3), section by section. */
export const OBSERVATION_SECTIONS = [
  'arrival',
  'greeting',
  'play',
  'care',
  'childResponses',
  'boundaries',
  'concerns',
  'intervention',
  'ending',
  'quotes',
] as const
export type ObservationSection = (typeof OBSERVATION_SECTIONS)[number]
export const ObservationSectionsSchema = z
  .object({
    /** Who brought the child; arrival times, lateness and mood. */
    arrival: Text(10_000),
    /** The greeting: what was said, physical affection, who started it, the child's response. */
    greeting: Text(10_000),
    /** Play and interaction: who starts play, following the child's lead, communication. */
    play: Text(10_000),
    /** Care given: feeding, changing, comfort. */
    care: Text(10_000),
    /** The child's responses through the session. */
    childResponses: Text(10_000),
    /** Boundaries: any failure to keep the ground rules or terms. */
    boundaries: Text(10_000),
    /** Concerns observed, as facts. */
    concerns: Text(10_000),
    /** Any intervention by the supervisor and the parent's response. */
    intervention: Text(10_000),
    /** The end and parting. */
    ending: Text(10_000),
    /** Direct quotes, word for word, where they matter. */
    quotes: Text(10_000),
  })
  .partial()
  .strip()
export type ObservationSections = z.infer<typeof ObservationSectionsSchema>

export const OBSERVATION_STATUSES = ['draft', 'submitted', 'returned', 'released'] as const
export const ObservationStatusSchema = z.enum(OBSERVATION_STATUSES)

export const ObservationSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  date: LocalDateSchema,
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  serviceType: ServiceTypeSchema,
  status: ObservationStatusSchema,
  version: z.number().int(),
  sections: ObservationSectionsSchema,
  author: z.object({ id: z.string(), name: z.string() }),
  checkedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  savedAt: z.string(),
  submittedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  /** Release is due by this date (observationDueWorkingDays after the session). */
  dueOn: LocalDateSchema,
  /** Can the caller edit, submit, release or return it now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), release: z.boolean(), return: z.boolean() }),
})
export type ObservationView = z.infer<typeof ObservationSchema>

export const SessionObservationSchema = z.object({
  /** False for supported, handover and indirect sessions: no record of what happened may exist. */
  allowed: z.boolean(),
  reason: z.string().nullable(),
  observation: ObservationSchema.nullable(),
  /** Which session this is, so the page can name it before the record is first saved. */
  session: ObservationSchema.pick({
    caseReference: true,
    date: true,
    localStart: true,
    localEnd: true,
    serviceType: true,
  }).optional(),
})

export const SaveObservationSchema = z
  .object({
    /** Only the sections sent change; the others keep what was saved. */
    sections: ObservationSectionsSchema,
    /** The version last saved (0 for a new record); a stale one is refused so nothing is overwritten. */
    version: z.number().int().min(0),
  })
  .strip()
export type SaveObservationInput = z.infer<typeof SaveObservationSchema>

export const ObservationActSchema = z.object({ version: z.number().int().min(1) }).strip()
export const ReturnObservationSchema = ObservationActSchema.extend({
  note: Required(2000, 'Say what the author should change'),
}).strip()

export const ObservationQueueSchema = z.object({
  observations: z.array(ObservationSchema.omit({ sections: true })),
})
export const ObservationQueueQuerySchema = z.object({
  status: ObservationStatusSchema.optional(),
  caseId: z.uuid().optional(),
})

// ---------- Incidents, warnings and suspensions ----------

export const ReportIncidentSchema = z
  .object({
    /** Sent by a tablet that may retry: the same id records one incident. */
    clientId: z.uuid().optional(),
    caseId: z.uuid(),
    sessionId: z.uuid().nullable().optional(),
    category: IncidentCategorySchema,
    severity: SeveritySchema,
    occurredAt: Instant.optional(),
    location: OptionalText(200),
    /** The listed people involved. */
    peopleInvolved: z.array(z.uuid()).max(20).default([]),
    /** Facts only: what was said or done, by whom. */
    whatHappened: Required(10_000, 'Say what happened'),
    /** The child's own words, verbatim. */
    childAccount: OptionalText(5000),
    injuries: OptionalText(2000),
    witnesses: OptionalText(1000),
    actions: z.array(IncidentActionSchema).max(INCIDENT_ACTIONS.length).default([]),
    /** Reasons for any decision not to act. */
    reasonsNotToAct: OptionalText(2000),
  })
  .strip()
export type ReportIncidentInput = z.infer<typeof ReportIncidentSchema>

export const WarningSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  partyId: z.string(),
  personName: z.string(),
  side: SideSchema.nullable(),
  level: WarningLevelSchema,
  reason: z.string(),
  incidentId: z.string().nullable(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
})

export const SuspensionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  incidentId: z.string().nullable(),
  from: LocalDateSchema,
  conditions: z.string(),
  status: z.enum(['active', 'lifted']),
  sessionsSuspended: z.number().int(),
  createdAt: z.string(),
  liftedAt: z.string().nullable(),
  liftNote: z.string().nullable(),
})
export type SuspensionView = z.infer<typeof SuspensionSchema>

export const IncidentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  sessionId: z.string().nullable(),
  category: IncidentCategorySchema,
  severity: SeveritySchema,
  critical: z.boolean(),
  occurredAt: z.string(),
  location: z.string().nullable(),
  people: z.array(z.object({ partyId: z.string(), name: z.string(), side: SideSchema.nullable() })),
  actions: z.array(IncidentActionSchema),
  whatHappened: z.string(),
  childAccount: z.string().nullable(),
  injuries: z.string().nullable(),
  witnesses: z.string().nullable(),
  reasonsNotToAct: z.string().nullable(),
  status: z.enum(['open', 'reviewed', 'closed']),
  reportedBy: z.string().nullable(),
  coordinatorNotifiedAt: z.string().nullable(),
  referrerDueAt: z.string().nullable(),
  referrerNotifiedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** What the centre's ladder suggests next for the person it concerns most. */
  suggestedSanction: z.object({ level: WarningLevelSchema, because: z.string() }).nullable(),
  warnings: z.array(WarningSchema),
  suspension: SuspensionSchema.nullable(),
})
export type IncidentView = z.infer<typeof IncidentSchema>

export const IncidentListSchema = z.object({
  incidents: z.array(IncidentSchema.omit({ whatHappened: true, childAccount: true, injuries: true })),
})
export const IncidentQuerySchema = z.object({
  caseId: z.uuid().optional(),
  status: z.enum(['open', 'reviewed', 'closed']).optional(),
})

export const ReviewIncidentSchema = z
  .object({
    status: z.enum(['reviewed', 'closed']),
    note: Required(2000, 'Say what was decided'),
  })
  .strip()

export const IssueWarningSchema = z
  .object({
    partyId: z.uuid(),
    level: WarningLevelSchema,
    reason: Required(1000, 'Say why'),
    incidentId: z.uuid().nullable().optional(),
  })
  .strip()

export const SuspendSchema = z
  .object({
    /** Sessions on or after this day are suspended. */
    from: LocalDateSchema,
    /** What must happen before the family is re-admitted. */
    conditions: Required(2000, 'Say what must happen before the family comes back'),
    incidentId: z.uuid().nullable().optional(),
  })
  .strip()

export const LiftSuspensionSchema = z
  .object({
    note: Required(2000, 'Say how the conditions were met'),
  })
  .strip()

export const ConductSchema = z.object({
  caseId: z.string(),
  incidents: IncidentListSchema.shape.incidents,
  warnings: z.array(WarningSchema),
  suspensions: z.array(SuspensionSchema),
})

// ---------- Reports to referrers ----------

export const REPORT_KINDS = ['attendance', 'supervised'] as const
export const ReportKindSchema = z.enum(REPORT_KINDS)

export const ReportRequestSchema = z
  .object({
    kind: ReportKindSchema,
    from: LocalDateSchema,
    to: LocalDateSchema,
    /** The referral whose referrer receives it. */
    referralId: z.uuid(),
  })
  .strip()
export type ReportRequest = z.infer<typeof ReportRequestSchema>

export const RedactionFindingSchema = z.object({
  /** Whose detail it is and which (address, phone, email, school, newPartner). */
  side: SideSchema.nullable(),
  field: z.string(),
  /** Where in the report it was found: a section name or "attendance". */
  where: z.string(),
  message: z.string(),
})

export const ReportPreviewSchema = z.object({
  kind: ReportKindSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  recipient: z.object({
    referralId: z.string(),
    label: z.string(),
    side: SideSchema.nullable(),
    hasAccount: z.boolean(),
  }),
  /** What will go out, line by line, as the PDF prints it. */
  lines: z.array(z.object({ heading: z.string(), text: z.string() })),
  sessions: z.number().int(),
  /** Observation records in the period not yet released, which the report leaves out. */
  unreleased: z.number().int(),
  redaction: z.object({
    /** The protected details looked for in every line. */
    checked: z.array(z.string()),
    findings: z.array(RedactionFindingSchema),
    ok: z.boolean(),
  }),
})
export type ReportPreview = z.infer<typeof ReportPreviewSchema>

export const ReleaseSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  kind: ReportKindSchema,
  from: LocalDateSchema,
  to: LocalDateSchema,
  recipient: z.string(),
  recipientSide: SideSchema.nullable(),
  releasedAt: z.string(),
  releasedBy: z.string().nullable(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  pages: z.number().int(),
  firstDownloadedAt: z.string().nullable(),
  downloads: z.number().int(),
})
export type ReleaseView = z.infer<typeof ReleaseSchema>
export const ReleaseListSchema = z.object({ releases: z.array(ReleaseSchema) })

// ---------- Feedback ----------

/** 1 (very unhappy face) to 5 (very happy face). */
export const Score = z.number().int().min(1).max(5)

export const PARENT_QUESTIONS = ['welcome', 'safe', 'childEnjoyed', 'staffHelpful'] as const
export const CHILD_QUESTIONS = ['today', 'safe', 'again'] as const

export const FeedbackInputSchema = z.discriminatedUnion('form', [
  z
    .object({
      form: z.literal('parent'),
      answers: z.object({ welcome: Score, safe: Score, childEnjoyed: Score, staffHelpful: Score }).strip(),
      comment: OptionalText(2000),
    })
    .strip(),
  z
    .object({
      form: z.literal('child'),
      /** The child, when a volunteer helps them answer on the tablet. */
      partyId: z.uuid(),
      answers: z.object({ today: Score, safe: Score.optional(), again: Score.optional() }).strip(),
      /** The child's own words, if they want to say something. */
      comment: OptionalText(500),
    })
    .strip(),
])
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>

export const FeedbackSummaryQuerySchema = z.object({
  centreId: z.uuid().optional(),
  from: LocalDateSchema,
  to: LocalDateSchema,
})

export const FeedbackSummarySchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  parent: z.object({
    responses: z.number().int(),
    questions: z.array(
      z.object({
        question: z.string(),
        label: z.string(),
        counts: z.array(z.number().int()).length(5),
        average: z.number().nullable(),
      }),
    ),
  }),
  child: z.object({
    responses: z.number().int(),
    questions: z.array(
      z.object({
        question: z.string(),
        label: z.string(),
        counts: z.array(z.number().int()).length(5),
        average: z.number().nullable(),
      }),
    ),
  }),
  /** Comments without names or dates, newest first, so no one can be picked out. */
  comments: z.array(z.object({ form: z.enum(['parent', 'child']), text: z.string() })),
})

/** A parent's past sessions and whether they have said how each went. */
export const MyFeedbackSchema = z.object({
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      date: LocalDateSchema,
      localStart: LocalTimeSchema,
      given: z.boolean(),
    }),
  ),
})

/** Who a case's reports can go to: the referrer of each of its referrals. */
export const ReportRecipientsSchema = z.object({
  recipients: z.array(
    z.object({
      referralId: z.string(),
      label: z.string(),
      /** Whose side the referrer acts for; null for a neutral referrer such as the court adviser. */
      side: SideSchema.nullable(),
      /** Has a Kinbridge sign-in, so they can download released reports from their area. */
      hasAccount: z.boolean(),
    }),
  ),
})

/** An incident after its referrer notice was sent now, with who it reached and who it could not. */
export const ReferrerNoticeSentSchema = IncidentSchema.extend({
  notice: z.object({
    /** Emails queued, one per referrer address. */
    sent: z.number().int(),
    /** Referrers with no email address held: the centre tells them another way. */
    skipped: z.array(
      z.object({ referralId: z.string(), reference: z.string(), referrer: z.string(), reason: z.string() }),
    ),
  }),
})

/** A run of the referrer notices that have fallen due. */
export const ReferrerNoticesRunSchema = z.object({
  /** Emails queued. */
  sent: z.number().int(),
  /** Incidents whose referrers were told. */
  incidents: z.number().int(),
  /** Incidents due whose referrers have no email address: still due, for the desk to handle. */
  withoutAddress: z.number().int(),
})
