import {
  countReferrals,
  countReferralsByStatus,
  findReferral,
  listReferrals as listReferralRows,
  type ReferralFilter,
} from '../../db/repositories/referrals.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { listCentres } from '../../db/repositories/organisations.repository'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { addDays, localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { toCsv } from '../shared/csv'
import { loadReferralDetail } from './referral-file'
import { presentReferralSummary } from './referrals.presenter'
import { assertViewer, deskCentreIds, viewerForReferral } from './referrals.policy'
import type { ReferralDetail, ReferralListQuery, ReferralSummary } from './referrals.schemas'

const DEFAULT_ZONE = 'Europe/London'

/** The filter this actor may use: a desk sees its centres, a referrer only what they referred. */
function scopedFilter(actor: Actor, query: ReferralListQuery, today: string): ReferralFilter {
  const centres = deskCentreIds(actor)
  const isDeskAnywhere = centres === null || centres.length > 0
  const base: ReferralFilter = {
    status: query.status,
    channel: query.channel,
    sourceCode: query.sourceCode,
    q: query.q?.toLowerCase(),
    receivedBefore:
      query.olderThanDays === undefined ? undefined : `${addDays(today, -query.olderThanDays)}T23:59:59.999Z`,
  }
  if (isDeskAnywhere) {
    const allowed = centres === null ? null : centres
    if (query.centreId && allowed && !allowed.includes(query.centreId)) return { ...base, centreIds: [] }
    return { ...base, centreIds: query.centreId ? [query.centreId] : allowed }
  }
  if (hasRole(actor, 'referrer') && actor.userId)
    return { ...base, referrerUserId: actor.userId, centreIds: query.centreId ? [query.centreId] : null }
  return { ...base, centreIds: [] }
}

async function summaries(deps: Deps, actor: Actor, query: ReferralListQuery, limit: number) {
  const scope = scopeOf(actor)
  const [centres, settings] = await Promise.all([
    listCentres(deps.db, scope),
    loadIntakeSettings(deps.db, scope),
  ])
  const today = localDateIn(centres[0]?.time_zone ?? DEFAULT_ZONE, deps.clock.now())
  const filter = scopedFilter(actor, query, today)
  const rows = await listReferralRows(deps.db, scope, filter, { limit, offset: query.offset })
  const parties = await listPartiesOfReferrals(
    deps.db,
    scope,
    rows.map((r) => r.id),
  )
  const list: ReferralSummary[] = rows.flatMap((row) => {
    const viewer = viewerForReferral(actor, row)
    return viewer ? [presentReferralSummary(row, parties, viewer, settings, today)] : []
  })
  return { list, filter, scope }
}

/** Referrals this actor may see, newest first, with a count per state for the inbox tabs. */
export async function listReferrals(
  deps: Deps,
  actor: Actor,
  query: ReferralListQuery,
): Promise<{ referrals: ReferralSummary[]; total: number; counts: Record<string, number> }> {
  const { list, filter, scope } = await summaries(deps, actor, query, query.limit)
  const { status: _status, ...withoutStatus } = filter
  const [total, counts] = await Promise.all([
    countReferrals(deps.db, scope, filter),
    countReferralsByStatus(deps.db, scope, withoutStatus),
  ])
  return { referrals: list, total, counts }
}

/**
 * One referral as this actor may see it.
 * @throws AppError NOT_FOUND for another organisation's or centre's referral, or another referrer's.
 */
export async function getReferral(deps: Deps, actor: Actor, referralId: string): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  const { referral, viewer } = assertViewer(actor, await findReferral(deps.db, scope, referralId))
  const centre = (await listCentres(deps.db, scope)).find((c) => c.id === referral.centre_id)
  if (!centre) throw notFound('Referral')
  return loadReferralDetail(deps.db, deps, actor, referral, viewer, centre.time_zone)
}

/** The list as CSV (up to 5,000 rows), through the same scope and redaction as the list. */
export async function exportReferralsCsv(
  deps: Deps,
  actor: Actor,
  query: ReferralListQuery,
): Promise<string> {
  const { list } = await summaries(deps, actor, { ...query, offset: 0 }, 5000)
  return toCsv(
    ['Reference', 'Status', 'Source', 'Service asked for', 'Received', 'Family', 'Children'],
    list.map((r) => [
      r.reference,
      r.status,
      r.source.label,
      r.serviceRequested,
      r.receivedAt.slice(0, 10),
      r.familyLabel,
      String(r.childCount),
    ]),
  )
}
