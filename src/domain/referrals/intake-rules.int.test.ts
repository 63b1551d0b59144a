import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WaitingList } from '../cases/cases.schemas'
import type { ReferralDetail } from './referrals.schemas'
import { buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  bringToRiskAssessed,
  buildDesk,
  expectStatus,
  RISK_BODY,
  selfReferralBody,
  staffReferralBody,
  type DeskWorld,
} from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

async function enter(world: DeskWorld, overrides: Record<string, unknown> = {}): Promise<ReferralDetail> {
  const created = await world.desk.post('/api/referrals', staffReferralBody(world.centreId, overrides))
  expectStatus(created, 201)
  return created.json<ReferralDetail>()
}

const errorOf = (body: string) =>
  JSON.parse(body) as {
    error: { code: string; message: string; details?: { rule?: string; missing?: string[] } }
  }

describe('intake rules', () => {
  it('R-REF-3: a referral without a way to reach each parent is not processed, and says what is missing', async () => {
    const world = await buildDesk(t)
    const referral = await enter(world, {
      adults: [
        { role: 'resident_parent', fullName: 'Rita Example', protected: { phone: '07700 900001' } },
        { role: 'non_resident_parent', fullName: 'Nick Example' },
      ],
    })
    expect(referral.missing).toEqual(['Add contact details (phone, email or address) for Nick Example.'])
    expect(referral.nextSteps[0]?.blockers).toEqual(referral.missing)
    const refused = await world.desk.post(`/api/referrals/${referral.id}/start-intake`)
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).error.details?.rule).toBe('R-REF-3')
    const nick = referral.parties.find((p) => p.fullName === 'Nick Example')
    expectStatus(
      await world.desk.patch(`/api/parties/${nick?.id}`, { protected: { phone: '07700 900002' } }),
      200,
    )
    expectStatus(await world.desk.post(`/api/referrals/${referral.id}/start-intake`), 200)
  })

  it('follows the state machine and writes each move into the history with who and why', async () => {
    const world = await buildDesk(t)
    const referral = await enter(world)
    const tooEarly = await world.desk.post(`/api/referrals/${referral.id}/decision`, {
      decision: 'accept',
      reason: 'Looks fine to us',
    })
    expect(tooEarly.statusCode).toBe(409)
    expect(errorOf(tooEarly.body).error.details?.rule).toBe('intake-state-machine')
    const declined = await world.desk.post(`/api/referrals/${referral.id}/decision`, {
      decision: 'decline',
      reason: 'Outside our area',
    })
    expectStatus(declined, 200)
    const again = await world.desk.post(`/api/referrals/${referral.id}/start-intake`)
    expect(again.statusCode).toBe(409)
    const history = declined.json<ReferralDetail>().transitions
    expect(history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'received', 'Entered by the centre'],
      ['received', 'declined', 'Outside our area'],
    ])
    expect(history[1]?.by).toBe('Test coordinator')
  })

  it('every decision needs a reason', async () => {
    const world = await buildDesk(t)
    const referral = await enter(world)
    for (const reason of ['', '   ', 'no']) {
      const refused = await world.desk.post(`/api/referrals/${referral.id}/decision`, {
        decision: 'decline',
        reason,
      })
      expect(refused.statusCode).toBe(400)
      expect(errorOf(refused.body).error.code).toBe('INVALID_INPUT')
    }
    const status = (await world.desk.get(`/api/referrals/${referral.id}`)).json<ReferralDetail>().status
    expect(status).toBe('received')
  })

  it('R-INT-1: adults are seen at separate times, and risk is assessed only after every pre-visit', async () => {
    const world = await buildDesk(t)
    const referral = await enter(world)
    expectStatus(await world.desk.post(`/api/referrals/${referral.id}/start-intake`), 200)
    const [rita, nick] = referral.parties.filter((p) => p.kind === 'adult')
    const at = (time: string) => `2025-02-03T${time}:00Z`
    expectStatus(
      await world.desk.post(`/api/referrals/${referral.id}/pre-visits`, {
        partyId: rita?.id,
        scheduledAt: at('10:00'),
      }),
      201,
    )
    const clash = await world.desk.post(`/api/referrals/${referral.id}/pre-visits`, {
      partyId: nick?.id,
      scheduledAt: at('10:30'),
    })
    expect(clash.statusCode).toBe(409)
    expect(errorOf(clash.body).error.details?.rule).toBe('R-INT-1')
    const apart = await world.desk.post(`/api/referrals/${referral.id}/pre-visits`, {
      partyId: nick?.id,
      scheduledAt: at('11:00'),
    })
    expectStatus(apart, 201)
    const visits = apart.json<ReferralDetail>().preVisits
    for (const visit of visits)
      expectStatus(await world.desk.patch(`/api/pre-visits/${visit.id}`, { outcome: 'held' }), 200)
    // The child's familiarisation visit is still missing (on by default).
    const early = await world.desk.post(`/api/referrals/${referral.id}/risk-assessments`, RISK_BODY)
    expect(early.statusCode).toBe(409)
    expect(errorOf(early.body).error.details?.missing).toEqual(['Hold the child’s familiarisation visit.'])
  })

  it('a centre that does not hold child familiarisation visits can assess risk after the adults’ pre-visits', async () => {
    const world = await buildDesk(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    expectStatus(
      await adminBrowser.patch('/api/intake-settings', { childFamiliarisationRequired: false }),
      200,
    )
    const withChild = await enter(world)
    expectStatus(await world.desk.post(`/api/referrals/${withChild.id}/start-intake`), 200)
    const adults = withChild.parties.filter((p) => p.kind === 'adult')
    for (const [i, adult] of adults.entries()) {
      const made = await world.desk.post(`/api/referrals/${withChild.id}/pre-visits`, {
        partyId: adult.id,
        scheduledAt: `2025-02-0${i + 3}T10:00:00Z`,
      })
      const visit = made.json<ReferralDetail>().preVisits.find((v) => v.partyId === adult.id)
      expectStatus(await world.desk.patch(`/api/pre-visits/${visit?.id}`, { outcome: 'held' }), 200)
    }
    expectStatus(await world.desk.post(`/api/referrals/${withChild.id}/risk-assessments`, RISK_BODY), 201)
  })

  it('a family needing supervised contact cannot be accepted for supported contact', async () => {
    const world = await buildDesk(t)
    const asked = await bringToRiskAssessed(
      world.desk,
      await enter(world, { serviceRequested: 'supervised' }),
    )
    const wrong = await world.desk.post(`/api/referrals/${asked.id}/decision`, {
      decision: 'accept',
      reason: 'Room on Sundays',
      serviceLevel: 'supported',
    })
    expect(wrong.statusCode).toBe(409)
    expect(errorOf(wrong.body).error.details?.rule).toBe('supervised-not-supported')
    expectStatus(
      await world.desk.post(`/api/referrals/${asked.id}/decision`, {
        decision: 'accept',
        reason: 'One-to-one available',
        serviceLevel: 'supervised',
      }),
      200,
    )

    const assessed = await bringToRiskAssessed(world.desk, await enter(world), {
      ...RISK_BODY,
      level: 'high',
      recommendedService: 'supervised',
    })
    const refused = await world.desk.post(`/api/referrals/${assessed.id}/decision`, {
      decision: 'accept',
      reason: 'We can manage it',
      serviceLevel: 'supported',
    })
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).error.message).toContain(
      'risk assessment says this family needs supervised contact',
    )
  })

  it('a full centre puts families on the waiting list in order, with the expected wait, and offers the next place', async () => {
    const world = await buildDesk(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    expectStatus(await adminBrowser.patch('/api/intake-settings', { centreCapacityUnits: 2 }), 200)
    const baby = {
      fullName: 'Baby Example',
      dateOfBirth: '2026-01-01',
      needs: { feedingHelp: true, changingHelp: true },
    }
    const first = await bringToRiskAssessed(world.desk, await enter(world))
    const second = await bringToRiskAssessed(world.desk, await enter(world, { children: [baby] }))
    const accepted = await world.desk.post(`/api/referrals/${first.id}/decision`, {
      decision: 'accept',
      reason: 'A place is free',
    })
    expectStatus(accepted, 200)
    const full = await world.desk.post(`/api/referrals/${second.id}/decision`, {
      decision: 'accept',
      reason: 'A place is free',
    })
    expect(full.statusCode).toBe(409)
    expect(errorOf(full.body).error.details).toMatchObject({
      rule: 'capacity',
      capacity: 2,
      used: 1,
      needed: 1.5,
    })
    expectStatus(
      await world.desk.post(`/api/referrals/${second.id}/decision`, {
        decision: 'waitlist',
        reason: 'Centre full this term',
      }),
      200,
    )

    const list = (await world.desk.get(`/api/centres/${world.centreId}/waiting-list`)).json<WaitingList>()
    expect(list.capacity).toEqual({ units: 2, used: 1, available: 1 })
    expect(list.entries).toHaveLength(1)
    expect(list.entries[0]).toMatchObject({
      referralId: second.id,
      position: 1,
      weight: 1.5,
      fitsNow: false,
      expectedWaitWeeks: 26,
    })

    const stillFull = await world.desk.post(`/api/referrals/${second.id}/offer-place`, {
      reason: 'Trying early',
    })
    expect(stillFull.statusCode).toBe(409)
    const caseId = accepted.json<ReferralDetail>().caseId
    expectStatus(
      await world.desk.post(`/api/cases/${caseId}/close`, {
        outcome: 'moved_on_own_arrangements',
        reason: 'Parents arrange contact themselves now',
      }),
      200,
    )
    const freed = (await world.desk.get(`/api/centres/${world.centreId}/waiting-list`)).json<WaitingList>()
    expect(freed.entries[0]).toMatchObject({ fitsNow: true, expectedWaitWeeks: 0 })
    const offered = await world.desk.post(`/api/referrals/${second.id}/offer-place`, {
      reason: 'A family moved on',
    })
    expectStatus(offered, 200)
    expect(offered.json<ReferralDetail>().status).toBe('accepted')
  })

  it('R-REF-9: the referrer is told of a decline with its reasons, by email and in their referral area', async () => {
    const world = await buildDesk(t)
    const referrer = await buildUser(t.deps, { organisationId: world.organisationId, role: 'referrer' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(referrer, t.clock)
    const made = await browser.post(
      '/api/referrals',
      staffReferralBody(world.centreId, { referrer: { name: 'Sam Solicitor', actingFor: 'non_resident' } }),
    )
    expectStatus(made, 201)
    const referral = made.json<ReferralDetail>()
    expect(referral.channel).toBe('referrer')
    expectStatus(
      await world.desk.post(`/api/referrals/${referral.id}/decision`, {
        decision: 'decline',
        reason: 'Needs a supervised centre',
      }),
      200,
    )
    const seen = (await browser.get(`/api/referrals/${referral.id}`)).json<ReferralDetail>()
    expect(seen.status).toBe('declined')
    expect(seen.decisionReason).toBe('Needs a supervised centre')
    expect(seen.groundRules).toBeNull()
    expect(seen.nextSteps).toEqual([])
    const mail = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', referrer.email)
      .orderBy('created_at')
      .execute()
    expect(mail.map((m) => m.subject)).toEqual([
      `Referral ${referral.reference} received by Test Centre`,
      `Referral ${referral.reference}: declined`,
    ])
    expect(mail[1]?.text_body).toContain('Reasons: Needs a supervised centre')
  })

  it('two applications from the same kind of parent are not joined', async () => {
    const world = await buildDesk(t)
    const anonymous = new TestBrowser(t.app)
    for (let i = 0; i < 2; i += 1)
      expectStatus(
        await anonymous.post(
          `/api/public/centres/${world.centreId}/self-referrals`,
          selfReferralBody('resident_parent'),
        ),
        201,
      )
    const listed = async (query: string) =>
      (await world.desk.get(`/api/referrals?${query}`)).json<{ referrals: { id: string }[] }>().referrals
    expect(await listed('channel=staff')).toEqual([])
    const [a, b] = await listed('channel=self')
    const refused = await world.desk.post(`/api/referrals/${a?.id}/link`, { otherReferralId: b?.id })
    expect(refused.statusCode).toBe(409)
    expect(errorOf(refused.body).error.details?.rule).toBe('R-REF-5')
  })
})
