import { insertRiskAssessment, listPreVisits } from '../../db/repositories/intake-records.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { addMonths, localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { newId } from '../shared/ids'
import { moveReferral, onDeskReferral } from './desk'
import { partyFacts, preVisitFacts } from './referrals.presenter'
import { missingPreVisits } from './referrals.rules'
import type { ReferralDetail, RiskAssessmentInput } from './referrals.schemas'

/**
 * Records the structured risk assessment (domain rules 3.7): its sections and answers (sealed), a
 * level, a recommendation, conditions and a review date. The first one, after every pre-visit has
 * been held, moves the referral to "risk assessed"; later ones are reviews.
 * @throws AppError CONFLICT while pre-visits are missing, or before intake has started.
 */
export async function recordRiskAssessment(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: RiskAssessmentInput,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    const status = ctx.referral.status
    if (!['pre_visits', 'risk_assessed', 'waitlisted'].includes(status))
      throw new AppError('CONFLICT', 'Start intake and hold the pre-visits before assessing risk.', {
        rule: 'intake-state-machine',
        status,
      })
    const settings = await loadIntakeSettings(ctx.trx, scope)
    if (status === 'pre_visits') {
      const parties = partyFacts(await listPartiesOfReferrals(ctx.trx, scope, [ctx.referral.id]))
      const visits = preVisitFacts(await listPreVisits(ctx.trx, scope, ctx.referral.id))
      const missing = missingPreVisits(parties, visits, settings)
      if (missing.length > 0)
        throw new AppError('CONFLICT', `Risk is assessed after the pre-visits: ${missing[0]}`, {
          rule: 'R-INT-1',
          missing,
        })
    }
    const today = localDateIn(ctx.centre.time_zone, deps.clock.now())
    const id = newId()
    await insertRiskAssessment(ctx.trx, {
      id,
      organisation_id: actor.organisationId,
      referral_id: ctx.referral.id,
      kind: status === 'pre_visits' ? 'initial' : 'review',
      level: input.level,
      recommended_service: input.recommendedService,
      factors: JSON.stringify(input.factors),
      conditions: JSON.stringify(input.conditions),
      answers_sealed: deps.fieldCrypto.encrypt(JSON.stringify(input.sections)),
      assessed_by_user_id: actor.userId,
      assessed_at: ctx.now,
      review_due_on: input.reviewDueOn ?? addMonths(today, Math.min(3, settings.reviewIntervalMonths)),
    })
    if (status === 'pre_visits')
      await moveReferral(
        deps,
        actor,
        ctx,
        'risk_assessed',
        `Risk assessed as ${input.level}; recommends ${input.recommendedService}`,
      )
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.risk_assessment.create',
      resourceType: 'risk_assessment',
      resourceIds: [id, ctx.referral.id],
      details: { level: input.level, recommendation: input.recommendedService },
    })
  })
}
