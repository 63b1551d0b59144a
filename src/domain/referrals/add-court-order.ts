import { findDocument, insertCourtOrders } from '../../db/repositories/intake-records.repository'
import { findReferral } from '../../db/repositories/referrals.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { courtOrderRows } from './create-referral'
import { presentCourtOrder } from './referrals.presenter'
import { assertViewer } from './referrals.policy'
import type { CourtOrderInput } from './referrals.schemas'

/**
 * Records a court order or injunction on a referral (R-REF-4), by the centre or the referrer who made it.
 * @throws AppError NOT_FOUND for a referral or document the actor may not see.
 */
export async function addCourtOrder(deps: Deps, actor: Actor, referralId: string, input: CourtOrderInput) {
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    const { referral } = assertViewer(actor, await findReferral(trx, scope, referralId))
    if (input.documentId) {
      const document = await findDocument(trx, scope, input.documentId)
      if (!document || document.referral_id !== referral.id) throw notFound('Document')
    }
    const [row] = courtOrderRows([input], {
      organisationId: actor.organisationId,
      referralId: referral.id,
      now: deps.clock.now().toISOString(),
    })
    if (!row) throw notFound('Court order')
    await insertCourtOrders(trx, [{ ...row, document_id: input.documentId ?? null }])
    await auditAs(trx, deps.clock, actor, {
      action: 'referral.court_order.add',
      resourceType: 'court_order',
      resourceIds: [row.id, referral.id],
      details: { orderType: input.orderType },
    })
    return presentCourtOrder({ ...row, document_id: input.documentId ?? null })
  })
}
