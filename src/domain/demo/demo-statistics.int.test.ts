import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql, type RawBuilder } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { postgresUrl, testDbKind } from '../../../tests/support/test-db'
import { connect } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { addMonths, localDateIn } from '../cases/cases.rules'
import { periodBounds, quarterDates, quarterOf } from '../statistics/statistics-scope'
import type { Caseload, QuarterlyReturn } from '../statistics/statistics.schemas'
import { DEMO_PASSWORD, demoEmail } from './demo-organisation'
import { pastSunday } from './demo-intake'
import { seedDemoOrganisation, type DemoSeed } from './seed-demo'

// The statistics of the demo centre, shaped like the reference centre: the caseload table it quotes
// everywhere, through the API (as the demo coordinator) and the command line (the real binary on a
// freshly seeded demo, as npm start seeds it); and the quarterly returns counted from its history.

const TZ = 'Europe/Jersey'
let t: TestContext
let seed: DemoSeed
let coordinator: TestBrowser

/**
 * On PostgreSQL every test file shares one database, where the demo's accounts (one email each) can
 * be seeded only once per run: this file seeds its own demo in a database of its own, dropped after.
 */
async function ownPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = { kind: 'postgres', url: postgresUrl() } as const
  const name = `kinbridge_demo_${String(process.pid)}_${String(Date.now())}`
  const onServer = async (statement: RawBuilder<unknown>) => {
    const admin = await connect(server)
    await statement.execute(admin.db).finally(() => admin.close())
  }
  await onServer(sql`create database ${sql.id(name)}`)
  const url = new URL(server.url)
  url.pathname = `/${name}`
  const own = await connect({ kind: 'postgres', url: url.toString() })
  await migrateToLatest(own.db).finally(() => own.close())
  // Dropped once the file's own connections have closed (a closing pool may take a moment).
  const drop = async (tries = 20): Promise<void> => {
    try {
      await onServer(sql`drop database if exists ${sql.id(name)}`)
    } catch (error) {
      const inUse = (error as { code?: string }).code === '55006'
      if (!inUse || tries <= 1) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
      await drop(tries - 1)
    }
  }
  return { url: url.toString(), drop: () => drop() }
}

let dropDatabase = async () => {}
beforeAll(async () => {
  if (testDbKind() === 'postgres') {
    const own = await ownPostgresDatabase()
    dropDatabase = own.drop
    vi.stubEnv('TEST_DATABASE_URL', own.url)
  }
  t = await createTestContext()
  vi.unstubAllEnvs()
  const seeded = await seedDemoOrganisation(t.deps, { onlyIfEmpty: true })
  if (!seeded) throw new Error('the demo was not seeded')
  seed = seeded
  coordinator = new TestBrowser(t.app)
  await coordinator.signIn({ email: demoEmail('coordinator'), password: DEMO_PASSWORD }, t.clock)
}, 240_000)
afterAll(async () => {
  await t.close()
  await dropDatabase()
})

const today = () => localDateIn(TZ, t.clock.now())

/** The reference centre's table (centre-facts.md), with the demo centre's labels for its sources. */
const reference = (on: string): Caseload => ({
  on,
  bySource: [
    { source: 'court_adviser', label: 'Court adviser (Cafcass / JFCAS)', children: 25, parents: 22 },
    { source: 'social_services', label: 'Social services', children: 5, parents: 4 },
    { source: 'self', label: 'Self-referral', children: 9, parents: 7 },
  ],
  total: { children: 39, parents: 33 },
})

const REFERENCE_CSV = [
  'source,label,children,parents',
  'court_adviser,Court adviser (Cafcass / JFCAS),25,22',
  'social_services,Social services,5,4',
  'self,Self-referral,9,7',
  ',Total,39,33',
  '',
].join('\r\n')

