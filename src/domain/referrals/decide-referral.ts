import { insertCase, insertLevelChange, listActiveLoad } from '../../db/repositories/cases.repository'
import { attachPartiesToCase, listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { listRiskAssessments } from '../../db/repositories/intake-records.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { addMonths, capacityWeight, localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { assertMove, moveReferral, onDeskReferral, type DeskContext } from './desk'
import { supervisionConflict } from './referrals.rules'
import {
  ServiceTypeSchema,
  type DecisionInput,
  type ReferralDetail,
  type ServiceType,
} from './referrals.schemas'
import { newReference, recordTransition } from './workflow'

const LABEL: Record<DecisionInput['decision'], string> = {
  accept: 'accepted',
  decline: 'declined',
  waitlist: 'placed on the waiting list',
  withdraw: 'withdrawn',
}

/** Tells the referrer of the decision; the email names the referral, never a party's details. */
async function tellReferrer(
  deps: Deps,
  actor: Actor,
  ctx: DeskContext,
  decision: DecisionInput['decision'],
  reason: string,
) {
  if (!ctx.referral.referrer_email) return
  const lines = [
    `${ctx.centre.name} has ${LABEL[decision]} referral ${ctx.referral.reference}.`,
    ...(decision === 'decline' ? ['', `Reasons: ${reason}`] : []),
    '',
    'You can see the referral in Kinbridge under Referrals.',
  ]
  await enqueueEmail(ctx.trx, deps.clock, {
    organisationId: actor.organisationId,
    to: ctx.referral.referrer_email,
    subject: `Referral ${ctx.referral.reference}: ${LABEL[decision]}`,
    text: lines.join('\n'),
  })
}

/**
 * Opens the case for an accepted family, checking the supervision rule and the centre's capacity
 * inside the same transaction.
 */
async function acceptInto(deps: Deps, actor: Actor, ctx: DeskContext, level: ServiceType, reason: string) {
  const scope = scopeOf(actor)
  const assessments = await listRiskAssessments(ctx.trx, scope, ctx.referral.id)
  const latest = assessments.at(-1)
  const conflict = supervisionConflict(
    level,
    ServiceTypeSchema.catch('supported').parse(ctx.referral.service_requested),
    latest?.recommended_service ?? null,
  )
  if (conflict) throw new AppError('CONFLICT', conflict, { rule: 'supervised-not-supported' })
  if (latest?.recommended_service === 'decline')
    throw new AppError(
      'CONFLICT',
      'The risk assessment recommends declining; record a new assessment to accept.',
      {
        rule: 'risk-assessment',
      },
    )
  const settings = await loadIntakeSettings(ctx.trx, scope)
  const parties = await listPartiesOfReferrals(ctx.trx, scope, [ctx.referral.id])
  const babies = parties.filter((p) => {
    if (p.kind !== 'child') return false
    const needs = JSON.parse(p.details) as { feedingHelp?: boolean; changingHelp?: boolean }
    return needs.feedingHelp === true || needs.changingHelp === true
  }).length
  const weight = capacityWeight(level, babies, settings)
  const used = (await listActiveLoad(ctx.trx, scope, ctx.centre.id)).reduce(
    (sum, c) => sum + c.capacity_weight,
    0,
  )
  if (used + weight > settings.centreCapacityUnits)
    throw new AppError(
      'CONFLICT',
      'The centre is full: put the family on the waiting list, or offer a place when one frees up.',
      {
        rule: 'capacity',
        capacity: settings.centreCapacityUnits,
        used,
        needed: weight,
      },
    )
  const today = localDateIn(ctx.centre.time_zone, deps.clock.now())
  const caseId = newId()
  const riskFlags = new Set<string>([
    ...(JSON.parse(ctx.referral.risk_flags) as string[]),
    ...(latest ? (JSON.parse(latest.factors) as string[]) : []),
  ])
  await insertCase(ctx.trx, {
    id: caseId,
    organisation_id: actor.organisationId,
    centre_id: ctx.centre.id,
    referral_id: ctx.referral.id,
    reference: newReference('C'),
    status: 'active',
    service_level: level,
    capacity_weight: weight,
    opened_at: ctx.now,
    review_due_on: addMonths(today, settings.reviewIntervalMonths),
    risk_flags: JSON.stringify([...riskFlags]),
    closed_at: null,
    closure_outcome: null,
    closure_reason: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  })
  await attachPartiesToCase(ctx.trx, scope, ctx.referral.id, caseId)
  await insertLevelChange(ctx.trx, {
    id: newId(),
    organisation_id: actor.organisationId,
    case_id: caseId,
    level,
    previous_level: null,
    reason,
    changed_by_user_id: actor.userId,
    changed_at: ctx.now,
  })
  return caseId
}

/** The case's history starts after the referral's last step, so the two read in order. */
const recordCaseOpened = (deps: Deps, actor: Actor, ctx: DeskContext, caseId: string, reason: string) =>
  recordTransition(
    ctx.trx,
    deps.clock,
    { actor, label: ctx.actorName },
    {
      organisationId: actor.organisationId,
      subjectType: 'case',
      subjectId: caseId,
      from: null,
      to: 'active',
      reason,
    },
  )

/**
 * Decides a referral: accept (opening the case), decline, waiting list or withdraw. Every
 * decision carries its reason; a declined referral's reasons go to the referrer (R-REF-9).
 * @throws AppError CONFLICT when the state machine, the supervision rule or capacity forbids it.
 */
export async function decideReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: DecisionInput,
): Promise<ReferralDetail> {
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    const decided = { decision_reason: input.reason, decided_by_user_id: actor.userId, decided_at: ctx.now }
    const requested = ServiceTypeSchema.catch('supported').parse(ctx.referral.service_requested)
    const level = input.serviceLevel ?? requested
    if (input.decision === 'accept') {
      assertMove(ctx.referral, 'accepted')
      const caseId = await acceptInto(deps, actor, ctx, level, input.reason)
      await moveReferral(deps, actor, ctx, 'accepted', input.reason, {
        ...decided,
        accepted_level: level,
        case_id: caseId,
      })
      await recordCaseOpened(deps, actor, ctx, caseId, input.reason)
    } else if (input.decision === 'waitlist') {
      if (ctx.referral.status === 'risk_assessed') {
        const conflict = supervisionConflict(level, requested, null)
        if (conflict) throw new AppError('CONFLICT', conflict, { rule: 'supervised-not-supported' })
      }
      await moveReferral(deps, actor, ctx, 'waitlisted', input.reason, {
        ...decided,
        accepted_level: level,
        waitlisted_at: ctx.referral.waitlisted_at ?? ctx.now,
      })
    } else {
      await moveReferral(
        deps,
        actor,
        ctx,
        input.decision === 'decline' ? 'declined' : 'withdrawn',
        input.reason,
        decided,
      )
    }
    await tellReferrer(deps, actor, ctx, input.decision, input.reason)
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.decide',
      resourceType: 'referral',
      resourceIds: [ctx.referral.id],
      details: { decision: input.decision, level },
    })
  })
}

