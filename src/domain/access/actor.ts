import type { Role } from './roles'

export interface RoleGrant {
  role: Role
  /** null: the role applies in every centre of the organisation. */
  centreId: string | null
}

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  requestId: string | null
  ip: string | null
  /** The outcome a use case recorded in its own audit row, or false when it wrote none. */
  audited: false | 'success' | 'denied' | 'failure'
}

/** Someone acting inside one organisation: a signed-in user, an API token or the command line. */
export interface Actor {
  kind: 'user' | 'api_token' | 'cli'
  userId: string | null
  organisationId: string
  grants: readonly RoleGrant[]
  sessionId: string | null
  origin: RequestOrigin
}

/** The organisation scope every repository query is bound to. */
export interface Scope {
  organisationId: string
}

export const scopeOf = (actor: Actor): Scope => ({ organisationId: actor.organisationId })

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  actor.grants.some((grant) => roles.includes(grant.role))

/** True when the actor holds one of the roles either organisation-wide or for this centre. */
export const hasRoleInCentre = (actor: Actor, centreId: string, ...roles: Role[]): boolean =>
  actor.grants.some(
    (grant) => roles.includes(grant.role) && (grant.centreId === null || grant.centreId === centreId),
  )

/** The role recorded in the audit trail: the most powerful one the actor holds. */
export function primaryRole(actor: Pick<Actor, 'grants'>): Role | null {
  const order: Role[] = ['admin', 'coordinator', 'volunteer', 'referrer', 'parent']
  return order.find((role) => actor.grants.some((grant) => grant.role === role)) ?? null
}

export const cliOrigin = (): RequestOrigin => ({ requestId: null, ip: 'cli', audited: false })
