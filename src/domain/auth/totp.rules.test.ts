import { describe, expect, it } from 'vitest'
import {
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpCodeAt,
  totpUri,
} from './totp.rules'

describe('TOTP', () => {
  const secret = newTotpSecret()
  const at = new Date('2026-10-25T01:30:10.000Z')

  it('accepts the current code and one period of drift, nothing older', () => {
    expect(matchTotpStep(secret, totpCodeAt(secret, at), at, null)).toBe(Math.floor(at.getTime() / 30_000))
    expect(
      matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 30_000)), at, null),
    ).not.toBeNull()
    expect(matchTotpStep(secret, totpCodeAt(secret, new Date(at.getTime() - 90_000)), at, null)).toBeNull()
  })

  it('refuses a code whose period was already used (replay)', () => {
    const step = matchTotpStep(secret, totpCodeAt(secret, at), at, null)
    expect(step).not.toBeNull()
    expect(matchTotpStep(secret, totpCodeAt(secret, at), at, step)).toBeNull()
    const next = new Date(at.getTime() + 30_000)
    expect(matchTotpStep(secret, totpCodeAt(secret, next), next, step)).toBe((step ?? 0) + 1)
  })

  it('makes a 160-bit secret and an otpauth URI an authenticator app reads', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(totpUri(secret, 'volunteer@example.org')).toMatch(
      /^otpauth:\/\/totp\/Kinbridge:volunteer%40example\.org\?issuer=Kinbridge&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/,
    )
  })

  it('makes ten distinct recovery codes and reads them back however typed', () => {
    const codes = newRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    expect(normaliseRecoveryCode(' ABCD-efgh 2345 ')).toBe('abcdefgh2345')
  })
})
