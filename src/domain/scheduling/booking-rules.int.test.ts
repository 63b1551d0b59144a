import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { buildSchedulingWorld, planBody, readyCase } from '../../../tests/support/scheduling'
import {
  addVenue,
  book,
  conflictsOf,
  countRows,
  errorOf,
  invalidField,
  onlySession,
  openingsOf,
  scheduleOf,
  signGroundRules,
  unsignedCase,
} from '../../../tests/support/scheduling-checks'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { SchedulingWorld } from '../../../tests/support/scheduling'
import type { ClosureView, PlanBooked, PlanPreview, SessionView } from './scheduling.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const FORTNIGHT = ['2027-03-06', '2027-03-20', '2027-04-03', '2027-04-17', '2027-05-01']

const oneOff = (world: SchedulingWorld, date: string, overrides: Record<string, unknown> = {}) =>
  planBody(world, { frequency: 'one_off', firstOn: date, lastOn: null, ...overrides })

const sessionOn = (booked: PlanBooked, date: string): SessionView => {
  const found = booked.sessions.find((s) => s.date === date)
  if (!found) throw new Error(`no session on ${date}`)
  return found
}

/** What the organisation holds, to prove a refusal or a preview wrote nothing. */
const written = async (world: SchedulingWorld) => ({
  sessions: await countRows(t, 'sessions', world.organisationId),
  plans: await countRows(t, 'contact_plans', world.organisationId),
})

