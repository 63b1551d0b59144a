import { findParty } from '../../db/repositories/parties.repository'
import {
  findPreVisit,
  insertPreVisit,
  listPreVisits,
  updatePreVisit,
} from '../../db/repositories/intake-records.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { localDateIn } from '../cases/cases.rules'
import { newId } from '../shared/ids'
import { sayMoment } from '../shared/wording'
import { onDeskReferral } from './desk'
import { preVisitFacts } from './referrals.presenter'
import { clashingPreVisit } from './referrals.rules'
import type { RecordPreVisitInput, ReferralDetail, SchedulePreVisitInput } from './referrals.schemas'

const OPEN_FOR_PRE_VISITS = ['pre_visits', 'risk_assessed', 'waitlisted']

/**
 * Arranges a pre-visit for one adult, or the child's familiarisation visit. Adults are seen
 * separately: two adults' visits on one referral are never within the centre's gap (R-INT-1).
 * @throws AppError CONFLICT before intake has started, or when another adult's visit is too close.
 */
export async function schedulePreVisit(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: SchedulePreVisitInput,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  return onDeskReferral(deps, actor, referralId, async (ctx) => {
    if (!OPEN_FOR_PRE_VISITS.includes(ctx.referral.status))
      throw new AppError('CONFLICT', 'Start intake on this referral before arranging pre-visits.', {
        rule: 'intake-state-machine',
        status: ctx.referral.status,
      })
    const party = await findParty(ctx.trx, scope, input.partyId)
    if (!party || party.referral_id !== ctx.referral.id) throw notFound('Person')
    if (input.kind === 'adult' && party.kind !== 'adult')
      throw new AppError('INVALID_INPUT', 'A child has a familiarisation visit, not an adult pre-visit.', {
        issues: [{ path: ['kind'], message: 'Choose the child’s familiarisation visit' }],
      })
    const scheduledAt = new Date(input.scheduledAt).toISOString()
    const settings = await loadIntakeSettings(ctx.trx, scope)
    const existing = preVisitFacts(await listPreVisits(ctx.trx, scope, ctx.referral.id))
    const clash =
      input.kind === 'adult'
        ? clashingPreVisit({ partyId: party.id, scheduledAt }, existing, settings.preVisitGapMinutes)
        : undefined
    if (clash)
      throw new AppError(
        'CONFLICT',
        `Adults are seen separately: another adult's pre-visit is on ${sayMoment(clash.scheduledAt, ctx.centre.time_zone)}, less than ${settings.preVisitGapMinutes} minutes away.`,
        { rule: 'R-INT-1', clashesWith: clash.scheduledAt },
      )
    const id = newId()
    await insertPreVisit(ctx.trx, {
      id,
      organisation_id: actor.organisationId,
      referral_id: ctx.referral.id,
      party_id: party.id,
      kind: input.kind,
      scheduled_at: scheduledAt,
      held_on: null,
      outcome: 'scheduled',
      checklist: '{}',
      notes_sealed: null,
      conducted_by_user_id: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.pre_visit.schedule',
      resourceType: 'pre_visit',
      resourceIds: [id, ctx.referral.id, party.id],
    })
  })
}

/**
 * Records how a pre-visit went, with its checklist (domain rules 10.2) and notes (sealed).
 * @throws AppError NOT_FOUND for a visit outside the actor's centres.
 */
export async function recordPreVisit(
  deps: Deps,
  actor: Actor,
  preVisitId: string,
  input: RecordPreVisitInput,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  const visit = await findPreVisit(deps.db, scope, preVisitId)
  if (!visit) throw notFound('Pre-visit')
  return onDeskReferral(deps, actor, visit.referral_id, async (ctx) => {
    const heldOn =
      input.outcome === 'held'
        ? (input.heldOn ?? localDateIn(ctx.centre.time_zone, new Date(visit.scheduled_at)))
        : null
    await updatePreVisit(ctx.trx, scope, visit.id, {
      outcome: input.outcome,
      held_on: heldOn,
      checklist: JSON.stringify(input.checklist),
      notes_sealed: input.notes ? deps.fieldCrypto.encrypt(input.notes) : null,
      conducted_by_user_id: actor.userId,
      updated_at: ctx.now,
    })
    await auditAs(ctx.trx, deps.clock, actor, {
      action: 'referral.pre_visit.record',
      resourceType: 'pre_visit',
      resourceIds: [visit.id, ctx.referral.id],
      details: { outcome: input.outcome },
    })
  })
}
