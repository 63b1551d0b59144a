import { deleteAuthSession } from '../../db/repositories/auth-sessions.repository'
import { consumeRecoveryCode, listGrants, updateUser } from '../../db/repositories/users.repository'
import type { UserRow } from '../../db/database'
import type { Actor } from '../access/actor'
import type { Role } from '../access/roles'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { hashSecret } from '../shared/secrets'
import type { SecondFactorInput } from './auth.schemas'
import { startSession, type ClientInfo, type StartedSession } from './start-session'
import { matchTotpStep, normaliseRecoveryCode } from './totp.rules'

/**
 * Takes the code from the authenticator app (or a recovery code) for a session that has passed the
 * password, and swaps it for a fully signed-in session with a new token.
 * @throws AppError UNAUTHENTICATED when the code is wrong, already used or too old.
 */
export async function completeSecondFactor(
  deps: Deps,
  actor: Actor,
  user: UserRow,
  input: SecondFactorInput,
  client: ClientInfo,
): Promise<StartedSession> {
  const { db, clock } = deps
  const scope = { organisationId: user.organisation_id }
  const outcome = await db.transaction().execute(async (trx) => {
    const now = clock.now()
    if ('code' in input) {
      if (!user.totp_secret) return null
      const step = matchTotpStep(
        deps.fieldCrypto.decrypt(user.totp_secret),
        input.code,
        now,
        user.totp_last_step,
      )
      if (step === null) return null
      await updateUser(trx, scope, user.id, { totp_last_step: step })
      return 'totp'
    }
    const used = await consumeRecoveryCode(
      trx,
      user.id,
      hashSecret(normaliseRecoveryCode(input.recoveryCode)),
      now.toISOString(),
    )
    return used ? 'recovery_code' : null
  })
  if (outcome === null) {
    await auditAs(db, clock, actor, {
      action: 'auth.second_factor',
      resourceType: 'user',
      resourceIds: [user.id],
      outcome: 'failure',
    })
    throw new AppError('UNAUTHENTICATED', 'That code is not right, or has been used already.')
  }
  return db.transaction().execute(async (trx) => {
    if (actor.sessionId) await deleteAuthSession(trx, actor.sessionId)
    const roles = (await listGrants(trx, scope, user.id)).map((g) => g.role as Role)
    const started = await startSession(
      trx,
      clock,
      { userId: user.id, organisationId: user.organisation_id, roles },
      'active',
      client,
    )
    await updateUser(trx, scope, user.id, { last_login_at: clock.now().toISOString() })
    await auditAs(trx, clock, actor, {
      action: 'auth.second_factor',
      resourceType: 'user',
      resourceIds: [user.id],
      details: { method: outcome },
    })
    return started
  })
}
