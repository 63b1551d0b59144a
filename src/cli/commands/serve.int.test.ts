import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const CLI = path.join(ROOT, 'bin', 'kinbridge.mjs')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-serve-'))
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

const env = (port: number): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  return {
    ...inherited,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  }
}

describe('kinbridge serve', () => {
  it('refuses to start on a database with pending migrations', () => {
    const run = spawnSync(process.execPath, [CLI, 'serve'], {
      cwd: ROOT,
      env: env(0),
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /pending migration\(s\) \(20261125T0900Z-foundation, 20261126T0900Z-referrals-and-cases, 20261126T1300Z-scheduling, 20261126T1500Z-volunteers, 20261126T1800Z-session-day, 20261127T0900Z-statistics\)\. Run "kinbridge migrate" first, or start with "npm start"/,
    )
  }, 60_000)

  it('migrates first when asked (as npm start does), serves, and keeps secrets out of its log (LOG-2)', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000)
    const child = spawn(process.execPath, [CLI, 'serve', '--migrate', '--demo-if-empty'], {
      cwd: ROOT,
      env: env(port),
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      const base = `http://127.0.0.1:${port}`
      for (let i = 0; i < 100 && !output.includes('Kinbridge is running'); i++)
        await new Promise((r) => setTimeout(r, 200))
      expect((await fetch(`${base}/readyz`)).status).toBe(200)
      const password = /admin@demo\.kinbridge\.local\s+(\S+)/.exec(output)?.[1] ?? ''
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.kinbridge.local', password }),
      })
      expect(login.status).toBe(200)
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as {
        csrfToken: string
      }
      const created = await fetch(`${base}/api/account/tokens`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'log check', days: 1 }),
      })
      const { token } = (await created.json()) as { token: string }
      expect(
        (await fetch(`${base}/api/account`, { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(200)
      const search = await fetch(`${base}/api/referrals?q=Zebedee%20Searchname`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(search.status).toBe(200)
      await new Promise((r) => setTimeout(r, 300))
      const log = output.slice(output.indexOf('Kinbridge is running'))
      expect(log).toContain('"url":"/api/account"')
      expect(log).toContain('"url":"/api/referrals"')
      expect(log.includes('Searchname'), 'a search reached the log').toBe(false)
      for (const secret of [password, cookie.split('=')[1] ?? 'missing', session.csrfToken, token]) {
        expect(log.includes(secret), 'a secret reached the log').toBe(false)
      }
    } finally {
      child.kill('SIGTERM')
    }
  }, 90_000)
})
