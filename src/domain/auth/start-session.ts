import type { Db } from '../../db/connect'
import { insertAuthSession } from '../../db/repositories/auth-sessions.repository'
import type { Role } from '../access/roles'
import { addSeconds, type Clock } from '../shared/clock'
import { newId } from '../shared/ids'
import { hashSecret, newSecret } from '../shared/secrets'
import type { SessionStage } from './auth.schemas'
import { SESSION_LIMITS, sessionLimitsFor } from './session.rules'

export interface ClientInfo {
  ip: string | null
  userAgent: string | null
}

export interface StartedSession {
  id: string
  /** The cookie value; only its hash is stored. */
  token: string
  stage: SessionStage
}

/**
 * Issues a fresh session (new id, new token, new CSRF token): at login and again whenever the
 * session gains privilege, so a token seen before then is worthless (ASVS 7.2.4).
 */
export async function startSession(
  db: Db,
  clock: Clock,
  who: { userId: string; organisationId: string; roles: readonly Role[] },
  stage: SessionStage,
  client: ClientInfo,
): Promise<StartedSession> {
  const now = clock.now()
  const limits = stage === 'second_factor' ? SESSION_LIMITS.partial : sessionLimitsFor(who.roles)
  const token = newSecret()
  const id = newId()
  await insertAuthSession(db, {
    id,
    token_hash: hashSecret(token),
    user_id: who.userId,
    organisation_id: who.organisationId,
    stage,
    csrf_token: newSecret(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: addSeconds(now, limits.absoluteSeconds).toISOString(),
    idle_seconds: limits.idleSeconds,
    reauthenticated_at: stage === 'active' ? now.toISOString() : null,
  })
  return { id, token, stage }
}
