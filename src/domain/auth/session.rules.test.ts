import { describe, expect, it } from 'vitest'
import { SESSION_LIMITS, sessionLimitsFor, sessionStatus } from './session.rules'

describe('session limits', () => {
  const start = new Date('2026-03-29T00:30:00.000Z')
  const session = {
    lastSeenAt: start.toISOString(),
    expiresAt: new Date(start.getTime() + 12 * 3600_000).toISOString(),
    idleSeconds: 1800,
  }

  it('is live one second before the idle limit and ended at it', () => {
    expect(sessionStatus(session, new Date(start.getTime() + 1799_000))).toBe('live')
    expect(sessionStatus(session, new Date(start.getTime() + 1800_000))).toBe('idle_expired')
  })

  it('ends at the absolute limit even when active', () => {
    const busy = { ...session, lastSeenAt: new Date(start.getTime() + 12 * 3600_000 - 1000).toISOString() }
    expect(sessionStatus(busy, new Date(start.getTime() + 12 * 3600_000 - 1))).toBe('live')
    expect(sessionStatus(busy, new Date(start.getTime() + 12 * 3600_000))).toBe('absolute_expired')
  })

  it('gives staff 12 hours and everyone else 24', () => {
    expect(sessionLimitsFor(['parent'])).toBe(SESSION_LIMITS.other)
    expect(sessionLimitsFor(['referrer', 'volunteer'])).toBe(SESSION_LIMITS.staff)
    expect(SESSION_LIMITS.staff.absoluteSeconds).toBe(43_200)
    expect(SESSION_LIMITS.other.absoluteSeconds).toBe(86_400)
  })
})
