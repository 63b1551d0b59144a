/**
 * The statistics reports at national scale: the caseload, the NACCC quarterly return, the service
 * report and the dashboard over ten years of 270 centres (bench/national-data.ts), called as the
 * desk calls them, one at a time. Every statement each report runs is captured and read through
 * EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL); the run fails if any plan reads a whole large
 * table. Method and results: docs/performance.md.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely'
import { connect, type Connected, type DatabaseTarget, type Db } from '../src/db/connect'
import { migrateToLatest } from '../src/db/migrate'
import type { Actor } from '../src/domain/access/actor'
import { addDays, addMonths } from '../src/domain/cases/cases.rules'
import type { Deps } from '../src/domain/context'
import { systemClock } from '../src/domain/shared/clock'
import { createFieldCrypto } from '../src/domain/shared/field-crypto'
import { caseloadReport } from '../src/domain/statistics/caseload'
import { dashboardReport } from '../src/domain/statistics/dashboard'
import { quarterlyReturn } from '../src/domain/statistics/quarterly-return'
import { serviceReport } from '../src/domain/statistics/service-report'
import { quarterDates, quarterOf } from '../src/domain/statistics/statistics-scope'
import { insertNationalData, NATIONAL, type NationalData, type NationalOrganisation } from './national-data'

const WARM_UP = 3
const RUNS = 25
/** Runs of each statement alone, for its median time. */
const STATEMENT_RUNS = 5

