import { z } from 'zod'
import { LocalDateSchema, SideSchema } from '../referrals/parties.schemas'
import { ServiceTypeSchema } from '../referrals/referrals.schemas'

/** A local wall-clock time in the centre's zone, `HH:mm`. */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 10:00')
  .describe('Local time in the centre’s time zone, HH:mm')

const Reason = z.string().trim().min(1).max(1000)
const OptionalText = (max: number) => z.string().trim().max(max).nullable().default(null)

/**
 * A centre's scheduling rules. Each number is a documented default the organisation can change
 * (domain rules 0.2, 0.3 and 5.2).
 */
export const SchedulingSettingsSchema = z.object({
  /** R-ARR-1: who arrives first by default. UK practice: the non-resident (visiting) parent. */
  firstArrivingParty: SideSchema.default('non_resident'),
  /** R-ARR-1: minutes between the two parties' arrivals. */
  arrivalOffsetMinutes: z.number().int().min(0).max(60).default(15),
  /** R-ARR-2: minutes the first-arriving party is held after the other has left. */
  departureHoldMinutes: z.number().int().min(0).max(60).default(15),
  /** Minutes a party takes to come in or go out through the door; the two parties' are never at once. */
  doorMinutes: z.number().int().min(1).max(30).default(10),
  /** R-ARR-3: parties may arrive at the same time when each has their own entrance. */
  allowSeparateEntrancesInsteadOfStagger: z.boolean().default(true),
  /** R-SES-3: notice parents are asked to give when cancelling, in hours. */
  cancellationNoticeHours: z.number().int().min(0).max(336).default(24),
  /** R-SES-4: unexplained missed sessions that raise a review of the case. */
  missesBeforeReview: z.number().int().min(1).max(10).default(2),
  /** How far ahead a plan without an end date is booked, in weeks. */
  bookAheadWeeks: z.number().int().min(1).max(104).default(26),
  /** Slot suggestions move in steps of this many minutes. */
  slotStepMinutes: z.number().int().min(5).max(60).default(15),
})
export type SchedulingSettings = z.infer<typeof SchedulingSettingsSchema>
export const UpdateSchedulingSettingsSchema = z
  .object({
    firstArrivingParty: SideSchema,
    arrivalOffsetMinutes: z.number().int().min(0).max(60),
    departureHoldMinutes: z.number().int().min(0).max(60),
    doorMinutes: z.number().int().min(1).max(30),
    allowSeparateEntrancesInsteadOfStagger: z.boolean(),
    cancellationNoticeHours: z.number().int().min(0).max(336),
    missesBeforeReview: z.number().int().min(1).max(10),
    bookAheadWeeks: z.number().int().min(1).max(104),
    slotStepMinutes: z.number().int().min(5).max(60),
  })
  .partial()
  .strip()

// ---------- Opening sessions and closures ----------

export const OpeningSchema = z.object({
  id: z.string(),
  venueId: z.string(),
  weekday: z.number().int().min(1).max(7),
  startsAt: LocalTimeSchema,
  endsAt: LocalTimeSchema,
  everyWeeks: z.number().int(),
  firstOn: LocalDateSchema,
  lastOn: LocalDateSchema.nullable(),
  capacityUnits: z.number(),
  archived: z.boolean(),
})
export type OpeningView = z.infer<typeof OpeningSchema>

export const CreateOpeningSchema = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
    startsAt: LocalTimeSchema,
    endsAt: LocalTimeSchema,
    everyWeeks: z.union([z.literal(1), z.literal(2)]).default(1),
    firstOn: LocalDateSchema,
    lastOn: LocalDateSchema.nullable().default(null),
    capacityUnits: z.number().min(0).max(200).default(6),
  })
  .strip()
export type CreateOpeningInput = z.infer<typeof CreateOpeningSchema>
export const UpdateOpeningSchema = z
  .object({
    startsAt: LocalTimeSchema,
    endsAt: LocalTimeSchema,
    lastOn: LocalDateSchema.nullable(),
    capacityUnits: z.number().min(0).max(200),
    archived: z.boolean(),
  })
  .partial()
  .strip()
export type UpdateOpeningInput = z.infer<typeof UpdateOpeningSchema>

export const ClosureSchema = z.object({
  id: z.string(),
  centreId: z.string(),
  venueId: z.string().nullable(),
  firstDay: LocalDateSchema,
  lastDay: LocalDateSchema,
  reason: z.string(),
})
export type ClosureView = z.infer<typeof ClosureSchema>
export const CreateClosureSchema = z
  .object({
    venueId: z.string().max(64).nullable().default(null),
    firstDay: LocalDateSchema,
    lastDay: LocalDateSchema,
    reason: z.string().trim().min(1).max(200),
  })
  .strip()
