import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Policy } from '../../domain/access/access.policy'
import type { Actor } from '../../domain/access/actor'
import type { Principal } from '../../domain/auth/resolve-session'
import { AppError } from '../../domain/errors'
import { ErrorCodeSchema } from '../../domain/errors.schemas'

export const ErrorSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema.describe('Stable machine-readable code: branch on this'),
      message: z.string().describe('A sentence a person can read'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error has this shape')

/** The error answers every authenticated route can give, for the OpenAPI document. */
export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
} as const

export const NoContent = z.null().describe('No content')

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>()

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.')
  return request.actor
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Please sign in.')
  return request.principal
}

export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  origin: request.auditOrigin,
})

export const idParam = <K extends string>(name: K) => z.object({ [name]: z.uuid() } as Record<K, z.ZodUUID>)

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** One route's declaration: who may call it, what the audit trail calls it, and its schemas. */
export interface RouteSpec {
  policy: Policy
  action: string
  resourceType?: string
  idParams?: string[]
  summary: string
  params?: z.ZodObject
  querystring?: z.ZodObject
  body?: z.ZodType
  response: z.ZodType
  status?: 200 | 201 | 204
}

/**
 * A declarer for one group of routes: each call gives the policy, the audit entry, the schemas and
 * the use case. The type parameters name what the schemas have already validated, for the handler.
 */
export function routeDeclarer(app: FastifyInstance, tags: string[]) {
  const r = typed(app)
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  return function route<P, Q, B>(
    method: Method,
    url: string,
    spec: RouteSpec,
    handler: (actor: Actor, request: { params: P; query: Q; body: B }) => Promise<unknown>,
  ): void {
    const status = spec.status ?? (method === 'post' ? 201 : 200)
    r.route({
      method: method.toUpperCase(),
      url,
      config: {
        policy: spec.policy,
        audit: { action: spec.action, resourceType: spec.resourceType, idParams: spec.idParams },
      },
      schema: {
        tags,
        summary: spec.summary,
        ...(spec.params && { params: spec.params }),
        ...(spec.querystring && { querystring: spec.querystring }),
        ...(spec.body && { body: spec.body }),
        response: { [status]: status === 204 ? NoContent : spec.response, ...errors },
      },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const result = await handler(actorOf(request), request as unknown as { params: P; query: Q; body: B })
        return reply.code(status).send(status === 204 ? null : result)
      },
    })
  }
}
