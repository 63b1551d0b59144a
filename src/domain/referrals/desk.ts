import type { Updateable } from 'kysely'
import type { Db } from '../../db/connect'
import type { ReferralsTable } from '../../db/database'
import { findCentre, type CentreRow } from '../../db/repositories/organisations.repository'
import { findReferral, updateReferral, type ReferralRow } from '../../db/repositories/referrals.repository'
import { findUser } from '../../db/repositories/users.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { loadReferralDetail } from './referral-file'
import { assertDesk } from './referrals.policy'
import { canMove, REFERRAL_TRANSITIONS, STATUS_LABELS } from './referrals.rules'
import type { ReferralDetail, ReferralStatus } from './referrals.schemas'
import { recordTransition } from './workflow'

export interface DeskContext {
  trx: Db
  referral: ReferralRow
  centre: CentreRow
  now: string
  actorName: string
}

/**
 * Runs one piece of desk work on a referral in one transaction, then answers with the referral as
 * staff see it. Another centre's or organisation's referral is NOT_FOUND.
 */
export async function onDeskReferral(
  deps: Deps,
  actor: Actor,
  referralId: string,
  work: (ctx: DeskContext) => Promise<void>,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    const referral = assertDesk(actor, await findReferral(trx, scope, referralId))
    const centre = await findCentre(trx, scope, referral.centre_id)
    if (!centre) throw notFound('Referral')
    const me = actor.userId ? await findUser(trx, scope, actor.userId) : undefined
    await work({
      trx,
      referral,
      centre,
      now: deps.clock.now().toISOString(),
      actorName: me?.display_name ?? 'Command line',
    })
    const updated = await findReferral(trx, scope, referralId)
    if (!updated) throw notFound('Referral')
    return loadReferralDetail(trx, deps, actor, updated, { kind: 'staff' }, centre.time_zone)
  })
}

/**
 * Checks a move against the intake state machine before any work is done.
 * @throws AppError CONFLICT naming the moves that are possible from here.
 */
export function assertMove(referral: Pick<ReferralRow, 'status'>, to: ReferralStatus): ReferralStatus {
  const from = referral.status as ReferralStatus
  if (!canMove(from, to)) {
    const allowed = REFERRAL_TRANSITIONS[from] ?? []
    throw new AppError(
      'CONFLICT',
      `A referral that is “${STATUS_LABELS[from] ?? from}” cannot move to “${STATUS_LABELS[to]}”.`,
      { rule: 'intake-state-machine', from, to, allowed },
    )
  }
  return from
}

/**
 * Moves a referral along the intake state machine and writes the step into its history.
 * @throws AppError CONFLICT when the move is not one the state machine allows from here.
 */
export async function moveReferral(
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  ctx: DeskContext,
  to: ReferralStatus,
  reason: string | null,
  changes: Updateable<ReferralsTable> = {},
): Promise<void> {
  const from = assertMove(ctx.referral, to)
  await updateReferral(ctx.trx, scopeOf(actor), ctx.referral.id, {
    ...changes,
    status: to,
    status_changed_at: ctx.now,
    updated_at: ctx.now,
  })
  await recordTransition(
    ctx.trx,
    deps.clock,
    { actor, label: ctx.actorName },
    {
      organisationId: actor.organisationId,
      subjectType: 'referral',
      subjectId: ctx.referral.id,
      from,
      to,
      reason,
    },
  )
}
