import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from './referrals.schemas'
import { TEST_PASSWORD } from '../../../tests/support/factories'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { buildDesk, expectStatus, staffReferralBody } from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('revealing protected details (AZ-6)', () => {
  it('needs the password and a reason, and leaves one audit row each time, refusals included', async () => {
    const world = await buildDesk(t)
    const referral = (
      await world.desk.post('/api/referrals', staffReferralBody(world.centreId))
    ).json<ReferralDetail>()
    const rita = referral.parties.find((p) => p.fullName === 'Rita Example')
    expect(rita?.protected).toBeNull()
    expect(rita?.withheld).toEqual(['phone'])
    const url = `/api/parties/${rita?.id}/reveal`

    const noReason = await world.desk.post(url, { password: TEST_PASSWORD, reason: '' })
    expect(noReason.statusCode).toBe(400)
    const wrong = await world.desk.post(url, { password: 'not my password', reason: 'Calling about Sunday' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('STEP_UP_REQUIRED')
    expect(wrong.body).not.toContain('07700 900001')
    const right = await world.desk.post(url, { password: TEST_PASSWORD, reason: 'Calling about Sunday' })
    expectStatus(right, 200)
    expect(right.json<{ phone: string }>().phone).toBe('07700 900001')

    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select(['outcome', 'details', 'actor_user_id', 'resource_ids'])
      .where('action', '=', 'party.reveal')
      .where('organisation_id', '=', world.organisationId)
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => r.outcome)).toEqual(['failure', 'denied', 'success'])
    for (const row of rows.slice(1)) {
      expect(row.actor_user_id).toBe(world.coordinator.userId)
      expect(JSON.parse(row.resource_ids)).toContain(rita?.id)
    }
    expect(JSON.parse(rows[2]?.details ?? '{}')).toEqual({ reason: 'Calling about Sunday' })
    expect(rows.map((r) => r.details).join()).not.toContain('07700')
  })
})
