import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * Starts one Kinbridge server for the whole e2e run: a free port, a fresh SQLite data directory,
 * migrations, the demo centre, then `serve`. Tests read what they need from the environment:
 *   E2E_BASE_URL        http://127.0.0.1:<port>
 *   E2E_USERS_JSON      the seed's JSON ({ "users": [{ role, email, password, ... }] })
 *   E2E_ADMIN_EMAIL     and E2E_ADMIN_PASSWORD, the first demo admin
 *   E2E_DATA_DIR        the server's data directory (its database and server.log)
 * Set E2E_KEEP_DATA=1 to keep the data directory after the run.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = path.join(ROOT, 'bin', 'kinbridge.mjs')
const READY_TIMEOUT_MS = 60_000

// Extra fields (organisationId, centreId, ...) are kept and passed on to the specs.
const DemoLoginsSchema = z.looseObject({
  users: z.array(z.looseObject({ role: z.string(), email: z.string(), password: z.string() })).min(1),
})
export type DemoLogins = z.infer<typeof DemoLoginsSchema>

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port was given'))))
    })
  })
}

/** Runs one CLI command to completion and returns its stdout; throws with its output on failure. */
function runCli(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (result.status !== 0) {
    const output = [result.stdout, result.stderr].filter(Boolean).join('\n').trim()
    throw new Error(
      `e2e setup: "kinbridge ${args.join(' ')}" failed (exit ${String(result.status)}):\n${output}`,
    )
  }
  return result.stdout
}

/** The seed prints only JSON with --json; anything printed before it (migration notes) is skipped. */
function parseDemoLogins(stdout: string): DemoLogins {
  const start = stdout.indexOf('{')
  const end = stdout.lastIndexOf('}')
  if (start < 0 || end < start) throw new Error(`e2e setup: the seed printed no JSON:\n${stdout}`)
  const parsed = DemoLoginsSchema.safeParse(JSON.parse(stdout.slice(start, end + 1)))
  if (!parsed.success)
    throw new Error(
      `e2e setup: the seed's JSON is not { users: [{ role, email, password }] }: ${parsed.error.message}`,
    )
  return parsed.data
}

const tail = (file: string, lines = 40): string =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)'

async function waitUntilReady(baseUrl: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `e2e setup: the server exited with code ${String(server.exitCode)} before it was ready:\n${tail(logFile)}`,
      )
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`)
      if (response.ok) return
      last = `${String(response.status)} ${await response.text()}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(
    `e2e setup: ${baseUrl}/readyz was not ready after ${String(READY_TIMEOUT_MS / 1000)}s (${last}):\n${tail(logFile)}`,
  )
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-e2e-'))
  const baseUrl = `http://127.0.0.1:${String(port)}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  }
  // The e2e server always runs on its own SQLite file, whatever the caller's shell says.
  delete env.DATABASE_URL
  delete env.PUBLIC_URL
  delete env.SMTP_URL

  runCli(['migrate'], env)
  const logins = parseDemoLogins(runCli(['seed', '--demo', '--json'], env))
  const admin = logins.users.find((user) => user.role === 'admin')
  if (!admin) throw new Error('e2e setup: the demo seed has no admin login')

  const logFile = path.join(dataDir, 'server.log')
  const log = fs.openSync(logFile, 'a')
  const server = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', log, log] })
  fs.closeSync(log)
  try {
    await waitUntilReady(baseUrl, server, logFile)
  } catch (error) {
    await stopServer(server)
    throw error
  }

  process.env.E2E_BASE_URL = baseUrl
  process.env.E2E_DATA_DIR = dataDir
  process.env.E2E_USERS_JSON = JSON.stringify(logins)
  process.env.E2E_ADMIN_EMAIL = admin.email
  process.env.E2E_ADMIN_PASSWORD = admin.password
  process.stdout.write(
    `e2e: Kinbridge at ${baseUrl}, data in ${dataDir}, ${String(logins.users.length)} demo logins\n`,
  )

  return async () => {
    await stopServer(server)
    if (process.env.E2E_KEEP_DATA) {
      process.stdout.write(`e2e: kept ${dataDir}\n`)
      return
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
