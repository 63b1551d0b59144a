import { findReferral, updateReferral } from '../../db/repositories/referrals.repository'
import { listPartiesOfReferrals, moveParties } from '../../db/repositories/parties.repository'
import { moveReferralRecords } from '../../db/repositories/intake-records.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { moveReferral, onDeskReferral } from './desk'
import { recordTransition } from './workflow'
import { assertDesk } from './referrals.policy'
import type { ReferralDetail } from './referrals.schemas'

const parentRoles = (parties: { role: string }[]) =>
  parties.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent').map((p) => p.role)

/**
 * Joins the other parent's self-referral into this one (R-REF-5: each parent applies separately).
 * The other application's parent, any child not already named, its orders and documents move here;
 * the other application is kept, marked as joined, with its history.
 * @throws AppError CONFLICT unless both are self-referrals still received, one from each parent.
 */
export async function linkSelfReferrals(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: { otherReferralId: string },
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    const other = assertDesk(actor, await findReferral(ctx.trx, scope, input.otherReferralId))
    if (other.id === ctx.referral.id) throw new AppError('CONFLICT', 'Choose the other parent’s application.')
    for (const r of [ctx.referral, other]) {
      if (r.channel !== 'self' || r.status !== 'received')
        throw new AppError(
          'CONFLICT',
          `Referral ${r.reference} is not a self-referral waiting to be joined.`,
          {
            rule: 'R-REF-5',
            reference: r.reference,
          },
        )
    }
    if (other.centre_id !== ctx.referral.centre_id)
      throw new AppError('CONFLICT', 'The two applications are for different centres.', { rule: 'R-REF-5' })
    const [mine, theirs] = await Promise.all([
      listPartiesOfReferrals(ctx.trx, scope, [ctx.referral.id]),
      listPartiesOfReferrals(ctx.trx, scope, [other.id]),
    ])
    const overlap = parentRoles(mine).filter((role) => parentRoles(theirs).includes(role))
    if (overlap.length > 0)
      throw new AppError(
        'CONFLICT',
        'Both applications are from the same kind of parent; join one from each parent.',
        {
          rule: 'R-REF-5',
        },
      )
    const known = new Set(
      mine.filter((p) => p.kind === 'child').map((c) => `${c.search_name}|${c.date_of_birth ?? ''}`),
    )
    const moving = theirs.filter(
      (p) => p.kind === 'adult' || !known.has(`${p.search_name}|${p.date_of_birth ?? ''}`),
    )
    await moveParties(
      ctx.trx,
      scope,
      other.id,
      ctx.referral.id,
      moving.map((p) => p.id),
    )
    await moveReferralRecords(ctx.trx, scope, other.id, ctx.referral.id)
    const flags = new Set([
      ...(JSON.parse(ctx.referral.risk_flags) as string[]),
      ...(JSON.parse(other.risk_flags) as string[]),
    ])
    const narratives = [ctx.referral.risk_sealed, other.risk_sealed].flatMap((s) =>
      s ? [deps.fieldCrypto.decrypt(s)] : [],
    )
    await updateReferral(ctx.trx, scope, ctx.referral.id, {
      risk_flags: JSON.stringify([...flags]),
      risk_sealed: narratives.length > 0 ? deps.fieldCrypto.encrypt(narratives.join('\n\n---\n\n')) : null,
      updated_at: ctx.now,
    })
    await moveReferral(
      deps,
      actor,
      { ...ctx, referral: other },
      'merged',
      `Joined into ${ctx.referral.reference}`,
      {
        merged_into_id: ctx.referral.id,
      },
    )
    await recordTransition(
      ctx.trx,
      deps.clock,
      { actor, label: ctx.actorName },
      {
        organisationId: actor.organisationId,
        subjectType: 'referral',
        subjectId: ctx.referral.id,
        from: 'received',
        to: 'received',
        reason: `Joined with the other parent’s application ${other.reference}`,
      },
    )
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.link',
      resourceType: 'referral',
      resourceIds: [ctx.referral.id, other.id],
      details: { moved: moving.length },
    })
  })
}
