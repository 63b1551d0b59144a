import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { Db } from '../../db/connect'
import type { AuditRow } from '../../db/database'
import { verifyAuditLog, type AuditVerification } from '../../domain/audit/verify-audit'
import type { Runtime } from '../runtime'
import { runAuditVerify } from './audit-verify'
import type { CommandResult } from './command'

let t: TestContext
let organisationId: string
beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  organisationId = org.organisationId
  // Varied rows of our own organisation: creations, sign-ins (with ip and request id), reads.
  for (const role of ['admin', 'coordinator', 'volunteer', 'referrer', 'parent'] as const) {
    const user = await buildUser(t.deps, {
      organisationId,
      role,
      centreId: role === 'volunteer' ? org.centreId : null,
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    await browser.get('/api/account')
    await browser.post('/api/auth/logout')
  }
})
afterAll(async () => t.close())

class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super('rolled back')
  }
}

/**
 * Runs the tamper and the check in one transaction that is always rolled back, so the trigger
 * (dropped on SQLite, disabled on PostgreSQL: both transactional DDL) and the rows come back as they were.
 */
async function withTamperedLog<T>(
  tamper: (trx: Db) => Promise<void>,
  check: (trx: Db) => Promise<T>,
): Promise<T> {
  try {
    await t.deps.db.transaction().execute(async (trx) => {
      if (t.kind === 'postgres') {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
      } else {
        await sql`drop trigger audit_log_no_update`.execute(trx)
        await sql`drop trigger audit_log_no_delete`.execute(trx)
      }
      await tamper(trx)
      throw new RolledBack(await check(trx))
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T
    throw error
  }
  throw new Error('unreachable')
}

const ownRows = (db: Db): Promise<AuditRow[]> =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('seq')
    .execute()
const runtimeOn = (db: Db): Runtime => ({
  deps: { ...t.deps, db },
  connected: t.connected,
  close: async () => {},
})

describe('kinbridge audit verify', () => {
  it('reports a clean log as ok with its row count', async () => {
    const result = await runAuditVerify(runtimeOn(t.deps.db))
    const rows = Number(
      (
        await t.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    expect(result.exitCode).toBe(0)
    // Other test files may append meanwhile on the shared PostgreSQL database.
    const counted = Number(/^audit log ok: (\d+) rows$/.exec(result.stdout[0] ?? '')?.[1])
    expect(counted).toBeGreaterThanOrEqual((await ownRows(t.deps.db)).length)
    expect((await ownRows(t.deps.db)).length).toBeGreaterThan(20)
    expect(counted).toBeLessThanOrEqual(rows)
  })

  it('names the row that was edited, and exits 1', async () => {
    const rows = await ownRows(t.deps.db)
    const victim = rows[Math.floor(rows.length / 2)]
    if (!victim) throw new Error('no rows')
    const result = await withTamperedLog<CommandResult>(
      async (trx) => {
        await trx
          .updateTable('audit_log')
          .set({ actor_role: 'admin', outcome: 'success' })
          .where('seq', '=', victim.seq)
          .where('action', '=', victim.action)
          .execute()
        await trx
          .updateTable('audit_log')
          .set({ details: '{"note":"nothing to see"}' })
          .where('seq', '=', victim.seq)
          .execute()
      },
      (trx) => runAuditVerify(runtimeOn(trx)),
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toEqual([
      `audit log BROKEN at seq ${victim.seq} (id ${victim.id}): hash_mismatch: the row was changed after it was written`,
    ])
    // Rolled back: the log is whole again and the trigger is back.
    expect((await verifyAuditLog(t.deps.db)).ok).toBe(true)
    await expect(
      t.deps.db.updateTable('audit_log').set({ details: '{}' }).where('seq', '=', victim.seq).execute(),
    ).rejects.toThrow(/append-only/)
  })

  it('detects every one of 200 random tamperings: a changed field, two rows swapped, a row deleted', async () => {
    const rows = await ownRows(t.deps.db)
    const fields = [
      'id',
      'at',
      'organisation_id',
      'actor_user_id',
      'actor_role',
      'action',
      'resource_type',
      'resource_ids',
      'ip',
      'outcome',
      'request_id',
      'details',
      'prev_hash',
      'hash',
    ] as const
    const tampering = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), row: fc.nat(), field: fc.constantFrom(...fields) }),
      fc.record({ kind: fc.constant('swap' as const), row: fc.nat(), other: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), row: fc.nat() }),
    )
    const pick = (i: number): AuditRow => rows[i % rows.length] as AuditRow
    // The chain alone cannot show the newest row being cut off (nothing comes after it to disagree),
    // so deletions pick rows that have a later one of ours behind them.
    // Always a different row from the first: a row swapped with itself is no tampering.
    const otherThan = (i: number, j: number): AuditRow =>
      pick((i % rows.length) + 1 + (j % (rows.length - 1)))
    const pickDeletable = (i: number): AuditRow => rows[i % (rows.length - 1)] as AuditRow
    let trials = 0
    let detected = 0
    const kinds = { change: 0, swap: 0, delete: 0 }
    await fc.assert(
      fc.asyncProperty(tampering, async (change) => {
        trials += 1
        kinds[change.kind] += 1
        const row = change.kind === 'delete' ? pickDeletable(change.row) : pick(change.row)
        const verdict = await withTamperedLog<{ result: AuditVerification; expectedSeq: number }>(
          async (trx) => {
            if (change.kind === 'change') {
              const value = row[change.field]
              const changed =
                change.field === 'at' ? new Date(Date.parse(row.at) + 1).toISOString() : `${value ?? ''}x`
              await trx
                .updateTable('audit_log')
                .set({ [change.field]: changed })
                .where('seq', '=', row.seq)
                .execute()
            } else if (change.kind === 'swap') {
              const other = otherThan(change.row, change.other)
              await trx.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', row.seq).execute()
              await trx.updateTable('audit_log').set({ seq: row.seq }).where('seq', '=', other.seq).execute()
              await trx.updateTable('audit_log').set({ seq: other.seq }).where('seq', '=', -1).execute()
            } else {
              await trx.deleteFrom('audit_log').where('seq', '=', row.seq).execute()
            }
          },
          async (trx) => {
            const result = await verifyAuditLog(trx)
            return {
              result,
              expectedSeq: await expectedBreak(
                trx,
                change.kind,
                row,
                change.kind === 'swap' ? otherThan(change.row, change.other) : null,
              ),
            }
          },
        )
        expect(verdict.result.ok).toBe(false)
        expect(verdict.result.firstBreak?.seq).toBe(verdict.expectedSeq)
        detected += 1
      }),
      { numRuns: 200 },
    )
    expect(trials).toBe(200)
    expect(detected).toBe(200)
    expect(Math.min(kinds.change, kinds.swap, kinds.delete)).toBeGreaterThan(30)
  }, 120_000)
})

/** Where the chain must first break: the changed row, the earlier of two swapped, or the row after a deleted one. */
async function expectedBreak(
  trx: Db,
  kind: 'change' | 'swap' | 'delete',
  row: AuditRow,
  other: AuditRow | null,
): Promise<number> {
  if (kind === 'change') return row.seq
  if (kind === 'swap') return Math.min(row.seq, other?.seq ?? row.seq)
  const next = await trx
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '>', row.seq)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst()
  return next?.seq ?? -1
}
