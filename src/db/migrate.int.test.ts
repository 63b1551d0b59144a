import { randomBytes } from 'node:crypto'
import { Migrator, sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../tests/support/test-db'
import type { Connected } from './connect'
import { pendingMigrations } from './migrate'

let connected: Connected
beforeAll(async () => {
  connected = await openTestDatabase()
})
afterAll(async () => connected.close())

const tableExists = async (db: Kysely<unknown>, name: string): Promise<boolean> =>
  (await db.introspection.getTables()).some((table) => table.name === name)

describe('migrations (MIG-1)', () => {
  it('leaves the schema exactly at the old version when a migration fails half-way (the run is one transaction)', async () => {
    const suffix = randomBytes(4).toString('hex')
    const db = connected.db as unknown as Kysely<unknown>
    const migrator = new Migrator({
      db,
      migrationTableName: `mig_test_${suffix}`,
      migrationLockTableName: `mig_test_lock_${suffix}`,
      provider: {
        getMigrations: () =>
          Promise.resolve({
            '001-good': {
              up: async (trx: Kysely<unknown>) => {
                await trx.schema.createTable(`good_${suffix}`).addColumn('id', 'text').execute()
              },
            },
            '002-bad': {
              up: async (trx: Kysely<unknown>) => {
                await trx.schema.createTable(`half_${suffix}`).addColumn('id', 'text').execute()
                await sql`insert into ${sql.table(`half_${suffix}`)} (id) values ('x')`.execute(trx)
                throw new Error('power cut')
              },
            },
          }),
      },
    })
    const result = await migrator.migrateToLatest()
    expect(result.error).toBeInstanceOf(Error)
    expect(await tableExists(db, `half_${suffix}`)).toBe(false)
    expect(await tableExists(db, `good_${suffix}`)).toBe(false)
    const applied = await sql<{ name: string }>`select name from ${sql.table(`mig_test_${suffix}`)}`.execute(
      db,
    )
    expect(applied.rows).toEqual([])
  })

  it('has nothing pending on a migrated database', async () => {
    expect(await pendingMigrations(connected.db)).toEqual([])
  })
})
