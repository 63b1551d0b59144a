import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { expectStatus } from '../../../tests/support/referrals'
import { buildSchedulingWorld, planBody, readyCase } from '../../../tests/support/scheduling'
import type { CalendarView, CaseSchedule, PlanBooked, PlanPreview, SessionView } from './scheduling.schemas'
import {
  nextWeekday,
  secondsUntil,
  signGroundRules,
  signInAgain,
  todayIn,
  unsignedCase,
} from '../../../tests/support/scheduling-checks'
import { localParts, plusDays } from './schedule.rules'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const live = (schedule: CaseSchedule) => schedule.sessions.filter((s) => s.status === 'scheduled')

describe('contact plans over daylight saving', () => {
  for (const timeZone of ['Europe/London', 'Europe/Jersey']) {
    it(`${timeZone}: a fortnightly plan keeps 10:00 local across the March and October changes`, async () => {
      const world = await buildSchedulingWorld(t, { timeZone })
      const file = await readyCase(world)
      const booked = await world.desk.post(
        `/api/cases/${file.id}/plans`,
        planBody(world, { firstOn: '2027-03-13', lastOn: '2027-11-13' }),
      )
      expectStatus(booked, 201)
      const { sessions } = booked.json<PlanBooked>()
      expect(sessions.length).toBe(18)
      for (const s of sessions) {
        expect(localParts(s.startsAt, timeZone).time).toBe('10:00')
        expect(s.localStart).toBe('10:00')
        expect(localParts(s.nonResident.arrivesAt, timeZone).time).toBe('09:45')
        expect(localParts(s.nonResident.leavesAt, timeZone).time).toBe('12:15')
        expect(localParts(s.resident.arrivesAt, timeZone).time).toBe('10:00')
      }
      const utc = (date: string) => sessions.find((s) => s.date === date)?.startsAt
      expect(utc('2027-03-13')).toBe('2027-03-13T10:00:00.000Z') // GMT
      expect(utc('2027-03-27')).toBe('2027-03-27T10:00:00.000Z') // the day before the change
      expect(utc('2027-04-10')).toBe('2027-04-10T09:00:00.000Z') // BST
      expect(utc('2027-10-23')).toBe('2027-10-23T09:00:00.000Z') // the last before the change back
      expect(utc('2027-11-06')).toBe('2027-11-06T10:00:00.000Z') // GMT again
    })
  }
})

describe('one occurrence and the series', () => {
  it('moving one occurrence leaves every other unchanged; ending the series from a date keeps history', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const booked = (await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))).json<PlanBooked>()
    const before = booked.sessions
    expect(before.map((s) => s.date)).toEqual([
      '2027-03-06',
      '2027-03-20',
      '2027-04-03',
      '2027-04-17',
      '2027-05-01',
    ])
    const target = before[1] as SessionView
    const moved = await world.desk.post(`/api/sessions/${target.id}/move`, {
      date: '2027-03-21',
      startsAt: '14:00',
      version: target.version,
      reason: 'Father’s flight moved',
    })
    expectStatus(moved, 200)
    const after = (await world.desk.get(`/api/cases/${file.id}/schedule`)).json<CaseSchedule>()
    expect(live(after)).toHaveLength(5)
    for (const s of before.filter((s) => s.id !== target.id))
      expect(after.sessions.find((a) => a.id === s.id)).toEqual({ ...s })
    const movedView = after.sessions.find((a) => a.id === target.id)
    expect(movedView).toMatchObject({
      date: '2027-03-21',
      occurrenceOn: '2027-03-20',
      localStart: '14:00',
      moved: true,
    })

    const stale = await world.desk.post(`/api/sessions/${target.id}/move`, {
      date: '2027-03-28',
      startsAt: '10:00',
      version: target.version,
      reason: 'Again',
    })
    expect(stale.statusCode).toBe(409)

    const ended = await world.desk.post(`/api/plans/${booked.plan.id}/end`, {
      from: '2027-04-10',
      reason: 'Moving on to handovers',
    })
    expectStatus(ended, 200)
    const final = ended.json<CaseSchedule>()
    expect(final.sessions).toHaveLength(5)
    expect(live(final).map((s) => s.date)).toEqual(['2027-03-06', '2027-03-21', '2027-04-03'])
    expect(final.sessions.filter((s) => s.status === 'cancelled').map((s) => s.date)).toEqual([
      '2027-04-17',
      '2027-05-01',
    ])
    expect(final.plans[0]).toMatchObject({ status: 'ended', lastOn: '2027-04-09' })
  })
})

