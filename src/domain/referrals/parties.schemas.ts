import { z } from 'zod'

/** A calendar date as people type it: `YYYY-MM-DD`. */
export const LocalDateSchema = z.iso.date('Enter a date as YYYY-MM-DD')

const Text = (max: number) => z.string().trim().max(max)
/** Optional free text: trimmed, and empty means none. */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()

export const PARTY_ROLES = [
  'child',
  'resident_parent',
  'non_resident_parent',
  'grandparent',
  'foster_carer',
  'new_partner',
  'other_relative',
  'named_attendee',
  'social_worker',
  'referrer',
  'other',
] as const
export const PartyRoleSchema = z.enum(PARTY_ROLES)
export type PartyRole = z.infer<typeof PartyRoleSchema>
export const ADULT_ROLES = PARTY_ROLES.filter((role) => role !== 'child')
export const AdultRoleSchema = z.enum(
  ADULT_ROLES as [Exclude<PartyRole, 'child'>, ...Exclude<PartyRole, 'child'>[]],
)

/** Whose side a person is on; protected details of one side are never shown to the other. */
export const SIDES = ['resident', 'non_resident'] as const
export const SideSchema = z.enum(SIDES)
export type Side = z.infer<typeof SideSchema>

export const ATTENDANCE = ['allowed', 'not_allowed', 'not_applicable'] as const
export const AttendanceSchema = z.enum(ATTENDANCE)

export const AUTHORISED_BY = ['referral', 'court_order', 'written_agreement'] as const
export const AuthorisedBySchema = z.enum(AUTHORISED_BY)

export const SAFETY_FLAGS = [
  'domestic_abuse',
  'non_molestation_order',
  'abduction_risk',
  'substance_misuse',
  'allegations',
  'child_protection',
  'mental_health',
  'address_confidential',
  'must_not_attend',
] as const
export const SafetyFlagSchema = z.enum(SAFETY_FLAGS)
export type SafetyFlag = z.infer<typeof SafetyFlagSchema>

/**
 * The details that are confidential from the other party and the other party's referrer
 * (R-CONF-1). Stored sealed; shown only through the parties presenter.
 */
export const PROTECTED_FIELDS = ['address', 'phone', 'email', 'school', 'newPartner'] as const
export type ProtectedField = (typeof PROTECTED_FIELDS)[number]
export const ProtectedFieldsSchema = z
  .object({
    address: OptionalText(500),
    phone: OptionalText(40),
    email: z
      .union([z.literal(''), z.email('Enter an email address such as name@example.org').max(254)])
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
    school: OptionalText(200),
    newPartner: OptionalText(500),
  })
  .strip()
export type ProtectedFieldsInput = z.infer<typeof ProtectedFieldsSchema>
export const ProtectedFieldsViewSchema = z.object({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  school: z.string().nullable(),
  newPartner: z.string().nullable(),
})
export type ProtectedFieldsView = z.infer<typeof ProtectedFieldsViewSchema>

/** What a child needs from the centre; babies' feeding and changing weigh on capacity. */
export const ChildNeedsSchema = z
  .object({
    feedingHelp: z.boolean().default(false),
    changingHelp: z.boolean().default(false),
    medical: OptionalText(1000),
    language: OptionalText(100),
    other: OptionalText(1000),
  })
  .strip()

export const AdultDetailsSchema = z
  .object({
    relationshipToChild: OptionalText(100),
    parentalResponsibility: z.boolean().nullable().optional(),
    language: OptionalText(100),
    interpreterNeeded: z.boolean().default(false),
    accessibility: OptionalText(1000),
    /** From a parent's own application: the name they gave for the other parent. */
    otherParentName: OptionalText(120),
    otherPeopleToAttend: OptionalText(500),
    courtOrderInPlace: z.boolean().optional(),
    /** How the door recognises them (no photo is kept): "tall, grey beard, usually a red coat". */
    description: OptionalText(300),
  })
  .strip()

export const ChildInputSchema = z
  .object({
    fullName: Text(120).min(1, 'Enter the child’s name'),
    dateOfBirth: LocalDateSchema,
    needs: ChildNeedsSchema.default({ feedingHelp: false, changingHelp: false }),
    protected: ProtectedFieldsSchema.pick({ school: true, address: true }).strip().default({}),
  })
  .strip()
export type ChildInput = z.infer<typeof ChildInputSchema>

export const AdultInputSchema = z
  .object({
    role: AdultRoleSchema,
    side: SideSchema.nullable().default(null),
    fullName: Text(120).min(1, 'Enter the person’s name'),
    dateOfBirth: LocalDateSchema.nullable().optional(),
    details: AdultDetailsSchema.default({ interpreterNeeded: false }),
    protected: ProtectedFieldsSchema.default({}),
    attendance: AttendanceSchema.optional(),
    authorisedBy: AuthorisedBySchema.nullable().optional(),
    safetyFlags: z.array(SafetyFlagSchema).max(SAFETY_FLAGS.length).default([]),
  })
  .strip()
export type AdultInput = z.infer<typeof AdultInputSchema>

export const UpdatePartySchema = z
  .object({
    fullName: Text(120).min(1),
    dateOfBirth: LocalDateSchema.nullable(),
    /** An adult's details (language, interpreter, accessibility...), merged into what is stored. */
    details: AdultDetailsSchema,
    /** A child's needs (feeding and changing help weigh on capacity), replacing what is stored. */
    needs: ChildNeedsSchema,
    protected: ProtectedFieldsSchema,
    attendance: AttendanceSchema,
    authorisedBy: AuthorisedBySchema.nullable(),
    safetyFlags: z.array(SafetyFlagSchema).max(SAFETY_FLAGS.length),
  })
  .partial()
  .strip()
export type UpdatePartyInput = z.infer<typeof UpdatePartySchema>

export const PartySchema = z.object({
  id: z.string(),
  kind: z.enum(['child', 'adult']),
  role: PartyRoleSchema,
  side: SideSchema.nullable(),
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  attendance: AttendanceSchema,
  authorisedBy: AuthorisedBySchema.nullable(),
  safetyFlags: z.array(SafetyFlagSchema),
  /** Shown only to those entitled to them; null otherwise. */
  protected: ProtectedFieldsViewSchema.nullable(),
  /** For staff: which protected fields hold a value they can reveal. Empty for anyone else. */
  withheld: z.array(z.enum(PROTECTED_FIELDS)),
  hasPortalAccount: z.boolean(),
})
export type PartyView = z.infer<typeof PartySchema>

export const RevealSchema = z
  .object({
    password: z.string().min(1, 'Enter your password').max(256),
    reason: Text(500).min(5, 'Say why you need to see these details'),
  })
  .strip()
export type RevealInput = z.infer<typeof RevealSchema>

export const AddPartySchema = AdultInputSchema.extend({
  attendance: AttendanceSchema,
}).strip()
export type AddPartyInput = z.infer<typeof AddPartySchema>
