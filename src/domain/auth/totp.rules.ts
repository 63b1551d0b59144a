import { randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

const PERIOD_SECONDS = 30

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32

const totpFor = (secretBase32: string, label = 'Kinbridge'): TOTP =>
  new TOTP({
    issuer: 'Kinbridge',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  })

export const totpUri = (secretBase32: string, email: string): string =>
  totpFor(secretBase32, email).toString()

/** The code an authenticator shows at `at`; tests and the demo use it to act as a phone would. */
export const totpCodeAt = (secretBase32: string, at: Date): string =>
  totpFor(secretBase32).generate({ timestamp: at.getTime() })

/**
 * Checks a code with one period of drift either way and returns the time step it belongs to, or
 * null. A step at or before `lastStep` is a replay and is refused (ASVS 6.5.1: single use).
 */
export function matchTotpStep(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 })
  if (delta === null) return null
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta
  if (lastStep !== null && step <= lastStep) return null
  return step
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten single-use recovery codes of 12 characters (about 59 bits each), shown once. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12)
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length] ?? 'a').join('')
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
  })
}

/** Recovery codes are compared without dashes, spaces or case, as people type them. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '')
