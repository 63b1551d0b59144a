import { insertCentre, insertOrganisation } from '../../db/repositories/organisations.repository'
import { emailTaken, insertUser, replaceGrants } from '../../db/repositories/users.repository'
import type { Actor } from '../access/actor'
import type { Role } from '../access/roles'
import { auditAs } from '../audit/audit'
import { assertAcceptablePassword, hashPassword } from '../auth/passwords'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { newId } from '../shared/ids'

export interface SetUpOrganisationInput {
  organisationName: string
  centreName: string
  timeZone: string
  requireStaffTwoFactor: boolean
}

export interface SetUpResult {
  organisationId: string
  centreId: string
}

/** Creates an organisation with its first centre. The actor is the command line or a test harness. */
export async function setUpOrganisation(
  deps: Deps,
  origin: Actor['origin'],
  input: SetUpOrganisationInput,
): Promise<SetUpResult> {
  const now = deps.clock.now().toISOString()
  const organisationId = newId()
  const centreId = newId()
  await deps.db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, {
      id: organisationId,
      name: input.organisationName,
      require_staff_mfa: input.requireStaffTwoFactor ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    await insertCentre(trx, {
      id: centreId,
      organisation_id: organisationId,
      name: input.centreName,
      time_zone: input.timeZone,
      created_at: now,
      updated_at: now,
    })
    const actor: Actor = { kind: 'cli', userId: null, organisationId, grants: [], sessionId: null, origin }
    await auditAs(trx, deps.clock, actor, {
      action: 'organisation.create',
      resourceType: 'organisation',
      resourceIds: [organisationId, centreId],
    })
  })
  return { organisationId, centreId }
}

export interface CreateUserInput {
  organisationId: string
  email: string
  displayName: string
  password: string
  roles: { role: Role; centreId: string | null }[]
}

/**
 * Creates an active account with a password, for the command line (first admin, scripted set-up).
 * @throws AppError CONFLICT when the email is taken; INVALID_INPUT for a weak password.
 */
export async function createUserWithPassword(
  deps: Deps,
  origin: Actor['origin'],
  input: CreateUserInput,
): Promise<string> {
  const email = input.email.trim().toLowerCase()
  assertAcceptablePassword(input.password, email)
  const passwordHash = await hashPassword(input.password)
  const now = deps.clock.now().toISOString()
  const userId = newId()
  await deps.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, email))
      throw new AppError('CONFLICT', `Someone already has an account with ${email}`)
    await insertUser(trx, {
      id: userId,
      organisation_id: input.organisationId,
      email,
      display_name: input.displayName,
      password_hash: passwordHash,
      status: 'active',
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    const scope = { organisationId: input.organisationId }
    await replaceGrants(
      trx,
      scope,
      userId,
      input.roles.map((g) => ({ id: newId(), role: g.role, centreId: g.centreId, createdAt: now })),
    )
    const actor: Actor = {
      kind: 'cli',
      userId: null,
      organisationId: input.organisationId,
      grants: [],
      sessionId: null,
      origin,
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'user.create',
      resourceType: 'user',
      resourceIds: [userId],
      details: { roles: input.roles },
    })
  })
  return userId
}
