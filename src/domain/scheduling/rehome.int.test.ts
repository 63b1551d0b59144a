import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import {
  buildSchedulingWorld,
  planBody,
  readyCase,
  type SchedulingWorld,
} from '../../../tests/support/scheduling'
import {
  addVenue,
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
import { plusDays } from './schedule.rules'
import type { CaseSchedule } from './scheduling.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

/**
 * Two families at St Mary's Hall: one fortnightly in the quiet room from 6 March, one weekly in the
 * family room from 13 March; and a new venue, the Annex, open on Saturdays only.
 */
async function movingWorld() {
  const world = await buildSchedulingWorld(t)
  const quiet = await readyCase(world)
  const family = await readyCase(world)
  const quietPlan = await book(world, quiet.id, planBody(world, { roomId: world.privateRoom }))
  const familyPlan = await book(
    world,
    family.id,
    planBody(world, { frequency: 'weekly', firstOn: '2027-03-13', lastOn: '2027-04-24', startsAt: '11:00' }),
  )
  const annex = await addVenue(world, {
    name: 'Annex',
    entrances: ['Annex door', 'Side door'],
    rooms: [
      { name: 'Annex hall', kind: 'family_room', capacityFamilies: 4 },
      { name: 'Annex quiet room', kind: 'private_room', capacityFamilies: 1 },
      { name: 'Annex lobby', kind: 'waiting_area', capacityFamilies: 1 },
    ],
    openWeekdays: [6],
  })
  const [annexHall = '', annexQuiet = '', annexLobby = ''] = annex.rooms
  return {
    world,
    quiet,
    family,
    quietPlan,
    familyPlan,
    annex: annex.venue,
    annexHall,
    annexQuiet,
    annexLobby,
  }
}

const rehome = (world: SchedulingWorld, body: Record<string, unknown>) =>
  world.desk.post(`/api/venues/${world.venue.id}/rehome`, body)

describe('re-homing a venue’s future sessions and plans', () => {
  it('moves sessions from the date and the active plans, room by room; earlier sessions keep the old venue', async () => {
    const w = await movingWorld()
    const before = {
      quiet: await scheduleOf(w.world, w.quiet.id),
      family: await scheduleOf(w.world, w.family.id),
    }
    const moved = await rehome(w.world, {
      toVenueId: w.annex.id,
      from: '2027-04-01',
      rooms: {
        [w.world.privateRoom]: w.annexQuiet,
        [w.world.familyRoom]: w.annexHall,
        [w.world.gardenRoom]: w.annexLobby,
      },
    })
    expectStatus(moved, 200)
    // Quiet: 3 April, 17 April, 1 May. Family: 3, 10, 17, 24 April.
    expect(moved.json()).toEqual({ sessionsMoved: 7, plansMoved: 2 })

    const check = (schedule: CaseSchedule, was: CaseSchedule, oldRoom: string, newRoom: string) => {
      expect(schedule.sessions).toHaveLength(was.sessions.length)
      for (const session of schedule.sessions) {
        const earlier = was.sessions.find((s) => s.id === session.id)
        if (!earlier) throw new Error('a session appeared')
        if (session.date < '2027-04-01') {
          expect(session).toEqual(earlier)
          expect(session).toMatchObject({ venueId: w.world.venue.id, roomId: oldRoom })
        } else {
          expect(session).toMatchObject({
            status: 'scheduled',
            venueId: w.annex.id,
            venueName: 'Annex',
            roomId: newRoom,
            startsAt: earlier.startsAt,
            endsAt: earlier.endsAt,
            resident: { arrivesAt: earlier.resident.arrivesAt, leavesAt: earlier.resident.leavesAt },
            nonResident: { arrivesAt: earlier.nonResident.arrivesAt, leavesAt: earlier.nonResident.leavesAt },
            version: earlier.version + 1,
          })
          // The hall's front door is not the annex's; its side door is. Waiting areas follow the map.
          expect(session.resident).toMatchObject({ entrance: null, waitingRoom: 'Annex lobby' })
          expect(session.nonResident).toMatchObject({ entrance: 'Side door', waitingRoom: null })
        }
      }
      expect(schedule.plans).toHaveLength(1)
      expect(schedule.plans[0]).toMatchObject({ status: 'active', venueId: w.annex.id, roomId: newRoom })
      // The plan's arrival protocol follows the same map: no door or waiting area of the old venue.
      expect(schedule.plans[0]?.arrival).toMatchObject({
        resident: { entrance: null, waitingRoomId: w.annexLobby },
        nonResident: { entrance: 'Side door', waitingRoomId: null },
      })
    }
    const after = {
      quiet: await scheduleOf(w.world, w.quiet.id),
      family: await scheduleOf(w.world, w.family.id),
    }
    check(after.quiet, before.quiet, w.world.privateRoom, w.annexQuiet)
    check(after.family, before.family, w.world.familyRoom, w.annexHall)
    expect(after.quiet.sessions.filter((s) => s.venueId === w.annex.id).map((s) => s.date)).toEqual([
      '2027-04-03',
      '2027-04-17',
      '2027-05-01',
    ])

    // The moved sessions hold their new room, and free the old one.
    const next = await readyCase(w.world)
    const atAnnex = await w.world.desk.post(
      `/api/cases/${next.id}/plans`,
      planBody(w.world, {
        frequency: 'one_off',
        firstOn: '2027-04-17',
        lastOn: null,
        venueId: w.annex.id,
        roomId: w.annexQuiet,
        arrival: {},
      }),
    )
    const quietOnThe17th = after.quiet.sessions.find((s) => s.date === '2027-04-17')
    expect(conflictsOf(atAnnex).map((c) => [c.rule, c.clashesWith])).toEqual([
      ['SCH-ROOM', [quietOnThe17th?.id]],
    ])
    const oldRoom = onlySession(
      await book(
        w.world,
        next.id,
        planBody(w.world, {
          frequency: 'one_off',
          firstOn: '2027-04-17',
          lastOn: null,
          roomId: w.world.privateRoom,
        }),
      ),
    )
    expect(oldRoom.venueId).toBe(w.world.venue.id)
  })

  it('a room with future sessions but no mapping, or a mapping outside the new venue, is refused and nothing moves', async () => {
    const w = await movingWorld()
    const before = [await scheduleOf(w.world, w.quiet.id), await scheduleOf(w.world, w.family.id)]

    const missing = await rehome(w.world, {
      toVenueId: w.annex.id,
      from: '2027-04-01',
      rooms: { [w.world.privateRoom]: w.annexQuiet },
    })
    expect(invalidField(missing)).toBe('rooms')
    expect(errorOf(missing).details?.missing).toEqual([w.world.familyRoom])

    const outside = await rehome(w.world, {
      toVenueId: w.annex.id,
      from: '2027-04-01',
      rooms: { [w.world.privateRoom]: w.annexQuiet, [w.world.familyRoom]: w.world.familyRoom },
    })
    expect(invalidField(outside)).toBe(`rooms.${w.world.familyRoom}`)

    expect(
      invalidField(await rehome(w.world, { toVenueId: w.world.venue.id, from: '2027-04-01', rooms: {} })),
    ).toBe('toVenueId')
    const other = await buildSchedulingWorld(t)
    expect(
      invalidField(await rehome(w.world, { toVenueId: other.venue.id, from: '2027-04-01', rooms: {} })),
    ).toBe('toVenueId')

    // From a date after the family room's last session, only the quiet room needs a mapping.
    const lateOnly = await rehome(w.world, {
      toVenueId: w.annex.id,
      from: '2027-04-25',
      rooms: { [w.world.privateRoom]: w.annexQuiet },
    })
    expectStatus(lateOnly, 200)
    // The family's plan ended before that date: it has nothing to move and keeps its venue and room.
    expect(lateOnly.json()).toEqual({ sessionsMoved: 1, plansMoved: 1 })
    const quiet = await scheduleOf(w.world, w.quiet.id)
    expect(quiet.plans.map((p) => [p.venueId, p.roomId])).toEqual([[w.annex.id, w.annexQuiet]])
    expect(quiet.sessions.map((s) => [s.date, s.venueId])).toEqual([
      ['2027-03-06', w.world.venue.id],
      ['2027-03-20', w.world.venue.id],
      ['2027-04-03', w.world.venue.id],
      ['2027-04-17', w.world.venue.id],
      ['2027-05-01', w.annex.id],
    ])
    expect(await scheduleOf(w.world, w.family.id)).toEqual(before[1])
  })

  it('a session that would not fit at the new venue refuses the whole move, and nothing is moved', async () => {
    const w = await movingWorld()
    // A Sunday session after the date: the annex is closed on Sundays.
    const sunday = onlySession(
      await book(
        w.world,
        w.family.id,
        planBody(w.world, { frequency: 'one_off', firstOn: '2027-04-11', lastOn: null, startsAt: '10:00' }),
      ),
    )
    const before = [await scheduleOf(w.world, w.quiet.id), await scheduleOf(w.world, w.family.id)]
    const body = {
      toVenueId: w.annex.id,
      from: '2027-04-01',
      rooms: { [w.world.privateRoom]: w.annexQuiet, [w.world.familyRoom]: w.annexHall },
    }
    const refused = await rehome(w.world, body)
    const conflicts = conflictsOf(refused)
    expect(conflicts).toEqual([
      {
        rule: 'SCH-OPENING',
        message: 'The venue is not open that day.',
        date: '2027-04-11',
        clashesWith: [],
      },
    ])
    expect(errorOf(refused).message).toMatch(/nothing was moved/)
    const after = [await scheduleOf(w.world, w.quiet.id), await scheduleOf(w.world, w.family.id)]
    expect(after).toEqual(before)
    for (const schedule of after)
      for (const plan of schedule.plans) expect(plan.venueId).toBe(w.world.venue.id)

    // Two families in the annex's one quiet room at once: a clash between two re-homed sessions.
    expectStatus(
      await w.world.desk.post(`/api/sessions/${sunday.id}/cancel`, { by: 'centre', reason: 'Moving venue' }),
      200,
    )
    const crowded = await rehome(w.world, {
      ...body,
      rooms: { [w.world.privateRoom]: w.annexQuiet, [w.world.familyRoom]: w.annexQuiet },
    })
    const crowding = conflictsOf(crowded)
    expect(crowding.length).toBeGreaterThan(0)
    expect(new Set(crowding.map((c) => c.rule))).toEqual(new Set(['SCH-ROOM']))
    expect(crowding.map((c) => c.date).sort()).toEqual(['2027-04-03', '2027-04-17'])
    expect(await scheduleOf(w.world, w.quiet.id)).toEqual(before[0])
    const family = await scheduleOf(w.world, w.family.id)
    expect(family.sessions.every((s) => s.venueId === w.world.venue.id)).toBe(true)
    expect(family.plans.every((p) => p.venueId === w.world.venue.id)).toBe(true)

    // With each family in a room of its own, it goes through.
    expectStatus(await rehome(w.world, body), 200)
  })
})

describe('re-homing from today', () => {
  it('a session that has already taken place today keeps the old venue, even before its outcome is recorded', async () => {
    const world = await buildSchedulingWorld(t)
    const file = await readyCase(world)
    const annex = await addVenue(world, {
      name: 'Annex',
      rooms: [{ name: 'Annex quiet room', kind: 'private_room', capacityFamilies: 1 }],
      openWeekdays: [6, 7],
    })
    const first = nextWeekday(todayIn(t, 'Europe/London'), 6)
    const booked = await book(
      world,
      file.id,
      planBody(world, {
        frequency: 'weekly',
        firstOn: first,
        lastOn: plusDays(first, 14),
        roomId: world.privateRoom,
        arrival: {},
      }),
    )
    const [held] = booked.sessions
    if (!held) throw new Error('nothing booked')
    // Three hours after this morning's session began.
    t.clock.advance(secondsUntil(t, held.startsAt, 3 * 3600))
    await signInAgain(t, world)
    expect(todayIn(t, 'Europe/London')).toBe(first)

    const moved = await rehome(world, {
      toVenueId: annex.venue.id,
      from: first,
      rooms: { [world.privateRoom]: annex.rooms[0] },
    })
    expectStatus(moved, 200)
    expect(moved.json()).toEqual({ sessionsMoved: 2, plansMoved: 1 })
    const schedule = await scheduleOf(world, file.id)
    expect(schedule.sessions.map((s) => [s.date, s.venueId])).toEqual([
      [first, world.venue.id],
      [plusDays(first, 7), annex.venue.id],
      [plusDays(first, 14), annex.venue.id],
    ])
    expect(schedule.sessions[0]).toEqual(held)
  })
})
