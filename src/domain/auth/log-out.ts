import { deleteAuthSession } from '../../db/repositories/auth-sessions.repository'
import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'

/** Ends the session on the server, so the cookie is worthless even if it was copied. */
export async function logOut(deps: Deps, actor: Actor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (actor.sessionId) await deleteAuthSession(trx, actor.sessionId)
    await auditAs(trx, deps.clock, actor, {
      action: 'auth.logout',
      resourceType: 'user',
      resourceIds: actor.userId ? [actor.userId] : [],
    })
  })
}