export type CreateClosureInput = z.infer<typeof CreateClosureSchema>
export const ClosureCreatedSchema = z.object({
  closure: ClosureSchema,
  /** Sessions already booked in the closure: they still need moving or cancelling. */
  affectedSessionIds: z.array(z.string()),
})

export const OpeningsSchema = z.object({
  openings: z.array(OpeningSchema),
  closures: z.array(ClosureSchema),
})

// ---------- Contact plans ----------

export const FREQUENCIES = [
  'weekly',
  'fortnightly',
  'monthly_date',
  'monthly_weekday',
  'on_dates',
  'one_off',
] as const
export const FrequencySchema = z.enum(FREQUENCIES)
export type Frequency = z.infer<typeof FrequencySchema>

/** Where each party comes in and waits; null uses the venue's main entrance and no set area. */
export const PartyPlaceSchema = z
  .object({
    entrance: z.string().trim().max(80).nullable().default(null),
    waitingRoomId: z.string().max(64).nullable().default(null),
  })
  .strip()

/** Per-case arrival protocol (domain rules 0.3); omitted numbers take the centre's defaults. */
export const ArrivalRulesInputSchema = z
  .object({
    firstArrivingParty: SideSchema.optional(),
    arrivalOffsetMinutes: z.number().int().min(0).max(60).optional(),
    departureHoldMinutes: z.number().int().min(0).max(60).optional(),
    resident: PartyPlaceSchema.default({ entrance: null, waitingRoomId: null }),
    nonResident: PartyPlaceSchema.default({ entrance: null, waitingRoomId: null }),
  })
  .strip()

export const ArrivalRulesSchema = z.object({
  firstArrivingParty: SideSchema,
  arrivalOffsetMinutes: z.number().int(),
  departureHoldMinutes: z.number().int(),
  resident: z.object({ entrance: z.string().nullable(), waitingRoomId: z.string().nullable() }),
  nonResident: z.object({ entrance: z.string().nullable(), waitingRoomId: z.string().nullable() }),
})
export type ArrivalRules = z.infer<typeof ArrivalRulesSchema>

/** Off-site and escorted sessions (a prison visit, say): sealed at rest, shown to the desk only. */
export const OffsiteSchema = z
  .object({
    place: z.string().trim().min(1).max(300),
    travelMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(0),
    escort: z.string().trim().max(200).nullable().default(null),
    visitingOrderReference: z.string().trim().max(100).nullable().default(null),
  })
  .strip()
export type Offsite = z.infer<typeof OffsiteSchema>

export const CreatePlanSchema = z
  .object({
    serviceType: ServiceTypeSchema,
    frequency: FrequencySchema,
    weekOfMonth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
      .nullable()
      .default(null)
      .describe('For monthly_weekday: 1–4, or -1 for the last'),
    firstOn: LocalDateSchema,
    lastOn: LocalDateSchema.nullable().default(null),
    startsAt: LocalTimeSchema,
    durationMinutes: z
      .number()
      .int()
      .min(15)
      .max(8 * 60),
    venueId: z.string().max(64).nullable().default(null),
    roomId: z.string().max(64).nullable().default(null),
    arrival: ArrivalRulesInputSchema.default({
      resident: { entrance: null, waitingRoomId: null },
      nonResident: { entrance: null, waitingRoomId: null },
    }),
    offsite: OffsiteSchema.nullable().default(null),
    /** For on_dates: the days a travelling parent is here (the first date is the plan's first). */
    dates: z.array(LocalDateSchema).max(200).default([]),
    /** Dates the plan skips, such as a travelling parent's months away. */
    skipDates: z.array(LocalDateSchema).max(200).default([]),
    /** Book the occurrences that fit and record the others as skipped, instead of refusing all. */
    skipConflicting: z.boolean().default(false),
    notes: OptionalText(2000),
  })
  .strip()
export type CreatePlanInput = z.infer<typeof CreatePlanSchema>

export const ChangePlanSchema = CreatePlanSchema.omit({ firstOn: true })
  .extend({
    /** The first occurrence the change applies to; earlier ones keep the old plan. */
    from: LocalDateSchema,
    reason: Reason,
  })
  .strip()
export type ChangePlanInput = z.infer<typeof ChangePlanSchema>

