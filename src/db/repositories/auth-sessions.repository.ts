import type { Db } from '../connect'
import type { AuthSessionRow, AuthSessionsTable } from '../database'
import type { Insertable, Updateable } from 'kysely'

export async function insertAuthSession(db: Db, row: Insertable<AuthSessionsTable>): Promise<void> {
  await db.insertInto('auth_sessions').values(row).execute()
}

export const findAuthSessionByTokenHash = (db: Db, tokenHash: string): Promise<AuthSessionRow | undefined> =>
  db.selectFrom('auth_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

export async function updateAuthSession(
  db: Db,
  id: string,
  changes: Updateable<AuthSessionsTable>,
): Promise<void> {
  await db.updateTable('auth_sessions').set(changes).where('id', '=', id).execute()
}

export async function deleteAuthSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', id).execute()
}

/** Ends every session of a user, or every one but the session kept; returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId)
  if (exceptId) query = query.where('id', '!=', exceptId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export const listUserSessions = (db: Db, userId: string): Promise<AuthSessionRow[]> =>
  db
    .selectFrom('auth_sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute()

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('auth_sessions').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
