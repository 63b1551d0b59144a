import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { moveReferral, onDeskReferral } from './desk'
import { partyFacts } from './referrals.presenter'
import { missingForIntake } from './referrals.rules'
import type { ReferralDetail } from './referrals.schemas'

/**
 * Takes a complete referral into intake, where pre-visits are arranged (R-REF-3).
 * @throws AppError CONFLICT listing what is missing, or when the referral is past this step.
 */
export async function startIntake(deps: Deps, actor: Actor, referralId: string): Promise<ReferralDetail> {
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    const parties = await listPartiesOfReferrals(ctx.trx, scopeOf(actor), [ctx.referral.id])
    const missing = missingForIntake(partyFacts(parties))
    if (ctx.referral.status === 'received' && missing.length > 0)
      throw new AppError('CONFLICT', `The referral is not complete yet: ${missing[0]}`, {
        rule: 'R-REF-3',
        missing,
      })
    await moveReferral(deps, actor, ctx, 'pre_visits', 'Referral complete; pre-visits to arrange')
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.start_intake',
      resourceType: 'referral',
      resourceIds: [ctx.referral.id],
    })
  })
}
