import { ensureVolunteeringDefaults } from '../volunteers/defaults'
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

export interface CreateUserInput {
  organisationId: string
  email: string
  displayName: string
  password: string
  roles: { role: Role; centreId: string | null }[]
}

const cliActor = (organisationId: string, origin: Actor['origin']): Actor => ({
  kind: 'cli',
  userId: null,
  organisationId,
  grants: [],
  sessionId: null,
  origin,
})

/** Creates an organisation with its first centre. The actor is the command line or a test harness. */
export async function setUpOrganisation(
  deps: Deps,
  origin: Actor['origin'],
  input: SetUpOrganisationInput,
): Promise<SetUpResult> {
  return deps.db
    .transaction()
    .execute((trx) => insertOrganisationWithCentre({ ...deps, db: trx }, origin, input))
}

/**
 * Creates an organisation, its first centre and its first admin together: all three or none.
 * @throws AppError CONFLICT when the email is taken; INVALID_INPUT for a weak password.
 */
export async function setUpOrganisationWithAdmin(
  deps: Deps,
  origin: Actor['origin'],
  input: SetUpOrganisationInput & { admin: Pick<CreateUserInput, 'email' | 'displayName' | 'password'> },
): Promise<SetUpResult & { adminId: string }> {
  const passwordHash = await checkedPasswordHash(input.admin.password, input.admin.email)
  return deps.db.transaction().execute(async (trx) => {
    const created = await insertOrganisationWithCentre({ ...deps, db: trx }, origin, input)
    const admin = {
      ...input.admin,
      organisationId: created.organisationId,
      roles: [{ role: 'admin' as const, centreId: null }],
    }
    const adminId = await insertUserWithPassword({ ...deps, db: trx }, origin, admin, passwordHash)
    return { ...created, adminId }
  })
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
  const passwordHash = await checkedPasswordHash(input.password, input.email)
  return deps.db
    .transaction()
    .execute((trx) => insertUserWithPassword({ ...deps, db: trx }, origin, input, passwordHash))
}

async function checkedPasswordHash(password: string, email: string): Promise<string> {
  assertAcceptablePassword(password, email.trim().toLowerCase())
  return hashPassword(password)
}

/** Inside the caller's transaction (`deps.db` is the transaction). */
async function insertOrganisationWithCentre(
  deps: Deps,
  origin: Actor['origin'],
  input: SetUpOrganisationInput,
): Promise<SetUpResult> {
  const now = deps.clock.now().toISOString()
  const organisationId = newId()
  const centreId = newId()
  await insertOrganisation(deps.db, {
    id: organisationId,
    name: input.organisationName,
    require_staff_mfa: input.requireStaffTwoFactor ? 1 : 0,
    created_at: now,
    updated_at: now,
  })
  await insertCentre(deps.db, {
    id: centreId,
    organisation_id: organisationId,
    name: input.centreName,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
  })
  // What a UK centre asks of its volunteers, and the policies they read: the organisation's to change.
  await ensureVolunteeringDefaults(deps.db, deps.clock, organisationId)
  await auditAs(deps.db, deps.clock, cliActor(organisationId, origin), {
    action: 'organisation.create',
    resourceType: 'organisation',
    resourceIds: [organisationId, centreId],
  })
  return { organisationId, centreId }
}

/** Inside the caller's transaction (`deps.db` is the transaction). */
async function insertUserWithPassword(
  deps: Deps,
  origin: Actor['origin'],
  input: CreateUserInput,
  passwordHash: string,
): Promise<string> {
  const email = input.email.trim().toLowerCase()
  const now = deps.clock.now().toISOString()
  const userId = newId()
  if (await emailTaken(deps.db, email))
    throw new AppError('CONFLICT', `Someone already has an account with ${email}`)
  await insertUser(deps.db, {
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
  const grants = input.roles.map((g) => ({ id: newId(), role: g.role, centreId: g.centreId, createdAt: now }))
  await replaceGrants(deps.db, { organisationId: input.organisationId }, userId, grants)
  await auditAs(deps.db, deps.clock, cliActor(input.organisationId, origin), {
    action: 'user.create',
    resourceType: 'user',
    resourceIds: [userId],
    details: { roles: input.roles },
  })
  return userId
}
