import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from './referrals.schemas'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { buildDesk, expectStatus, staffReferralBody } from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

describe('documents (FILE-1)', () => {
  it('keeps a PDF sealed at rest and gives it back with a name Kinbridge made', async () => {
    const world = await buildDesk(t)
    const referral = (
      await world.desk.post('/api/referrals', staffReferralBody(world.centreId))
    ).json<ReferralDetail>()
    const uploaded = await world.desk.post(`/api/referrals/${referral.id}/documents`, {
      kind: 'court_order',
      title: '../../etc/passwd.pdf',
      contentBase64: PDF.toString('base64'),
    })
    expectStatus(uploaded, 201)
    const document = uploaded.json<{ id: string; contentType: string; sizeBytes: number }>()
    expect(document).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length })
    const download = await world.desk.get(`/api/documents/${document.id}`)
    expectStatus(download, 200)
    expect(download.rawPayload.equals(PDF)).toBe(true)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="court_order-${document.id.slice(-8)}.pdf"`,
    )
    const row = await t.deps.db
      .selectFrom('documents')
      .select('content_sealed')
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow()
    expect(row.content_sealed).not.toContain(PDF.toString('base64').slice(0, 12))
    const order = await world.desk.post(`/api/referrals/${referral.id}/court-orders`, {
      orderType: 'child_arrangements',
      madeOn: '2026-05-01',
      court: 'Royal Court',
      documentId: document.id,
    })
    expectStatus(order, 201)
    const detail = (await world.desk.get(`/api/referrals/${referral.id}`)).json<ReferralDetail>()
    expect(detail.courtOrders.map((o) => o.documentId)).toEqual([document.id])
  })

  it('refuses a program renamed as a PDF (415), a file over 5 MB (413) and text that is not base64 (400)', async () => {
    const world = await buildDesk(t)
    const referral = (
      await world.desk.post('/api/referrals', staffReferralBody(world.centreId))
    ).json<ReferralDetail>()
    const url = `/api/referrals/${referral.id}/documents`
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])
    const renamed = await world.desk.post(url, {
      kind: 'other',
      title: 'order.pdf',
      contentBase64: exe.toString('base64'),
    })
    expect(renamed.statusCode).toBe(415)
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])
    const tooBig = await world.desk.post(url, {
      kind: 'other',
      title: 'Big',
      contentBase64: big.toString('base64'),
    })
    expect(tooBig.statusCode).toBe(413)
    const garbage = await world.desk.post(url, {
      kind: 'other',
      title: 'Bad',
      contentBase64: 'not base64 at all!',
    })
    expect(garbage.statusCode).toBe(400)
    expect(
      await t.deps.db.selectFrom('documents').select('id').where('referral_id', '=', referral.id).execute(),
    ).toEqual([])
  })
})
