import { Migrator, type MigrationResultSet } from 'kysely'
import type { Db } from './connect'
import { migrations } from './migrations'

function migratorFor(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } })
}

/** Applies every pending migration in one transaction (all or none); throws on a failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await migratorFor(db).migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(
      `Migration ${failed} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
    )
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migratorFor(db).getMigrations()
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name)
}
