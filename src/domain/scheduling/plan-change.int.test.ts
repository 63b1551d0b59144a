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
  countRows,
  errorOf,
  invalidField,
  onlySession,
  scheduleOf,
} from '../../../tests/support/scheduling-checks'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import type { PlanBooked } from './scheduling.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

/** A change body: the plan's fields from planBody (without firstOn), a date it applies from, and why. */
const changeBody = (world: SchedulingWorld, overrides: Record<string, unknown>) => {
  const { firstOn: _firstOn, ...rest } = planBody(world, overrides)
  return { reason: 'Father’s new shifts', ...rest }
}

const change = (world: SchedulingWorld, planId: string, body: Record<string, unknown>) =>
  world.desk.post(`/api/plans/${planId}/change`, body)

describe('changing a plan from a date on', () => {
  it('ends the old plan the day before and books the new one; earlier sessions are untouched', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const old = await book(world, file.id, planBody(world))
    const before = await scheduleOf(world, file.id)

    const changed = await change(
      world,
      old.plan.id,
      changeBody(world, {
        from: '2027-04-03',
        frequency: 'weekly',
        lastOn: '2027-04-24',
        startsAt: '14:00',
        roomId: world.privateRoom,
      }),
    )
    expectStatus(changed, 201)
    const booked = changed.json<PlanBooked>()
    expect(booked.plan).toMatchObject({
      status: 'active',
      frequency: 'weekly',
      firstOn: '2027-04-03',
      lastOn: '2027-04-24',
      startsAt: '14:00',
      roomId: world.privateRoom,
      replacesPlanId: old.plan.id,
    })
    expect(booked.sessions.map((s) => [s.date, s.localStart])).toEqual([
      ['2027-04-03', '14:00'],
      ['2027-04-10', '14:00'],
      ['2027-04-17', '14:00'],
      ['2027-04-24', '14:00'],
    ])

    const after = await scheduleOf(world, file.id)
    const oldPlan = after.plans.find((p) => p.id === old.plan.id)
    expect(oldPlan).toMatchObject({ status: 'ended', lastOn: '2027-04-02' })
    expect(oldPlan?.endedReason).toBe('Father’s new shifts')
    // Before the date: exactly as they were.
    for (const session of before.sessions.filter((s) => s.date < '2027-04-03'))
      expect(after.sessions.find((s) => s.id === session.id)).toEqual(session)
    // From the date: the old plan's occurrences are cancelled by the centre, with the reason.
    const replaced = after.sessions.filter((s) => s.planId === old.plan.id && s.date >= '2027-04-03')
    expect(replaced.map((s) => s.date)).toEqual(['2027-04-03', '2027-04-17', '2027-05-01'])
    for (const session of replaced)
      expect(session).toMatchObject({
        status: 'cancelled',
        cancellation: { by: 'centre', reason: 'Father’s new shifts' },
      })
    expect(
      after.sessions.filter((s) => s.status === 'scheduled').map((s) => `${s.date} ${s.localStart}`),
    ).toEqual([
      '2027-03-06 10:00',
      '2027-03-20 10:00',
      '2027-04-03 14:00',
      '2027-04-10 14:00',
      '2027-04-17 14:00',
      '2027-04-24 14:00',
    ])

    // An ended plan cannot be changed again; a change cannot start before the plan did.
    const again = await change(world, old.plan.id, changeBody(world, { from: '2027-04-10' }))
    expect(again.statusCode).toBe(409)
    expect(errorOf(again).details?.rule).toBe('plan-ended')
    expect(invalidField(await change(world, booked.plan.id, changeBody(world, { from: '2027-03-27' })))).toBe(
      'from',
    )
  })

  it('the new plan may take the old one’s room and time: its own replaced sessions never clash with it', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const old = await book(world, file.id, planBody(world, { roomId: world.privateRoom }))
    const changed = await change(
      world,
      old.plan.id,
      changeBody(world, { from: '2027-03-20', roomId: world.privateRoom, startsAt: '10:30' }),
    )
    expectStatus(changed, 201)
    expect(changed.json<PlanBooked>().sessions.map((s) => s.date)).toEqual([
      '2027-03-20',
      '2027-04-03',
      '2027-04-17',
      '2027-05-01',
    ])
  })

  it('rolls everything back when the new plan clashes: the old plan and its sessions stay as they were', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const other = await readyCase(world)
    const old = await book(world, file.id, planBody(world))
    const blocker = onlySession(
      await book(
        world,
        other.id,
        planBody(world, {
          frequency: 'one_off',
          firstOn: '2027-04-17',
          lastOn: null,
          startsAt: '14:00',
          roomId: world.privateRoom,
        }),
      ),
    )
    const before = await scheduleOf(world, file.id)
    const rows = {
      sessions: await countRows(t, 'sessions', world.organisationId),
      plans: await countRows(t, 'contact_plans', world.organisationId),
    }

    const refused = await change(
      world,
      old.plan.id,
      changeBody(world, { from: '2027-04-03', startsAt: '14:00', roomId: world.privateRoom }),
    )
    expect(conflictsOf(refused)).toEqual([
      expect.objectContaining({ rule: 'SCH-ROOM', date: '2027-04-17', clashesWith: [blocker.id] }),
    ])

    const after = await scheduleOf(world, file.id)
    expect(after).toEqual(before)
    expect(after.plans).toEqual([
      expect.objectContaining({ id: old.plan.id, status: 'active', lastOn: '2027-05-01' }),
    ])
    expect(after.sessions.map((s) => s.status)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
      'scheduled',
      'scheduled',
    ])
    expect({
      sessions: await countRows(t, 'sessions', world.organisationId),
      plans: await countRows(t, 'contact_plans', world.organisationId),
    }).toEqual(rows)

    // A change whose new plan is refused for readiness or bad input rolls back the same way.
    expect(
      invalidField(
        await change(
          world,
          old.plan.id,
          changeBody(world, { from: '2027-04-03', frequency: 'monthly_weekday' }),
        ),
      ),
    ).toBe('weekOfMonth')
    expect(await scheduleOf(world, file.id)).toEqual(before)

    // Skipping the clash, the change goes through around it.
    const skipping = await change(
      world,
      old.plan.id,
      changeBody(world, {
        from: '2027-04-03',
        startsAt: '14:00',
        roomId: world.privateRoom,
        skipConflicting: true,
      }),
    )
    expectStatus(skipping, 201)
    expect(skipping.json<PlanBooked>().skipped.map((s) => s.date)).toEqual(['2027-04-17'])
    expect(skipping.json<PlanBooked>().sessions.map((s) => s.date)).toEqual(['2027-04-03', '2027-05-01'])
  })
})