describe('escorted visits away from the centre', () => {
  it('books a prison visit with travel either side, and moving it keeps the travel time', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const booked = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, {
        serviceType: 'escorted',
        frequency: 'one_off',
        firstOn: '2027-03-10',
        lastOn: null,
        startsAt: '14:00',
        durationMinutes: 60,
        venueId: null,
        roomId: null,
        arrival: {},
        offsite: {
          place: 'HM Prison La Moye',
          travelMinutes: 30,
          escort: 'A volunteer',
          visitingOrderReference: 'VO-1234',
        },
      }),
    )
    expectStatus(booked, 201)
    const [session] = booked.json<PlanBooked>().sessions
    if (!session) throw new Error('no session booked')
    expect(session.offsite).toMatchObject({ place: 'HM Prison La Moye', visitingOrderReference: 'VO-1234' })
    const span = (s: SessionView) => [
      localParts(s.nonResident.arrivesAt, 'Europe/London').time,
      localParts(s.nonResident.leavesAt, 'Europe/London').time,
    ]
    expect(span(session)).toEqual(['13:15', '15:45'])
    const moved = await world.desk.post(`/api/sessions/${session.id}/move`, {
      date: '2027-03-17',
      startsAt: '15:00',
      version: session.version,
      reason: 'The prison changed the visiting slot',
    })
    expectStatus(moved, 200)
    const after = moved.json<{ session: SessionView }>().session
    expect(span(after)).toEqual(['14:15', '16:45'])
  })
})

describe('what the coordinator is told before saving', () => {
  it('the preview names the readiness blockers the booking would be refused for', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await unsignedCase(world)
    const preview = await world.desk.post(`/api/cases/${file.id}/plans/preview`, planBody(world))
    expectStatus(preview, 200)
    const body = preview.json<PlanPreview>()
    expect(body.occurrences.every((o) => o.conflicts.length === 0)).toBe(true)
    expect(body.readiness.map((r) => r.rule)).toEqual(['R-INT-4', 'R-INT-4'])
    const booking = await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))
    expect(booking.statusCode).toBe(409)
    await signGroundRules(world, file)
    const ready = (
      await world.desk.post(`/api/cases/${file.id}/plans/preview`, planBody(world))
    ).json<PlanPreview>()
    expect(ready.readiness).toEqual([])
  })

  it('a cancellation cannot say the centre was told before the session was booked', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const booked = (await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))).json<PlanBooked>()
    const session = booked.sessions[0]
    if (!session) throw new Error('no session booked')
    const before = new Date(t.clock.now().getTime() - 3_600_000).toISOString()
    const refused = await world.desk.post(`/api/sessions/${session.id}/cancel`, {
      by: 'resident',
      reason: 'Rang last week',
      toldAt: before,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json<{ error: { details: { field: string } } }>().error.details.field).toBe('toldAt')
    const unchanged = (await world.desk.get(`/api/sessions/${session.id}`)).json<SessionView>()
    expect(unchanged.status).toBe('scheduled')
  })
})

describe('a parent who flies in', () => {
  it('books on the dates he is here, skipping the rest, and refuses a plan with no dates', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const flights = ['2027-04-10', '2027-03-13', '2027-05-16', '2027-03-13']
    const booked = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, { frequency: 'on_dates', firstOn: '2027-03-13', lastOn: null, dates: flights }),
    )
    expectStatus(booked, 201)
    const body = booked.json<PlanBooked>()
    expect(body.sessions.map((s) => s.date)).toEqual(['2027-03-13', '2027-04-10', '2027-05-16'])
    expect(body.plan).toMatchObject({
      frequency: 'on_dates',
      dates: ['2027-03-13', '2027-04-10', '2027-05-16'],
    })
    const none = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, { frequency: 'on_dates', firstOn: '2027-06-05', lastOn: null, dates: [] }),
    )
    expect(none.statusCode).toBe(400)
    expect(none.json<{ error: { details: { field: string } } }>().error.details.field).toBe('dates')
  })
})

