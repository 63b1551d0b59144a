import { z } from 'zod'
import {
  AdultInputSchema,
  ChildInputSchema,
  ChildNeedsSchema,
  LocalDateSchema,
  OptionalText,
  PartySchema,
  ProtectedFieldsSchema,
  SideSchema,
} from './parties.schemas'

export const REFERRAL_STATUSES = [
  'received',
  'pre_visits',
  'risk_assessed',
  'waitlisted',
  'accepted',
  'declined',
  'withdrawn',
  'merged',
] as const
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES)
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>

export const CHANNELS = ['staff', 'referrer', 'self'] as const
export const ChannelSchema = z.enum(CHANNELS)
export type Channel = z.infer<typeof ChannelSchema>

export const SERVICE_TYPES = [
  'supported',
  'supervised',
  'handover',
  'indirect',
  'escorted',
  'virtual',
] as const
export const ServiceTypeSchema = z.enum(SERVICE_TYPES)
export type ServiceType = z.infer<typeof ServiceTypeSchema>

export const RISK_FLAGS = [
  'domestic_abuse',
  'non_molestation_order',
  'other_protective_order',
  'substance_misuse',
  'abduction_risk',
  'allegations',
  'child_protection',
  'convictions',
  'mental_health',
] as const
export const RiskFlagSchema = z.enum(RISK_FLAGS)
export type RiskFlag = z.infer<typeof RiskFlagSchema>

export const COURT_ORDER_TYPES = [
  'child_arrangements',
  'non_molestation',
  'prohibited_steps',
  'specific_issue',
  'occupation',
  'restraining',
  'bail_conditions',
  'other',
] as const
export const CourtOrderTypeSchema = z.enum(COURT_ORDER_TYPES)

export const CourtOrderInputSchema = z
  .object({
    orderType: CourtOrderTypeSchema,
    madeOn: LocalDateSchema.nullable().optional(),
    court: OptionalText(200),
    conditions: OptionalText(2000),
    namedPeople: OptionalText(1000),
    expiresOn: LocalDateSchema.nullable().optional(),
    documentId: z.uuid().nullable().optional(),
  })
  .strip()
export type CourtOrderInput = z.infer<typeof CourtOrderInputSchema>

export const RiskInputSchema = z
  .object({
    flags: z.array(RiskFlagSchema).max(RISK_FLAGS.length).default([]),
    /** What the referrer knows; sealed, and seen by the centre's coordinators only. */
    narrative: OptionalText(10_000),
  })
  .strip()

export const ReferrerDetailsSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the referrer’s name').max(120),
    organisation: OptionalText(200),
    role: OptionalText(120),
    email: z
      .union([z.literal(''), z.email().max(254)])
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
    phone: OptionalText(40),
    /** A solicitor acts for one parent; a court adviser or social worker for neither ("both"). */
    actingFor: z.enum(['resident', 'non_resident', 'both']).default('both'),
  })
  .strip()

/** A referral entered by staff (from a call, email or paper form) or submitted by a referrer. */
export const CreateReferralSchema = z
  .object({
    centreId: z.uuid(),
    sourceCode: z.string().trim().min(1).max(40),
    serviceRequested: ServiceTypeSchema,
    frequencyRequested: OptionalText(200),
    referrer: ReferrerDetailsSchema.nullable().optional(),
    children: z.array(ChildInputSchema).min(1, 'Add at least one child').max(12),
    adults: z.array(AdultInputSchema).min(1, 'Add at least one adult').max(12),
    courtOrders: z.array(CourtOrderInputSchema).max(12).default([]),
    risk: RiskInputSchema.default({ flags: [] }),
  })
  .strip()
export type CreateReferralInput = z.infer<typeof CreateReferralSchema>

/** A parent's own application through the public form; each parent applies separately. */
export const SelfReferralSchema = z
  .object({
    applicant: z
      .object({
        role: z.enum(['resident_parent', 'non_resident_parent']),
        fullName: z.string().trim().min(1, 'Enter your name').max(120),
        dateOfBirth: LocalDateSchema.nullable().optional(),
        language: OptionalText(100),
        interpreterNeeded: z.boolean().default(false),
        accessibility: OptionalText(1000),
        contact: ProtectedFieldsSchema.pick({ address: true, phone: true, email: true }).strip(),
      })
      .strip(),
    otherParentName: z.string().trim().min(1, 'Enter the other parent’s name').max(120),
    children: z
      .array(
        z
          .object({
            fullName: z.string().trim().min(1, 'Enter the child’s name').max(120),
            dateOfBirth: LocalDateSchema,
            needs: ChildNeedsSchema.default({ feedingHelp: false, changingHelp: false }),
          })
          .strip(),
      )
      .min(1, 'Add at least one child')
      .max(8),
    serviceRequested: ServiceTypeSchema,
    frequencyRequested: OptionalText(200),
    otherPeopleToAttend: OptionalText(500),
    courtOrderInPlace: z.boolean().default(false),
    risk: RiskInputSchema.default({ flags: [] }),
    consent: z.literal(true, 'Tick the box to say you agree the centre may hold these details'),
    /** Left empty by people; filled in by form-filling robots. */
    website: z.string().max(200).optional(),
  })
  .strip()