describe('a moved occurrence and the change date', () => {
  it('an occurrence from the change date on is replaced even when moved before it; the series never doubles', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const old = await book(world, file.id, planBody(world))
    const target = old.sessions.find((s) => s.date === '2027-04-03')
    if (!target) throw new Error('no 3 April session')
    // The 3 April occurrence is brought forward to Saturday 27 March.
    expectStatus(
      await world.desk.post(`/api/sessions/${target.id}/move`, {
        date: '2027-03-27',
        startsAt: '10:00',
        version: target.version,
        reason: 'Easter away',
      }),
      200,
    )
    // From Sunday 28 March the family comes on Sundays instead.
    const changed = await change(world, old.plan.id, changeBody(world, { from: '2027-03-28' }))
    expectStatus(changed, 201)
    expect(changed.json<PlanBooked>().sessions.map((s) => s.date)).toEqual([
      '2027-03-28',
      '2027-04-11',
      '2027-04-25',
    ])
    const after = await scheduleOf(world, file.id)
    const live = after.sessions.filter((s) => s.status === 'scheduled')
    expect(live.map((s) => [s.date, s.planId === old.plan.id ? 'old' : 'new'])).toEqual([
      ['2027-03-06', 'old'],
      ['2027-03-20', 'old'],
      ['2027-03-28', 'new'],
      ['2027-04-11', 'new'],
      ['2027-04-25', 'new'],
    ])
    expect(after.sessions.find((s) => s.id === target.id)).toMatchObject({
      status: 'cancelled',
      occurrenceOn: '2027-04-03',
      date: '2027-03-27',
    })
  })

  it('ending a series cancels each occurrence from the date, wherever it was moved, and nothing on or after it', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const old = await book(world, file.id, planBody(world))
    const move = async (occurrence: string, date: string) => {
      const session = old.sessions.find((s) => s.date === occurrence)
      if (!session) throw new Error(`no ${occurrence} session`)
      expectStatus(
        await world.desk.post(`/api/sessions/${session.id}/move`, {
          date,
          startsAt: '10:00',
          version: session.version,
          reason: 'Moved',
        }),
        200,
      )
    }
    await move('2027-04-17', '2027-04-04') // a later occurrence brought before the end date
    await move('2027-03-20', '2027-04-11') // an earlier occurrence put after it
    const ended = await world.desk.post(`/api/plans/${old.plan.id}/end`, {
      from: '2027-04-10',
      reason: 'Moving on to handovers',
    })
    expectStatus(ended, 200)
    const after = await scheduleOf(world, file.id)
    expect(after.plans[0]).toMatchObject({ status: 'ended', lastOn: '2027-04-09' })
    expect(
      after.sessions.filter((s) => s.status === 'scheduled').map((s) => [s.occurrenceOn, s.date]),
    ).toEqual([
      ['2027-03-06', '2027-03-06'],
      ['2027-04-03', '2027-04-03'],
    ])
  })
})
