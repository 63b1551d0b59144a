import { findCentre } from '../../db/repositories/organisations.repository'
import { insertCourtOrders } from '../../db/repositories/intake-records.repository'
import { insertParties } from '../../db/repositories/parties.repository'
import { insertReferral } from '../../db/repositories/referrals.repository'
import { findUser } from '../../db/repositories/users.repository'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { loadReferralDetail } from './referral-file'
import { isDesk, viewerForReferral } from './referrals.policy'
import type { CourtOrderInput, CreateReferralInput, ReferralDetail } from './referrals.schemas'
import { adultRow, childRow, receivedReferralRow, recordTransition } from './workflow'

export function courtOrderRows(
  orders: readonly CourtOrderInput[],
  ctx: { organisationId: string; referralId: string; now: string },
) {
  return orders.map((o) => ({
    id: newId(),
    organisation_id: ctx.organisationId,
    referral_id: ctx.referralId,
    order_type: o.orderType,
    made_on: o.madeOn ?? null,
    court: o.court ?? null,
    conditions: o.conditions ?? null,
    named_people: o.namedPeople ?? null,
    expires_on: o.expiresOn ?? null,
    document_id: null,
    created_at: ctx.now,
  }))
}

/**
 * Records a referral entered by the centre's staff or submitted by a referrer; a referrer's
 * referral is theirs to follow, and they see only their own.
 * @throws AppError NOT_FOUND when the centre is not one the actor may refer to.
 * @throws AppError INVALID_INPUT for a referral source the organisation does not list.
 */
export async function createReferral(
  deps: Deps,
  actor: Actor,
  input: CreateReferralInput,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    const centre = await findCentre(trx, scope, input.centreId)
    const asStaff = centre !== undefined && isDesk(actor, centre.id)
    if (!centre || (!asStaff && !hasRole(actor, 'referrer'))) throw notFound('Centre')
    const settings = await loadIntakeSettings(trx, scope)
    if (!settings.referralSources.some((s) => s.code === input.sourceCode))
      throw new AppError('INVALID_INPUT', 'Choose one of the centre’s referral sources', {
        issues: [{ path: ['sourceCode'], message: 'Choose one of the centre’s referral sources' }],
      })
    const now = deps.clock.now().toISOString()
    const me = actor.userId ? await findUser(trx, scope, actor.userId) : undefined
    const referrer = input.referrer ?? null
    const row = receivedReferralRow(
      {
        organisation_id: actor.organisationId,
        centre_id: centre.id,
        channel: asStaff ? 'staff' : 'referrer',
        source_code: input.sourceCode,
        service_requested: input.serviceRequested,
        frequency_requested: input.frequencyRequested ?? null,
        referrer_user_id: asStaff ? null : actor.userId,
        referrer_name: referrer?.name ?? (asStaff ? null : (me?.display_name ?? null)),
        referrer_organisation: referrer?.organisation ?? null,
        referrer_role: referrer?.role ?? null,
        referrer_email: referrer?.email ?? (asStaff ? null : (me?.email ?? null)),
        referrer_phone: referrer?.phone ?? null,
        referrer_acting_for: referrer?.actingFor ?? (asStaff ? null : 'both'),
      },
      input.risk,
      deps.fieldCrypto,
      now,
    )
    await insertReferral(trx, row)
    const ctx = {
      organisationId: actor.organisationId,
      referralId: row.id,
      caseId: null,
      now,
      crypto: deps.fieldCrypto,
    }
    await insertParties(trx, [
      ...input.children.map((c) => childRow(c, ctx)),
      ...input.adults.map((a) => adultRow(a, ctx)),
    ])
    await insertCourtOrders(trx, courtOrderRows(input.courtOrders, ctx))
    await recordTransition(
      trx,
      deps.clock,
      { actor, label: me?.display_name ?? 'Command line' },
      {
        organisationId: actor.organisationId,
        subjectType: 'referral',
        subjectId: row.id,
        from: null,
        to: 'received',
        reason: asStaff ? 'Entered by the centre' : 'Submitted by the referrer',
      },
    )
    if (!asStaff && row.referrer_email) {
      await enqueueEmail(trx, deps.clock, {
        organisationId: actor.organisationId,
        to: row.referrer_email,
        subject: `Referral ${row.reference} received by ${centre.name}`,
        text: [
          `Thank you: ${centre.name} has received your referral ${row.reference}.`,
          '',
          'The coordinator will check it and contact each parent to arrange a pre-visit. You can follow its',
          'progress in Kinbridge under Referrals.',
        ].join('\n'),
      })
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'referral.create',
      resourceType: 'referral',
      resourceIds: [row.id, centre.id],
      details: { channel: row.channel, children: input.children.length, adults: input.adults.length },
    })
    const viewer = viewerForReferral(actor, row)
    if (!viewer) throw notFound('Referral')
    return loadReferralDetail(trx, deps, actor, row, viewer, centre.time_zone)
  })
}
