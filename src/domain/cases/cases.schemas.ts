import { z } from 'zod'
import { LocalDateSchema, PartySchema, SafetyFlagSchema } from '../referrals/parties.schemas'
import {
  CourtOrderSchema,
  GroundRulesStatusSchema,
  DocumentSchema,
  RiskAssessmentSchema,
  RiskFlagSchema,
  TransitionSchema,
} from '../referrals/referrals.schemas'

/** The contact level over time: supervised -> supported -> handover -> self-managed. */
export const CONTACT_LEVELS = [
  'supervised',
  'supported',
  'handover',
  'indirect',
  'escorted',
  'virtual',
  'self_managed',
] as const
export const ContactLevelSchema = z.enum(CONTACT_LEVELS)
export type ContactLevel = z.infer<typeof ContactLevelSchema>

export const CASE_STATUSES = ['active', 'closed'] as const
export const CaseStatusSchema = z.enum(CASE_STATUSES)

/** Closure outcome codes (domain rules 4.1); NACCC publishes no standard list. */
export const CLOSURE_OUTCOMES = [
  'moved_on_own_arrangements',
  'moved_on_handover_community',
  'stepped_down_to_supported',
  'transferred_to_other_centre',
  'court_order_changed_or_ended',
  'referrer_ended',
  'no_show_never_started',
  'place_reallocated_non_attendance',
  'withdrawn_rule_breach',
  'terminated_safety_unmanageable',
  'parent_withdrew',
  'other',
] as const
export const ClosureOutcomeSchema = z.enum(CLOSURE_OUTCOMES)

export const REVIEW_OUTCOMES = [
  'continue',
  'change_level',
  'change_frequency',
  'move_to_handover',
  'plan_exit',
  'close',
] as const

export const CaseSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  centreId: z.string(),
  status: CaseStatusSchema,
  serviceLevel: ContactLevelSchema,
  openedAt: z.string(),
  reviewDueOn: z.string(),
  reviewOverdue: z.boolean(),
  familyLabel: z.string(),
  children: z.array(z.object({ name: z.string(), ageYears: z.number().int().nullable() })),
  safetyFlags: z.array(SafetyFlagSchema),
  riskFlags: z.array(RiskFlagSchema),
})
export type CaseSummary = z.infer<typeof CaseSummarySchema>

export const CaseListQuerySchema = z
  .object({
    status: CaseStatusSchema.optional(),
    level: ContactLevelSchema.optional(),
    flag: z.union([SafetyFlagSchema, RiskFlagSchema]).optional(),
    review: z.enum(['overdue', 'due_30_days']).optional(),
    centreId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strip()
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>

export const CaseListSchema = z.object({ cases: z.array(CaseSummarySchema), total: z.number().int() })

export const ReadinessSchema = z.object({
  ready: z.boolean(),
  blockers: z.array(z.object({ rule: z.string(), message: z.string() })),
})
export type Readiness = z.infer<typeof ReadinessSchema>

export const CaseDetailSchema = CaseSummarySchema.extend({
  referralId: z.string(),
  referralReference: z.string(),
  parties: z.array(PartySchema),
  courtOrders: z.array(CourtOrderSchema),
  documents: z.array(DocumentSchema),
  riskAssessments: z.array(RiskAssessmentSchema),
  notes: z.array(z.object({ id: z.string(), body: z.string(), author: z.string(), createdAt: z.string() })),
  levelHistory: z.array(
    z.object({
      level: ContactLevelSchema,
      previousLevel: ContactLevelSchema.nullable(),
      reason: z.string(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      outcome: z.enum(REVIEW_OUTCOMES),
      notes: z.string().nullable(),
      nextReviewDueOn: z.string(),
      by: z.string(),
    }),
  ),
  transitions: z.array(TransitionSchema),
  groundRules: GroundRulesStatusSchema,
  readiness: ReadinessSchema,
  closure: z
    .object({ outcome: ClosureOutcomeSchema, reason: z.string().nullable(), closedAt: z.string() })
    .nullable(),
})
export type CaseDetail = z.infer<typeof CaseDetailSchema>

export const ChangeLevelSchema = z
  .object({ level: ContactLevelSchema, reason: z.string().trim().min(5, 'Give a reason').max(2000) })
  .strip()
export const RecordReviewSchema = z
  .object({
    heldOn: LocalDateSchema,
    outcome: z.enum(REVIEW_OUTCOMES),
    notes: z.string().trim().max(10_000).optional(),
    nextReviewDueOn: LocalDateSchema.optional(),
  })
  .strip()
export type RecordReviewInput = z.infer<typeof RecordReviewSchema>
export const CloseCaseSchema = z
  .object({ outcome: ClosureOutcomeSchema, reason: z.string().trim().min(5, 'Give a reason').max(2000) })
  .strip()
export const AddNoteSchema = z
  .object({ body: z.string().trim().min(1, 'Write the note').max(10_000) })
  .strip()
export const ReadinessQuerySchema = z.object({ firstSessionOn: LocalDateSchema })

export const WaitingListSchema = z.object({
  centreId: z.string(),
  capacity: z.object({ units: z.number(), used: z.number(), available: z.number() }),
  entries: z.array(
    z.object({
      referralId: z.string(),
      reference: z.string(),
      position: z.number().int(),
      familyLabel: z.string(),
      serviceRequested: ContactLevelSchema,
      waitlistedAt: z.string(),
      weight: z.number(),
      expectedWaitWeeks: z.number().int(),
      fitsNow: z.boolean(),
    }),
  ),
})
export type WaitingList = z.infer<typeof WaitingListSchema>

export const MyFamilySchema = z.object({
  families: z.array(
    z.object({
      referralReference: z.string(),
      /** Where the family stands: a referral's intake state, or its case once accepted. */
      status: z.enum([
        'received',
        'pre_visits',
        'risk_assessed',
        'waitlisted',
        'declined',
        'withdrawn',
        'merged',
        'case_active',
        'case_closed',
      ]),
      centreName: z.string(),
      me: PartySchema,
      children: z.array(PartySchema),
      groundRules: z
        .object({
          versionId: z.string(),
          version: z.number().int(),
          title: z.string(),
          body: z.string(),
          signed: z.boolean(),
        })
        .nullable(),
    }),
  ),
})
export type MyFamily = z.infer<typeof MyFamilySchema>