export type SelfReferralInput = z.infer<typeof SelfReferralSchema>

export const SelfReferralReceiptSchema = z.object({
  reference: z.string(),
  centreName: z.string(),
  whatHappensNext: z.array(z.string()),
})
export type SelfReferralReceipt = z.infer<typeof SelfReferralReceiptSchema>

export const PublicCentreSchema = z.object({
  centreId: z.string(),
  centreName: z.string(),
  organisationName: z.string(),
  servicesOffered: z.array(ServiceTypeSchema),
  whatHappensNext: z.array(z.string()),
})

export const DECISIONS = ['accept', 'decline', 'waitlist', 'withdraw'] as const
export const DecisionSchema = z
  .object({
    decision: z.enum(DECISIONS),
    reason: z.string().trim().min(5, 'Give the reason for this decision').max(2000),
    /** The contact level the family starts at, when accepting. */
    serviceLevel: ServiceTypeSchema.optional(),
  })
  .strip()
export type DecisionInput = z.infer<typeof DecisionSchema>

export const ReasonSchema = z.object({ reason: z.string().trim().min(5, 'Give a reason').max(2000) }).strip()

export const LinkReferralSchema = z.object({ otherReferralId: z.uuid() }).strip()

export const PRE_VISIT_KINDS = ['adult', 'child_familiarisation'] as const
export const PRE_VISIT_OUTCOMES = ['scheduled', 'held', 'did_not_attend', 'cancelled'] as const

export const PreVisitChecklistSchema = z
  .object({
    identityChecked: z.boolean(),
    detailsConfirmed: z.boolean(),
    rulesExplained: z.boolean(),
    recordingExplained: z.boolean(),
    meetingPreferenceRecorded: z.boolean(),
    arrivalPlanAgreed: z.boolean(),
    feesExplained: z.boolean(),
    interpreterUsed: z.boolean(),
    tourGiven: z.boolean(),
    emergencyContactTaken: z.boolean(),
  })
  .partial()
  .strip()

export const SchedulePreVisitSchema = z
  .object({
    partyId: z.uuid(),
    kind: z.enum(PRE_VISIT_KINDS).default('adult'),
    scheduledAt: z.iso.datetime({ offset: true }),
  })
  .strip()
export type SchedulePreVisitInput = z.infer<typeof SchedulePreVisitSchema>

export const RecordPreVisitSchema = z
  .object({
    outcome: z.enum(['held', 'did_not_attend', 'cancelled']),
    heldOn: LocalDateSchema.optional(),
    checklist: PreVisitChecklistSchema.default({}),
    notes: OptionalText(10_000),
  })
  .strip()
export type RecordPreVisitInput = z.infer<typeof RecordPreVisitSchema>

export const PreVisitSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  kind: z.enum(PRE_VISIT_KINDS),
  scheduledAt: z.string(),
  heldOn: z.string().nullable(),
  outcome: z.enum(PRE_VISIT_OUTCOMES),
  checklist: PreVisitChecklistSchema,
  notes: z.string().nullable(),
})

export const RISK_LEVELS = ['low', 'medium', 'high'] as const
export const RECOMMENDATIONS = ['supported', 'supervised', 'handover', 'indirect', 'decline'] as const
export const RiskAssessmentInputSchema = z
  .object({
    level: z.enum(RISK_LEVELS),
    recommendedService: z.enum(RECOMMENDATIONS),
    factors: z.array(RiskFlagSchema).max(RISK_FLAGS.length).default([]),
    conditions: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    sections: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).max(120),
            answers: z
              .array(
                z
                  .object({
                    question: z.string().trim().min(1).max(300),
                    answer: z.string().trim().max(5000),
                  })
                  .strip(),
              )
              .max(40),
          })
          .strip(),
      )
      .min(1, 'Answer at least one section')
      .max(20),
    reviewDueOn: LocalDateSchema.optional(),
  })
  .strip()
