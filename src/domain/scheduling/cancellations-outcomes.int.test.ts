import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import {
  buildSchedulingWorld,
  planBody,
  readyCase,
  type SchedulingWorld,
} from '../../../tests/support/scheduling'
import {
  book,
  conflictsOf,
  errorOf,
  invalidField,
  nextWeekday,
  onlySession,
  scheduleOf,
  secondsUntil,
  signInAgain,
  todayIn,
} from '../../../tests/support/scheduling-checks'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { addMinutes, plusDays } from './schedule.rules'
import type { SessionView } from './scheduling.schemas'

// The test clock is real time plus an offset these tests move forward, so every date here is
// counted from the clock's today rather than written down.

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const HOUR = 60 * 60_000
const ago = (instant: string, hours: number) => new Date(Date.parse(instant) - hours * HOUR).toISOString()

/** A weekly plan of three Saturdays from the next Saturday on. */
async function threeSaturdays(world: SchedulingWorld, caseId: string) {
  const first = nextWeekday(todayIn(t, 'Europe/London'), 6)
  const booked = await book(
    world,
    caseId,
    planBody(world, { frequency: 'weekly', firstOn: first, lastOn: plusDays(first, 14) }),
  )
  expect(booked.sessions.map((s) => s.date)).toEqual([first, plusDays(first, 7), plusDays(first, 14)])
  return booked.sessions as [SessionView, SessionView, SessionView]
}

describe('cancelling a session (R-SES-3): who, when the centre was told, the notice given and why', () => {
  it('counts the notice; a parent’s cancellation inside 24 hours is short notice, the centre’s never is', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const [first, second] = await threeSaturdays(world, file.id)

    // The morning of the first session, 5 hours before it starts.
    t.clock.advance(secondsUntil(t, first.startsAt) - 5 * 3600)
    await signInAgain(t, world)

    // The resident parent rang a week before the second session (after it was booked).
    const early = await world.desk.post(`/api/sessions/${second.id}/cancel`, {
      by: 'resident',
      reason: 'Family wedding',
      toldAt: ago(second.startsAt, 175),
    })
    expectStatus(early, 200)
    expect(early.json<SessionView>()).toMatchObject({
      status: 'cancelled',
      cancellation: {
        by: 'resident',
        at: ago(second.startsAt, 175),
        noticeHours: 175,
        shortNotice: false,
        reason: 'Family wedding',
      },
    })

    // The visiting parent had phoned the night before, 6 hours before the start.
    const late = await world.desk.post(`/api/sessions/${first.id}/cancel`, {
      by: 'non_resident',
      reason: 'Car broke down',
      toldAt: ago(first.startsAt, 6),
    })
    expectStatus(late, 200)
    expect(late.json<SessionView>().cancellation).toEqual({
      by: 'non_resident',
      at: ago(first.startsAt, 6),
      noticeHours: 6,
      shortNotice: true,
      reason: 'Car broke down',
    })

    // The desk sees the same in the case's schedule.
    const schedule = await scheduleOf(world, file.id)
    const seen = (id: string) => schedule.sessions.find((s) => s.id === id)?.cancellation
    expect(seen(first.id)).toMatchObject({ by: 'non_resident', noticeHours: 6, shortNotice: true })
    expect(seen(second.id)).toMatchObject({ by: 'resident', noticeHours: 175, shortNotice: false })

    // A cancelled session cannot be cancelled again.
    const again = await world.desk.post(`/api/sessions/${first.id}/cancel`, { by: 'centre', reason: 'Again' })
    expect(again.statusCode).toBe(409)
    expect(errorOf(again).details?.rule).toBe('session-not-scheduled')
    expect((await world.desk.get(`/api/sessions/${first.id}`)).json<SessionView>().cancellation?.by).toBe(
      'non_resident',
    )

    // The centre cancelling the same day, with no time given: counted from now, never "short notice".
    const afternoon = onlySession(
      await book(
        world,
        file.id,
        planBody(world, { frequency: 'one_off', firstOn: first.date, lastOn: null, startsAt: '14:30' }),
      ),
    )
    const byCentre = await world.desk.post(`/api/sessions/${afternoon.id}/cancel`, {
      by: 'centre',
      reason: 'Volunteers ill',
    })
    expectStatus(byCentre, 200)
    const cancelled = byCentre.json<SessionView>().cancellation
    expect(cancelled?.shortNotice).toBe(false)
    const hoursAhead = (Date.parse(afternoon.startsAt) - t.clock.now().getTime()) / HOUR
    expect(cancelled?.noticeHours).toBeGreaterThan(hoursAhead - 0.2)
    expect(cancelled?.noticeHours).toBeLessThan(24)
    expect(Math.abs(Date.parse(cancelled?.at ?? '') - t.clock.now().getTime())).toBeLessThan(60_000)
  })

  it('refuses a time of being told in the future; a cancelled session frees its room', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const other = await readyCase(world)
    const date = nextWeekday(todayIn(t, 'Europe/London'), 7)
    const session = onlySession(
      await book(
        world,
        file.id,
        planBody(world, { frequency: 'one_off', firstOn: date, lastOn: null, roomId: world.privateRoom }),
      ),
    )
    const inFuture = new Date(t.clock.now().getTime() + HOUR).toISOString()
    const refused = await world.desk.post(`/api/sessions/${session.id}/cancel`, {
      by: 'resident',
      reason: 'Ill',
      toldAt: inFuture,
    })
    expect(invalidField(refused)).toBe('toldAt')
    expect((await world.desk.get(`/api/sessions/${session.id}`)).json<SessionView>().status).toBe('scheduled')

    const otherBody = planBody(world, {
      frequency: 'one_off',
      firstOn: date,
      lastOn: null,
      roomId: world.privateRoom,
    })
    expect(conflictsOf(await world.desk.post(`/api/cases/${other.id}/plans`, otherBody))).toEqual([
      expect.objectContaining({ rule: 'SCH-ROOM', clashesWith: [session.id] }),
    ])
    expectStatus(
      await world.desk.post(`/api/sessions/${session.id}/cancel`, { by: 'resident', reason: 'Ill' }),
      200,
    )
    expect(onlySession(await book(world, other.id, otherBody)).roomId).toBe(world.privateRoom)
  })
})

