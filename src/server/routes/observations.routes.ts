import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../domain/context'

/** Observation records of supervised sessions: autosaved drafts, submission, return and release. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function observationRoutes(app: FastifyInstance, deps: Deps): void {}
