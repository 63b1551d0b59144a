import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import type { CaseDetail, CaseSummary } from './cases.schemas'
import { addDays, addMonths, localDateIn } from './cases.rules'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  bringToRiskAssessed,
  buildDesk,
  expectStatus,
  staffReferralBody,
  type DeskWorld,
} from '../../../tests/support/referrals'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

async function openCase(world: DeskWorld, overrides: Record<string, unknown> = {}): Promise<CaseDetail> {
  const created = await world.desk.post('/api/referrals', staffReferralBody(world.centreId, overrides))
  expectStatus(created, 201)
  const assessed = await bringToRiskAssessed(world.desk, created.json<ReferralDetail>())
  const accepted = await world.desk.post(`/api/referrals/${assessed.id}/decision`, {
    decision: 'accept',
    reason: 'Place available',
  })
  expectStatus(accepted, 200)
  const file = await world.desk.get(`/api/cases/${accepted.json<ReferralDetail>().caseId}`)
  expectStatus(file, 200)
  return file.json<CaseDetail>()
}

describe('the case file', () => {
  it('keeps the contact level over time with reasons, and refuses a move to the same level', async () => {
    const world = await buildDesk(t)
    const file = await openCase(world, { serviceRequested: 'supervised' })
    expect(file.serviceLevel).toBe('supervised')
    const down = await world.desk.post(`/api/cases/${file.id}/level`, {
      level: 'supported',
      reason: 'Six good supervised sessions',
    })
    expectStatus(down, 200)
    const same = await world.desk.post(`/api/cases/${file.id}/level`, {
      level: 'supported',
      reason: 'Again, by mistake',
    })
    expect(same.statusCode).toBe(409)
    const history = down.json<CaseDetail>().levelHistory
    expect(history.map((h) => [h.previousLevel, h.level, h.reason])).toEqual([
      [null, 'supervised', 'Place available'],
      ['supervised', 'supported', 'Six good supervised sessions'],
    ])
  })

  it('R-REV-1: reviews fall due within the interval (6 months by default), and overdue ones are listed', async () => {
    const world = await buildDesk(t)
    const file = await openCase(world)
    const today = t.clock.now().toISOString().slice(0, 10)
    expect(file.reviewDueOn).toBe(addMonths(localDateIn('Europe/Jersey', t.clock.now()), 6))
    const url = `/api/cases/${file.id}/reviews`
    const tooLate = await world.desk.post(url, {
      heldOn: today,
      outcome: 'continue',
      nextReviewDueOn: addMonths(today, 7),
    })
    expect(tooLate.statusCode).toBe(400)
    const beforeOpening = await world.desk.post(url, { heldOn: '2020-01-31', outcome: 'continue' })
    expect(beforeOpening.statusCode).toBe(400)
    const review = await world.desk.post(url, {
      heldOn: today,
      outcome: 'continue',
      notes: 'Going well',
      nextReviewDueOn: addDays(today, 10),
    })
    expectStatus(review, 201)
    const reviewed = review.json<CaseDetail>()
    expect(reviewed.reviews[0]).toMatchObject({
      heldOn: today,
      nextReviewDueOn: addDays(today, 10),
      notes: 'Going well',
    })
    expect(reviewed.reviewDueOn).toBe(addDays(today, 10))
    expect(reviewed.reviewOverdue).toBe(false)
    expect(reviewed.transitions.map((s) => s.to)).toContain('reviewed')
    const ids = async (browser: TestBrowser, query: string) =>
      (await browser.get(`/api/cases?${query}`)).json<{ cases: CaseSummary[] }>().cases.map((c) => c.id)
    expect(await ids(world.desk, 'review=due_30_days')).toEqual([file.id])
    expect(await ids(world.desk, 'review=overdue')).toEqual([])

    t.clock.advance(12 * 86_400)
    const later = new TestBrowser(t.app)
    await later.signIn(world.coordinator, t.clock)
    expect(await ids(later, 'review=overdue')).toEqual([file.id])
    expect((await later.get(`/api/cases/${file.id}`)).json<CaseDetail>().reviewOverdue).toBe(true)
  })

  it('a new version of the ground rules must be signed again before a first session', async () => {
    const world = await buildDesk(t)
    const v1 = (
      await world.desk.post('/api/ground-rules', {
        title: 'Rules',
        body: 'No violence, aggression or bad language.',
      })
    ).json<{ id: string }>()
    const file = await openCase(world)
    for (const adult of file.groundRules.adults)
      expectStatus(
        await world.desk.post(`/api/parties/${adult.partyId}/ground-rules`, { versionId: v1.id }),
        204,
      )
    const ready = (await world.desk.get(`/api/cases/${file.id}/readiness?firstSessionOn=2025-03-01`)).json<
      CaseDetail['readiness']
    >()
    expect(ready.ready).toBe(true)
    const v2 = (
      await world.desk.post('/api/ground-rules', {
        title: 'Rules',
        body: 'No violence. No photographs or recordings.',
      })
    ).json<{ id: string; version: number }>()
    expect(v2.version).toBe(2)
    const stale = await world.desk.post(`/api/parties/${file.groundRules.adults[0]?.partyId}/ground-rules`, {
      versionId: v1.id,
    })
    expect(stale.statusCode).toBe(409)
    const after = (await world.desk.get(`/api/cases/${file.id}/readiness?firstSessionOn=2025-03-01`)).json<
      CaseDetail['readiness']
    >()
    expect(after.ready).toBe(false)
    expect(after.blockers.filter((b) => b.rule === 'R-INT-4')).toHaveLength(2)
  })

  it('closes with an outcome code; a closed case takes no more notes', async () => {
    const world = await buildDesk(t)
    const file = await openCase(world)
    expectStatus(
      await world.desk.post(`/api/cases/${file.id}/notes`, { body: 'Dad asked about Christmas' }),
      201,
    )
    const closed = await world.desk.post(`/api/cases/${file.id}/close`, {
      outcome: 'moved_on_own_arrangements',
      reason: 'Parents now arrange it themselves',
    })
    expectStatus(closed, 200)
    expect(closed.json<CaseDetail>().closure).toMatchObject({ outcome: 'moved_on_own_arrangements' })
    expect((await world.desk.post(`/api/cases/${file.id}/notes`, { body: 'Too late' })).statusCode).toBe(409)
    expect(
      (await world.desk.post(`/api/cases/${file.id}/close`, { outcome: 'other', reason: 'Closing twice' }))
        .statusCode,
    ).toBe(409)
    const bad = await world.desk.post(`/api/cases/${file.id}/close`, {
      outcome: 'made_up',
      reason: 'Unknown outcome',
    })
    expect(bad.statusCode).toBe(400)
  })

  it('lists cases by level, flag and name, and keeps notes sealed at rest', async () => {
    const world = await buildDesk(t)
    const flagged = await openCase(world, {
      serviceRequested: 'supervised',
      adults: [
        {
          role: 'resident_parent',
          fullName: 'Hana Flagged',
          protected: { phone: '07700 900111' },
          safetyFlags: ['domestic_abuse'],
        },
        { role: 'non_resident_parent', fullName: 'Otto Flagged', protected: { phone: '07700 900112' } },
      ],
    })
    const plain = await openCase(world)
    const ids = async (query: string) =>
      (await world.desk.get(`/api/cases?${query}`)).json<{ cases: CaseSummary[] }>().cases.map((c) => c.id)
    expect(await ids('level=supervised')).toEqual([flagged.id])
    expect(await ids('flag=domestic_abuse')).toEqual([flagged.id])
    expect(await ids('q=hana')).toEqual([flagged.id])
    expect((await ids('')).sort()).toEqual([flagged.id, plain.id].sort())
    expect(flagged.safetyFlags).toContain('domestic_abuse')
    expectStatus(
      await world.desk.post(`/api/cases/${plain.id}/notes`, { body: 'Sealed note canary 5521' }),
      201,
    )
    const stored = await t.deps.db
      .selectFrom('case_notes')
      .select('body_sealed')
      .where('case_id', '=', plain.id)
      .execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.body_sealed).not.toContain('5521')
  })
})
