import { randomBytes } from 'node:crypto'
import { updateUser } from '../../src/db/repositories/users.repository'
import { cliOrigin } from '../../src/domain/access/actor'
import type { Role } from '../../src/domain/access/roles'
import { newTotpSecret } from '../../src/domain/auth/totp.rules'
import type { Deps } from '../../src/domain/context'
import { createUserWithPassword, setUpOrganisation } from '../../src/domain/organisation/set-up-organisation'

export interface BuiltOrganisation {
  organisationId: string
  centreId: string
}

const unique = (): string => randomBytes(5).toString('hex')

/** A fresh organisation with one centre; each test makes its own, so tests never share rows. */
export async function buildOrganisation(
  deps: Deps,
  overrides: Partial<{
    name: string
    centreName: string
    timeZone: string
    requireStaffTwoFactor: boolean
  }> = {},
): Promise<BuiltOrganisation> {
  return setUpOrganisation(deps, cliOrigin(), {
    organisationName: overrides.name ?? `Test Organisation ${unique()}`,
    centreName: overrides.centreName ?? 'Test Centre',
    timeZone: overrides.timeZone ?? 'Europe/Jersey',
    requireStaffTwoFactor: overrides.requireStaffTwoFactor ?? false,
  })
}

export interface BuiltUser {
  userId: string
  email: string
  password: string
  organisationId: string
  /** Set when the user was built with two-factor on. */
  totpSecret: string | null
}

export const TEST_PASSWORD = 'correct-pony-staple-1847'

export async function buildUser(
  deps: Deps,
  options: {
    organisationId: string
    role?: Role
    centreId?: string | null
    roles?: { role: Role; centreId: string | null }[]
    totp?: boolean
    email?: string
  },
): Promise<BuiltUser> {
  const email = options.email ?? `${options.role ?? 'user'}-${unique()}@example.org`
  const roles = options.roles ?? [{ role: options.role ?? 'coordinator', centreId: options.centreId ?? null }]
  const userId = await createUserWithPassword(deps, cliOrigin(), {
    organisationId: options.organisationId,
    email,
    displayName: `Test ${roles.map((r) => r.role).join('/')}`,
    password: TEST_PASSWORD,
    roles,
  })
  let totpSecret: string | null = null
  if (options.totp) {
    totpSecret = newTotpSecret()
    await updateUser(deps.db, { organisationId: options.organisationId }, userId, {
      totp_secret: deps.fieldCrypto.encrypt(totpSecret),
      totp_enabled_at: deps.clock.now().toISOString(),
    })
  }
  return { userId, email, password: TEST_PASSWORD, organisationId: options.organisationId, totpSecret }
}
