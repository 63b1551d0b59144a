import type { ReferralRow } from '../../db/repositories/referrals.repository'
import { hasRole, hasRoleInCentre, type Actor } from '../access/actor'
import { notFound } from '../errors'
import type { Side } from './parties.schemas'
import type { Viewer } from './parties.presenter'

/** The centre's desk: admins and the centre's coordinators take referrals and keep case files. */
export const isDesk = (actor: Actor, centreId: string): boolean =>
  hasRoleInCentre(actor, centreId, 'admin', 'coordinator')

/** The centres whose referrals this actor works on, or null for every centre of the organisation. */
export function deskCentreIds(actor: Actor): string[] | null {
  const grants = actor.grants.filter((g) => g.role === 'admin' || g.role === 'coordinator')
  if (grants.some((g) => g.centreId === null)) return null
  return grants.flatMap((g) => (g.centreId ? [g.centreId] : []))
}

/**
 * The sides whose protected details a referrer sees: their own client's. A neutral professional
 * ("both") already holds both parents' details in their own file and sees neither here, so a
 * referrer who wrongly calls themselves neutral learns nothing new from Kinbridge.
 */
const sidesFor = (actingFor: string | null): Side[] => {
  if (actingFor === 'resident') return ['resident']
  if (actingFor === 'non_resident') return ['non_resident']
  return []
}

/**
 * How this actor may see a referral, or null when they may not see it at all. Staff of the centre
 * see it as staff; a referrer sees only referrals they made.
 */
export function viewerForReferral(actor: Actor, referral: ReferralRow): Viewer | null {
  if (isDesk(actor, referral.centre_id)) return { kind: 'staff' }
  if (hasRole(actor, 'referrer') && actor.userId !== null && referral.referrer_user_id === actor.userId)
    return { kind: 'referrer', sides: sidesFor(referral.referrer_acting_for) }
  return null
}

/** The viewer, or NOT_FOUND: another centre's or another referrer's referral does not exist for them. */
export function assertViewer(
  actor: Actor,
  referral: ReferralRow | undefined,
): { referral: ReferralRow; viewer: Viewer } {
  const viewer = referral ? viewerForReferral(actor, referral) : null
  if (!referral || !viewer) throw notFound('Referral')
  return { referral, viewer }
}

/** Desk work on a referral (pre-visits, decisions...). Others get NOT_FOUND, never a hint it exists. */
export function assertDesk(actor: Actor, referral: ReferralRow | undefined): ReferralRow {
  if (!referral || !isDesk(actor, referral.centre_id)) throw notFound('Referral')
  return referral
}
