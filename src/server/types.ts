import type { Policy } from '../domain/access/access.policy'
import type { Actor, RequestOrigin } from '../domain/access/actor'
import type { Principal } from '../domain/auth/resolve-session'

export interface RouteAudit {
  /** Verb-noun name in the audit trail, e.g. "centre.read". */
  action: string
  resourceType?: string
  /** Route params whose values name the records touched. */
  idParams?: readonly string[]
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy
    audit?: RouteAudit
  }
  interface FastifyRequest {
    principal: Principal | null
    /** How the caller proved who they are, for the CSRF rule: only cookies need a CSRF token. */
    credential: 'cookie' | 'bearer' | 'none'
    actor: Actor | null
    /** Shared with the actor: a use case marks it once it has written its own audit row. */
    auditOrigin: RequestOrigin
  }
}
