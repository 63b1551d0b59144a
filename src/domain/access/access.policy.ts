import { AppError } from '../errors'
import type { Actor } from './actor'
import type { Role } from './roles'

/**
 * What a route demands of its caller. Every route declares one; the server refuses to start with a
 * route that has none, and the authorization matrix test is generated from these declarations.
 */
export type Policy =
  /** Anyone, signed in or not (login, password reset, health). */
  | { kind: 'public' }
  /** A session that has passed the password but still owes its second factor. */
  | { kind: 'second_factor' }
  /** A signed-in user, including one who must still enrol in two-factor authentication. */
  | { kind: 'signed_in'; allowEnrolment: boolean }
  /** A fully signed-in user holding one of these roles. */
  | { kind: 'roles'; roles: readonly Role[] }

export const policies = {
  public: (): Policy => ({ kind: 'public' }),
  secondFactor: (): Policy => ({ kind: 'second_factor' }),
  /** Any fully signed-in member of the organisation. */
  member: (): Policy => ({ kind: 'signed_in', allowEnrolment: false }),
  /** Any signed-in member, even before they have enrolled the second factor their role requires. */
  memberEnrolling: (): Policy => ({ kind: 'signed_in', allowEnrolment: true }),
  roles: (...roles: Role[]): Policy => ({ kind: 'roles', roles }),
}

/** Decides a role policy for an authenticated actor. */
export function assertRolePolicy(actor: Actor, policy: Policy): void {
  if (policy.kind !== 'roles') return
  if (!actor.grants.some((grant) => policy.roles.includes(grant.role))) {
    throw new AppError('FORBIDDEN', 'Your role does not allow this')
  }
}
