import { sql } from 'kysely'
import type { Db } from '../../db/connect'
import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { loadIntakeSettings, sourceLabel } from '../intake/intake-settings'
import { endOfDay, statisticsScope, type StatisticsScope } from './statistics-scope'
import type { Caseload, CaseloadQuery } from './statistics.schemas'

/**
 * The condition "the case was open at the end of this day": opened before that midnight and not
 * closed by it. A case closed during the day no longer counts on that day.
 */
export function openAtEndOf(end: string) {
  return sql<boolean>`cases.opened_at < ${end} and (cases.closed_at is null or cases.closed_at >= ${end})`
}

/** The children of the cases joined, each once. */
const CHILDREN = sql<number | string>`count(distinct case when parties.kind = 'child' then parties.id end)`
/** Their visiting adults, each once: by sign-in where they have one, so two families count one adult. */
const VISITING_ADULTS = sql<number | string>`count(distinct case when parties.role = 'non_resident_parent'
  then coalesce(parties.user_id, parties.id) end)`

/**
 * The caseload by referral source on a day: the children of every case open at the end of that day,
 * and the distinct visiting (non-resident) adults of those cases. An adult who has a sign-in counts
 * once however many of their families are open; the sources come in the order of the centre's
 * settings, and only those with at least one open case are listed.
 */
export async function countCaseload(db: Db, scope: StatisticsScope, on: string): Promise<Caseload> {
  const end = endOfDay(on, scope.timeZone)
  const rows = await db
    .selectFrom('cases')
    .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
    .innerJoin('parties', 'parties.case_id', 'cases.id')
    .select(['referrals.source_code as source', CHILDREN.as('children'), VISITING_ADULTS.as('parents')])
    .where('cases.organisation_id', '=', scope.organisationId)
    .where('cases.centre_id', 'in', scope.centreIds)
    .where(openAtEndOf(end))
    .where((eb) => eb.or([eb('parties.kind', '=', 'child'), eb('parties.role', '=', 'non_resident_parent')]))
    .groupBy('referrals.source_code')
    .execute()
  const totals = await db
    .selectFrom('cases')
    .innerJoin('parties', 'parties.case_id', 'cases.id')
    .select([CHILDREN.as('children'), VISITING_ADULTS.as('parents')])
    .where('cases.organisation_id', '=', scope.organisationId)
    .where('cases.centre_id', 'in', scope.centreIds)
    .where(openAtEndOf(end))
    .where((eb) => eb.or([eb('parties.kind', '=', 'child'), eb('parties.role', '=', 'non_resident_parent')]))
    .executeTakeFirst()
  const settings = await loadIntakeSettings(db, { organisationId: scope.organisationId })
  const order = new Map(settings.referralSources.map((s, i) => [s.code, i]))
  const bySource = rows
    .map((r) => ({
      source: r.source,
      label: sourceLabel(settings, r.source),
      children: Number(r.children),
      parents: Number(r.parents),
    }))
    .filter((r) => r.children > 0 || r.parents > 0)
    .sort(
      (a, b) =>
        (order.get(a.source) ?? order.size) - (order.get(b.source) ?? order.size) ||
        a.source.localeCompare(b.source),
    )
  return {
    on,
    bySource,
    // Counted again over all sources: an adult with families from two sources is one parent.
    total: { children: Number(totals?.children ?? 0), parents: Number(totals?.parents ?? 0) },
  }
}

/** The caseload table for the desk (admin or coordinator), audited as a statistics read. */
export async function caseloadReport(deps: Deps, actor: Actor, query: CaseloadQuery): Promise<Caseload> {
  const scope = await statisticsScope(deps.db, actor, query.centreId)
  const caseload = await countCaseload(deps.db, scope, query.on)
  if (actor.kind === 'cli')
    await auditAs(deps.db, deps.clock, actor, {
      action: 'statistics.caseload.read',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { on: query.on, centreIds: scope.centreIds },
    })
  return caseload
}
