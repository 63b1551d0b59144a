import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import { planBody, readyCase } from '../../../tests/support/scheduling'
import { book, onlySession } from '../../../tests/support/scheduling-checks'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import {
  assign,
  buildVolunteerWorld,
  enrol,
  moveTo,
  namesOn,
  plusDays,
  record,
  refusalOf,
  rotaOf,
  ruleOf,
  saturdayAfter,
  shiftIn,
  shiftOn,
  today,
  type VolunteerWorld,
} from '../../../tests/support/volunteers'
import { weekdayOf } from '../scheduling/schedule.rules'
import type {
  CandidateList,
  MyVolunteering,
  StaffingOverview,
  SuggestionView,
  SwapView,
} from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

/** A Saturday at least a week away whose Sunday is in the same month (the monthly limit counts by month). */
function weekendAhead(world: VolunteerWorld, days = 7): string {
  let saturday = saturdayAfter(world, days)
  while (plusDays(saturday, 1).slice(0, 7) !== saturday.slice(0, 7)) saturday = plusDays(saturday, 7)
  return saturday
}

const oneOff = (world: VolunteerWorld, date: string, overrides: Record<string, unknown> = {}) =>
  planBody(world, { frequency: 'one_off', firstOn: date, lastOn: null, ...overrides })

describe('places on a shift and the rules for each', () => {
  it('a supervised session needs its own supervisor: the supervisor duty and the qualification', async () => {
    const world = await buildVolunteerWorld(t)
    const saturday = weekendAhead(world)
    const [first, second, third] = [await readyCase(world), await readyCase(world), await readyCase(world)]
    const morning = onlySession(
      await book(
        world,
        first.id,
        oneOff(world, saturday, { serviceType: 'supervised', roomId: world.privateRoom }),
      ),
    )
    const afternoon = onlySession(
      await book(
        world,
        second.id,
        oneOff(world, saturday, { serviceType: 'supervised', roomId: world.privateRoom, startsAt: '14:00' }),
      ),
    )
    // A supported session in the family room needs no supervisor of its own.
    await book(world, third.id, oneOff(world, saturday))
    const shift = await shiftOn(world, saturday)
    expect(shift.positions.map((p) => [p.duty, p.sessionId, p.needed])).toEqual([
      ['supervisor', morning.id, 1],
      ['supervisor', afternoon.id, 1],
      ['team_leader', null, 1],
      ['floor', null, 1],
    ])
    const [morningPlace] = shift.positions
    expect(morningPlace).toMatchObject({ sessionLabel: first.reference })
    expect(shift.unfilled).toBe(4)
    // Sunday has no supervised session, so no supervisor place.
    expect((await shiftOn(world, plusDays(saturday, 1))).positions.map((p) => p.duty)).toEqual([
      'team_leader',
      'floor',
    ])

    const sam = await enrol(world, { name: 'Sam Supervisor', duties: ['supervisor'] })
    const quinn = await enrol(world, { name: 'Quinn Qualified' })
    await record(world, quinn.file.id, 'supervisor_qualification', plusDays(today(world), -400))
    const supervise = (volunteerId: string, sessionId: string, extra: Record<string, unknown> = {}) =>
      assign(world, shift.key, 'supervisor', volunteerId, { sessionId, ...extra })

    // The duty without the qualification, and the qualification without the duty.
    const unqualified = refusalOf(await supervise(sam.file.id, morning.id, { override: true }))
    expect(unqualified).toMatchObject({ rule: 'ROTA-REQUIREMENT', canOverride: false })
    expect(unqualified.message).toBe(
      'Supervisor qualification (Level 3 Diploma or equivalent): Not done: needed for supervisor places',
    )
    const notASupervisor = refusalOf(await supervise(quinn.file.id, morning.id, { override: true }))
    expect(notASupervisor).toMatchObject({ rule: 'ROTA-DUTY', canOverride: false })
    expect(notASupervisor.message).toBe('Quinn Qualified is not down as a supervisor')
    // A place the shift does not have.
    expectStatus(await assign(world, shift.key, 'supervisor', sam.file.id), 404)

    await record(world, sam.file.id, 'supervisor_qualification', plusDays(today(world), -400))
    const candidates = (
      await world.desk.get(
        `/api/centres/${world.centreId}/rota/candidates?shiftKey=${encodeURIComponent(shift.key)}&duty=supervisor&sessionId=${morning.id}`,
      )
    ).json<CandidateList>().candidates
    expect(candidates.map((c) => [c.fullName, c.allowed])).toEqual([
      ['Sam Supervisor', true],
      ['Quinn Qualified', false],
    ])
    const placed = await supervise(sam.file.id, morning.id)
    expectStatus(placed, 201)
    expect(placed.json()).toMatchObject({ duty: 'supervisor', sessionId: morning.id, warnings: [] })
    // One supervisor per family; the same supervisor may take the afternoon's family as well, one
    // family at a time, but not a whole-day place beside them.
    expect(refusalOf(await supervise(quinn.file.id, morning.id, { override: true })).rule).toBe('ROTA-DUTY')
    expectStatus(await supervise(sam.file.id, afternoon.id), 201)
    expect(refusalOf(await assign(world, shift.key, 'floor', sam.file.id)).rule).toBe('ROTA-TWICE')
    const after = await shiftOn(world, saturday)
    expect(namesOn(after, 'supervisor', morning.id)).toEqual(['Sam Supervisor'])
    expect(namesOn(after, 'supervisor', afternoon.id)).toEqual(['Sam Supervisor'])
    expect(after.unfilled).toBe(2)
  })

  it('hard rules refuse; soft ones (mentor, availability, monthly limit) need an override', async () => {
    const world = await buildVolunteerWorld(t)
    const saturday = weekendAhead(world)
    const sunday = plusDays(saturday, 1)
    const ann = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
    const mia = await enrol(world, { name: 'Mia Mentee', stage: 'mentored', mentorId: ann.file.id })
    const wes = await enrol(world, {
      name: 'Wes Weekdays',
      availability: [{ weekday: 3, from: '09:00', to: '17:00' }],
    })
    const fay = await enrol(world, { name: 'Fay Floor' })
    const gus = await enrol(world, { name: 'Gus Training', stage: 'training' })
    const sat = await shiftOn(world, saturday)
    const sun = await shiftOn(world, sunday)

    // Not rosterable yet, whatever the override.
    const training = refusalOf(await assign(world, sat.key, 'floor', gus.file.id, { override: true }))
    expect(training).toMatchObject({ rule: 'ROTA-STAGE', canOverride: false })
    expect(training.message).toBe('Gus Training is at “Training” and cannot be rostered yet')
    // A mentee leads nothing, and works beside their mentor unless the coordinator says otherwise.
    expect(refusalOf(await assign(world, sat.key, 'team_leader', mia.file.id, { override: true })).rule).toBe(
      'ROTA-DUTY',
    )
    const alone = refusalOf(await assign(world, sat.key, 'floor', mia.file.id))
    expect(alone).toMatchObject({
      rule: 'ROTA-MENTOR',
      canOverride: true,
      problems: [{ rule: 'ROTA-MENTOR', hard: false, message: 'Mia Mentee’s mentor is not on this shift' }],
    })
    // The coordinator may override it: she is placed, and the warning stays with her place.
    const nextSat = await shiftOn(world, plusDays(saturday, 7))
    const overriddenMentee = await assign(world, nextSat.key, 'floor', mia.file.id, { override: true })
    expectStatus(overriddenMentee, 201)
    expect(overriddenMentee.json<{ warnings: { rule: string }[] }>().warnings.map((w) => w.rule)).toEqual([
      'ROTA-MENTOR',
    ])
    expectStatus(await assign(world, sat.key, 'team_leader', ann.file.id), 201)
    const beside = await assign(world, sat.key, 'floor', mia.file.id)
    expectStatus(beside, 201)
    expect(beside.json<{ warnings: unknown[] }>().warnings).toEqual([])

    // The floor place is full; Ann is already on this shift.
    const full = refusalOf(await assign(world, sat.key, 'floor', fay.file.id, { override: true }))
    expect(full).toMatchObject({ rule: 'ROTA-FULL', canOverride: false })
    expect(full.message).toBe('The floor place is already filled')
    const twice = refusalOf(await assign(world, sat.key, 'floor', ann.file.id, { override: true }))
    expect(twice.problems.map((p) => p.rule)).toEqual(['ROTA-TWICE', 'ROTA-FULL'])

    // Wes said weekdays only: placing him on Sunday takes an override, and the rota keeps the warning.
    const away = refusalOf(await assign(world, sun.key, 'floor', wes.file.id))
    expect(away).toMatchObject({ rule: 'ROTA-AVAILABILITY', canOverride: true })
    const overridden = await assign(world, sun.key, 'floor', wes.file.id, { override: true })
    expectStatus(overridden, 201)
    expect(overridden.json<{ warnings: { rule: string }[] }>().warnings.map((w) => w.rule)).toEqual([
      'ROTA-AVAILABILITY',
    ])
    const rota = await rotaOf(world, saturday, sunday)
    const wesPlace = shiftIn(rota, sun.key).positions.find((p) => p.duty === 'floor')?.assigned[0]
    expect(wesPlace).toMatchObject({ fullName: 'Wes Weekdays', suggested: false })
    expect(wesPlace?.warnings.map((w) => w.rule)).toEqual(['ROTA-AVAILABILITY'])

    // Fay is away the weekend after: a date away beats the weekly pattern.
    const nextSunday = plusDays(sunday, 7)
    const exception = await fay.browser.post(`/api/volunteers/${fay.file.id}/availability/exceptions`, {
      firstDay: plusDays(saturday, 7),
      lastDay: nextSunday,
      note: 'Half term',
    })
    expectStatus(exception, 201)
    const nextSun = await shiftOn(world, nextSunday)
    expect(refusalOf(await assign(world, nextSun.key, 'floor', fay.file.id)).rule).toBe('ROTA-AVAILABILITY')

    // Ann asks for one shift a month: a second one that month is a soft warning.
    expectStatus(
      await ann.browser.put(`/api/volunteers/${ann.file.id}/availability`, {
        weekly: [
          { weekday: 6, from: '08:00', to: '18:00' },
          { weekday: 7, from: '08:00', to: '18:00' },
        ],
        maxShiftsPerMonth: 1,
      }),
      200,
    )
    const limit = refusalOf(await assign(world, sun.key, 'team_leader', ann.file.id))
    expect(limit).toMatchObject({ rule: 'ROTA-LIMIT', canOverride: true })
    expect(limit.message).toBe('Ann Leader already has 1 shift this month (asked for at most 1)')

    // Taking Mia off opens her place again.
    const miaPlace = shiftIn(await rotaOf(world, saturday), sat.key).positions.find((p) => p.duty === 'floor')
    const assignmentId = miaPlace?.assigned[0]?.assignmentId ?? ''
    expectStatus(await world.desk.delete(`/api/rota-assignments/${assignmentId}`), 204)
    expectStatus(await assign(world, sat.key, 'floor', fay.file.id), 201)
    expect(namesOn(await shiftOn(world, saturday), 'floor')).toEqual(['Fay Floor'])
  })
})