export const EndPlanSchema = z
  .object({
    /** Occurrences on or after this date are cancelled; earlier ones stay as history. */
    from: LocalDateSchema,
    reason: Reason,
  })
  .strip()
export type EndPlanInput = z.infer<typeof EndPlanSchema>

// ---------- Sessions ----------

/** `suspended`: held for the family while a suspension after an incident stands (it keeps its place). */
export const SESSION_STATUSES = [
  'scheduled',
  'cancelled',
  'skipped',
  'completed',
  'did_not_attend',
  'suspended',
] as const
export const SessionStatusSchema = z.enum(SESSION_STATUSES)
export const CANCELLERS = ['centre', 'resident', 'non_resident'] as const
export const CancellerSchema = z.enum(CANCELLERS)
export const OUTCOMES = ['attended', 'late', 'did_not_attend'] as const
export const OutcomeSchema = z.enum(OUTCOMES)

export const PartyTimesSchema = z.object({
  arrivesAt: z.string(),
  leavesAt: z.string(),
  entrance: z.string().nullable(),
  waitingRoom: z.string().nullable(),
})

/** A session as the centre's staff see it: both parties' windows, the room and what happened. */
export const SessionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseReference: z.string(),
  familyName: z.string().nullable(),
  planId: z.string(),
  occurrenceOn: LocalDateSchema,
  date: LocalDateSchema,
  serviceType: ServiceTypeSchema,
  status: SessionStatusSchema,
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: LocalTimeSchema,
  localEnd: LocalTimeSchema,
  firstParty: SideSchema,
  resident: PartyTimesSchema,
  nonResident: PartyTimesSchema,
  offsite: OffsiteSchema.nullable(),
  moved: z.boolean(),
  capacityWeight: z.number(),
  cancellation: z
    .object({
      by: CancellerSchema,
      at: z.string(),
      noticeHours: z.number(),
      shortNotice: z.boolean(),
      reason: z.string(),
    })
    .nullable(),
  outcome: z
    .object({
      resident: OutcomeSchema.nullable(),
      nonResident: OutcomeSchema.nullable(),
      explained: z.boolean(),
      reason: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
})
export type SessionView = z.infer<typeof SessionSchema>

export const PlanSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(['active', 'ended']),
  serviceType: ServiceTypeSchema,
  frequency: FrequencySchema,
  weekOfMonth: z.number().int().nullable(),
  dates: z.array(LocalDateSchema),
  firstOn: LocalDateSchema,
  lastOn: LocalDateSchema.nullable(),
  startsAt: LocalTimeSchema,
  durationMinutes: z.number().int(),
  venueId: z.string().nullable(),
  roomId: z.string().nullable(),
  arrival: ArrivalRulesSchema,
  offsite: OffsiteSchema.nullable(),
  notes: z.string().nullable(),
  endedReason: z.string().nullable(),
  replacesPlanId: z.string().nullable(),
})
export type PlanView = z.infer<typeof PlanSchema>

/** One rule a booking would break, and what it clashes with. */
export const ConflictSchema = z.object({
  rule: z.string(),
  message: z.string(),
  date: LocalDateSchema,
  clashesWith: z.array(z.string()).describe('Ids of the sessions, closures or openings in the way'),
})
export type Conflict = z.infer<typeof ConflictSchema>

export const PlanBookedSchema = z.object({
  plan: PlanSchema,
  sessions: z.array(SessionSchema),
  skipped: z.array(z.object({ date: LocalDateSchema, conflicts: z.array(ConflictSchema) })),
})
export type PlanBooked = z.infer<typeof PlanBookedSchema>

export const PlanPreviewSchema = z.object({
  /** What stands before a first session (pre-visits, signed ground rules); booking is refused until clear. */
  readiness: z.array(ConflictSchema),
  occurrences: z.array(
    z.object({
      date: LocalDateSchema,
      startsAt: z.string(),
      endsAt: z.string(),
      conflicts: z.array(ConflictSchema),
    }),
  ),
})
export type PlanPreview = z.infer<typeof PlanPreviewSchema>

export const CaseScheduleSchema = z.object({
  caseId: z.string(),
  timeZone: z.string(),
  plans: z.array(PlanSchema),
  sessions: z.array(SessionSchema),
  missedUnexplained: z.object({ resident: z.number().int(), nonResident: z.number().int() }),
  reviewFlag: z.string().nullable(),
})
export type CaseSchedule = z.infer<typeof CaseScheduleSchema>

