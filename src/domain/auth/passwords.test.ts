import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords'

describe('password policy (ASVS 6.2)', () => {
  const refuses = (password: string, email = 'sam@example.org') => {
    try {
      assertAcceptablePassword(password, email)
      return null
    } catch (error) {
      return error instanceof AppError ? error.code : 'other'
    }
  }

  it('asks for length, not composition', () => {
    expect(refuses('short')).toBe('INVALID_INPUT')
    expect(refuses('elevenchars')).toBe('INVALID_INPUT')
    expect(refuses('twelve chars')).toBeNull()
    expect(refuses('all lower case words are fine')).toBeNull()
    expect(refuses('x'.repeat(257))).toBe('INVALID_INPUT')
  })

  it('refuses common passwords, repeats and the email name', () => {
    expect(refuses('Password1234')).toBe('INVALID_INPUT')
    expect(refuses('aaaaaaaaaaaaaaaa')).toBe('INVALID_INPUT')
    expect(refuses('my name is samantha!', 'samantha@example.org')).toBe('INVALID_INPUT')
  })
})

describe('Argon2id (CRY-2)', () => {
  it('hashes with at least 19 MiB and 2 passes, and verifies only the right password', async () => {
    const stored = await hashPassword('a long enough passphrase')
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(stored, 'a long enough passphrase')).toBe(true)
    expect(await verifyPassword(stored, 'a long enough passphrasE')).toBe(false)
    expect(await verifyPassword('not a hash', 'x')).toBe(false)
  })
})