describe('the suggested rota', () => {
  it('previews, then applies, filling each place within every rule and saying why others stay open', async () => {
    const world = await buildVolunteerWorld(t)
    const saturday = weekendAhead(world)
    const sunday = plusDays(saturday, 1)
    const ann = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
    const bob = await enrol(world, {
      name: 'Bob Saturdays',
      availability: [{ weekday: 6, from: '08:00', to: '18:00' }],
    })
    await enrol(world, { name: 'Cara Training', stage: 'training' })
    const [sat, sun] = [await shiftOn(world, saturday), await shiftOn(world, sunday)]
    const ask = async (apply: boolean) => {
      const response = await world.desk.post(`/api/centres/${world.centreId}/rota/suggest`, {
        from: saturday,
        to: sunday,
        apply,
      })
      expectStatus(response, 200)
      return response.json<SuggestionView>()
    }
    const expected = [
      { shiftKey: sat.key, date: saturday, duty: 'team_leader', sessionId: null, volunteerId: ann.file.id },
      { shiftKey: sat.key, date: saturday, duty: 'floor', sessionId: null, volunteerId: bob.file.id },
      { shiftKey: sun.key, date: sunday, duty: 'team_leader', sessionId: null, volunteerId: ann.file.id },
    ]
    const preview = await ask(false)
    expect(preview).toMatchObject({ applied: false, positions: 4, filled: 3 })
    expect(preview.placements).toEqual(
      expected.map((p) => ({
        ...p,
        fullName: p.volunteerId === ann.file.id ? 'Ann Leader' : 'Bob Saturdays',
      })),
    )
    expect(preview.unfilled).toHaveLength(1)
    const [open] = preview.unfilled
    expect(open).toMatchObject({ shiftKey: sun.key, date: sunday, duty: 'floor', label: 'St Mary’s Hall' })
    expect(open?.reason).toBe(
      'No one could be placed: 1 already on at that time, 1 not free then, 1 not rosterable yet',
    )
    // A preview writes nothing.
    const untouched = await rotaOf(world, saturday, sunday)
    expect(untouched.shifts.flatMap((s) => s.positions.flatMap((p) => p.assigned))).toEqual([])
    expect(untouched.shifts.map((s) => s.unfilled)).toEqual([2, 2])

    const applied = await ask(true)
    expect(applied).toMatchObject({ applied: true, positions: 4, filled: 3, placements: preview.placements })
    const rota = await rotaOf(world, saturday, sunday)
    expect(namesOn(shiftIn(rota, sat.key), 'team_leader')).toEqual(['Ann Leader'])
    expect(namesOn(shiftIn(rota, sat.key), 'floor')).toEqual(['Bob Saturdays'])
    expect(namesOn(shiftIn(rota, sun.key), 'team_leader')).toEqual(['Ann Leader'])
    expect(namesOn(shiftIn(rota, sun.key), 'floor')).toEqual([])
    const placed = rota.shifts.flatMap((s) => s.positions.flatMap((p) => p.assigned))
    expect(placed.every((a) => a.suggested && a.warnings.length === 0)).toBe(true)
    // Nothing left to suggest but the place no one can take.
    const again = await ask(false)
    expect(again).toMatchObject({ positions: 1, filled: 0, placements: [] })
  })
})