describe('each refusal says which rule and what it clashes with (409)', () => {
  it('SCH-ROOM: the private room holds one family at a time; the family room holds several', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const second = await readyCase(world)
    const booked = await book(world, first.id, planBody(world, { roomId: world.privateRoom }))
    expect(booked.sessions.map((s) => s.date)).toEqual(FORTNIGHT)
    const before = await written(world)

    const refused = await world.desk.post(
      `/api/cases/${second.id}/plans`,
      planBody(world, { roomId: world.privateRoom }),
    )
    const conflicts = conflictsOf(refused)
    expect(errorOf(refused).details?.rule).toBe('SCH')
    expect(conflicts.map((c) => c.date)).toEqual(FORTNIGHT)
    for (const conflict of conflicts) {
      expect(conflict.rule).toBe('SCH-ROOM')
      expect(conflict.clashesWith).toEqual([sessionOn(booked, conflict.date).id])
      expect(conflict.message).toContain('Quiet room')
      expect(conflict.message).toContain(first.reference)
    }
    expect(await written(world)).toEqual(before)
    expect((await scheduleOf(world, second.id)).sessions).toEqual([])

    // The family room takes four families: two at the same time is fine.
    await book(world, second.id, planBody(world, { roomId: world.familyRoom }))
    const third = await readyCase(world)
    const shared = await book(world, third.id, planBody(world, { roomId: world.familyRoom }))
    expect(shared.sessions.map((s) => s.date)).toEqual(FORTNIGHT)
  })

  it('SCH-CLOSED: a closure lists the sessions already booked then, and refuses new ones that day', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const second = await readyCase(world)
    const booked = await book(world, first.id, planBody(world))

    const closed = await world.desk.post(`/api/centres/${world.centreId}/closures`, {
      firstDay: '2027-03-20',
      lastDay: '2027-03-21',
      reason: 'Hall repairs',
    })
    expectStatus(closed, 201)
    const { closure, affectedSessionIds } = closed.json<{
      closure: ClosureView
      affectedSessionIds: string[]
    }>()
    expect(closure).toMatchObject({ firstDay: '2027-03-20', lastDay: '2027-03-21', venueId: null })
    expect(affectedSessionIds).toEqual([sessionOn(booked, '2027-03-20').id])
    // Nothing is cancelled silently: the coordinator decides.
    const still = (await scheduleOf(world, first.id)).sessions.find((s) => s.date === '2027-03-20')
    expect(still?.status).toBe('scheduled')

    const oneDay = await world.desk.post(
      `/api/cases/${second.id}/plans`,
      oneOff(world, '2027-03-20', { roomId: world.privateRoom }),
    )
    expect(conflictsOf(oneDay)).toEqual([
      {
        rule: 'SCH-CLOSED',
        message: expect.stringContaining('Hall repairs') as string,
        date: '2027-03-20',
        clashesWith: [closure.id],
      },
    ])

    // A series across the closure clashes on that date only.
    const series = await world.desk.post(
      `/api/cases/${second.id}/plans`,
      planBody(world, { roomId: world.privateRoom }),
    )
    expect(conflictsOf(series).map((c) => [c.date, c.rule])).toEqual([['2027-03-20', 'SCH-CLOSED']])

    // A closure of another venue neither lists nor blocks this one's sessions.
    const annex = await addVenue(world, {
      name: 'Annex',
      rooms: [{ name: 'Annex room', kind: 'private_room', capacityFamilies: 1 }],
      openWeekdays: [6],
    })
    const annexClosed = await world.desk.post(`/api/centres/${world.centreId}/closures`, {
      venueId: annex.venue.id,
      firstDay: '2027-04-03',
      lastDay: '2027-04-03',
      reason: 'Annex boiler',
    })
    expectStatus(annexClosed, 201)
    expect(annexClosed.json<{ affectedSessionIds: string[] }>().affectedSessionIds).toEqual([])
    await book(world, second.id, oneOff(world, '2027-04-03', { roomId: world.privateRoom }))
    const atAnnex = await world.desk.post(
      `/api/cases/${second.id}/plans`,
      oneOff(world, '2027-04-03', {
        venueId: annex.venue.id,
        roomId: annex.rooms[0],
        startsAt: '14:00',
        arrival: {},
      }),
    )
    expect(conflictsOf(atAnnex).map((c) => c.rule)).toEqual(['SCH-CLOSED'])
  })

  it('SCH-OPENING: a time outside 09:00–17:00, or a weekday the venue is closed', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const saturday = (await openingsOf(world, world.venue.id)).find((o) => o.weekday === 6)
    if (!saturday) throw new Error('no Saturday opening')

    const late = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      oneOff(world, '2027-03-06', { startsAt: '16:00' }),
    )
    const [lateConflict] = conflictsOf(late)
    expect(lateConflict).toEqual({
      rule: 'SCH-OPENING',
      message: expect.stringContaining('09:00–17:00') as string,
      date: '2027-03-06',
      clashesWith: [saturday.id],
    })
    expect(lateConflict?.message).toContain('18:15')

    // 09:00 start: the visiting parent would be at the door at 08:45, before it opens.
    const early = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      oneOff(world, '2027-03-06', { startsAt: '09:00' }),
    )
    expect(conflictsOf(early).map((c) => [c.rule, c.clashesWith])).toEqual([['SCH-OPENING', [saturday.id]]])

    const wednesday = await world.desk.post(`/api/cases/${file.id}/plans`, oneOff(world, '2027-03-10'))
    expect(conflictsOf(wednesday)).toEqual([
      {
        rule: 'SCH-OPENING',
        message: 'The venue is not open that day.',
        date: '2027-03-10',
        clashesWith: [],
      },
    ])

    // From the first arrival at 09:00 to the last departure at 17:00 just fits.
    const first = onlySession(await book(world, file.id, oneOff(world, '2027-03-06', { startsAt: '09:15' })))
    expect(first.localStart).toBe('09:15')
    const last = onlySession(await book(world, file.id, oneOff(world, '2027-03-13', { startsAt: '14:45' })))
    expect(last.localEnd).toBe('16:45')
  })

  it('SCH-CAPACITY: the opening’s units are weighted by each family’s input', async () => {
    const world = await buildSchedulingWorld(t, { capacityUnits: 2 })
    const withBaby = await readyCase(world, {
      children: [
        { fullName: 'Mia Example', dateOfBirth: '2020-06-01' },
        {
          fullName: 'Noah Example',
          dateOfBirth: '2026-05-01',
          needs: { feedingHelp: true, changingHelp: true },
        },
      ],
    })
    const other = await readyCase(world)
    const first = onlySession(
      await book(world, withBaby.id, oneOff(world, '2027-03-06', { roomId: world.privateRoom })),
    )
    expect(first.capacityWeight).toBe(1.5)

    // Another room, another time, but the same opening session: 1.5 + 1 is more than 2.
    const refused = await world.desk.post(
      `/api/cases/${other.id}/plans`,
      oneOff(world, '2027-03-06', { startsAt: '14:00' }),
    )
    expect(conflictsOf(refused)).toEqual([
      {
        rule: 'SCH-CAPACITY',
        message: expect.stringContaining('2 units') as string,
        date: '2027-03-06',
        clashesWith: [first.id],
      },
    ])

    // The next week's opening has its own capacity.
    await book(world, other.id, oneOff(world, '2027-03-13', { startsAt: '14:00' }))

    // With half a unit more, the same booking fits.
    const saturday = (await openingsOf(world, world.venue.id)).find((o) => o.weekday === 6)
    expectStatus(await world.desk.patch(`/api/openings/${String(saturday?.id)}`, { capacityUnits: 2.5 }), 200)
    const fits = onlySession(await book(world, other.id, oneOff(world, '2027-03-06', { startsAt: '14:00' })))
    expect(fits.capacityWeight).toBe(1)
  })

  it('R-ARR-1: parties at the same door 5 minutes apart clash; separate entrances pass unless the centre says no', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const arrival = (resident: string, nonResident: string, extra: Record<string, unknown> = {}) => ({
      arrivalOffsetMinutes: 5,
      resident: { entrance: resident, waitingRoomId: world.gardenRoom },
      nonResident: { entrance: nonResident, waitingRoomId: world.blueRoom },
      ...extra,
    })
    const before = await written(world)
    const sameDoor = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, { arrival: arrival('Front door', 'Front door') }),
    )
    const conflicts = conflictsOf(sameDoor)
    expect(conflicts.map((c) => c.date)).toEqual(FORTNIGHT)
    for (const conflict of conflicts) {
      expect(conflict.rule).toBe('R-ARR-1')
      expect(conflict.message).toMatch(/door within 10 minutes/)
    }
    expect(await written(world)).toEqual(before)

    const ownDoors = await book(
      world,
      file.id,
      planBody(world, { arrival: arrival('Front door', 'Side door') }),
    )
    expect(ownDoors.sessions).toHaveLength(5)
    for (const s of ownDoors.sessions) {
      expect(Date.parse(s.resident.arrivesAt) - Date.parse(s.nonResident.arrivesAt)).toBe(5 * 60_000)
      expect(s.resident.entrance).toBe('Front door')
      expect(s.nonResident.entrance).toBe('Side door')
    }

    // An admin turns off "separate entrances instead of staggering": the same booking now clashes.
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminDesk = new TestBrowser(t.app)
    await adminDesk.signIn(admin, t.clock)
    expectStatus(
      await adminDesk.patch('/api/scheduling-settings', { allowSeparateEntrancesInsteadOfStagger: false }),
      200,
    )
    const next = await readyCase(world)
    const later = { firstOn: '2027-03-13', lastOn: '2027-04-10' }
    const refused = await world.desk.post(
      `/api/cases/${next.id}/plans`,
      planBody(world, { ...later, arrival: arrival('Front door', 'Side door') }),
    )
    expect(conflictsOf(refused).map((c) => c.rule)).toEqual(['R-ARR-1', 'R-ARR-1', 'R-ARR-1'])
    // Staggered by the default 15 minutes, one door is enough.
    await book(
      world,
      next.id,
      planBody(world, {
        ...later,
        arrival: arrival('Front door', 'Front door', { arrivalOffsetMinutes: 15 }),
      }),
    )
  })

  it('R-INT: parents who have not signed the ground rules cannot be booked (R-INT-4)', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await unsignedCase(world)
    expect(file.readiness.ready).toBe(false)
    const before = await written(world)

    const refused = await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world))
    const conflicts = conflictsOf(refused)
    expect(errorOf(refused).details?.rule).toBe('R-INT')
    expect(conflicts.length).toBeGreaterThan(0)
    expect(conflicts.map((c) => c.rule)).toContain('R-INT-4')
    expect(new Set(conflicts.map((c) => c.rule))).toEqual(new Set(['R-INT-4']))
    for (const conflict of conflicts) expect(conflict.date).toBe('2027-03-06')
    expect(await written(world)).toEqual(before)

    await signGroundRules(world, file)
    expect((await book(world, file.id, planBody(world))).sessions).toHaveLength(5)
  })
})

