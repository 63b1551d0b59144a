import type { FastifyInstance, FastifyRequest } from 'fastify'
import { primaryRole } from '../domain/access/actor'
import { recordAudit, type AuditOutcome } from '../domain/audit/audit'
import type { Deps } from '../domain/context'

const outcomeFor = (status: number): AuditOutcome => {
  if (status === 401 || status === 403 || status === 404) return 'denied'
  if (status >= 400) return 'failure'
  return 'success'
}

function idsFrom(request: FastifyRequest, names: readonly string[] | undefined): string[] {
  const params = (request.params ?? {}) as Record<string, unknown>
  return (names ?? []).map((name) => params[name]).filter((v): v is string => typeof v === 'string')
}

/**
 * Every API request leaves one audit row: reads, refusals and failures here, once the answer is
 * known; successful writes already wrote theirs inside their own transaction (LOG-1).
 */
export function registerAuditTrail(app: FastifyInstance, deps: Deps): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const audit = request.routeOptions.config.audit
    if (!audit) return payload
    const actor = request.actor
    const outcome = outcomeFor(reply.statusCode)
    const recorded = request.auditOrigin.audited
    // A use case's own row stands, unless it said success and its transaction then rolled back.
    if (recorded && (recorded !== 'success' || outcome === 'success')) return payload
    const principal = request.principal
    await recordAudit(
      deps.db,
      deps.clock,
      {
        organisationId: actor?.organisationId ?? null,
        userId: principal?.user.id ?? null,
        role: actor ? (primaryRole(actor) ?? actor.kind) : null,
        origin: request.auditOrigin,
      },
      {
        action: audit.action,
        resourceType: audit.resourceType ?? null,
        resourceIds: idsFrom(request, audit.idParams),
        outcome,
        details: { method: request.method, route: request.routeOptions.url, status: reply.statusCode },
      },
    )
    return payload
  })
}
