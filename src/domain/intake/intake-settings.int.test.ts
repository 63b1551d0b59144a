import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import type { IntakeSettings } from './intake.schemas'
import { buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { buildDesk, expectStatus, staffReferralBody } from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('intake settings', () => {
  it('change only what is sent; everything else keeps its value', async () => {
    const world = await buildDesk(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const defaults = (await browser.get('/api/intake-settings')).json<IntakeSettings>()
    expect(defaults).toMatchObject({
      reviewIntervalMonths: 6,
      preVisitMinDaysBeforeFirstSession: 1,
      selfReferralOpen: true,
    })
    expect(defaults.referralSources.map((s) => s.code)).toEqual(
      expect.arrayContaining(['court_adviser', 'social_services', 'solicitor', 'self', 'other']),
    )
    expectStatus(
      await browser.patch('/api/intake-settings', { selfReferralOpen: false, centreCapacityUnits: 20 }),
      200,
    )
    const after = await browser.patch('/api/intake-settings', { reviewIntervalMonths: 3 })
    expectStatus(after, 200)
    expect(after.json<IntakeSettings>()).toMatchObject({
      selfReferralOpen: false,
      centreCapacityUnits: 20,
      reviewIntervalMonths: 3,
      typicalCaseWeeks: 26,
    })
    expect((await browser.get('/api/intake-settings')).json<IntakeSettings>()).toEqual(after.json())
  })

  it('refuses a source list with one code twice, and an impossible number', async () => {
    const world = await buildDesk(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const twice = await browser.patch('/api/intake-settings', {
      referralSources: [
        { code: 'self', label: 'Self' },
        { code: 'self', label: 'Parent' },
      ],
    })
    expect(twice.statusCode).toBe(400)
    expect((await browser.patch('/api/intake-settings', { reviewIntervalMonths: 0 })).statusCode).toBe(400)
    expect((await browser.get('/api/intake-settings')).json<IntakeSettings>().reviewIntervalMonths).toBe(6)
  })

  it("a child's needs are corrected as needs, and an adult's details as details", async () => {
    const world = await buildDesk(t)
    const referral = (
      await world.desk.post('/api/referrals', staffReferralBody(world.centreId))
    ).json<ReferralDetail>()
    const child = referral.parties.find((p) => p.kind === 'child')
    const adult = referral.parties.find((p) => p.kind === 'adult')
    const changed = await world.desk.patch(`/api/parties/${child?.id}`, {
      needs: { feedingHelp: true, changingHelp: true, medical: 'Inhaler' },
    })
    expectStatus(changed, 200)
    expect(changed.json<{ details: Record<string, unknown> }>().details).toMatchObject({
      feedingHelp: true,
      changingHelp: true,
      medical: 'Inhaler',
    })
    expect(
      (await world.desk.patch(`/api/parties/${child?.id}`, { details: { language: 'French' } })).statusCode,
    ).toBe(400)
    expect(
      (await world.desk.patch(`/api/parties/${adult?.id}`, { needs: { feedingHelp: true } })).statusCode,
    ).toBe(400)
    const adultChanged = await world.desk.patch(`/api/parties/${adult?.id}`, {
      details: { language: 'Portuguese', interpreterNeeded: true },
    })
    expect(adultChanged.json<{ details: Record<string, unknown> }>().details).toMatchObject({
      language: 'Portuguese',
      interpreterNeeded: true,
    })
  })
})
