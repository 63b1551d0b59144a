import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import { AuditEntrySchema, AuditQuerySchema } from '../../domain/audit/audit.schemas'
import { listAuditTrail } from '../../domain/audit/read-audit'
import type { Deps } from '../../domain/context'
import { actorOf, errors, typed } from './route-helpers'

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  typed(app).get(
    '/api/audit',
    {
      config: { policy: policies.roles('admin'), audit: { action: 'audit.list', resourceType: 'audit_log' } },
      schema: {
        tags: ['audit'],
        summary: "The organisation's audit trail, newest first",
        querystring: AuditQuerySchema,
        response: { 200: z.array(AuditEntrySchema), ...errors },
      },
    },
    async (request) => listAuditTrail(deps, actorOf(request), request.query),
  )
}
