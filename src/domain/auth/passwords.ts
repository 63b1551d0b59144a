import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../errors'
import { COMMON_PASSWORDS } from './common-passwords'

// The Algorithm enum is a const enum, which verbatimModuleSyntax cannot read: 2 is Argon2id.
const ARGON2ID = 2
// OWASP's floor for Argon2id: 19 MiB, two passes, one lane (docs/decisions/0005).
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

// A real hash to verify against when the account does not exist, so both answers take as long.
let decoy: Promise<string> | undefined
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('kinbridge-decoy-password')
  await verifyPassword(await decoy, password)
}

/**
 * Length and a common-password list, no composition rules and no forced rotation (ASVS 6.2).
 * @throws AppError INVALID_INPUT naming what is wrong.
 */
export function assertAcceptablePassword(password: string, email: string): void {
  const problems: string[] = []
  if (Array.from(password).length < PASSWORD_MIN_LENGTH)
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  const lowered = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lowered)) problems.push('This password is too common: choose another.')
  const local = email.split('@')[0]?.toLowerCase() ?? ''
  if (local.length >= 4 && lowered.includes(local))
    problems.push('Do not use your email address in your password.')
  if (/^(.)\1+$/u.test(password)) problems.push('Do not repeat one character.')
  if (problems.length > 0)
    throw new AppError('INVALID_INPUT', problems.join(' '), { field: 'password', problems })
}
