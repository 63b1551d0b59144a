import { z } from 'zod'

export const ROLES = ['admin', 'coordinator', 'volunteer', 'referrer', 'parent'] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** Roles that work inside the centre and see case data; the organisation can require 2FA for them. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'volunteer']

export const isStaffRole = (role: Role): boolean => STAFF_ROLES.includes(role)
