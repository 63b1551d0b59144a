import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../domain/context'

/** Reports to referrers: preview with the redaction check, release, the release log and downloads. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function reportRoutes(app: FastifyInstance, deps: Deps): void {}