describe('skipping clashes, and previewing', () => {
  it('skipConflicting books the dates that fit and reports the skipped ones with why', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const second = await readyCase(world)
    const taken = onlySession(
      await book(world, first.id, oneOff(world, '2027-03-20', { roomId: world.privateRoom })),
    )
    const before = await written(world)

    const refused = await world.desk.post(
      `/api/cases/${second.id}/plans`,
      planBody(world, { roomId: world.privateRoom }),
    )
    expect(conflictsOf(refused).map((c) => [c.date, c.rule, c.clashesWith])).toEqual([
      ['2027-03-20', 'SCH-ROOM', [taken.id]],
    ])
    expect(await written(world)).toEqual(before)

    const booked = await book(
      world,
      second.id,
      planBody(world, { roomId: world.privateRoom, skipConflicting: true }),
    )
    expect(booked.sessions.map((s) => s.date)).toEqual(FORTNIGHT.filter((d) => d !== '2027-03-20'))
    expect(booked.skipped).toEqual([
      {
        date: '2027-03-20',
        conflicts: [
          {
            rule: 'SCH-ROOM',
            message: expect.stringContaining(first.reference) as string,
            date: '2027-03-20',
            clashesWith: [taken.id],
          },
        ],
      },
    ])
    const schedule = await scheduleOf(world, second.id)
    expect(schedule.sessions.map((s) => [s.date, s.status])).toEqual([
      ['2027-03-06', 'scheduled'],
      ['2027-03-20', 'skipped'],
      ['2027-04-03', 'scheduled'],
      ['2027-04-17', 'scheduled'],
      ['2027-05-01', 'scheduled'],
    ])
    // The first family keeps the room.
    const firstSchedule = await scheduleOf(world, first.id)
    expect(firstSchedule.sessions.map((s) => [s.id, s.status])).toEqual([[taken.id, 'scheduled']])

    // When every date clashes there is nothing to book, skipping or not.
    const third = await readyCase(world)
    const none = await world.desk.post(
      `/api/cases/${third.id}/plans`,
      oneOff(world, '2027-03-20', { roomId: world.privateRoom, skipConflicting: true }),
    )
    expect(conflictsOf(none).map((c) => c.rule)).toEqual(['SCH-ROOM'])
    expect((await scheduleOf(world, third.id)).plans).toEqual([])
  })

  it('the preview lists each date with its conflicts and writes nothing', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const second = await readyCase(world)
    const taken = onlySession(
      await book(world, first.id, oneOff(world, '2027-04-03', { roomId: world.privateRoom })),
    )
    const before = await written(world)

    const previewed = await world.desk.post(
      `/api/cases/${second.id}/plans/preview`,
      planBody(world, { roomId: world.privateRoom }),
    )
    expectStatus(previewed, 200)
    const { occurrences, readiness } = previewed.json<PlanPreview>()
    expect(readiness).toEqual([])
    expect(occurrences.map((o) => o.date)).toEqual(FORTNIGHT)
    expect(occurrences.find((o) => o.date === '2027-03-06')).toEqual({
      date: '2027-03-06',
      startsAt: '2027-03-06T10:00:00.000Z',
      endsAt: '2027-03-06T12:00:00.000Z',
      conflicts: [],
    })
    // British Summer Time: 10:00 local is 09:00 UTC.
    expect(occurrences.find((o) => o.date === '2027-04-03')).toEqual({
      date: '2027-04-03',
      startsAt: '2027-04-03T09:00:00.000Z',
      endsAt: '2027-04-03T11:00:00.000Z',
      conflicts: [
        {
          rule: 'SCH-ROOM',
          message: expect.stringContaining(first.reference) as string,
          date: '2027-04-03',
          clashesWith: [taken.id],
        },
      ],
    })
    expect(occurrences.filter((o) => o.conflicts.length > 0).map((o) => o.date)).toEqual(['2027-04-03'])
    expect(await written(world)).toEqual(before)
    expect(await scheduleOf(world, second.id)).toMatchObject({ plans: [], sessions: [] })

    // Previewing twice gives the same answer: the first preview held nothing.
    const again = await world.desk.post(
      `/api/cases/${second.id}/plans/preview`,
      planBody(world, { roomId: world.privateRoom }),
    )
    expect(again.json<PlanPreview>()).toEqual({ readiness: [], occurrences })
    // And booking with skipConflicting skips exactly the dates the preview showed.
    const booked = await book(
      world,
      second.id,
      planBody(world, { roomId: world.privateRoom, skipConflicting: true }),
    )
    expect(booked.skipped.map((s) => s.date)).toEqual(['2027-04-03'])

    // A preview of bad input is refused like the booking.
    expect(
      invalidField(
        await world.desk.post(
          `/api/cases/${second.id}/plans/preview`,
          planBody(world, { firstOn: '2027-05-01', lastOn: '2027-03-06' }),
        ),
      ),
    ).toBe('lastOn')
  })
})

