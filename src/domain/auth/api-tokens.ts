import {
  findApiToken,
  insertApiToken,
  listApiTokens as listTokenRows,
  revokeApiToken as revokeTokenRow,
  type ApiTokenRow,
} from '../../db/repositories/credentials.repository'
import type { Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { addSeconds } from '../shared/clock'
import { newId } from '../shared/ids'
import { hashSecret, newSecret } from '../shared/secrets'
import type { ApiTokenCreateInput, ApiTokenView } from './auth.schemas'

export const API_TOKEN_PREFIX = 'kbt_'

export const presentApiToken = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.token_prefix,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
})

const ownerOf = (actor: Actor): string => {
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Only a user can hold API tokens')
  return actor.userId
}

/**
 * Creates a named, expiring token that acts as this user; the secret is returned once and only its
 * hash is kept.
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  input: ApiTokenCreateInput,
): Promise<ApiTokenView & { token: string }> {
  const userId = ownerOf(actor)
  const token = `${API_TOKEN_PREFIX}${newSecret()}`
  const now = deps.clock.now()
  const row: ApiTokenRow = {
    id: newId(),
    organisation_id: actor.organisationId,
    user_id: userId,
    name: input.name,
    token_hash: hashSecret(token),
    token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    created_at: now.toISOString(),
    expires_at: addSeconds(now, input.days * 86_400).toISOString(),
    revoked_at: null,
    last_used_at: null,
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'api_token.create',
      resourceType: 'api_token',
      resourceIds: [row.id],
      details: { name: input.name, days: input.days },
    })
  })
  return { ...presentApiToken(row), token }
}

export async function listApiTokens(deps: Deps, actor: Actor): Promise<ApiTokenView[]> {
  return (await listTokenRows(deps.db, { organisationId: actor.organisationId }, ownerOf(actor))).map(
    presentApiToken,
  )
}

/** @throws AppError NOT_FOUND when the token is not one of the actor's own. */
export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<void> {
  const userId = ownerOf(actor)
  await deps.db.transaction().execute(async (trx) => {
    const found = await findApiToken(trx, { organisationId: actor.organisationId }, userId, id)
    if (!found) throw notFound('API token')
    await revokeTokenRow(trx, id, deps.clock.now().toISOString())
    await auditAs(trx, deps.clock, actor, {
      action: 'api_token.revoke',
      resourceType: 'api_token',
      resourceIds: [id],
    })
  })
}
