import { CompiledQuery, sql, type Compilable } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../tests/support/test-db'
import type { Connected } from './connect'
import { caseListQuery } from './repositories/cases.repository'
import { referralListQuery } from './repositories/referrals.repository'
import { insertBulkFamilies } from '../../tests/support/bulk-families'

/**
 * The coordinator's hot lists stay indexed on a national-sized table: thousands of referrals, cases
 * and parties across many organisations, and no plan that reads a whole table (PERF-2).
 */
const ORGANISATIONS = 30
const FAMILIES = 120
let connected: Connected & { file: string | null }
let target = ''
let centre = ''

async function seed(): Promise<void> {
  const made = await insertBulkFamilies(connected.db, ORGANISATIONS, FAMILIES)
  target = made[0]?.organisationId ?? ''
  centre = made[0]?.centreId ?? ''
  if (connected.kind === 'postgres') await sql`analyze referrals, cases, parties`.execute(connected.db)
}

/** The tables the plan reads in full, if any. */
async function fullScans(query: Compilable): Promise<string[]> {
  const compiled = query.compile()
  if (connected.kind === 'sqlite') {
    const plan = await connected.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    )
    return plan.rows.map((r) => r.detail).filter((detail) => /^SCAN (referrals|cases|parties)\b/.test(detail))
  }
  const plan = await connected.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
  )
  return plan.rows
    .map((r) => r['QUERY PLAN'])
    .filter((line) => /Seq Scan on (referrals|cases|parties)\b/.test(line))
}

beforeAll(async () => {
  connected = await openTestDatabase()
  await seed()
}, 120_000)
afterAll(async () => connected.close())

describe('query plans of the coordinator’s lists (PERF-2)', () => {
  const scope = () => ({ organisationId: target })
  const page = { limit: 50, offset: 0 }

  it('the referral inbox reads through indexes, whatever the filter', async () => {
    for (const filter of [
      {},
      { status: 'received' },
      { q: 'mum 7' },
      { centreIds: [centre] },
      { receivedBefore: '2020-02-01T00:00:00.000Z' },
    ]) {
      expect(
        await fullScans(referralListQuery(connected.db, scope(), { centreIds: null, ...filter }, page)),
        JSON.stringify(filter),
      ).toEqual([])
    }
  })

  it('the case list reads through indexes, whatever the filter', async () => {
    for (const filter of [
      {},
      { status: 'active', reviewDueBefore: '2020-01-03' },
      { level: 'supervised' },
      { flag: 'domestic_abuse' },
      { q: 'kid 3' },
    ]) {
      expect(
        await fullScans(caseListQuery(connected.db, scope(), { centreIds: null, ...filter }, page)),
        JSON.stringify(filter),
      ).toEqual([])
    }
  })

  it('finds what it should among everyone’s rows', async () => {
    const rows = await referralListQuery(
      connected.db,
      scope(),
      { q: 'mum 7' },
      { limit: 200, offset: 0 },
    ).execute()
    // "mum 7" is in "mum 7" and "mum 70" to "mum 79", and only in the organisation asked about.
    const expected = ['R-0-7', ...Array.from({ length: 10 }, (_, i) => `R-0-7${i}`)]
    expect(rows.map((r) => r.reference).sort()).toEqual(expected.sort())
  })
})
