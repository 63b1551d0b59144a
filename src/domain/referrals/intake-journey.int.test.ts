import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../cases/cases.schemas'
import type { ReferralDetail, ReferralSummary } from './referrals.schemas'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  bringToRiskAssessed,
  buildDesk,
  expectStatus,
  RISK_BODY,
  selfReferralBody,
} from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('the full intake journey through the API', () => {
  it('two self-referrals -> linked -> pre-visits -> risk assessment -> accepted -> a case ready for its first session', async () => {
    const { centreId, desk } = await buildDesk(t)
    const rules = await desk.post('/api/ground-rules', {
      title: 'Ground rules',
      body: 'No violence, aggression or bad language. Phones on silent. No photographs.',
    })
    expectStatus(rules, 201)

    const anonymous = new TestBrowser(t.app)
    const info = await anonymous.get(`/api/public/centres/${centreId}`)
    expectStatus(info, 200)
    expect(info.json<{ servicesOffered: string[] }>().servicesOffered).toContain('supported')
    const mum = await anonymous.post(
      `/api/public/centres/${centreId}/self-referrals`,
      selfReferralBody('resident_parent'),
    )
    expectStatus(mum, 201)
    expect(
      mum.json<{ reference: string; whatHappensNext: string[] }>().whatHappensNext.length,
    ).toBeGreaterThan(2)
    const dad = await anonymous.post(
      `/api/public/centres/${centreId}/self-referrals`,
      selfReferralBody('non_resident_parent'),
    )
    expectStatus(dad, 201)

    const inbox = (await desk.get('/api/referrals?status=received')).json<{
      referrals: ReferralSummary[]
      counts: Record<string, number>
    }>()
    expect(inbox.referrals).toHaveLength(2)
    expect(inbox.counts.received).toBe(2)
    expect(inbox.referrals.every((r) => r.awaitingOtherParent && r.channel === 'self')).toBe(true)
    const [first, second] = inbox.referrals as [ReferralSummary, ReferralSummary]

    const linked = await desk.post(`/api/referrals/${first.id}/link`, { otherReferralId: second.id })
    expectStatus(linked, 200)
    const referral = linked.json<ReferralDetail>()
    expect(
      referral.parties
        .filter((p) => p.kind === 'child')
        .map((p) => p.fullName)
        .sort(),
    ).toEqual(['Ava Visiting', 'Leo Visiting'])
    expect(
      referral.parties
        .filter((p) => p.kind === 'adult')
        .map((p) => p.role)
        .sort(),
    ).toEqual(['non_resident_parent', 'resident_parent'])
    expect(referral.awaitingOtherParent).toBe(false)
    expect(referral.nextSteps.map((step) => step.action)).toEqual(['start_intake'])
    const merged = (await desk.get(`/api/referrals/${second.id}`)).json<ReferralDetail>()
    expect(merged.status).toBe('merged')
    expect(merged.mergedIntoId).toBe(first.id)

    const early = await desk.post(`/api/referrals/${first.id}/risk-assessments`, RISK_BODY)
    expect(early.statusCode).toBe(409)

    const assessed = await bringToRiskAssessed(desk, referral)
    expect(assessed.status).toBe('risk_assessed')
    expect(assessed.riskAssessments[0]?.sections[0]?.answers[0]?.answer).toBe('None disclosed')

    const accepted = await desk.post(`/api/referrals/${first.id}/decision`, {
      decision: 'accept',
      reason: 'Suitable for supported contact on Sundays',
      serviceLevel: 'supported',
    })
    expectStatus(accepted, 200)
    const done = accepted.json<ReferralDetail>()
    expect(done.status).toBe('accepted')
    expect(done.transitions.map((s) => s.to)).toEqual([
      'received',
      'received',
      'pre_visits',
      'risk_assessed',
      'accepted',
    ])
    expect(done.transitions[1]?.reason).toBe(`Joined with the other parent’s application ${merged.reference}`)
    expect(done.transitions.every((s) => s.by.length > 0 && s.at.length > 0)).toBe(true)
    if (!done.caseId) throw new Error('no case opened')

    const file = (await desk.get(`/api/cases/${done.caseId}`)).json<CaseDetail>()
    expect(file.status).toBe('active')
    expect(file.serviceLevel).toBe('supported')
    expect(file.levelHistory).toHaveLength(1)
    expect(file.parties).toHaveLength(4)
    expect(file.readiness.ready).toBe(false)
    expect(file.readiness.blockers.map((b) => b.rule)).toContain('R-INT-4')

    // The pre-visits were on 2025-01-07: a first session that day is refused, the next day allowed once signed.
    const sameDay = (await desk.get(`/api/cases/${done.caseId}/readiness?firstSessionOn=2025-01-07`)).json<
      CaseDetail['readiness']
    >()
    expect(sameDay.blockers.map((b) => b.rule)).toContain('R-INT-3')
    const versionId = rules.json<{ id: string }>().id
    for (const adult of file.groundRules.adults)
      expectStatus(await desk.post(`/api/parties/${adult.partyId}/ground-rules`, { versionId }), 204)
    const signedView = (await desk.get(`/api/referrals/${first.id}`)).json<ReferralDetail>().groundRules
    expect(signedView?.adults.map((a) => a.signedCurrent)).toEqual([true, true])
    const nextDay = (await desk.get(`/api/cases/${done.caseId}/readiness?firstSessionOn=2025-01-08`)).json<
      CaseDetail['readiness']
    >()
    expect(nextDay).toEqual({ ready: true, blockers: [] })
  })
})
