import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { connect, type Connected } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'

export type TestDbKind = 'sqlite' | 'postgres'

export const testDbKind = (): TestDbKind =>
  process.env.KINBRIDGE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'

const templateDir = path.resolve('.tmp/test-db')
export const SQLITE_TEMPLATE = path.join(templateDir, 'template.db')

export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  return url
}

/** Migrates once per run: a SQLite template file that each test file copies, or the PostgreSQL test database. */
export async function prepareTestDatabase(kind: TestDbKind): Promise<void> {
  if (kind === 'sqlite') {
    fs.mkdirSync(templateDir, { recursive: true })
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(SQLITE_TEMPLATE + suffix, { force: true })
    const connected = await connect({ kind: 'sqlite', file: SQLITE_TEMPLATE })
    await migrateToLatest(connected.db)
    connected.sqlite?.pragma('wal_checkpoint(TRUNCATE)')
    await connected.close()
    return
  }
  const connected = await connect({ kind: 'postgres', url: postgresUrl() })
  await sql`drop schema if exists public cascade`.execute(connected.db)
  await sql`create schema public`.execute(connected.db)
  await migrateToLatest(connected.db)
  await connected.close()
}

/** A database for one test file: a fresh copy of the SQLite template, or the shared PostgreSQL database. */
export async function openTestDatabase(
  kind: TestDbKind = testDbKind(),
): Promise<Connected & { file: string | null }> {
  if (kind === 'postgres') return { ...(await connect({ kind: 'postgres', url: postgresUrl() })), file: null }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-test-'))
  const file = path.join(dir, 'kinbridge.db')
  fs.copyFileSync(SQLITE_TEMPLATE, file)
  const connected = await connect({ kind: 'sqlite', file })
  return {
    ...connected,
    file,
    close: async () => {
      await connected.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
