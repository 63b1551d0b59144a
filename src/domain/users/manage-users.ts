import { deleteUserSessions } from '../../db/repositories/auth-sessions.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import {
  emailTaken,
  findUser,
  insertUser,
  listGrants,
  listGrantsForUsers,
  listUsers as listUserRows,
  replaceGrants,
  updateUser as updateUserRow,
} from '../../db/repositories/users.repository'
import type { Db } from '../../db/connect'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { createOneTimeLink } from '../auth/one-time-links'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { presentUser } from './users.presenter'
import type { InviteUserInput, UpdateUserInput, UserView } from './users.schemas'

function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', 'Only an admin can manage people')
}

/** Every centre named in the grants must belong to the actor's organisation. */
async function assertCentresInScope(db: Db, actor: Actor, grants: InviteUserInput['roles']): Promise<void> {
  for (const grant of grants) {
    if (grant.centreId && !(await findCentre(db, scopeOf(actor), grant.centreId))) {
      throw new AppError('INVALID_INPUT', 'A role names a centre that is not in your organisation', {
        centreId: grant.centreId,
      })
    }
  }
}

export async function listUsers(deps: Deps, actor: Actor): Promise<UserView[]> {
  assertAdmin(actor)
  const rows = await listUserRows(deps.db, scopeOf(actor))
  const grants = await listGrantsForUsers(
    deps.db,
    scopeOf(actor),
    rows.map((r) => r.id),
  )
  return rows.map((row) => presentUser(row, grants.get(row.id) ?? []))
}

export async function getUser(deps: Deps, actor: Actor, userId: string): Promise<UserView> {
  assertAdmin(actor)
  const row = await findUser(deps.db, scopeOf(actor), userId)
  if (!row) throw notFound('User')
  return presentUser(row, await listGrants(deps.db, scopeOf(actor), row.id))
}

/**
 * Adds a person with their roles and emails them a link to choose a password (valid 7 days).
 * @throws AppError CONFLICT when the email already has an account.
 */
export async function inviteUser(deps: Deps, actor: Actor, input: InviteUserInput): Promise<UserView> {
  assertAdmin(actor)
  return deps.db.transaction().execute(async (trx) => {
    await assertCentresInScope(trx, actor, input.roles)
    const view = await insertInvitedUser({ ...deps, db: trx }, actor, input)
    await auditAs(trx, deps.clock, actor, {
      action: 'user.invite',
      resourceType: 'user',
      resourceIds: [view.id],
      details: { roles: input.roles },
    })
    return view
  })
}

/**
 * Inside the caller's transaction (`deps.db`): writes an invited account with its roles and queues
 * the email with its link to choose a password (valid 7 days). The caller checks who may do it.
 * @throws AppError CONFLICT when the email already has an account.
 */
export async function insertInvitedUser(deps: Deps, actor: Actor, input: InviteUserInput): Promise<UserView> {
  const { db, clock } = deps
  if (await emailTaken(db, input.email))
    throw new AppError('CONFLICT', 'Someone already has an account with this email', { field: 'email' })
  const now = clock.now().toISOString()
  const user = {
    id: newId(),
    organisation_id: actor.organisationId,
    email: input.email,
    display_name: input.displayName,
    password_hash: null,
    status: 'invited' as const,
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  }
  await insertUser(db, user)
  const grants = input.roles.map((g) => ({
    id: newId(),
    role: g.role,
    centreId: g.centreId,
    createdAt: now,
  }))
  await replaceGrants(db, scopeOf(actor), user.id, grants)
  const link = await createOneTimeLink(db, clock, deps.publicUrl, user, 'invitation')
  await enqueueEmail(db, clock, {
    organisationId: actor.organisationId,
    to: user.email,
    subject: 'You have been invited to Kinbridge',
    text: [
      `Hello ${user.display_name},`,
      '',
      'You have been given an account on Kinbridge. Open this link within 7 days to choose your password:',
      '',
      link,
    ].join('\n'),
  })
  return presentUser(
    user,
    grants.map((g) => ({ role: g.role, centre_id: g.centreId })),
  )
}

/**
 * Changes a person's name or roles; the change applies to their very next request.
 * @throws AppError CONFLICT when an admin would remove their own admin role.
 */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  input: UpdateUserInput,
): Promise<UserView> {
  assertAdmin(actor)
  return deps.db.transaction().execute(async (trx) => {
    const row = await findUser(trx, scopeOf(actor), userId)
    if (!row) throw notFound('User')
    const now = deps.clock.now().toISOString()
    if (input.roles) {
      if (userId === actor.userId && !input.roles.some((g) => g.role === 'admin' && g.centreId === null)) {
        throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin')
      }
      await assertCentresInScope(trx, actor, input.roles)
      await replaceGrants(
        trx,
        scopeOf(actor),
        userId,
        input.roles.map((g) => ({ id: newId(), role: g.role, centreId: g.centreId, createdAt: now })),
      )
    }
    if (input.displayName !== undefined)
      await updateUserRow(trx, scopeOf(actor), userId, { display_name: input.displayName, updated_at: now })
    await auditAs(trx, deps.clock, actor, {
      action: 'user.update',
      resourceType: 'user',
      resourceIds: [userId],
      details: { fields: Object.keys(input), roles: input.roles },
    })
    const updated = await findUser(trx, scopeOf(actor), userId)
    if (!updated) throw notFound('User')
    return presentUser(updated, await listGrants(trx, scopeOf(actor), userId))
  })
}

/**
 * Disables or re-enables an account. Disabling ends every session at once.
 * @throws AppError CONFLICT when an admin tries to disable themselves.
 */
export async function setUserDisabled(
  deps: Deps,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<UserView> {
  assertAdmin(actor)
  return deps.db.transaction().execute(async (trx) => {
    const row = await findUser(trx, scopeOf(actor), userId)
    if (!row) throw notFound('User')
    if (disabled && userId === actor.userId)
      throw new AppError('CONFLICT', 'You cannot disable your own account')
    const status = disabled ? 'disabled' : row.password_hash ? 'active' : 'invited'
    await updateUserRow(trx, scopeOf(actor), userId, { status, updated_at: deps.clock.now().toISOString() })
    const sessionsEnded = disabled ? await deleteUserSessions(trx, userId) : 0
    await auditAs(trx, deps.clock, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      resourceType: 'user',
      resourceIds: [userId],
      details: { sessionsEnded },
    })
    return presentUser({ ...row, status }, await listGrants(trx, scopeOf(actor), userId))
  })
}
