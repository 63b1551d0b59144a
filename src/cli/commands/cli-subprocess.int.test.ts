import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../domain/auth/passwords'

// The real binary, as an operator runs it: a fresh SQLite DATA_DIR, stdout, stderr and exit codes.
const ROOT = path.resolve(import.meta.dirname, '../../..')
const CLI = path.join(ROOT, 'bin', 'kinbridge.mjs')

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function kinbridge(args: string[], env: Record<string, string>): Run {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let dataDir: string
const inDataDir = (args: string[]) => kinbridge(args, { DATA_DIR: dataDir })
const INIT = [
  'init',
  '--organisation',
  'St Helier Family Hub',
  '--centre',
  'St Helier Child Contact Centre',
  '--time-zone',
  'Europe/Jersey',
  '--admin-email',
  'Coordinator.Lead@example.org',
]

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-cli-'))
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

describe('kinbridge init, create-user and token create (subprocess)', () => {
  it('exits 2 with "error: <message>" for bad arguments, touching nothing', () => {
    const badZone = inDataDir([...INIT.slice(0, 6), 'Mars/Olympus', ...INIT.slice(7)])
    expect(badZone).toMatchObject({ status: 2, stdout: '' })
    expect(badZone.stderr).toMatch(/^error: --time-zone: Choose a time zone/m)
    expect(inDataDir(['init', '--organisation', 'X']).status).toBe(2)
    expect(inDataDir(['no-such-command']).status).toBe(2)
    expect(fs.existsSync(path.join(dataDir, 'kinbridge.db'))).toBe(false)
  }, 60_000)

  it('init migrates, creates the admin with a working one-time password, and refuses a second run', async () => {
    const first = inDataDir(INIT)
    expect(first.status).toBe(0)
    expect(first.stderr).toMatch(/^Applied migrations: /)
    const password = /^One-time password: (\S+)$/m.exec(first.stdout)?.[1] ?? ''
    expect(password).toHaveLength(23)
    const db = new Database(path.join(dataDir, 'kinbridge.db'), { readonly: true })
    const admin = db
      .prepare('select password_hash from users where email = ?')
      .get('coordinator.lead@example.org') as { password_hash: string }
    db.close()
    expect(await verifyPassword(admin.password_hash, password)).toBe(true)
    const second = inDataDir(INIT)
    expect(second).toMatchObject({ status: 2, stdout: '' })
    expect(second.stderr).toContain('error: An organisation already exists')
  }, 60_000)

  it('create-user prints a one-time password; a bad role exits 2', () => {
    const created = inDataDir([
      'create-user',
      '--email',
      'val@example.org',
      '--name',
      'Val',
      '--role',
      'volunteer',
    ])
    expect(created.status).toBe(0)
    expect(created.stdout).toMatch(/^One-time password: \S{23}$/m)
    const bad = inDataDir(['create-user', '--email', 'w@example.org', '--name', 'W', '--role', 'wizard'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^error: --role:/)
  }, 60_000)

  it('token create prints the token and nothing else on stdout', () => {
    const created = inDataDir([
      'token',
      'create',
      '--user',
      'coordinator.lead@example.org',
      '--name',
      'nightly export',
      '--days',
      '30',
    ])
    expect(created.status).toBe(0)
    expect(created.stdout).toMatch(/^kbt_[A-Za-z0-9_-]{43}\n$/)
    expect(created.stderr).toContain('shown only once')
    expect(
      inDataDir(['token', 'create', '--user', 'coordinator.lead@example.org', '--name', 'x', '--days', '0'])
        .status,
    ).toBe(2)
    expect(inDataDir(['token', 'create', '--user', 'nobody@example.org', '--name', 'x']).status).toBe(2)
  }, 60_000)
})

describe('kinbridge backup and audit verify (subprocess)', () => {
  it('backs up to a new file and refuses to overwrite it', () => {
    const file = path.join(dataDir, 'backup-1.db')
    const first = inDataDir(['backup', file])
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/^backup written: .*backup-1\.db \(\d+ bytes, integrity_check ok\)\n$/)
    const second = inDataDir(['backup', file])
    expect(second).toMatchObject({ status: 2, stdout: '' })
    expect(second.stderr).toContain('already exists')
  }, 60_000)

  it('audit verify: ok on the clean log, exit 1 naming the row after it is tampered with', () => {
    const clean = inDataDir(['audit', 'verify'])
    expect(clean.status).toBe(0)
    expect(clean.stdout).toMatch(/^audit log ok: \d+ rows\n$/)
    const db = new Database(path.join(dataDir, 'kinbridge.db'))
    db.exec('drop trigger audit_log_no_update')
    const row = db
      .prepare("select seq, id from audit_log where action = 'user.create' order by seq limit 1")
      .get() as { seq: number; id: string }
    db.prepare("update audit_log set actor_role = 'parent' where seq = ?").run(row.seq)
    db.close()
    const broken = inDataDir(['audit', 'verify'])
    expect(broken.status).toBe(1)
    expect(broken.stdout).toBe(
      `audit log BROKEN at seq ${row.seq} (id ${row.id}): hash_mismatch: the row was changed after it was written\n`,
    )
  }, 60_000)
})

describe('kinbridge seed (subprocess)', () => {
  it('seed --demo --json prints only JSON on stdout; a second seed and a seed without --demo exit 2', () => {
    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-demo-'))
    try {
      const seeded = kinbridge(['seed', '--demo', '--json'], { DATA_DIR: demoDir })
      expect(seeded.status).toBe(0)
      const parsed = JSON.parse(seeded.stdout) as {
        users: { role: string; email: string; password: string }[]
        organisationId: string
        centreId: string
      }
      expect(Object.keys(parsed)).toEqual(['users', 'organisationId', 'centreId'])
      expect(parsed.users.map((u) => `${u.role} ${u.email}`)).toEqual([
        'admin admin@demo.kinbridge.local',
        'coordinator coordinator@demo.kinbridge.local',
        'volunteer volunteer@demo.kinbridge.local',
        'referrer referrer@demo.kinbridge.local',
        'parent parent@demo.kinbridge.local',
      ])
      expect(seeded.stderr).toContain('WARNING: this is DEMO data')
      const again = kinbridge(['seed', '--demo'], { DATA_DIR: demoDir })
      expect(again.status).toBe(2)
      expect(again.stderr).toContain('error: The database already has an organisation')
      expect(kinbridge(['seed'], { DATA_DIR: demoDir }).status).toBe(2)
      expect(kinbridge(['seed', '--demo'], { DATA_DIR: demoDir, NODE_ENV: 'production' }).status).toBe(2)
    } finally {
      fs.rmSync(demoDir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe.runIf(process.env.TEST_DATABASE_URL)('kinbridge backup on PostgreSQL (subprocess)', () => {
  it('exits 2 and explains pg_dump', () => {
    const refused = kinbridge(['backup', path.join(dataDir, 'pg.dump')], {
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
    })
    expect(refused).toMatchObject({ status: 2, stdout: '' })
    expect(refused.stderr).toContain('pg_dump --format=custom --file=<file> "$DATABASE_URL"')
    expect(fs.existsSync(path.join(dataDir, 'pg.dump'))).toBe(false)
  }, 60_000)
})
