import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A bearer secret with 256 bits from the CSPRNG, URL-safe. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

/** Secrets are stored only as their SHA-256; they are long and random, so no salt or KDF is needed. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
