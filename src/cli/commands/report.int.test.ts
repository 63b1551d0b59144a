import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../../tests/support/factories'
import { buildStatisticsWorld, type StatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { Runtime } from '../runtime'
import { parseOptions, type CommandResult } from './command'
import {
  CaseloadOptionsSchema,
  QuarterlyReturnOptionsSchema,
  runCaseloadReport,
  runQuarterlyReturn,
} from './report'

// kinbridge report caseload and report quarterly-return: run in-process against the test database
// (their output compared with the API's), and as the real binary for the refusals of bad options.

let t: TestContext
let runtime: Runtime
let world: StatisticsWorld
let admin: TestBrowser
let outDir: string

/** The reference centre's families (centre-facts.md): by source, children and visiting parents. */
const REFERENCE = [
  { source: 'court_adviser', families: 22, withTwoChildren: 3 },
  { source: 'social_services', families: 4, withTwoChildren: 1 },
  { source: 'self', families: 7, withTwoChildren: 2 },
]

beforeAll(async () => {
  t = await createTestContext()
  runtime = { deps: t.deps, connected: t.connected, close: async () => {} }
  world = await buildStatisticsWorld(t.deps, { name: 'St Helier Family Hub' })
  await world.settings({
    referralSources: [
      { code: 'court_adviser', label: 'Family court adviser (JFCAS)' },
      { code: 'social_services', label: 'Social services' },
      { code: 'self', label: '=Self-referral' },
    ],
  })
  for (const { source, families, withTwoChildren } of REFERENCE)
    for (let i = 0; i < families; i += 1)
      await world.family({ openedOn: '2026-09-01', source, children: i < withTwoChildren ? 2 : 1 })
  const user = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
  admin = new TestBrowser(t.app)
  await admin.signIn(user, t.clock)
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-report-'))
})
afterAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true })
  await t.close()
})

/** What the command prints, as printResult writes it. */
const printed = (result: CommandResult): string => result.stdout.map((line) => `${line}\n`).join('')

const caseload = (options: Record<string, unknown>) =>
  runCaseloadReport(
    runtime,
    parseOptions(CaseloadOptionsSchema, { organisation: world.organisationId, ...options }),
  )
const quarterly = (options: Record<string, unknown>) =>
  runQuarterlyReturn(
    runtime,
    parseOptions(QuarterlyReturnOptionsSchema, { organisation: world.organisationId, ...options }),
  )

