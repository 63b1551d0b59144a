import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { connect, type Connected } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import type { Runtime } from '../runtime'
import { runBackup } from './backup'

let t: TestContext
let dir: string
beforeAll(async () => {
  t = await createTestContext()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-backup-'))
})
afterAll(async () => {
  await t.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const countIn = (handle: Database.Database, table: string): number =>
  (handle.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('kinbridge backup (SQLite)', () => {
  // Always a SQLite database of its own, whichever project runs: the command is SQLite-only.
  let sqlite: Connected
  let runtime: Runtime
  beforeAll(async () => {
    sqlite = await connect({ kind: 'sqlite', file: path.join(dir, 'live', 'kinbridge.db') })
    await migrateToLatest(sqlite.db)
    runtime = { deps: { ...t.deps, db: sqlite.db }, connected: sqlite, close: async () => {} }
    const org = await buildOrganisation(runtime.deps)
    for (const role of ['admin', 'coordinator', 'volunteer'] as const)
      await buildUser(runtime.deps, { organisationId: org.organisationId, role })
  })
  afterAll(async () => sqlite.close())

  it('writes a copy that passes integrity_check with the same users and audit rows, owner-only', async () => {
    const file = path.join(dir, 'kinbridge-backup.db')
    const result = await runBackup(runtime, { file })
    expect(result.exitCode).toBe(0)
    expect(result.stdout[0]).toMatch(
      /^backup written: .*kinbridge-backup\.db \(\d+ bytes, integrity_check ok\)$/,
    )
    expect(fs.readdirSync(dir).sort()).toEqual(['kinbridge-backup.db', 'live'])
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const copy = new Database(file, { readonly: true, fileMustExist: true })
    const live = sqlite.sqlite
    if (!live) throw new Error('no sqlite handle')
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      for (const table of ['users', 'audit_log', 'organisations', 'role_assignments'])
        expect(countIn(copy, table)).toBe(countIn(live, table))
      expect(countIn(copy, 'users')).toBe(3)
    } finally {
      copy.close()
    }
  })

  it('refuses a file that exists, and leaves it untouched', async () => {
    const file = path.join(dir, 'already-there.db')
    fs.writeFileSync(file, 'precious')
    await expect(runBackup(runtime, { file })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already exists') as string,
    })
    expect(fs.readFileSync(file, 'utf8')).toBe('precious')
    await expect(
      runBackup(runtime, { file: path.join(dir, 'missing-folder', 'x.db') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(fs.readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([])
  })
})

describe('kinbridge backup (PostgreSQL)', () => {
  it('refuses and explains pg_dump and pg_restore', async () => {
    const runtime: Runtime = {
      deps: t.deps,
      connected: { ...t.connected, kind: 'postgres', sqlite: undefined },
      close: async () => {},
    }
    const refusal = runBackup(runtime, { file: path.join(dir, 'pg.dump') })
    await expect(refusal).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('pg_dump --format=custom --file=<file> "$DATABASE_URL"') as string,
    })
    await expect(refusal).rejects.toThrow('pg_restore')
    expect(fs.existsSync(path.join(dir, 'pg.dump'))).toBe(false)
  })
})
