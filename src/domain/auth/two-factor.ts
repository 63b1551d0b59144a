import QRCode from 'qrcode'
import { deleteAuthSession, deleteUserSessions } from '../../db/repositories/auth-sessions.repository'
import { listGrants, replaceRecoveryCodes, updateUser } from '../../db/repositories/users.repository'
import { findOrganisation } from '../../db/repositories/organisations.repository'
import type { UserRow } from '../../db/database'
import type { Actor } from '../access/actor'
import { isStaffRole, type Role } from '../access/roles'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { newId } from '../shared/ids'
import { hashSecret } from '../shared/secrets'
import type { TotpSetupResult } from './auth.schemas'
import { verifyPassword } from './passwords'
import { startSession, type ClientInfo, type StartedSession } from './start-session'
import { matchTotpStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp.rules'

/** @throws AppError UNAUTHENTICATED when the password is wrong (re-authentication, ASVS 7.5.1). */
export async function assertCurrentPassword(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  password: string,
): Promise<void> {
  if (user.password_hash && (await verifyPassword(user.password_hash, password))) return
  await auditAs(deps.db, deps.clock, actor, {
    action: 'auth.reauthenticate',
    resourceType: 'user',
    resourceIds: [user.id],
    outcome: 'failure',
  })
  throw new AppError('UNAUTHENTICATED', 'Your current password is not right.')
}

/**
 * Starts enrolment: a new secret, kept sealed and unused until the first code from the app confirms it.
 * @throws AppError CONFLICT when two-factor authentication is already on.
 */
export async function beginTotpEnrolment(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  password: string,
): Promise<TotpSetupResult> {
  if (user.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor authentication is already on.')
  await assertCurrentPassword(deps, actor, user, password)
  const secret = newTotpSecret()
  const otpauthUri = totpUri(secret, user.email)
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, { organisationId: user.organisation_id }, user.id, {
      totp_secret: deps.fieldCrypto.encrypt(secret),
      totp_last_step: null,
      updated_at: deps.clock.now().toISOString(),
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'account.two_factor.begin',
      resourceType: 'user',
      resourceIds: [user.id],
    })
  })
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 240,
  })
  return { secret, otpauthUri, qrCodeDataUrl }
}

export interface TotpConfirmed {
  recoveryCodes: string[]
  /** A new session when the old one was still owed enrolment; the old token no longer works. */
  session: StartedSession | null
}

/**
 * Turns two-factor on once the app shows a right code; returns recovery codes, shown only this once.
 * @throws AppError UNAUTHENTICATED for a wrong code; CONFLICT when enrolment was not started.
 */
export async function confirmTotpEnrolment(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  code: string,
  client: ClientInfo & { stage: string },
): Promise<TotpConfirmed> {
  const { db, clock } = deps
  if (user.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor authentication is already on.')
  if (!user.totp_secret) throw new AppError('CONFLICT', 'Start two-factor set-up first.')
  const now = clock.now()
  const step = matchTotpStep(deps.fieldCrypto.decrypt(user.totp_secret), code, now, null)
  if (step === null) {
    await auditAs(db, clock, actor, {
      action: 'account.two_factor.confirm',
      resourceType: 'user',
      resourceIds: [user.id],
      outcome: 'failure',
    })
    throw new AppError(
      'UNAUTHENTICATED',
      'That code is not right. Check the time on your phone and try the newest code.',
    )
  }
  const scope = { organisationId: user.organisation_id }
  const recoveryCodes = newRecoveryCodes()
  return db.transaction().execute(async (trx) => {
    await updateUser(trx, scope, user.id, {
      totp_enabled_at: now.toISOString(),
      totp_last_step: step,
      updated_at: now.toISOString(),
    })
    await replaceRecoveryCodes(
      trx,
      user.id,
      recoveryCodes.map((c) => ({
        id: newId(),
        codeHash: hashSecret(normaliseRecoveryCode(c)),
        createdAt: now.toISOString(),
      })),
    )
    let session: StartedSession | null = null
    if (client.stage === 'enrol_second_factor') {
      if (actor.sessionId) await deleteAuthSession(trx, actor.sessionId)
      const roles = (await listGrants(trx, scope, user.id)).map((g) => g.role as Role)
      session = await startSession(
        trx,
        clock,
        { userId: user.id, organisationId: user.organisation_id, roles },
        'active',
        client,
      )
    }
    await auditAs(trx, clock, actor, {
      action: 'account.two_factor.enable',
      resourceType: 'user',
      resourceIds: [user.id],
    })
    return { recoveryCodes, session }
  })
}

/**
 * Turns two-factor off with the password and a current code; ends the user's other sessions.
 * @throws AppError FORBIDDEN when the organisation requires it for the user's role.
 */
export async function disableTotp(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  password: string,
  code: string,
): Promise<void> {
  const { db, clock } = deps
  const scope = { organisationId: user.organisation_id }
  const organisation = await findOrganisation(db, scope)
  if (organisation?.require_staff_mfa && actor.grants.some((g) => isStaffRole(g.role))) {
    throw new AppError('FORBIDDEN', 'Your organisation requires two-factor authentication for your role.')
  }
  await assertCurrentPassword(deps, actor, user, password)
  if (
    !user.totp_secret ||
    matchTotpStep(deps.fieldCrypto.decrypt(user.totp_secret), code, clock.now(), user.totp_last_step) === null
  ) {
    throw new AppError('UNAUTHENTICATED', 'That code is not right.')
  }
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, scope, user.id, {
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      updated_at: clock.now().toISOString(),
    })
    await replaceRecoveryCodes(trx, user.id, [])
    await deleteUserSessions(trx, user.id, actor.sessionId ?? undefined)
    await auditAs(trx, clock, actor, {
      action: 'account.two_factor.disable',
      resourceType: 'user',
      resourceIds: [user.id],
    })
  })
}

/** Replaces every recovery code with ten new ones, after the password. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  password: string,
): Promise<string[]> {
  if (!user.totp_enabled_at) throw new AppError('CONFLICT', 'Turn on two-factor authentication first.')
  await assertCurrentPassword(deps, actor, user, password)
  const codes = newRecoveryCodes()
  const at = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => ({ id: newId(), codeHash: hashSecret(normaliseRecoveryCode(c)), createdAt: at })),
    )
    await auditAs(trx, deps.clock, actor, {
      action: 'account.recovery_codes.regenerate',
      resourceType: 'user',
      resourceIds: [user.id],
    })
  })
  return codes
}