/** Tables that grow with the country: no report may read one of them whole. */
export const LARGE_TABLES = [
  'referrals',
  'cases',
  'parties',
  'sessions',
  'workflow_transitions',
  'case_level_changes',
  'case_reviews',
  'incidents',
  'volunteer_hours',
  'volunteers',
  'attendance_events',
] as const

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`

// ---------- Capturing and explaining statements ----------

/**
 * Every statement run through the wrapped Db, compiled as the database receives it. Kysely hands
 * subqueries to plugins too, so a statement is kept only once its result comes back: a subquery is
 * explained as part of the statement that holds it.
 */
export class StatementRecorder implements KyselyPlugin {
  readonly statements: CompiledQuery[] = []
  private readonly compiled = new Map<string, CompiledQuery>()
  constructor(private readonly db: Db) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.compiled.set(queryId.queryId, this.db.getExecutor().compileQuery(node, queryId))
    return node
  }

  transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const ran = this.compiled.get(queryId.queryId)
    if (ran) this.statements.push(ran)
    return Promise.resolve(result)
  }

  /** The distinct statements that read (select or with), in the order they finished. */
  reads(): CompiledQuery[] {
    const seen = new Map<string, CompiledQuery>()
    for (const s of this.statements)
      if (/^\s*(select|with)\b/i.test(s.sql)) seen.set(`${s.sql}\n${JSON.stringify(s.parameters)}`, s)
    return [...seen.values()]
  }
}

/** Runs `work` with a Db that records every statement it runs. */
export async function captureStatements(
  db: Db,
  work: (recording: Db) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const recorder = new StatementRecorder(db)
  await work(db.withPlugin(recorder))
  return recorder.reads()
}

export interface ExplainedStatement {
  sql: string
  /** The tables the statement names. */
  tables: string[]
  /** The plan as the database prints it, one line per step. */
  plan: string[]
  /** The steps that read a whole large table. */
  wholeTableReads: string[]
  /** The indexes the plan uses. */
  indexes: string[]
}

/** Aliases (`"workflow_transitions" as "t"`) and plain table names, mapped to their tables. */
function tablesOf(statement: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const m of statement.matchAll(/(?:from|join)\s+"(\w+)"(?:\s+as\s+"(\w+)")?/gi)) {
    const table = m[1] ?? ''
    names.set(table, table)
    if (m[2]) names.set(m[2], table)
  }
  return names
}

const isLarge = (table: string | undefined): boolean =>
  table !== undefined && (LARGE_TABLES as readonly string[]).includes(table)

interface PgPlanNode {
  'Node Type': string
  'Relation Name'?: string
  Alias?: string
  'Index Name'?: string
  'Index Cond'?: string
  Plans?: PgPlanNode[]
}

function walkPg(node: PgPlanNode, visit: (n: PgPlanNode) => void): void {
  visit(node)
  for (const child of node.Plans ?? []) walkPg(child, visit)
}

/** Each index of the schema: its table and its first column. */
type IndexCatalogue = Map<string, { table: string; leading: string }>

const catalogues = new WeakMap<object, IndexCatalogue>()

async function indexCatalogue(db: Db): Promise<IndexCatalogue> {
  const key = db.getExecutor()
  let found = catalogues.get(key)
  if (!found) {
    const result = await db.executeQuery<{ index: string; table: string; leading: string }>(
      CompiledQuery.raw(
        `select i.relname as "index", t.relname as "table", a.attname as "leading"
           from pg_index x
           join pg_class i on i.oid = x.indexrelid
           join pg_class t on t.oid = x.indrelid
           join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
           join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]`,
      ),
    )
    found = new Map(result.rows.map((r) => [r.index, { table: r.table, leading: r.leading }]))
    catalogues.set(key, found)
  }
  return found
}

/** Whether an index condition bounds the index's first column (else the whole index is read). */
const boundsLeading = (condition: string | undefined, column: string): boolean =>
  condition !== undefined && new RegExp(`(^|[(\\s.])"?${column}"?\\s*(=|<|>|IS\\b)`).test(condition)

/**
 * The plan of a statement, and every step that reads a whole large table. On SQLite, a `SCAN` of
 * it, with or without an index (a scan of a whole index reads every row's entry too); SQLite says
 * `SEARCH` only when the index's leading columns are bounded. On PostgreSQL, a `Seq Scan` of it, or
 * any index read (index, index-only or bitmap) whose condition does not bound the index's first
 * column: PostgreSQL then reads the whole index, checking each entry.
 */
export async function explainStatement(
  db: Db,
  kind: Connected['kind'],
  statement: CompiledQuery,
): Promise<ExplainedStatement> {
  const names = tablesOf(statement.sql)
  const tables = [...new Set(names.values())]
  const params = [...statement.parameters]
  if (kind === 'sqlite') {
    const result = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${statement.sql}`, params),
    )
    const plan = result.rows.map((r) => r.detail)
    return {
      sql: statement.sql,
      tables,
      plan,
      wholeTableReads: plan.filter((line) => {
        const scanned = /^SCAN (\w+)/.exec(line)?.[1]
        return scanned !== undefined && isLarge(names.get(scanned) ?? scanned)
      }),
      indexes: [
        ...new Set(plan.flatMap((line) => [...line.matchAll(/INDEX (\w+)/g)].map((m) => m[1] ?? ''))),
      ],
    }
  }
  const catalogue = await indexCatalogue(db)
  const text = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${statement.sql}`, params),
  )
  const json = await db.executeQuery<{ 'QUERY PLAN': { Plan: PgPlanNode }[] | string }>(
    CompiledQuery.raw(`explain (format json) ${statement.sql}`, params),
  )
  const raw = json.rows[0]?.['QUERY PLAN']
  const root = (typeof raw === 'string' ? (JSON.parse(raw) as { Plan: PgPlanNode }[]) : raw)?.[0]?.Plan
  const wholeTableReads: string[] = []
  const indexes = new Set<string>()
  if (root)
    walkPg(root, (n) => {
      const index = n['Index Name']
      if (index) {
        indexes.add(index)
        const known = catalogue.get(index)
        if (known && isLarge(known.table) && !boundsLeading(n['Index Cond'], known.leading))
          wholeTableReads.push(
            `${n['Node Type']} using ${index} on ${known.table}: ${n['Index Cond'] ? `condition ${n['Index Cond']} leaves ${known.leading} open` : 'no condition'}`,
          )
      } else if (/Seq Scan/.test(n['Node Type']) && isLarge(n['Relation Name'])) {
        const alias = n.Alias && n.Alias !== n['Relation Name'] ? ` ${n.Alias}` : ''
        wholeTableReads.push(`${n['Node Type']} on ${n['Relation Name'] ?? ''}${alias}`)
      }
    })
  return {
    sql: statement.sql,
    tables,
    plan: text.rows.map((r) => r['QUERY PLAN']),
    wholeTableReads,
    indexes: [...indexes],
  }
}

/** The median time of a statement run on its own. */
async function timeStatement(db: Db, statement: CompiledQuery): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < STATEMENT_RUNS; i++) {
    const started = performance.now()
    await db.executeQuery(statement)
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)[Math.floor(STATEMENT_RUNS / 2)] ?? 0
}

// ---------- The reports measured ----------

interface Measure {
  name: string
  run: (deps: Deps) => Promise<unknown>
}

const deskActor = (org: NationalOrganisation): Actor => ({
  kind: 'user',
  userId: org.adminUserId,
  organisationId: org.organisationId,
  grants: [{ role: 'admin', centreId: null }],
  sessionId: null,
  origin: { requestId: null, ip: '127.0.0.1', audited: false },
})

/** What the desk asks for: one centre of its own organisation, and the network of twenty. */
export function reportsToMeasure(data: NationalData): Measure[] {
  const today = data.until
  const tenYearsAgo = addDays(addMonths(today, -120), 1)
  const lastQuarter = quarterOf(addMonths(today, -3))
  const quarter = quarterDates(lastQuarter)
  // The last whole financial year (April to March).
  const yearStart = `${Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 1 : 2)}-04-01`
  const yearEnd = addDays(addMonths(yearStart, 12), -1)
  const lastTwelveMonths = addDays(addMonths(today, -12), 1)
  const scopes = [
    { label: 'one centre', org: data.single, centreId: data.single.centreIds[0] },
    { label: `network (${data.network.centreIds.length} centres)`, org: data.network, centreId: undefined },
  ]
  return scopes.flatMap(({ label, org, centreId }) => {
    const actor = deskActor(org)
    const where = centreId === undefined ? {} : { centreId }
    return [
      {
        name: `caseload today (${today}), ${label}`,
        run: (deps: Deps) => caseloadReport(deps, actor, { on: today, ...where }),
      },
      {
        name: `caseload ten years ago (${tenYearsAgo}), ${label}`,
        run: (deps: Deps) => caseloadReport(deps, actor, { on: tenYearsAgo, ...where }),
      },
      {
        name: `quarterly return ${lastQuarter} (${quarter.from} to ${quarter.to}), ${label}`,
        run: (deps: Deps) => quarterlyReturn(deps, actor, { quarter: lastQuarter, ...where }),
      },
      {
        name: `service report ${yearStart} to ${yearEnd}, ${label}`,
        run: (deps: Deps) =>
          serviceReport(deps, actor, { from: yearStart, to: yearEnd, audience: 'commissioner', ...where }),
      },
      {
        name: `dashboard ${lastTwelveMonths} to ${today}, ${label}`,
        run: (deps: Deps) => dashboardReport(deps, actor, { from: lastTwelveMonths, to: today, ...where }),
      },
      {
        name: `dashboard ${tenYearsAgo} to ${today}, ${label}`,
        run: (deps: Deps) => dashboardReport(deps, actor, { from: tenYearsAgo, to: today, ...where }),
      },
    ]
  })
}

// ---------- The bench ----------

async function databaseVersion(connected: Connected): Promise<string> {
  if (connected.kind === 'sqlite') {
    const row = connected.sqlite?.prepare('select sqlite_version() as v').get() as { v: string } | undefined
    return `SQLite ${row?.v ?? '?'}`
  }
  const result = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(connected.db)
  return `PostgreSQL ${result.rows[0]?.v ?? '?'}`
}

export async function benchStatistics(label: string, target: DatabaseTarget): Promise<void> {
  const connected = await connect(target)
  const { db } = connected
  if (target.kind === 'postgres') {
    await sql`drop schema if exists public cascade`.execute(db)
    await sql`create schema public`.execute(db)
  }
  await migrateToLatest(db)
  const data = await insertNationalData(connected, NATIONAL)
  let analysed = ''
  if (target.kind === 'postgres') {
    const started = performance.now()
    await sql`analyze`.execute(db)
    analysed = `, ANALYZE ${((performance.now() - started) / 1000).toFixed(1)} s`
  }
  const rows = Object.values(data.counts).reduce((a, b) => a + b, 0)
  console.log(
    `${label} statistics: ${await databaseVersion(connected)}; generated ${rows.toLocaleString('en-GB')} rows (${data.from} to ${data.until}) in ${data.seconds.toFixed(1)} s${analysed}`,
  )
  console.log(
    `  rows: ${Object.entries(data.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([table, n]) => `${table} ${n.toLocaleString('en-GB')}`)
      .join(', ')}`,
  )
  await measureReports(label, connected, data)
}

/**
 * Every report of `reportsToMeasure`: its statements' plans (and each alone, timed), then the report
 * itself, warmed up and timed. Throws, after printing everything, when a plan reads a whole large table.
 */
export async function measureReports(label: string, connected: Connected, data: NationalData): Promise<void> {
  const { db } = connected
  const deps: Deps = {
    db,
    clock: systemClock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL('http://127.0.0.1'),
  }
  const failures: string[] = []
  const printed = new Set<string>()
  const results: string[] = []
  for (const measure of reportsToMeasure(data)) {
    // The plans first: every statement the report runs, once, with its median time alone.
    const statements = await captureStatements(db, (recording) => measure.run({ ...deps, db: recording }))
    console.log(`  ${measure.name}: ${statements.length} reads`)
    for (const statement of statements) {
      const explained = await explainStatement(db, connected.kind, statement)
      const took = await timeStatement(db, statement)
      const key = `${explained.sql}\n${explained.plan.join('\n')}`
      const fresh = !printed.has(key)
      printed.add(key)
      const head = `    ${explained.tables.join(' + ')} (${ms(took)})`
      if (!fresh) console.log(`${head}: same plan as above`)
      else if (connected.kind === 'sqlite') console.log(`${head}: ${explained.plan.join('; ')}`)
      else console.log(`${head}:\n${explained.plan.map((line) => `      ${line}`).join('\n')}`)
      for (const read of explained.wholeTableReads)
        failures.push(`${measure.name}: ${read}\n      ${explained.sql}`)
    }
    for (let i = 0; i < WARM_UP; i++) await measure.run(deps)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      await measure.run(deps)
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    results.push(
      `${label} ${measure.name}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1) ?? 0)} (${RUNS} runs)`,
    )
  }
  for (const line of results) console.log(line)
  console.log(
    `${label} statistics: load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  await connected.close()
  if (failures.length > 0)
    throw new Error(
      `${label} statistics: ${failures.length} plan step(s) read a whole large table:\n  ${failures.join('\n  ')}`,
    )
  console.log(`${label} statistics: no plan reads a whole large table`)
}
