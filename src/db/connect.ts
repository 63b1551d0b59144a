import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from 'kysely'
import pg from 'pg'
import type { DB } from './database'

export type Db = Kysely<DB>
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

export interface Connected {
  db: Db
  kind: DatabaseTarget['kind']
  /** The raw better-sqlite3 handle, for online backups; undefined on PostgreSQL. */
  sqlite: Database.Database | undefined
  close: () => Promise<void>
}

/** SQLite can roll back DDL; Kysely assumes it cannot, which would leave a half-applied migration. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/**
 * Every transaction takes the write lock at BEGIN, so a read-then-write transaction can never fail
 * with SQLITE_BUSY half-way (it waits on busy_timeout instead).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver()
    const begin = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    }
    return Object.assign(driver, { beginTransaction: begin })
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter()
  }
}

const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
]

function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const handle = new Database(file)
  // Families' records: readable by the service's own user only (SQLite gives the WAL the same mode).
  if (file !== ':memory:') fs.chmodSync(file, 0o600)
  for (const pragma of SQLITE_PRAGMAS) handle.pragma(pragma)
  assertDurableSqlite(handle)
  return handle
}

/** Refuses to run on settings that could lose an acknowledged write (DUR-2). */
export function assertDurableSqlite(handle: Database.Database): void {
  const journal = handle.pragma('journal_mode', { simple: true })
  const synchronous = handle.pragma('synchronous', { simple: true })
  const foreignKeys = handle.pragma('foreign_keys', { simple: true })
  const busy = handle.pragma('busy_timeout', { simple: true })
  const memory = handle.name === ':memory:'
  if ((!memory && journal !== 'wal') || synchronous !== 2 || foreignKeys !== 1 || Number(busy) < 5000) {
    throw new Error(
      `SQLite is not in durable mode (journal_mode=${String(journal)}, synchronous=${String(synchronous)}, foreign_keys=${String(foreignKeys)}, busy_timeout=${String(busy)})`,
    )
  }
}

const builtinParser = pg.types.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (value: string) => unknown
const INSTANT_TYPES = [1184, 1114] // timestamptz, timestamp
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (INSTANT_TYPES.includes(oid)) return (value: string) => new Date(value).toISOString()
    if (oid === 1082) return (value: string) => value // date stays YYYY-MM-DD, never shifted by a zone
    if (oid === 20) return (value: string) => Number(value) // counts
    return builtinParser(oid, format)
  },
}

async function assertDurablePostgres(pool: pg.Pool): Promise<void> {
  const result = await pool.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')`,
  )
  const off = result.rows.filter((row) => row.setting !== 'on')
  if (off.length > 0) {
    throw new Error(`PostgreSQL is not durable: ${off.map((row) => `${row.name}=${row.setting}`).join(', ')}`)
  }
}

/**
 * Opens the database the configuration names, checked for durable settings.
 */
export async function connect(target: DatabaseTarget): Promise<Connected> {
  if (target.kind === 'sqlite') {
    const handle = openSqlite(target.file)
    const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: handle }) })
    return { db, kind: 'sqlite', sqlite: handle, close: () => db.destroy() }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10, types: pgTypes })
  try {
    await assertDurablePostgres(pool)
  } catch (error) {
    await pool.end()
    throw error
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', sqlite: undefined, close: () => db.destroy() }
}