describe('opening sessions over time', () => {
  it('every other Sunday counts from the first Sunday on or after the first date; retiring keeps the past', async () => {
    const world = await buildSchedulingWorld(t)
    const made = await world.desk.post(`/api/venues/${world.venue.id}/openings`, {
      weekday: 3,
      startsAt: '18:00',
      endsAt: '20:00',
      everyWeeks: 2,
      firstOn: '2026-01-01',
      capacityUnits: 4,
    })
    expectStatus(made, 201)
    const opening = made.json<{ id: string; firstOn: string }>()
    expect(opening.firstOn).toBe('2026-01-07')
    const evenings = async (from: string, to: string) =>
      (await world.desk.get(`/api/venues/${world.venue.id}/calendar?from=${from}&to=${to}`))
        .json<CalendarView>()
        .days.filter((d) => d.openings.some((o) => o.openingId === opening.id))
        .map((d) => d.date)
    expect(await evenings('2026-01-05', '2026-01-25')).toEqual(['2026-01-07', '2026-01-21'])

    const today = localParts(t.clock.now().toISOString(), 'Europe/London').date
    const pastWeek = [plusDays(today, -34), plusDays(today, -7)] as const
    const nextWeeks = [plusDays(today, 1), plusDays(today, 28)] as const
    const before = await evenings(...pastWeek)
    expect(before).toHaveLength(2)
    expect(await evenings(...nextWeeks)).toHaveLength(2)
    const retired = await world.desk.patch(`/api/openings/${opening.id}`, { archived: true })
    expectStatus(retired, 200)
    expect(retired.json<{ archived: boolean; lastOn: string }>()).toMatchObject({
      archived: true,
      lastOn: plusDays(today, -1),
    })
    expect(await evenings(...pastWeek)).toEqual(before)
    expect(await evenings(...nextWeeks)).toEqual([])
  })
})

describe('telling the parents when a series ends', () => {
  it('emails each parent with an address the dates that will not take place, in their own times', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const father = file.parties.find((p) => p.role === 'non_resident_parent')
    const booked = (await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))).json<PlanBooked>()
    const before = await t.deps.db.selectFrom('outbox').select('id').execute()
    expectStatus(
      await world.desk.post(`/api/plans/${booked.plan.id}/end`, { from: '2027-04-10', reason: 'Moving on' }),
      200,
    )
    const after = await t.deps.db.selectFrom('outbox').select(['id', 'to_address', 'text_body']).execute()
    const fresh = after.filter((m) => !before.some((b) => b.id === m.id))
    expect(fresh).toHaveLength(1)
    expect(fresh[0]?.to_address).toMatch(/^nick-.*@example\.org$/)
    expect(father?.fullName).toBe('Nick Example')
    const text = fresh[0]?.text_body ?? ''
    expect(text).toContain('cancelled and will not take place')
    expect(text).toContain('Saturday 17 April 2027 (you were due at 09:45)')
    expect(text).toContain('Saturday 1 May 2027')
    expect(text).not.toContain('3 April')
    expect(text).not.toContain('10:00')
    expect(text).not.toContain('Front door')
    expect(text).not.toContain('Please arrive')
  })
})

describe('checks and refusals around one session', () => {
  it('a dry-run move needs no reason and is audited as a check, not a move; a real move needs a reason', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const booked = (await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))).json<PlanBooked>()
    const session = booked.sessions[0]
    if (!session) throw new Error('no session booked')
    const check = await world.desk.post(`/api/sessions/${session.id}/move`, {
      date: '2027-03-07',
      startsAt: '11:00',
      version: session.version,
      dryRun: true,
    })
    expectStatus(check, 200)
    expect(check.json<{ ok: boolean; session: unknown }>()).toMatchObject({ ok: true, session: null })
    const actions = (
      await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'resource_ids'])
        .where('organisation_id', '=', world.organisationId)
        .execute()
    )
      .filter((row) => row.resource_ids.includes(session.id))
      .map((row) => row.action)
    expect(actions).toEqual(['session.move.check'])
    const noReason = await world.desk.post(`/api/sessions/${session.id}/move`, {
      date: '2027-03-07',
      startsAt: '11:00',
      version: session.version,
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json<{ error: { details: { field: string } } }>().error.details.field).toBe('reason')
  })

  it('chosen dates more than two years after the first are refused, not silently dropped', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const refused = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, {
        frequency: 'on_dates',
        firstOn: '2027-03-13',
        lastOn: null,
        dates: ['2027-03-13', '2029-04-07'],
      }),
    )
    expect(refused.statusCode).toBe(400)
    expect(refused.json<{ error: { details: { field: string } } }>().error.details.field).toBe('dates')
  })

  it('a session that has started cannot be cancelled: attendance is recorded instead', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const saturday = nextWeekday(todayIn(t, 'Europe/London'), 6)
    const booked = (
      await world.desk.post(
        `/api/cases/${file.id}/plans`,
        planBody(world, { frequency: 'one_off', firstOn: saturday, lastOn: null }),
      )
    ).json<PlanBooked>()
    const session = booked.sessions[0]
    if (!session) throw new Error('no session booked')
    t.clock.advance(secondsUntil(t, session.startsAt, 60))
    await signInAgain(t, world)
    const late = await world.desk.post(`/api/sessions/${session.id}/cancel`, {
      by: 'resident',
      reason: 'Stuck',
    })
    expect(late.statusCode).toBe(409)
    expect(late.json<{ error: { details: { rule: string } } }>().error.details.rule).toBe('session-started')
  })
})