describe('outcomes (R-SES-4): unexplained misses flag the case for review', () => {
  it('records attendance once a session starts; two unexplained misses raise the flag; a review clears it', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const [first, second, third] = await threeSaturdays(world, file.id)
    const missed = { resident: 'attended', nonResident: 'did_not_attend' }

    const tooSoon = await world.desk.post(`/api/sessions/${first.id}/outcome`, missed)
    expect(tooSoon.statusCode).toBe(409)
    expect(errorOf(tooSoon).details?.rule).toBe('session-in-future')
    expect((await world.desk.get(`/api/sessions/${first.id}`)).json<SessionView>()).toMatchObject({
      status: 'scheduled',
      outcome: null,
    })

    // A minute after the second session has started.
    t.clock.advance(secondsUntil(t, addMinutes(second.startsAt, 1)))
    await signInAgain(t, world)
    // The third has not started yet.
    expect((await world.desk.post(`/api/sessions/${third.id}/outcome`, missed)).statusCode).toBe(409)

    const one = await world.desk.post(`/api/sessions/${first.id}/outcome`, missed)
    expectStatus(one, 200)
    expect(one.json<SessionView>()).toMatchObject({
      status: 'did_not_attend',
      outcome: { resident: 'attended', nonResident: 'did_not_attend', explained: false, reason: null },
    })
    let schedule = await scheduleOf(world, file.id)
    expect(schedule.missedUnexplained).toEqual({ resident: 0, nonResident: 1 })
    expect(schedule.reviewFlag).toBeNull()

    // An explained miss needs its reason, and then does not count.
    expect(
      invalidField(
        await world.desk.post(`/api/sessions/${second.id}/outcome`, { ...missed, explained: true }),
      ),
    ).toBe('reason')
    const explained = await world.desk.post(`/api/sessions/${second.id}/outcome`, {
      ...missed,
      explained: true,
      reason: 'In hospital; the centre was told that morning',
    })
    expectStatus(explained, 200)
    expect(explained.json<SessionView>().outcome).toMatchObject({ explained: true })
    schedule = await scheduleOf(world, file.id)
    expect(schedule.missedUnexplained).toEqual({ resident: 0, nonResident: 1 })
    expect(schedule.reviewFlag).toBeNull()

    // After the third session: a second unexplained miss by the visiting parent.
    t.clock.advance(secondsUntil(t, third.endsAt, 60))
    await signInAgain(t, world)
    expectStatus(await world.desk.post(`/api/sessions/${third.id}/outcome`, missed), 200)
    schedule = await scheduleOf(world, file.id)
    expect(schedule.missedUnexplained).toEqual({ resident: 0, nonResident: 2 })
    expect(schedule.reviewFlag).not.toBeNull()
    expect(schedule.reviewFlag).toContain('visiting parent')
    expect(schedule.sessions.map((s) => s.status)).toEqual([
      'did_not_attend',
      'did_not_attend',
      'did_not_attend',
    ])

    // A review of the case clears the flag, and misses are counted afresh from it.
    const review = await world.desk.post(`/api/cases/${file.id}/reviews`, {
      heldOn: todayIn(t, 'Europe/London'),
      outcome: 'continue',
      notes: 'Talked to both parents about attendance',
    })
    expectStatus(review, 201)
    schedule = await scheduleOf(world, file.id)
    expect(schedule.reviewFlag).toBeNull()
    expect(schedule.missedUnexplained).toEqual({ resident: 0, nonResident: 0 })
  })

  it('a resident parent’s misses count on their own side; a cancelled session has no attendance', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const [first, second, third] = await threeSaturdays(world, file.id)
    expectStatus(
      await world.desk.post(`/api/sessions/${third.id}/cancel`, { by: 'centre', reason: 'Closed' }),
      200,
    )
    t.clock.advance(secondsUntil(t, third.endsAt, 60))
    await signInAgain(t, world)

    const residentMissed = { resident: 'did_not_attend', nonResident: 'attended' }
    expectStatus(await world.desk.post(`/api/sessions/${first.id}/outcome`, residentMissed), 200)
    let schedule = await scheduleOf(world, file.id)
    expect(schedule.missedUnexplained).toEqual({ resident: 1, nonResident: 0 })
    expect(schedule.reviewFlag).toBeNull()

    const cancelled = await world.desk.post(`/api/sessions/${third.id}/outcome`, residentMissed)
    expect(cancelled.statusCode).toBe(409)
    expect(errorOf(cancelled).details?.rule).toBe('session-cancelled')

    expectStatus(await world.desk.post(`/api/sessions/${second.id}/outcome`, residentMissed), 200)
    schedule = await scheduleOf(world, file.id)
    expect(schedule.missedUnexplained).toEqual({ resident: 2, nonResident: 0 })
    expect(schedule.reviewFlag).toContain('resident parent')
  })
})
