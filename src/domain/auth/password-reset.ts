import { deleteUserSessions } from '../../db/repositories/auth-sessions.repository'
import { consumeOneTimeLink, findOneTimeLink } from '../../db/repositories/credentials.repository'
import { findUser, findUserByEmailForLogin, updateUser } from '../../db/repositories/users.repository'
import { recordAudit } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { hashSecret } from '../shared/secrets'
import type { PasswordResetCompleteInput } from './auth.schemas'
import { createOneTimeLink, LINK_LIFETIME_SECONDS } from './one-time-links'
import { assertAcceptablePassword, hashPassword } from './passwords'
import type { LoginOrigin } from './log-in'

/**
 * Emails a single-use reset link when the address belongs to an active account. The caller always
 * answers the same way, so the form cannot be used to learn who has an account.
 */
export async function requestPasswordReset(deps: Deps, email: string, origin: LoginOrigin): Promise<void> {
  const { db, clock } = deps
  const user = await findUserByEmailForLogin(db, email)
  const who = {
    organisationId: user?.organisation_id ?? null,
    userId: user?.id ?? null,
    role: null,
    origin: origin.origin,
  }
  if (user?.status !== 'active') {
    await recordAudit(db, clock, who, {
      action: 'auth.password_reset.request',
      outcome: 'failure',
      details: { reason: user ? `account_${user.status}` : 'unknown_email' },
    })
    return
  }
  await db.transaction().execute(async (trx) => {
    const link = await createOneTimeLink(trx, clock, deps.publicUrl, user, 'password_reset')
    await enqueueEmail(trx, clock, {
      organisationId: user.organisation_id,
      to: user.email,
      subject: 'Reset your Kinbridge password',
      text: [
        `Hello ${user.display_name},`,
        '',
        'Someone asked to reset the password of your Kinbridge account. If it was you, open this link within',
        `${LINK_LIFETIME_SECONDS.password_reset / 60} minutes to choose a new password. It works once.`,
        '',
        link,
        '',
        'If it was not you, ignore this email: your password has not changed.',
      ].join('\n'),
    })
    await recordAudit(trx, clock, who, {
      action: 'auth.password_reset.request',
      resourceType: 'user',
      resourceIds: [user.id],
    })
  })
}

/**
 * Sets a new password from a reset or invitation link, once. Every session of the account ends;
 * two-factor authentication still applies at the next login.
 * @throws AppError INVALID_INPUT when the link is unknown, used or expired, or the password is weak.
 */
export async function completePasswordReset(
  deps: Deps,
  input: PasswordResetCompleteInput,
  origin: LoginOrigin,
): Promise<void> {
  const { db, clock } = deps
  const link = await findOneTimeLink(db, hashSecret(input.token))
  const now = clock.now()
  if (!link || link.used_at !== null || Date.parse(link.expires_at) <= now.getTime()) {
    throw new AppError('INVALID_INPUT', 'This link has expired or has been used. Ask for a new one.', {
      field: 'token',
    })
  }
  const scope = { organisationId: link.organisation_id }
  const user = await findUser(db, scope, link.user_id)
  if (!user || user.status === 'disabled') {
    throw new AppError('INVALID_INPUT', 'This link has expired or has been used. Ask for a new one.', {
      field: 'token',
    })
  }
  assertAcceptablePassword(input.password, user.email)
  const passwordHash = await hashPassword(input.password)
  await db.transaction().execute(async (trx) => {
    if (!(await consumeOneTimeLink(trx, link.id, now.toISOString()))) {
      throw new AppError('INVALID_INPUT', 'This link has expired or has been used. Ask for a new one.', {
        field: 'token',
      })
    }
    await updateUser(trx, scope, user.id, {
      password_hash: passwordHash,
      status: 'active',
      updated_at: now.toISOString(),
    })
    await deleteUserSessions(trx, user.id)
    await recordAudit(
      trx,
      clock,
      { organisationId: user.organisation_id, userId: user.id, role: null, origin: origin.origin },
      {
        action: link.purpose === 'invitation' ? 'auth.invitation.accept' : 'auth.password_reset.complete',
        resourceType: 'user',
        resourceIds: [user.id],
      },
    )
  })
}