export type RiskAssessmentInput = z.infer<typeof RiskAssessmentInputSchema>

export const RiskAssessmentSchema = z.object({
  id: z.string(),
  kind: z.enum(['initial', 'review']),
  level: z.enum(RISK_LEVELS),
  recommendedService: z.enum(RECOMMENDATIONS),
  factors: z.array(RiskFlagSchema),
  conditions: z.array(z.string()),
  sections: z.array(
    z.object({ title: z.string(), answers: z.array(z.object({ question: z.string(), answer: z.string() })) }),
  ),
  assessedBy: z.string().nullable(),
  assessedAt: z.string(),
  reviewDueOn: z.string(),
})

export const TransitionSchema = z.object({
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
})

export const DocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(['court_order', 'other']),
  title: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
})

export const UploadDocumentSchema = z
  .object({
    kind: z.enum(['court_order', 'other']),
    title: z.string().trim().min(1, 'Give the document a title').max(120),
    /** The file, base64-encoded; its type is read from its content, never from a name. */
    contentBase64: z.string().min(4).max(8_000_000),
  })
  .strip()
export type UploadDocumentInput = z.infer<typeof UploadDocumentSchema>

export const CourtOrderSchema = z.object({
  id: z.string(),
  orderType: CourtOrderTypeSchema,
  madeOn: z.string().nullable(),
  court: z.string().nullable(),
  conditions: z.string().nullable(),
  namedPeople: z.string().nullable(),
  expiresOn: z.string().nullable(),
  documentId: z.string().nullable(),
})

export const NextStepSchema = z.object({
  action: z.enum(['start_intake', 'schedule_pre_visits', 'assess_risk', 'decide', 'offer_place', 'link']),
  label: z.string(),
  /** What still stands in the way, in words a coordinator can act on. Empty when it can be done. */
  blockers: z.array(z.string()),
})

/** Whether each parent has signed the ground rules in force (R-INT-4). */
export const GroundRulesStatusSchema = z.object({
  currentVersion: z.number().int().nullable(),
  adults: z.array(
    z.object({
      partyId: z.string(),
      name: z.string(),
      signedCurrent: z.boolean(),
      signedAt: z.string().nullable(),
    }),
  ),
})
export type GroundRulesStatus = z.infer<typeof GroundRulesStatusSchema>

export const ReferralSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  centreId: z.string(),
  status: ReferralStatusSchema,
  channel: ChannelSchema,
  source: z.object({ code: z.string(), label: z.string() }),
  serviceRequested: ServiceTypeSchema,
  receivedAt: z.string(),
  ageDays: z.number().int(),
  familyLabel: z.string(),
  childCount: z.number().int(),
  /** Staff only; empty for everyone else. */
  riskFlags: z.array(RiskFlagSchema),
  /** Self-referrals still waiting for the other parent's application. */
  awaitingOtherParent: z.boolean(),
  caseId: z.string().nullable(),
})
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>

export const ReferralDetailSchema = ReferralSummarySchema.extend({
  frequencyRequested: z.string().nullable(),
  referrer: z
    .object({
      name: z.string().nullable(),
      organisation: z.string().nullable(),
      role: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      actingFor: z.enum(['resident', 'non_resident', 'both']).nullable(),
    })
    .nullable(),
  parties: z.array(PartySchema),
  courtOrders: z.array(CourtOrderSchema),
  documents: z.array(DocumentSchema),
  /** Staff only. */
  riskNarrative: z.string().nullable(),
  preVisits: z.array(PreVisitSchema),
  riskAssessments: z.array(RiskAssessmentSchema),
  transitions: z.array(TransitionSchema),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  waitlistedAt: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  /** Staff only: who has signed the ground rules in force; null for anyone else. */
  groundRules: GroundRulesStatusSchema.nullable(),
  /** Staff only: what can be done next and what is missing. */
  nextSteps: z.array(NextStepSchema),
  missing: z.array(z.string()),
})
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>

export const ReferralListQuerySchema = z
  .object({
    status: ReferralStatusSchema.optional(),
    channel: ChannelSchema.optional(),
    centreId: z.uuid().optional(),
    sourceCode: z.string().max(40).optional(),
    /** Only referrals at least this many days old. */
    olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strip()
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>

export const ReferralListSchema = z.object({
  referrals: z.array(ReferralSummarySchema),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
})

export const SideQuerySchema = z.object({ side: SideSchema.optional() })