describe('swaps', () => {
  it('a volunteer asks, the coordinator approves after every rule is checked again, or declines', async () => {
    const world = await buildVolunteerWorld(t)
    const saturday = saturdayAfter(world, 7)
    const ann = await enrol(world, { name: 'Ann Able', duties: ['team_leader'] })
    const bob = await enrol(world, { name: 'Bob Ready' })
    // Cara's DBS check runs out in three days, before the shift.
    const cara = await enrol(world, { name: 'Cara Lapsing', dbsExpiresOn: plusDays(today(world), 3) })
    const dan = await enrol(world, { name: 'Dan Busy', duties: ['team_leader'] })
    const shift = await shiftOn(world, saturday)
    const placed = await assign(world, shift.key, 'floor', ann.file.id)
    expectStatus(placed, 201)
    const assignmentId = placed.json<{ id: string }>().id
    const mine = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    expect(mine.shifts.map((s) => [s.assignmentId, s.date, s.duty, s.swap])).toEqual([
      [assignmentId, saturday, 'floor', null],
    ])
    expect(mine.colleagues.map((c) => c.fullName)).toEqual(['Bob Ready', 'Cara Lapsing', 'Dan Busy'])
    const ask = (toVolunteerId: string) =>
      ann.browser.post(`/api/rota-assignments/${assignmentId}/swap`, { toVolunteerId, note: 'Family visit' })
    const decide = (swapId: string, approve: boolean) =>
      world.desk.post(`/api/rota-swaps/${swapId}/decision`, { approve, note: null })

    // To Cara: the problem shows when asked, and approval refuses it.
    const toCara = await ask(cara.file.id)
    expectStatus(toCara, 201)
    const caraSwap = toCara.json<SwapView>()
    expect(caraSwap).toMatchObject({
      status: 'requested',
      fromVolunteerId: ann.file.id,
      toVolunteerId: cara.file.id,
    })
    expect(caraSwap.problems.map((p) => [p.rule, p.hard])).toEqual([['ROTA-REQUIREMENT', true]])
    expect(ruleOf(await ask(bob.file.id))).toMatchObject({ rule: 'ROTA-SWAP' })
    const waiting = (await rotaOf(world, saturday)).swaps
    expect(waiting).toEqual([
      expect.objectContaining({
        id: caraSwap.id,
        fromVolunteer: 'Ann Able',
        toVolunteer: 'Cara Lapsing',
        note: 'Family visit',
        duty: 'floor',
        date: saturday,
      }),
    ])
    const refused = refusalOf(await decide(caraSwap.id, true))
    expect(refused).toMatchObject({ rule: 'ROTA-REQUIREMENT', canOverride: false })
    expect(refused.message).toMatch(/^Enhanced DBS check: Expired on /)
    expect(namesOn(await shiftOn(world, saturday), 'floor')).toEqual(['Ann Able'])
    const declined = await decide(caraSwap.id, false)
    expectStatus(declined, 200)
    expect(declined.json<SwapView>().status).toBe('declined')
    expect(ruleOf(await decide(caraSwap.id, true))).toMatchObject({ rule: 'ROTA-SWAP' })
    expect(namesOn(await shiftOn(world, saturday), 'floor')).toEqual(['Ann Able'])

    // To Dan: fine when asked, but by approval he is on the same shift as team leader.
    const toDan = await ask(dan.file.id)
    expectStatus(toDan, 201)
    expect(toDan.json<SwapView>().problems).toEqual([])
    expectStatus(await assign(world, shift.key, 'team_leader', dan.file.id), 201)
    expect(refusalOf(await decide(toDan.json<SwapView>().id, true)).rule).toBe('ROTA-TWICE')
    expectStatus(await decide(toDan.json<SwapView>().id, false), 200)

    // To Bob: approved, Bob takes the place.
    const toBob = await ask(bob.file.id)
    expectStatus(toBob, 201)
    const bobSwap = toBob.json<SwapView>()
    expect(bobSwap.problems).toEqual([])
    const annSees = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    expect(annSees.shifts[0]?.swap).toEqual({ id: bobSwap.id, status: 'requested', toVolunteer: 'Bob Ready' })
    // Bob may not hand over Ann's shift, nor decide.
    expectStatus(
      await bob.browser.post(`/api/rota-assignments/${assignmentId}/swap`, { toVolunteerId: cara.file.id }),
      404,
    )
    expectStatus(await bob.browser.post(`/api/rota-swaps/${bobSwap.id}/decision`, { approve: true }), 403)
    const approved = await decide(bobSwap.id, true)
    expectStatus(approved, 200)
    expect(approved.json<SwapView>()).toMatchObject({ status: 'approved', problems: [] })
    expect(namesOn(await shiftOn(world, saturday), 'floor')).toEqual(['Bob Ready'])
    expect((await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>().shifts).toEqual([])
    const bobSees = (await bob.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    expect(bobSees.shifts.map((s) => [s.date, s.duty])).toEqual([[saturday, 'floor']])
    expect((await rotaOf(world, saturday)).swaps).toEqual([])
  })
})

describe('two coordinators filling the same place at once (CONC-1)', () => {
  it('twenty volunteers put on a one-person place at the same moment: exactly one gets it', async () => {
    const world = await buildVolunteerWorld(t)
    const shift = await shiftOn(world, saturdayAfter(world, 7))
    const volunteers = []
    for (let i = 0; i < 20; i++)
      volunteers.push(await enrol(world, { name: `Volunteer ${String(i).padStart(2, '0')}` }))
    const answers = await Promise.all(volunteers.map((v) => assign(world, shift.key, 'floor', v.file.id)))
    const statuses = answers.map((a) => a.statusCode).sort()
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)])
    for (const answer of answers.filter((a) => a.statusCode === 409))
      expect(refusalOf(answer).rule).toBe('ROTA-FULL')
    const rows = await t.deps.db
      .selectFrom('rota_assignments')
      .select('volunteer_id')
      .where('organisation_id', '=', world.organisationId)
      .where('shift_key', '=', shift.key)
      .where('duty', '=', 'floor')
      .where('status', '=', 'assigned')
      .execute()
    expect(rows).toHaveLength(1)
    const winner = answers.find((a) => a.statusCode === 201)?.json<{ volunteerId: string }>().volunteerId
    expect(rows[0]?.volunteer_id).toBe(winner)
  }, 90_000)
})

