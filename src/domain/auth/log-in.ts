import { listGrants, findUserByEmailForLogin, updateUser } from '../../db/repositories/users.repository'
import { findOrganisation } from '../../db/repositories/organisations.repository'
import type { RequestOrigin } from '../access/actor'
import { isStaffRole, type Role } from '../access/roles'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import type { LoginInput, SessionStage } from './auth.schemas'
import { spendPasswordCheck, verifyPassword } from './passwords'
import { startSession, type ClientInfo, type StartedSession } from './start-session'

const WRONG = 'The email or password is not right.'

export interface LoginOrigin extends ClientInfo {
  /** The request's audit origin, marked once the use case has written its row. */
  origin: RequestOrigin
}

/** What a user must do after a correct password. */
export function stageAfterPassword(
  hasTwoFactor: boolean,
  orgRequiresIt: boolean,
  roles: readonly Role[],
): SessionStage {
  if (hasTwoFactor) return 'second_factor'
  if (orgRequiresIt && roles.some(isStaffRole)) return 'enrol_second_factor'
  return 'active'
}

/**
 * Checks an email and password and opens a session at the stage the account needs next: the second
 * factor, enrolment in one, or fully signed in. The answer for an unknown email, a wrong password and
 * a disabled account is the same, and takes as long.
 * @throws AppError UNAUTHENTICATED when the credentials do not match an active account.
 */
export async function logIn(deps: Deps, input: LoginInput, origin: LoginOrigin): Promise<StartedSession> {
  const { db, clock } = deps
  const user = await findUserByEmailForLogin(db, input.email)
  const passwordOk = user?.password_hash ? await verifyPassword(user.password_hash, input.password) : false
  if (!user?.password_hash) await spendPasswordCheck(input.password)
  const audit = origin.origin
  if (!user || !passwordOk || user.status !== 'active') {
    await recordAudit(
      db,
      clock,
      { organisationId: user?.organisation_id ?? null, userId: user?.id ?? null, role: null, origin: audit },
      {
        action: 'auth.login',
        resourceType: 'user',
        resourceIds: user ? [user.id] : [],
        outcome: 'failure',
        details: {
          reason: user ? (passwordOk ? `account_${user.status}` : 'wrong_password') : 'unknown_email',
        },
      },
    )
    throw new AppError('UNAUTHENTICATED', WRONG)
  }
  const scope = { organisationId: user.organisation_id }
  return db.transaction().execute(async (trx) => {
    const roles = (await listGrants(trx, scope, user.id)).map((g) => g.role as Role)
    const organisation = await findOrganisation(trx, scope)
    const stage = stageAfterPassword(
      user.totp_enabled_at !== null,
      organisation?.require_staff_mfa === 1,
      roles,
    )
    const started = await startSession(
      trx,
      clock,
      { userId: user.id, organisationId: user.organisation_id, roles },
      stage,
      origin,
    )
    if (stage === 'active')
      await updateUser(trx, scope, user.id, { last_login_at: clock.now().toISOString() })
    await recordAudit(
      trx,
      clock,
      { organisationId: user.organisation_id, userId: user.id, role: roles[0] ?? null, origin: audit },
      { action: 'auth.login', resourceType: 'user', resourceIds: [user.id], details: { stage } },
    )
    return started
  })
}
