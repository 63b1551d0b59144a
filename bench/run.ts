/**
 * Benchmarks for the foundation: password hashing cost (PERF-4) and API latency under load
 * (PERF-1 shape, on a small data set), on SQLite and, when BENCH_DATABASE_URL is set, PostgreSQL.
 * Method and results: docs/performance.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { connect, type DatabaseTarget } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import { cliOrigin } from '../src/domain/access/actor'
import { hashPassword } from '../src/domain/auth/passwords'
import { systemClock } from '../src/domain/shared/clock'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'
import { createUserWithPassword, setUpOrganisation } from '../src/domain/organisation/set-up-organisation'
import { startSignedIn } from './server'
import { benchLists } from './lists'
import { benchSchedule } from './schedule'
import { benchRotaApi, benchRotaPure } from './rota'
import { benchToday } from './today'
import { benchStatistics } from './statistics'

const PASSWORD = 'load test passphrase 2026'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function benchHashing(): Promise<void> {
  const times: number[] = []
  for (let i = 0; i < 40; i++) {
    const start = performance.now()
    await hashPassword(`${PASSWORD}-${i}`)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    `argon2id hash (m=19456,t=2,p=1), 40 runs: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  )
}

async function benchApi(label: string, target: DatabaseTarget): Promise<void> {
  const connected = await connect(target)
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(connected.db)
    await sql`create schema public`.execute(connected.db)
  }
  await migrateToLatest(connected.db)
  const deps = {
    db: connected.db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
  const org = await setUpOrganisation(deps, cliOrigin(), {
    organisationName: 'Bench',
    centreName: 'Bench Centre',
    timeZone: 'Europe/London',
    requireStaffTwoFactor: false,
  })
  await createUserWithPassword(deps, cliOrigin(), {
    organisationId: org.organisationId,
    email: 'bench@example.org',
    displayName: 'Bench',
    password: PASSWORD,
    roles: [{ role: 'admin', centreId: null }],
  })
  const { address, cookie, close } = await startSignedIn(deps, {
    email: 'bench@example.org',
    password: PASSWORD,
  })
  const session = (await (await fetch(`${address}/api/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string
  }
  for (const [name, request] of [
    [
      'GET /api/centres/:id (read + audit row)',
      { method: 'GET' as const, path: `/api/centres/${org.centreId}` },
    ],
    [
      'PATCH /api/organisation (write + audit row)',
      {
        method: 'PATCH' as const,
        path: '/api/organisation',
        body: JSON.stringify({ name: 'Bench organisation' }),
      },
    ],
  ] as const) {
    const result = await autocannon({
      url: address,
      connections: 20,
      duration: 10,
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      requests: [request],
    })
    console.log(
      `${label} ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    )
  }
  await close()
  await connected.close()
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-bench-'))
console.log(
  `Kinbridge benchmarks on ${os.cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}`,
)
// BENCH_ONLY=schedule (or hashing, api, lists, rota, today, statistics) runs one group.
const only = process.env.BENCH_ONLY
const wanted = (name: string) => !only || only === name
if (wanted('hashing')) await benchHashing()
const sqlite = (file: string) => ({ kind: 'sqlite' as const, file: path.join(dir, file) })
if (wanted('api')) await benchApi('SQLite', sqlite('bench.db'))
if (wanted('lists')) await benchLists('SQLite', sqlite('lists.db'))
if (wanted('schedule')) await benchSchedule('SQLite', sqlite('schedule.db'))
if (wanted('rota')) {
  benchRotaPure()
  await benchRotaApi('SQLite', sqlite('rota.db'))
}
if (wanted('today')) await benchToday('SQLite', sqlite('today.db'))
if (wanted('statistics')) await benchStatistics('SQLite', sqlite('statistics.db'))
const pgUrl = process.env.BENCH_DATABASE_URL
if (pgUrl) {
  if (wanted('api')) await benchApi('PostgreSQL', { kind: 'postgres', url: pgUrl })
  if (wanted('lists')) await benchLists('PostgreSQL', { kind: 'postgres', url: pgUrl })
  if (wanted('schedule')) await benchSchedule('PostgreSQL', { kind: 'postgres', url: pgUrl })
  if (wanted('rota')) await benchRotaApi('PostgreSQL', { kind: 'postgres', url: pgUrl })
  if (wanted('today')) await benchToday('PostgreSQL', { kind: 'postgres', url: pgUrl })
  if (wanted('statistics')) await benchStatistics('PostgreSQL', { kind: 'postgres', url: pgUrl })
}
fs.rmSync(dir, { recursive: true, force: true })
