import { sql } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { pendingMigrations } from '../../db/migrate'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { typed } from './route-helpers'

/** Liveness and readiness, for a supervisor or load balancer; they reveal nothing about data. */
export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  r.get(
    '/healthz',
    {
      config: { policy: policies.public() },
      schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  )
  r.get(
    '/readyz',
    {
      config: { policy: policies.public() },
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.string() }) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db)
        if ((await pendingMigrations(deps.db)).length > 0)
          return await reply.code(503).send({ status: 'migrations_pending' })
        return { status: 'ready' as const }
      } catch {
        return reply.code(503).send({ status: 'database_unavailable' })
      }
    },
  )
}
