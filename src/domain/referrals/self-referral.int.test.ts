import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { expectStatus, selfReferralBody } from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const countReferrals = async (organisationId: string) =>
  (
    await t.deps.db
      .selectFrom('referrals')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .execute()
  ).length

describe('the public self-referral form', () => {
  it('keeps the application, emails the applicant their own reference, and tells them what happens next', async () => {
    const { organisationId, centreId } = await buildOrganisation(t.deps)
    const anonymous = new TestBrowser(t.app)
    const body = selfReferralBody('non_resident_parent', { email: 'victor.applicant@example.org' })
    const made = await anonymous.post(`/api/public/centres/${centreId}/self-referrals`, body)
    expectStatus(made, 201)
    const receipt = made.json<{ reference: string; whatHappensNext: string[] }>()
    expect(receipt.reference).toMatch(/^R-[2-9A-Z]{6}$/)
    expect(receipt.whatHappensNext[0]).toContain('The other parent applies separately')
    expect(await countReferrals(organisationId)).toBe(1)
    const mail = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'victor.applicant@example.org')
      .execute()
    expect(mail).toHaveLength(1)
    expect(mail[0]?.text_body).toContain(receipt.reference)
    expect(mail[0]?.text_body).not.toContain('1 Example Road')
  })

  it('refuses supervised contact by self-referral (R-REF-7) and a missing consent, keeping nothing', async () => {
    const { organisationId, centreId } = await buildOrganisation(t.deps)
    const anonymous = new TestBrowser(t.app)
    const supervised = await anonymous.post(
      `/api/public/centres/${centreId}/self-referrals`,
      selfReferralBody('resident_parent', { service: 'supervised' }),
    )
    expect(supervised.statusCode).toBe(400)
    expect(supervised.json<{ error: { message: string } }>().error.message).toContain(
      'needs a referral from a solicitor',
    )
    const noConsent = await anonymous.post(`/api/public/centres/${centreId}/self-referrals`, {
      ...selfReferralBody('resident_parent'),
      consent: false,
    })
    expect(noConsent.statusCode).toBe(400)
    expect(await countReferrals(organisationId)).toBe(0)
  })

  it('keeps nothing from a robot that fills in the hidden field, which still sees a receipt', async () => {
    const { organisationId, centreId } = await buildOrganisation(t.deps)
    const anonymous = new TestBrowser(t.app)
    const robot = await anonymous.post(`/api/public/centres/${centreId}/self-referrals`, {
      ...selfReferralBody('resident_parent'),
      website: 'http://spam.example',
    })
    expect(robot.statusCode).toBe(201)
    expect(await countReferrals(organisationId)).toBe(0)
  })

  it('is rate limited per address (5 an hour) and refuses oversized bodies with 413', async () => {
    const { organisationId, centreId } = await buildOrganisation(t.deps)
    const url = `/api/public/centres/${centreId}/self-referrals`
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        payload: selfReferralBody('resident_parent'),
        remoteAddress: '203.0.113.9',
      })
      statuses.push(response.statusCode)
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    expect(await countReferrals(organisationId)).toBe(5)
    const huge = { ...selfReferralBody('resident_parent'), otherPeopleToAttend: 'x'.repeat(70 * 1024) }
    const tooBig = await t.app.inject({ method: 'POST', url, payload: huge, remoteAddress: '203.0.113.10' })
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers 404 for an unknown centre, and for a centre whose form is switched off', async () => {
    const anonymous = new TestBrowser(t.app)
    expect((await anonymous.get(`/api/public/centres/${crypto.randomUUID()}`)).statusCode).toBe(404)
    const { organisationId, centreId } = await buildOrganisation(t.deps)
    await t.deps.db
      .insertInto('organisation_settings')
      .values({
        organisation_id: organisationId,
        intake: JSON.stringify({ selfReferralOpen: false }),
        updated_at: new Date().toISOString(),
      })
      .execute()
    expect((await anonymous.get(`/api/public/centres/${centreId}`)).statusCode).toBe(404)
    const closed = await anonymous.post(
      `/api/public/centres/${centreId}/self-referrals`,
      selfReferralBody('resident_parent'),
    )
    expect(closed.statusCode).toBe(404)
  })
})
