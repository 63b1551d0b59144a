import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../domain/context'

/** The session day: the Today board, check-in and check-out, observation records, feedback and settings. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function sessionDayRoutes(app: FastifyInstance, deps: Deps): void {}