/**
 * Offers a waiting family the place that has come free: the referral is accepted at the level it
 * waited for, if the centre now has room.
 * @throws AppError CONFLICT when the referral is not waiting, or the centre is still full.
 */
export async function offerPlace(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: { reason: string },
): Promise<ReferralDetail> {
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    if (ctx.referral.status !== 'waitlisted')
      throw new AppError('CONFLICT', 'Only a family on the waiting list can be offered a place.', {
        rule: 'intake-state-machine',
        status: ctx.referral.status,
      })
    assertMove(ctx.referral, 'accepted')
    const level = ServiceTypeSchema.catch('supported').parse(
      ctx.referral.accepted_level ?? ctx.referral.service_requested,
    )
    const caseId = await acceptInto(deps, actor, ctx, level, input.reason)
    await moveReferral(deps, actor, ctx, 'accepted', input.reason, {
      decision_reason: input.reason,
      decided_by_user_id: actor.userId,
      decided_at: ctx.now,
      case_id: caseId,
    })
    await recordCaseOpened(deps, actor, ctx, caseId, input.reason)
    await tellReferrer(deps, actor, ctx, 'accept', input.reason)
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.offer_place',
      resourceType: 'referral',
      resourceIds: [ctx.referral.id, caseId],
    })
  })
}
