import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../connect'
import type { ApiTokensTable, OneTimeLinksTable } from '../database'
import type { OrgScope } from './users.repository'

export type ApiTokenRow = Selectable<ApiTokensTable>
export type OneTimeLinkRow = Selectable<OneTimeLinksTable>

export async function insertOneTimeLink(db: Db, row: Insertable<OneTimeLinksTable>): Promise<void> {
  await db.insertInto('one_time_links').values(row).execute()
}

export const findOneTimeLink = (db: Db, tokenHash: string): Promise<OneTimeLinkRow | undefined> =>
  db.selectFrom('one_time_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

/** Uses a link once: true only for the first caller, even when two race. */
export async function consumeOneTimeLink(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_links')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** A new link makes the user's older unused links of the same purpose worthless. */
export async function retireOneTimeLinks(
  db: Db,
  userId: string,
  purpose: OneTimeLinkRow['purpose'],
  at: string,
): Promise<void> {
  await db
    .updateTable('one_time_links')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
}

export async function insertApiToken(db: Db, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute()
}

export const findApiTokenByHash = (db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> =>
  db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

export const listApiTokens = (db: Db, scope: OrgScope, userId: string): Promise<ApiTokenRow[]> =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()

export const findApiToken = (
  db: Db,
  scope: OrgScope,
  userId: string,
  id: string,
): Promise<ApiTokenRow | undefined> =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function revokeApiToken(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute()
}
