import { randomBytes } from 'node:crypto'
import { CompiledQuery, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertNationalData, type NationalData, type NationalShape } from '../../../bench/national-data'
import {
  captureStatements,
  explainStatement,
  LARGE_TABLES,
  type ExplainedStatement,
} from '../../../bench/statistics'
import { openTestDatabase } from '../../../tests/support/test-db'
import type { Connected } from '../../db/connect'
import type { Actor } from '../access/actor'
import type { Deps } from '../context'
import { createFieldCrypto } from '../shared/field-crypto'
import { caseloadReport, countCaseload } from './caseload'
import { dashboardReport } from './dashboard'
import { countMeasures } from './measures'
import { quarterlyReturn } from './quarterly-return'
import { serviceReport } from './service-report'
import { periodBounds, statisticsScope } from './statistics-scope'

/**
 * Every statement of every statistics report reads the large tables through an index, never whole
 * (PERF-2), on the national history of bench/national-data.ts made small: 33 centres (30
 * single-centre organisations and a network of three) over ten years and a half. The benchmark
 * (`BENCH_ONLY=statistics`) checks the same plans on 270 centres with PostgreSQL's planner as it
 * is. On tables this small PostgreSQL rightly prefers to read a table whole, or to join two whole
 * tables, however selective the query; so here sequential scans, hash joins and merge joins are
 * priced out. A Seq Scan, or an index read that leaves the index's first column open, is then left
 * only where no index can serve the statement.
 */
const SHAPE: NationalShape = {
  organisations: 30,
  networkCentres: 3,
  years: 10.5,
  referralsPerYear: 6,
  volunteerPlaces: 4,
  registerDays: 60,
}
const UNTIL = '2026-11-26'
const TEN_YEARS_AGO = '2016-11-27'

let connected: Connected & { file: string | null }
let data: NationalData
let deps: Deps

