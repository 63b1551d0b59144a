import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../domain/context'

/** Incidents, warnings and suspensions. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function incidentRoutes(app: FastifyInstance, deps: Deps): void {}
