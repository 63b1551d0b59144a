import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
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