beforeAll(async () => {
  connected = await openTestDatabase()
  data = await insertNationalData(connected, SHAPE, UNTIL)
  if (connected.kind === 'postgres')
    await sql`analyze ${sql.raw(LARGE_TABLES.join(', '))}`.execute(connected.db)
  deps = {
    db: connected.db,
    clock: { now: () => new Date(`${UNTIL}T12:00:00Z`) },
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
}, 120_000)
afterAll(async () => connected.close())

async function explainAll(statements: readonly CompiledQuery[]): Promise<ExplainedStatement[]> {
  if (connected.kind === 'sqlite') {
    const explained: ExplainedStatement[] = []
    for (const s of statements) explained.push(await explainStatement(connected.db, 'sqlite', s))
    return explained
  }
  return connected.db.transaction().execute(async (trx) => {
    for (const method of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin'])
      await sql`select set_config(${method}, 'off', true)`.execute(trx)
    const explained: ExplainedStatement[] = []
    for (const s of statements) explained.push(await explainStatement(trx, 'postgres', s))
    return explained
  })
}

/** Runs a report with every statement recorded; its answer, and each plan step that reads a large table whole. */
async function planned<T>(run: (d: Deps) => Promise<T>) {
  let answer: T | undefined
  const statements = await captureStatements(connected.db, async (db) => {
    answer = await run({ ...deps, db })
  })
  const explained = await explainAll(statements)
  const large = explained.filter((e) => e.tables.some((t) => (LARGE_TABLES as readonly string[]).includes(t)))
  return {
    answer: answer as T,
    /** How many statements read a large table: a report that read none would prove nothing. */
    largeReads: large.length,
    wholeTableReads: explained.flatMap((e) => e.wholeTableReads.map((step) => `${step} in: ${e.sql}`)),
  }
}

const desk = (org: NationalData['single']): Actor => ({
  kind: 'user',
  userId: org.adminUserId,
  organisationId: org.organisationId,
  grants: [{ role: 'admin', centreId: null }],
  sessionId: null,
  origin: { requestId: null, ip: '127.0.0.1', audited: false },
})

/** One centre of a single-centre organisation, and the whole network of three. */
const scopes = () => [
  { label: 'one centre', actor: desk(data.single), centreId: data.single.centreIds[0] },
  { label: 'the network', actor: desk(data.network), centreId: undefined },
]

describe('query plans of the statistics reports on a national history (PERF-2)', () => {
  it('the caseload, today and ten years ago', async () => {
    for (const { label, actor, centreId } of scopes())
      for (const on of [UNTIL, TEN_YEARS_AGO]) {
        const plan = await planned((d) => caseloadReport(d, actor, { on, centreId }))
        expect(plan.answer.total.children, `${label} on ${on}`).toBeGreaterThan(0)
        expect(plan.largeReads).toBeGreaterThan(0)
        expect(plan.wholeTableReads, `${label} on ${on}`).toEqual([])
      }
  })

  it('countCaseload on its own, for every centre of the network', async () => {
    const scope = await statisticsScope(connected.db, desk(data.network))
    const plan = await planned((d) => countCaseload(d.db, scope, UNTIL))
    expect(plan.answer.bySource.length).toBeGreaterThan(0)
    expect(plan.wholeTableReads).toEqual([])
  })

  it('the shared measures over a quarter and over ten years', async () => {
    for (const { label, actor, centreId } of scopes()) {
      const scope = await statisticsScope(connected.db, actor, centreId)
      for (const [from, to] of [
        ['2026-07-01', '2026-09-30'],
        [TEN_YEARS_AGO, UNTIL],
      ] as const) {
        const bounds = periodBounds(from, to, scope.timeZone)
        const plan = await planned((d) => countMeasures(d.db, scope, bounds))
        expect(plan.answer.sessions.booked, `${label} ${from} to ${to}`).toBeGreaterThan(0)
        expect(plan.largeReads).toBeGreaterThan(0)
        expect(plan.wholeTableReads, `${label} ${from} to ${to}`).toEqual([])
      }
    }
  })

  it('the quarterly return', async () => {
    for (const { label, actor, centreId } of scopes()) {
      const plan = await planned((d) => quarterlyReturn(d, actor, { quarter: '2026-Q2', centreId }))
      expect(plan.answer.measures.referrals.received, label).toBeGreaterThan(0)
      expect(plan.wholeTableReads, label).toEqual([])
    }
  })

  it('the service report for a year and for ten years, for both audiences', async () => {
    for (const { label, actor, centreId } of scopes())
      for (const [from, to, audience] of [
        ['2025-04-01', '2026-03-31', 'commissioner'],
        [TEN_YEARS_AGO, UNTIL, 'trustees'],
      ] as const) {
        const plan = await planned((d) => serviceReport(d, actor, { from, to, audience, centreId }))
        expect(plan.answer.outcomes.closed, `${label} ${from} to ${to}`).toBeGreaterThan(0)
        expect(plan.largeReads).toBeGreaterThan(0)
        expect(plan.wholeTableReads, `${label} ${from} to ${to}`).toEqual([])
      }
  })

  it('the dashboard for a year and for ten years', async () => {
    for (const { label, actor, centreId } of scopes())
      for (const from of ['2025-11-27', TEN_YEARS_AGO]) {
        const plan = await planned((d) => dashboardReport(d, actor, { from, to: UNTIL, centreId }))
        expect(
          plan.answer.sessionsByMonth.reduce((n, m) => n + m.delivered, 0),
          `${label} from ${from}`,
        ).toBeGreaterThan(0)
        expect(plan.largeReads).toBeGreaterThan(0)
        expect(plan.wholeTableReads, `${label} from ${from}`).toEqual([])
      }
  })

  it('names a statement that reads a large table whole, by its table or its alias', async () => {
    const sessions = CompiledQuery.raw(`select count(*) as n from "sessions" where "status" = ?`, [
      'completed',
    ])
    const transitions = CompiledQuery.raw(
      `select count(*) as n from "workflow_transitions" as "t" where "t"."to_status" = ?`,
      ['accepted'],
    )
    for (const statement of [sessions, transitions]) {
      const text =
        connected.kind === 'postgres'
          ? CompiledQuery.raw(statement.sql.replace('?', '$1'), [...statement.parameters])
          : statement
      const [explained] = await explainAll([text])
      expect(explained?.wholeTableReads.length, statement.sql).toBeGreaterThan(0)
    }
  })
})
