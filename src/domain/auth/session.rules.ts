import type { Role } from '../access/roles'
import { isStaffRole } from '../access/roles'

/** Inactivity and absolute limits per NIST SP 800-63B rev 4 at AAL2 (docs/decisions/0005). */
export const SESSION_LIMITS = {
  staff: { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 },
  other: { idleSeconds: 30 * 60, absoluteSeconds: 24 * 60 * 60 },
  /** A session half-way through login (password given, second factor owed). */
  partial: { idleSeconds: 10 * 60, absoluteSeconds: 10 * 60 },
} as const

/**
 * Seconds between two writes of last_seen_at: a burst of requests costs one write a second, and the
 * inactivity limit stays exact to the second (SESS-2).
 */
export const TOUCH_INTERVAL_SECONDS = 1

export function sessionLimitsFor(roles: readonly Role[]): { idleSeconds: number; absoluteSeconds: number } {
  return roles.some(isStaffRole) ? SESSION_LIMITS.staff : SESSION_LIMITS.other
}

export type SessionStatus = 'live' | 'idle_expired' | 'absolute_expired'

/** Decides whether a session is still usable at `now` (both limits are exclusive: at the limit it has ended). */
export function sessionStatus(
  session: { lastSeenAt: string; expiresAt: string; idleSeconds: number },
  now: Date,
): SessionStatus {
  const nowMs = now.getTime()
  if (nowMs >= Date.parse(session.expiresAt)) return 'absolute_expired'
  if (nowMs >= Date.parse(session.lastSeenAt) + session.idleSeconds * 1000) return 'idle_expired'
  return 'live'
}
