import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { MEASURE_DEFINITIONS } from './definitions'
import { countMeasures } from './measures'
import { periodBounds, periodOf, quarterDates, statisticsScope } from './statistics-scope'
import type { QuarterlyReturn, QuarterQuery } from './statistics.schemas'

/**
 * The NACCC quarterly return for one quarter of the April–March year ("2026-Q3" is October to
 * December 2026): the shared measures over the desk member's centres, or one of them, with the
 * definitions NACCC asks centres to keep. The days are counted in the centres' own calendar.
 * @throws AppError INVALID_INPUT for a quarter not written YYYY-Qn; NOT_FOUND for a centre the
 *   caller may not see (another organisation's, or another centre of a centre-based coordinator).
 */
export async function quarterlyReturn(
  deps: Deps,
  actor: Actor,
  query: QuarterQuery,
): Promise<QuarterlyReturn> {
  const dates = quarterDates(query.quarter)
  const scope = await statisticsScope(deps.db, actor, query.centreId)
  const bounds = periodBounds(dates.from, dates.to, scope.timeZone)
  const measures = await countMeasures(deps.db, scope, bounds)
  // Requests are audited by their route; the command line has none, so the read is audited here.
  if (actor.kind === 'cli')
    await auditAs(deps.db, deps.clock, actor, {
      action: 'statistics.quarterly-return.read',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { quarter: query.quarter, centreIds: scope.centreIds },
    })
  return {
    quarter: query.quarter,
    period: periodOf(bounds, scope.timeZone, dates.label),
    centres: scope.centres.map((c) => ({ id: c.id, name: c.name })),
    measures,
    definitions: MEASURE_DEFINITIONS,
  }
}