describe('INVALID_INPUT (400, never 500), and other organisations’ records are not found', () => {
  it('places outside the venue, impossible dates and missing fields are refused, naming the field', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const annex = await addVenue(world, {
      name: 'Annex',
      entrances: ['Annex door'],
      rooms: [{ name: 'Annex room', kind: 'private_room', capacityFamilies: 1 }],
      openWeekdays: [6],
    })
    const annexRoom = annex.rooms[0] ?? ''
    const before = await written(world)
    const url = `/api/cases/${file.id}/plans`
    const refuse = async (overrides: Record<string, unknown>) =>
      invalidField(await world.desk.post(url, planBody(world, overrides)))
    const arrival = planBody(world).arrival

    expect(await refuse({ roomId: annexRoom })).toBe('roomId')
    expect(await refuse({ roomId: randomUUID() })).toBe('roomId')
    expect(await refuse({ roomId: null })).toBe('roomId')
    expect(await refuse({ venueId: null })).toBe('venueId')
    expect(
      await refuse({
        arrival: { ...arrival, resident: { entrance: 'Front door', waitingRoomId: annexRoom } },
      }),
    ).toBe('arrival.resident.waitingRoomId')
    expect(
      await refuse({
        arrival: { ...arrival, nonResident: { entrance: 'Back door', waitingRoomId: world.blueRoom } },
      }),
    ).toBe('arrival.nonResident.entrance')
    // The annex's door is not a door of this venue.
    expect(
      await refuse({
        arrival: { ...arrival, resident: { entrance: 'Annex door', waitingRoomId: world.gardenRoom } },
      }),
    ).toBe('arrival.resident.entrance')
    expect(await refuse({ firstOn: '2027-05-01', lastOn: '2027-03-06' })).toBe('lastOn')
    expect(await refuse({ frequency: 'monthly_weekday', weekOfMonth: null })).toBe('weekOfMonth')
    // Schema refusals are 400 too.
    for (const overrides of [
      { startsAt: '25:00' },
      { durationMinutes: 5 },
      { frequency: 'daily' },
      { firstOn: '2027-02-30' },
    ])
      expectStatus(await world.desk.post(url, planBody(world, overrides)), 400)
    expect(await written(world)).toEqual(before)

    // The annex's own room at the annex is fine.
    await book(world, file.id, planBody(world, { venueId: annex.venue.id, roomId: annexRoom, arrival: {} }))
  })

  it('another organisation’s venue or room is refused; its cases, sessions and plans answer 404', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const other = await buildSchedulingWorld(t)
    const otherFile = await readyCase(other)
    const otherBooked = await book(other, otherFile.id, planBody(other))
    const otherSession = otherBooked.sessions[0] as SessionView
    const before = await written(world)

    const foreignVenue = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, { venueId: other.venue.id, roomId: other.privateRoom, arrival: {} }),
    )
    expect([400, 404]).toContain(foreignVenue.statusCode)
    expect(errorOf(foreignVenue).code).toMatch(/^(INVALID_INPUT|NOT_FOUND)$/)
    expect(
      invalidField(
        await world.desk.post(`/api/cases/${file.id}/plans`, planBody(world, { roomId: other.privateRoom })),
      ),
    ).toBe('roomId')
    const foreignWaiting = await world.desk.post(
      `/api/cases/${file.id}/plans`,
      planBody(world, { arrival: { resident: { entrance: null, waitingRoomId: other.gardenRoom } } }),
    )
    expect(invalidField(foreignWaiting)).toBe('arrival.resident.waitingRoomId')
    const foreignClosure = await world.desk.post(`/api/centres/${world.centreId}/closures`, {
      venueId: other.venue.id,
      firstDay: '2027-03-06',
      lastDay: '2027-03-06',
      reason: 'Not ours',
    })
    expect(invalidField(foreignClosure)).toBe('venueId')
    expect(await written(world)).toEqual(before)

    const notFound = (response: { statusCode: number; body: string }) => {
      expect(response.statusCode, response.body).toBe(404)
    }
    notFound(await world.desk.get(`/api/cases/${otherFile.id}/schedule`))
    notFound(await world.desk.get(`/api/cases/${otherFile.id}/slots?from=2027-03-06`))
    notFound(await world.desk.post(`/api/cases/${otherFile.id}/plans`, planBody(world)))
    notFound(await world.desk.post(`/api/cases/${otherFile.id}/plans/preview`, planBody(world)))
    notFound(await world.desk.get(`/api/sessions/${otherSession.id}`))
    notFound(
      await world.desk.post(`/api/sessions/${otherSession.id}/move`, {
        date: '2027-03-07',
        startsAt: '10:00',
        version: otherSession.version,
        reason: 'Trying another organisation’s session',
      }),
    )
    notFound(
      await world.desk.post(`/api/sessions/${otherSession.id}/cancel`, { by: 'centre', reason: 'Not ours' }),
    )
    notFound(
      await world.desk.post(`/api/sessions/${otherSession.id}/outcome`, {
        resident: 'attended',
        nonResident: 'attended',
      }),
    )
    notFound(
      await world.desk.post(`/api/plans/${otherBooked.plan.id}/change`, {
        ...planBody(world),
        from: '2027-04-03',
        reason: 'Not ours',
      }),
    )
    notFound(
      await world.desk.post(`/api/plans/${otherBooked.plan.id}/end`, {
        from: '2027-04-03',
        reason: 'Not ours',
      }),
    )
    notFound(await world.desk.get(`/api/venues/${other.venue.id}/openings`))
    notFound(await world.desk.get(`/api/venues/${other.venue.id}/calendar?from=2027-03-01&to=2027-03-31`))
    notFound(
      await world.desk.post(`/api/venues/${other.venue.id}/rehome`, {
        toVenueId: world.venue.id,
        from: '2027-03-01',
        rooms: {},
      }),
    )
    notFound(
      await world.desk.post(`/api/centres/${other.centreId}/closures`, {
        firstDay: '2027-03-06',
        lastDay: '2027-03-06',
        reason: 'Not ours',
      }),
    )

    // The other organisation's bookings are untouched.
    const theirs = await scheduleOf(other, otherFile.id)
    expect(theirs.plans.map((p) => p.status)).toEqual(['active'])
    expect(theirs.sessions).toEqual(otherBooked.sessions)
  })
})
