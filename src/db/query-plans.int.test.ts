import { CompiledQuery, sql, type Compilable } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../tests/support/test-db'
import type { Connected } from './connect'
import { caseListQuery } from './repositories/cases.repository'
import { referralListQuery } from './repositories/referrals.repository'
import { v7 as newId } from 'uuid'

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
  const { db } = connected
  const now = new Date().toISOString()
  for (let o = 0; o < ORGANISATIONS; o += 1) {
    const organisationId = newId()
    const centreId = newId()
    if (o === 0) {
      target = organisationId
      centre = centreId
    }
    await db
      .insertInto('organisations')
      .values({
        id: organisationId,
        name: `Plan ${o}`,
        require_staff_mfa: 0,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await db
      .insertInto('centres')
      .values({
        id: centreId,
        organisation_id: organisationId,
        name: 'C',
        time_zone: 'Europe/London',
        created_at: now,
        updated_at: now,
      })
      .execute()
    const referrals = []
    const cases = []
    const parties = []
    for (let f = 0; f < FAMILIES; f += 1) {
      const referralId = newId()
      const caseId = newId()
      const at = new Date(Date.UTC(2020, 0, 1) + f * 86_400_000).toISOString()
      referrals.push({
        id: referralId,
        organisation_id: organisationId,
        centre_id: centreId,
        reference: `R-${o}-${f}`,
        status: f % 3 === 0 ? 'received' : 'accepted',
        channel: 'staff',
        source_code: 'self',
        service_requested: 'supported',
        frequency_requested: null,
        referrer_user_id: null,
        referrer_name: null,
        referrer_organisation: null,
        referrer_role: null,
        referrer_email: null,
        referrer_phone: null,
        referrer_acting_for: null,
        risk_flags: '[]',
        risk_sealed: null,
        received_at: at,
        status_changed_at: at,
        decision_reason: null,
        decided_by_user_id: null,
        decided_at: null,
        accepted_level: null,
        waitlisted_at: null,
        case_id: caseId,
        merged_into_id: null,
        created_at: at,
        updated_at: at,
      })
      cases.push({
        id: caseId,
        organisation_id: organisationId,
        centre_id: centreId,
        referral_id: referralId,
        reference: `C-${o}-${f}`,
        status: 'active',
        service_level: f % 4 === 0 ? 'supervised' : 'supported',
        capacity_weight: 1,
        opened_at: at,
        review_due_on: at.slice(0, 10),
        risk_flags: f % 5 === 0 ? '["domestic_abuse"]' : '[]',
        closed_at: null,
        closure_outcome: null,
        closure_reason: null,
        created_at: at,
        updated_at: at,
      })
      for (const [kind, role, name] of [
        ['child', 'child', `kid ${f}`],
        ['adult', 'resident_parent', `mum ${f}`],
        ['adult', 'non_resident_parent', `dad ${f}`],
      ] as const)
        parties.push({
          id: newId(),
          organisation_id: organisationId,
          referral_id: referralId,
          case_id: caseId,
          kind,
          role,
          side: null,
          full_name: name,
          search_name: name,
          date_of_birth: null,
          details: '{}',
          protected_sealed: null,
          protected_present: '[]',
          attendance: 'allowed',
          authorised_by: null,
          safety_flags: '[]',
          user_id: null,
          created_at: at,
          updated_at: at,
        })
    }
    await db.insertInto('referrals').values(referrals).execute()
    await db.insertInto('cases').values(cases).execute()
    for (let i = 0; i < parties.length; i += 120)
      await db
        .insertInto('parties')
        .values(parties.slice(i, i + 120))
        .execute()
  }
  if (connected.kind === 'postgres') await sql`analyze referrals, cases, parties`.execute(db)
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
      { status: 'active', reviewDueBefore: '2020-03-01' },
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
