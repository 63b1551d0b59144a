import { z } from 'zod'
import { RoleGrantSchema } from '../auth/auth.schemas'

export const UserStatusSchema = z.enum(['invited', 'active', 'disabled'])

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: UserStatusSchema,
  twoFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(RoleGrantSchema),
})
export type UserView = z.infer<typeof UserSchema>

const Grants = z
  .array(RoleGrantSchema)
  .min(1, 'Give the person at least one role')
  .max(20)
  .refine(
    (grants) => new Set(grants.map((g) => `${g.role}:${g.centreId ?? '*'}`)).size === grants.length,
    'Each role may be given once per centre',
  )

export const InviteUserSchema = z
  .object({
    email: z
      .email({ message: 'Enter a valid email address' })
      .max(254)
      .transform((v) => v.trim().toLowerCase()),
    displayName: z.string().trim().min(1, 'Enter their name').max(120),
    roles: Grants,
  })
  .strip()
export type InviteUserInput = z.infer<typeof InviteUserSchema>

export const UpdateUserSchema = z
  .object({ displayName: z.string().trim().min(1).max(120), roles: Grants })
  .partial()
  .strip()
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>