export const MoveSessionSchema = z
  .object({
    date: LocalDateSchema,
    startsAt: LocalTimeSchema,
    durationMinutes: z
      .number()
      .int()
      .min(15)
      .max(8 * 60)
      .optional(),
    venueId: z.string().max(64).nullable().optional(),
    roomId: z.string().max(64).nullable().optional(),
    /** The version the caller saw; a stale one is refused rather than overwriting another change. */
    version: z.number().int().min(1),
    /** Why it moves; needed to save, not to check. */
    reason: z.string().trim().max(1000).default(''),
    dryRun: z.boolean().default(false),
  })
  .strip()
export type MoveSessionInput = z.infer<typeof MoveSessionSchema>
export const MoveCheckSchema = z.object({
  ok: z.boolean(),
  conflicts: z.array(ConflictSchema),
  session: SessionSchema.nullable(),
})

export const CancelSessionSchema = z
  .object({
    by: CancellerSchema,
    reason: Reason,
    /** When the centre was told; defaults to now. Notice is counted from here. */
    toldAt: z.iso.datetime().optional(),
  })
  .strip()
export type CancelSessionInput = z.infer<typeof CancelSessionSchema>

export const RecordOutcomeSchema = z
  .object({
    resident: OutcomeSchema,
    nonResident: OutcomeSchema,
    /** A missed session with a good reason (illness, say) does not count towards a review. */
    explained: z.boolean().default(false),
    reason: OptionalText(1000),
  })
  .strip()
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeSchema>

// ---------- Calendar, slots, re-homing ----------

export const CalendarQuerySchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
  })
  .strip()

export const CalendarSchema = z.object({
  venueId: z.string(),
  venueName: z.string(),
  timeZone: z.string(),
  from: LocalDateSchema,
  to: LocalDateSchema,
  rooms: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), capacityFamilies: z.number() }),
  ),
  days: z.array(
    z.object({
      date: LocalDateSchema,
      closed: z.string().nullable(),
      openings: z.array(
        z.object({
          openingId: z.string(),
          startsAt: LocalTimeSchema,
          endsAt: LocalTimeSchema,
          capacityUnits: z.number(),
          usedUnits: z.number(),
        }),
      ),
    }),
  ),
  sessions: z.array(SessionSchema),
})
export type CalendarView = z.infer<typeof CalendarSchema>

export const SlotsQuerySchema = z
  .object({
    from: LocalDateSchema,
    durationMinutes: z.coerce.number().int().min(15).max(480).default(120),
    venueId: z.string().max(64).optional(),
    roomId: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strip()
export const SlotsSchema = z.object({
  slots: z.array(
    z.object({
      date: LocalDateSchema,
      startsAt: LocalTimeSchema,
      venueId: z.string(),
      roomId: z.string(),
      roomName: z.string(),
    }),
  ),
})

export const RehomeSchema = z
  .object({
    toVenueId: z.string().max(64),
    from: LocalDateSchema,
    /** Old room id → new room id; every room with future sessions must be mapped. */
    rooms: z.record(z.string().max(64), z.string().max(64)),
  })
  .strip()
export type RehomeInput = z.infer<typeof RehomeSchema>
export const RehomedSchema = z.object({ sessionsMoved: z.number().int(), plansMoved: z.number().int() })

// ---------- What a parent sees ----------

/** A parent's own session: their own times and door only, never the other party's. */
export const MySessionSchema = z.object({
  id: z.string(),
  date: LocalDateSchema,
  status: z.enum(['scheduled', 'cancelled', 'completed', 'did_not_attend']),
  serviceType: ServiceTypeSchema,
  arrivesAt: z.string(),
  leavesAt: z.string(),
  localArrival: LocalTimeSchema,
  localDeparture: LocalTimeSchema,
  place: z.string(),
  address: z.string().nullable(),
  entrance: z.string().nullable(),
  waitingRoom: z.string().nullable(),
  childrenNames: z.array(z.string()),
})
export type MySession = z.infer<typeof MySessionSchema>
export const MySessionsSchema = z.object({
  timeZone: z.string().nullable(),
  sessions: z.array(MySessionSchema),
})

// ---------- Calendar feeds ----------

export const FeedSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
})
export const FeedListSchema = z.object({ feeds: z.array(FeedSchema) })
export const CreateFeedSchema = z
  .object({ label: z.string().trim().min(1).max(80).default('My calendar') })
  .strip()
export const FeedCreatedSchema = z.object({
  feed: FeedSchema,
  /** Shown once: the secret address a calendar app subscribes to. */
  url: z.string(),
})
export const FeedTokenParamSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) })
