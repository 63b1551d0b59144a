import { z } from 'zod'

/**
 * A centre's intake rules. Every number is a default the organisation can change
 * (domain rules 0.2: never hard-code what centres do differently).
 */
export const IntakeSettingsSchema = z.object({
  referralSources: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .regex(/^[a-z0-9_]+$/),
        label: z.string().trim().min(1).max(80),
      }),
    )
    .min(1)
    .max(40)
    .default([
      { code: 'court_adviser', label: 'Court adviser (Cafcass / JFCAS)' },
      { code: 'social_services', label: 'Social services' },
      { code: 'solicitor', label: 'Solicitor' },
      { code: 'self', label: 'Self-referral' },
      { code: 'health_visitor', label: 'Health visitor' },
      { code: 'mediator', label: 'Mediator' },
      { code: 'other', label: 'Other' },
    ]),
  /** R-REV-1: review each family at least this often. */
  reviewIntervalMonths: z.number().int().min(1).max(24).default(6),
  /** R-INT-3: pre-visits at least this many days before the first session (never the same day). */
  preVisitMinDaysBeforeFirstSession: z.number().int().min(1).max(60).default(1),
  /** R-INT-2: the child visits before the first session. */
  childFamiliarisationRequired: z.boolean().default(true),
  /** R-INT-1: two adults' pre-visits on one referral are at least this far apart. */
  preVisitGapMinutes: z.number().int().min(0).max(1440).default(60),
  /** R-REF-7: supervised contact through self-referral only when the centre allows it. */
  selfReferralServices: z
    .array(z.enum(['supported', 'supervised', 'handover', 'indirect', 'escorted', 'virtual']))
    .default(['supported', 'handover', 'indirect']),
  /** Capacity of each centre, in units of input (one supported family = 1 unit). */
  centreCapacityUnits: z.number().min(0).max(1000).default(12),
  /** Units a family takes by contact level; supervised contact is one-to-one. */
  levelWeights: z
    .object({
      supported: z.number().min(0).max(20).default(1),
      supervised: z.number().min(0).max(20).default(3),
      handover: z.number().min(0).max(20).default(0.5),
      indirect: z.number().min(0).max(20).default(0),
      escorted: z.number().min(0).max(20).default(3),
      virtual: z.number().min(0).max(20).default(1),
      self_managed: z.number().min(0).max(20).default(0),
    })
    .default({
      supported: 1,
      supervised: 3,
      handover: 0.5,
      indirect: 0,
      escorted: 3,
      virtual: 1,
      self_managed: 0,
    }),
  /** Extra units for each child who needs help with feeding or changing (babies). */
  babyExtraWeight: z.number().min(0).max(10).default(0.5),
  /** How long a family typically uses the centre, for the expected wait on the waiting list. */
  typicalCaseWeeks: z.number().int().min(1).max(520).default(26),
  /** Public self-referral form on or off. */
  selfReferralOpen: z.boolean().default(true),
})
export type IntakeSettings = z.infer<typeof IntakeSettingsSchema>

type WithoutDefaults<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>
}

/** Every field optional and, unlike `.partial()`, with no defaults: what is not sent keeps its stored value. */
function optionalWithoutDefaults<T extends z.ZodRawShape>(shape: T): WithoutDefaults<T> {
  const fields = Object.entries(shape).map(([key, field]) => {
    const inner = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType
    return [key, inner.optional()] as const
  })
  return Object.fromEntries(fields) as unknown as WithoutDefaults<T>
}

/** A change to some settings; `levelWeights` and `referralSources` are replaced as a whole. */
export const UpdateIntakeSettingsSchema = z
  .object(optionalWithoutDefaults(IntakeSettingsSchema.shape))
  .strip()

export const GroundRulesSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
})
export const PublishGroundRulesSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(20, 'Write out the rules in full').max(20_000),
  })
  .strip()
export const SignGroundRulesSchema = z
  .object({ versionId: z.uuid(), method: z.enum(['in_person', 'online']).default('in_person') })
  .strip()

export const IntakeOptionsSchema = z.object({
  centres: z.array(z.object({ id: z.string(), name: z.string() })),
  referralSources: z.array(z.object({ code: z.string(), label: z.string() })),
})
