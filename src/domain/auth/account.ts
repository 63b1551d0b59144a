import { deleteUserSessions, listUserSessions } from '../../db/repositories/auth-sessions.repository'
import { countUnusedRecoveryCodes, updateUser } from '../../db/repositories/users.repository'
import { findOrganisation } from '../../db/repositories/organisations.repository'
import type { UserRow } from '../../db/database'
import type { Actor } from '../access/actor'
import { isStaffRole } from '../access/roles'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import type { Account, AccountSession, ChangePasswordInput } from './auth.schemas'
import { assertAcceptablePassword, hashPassword } from './passwords'
import { assertCurrentPassword } from './two-factor'

/** The signed-in user's own account, as the account page shows it. */
export async function getAccount(deps: Deps, actor: Actor, user: UserRow): Promise<Account> {
  const organisation = await findOrganisation(deps.db, { organisationId: user.organisation_id })
  const required = organisation?.require_staff_mfa === 1 && actor.grants.some((g) => isStaffRole(g.role))
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    twoFactor: {
      enabled: user.totp_enabled_at !== null,
      required,
      recoveryCodesLeft: user.totp_enabled_at ? await countUnusedRecoveryCodes(deps.db, user.id) : 0,
    },
    roles: actor.grants.map((g) => ({ role: g.role, centreId: g.centreId })),
  }
}

/**
 * Changes the password after checking the current one; by default signs out every other device.
 * @throws AppError UNAUTHENTICATED for a wrong current password; INVALID_INPUT for a weak new one.
 */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  input: ChangePasswordInput,
): Promise<{ sessionsEnded: number }> {
  await assertCurrentPassword(deps, actor, user, input.currentPassword)
  assertAcceptablePassword(input.newPassword, user.email)
  const passwordHash = await hashPassword(input.newPassword)
  return deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, { organisationId: user.organisation_id }, user.id, {
      password_hash: passwordHash,
      updated_at: deps.clock.now().toISOString(),
    })
    const sessionsEnded = input.signOutOtherSessions
      ? await deleteUserSessions(trx, user.id, actor.sessionId ?? undefined)
      : 0
    await auditAs(trx, deps.clock, actor, {
      action: 'account.password.change',
      resourceType: 'user',
      resourceIds: [user.id],
      details: { sessionsEnded },
    })
    return { sessionsEnded }
  })
}

export async function listOwnSessions(deps: Deps, actor: Actor, user: UserRow): Promise<AccountSession[]> {
  const rows = await listUserSessions(deps.db, user.id)
  return rows
    .filter((row) => row.stage === 'active' || row.id === actor.sessionId)
    .map((row) => ({
      id: row.id,
      current: row.id === actor.sessionId,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      ip: row.ip,
      userAgent: row.user_agent,
    }))
}

/** "Sign out other devices": every session of this user but the current one ends. */
export async function endOtherSessions(
  deps: Deps,
  actor: Actor,
  user: UserRow,
): Promise<{ sessionsEnded: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const sessionsEnded = await deleteUserSessions(trx, user.id, actor.sessionId ?? undefined)
    await auditAs(trx, deps.clock, actor, {
      action: 'account.sessions.end_others',
      resourceType: 'user',
      resourceIds: [user.id],
      details: { sessionsEnded },
    })
    return { sessionsEnded }
  })
}
