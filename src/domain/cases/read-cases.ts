import { countCases, listCases as listCaseRows } from '../../db/repositories/cases.repository'
import { listCentres } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { deskCentreIds } from '../referrals/referrals.policy'
import { findDeskCase, loadCaseDetail, presentCaseSummary, readinessOf } from './case-file'
import { addDays, localDateIn } from './cases.rules'
import type { CaseDetail, CaseListQuery, CaseSummary, Readiness } from './cases.schemas'

/** Cases in the actor's centres by level, flag and review date; soonest review first. */
export async function listCases(
  deps: Deps,
  actor: Actor,
  query: CaseListQuery,
): Promise<{ cases: CaseSummary[]; total: number }> {
  const scope = scopeOf(actor)
  const centres = await listCentres(deps.db, scope)
  const today = localDateIn(centres[0]?.time_zone ?? 'Europe/London', deps.clock.now())
  const allowed = deskCentreIds(actor)
  const centreIds =
    query.centreId === undefined
      ? allowed
      : allowed === null || allowed.includes(query.centreId)
        ? [query.centreId]
        : []
  const filter = {
    status: query.status ?? (query.review ? 'active' : undefined),
    level: query.level,
    centreIds,
    flag: query.flag,
    q: query.q?.toLowerCase(),
    reviewDueBefore:
      query.review === 'overdue'
        ? addDays(today, -1)
        : query.review === 'due_30_days'
          ? addDays(today, 30)
          : undefined,
  }
  const [rows, total] = await Promise.all([
    listCaseRows(deps.db, scope, filter, { limit: query.limit, offset: query.offset }),
    countCases(deps.db, scope, filter),
  ])
  const parties = await listPartiesOfReferrals(
    deps.db,
    scope,
    rows.map((r) => r.referral_id),
  )
  return { cases: rows.map((row) => presentCaseSummary(row, parties, today)), total }
}

/** The case file. @throws AppError NOT_FOUND outside the actor's centres. */
export async function getCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseDetail> {
  return loadCaseDetail(deps.db, deps, actor, caseId)
}

/**
 * Whether a first session could take place on a date, and what stands in the way (R-INT-1..4).
 * @throws AppError NOT_FOUND outside the actor's centres.
 */
export async function getCaseReadiness(
  deps: Deps,
  actor: Actor,
  caseId: string,
  firstSessionOn: string,
): Promise<Readiness> {
  const { found } = await findDeskCase(deps.db, actor, caseId)
  if (found.status !== 'active')
    return { ready: false, blockers: [{ rule: 'case-closed', message: 'The case is closed.' }] }
  return readinessOf(deps.db, actor, found, firstSessionOn)
}