describe('kinbridge report caseload', () => {
  it('prints exactly the API’s JSON: the reference centre’s 39 children and 33 parents', async () => {
    const result = await caseload({ on: '2026-11-26' })
    expect(result.exitCode).toBe(0)
    const api = await admin.get('/api/reports/caseload?on=2026-11-26')
    expect(printed(result)).toBe(`${api.body}\n`)
    expect(JSON.parse(result.stdout[0] ?? '')).toEqual({
      on: '2026-11-26',
      bySource: [
        { source: 'court_adviser', label: 'Family court adviser (JFCAS)', children: 25, parents: 22 },
        { source: 'social_services', label: 'Social services', children: 5, parents: 4 },
        { source: 'self', label: '=Self-referral', children: 9, parents: 7 },
      ],
      total: { children: 39, parents: 33 },
    })
  })

  it('prints the CSV table byte for byte as the API sends it, escaped, with the total last', async () => {
    const result = await caseload({ on: '2026-11-26', format: 'csv' })
    const api = await admin.get('/api/reports/caseload.csv?on=2026-11-26')
    expect(printed(result)).toBe(api.body)
    expect(printed(result)).toBe(
      [
        'source,label,children,parents',
        'court_adviser,Family court adviser (JFCAS),25,22',
        'social_services,Social services,5,4',
        "self,'=Self-referral,9,7",
        ',Total,39,33',
        '',
      ].join('\r\n'),
    )
  })

  it('counts one centre, refuses another organisation’s, and writes the read in the audit trail', async () => {
    const other = await world.centre('Gorey Contact Centre')
    await world.family({ openedOn: '2026-09-01', source: 'self', children: 3, centreId: other.centreId })
    const gorey = await caseload({ on: '2026-11-26', centre: other.centreId })
    expect(JSON.parse(gorey.stdout[0] ?? '')).toMatchObject({ total: { children: 3, parents: 1 } })
    const foreign = await buildStatisticsWorld(t.deps)
    await expect(caseload({ on: '2026-11-26', centre: foreign.centreId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'ip', 'outcome', 'details'])
      .where('organisation_id', '=', world.organisationId)
      .where('action', '=', 'statistics.caseload.read')
      .where('ip', '=', 'cli')
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(3)
    expect(audit.every((row) => row.actor_role === 'admin' && row.outcome === 'success')).toBe(true)
    expect(audit.map((row) => JSON.parse(row.details) as unknown)).toContainEqual({
      on: '2026-11-26',
      centreIds: [other.centreId],
    })
  })

  it('needs --organisation when there are several', async () => {
    await buildStatisticsWorld(t.deps)
    const unnamed = runCaseloadReport(runtime, parseOptions(CaseloadOptionsSchema, { on: '2026-11-26' }))
    await expect(unnamed).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(unnamed).rejects.toThrow('name one with --organisation <id>')
  })

  it('refuses a bad date, format, centre or organisation before it counts anything', () => {
    const options = (raw: Record<string, unknown>) => () => parseOptions(CaseloadOptionsSchema, raw)
    expect(options({ on: '2026-02-30' })).toThrow(/^--on: Enter a date as YYYY-MM-DD$/)
    expect(options({ on: '26/11/2026' })).toThrow(/--on/)
    expect(options({ on: '2026-11-26', format: 'pdf' })).toThrow(/^--format: must be json or csv$/)
    expect(options({ on: '2026-11-26', centre: 'gorey' })).toThrow(/^--centre: must be a centre id$/)
    expect(options({ on: '2026-11-26', organisation: 'x' })).toThrow(/--organisation/)
  })
})

describe('kinbridge report quarterly-return', () => {
  it('prints the API’s JSON, and the CSV the API sends', async () => {
    const json = await quarterly({ quarter: '2026-Q3' })
    const api = await admin.get('/api/reports/quarterly-return?quarter=2026-Q3')
    expect(printed(json)).toBe(`${api.body}\n`)
    expect(JSON.parse(json.stdout[0] ?? '{}')).toMatchObject({
      quarter: '2026-Q3',
      period: { from: '2026-10-01', to: '2026-12-31' },
    })
    const csv = await quarterly({ quarter: '2026-Q3', format: 'csv' })
    const apiCsv = await admin.get('/api/reports/quarterly-return.csv?quarter=2026-Q3')
    // The same figures; only the time each was made may differ.
    const withoutTime = (text: string) => text.replace(/^Report,Made,.*$/m, '')
    expect(withoutTime(printed(csv))).toBe(withoutTime(apiCsv.body))
    expect(printed(csv)).toMatch(/^section,measure,value\r\nReport,Title,NACCC quarterly return\r\n/)
  })

  it('writes a PDF or a CSV to a new file with --out, and never overwrites one', async () => {
    const pdfFile = path.join(outDir, 'return.pdf')
    const written = await quarterly({ quarter: '2026-Q3', format: 'pdf', out: pdfFile })
    expect(written.stdout).toEqual([`Written ${pdfFile} (${fs.statSync(pdfFile).size} bytes)`])
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await expect(quarterly({ quarter: '2026-Q3', format: 'pdf', out: pdfFile })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const csvFile = path.join(outDir, 'return.csv')
    await quarterly({ quarter: '2026-Q3', format: 'csv', out: csvFile })
    expect(fs.readFileSync(csvFile, 'utf8')).toMatch(/^section,measure,value\r\n/)
    await expect(
      quarterly({ quarter: '2026-Q3', format: 'csv', out: path.join(outDir, 'missing', 'x.csv') }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('refuses a bad quarter, and a PDF with nowhere to go', () => {
    const options = (raw: Record<string, unknown>) => () => parseOptions(QuarterlyReturnOptionsSchema, raw)
    expect(options({ quarter: '2026-Q5' })).toThrow(/^--quarter: Enter a quarter as YYYY-Qn/)
    expect(options({ quarter: 'Q3 2026' })).toThrow(/--quarter/)
    expect(options({ quarter: '2026-Q3', format: 'pdf' })).toThrow(/^--out: a PDF goes to a file/)
    expect(options({ quarter: '2026-Q3', format: 'xlsx' })).toThrow(/^--format: must be json, csv or pdf$/)
  })
})

describe('kinbridge report (subprocess)', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..')
  const run = (args: string[], dataDir: string) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    return spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kinbridge.mjs'), ...args], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: 'development', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    })
  }

  it('exits 2 with "error: <message>" for a bad date, quarter or format, touching no database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-report-cli-'))
    try {
      const badDate = run(['report', 'caseload', '--on', '2026-02-30'], dataDir)
      expect(badDate).toMatchObject({
        status: 2,
        stdout: '',
        stderr: 'error: --on: Enter a date as YYYY-MM-DD\n',
      })
      const badFormat = run(['report', 'caseload', '--on', '2026-11-26', '--format', 'xml'], dataDir)
      expect(badFormat).toMatchObject({ status: 2, stdout: '' })
      expect(badFormat.stderr).toBe('error: --format: must be json or csv\n')
      const badQuarter = run(['report', 'quarterly-return', '--quarter', '2026-Q5'], dataDir)
      expect(badQuarter.status).toBe(2)
      expect(badQuarter.stderr).toMatch(/^error: --quarter: /)
      expect(run(['report', 'caseload'], dataDir).status).toBe(2)
      expect(fs.existsSync(path.join(dataDir, 'kinbridge.db'))).toBe(false)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
