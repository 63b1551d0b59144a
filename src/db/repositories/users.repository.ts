import type { Db } from '../connect'
import type { NewUser, UserRow, UserUpdate } from '../database'

export interface OrgScope {
  organisationId: string
}

export interface GrantRow {
  role: string
  centre_id: string | null
}

/** Login looks a user up by email before any organisation is known; every other lookup is scoped. */
export const findUserByEmailForLogin = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()

export const findUser = (db: Db, scope: OrgScope, id: string): Promise<UserRow | undefined> =>
  db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export const listUsers = (db: Db, scope: OrgScope): Promise<UserRow[]> =>
  db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('display_name')
    .orderBy('email')
    .execute()

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute()
}

export async function updateUser(db: Db, scope: OrgScope, id: string, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

export const emailTaken = async (db: Db, email: string): Promise<boolean> =>
  (await db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst()) !==
  undefined

export const listGrants = (db: Db, scope: OrgScope, userId: string): Promise<GrantRow[]> =>
  db
    .selectFrom('role_assignments')
    .select(['role', 'centre_id'])
    .where('user_id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('role')
    .execute()

export async function listGrantsForUsers(
  db: Db,
  scope: OrgScope,
  userIds: string[],
): Promise<Map<string, GrantRow[]>> {
  const byUser = new Map<string, GrantRow[]>()
  if (userIds.length === 0) return byUser
  const rows = await db
    .selectFrom('role_assignments')
    .select(['user_id', 'role', 'centre_id'])
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute()
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? []
    list.push({ role: row.role, centre_id: row.centre_id })
    byUser.set(row.user_id, list)
  }
  return byUser
}

export async function replaceGrants(
  db: Db,
  scope: OrgScope,
  userId: string,
  grants: { id: string; role: string; centreId: string | null; createdAt: string }[],
): Promise<void> {
  await db
    .deleteFrom('role_assignments')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
  if (grants.length === 0) return
  await db
    .insertInto('role_assignments')
    .values(
      grants.map((g) => ({
        id: g.id,
        organisation_id: scope.organisationId,
        user_id: userId,
        role: g.role,
        centre_id: g.centreId,
        created_at: g.createdAt,
      })),
    )
    .execute()
}

export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  codes: { id: string; codeHash: string; createdAt: string }[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  if (codes.length === 0) return
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((c) => ({
        id: c.id,
        user_id: userId,
        code_hash: c.codeHash,
        used_at: null,
        created_at: c.createdAt,
      })),
    )
    .execute()
}

/** Marks an unused recovery code used; true when one matched. */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export const countUnusedRecoveryCodes = async (db: Db, userId: string): Promise<number> => {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return row.n
}
