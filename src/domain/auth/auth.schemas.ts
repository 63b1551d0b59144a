import { z } from 'zod'
import { RoleSchema } from '../access/roles'

const Email = z
  .email({ message: 'Enter a valid email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase())

export const LoginSchema = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(1024),
})
export type LoginInput = z.infer<typeof LoginSchema>

export const SessionStageSchema = z.enum(['second_factor', 'enrol_second_factor', 'active'])
export type SessionStage = z.infer<typeof SessionStageSchema>

export const LoginResultSchema = z.object({ stage: SessionStageSchema })

export const SecondFactorSchema = z.union([
  z.object({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app') }),
  z.object({ recoveryCode: z.string().min(8).max(32) }),
])
export type SecondFactorInput = z.infer<typeof SecondFactorSchema>

export const RoleGrantSchema = z.object({ role: RoleSchema, centreId: z.uuid().nullable() })

export const CurrentSessionSchema = z.object({
  stage: SessionStageSchema,
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleSeconds: z.number().int(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    hasTwoFactor: z.boolean(),
  }),
  organisation: z.object({ id: z.string(), name: z.string(), requireStaffTwoFactor: z.boolean() }),
  roles: z.array(RoleGrantSchema),
})
export type CurrentSession = z.infer<typeof CurrentSessionSchema>

export const PasswordResetRequestSchema = z.object({ email: Email })
export const PasswordResetCompleteSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(1024),
})
export type PasswordResetCompleteInput = z.infer<typeof PasswordResetCompleteSchema>

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
  signOutOtherSessions: z.boolean().default(true),
})
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>

export const TotpSetupSchema = z.object({ password: z.string().min(1).max(1024) })
export const TotpSetupResultSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string(),
})
export type TotpSetupResult = z.infer<typeof TotpSetupResultSchema>

export const TotpConfirmSchema = z.object({
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app'),
})
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) })

export const TotpDisableSchema = z.object({
  password: z.string().min(1).max(1024),
  code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your app'),
})
export const PasswordConfirmSchema = z.object({ password: z.string().min(1).max(1024) })

export const AccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  twoFactor: z.object({
    enabled: z.boolean(),
    required: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  }),
  roles: z.array(RoleGrantSchema),
})
export type Account = z.infer<typeof AccountSchema>

export const AccountSessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
})
export type AccountSession = z.infer<typeof AccountSessionSchema>

export const ApiTokenCreateSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(80),
  days: z.number().int().min(1).max(365).default(90),
})
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateSchema>

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})
export type ApiTokenView = z.infer<typeof ApiTokenSchema>
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({ token: z.string() })
