import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  advanceDays,
  assign,
  buildVolunteerWorld,
  enrol,
  plusDays,
  ruleOf,
  saturdayAfter,
  shiftOn,
  today,
  type Enrolled,
  type VolunteerWorld,
} from '../../../tests/support/volunteers'
import type { HoursEntry, HoursTotals, MyVolunteering } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

/** Puts a volunteer on a shift, expecting 201; returns the assignment's id. */
async function placed(world: VolunteerWorld, shiftKey: string, duty: string, volunteerId: string) {
  const response = await assign(world, shiftKey, duty, volunteerId)
  expectStatus(response, 201)
  return response.json<{ id: string }>().id
}

async function entriesOf(world: VolunteerWorld, from: string, to: string, status?: string) {
  const response = await world.desk.get(
    `/api/volunteer-hours?from=${from}&to=${to}${status ? `&status=${status}` : ''}`,
  )
  expectStatus(response, 200)
  return response.json<{ entries: HoursEntry[] }>().entries
}

/** A team of three on next Saturday's shift, then the clock moved to the Monday after it. */
async function afterAShift(world: VolunteerWorld) {
  const ann = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
  const bob = await enrol(world, { name: 'Bob Floor' })
  const saturday = saturdayAfter(world, 1)
  const shift = await shiftOn(world, saturday)
  const annShift = await placed(world, shift.key, 'team_leader', ann.file.id)
  const bobShift = await placed(world, shift.key, 'floor', bob.file.id)
  // A shift the weekend after, still ahead once the clock has moved.
  const later = await shiftOn(world, plusDays(saturday, 7))
  const annLater = await placed(world, later.key, 'team_leader', ann.file.id)
  const days = Math.round((Date.parse(plusDays(saturday, 2)) - Date.parse(today(world))) / 86_400_000)
  await advanceDays(world, days, [ann, bob])
  return { ann, bob, saturday, annShift, bobShift, annLater, laterDate: plusDays(saturday, 7) }
}