describe('the demo centre’s caseload', () => {
  it('is the reference centre’s table today, through the API, for the demo coordinator', async () => {
    const response = await coordinator.get(`/api/reports/caseload?on=${today()}`)
    expect(response.statusCode).toBe(200)
    expect(response.json<Caseload>()).toEqual(reference(today()))
    const centre = await coordinator.get(`/api/reports/caseload?on=${today()}&centreId=${seed.centreId}`)
    expect(centre.json<Caseload>()).toEqual(reference(today()))
    const csv = await coordinator.get(`/api/reports/caseload.csv?on=${today()}`)
    expect(csv.body).toBe(REFERENCE_CSV)
  })

  it('was another table ten months ago, with the families referred by a solicitor and a mediator then', async () => {
    const then = pastSunday(today(), 45)
    const response = await coordinator.get(`/api/reports/caseload?on=${then}`)
    const earlier = response.json<Caseload>()
    expect(earlier.bySource.map((s) => s.source)).toEqual(
      expect.arrayContaining(['court_adviser', 'social_services', 'self', 'solicitor', 'mediator']),
    )
    expect(earlier.total.children).toBeGreaterThan(10)
    expect(earlier.total).not.toEqual(reference(today()).total)
  })
})

describe('the demo centre’s quarterly returns', () => {
  const previousQuarters = () => [3, 6, 9, 12].map((months) => quarterOf(addMonths(today(), -months)))
  const returnOf = async (quarter: string) => {
    const response = await coordinator.get(`/api/reports/quarterly-return?quarter=${quarter}`)
    expect(response.statusCode).toBe(200)
    return response.json<QuarterlyReturn>()
  }

  it('counts about sixty referrals over the last four quarters, with families turned away and waitlisted', async () => {
    const returns = await Promise.all(previousQuarters().map(returnOf))
    const total = (figure: (r: QuarterlyReturn) => number) => returns.reduce((sum, r) => sum + figure(r), 0)
    expect(total((r) => r.measures.referrals.received)).toBeGreaterThanOrEqual(50)
    expect(total((r) => r.measures.referrals.received)).toBeLessThanOrEqual(75)
    expect(total((r) => r.measures.referrals.declined)).toBeGreaterThanOrEqual(3)
    expect(total((r) => r.measures.referrals.waitlisted)).toBeGreaterThanOrEqual(4)
    for (const r of returns) {
      const { referrals, families, sessions, people } = r.measures
      expect(
        referrals.bySource.reduce((sum, s) => sum + s.count, 0),
        r.quarter,
      ).toBe(referrals.received)
      expect(families.served, r.quarter).toBeGreaterThanOrEqual(8)
      expect(sessions.attended, r.quarter).toBeLessThanOrEqual(sessions.booked)
      expect(sessions.booked, r.quarter).toBeLessThanOrEqual(sessions.available)
      expect(people.volunteers, r.quarter).toBeGreaterThanOrEqual(10)
      expect(people.staff, r.quarter).toBeGreaterThanOrEqual(1)
    }
  })

  it('counts last quarter’s referrals as the referrals table holds them, by source', async () => {
    const quarter = quarterOf(addMonths(today(), -3))
    const { from, to } = quarterDates(quarter)
    const bounds = periodBounds(from, to, TZ)
    const rows = await t.deps.db
      .selectFrom('referrals')
      .select('source_code')
      .where('organisation_id', '=', seed.organisationId)
      .where('received_at', '>=', bounds.fromInstant)
      .where('received_at', '<', bounds.toInstant)
      .where('merged_into_id', 'is', null)
      .execute()
    const r = (await returnOf(quarter)).measures.referrals
    expect(r.received).toBe(rows.length)
    for (const source of r.bySource)
      expect(source.count, source.source).toBe(rows.filter((row) => row.source_code === source.source).length)
    const csv = await coordinator.get(`/api/reports/quarterly-return.csv?quarter=${quarter}`)
    expect(csv.body).toContain(`Referrals,Referrals received,${r.received}\r\n`)
  })
})

describe('kinbridge report caseload on a freshly seeded demo (subprocess)', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..')
  let dataDir: string
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-demo-'))
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const kinbridge = (args: string[]) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kinbridge.mjs'), ...args], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: 'development', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    })
  }

  it('prints the reference centre’s table for today, as JSON and as CSV', () => {
    expect(kinbridge(['migrate']).status).toBe(0)
    expect(kinbridge(['seed', '--demo', '--json']).status).toBe(0)
    const on = localDateIn(TZ, new Date())
    const json = kinbridge(['report', 'caseload', '--on', on, '--format', 'json'])
    expect(json).toMatchObject({ status: 0, stderr: '' })
    expect(JSON.parse(json.stdout) as unknown).toEqual(reference(on))
    const csv = kinbridge(['report', 'caseload', '--on', on, '--format', 'csv'])
    expect(csv).toMatchObject({ status: 0, stdout: REFERENCE_CSV })
  }, 240_000)
})
