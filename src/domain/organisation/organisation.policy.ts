import { hasRole, hasRoleInCentre, type Actor } from '../access/actor'
import { AppError } from '../errors'

/** Admins run the organisation; a coordinator looks after the venues and rooms of their own centres. */
export const canManageOrganisation = (actor: Actor): boolean => hasRole(actor, 'admin')

export const canManageCentrePremises = (actor: Actor, centreId: string): boolean =>
  hasRole(actor, 'admin') || hasRoleInCentre(actor, centreId, 'coordinator')

/** Staff assigned to one centre see that centre only; organisation-wide staff see all. */
export const canSeeCentre = (actor: Actor, centreId: string): boolean =>
  hasRoleInCentre(actor, centreId, 'admin', 'coordinator', 'volunteer')

export function assertCan(allowed: boolean, message = 'Your role does not allow this'): void {
  if (!allowed) throw new AppError('FORBIDDEN', message)
}
