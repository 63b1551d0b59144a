import type { Db } from '../connect'

/** Organisation ids, oldest first: the command line picks the only one when none is named. */
export const listOrganisationIds = async (db: Db, limit: number): Promise<string[]> => {
  const rows = await db.selectFrom('organisations').select('id').orderBy('created_at').limit(limit).execute()
  return rows.map((row) => row.id)
}
