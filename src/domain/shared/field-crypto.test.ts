import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createFieldCrypto } from './field-crypto'

describe('field encryption (CRY-1)', () => {
  const crypto = createFieldCrypto(randomBytes(32))

  it('round-trips and never repeats a ciphertext', () => {
    const a = crypto.encrypt('12 Refuge Road')
    const b = crypto.encrypt('12 Refuge Road')
    expect(a).not.toBe(b)
    expect(a).not.toContain('Refuge')
    expect(crypto.decrypt(a)).toBe('12 Refuge Road')
  })

  it('refuses a ciphertext changed by one character, or sealed with another key', () => {
    const sealed = crypto.encrypt('secret')
    const last = sealed.at(-1) === 'A' ? 'B' : 'A'
    expect(() => crypto.decrypt(sealed.slice(0, -1) + last)).toThrow()
    expect(() => createFieldCrypto(randomBytes(32)).decrypt(sealed)).toThrow()
    expect(() => createFieldCrypto(randomBytes(16))).toThrow(/32 bytes/)
  })
})