describe('staffing at a glance', () => {
  it('counts the team by stage against the target, unfilled places over eight weeks and what lapses', async () => {
    const world = await buildVolunteerWorld(t)
    const start = today(world)
    const ann = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
    const bob = await enrol(world, { name: 'Bob Floor' })
    await enrol(world, { name: 'Mia Mentee', stage: 'mentored', mentorId: ann.file.id })
    await enrol(world, { name: 'Cara Training', stage: 'training' })
    const fred = await enrol(world, { name: 'Fred Lapsing', dbsExpiresOn: plusDays(start, 10) })
    const lena = await enrol(world, { name: 'Lena Leaving' })
    expectStatus(await moveTo(world, lena.file.id, 'leaving', { plannedEndOn: plusDays(start, 30) }), 200)
    const gus = await enrol(world, { name: 'Gus Blocked' })
    await record(world, gus.file.id, 'child_protection', start, { passed: false })
    expectStatus(
      await world.desk.post('/api/volunteers', { centreId: world.centreId, fullName: 'Eve Enquiry' }),
      201,
    )
    const saturday = saturdayAfter(world, 7)
    const shift = await shiftOn(world, saturday)
    expectStatus(await assign(world, shift.key, 'team_leader', ann.file.id), 201)
    expectStatus(await assign(world, shift.key, 'floor', bob.file.id), 201)

    const response = await world.desk.get(`/api/centres/${world.centreId}/staffing`)
    expectStatus(response, 200)
    const overview = response.json<StaffingOverview>()
    expect(overview).toMatchObject({
      asOf: start,
      target: 18,
      active: 5,
      leaving: 1,
      pipeline: 2,
      blocked: 1,
    })
    expect(
      Object.fromEntries(overview.byStage.filter((s) => s.count > 0).map((s) => [s.stage, s.count])),
    ).toEqual({
      enquiry: 1,
      training: 1,
      mentored: 1,
      active: 4,
      leaving: 1,
    })
    // The venue opens every Saturday and Sunday, a team leader and a floor volunteer each time.
    let weekendDays = 0
    for (let d = start; d <= plusDays(start, 55); d = plusDays(d, 1)) if (weekdayOf(d) >= 6) weekendDays++
    expect(overview.unfilledShifts).toBe(2 * weekendDays - 2)
    expect(overview.unfilledByWeek.reduce((n, w) => n + w.unfilled, 0)).toBe(overview.unfilledShifts)
    expect(overview.unfilledByWeek.reduce((n, w) => n + w.positions, 0)).toBe(2 * weekendDays)
    expect(overview.unfilledByWeek.every((w) => weekdayOf(w.weekOf) === 1)).toBe(true)
    expect(overview.expiring).toContainEqual({
      volunteerId: fred.file.id,
      fullName: 'Fred Lapsing',
      requirement: 'Enhanced DBS check',
      status: 'expiring',
      on: plusDays(start, 10),
    })
    const days = overview.expiring.map((e) => e.on)
    expect([...days].sort()).toEqual(days)
    expect(days.every((d) => d <= plusDays(start, 90))).toBe(true)
    // Filling a place shows at once.
    const sunday = await shiftOn(world, plusDays(saturday, 1))
    expectStatus(await assign(world, sunday.key, 'floor', lena.file.id), 201)
    const after = (await world.desk.get(`/api/centres/${world.centreId}/staffing`)).json<StaffingOverview>()
    expect(after.unfilledShifts).toBe(overview.unfilledShifts - 1)
  })
})
