import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bringToRiskAssessed,
  expectStatus,
  staffReferralBody,
  type DeskWorld,
} from '../../../tests/support/referrals'
import { buildSchedulingWorld, planBody, readyCase } from '../../../tests/support/scheduling'
import {
  book,
  nextWeekday,
  secondsUntil,
  signInAgain,
  todayIn,
} from '../../../tests/support/scheduling-checks'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { cliOrigin, type Actor } from '../access/actor'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import { plusDays } from '../scheduling/schedule.rules'
import { countMeasures } from './measures'
import { quarterlyReturn } from './quarterly-return'
import { periodBounds, quarterOf, statisticsScope } from './statistics-scope'

// The figures counted from what the app itself writes: referrals decided at the desk, sessions
// booked from a plan, cancelled and recorded through the API. The test clock is real time plus an
// offset these tests move forward, so dates are counted from the clock's today.

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const ZONE = 'Europe/Jersey'

async function newReferral(world: DeskWorld): Promise<ReferralDetail> {
  const created = await world.desk.post('/api/referrals', staffReferralBody(world.centreId))
  expectStatus(created, 201)
  return created.json<ReferralDetail>()
}

/** The world's coordinator (organisation-wide), as the use cases see them. */
const deskOf = (world: DeskWorld): Actor => ({
  kind: 'user',
  userId: world.coordinator.userId,
  organisationId: world.organisationId,
  grants: [{ role: 'coordinator', centreId: null }],
  sessionId: null,
  origin: cliOrigin(),
})

async function decide(world: DeskWorld, referral: ReferralDetail, decision: string): Promise<void> {
  expectStatus(
    await world.desk.post(`/api/referrals/${referral.id}/decision`, {
      decision,
      reason: `Decided: ${decision}`,
    }),
    200,
  )
}

describe('figures counted from what the desk records', () => {
  it('counts referrals accepted, declined, waitlisted and withdrawn at the desk, and the family accepted', async () => {
    const world = await buildSchedulingWorld(t, { timeZone: ZONE })
    // Accepted through intake (pre-visits, risk assessment, decision): a case opens.
    await readyCase(world)
    await decide(world, await newReferral(world), 'decline')
    await decide(world, await bringToRiskAssessed(world.desk, await newReferral(world)), 'waitlist')
    await decide(world, await newReferral(world), 'withdraw')

    const answer = await quarterlyReturn(t.deps, deskOf(world), { quarter: quarterOf(todayIn(t, ZONE)) })
    expect(answer.measures.referrals).toMatchObject({
      received: 4,
      accepted: 1,
      declined: 1,
      waitlisted: 1,
      withdrawn: 1,
      waitingAtEnd: 1,
    })
    expect(answer.measures.referrals.bySource.find((s) => s.source === 'court_adviser')?.count).toBe(4)
    expect(answer.measures.families).toMatchObject({
      served: 0,
      newFamilies: 1,
      newChildren: 1,
      activeAtEnd: 1,
      childrenAtEnd: 1,
    })
    expect(answer.measures.people.staff).toBe(1)
  })

  it('counts sessions cancelled late or in good time, by the centre, held and not attended, as the app records them', async () => {
    const world = await buildSchedulingWorld(t, { timeZone: ZONE })
    const file = await readyCase(world)
    const first = nextWeekday(todayIn(t, ZONE), 6)
    const last = plusDays(first, 28)
    const booked = await book(
      world,
      file.id,
      planBody(world, { frequency: 'weekly', firstOn: first, lastOn: last, startsAt: '10:00' }),
    )
    const [s1, s2, s3, s4, s5] = booked.sessions
    expect(booked.sessions).toHaveLength(5)
    if (!s1 || !s2 || !s3 || !s4 || !s5) throw new Error('expected five Saturdays')

    // Five hours before the first: the visiting parent cancels it (late); the resident parent
    // cancels the third (weeks ahead); the centre calls off the fourth.
    t.clock.advance(secondsUntil(t, s1.startsAt) - 5 * 3600)
    await signInAgain(t, world)
    const cancel = (id: string, by: string) =>
      world.desk.post(`/api/sessions/${id}/cancel`, { by, reason: 'Cannot come' })
    expectStatus(await cancel(s1.id, 'non_resident'), 200)
    expectStatus(await cancel(s3.id, 'resident'), 200)
    expectStatus(await cancel(s4.id, 'centre'), 200)

    // The second was held (the visiting parent a little late); at the fifth the resident parent did not come.
    t.clock.advance(secondsUntil(t, s2.startsAt, 3 * 3600))
    await signInAgain(t, world)
    expectStatus(
      await world.desk.post(`/api/sessions/${s2.id}/outcome`, {
        resident: 'attended',
        nonResident: 'late',
        explained: false,
      }),
      200,
    )
    t.clock.advance(secondsUntil(t, s5.startsAt, 3 * 3600))
    await signInAgain(t, world)
    expectStatus(
      await world.desk.post(`/api/sessions/${s5.id}/outcome`, {
        resident: 'did_not_attend',
        nonResident: 'attended',
        explained: false,
      }),
      200,
    )

    const scope = await statisticsScope(t.deps.db, deskOf(world))
    const measures = await countMeasures(t.deps.db, scope, periodBounds(first, last, ZONE))
    // Open Saturdays and Sundays for 20 families: five Saturdays and four Sundays in the period.
    expect(measures.sessions).toEqual({
      available: 9 * 20,
      booked: 4,
      attended: 1,
      capacityUsedPercent: Math.round((4 * 100) / 180),
      cancelled: { total: 3, byCentre: 1, byResident: 1, byNonResident: 1, late: 1 },
      noShows: { sessions: 1, resident: 1, nonResident: 0 },
    })
    expect(measures.families).toMatchObject({ served: 1, children: 1 })

    // The day before the first session and the day after the last count nothing.
    const before = await countMeasures(
      t.deps.db,
      scope,
      periodBounds(plusDays(first, -6), plusDays(first, -1), ZONE),
    )
    const after = await countMeasures(
      t.deps.db,
      scope,
      periodBounds(plusDays(last, 1), plusDays(last, 6), ZONE),
    )
    for (const outside of [before, after]) {
      expect(outside.sessions).toMatchObject({ booked: 0, attended: 0 })
      expect(outside.sessions.cancelled.total).toBe(0)
    }
  })
})
