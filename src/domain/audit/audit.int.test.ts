import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { verifyAuditLog } from './verify-audit'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('audit log (LOG-1, LOG-3)', () => {
  it('records who, role, organisation, what, which record, when, from where and the outcome', async () => {
    const org = await buildOrganisation(t.deps)
    const admin = await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const read = await browser.get(`/api/centres/${org.centreId}`)
    const row = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', String(read.headers['x-request-id']))
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      actor_user_id: admin.userId,
      actor_role: 'admin',
      organisation_id: org.organisationId,
      action: 'centre.read',
      resource_type: 'centre',
      resource_ids: JSON.stringify([org.centreId]),
      ip: '127.0.0.1',
      outcome: 'success',
    })
    expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const write = await browser.patch(`/api/centres/${org.centreId}`, { name: 'Renamed' })
    const writeRows = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', String(write.headers['x-request-id']))
      .execute()
    expect(writeRows.map((r) => [r.action, r.outcome])).toEqual([['centre.update', 'success']])
    const refused = await new TestBrowser(t.app).get(`/api/centres/${org.centreId}`)
    const refusedRow = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', String(refused.headers['x-request-id']))
      .executeTakeFirstOrThrow()
    expect(refusedRow).toMatchObject({ outcome: 'denied', actor_user_id: null, action: 'centre.read' })
  })

  it('refuses UPDATE and DELETE in the database itself, and the chain verifies', async () => {
    const anyRow = await t.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    await expect(
      sql`update audit_log set action = 'x' where seq = ${anyRow.seq}`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log where seq = ${anyRow.seq}`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    )
    if (t.kind === 'postgres')
      await expect(sql`truncate audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/)
    const verification = await verifyAuditLog(t.deps.db)
    expect(verification.ok).toBe(true)
    expect(verification.rowsChecked).toBeGreaterThan(3)
  })

  it('keeps the chain whole when many requests write at once', async () => {
    const org = await buildOrganisation(t.deps)
    const admin = await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? browser.get('/api/centres') : browser.patch('/api/organisation', { name: `Name ${i}` }),
      ),
    )
    expect((await verifyAuditLog(t.deps.db)).ok).toBe(true)
  })
})
