import {
  deleteAuthSession,
  deleteUserSessions,
  findAuthSessionByTokenHash,
  updateAuthSession,
} from '../../db/repositories/auth-sessions.repository'
import { findApiTokenByHash, touchApiToken } from '../../db/repositories/credentials.repository'
import { findUser, listGrants } from '../../db/repositories/users.repository'
import type { AuthSessionRow, UserRow } from '../../db/database'
import type { Actor, RequestOrigin, RoleGrant } from '../access/actor'
import type { Role } from '../access/roles'
import type { Deps } from '../context'
import { hashSecret } from '../shared/secrets'
import { sessionStatus, TOUCH_INTERVAL_SECONDS } from './session.rules'

export interface Principal {
  actor: Actor
  user: UserRow
  /** Absent for API tokens. */
  session: AuthSessionRow | null
}

export const toGrants = (rows: { role: string; centre_id: string | null }[]): RoleGrant[] =>
  rows.map((row) => ({ role: row.role as Role, centreId: row.centre_id }))

/**
 * Finds the live session a cookie names, ending it when it has timed out or its user was disabled.
 * Every use counts as activity (recorded at most once a second).
 */
export async function resolveSessionToken(
  deps: Deps,
  token: string,
  origin: RequestOrigin,
): Promise<Principal | null> {
  const { db, clock } = deps
  const session = await findAuthSessionByTokenHash(db, hashSecret(token))
  if (!session) return null
  const now = clock.now()
  const status = sessionStatus(
    { lastSeenAt: session.last_seen_at, expiresAt: session.expires_at, idleSeconds: session.idle_seconds },
    now,
  )
  if (status !== 'live') {
    await deleteAuthSession(db, session.id)
    return null
  }
  const scope = { organisationId: session.organisation_id }
  const user = await findUser(db, scope, session.user_id)
  if (user?.status !== 'active') {
    await deleteUserSessions(db, session.user_id)
    return null
  }
  const grants = toGrants(await listGrants(db, scope, user.id))
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_SECONDS * 1000) {
    await updateAuthSession(db, session.id, { last_seen_at: now.toISOString() })
  }
  return {
    user,
    session: { ...session, last_seen_at: now.toISOString() },
    actor: {
      kind: 'user',
      userId: user.id,
      organisationId: user.organisation_id,
      grants,
      sessionId: session.id,
      origin,
    },
  }
}

/** Finds the user an API token acts for; revoked, expired or disabled means no one. */
export async function resolveApiToken(
  deps: Deps,
  token: string,
  origin: RequestOrigin,
): Promise<Principal | null> {
  const { db, clock } = deps
  const found = await findApiTokenByHash(db, hashSecret(token))
  const now = clock.now()
  if (!found || found.revoked_at !== null || Date.parse(found.expires_at) <= now.getTime()) return null
  const scope = { organisationId: found.organisation_id }
  const user = await findUser(db, scope, found.user_id)
  if (user?.status !== 'active') return null
  const grants = toGrants(await listGrants(db, scope, user.id))
  await touchApiToken(db, found.id, now.toISOString())
  return {
    user,
    session: null,
    actor: {
      kind: 'api_token',
      userId: user.id,
      organisationId: user.organisation_id,
      grants,
      sessionId: null,
      origin,
    },
  }
}