describe('hours', () => {
  it('a volunteer logs their own past shift for approval, never a future one, never twice', async () => {
    const world = await buildVolunteerWorld(t)
    const { ann, bob, saturday, annShift, annLater, laterDate } = await afterAShift(world)
    const mine = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    expect(mine.pastShifts.map((s) => [s.assignmentId, s.hoursLogged])).toEqual([[annShift, false]])
    expect(mine.shifts.map((s) => s.assignmentId)).toEqual([annLater])

    const logged = await ann.browser.post('/api/volunteer-hours', {
      kind: 'session',
      onDate: saturday,
      assignmentId: annShift,
    })
    expectStatus(logged, 201)
    expect(logged.json<HoursEntry>()).toMatchObject({
      volunteerId: ann.file.id,
      fullName: 'Ann Leader',
      kind: 'session',
      onDate: saturday,
      minutes: 8 * 60,
      miles: null,
      mileagePence: null,
      status: 'submitted',
      assignmentId: annShift,
    })
    const after = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    expect(after.pastShifts[0]?.hoursLogged).toBe(true)

    // The same shift again, by her or by the desk.
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'session',
          onDate: saturday,
          assignmentId: annShift,
          minutes: 60,
        }),
      ),
    ).toMatchObject({ rule: 'HOURS-TWICE' })
    expect(
      ruleOf(
        await world.desk.post('/api/volunteer-hours', {
          volunteerId: ann.file.id,
          kind: 'session',
          onDate: saturday,
          assignmentId: annShift,
        }),
      ),
    ).toMatchObject({ rule: 'HOURS-TWICE' })
    // A shift still ahead, or any day still ahead.
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'session',
          onDate: today(world),
          assignmentId: annLater,
        }),
        400,
      ),
    ).toMatchObject({ field: 'assignmentId' })
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'session',
          onDate: laterDate,
          assignmentId: annLater,
        }),
        400,
      ),
    ).toMatchObject({ field: 'onDate' })
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'training',
          onDate: plusDays(today(world), 1),
          minutes: 120,
        }),
        400,
      ),
    ).toMatchObject({ field: 'onDate' })
    // Not Bob's shift, and not for Bob: a volunteer logs only their own.
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'session',
          onDate: saturday,
          assignmentId: (await bob.browser.get('/api/my/volunteering')).json<MyVolunteering>().pastShifts[0]
            ?.assignmentId,
        }),
        400,
      ),
    ).toMatchObject({ field: 'assignmentId' })
    expectStatus(
      await ann.browser.post('/api/volunteer-hours', {
        volunteerId: bob.file.id,
        kind: 'training',
        onDate: saturday,
        minutes: 60,
      }),
      404,
    )
    // Mileage is for escorted visits and training, not sessions at the centre.
    expect(
      ruleOf(
        await ann.browser.post('/api/volunteer-hours', {
          kind: 'other',
          onDate: saturday,
          minutes: 30,
          miles: 4,
        }),
        400,
      ),
    ).toMatchObject({ field: 'miles' })
    const entries = await entriesOf(world, plusDays(saturday, -7), today(world))
    expect(entries.map((e) => [e.fullName, e.kind, e.status])).toEqual([
      ['Ann Leader', 'session', 'submitted'],
    ])
  })

  it('the coordinator approves or declines; the rota day is logged at once, each shift once', async () => {
    const world = await buildVolunteerWorld(t)
    const { ann, bob, saturday } = await afterAShift(world)
    const submitted = await ann.browser.post('/api/volunteer-hours', {
      kind: 'training',
      onDate: today(world),
      minutes: 150,
      description: 'Safeguarding refresher',
    })
    expectStatus(submitted, 201)
    const declinedOne = await bob.browser.post('/api/volunteer-hours', {
      kind: 'other',
      onDate: today(world),
      minutes: 45,
    })
    expectStatus(declinedOne, 201)
    const approve = await world.desk.post(
      `/api/volunteer-hours/${submitted.json<HoursEntry>().id}/decision`,
      {
        approve: true,
        note: 'Thank you',
      },
    )
    expectStatus(approve, 200)
    expect(approve.json<HoursEntry>()).toMatchObject({ status: 'approved', decisionNote: 'Thank you' })
    expect(
      ruleOf(
        await world.desk.post(`/api/volunteer-hours/${submitted.json<HoursEntry>().id}/decision`, {
          approve: false,
        }),
      ),
    ).toMatchObject({ rule: 'HOURS-DECIDED' })
    const decline = await world.desk.post(
      `/api/volunteer-hours/${declinedOne.json<HoursEntry>().id}/decision`,
      {
        approve: false,
        note: 'Not volunteering time',
      },
    )
    expectStatus(decline, 200)
    expect(decline.json<HoursEntry>().status).toBe('declined')
    // A volunteer does not decide.
    expectStatus(
      await bob.browser.post(`/api/volunteer-hours/${declinedOne.json<HoursEntry>().id}/decision`, {
        approve: true,
      }),
      403,
    )

    // After the session the team leader ticks the day: both shifts logged, approved; a second tick adds nothing.
    const tick = () => world.desk.post(`/api/centres/${world.centreId}/rota/log-hours`, { onDate: saturday })
    const first = await tick()
    expectStatus(first, 200)
    expect(first.json()).toEqual({ logged: 2 })
    expect((await tick()).json()).toEqual({ logged: 0 })
    const day = await entriesOf(world, saturday, saturday)
    expect(day.map((e) => [e.fullName, e.kind, e.minutes, e.status]).sort()).toEqual([
      ['Ann Leader', 'session', 480, 'approved'],
      ['Bob Floor', 'session', 480, 'approved'],
    ])
    // The day ahead cannot be ticked yet.
    expect(
      ruleOf(
        await world.desk.post(`/api/centres/${world.centreId}/rota/log-hours`, {
          onDate: plusDays(today(world), 1),
        }),
        400,
      ),
    ).toMatchObject({ field: 'onDate' })
    expect(await entriesOf(world, saturday, today(world), 'declined')).toEqual([
      expect.objectContaining({
        fullName: 'Bob Floor',
        kind: 'other',
        decisionNote: 'Not volunteering time',
      }),
    ])
  })

  it('totals approved hours per volunteer and period, with mileage at the organisation’s rate', async () => {
    const world = await buildVolunteerWorld(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    expectStatus(await adminBrowser.patch('/api/volunteering-settings', { mileagePencePerMile: 40 }), 200)
    const { ann, bob, saturday } = await afterAShift(world)
    const log = async (who: Enrolled, body: Record<string, unknown>) => {
      const response = await who.browser.post('/api/volunteer-hours', body)
      expectStatus(response, 201)
      return response.json<HoursEntry>()
    }
    const decide = async (entry: HoursEntry, approve: boolean) =>
      expectStatus(await world.desk.post(`/api/volunteer-hours/${entry.id}/decision`, { approve }), 200)
    const escort = await log(ann, {
      kind: 'escort',
      onDate: today(world),
      minutes: 90,
      miles: 12.5,
      expensesPence: 350,
      description: 'Prison visit',
    })
    expect(escort).toMatchObject({ miles: 12.5, mileagePence: 500, expensesPence: 350 })
    await decide(escort, true)
    await decide(await log(ann, { kind: 'training', onDate: today(world), minutes: 60, miles: 3 }), true)
    await decide(await log(bob, { kind: 'other', onDate: today(world), minutes: 30 }), true)
    // Declined and waiting entries do not count.
    await decide(await log(bob, { kind: 'training', onDate: today(world), minutes: 600, miles: 100 }), false)
    await log(bob, { kind: 'other', onDate: today(world), minutes: 240 })
    // The desk logs for a volunteer, approved at once.
    const byDesk = await world.desk.post('/api/volunteer-hours', {
      volunteerId: bob.file.id,
      kind: 'session',
      onDate: saturday,
      minutes: 300,
    })
    expectStatus(byDesk, 201)
    expect(byDesk.json<HoursEntry>().status).toBe('approved')
    // Before the period.
    const earlier = await world.desk.post('/api/volunteer-hours', {
      volunteerId: ann.file.id,
      kind: 'other',
      onDate: plusDays(saturday, -20),
      minutes: 999,
    })
    expectStatus(earlier, 201)

    const from = plusDays(saturday, -1)
    const response = await world.desk.get(
      `/api/volunteer-hours/totals?from=${from}&to=${today(world)}&centreId=${world.centreId}`,
    )
    expectStatus(response, 200)
    expect(response.json<HoursTotals>()).toEqual({
      from,
      to: today(world),
      volunteers: [
        {
          volunteerId: bob.file.id,
          fullName: 'Bob Floor',
          sessionMinutes: 300,
          trainingMinutes: 0,
          otherMinutes: 30,
          totalMinutes: 330,
          miles: 0,
          expensesPence: 0,
          mileagePence: 0,
        },
        {
          volunteerId: ann.file.id,
          fullName: 'Ann Leader',
          sessionMinutes: 90,
          trainingMinutes: 60,
          otherMinutes: 0,
          totalMinutes: 150,
          miles: 15.5,
          expensesPence: 350,
          mileagePence: 620,
        },
      ],
      total: { minutes: 480, miles: 15.5, expensesPence: 350, mileagePence: 620, volunteers: 2 },
    })
    // Hours are the desk's to read.
    expectStatus(await ann.browser.get(`/api/volunteer-hours/totals?from=${from}&to=${today(world)}`), 403)
  })
})
