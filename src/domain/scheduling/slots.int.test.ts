import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import {
  buildSchedulingWorld,
  planBody,
  readyCase,
  type SchedulingWorld,
} from '../../../tests/support/scheduling'
import { book, onlySession, todayIn } from '../../../tests/support/scheduling-checks'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { addMinutes, zonedInstant } from './schedule.rules'
import type { SessionView } from './scheduling.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

interface Slot {
  date: string
  startsAt: string
  venueId: string
  roomId: string
  roomName: string
}

const oneOff = (world: SchedulingWorld, date: string, overrides: Record<string, unknown> = {}) =>
  planBody(world, { frequency: 'one_off', firstOn: date, lastOn: null, ...overrides })

async function slotsFor(world: SchedulingWorld, caseId: string, query: string): Promise<Slot[]> {
  const response = await world.desk.get(`/api/cases/${caseId}/slots?${query}`)
  expectStatus(response, 200)
  return response.json<{ slots: Slot[] }>().slots
}

/** Whether a two-hour slot overlaps a booked session in the same room. */
const overlaps = (slot: Slot, session: SessionView) => {
  const start = zonedInstant(slot.date, slot.startsAt, 'Europe/London')
  const end = addMinutes(start, 120)
  return slot.roomId === session.roomId && start < session.endsAt && session.startsAt < end
}

describe('free slots for a family', () => {
  it('never offers a time over a booking in the one-family room; each slot books (201)', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const second = await readyCase(world)
    const family = await readyCase(world)
    const quiet = { roomId: world.privateRoom }
    // Saturday 6 March: the quiet room is taken 10:00–12:00 and 13:00–15:00, so no two hours fit.
    // Sunday 7 March: taken 10:00–12:00, free from 12:00.
    const taken = [
      onlySession(await book(world, first.id, oneOff(world, '2027-03-06', quiet))),
      onlySession(await book(world, second.id, oneOff(world, '2027-03-06', { ...quiet, startsAt: '13:00' }))),
      onlySession(await book(world, first.id, oneOff(world, '2027-03-07', quiet))),
    ]
    // Closed on Saturday 20 March.
    expectStatus(
      await world.desk.post(`/api/centres/${world.centreId}/closures`, {
        firstDay: '2027-03-20',
        lastDay: '2027-03-20',
        reason: 'Polling station',
      }),
      201,
    )

    const slots = await slotsFor(
      world,
      family.id,
      `from=2027-03-06&durationMinutes=120&roomId=${world.privateRoom}&limit=5`,
    )
    const at = (date: string, startsAt: string) => ({
      date,
      startsAt,
      venueId: world.venue.id,
      roomId: world.privateRoom,
      roomName: 'Quiet room',
    })
    // The visiting parent arrives 15 minutes early, so the first start is 09:15.
    expect(slots).toEqual([
      at('2027-03-07', '12:00'),
      at('2027-03-13', '09:15'),
      at('2027-03-14', '09:15'),
      at('2027-03-21', '09:15'),
      at('2027-03-27', '09:15'),
    ])
    for (const slot of slots) for (const session of taken) expect(overlaps(slot, session)).toBe(false)

    // Every slot, booked as it was offered, is accepted.
    for (const slot of slots) {
      const booked = onlySession(
        await book(
          world,
          family.id,
          oneOff(world, slot.date, { roomId: slot.roomId, startsAt: slot.startsAt }),
        ),
      )
      expect(booked).toMatchObject({ date: slot.date, localStart: slot.startsAt, roomId: slot.roomId })
    }

    // Now those are taken too: the next family is offered none of them.
    const next = await readyCase(world)
    const later = await slotsFor(
      world,
      next.id,
      `from=2027-03-06&durationMinutes=120&roomId=${world.privateRoom}&limit=5`,
    )
    expect(later.map((s) => `${s.date} ${s.startsAt}`)).toEqual([
      '2027-03-07 14:00',
      '2027-03-13 11:15',
      '2027-03-14 11:15',
      '2027-03-21 11:15',
      '2027-03-27 11:15',
    ])
  })

  it('across rooms: only rooms families use, each slot books, and nothing before now', async () => {
    const world = await buildSchedulingWorld(t)
    const first = await readyCase(world)
    const family = await readyCase(world)
    const taken = onlySession(
      await book(world, first.id, oneOff(world, '2027-03-06', { roomId: world.privateRoom })),
    )

    const slots = await slotsFor(world, family.id, 'from=2027-03-06&durationMinutes=120&limit=6')
    expect(slots.length).toBe(6)
    for (const slot of slots) {
      expect([world.familyRoom, world.privateRoom]).toContain(slot.roomId)
      expect(overlaps(slot, taken)).toBe(false)
      // Book it, then cancel, so the family is free for the next one the same day.
      const booked = onlySession(
        await book(
          world,
          family.id,
          oneOff(world, slot.date, { roomId: slot.roomId, startsAt: slot.startsAt }),
        ),
      )
      expect(booked).toMatchObject({ date: slot.date, localStart: slot.startsAt, roomId: slot.roomId })
      expectStatus(
        await world.desk.post(`/api/sessions/${booked.id}/cancel`, { by: 'centre', reason: 'Only checking' }),
        200,
      )
    }
    expect(slots.filter((s) => s.date === '2027-03-06' && s.roomId === world.privateRoom)).toEqual([
      {
        date: '2027-03-06',
        startsAt: '12:00',
        venueId: world.venue.id,
        roomId: world.privateRoom,
        roomName: 'Quiet room',
      },
    ])

    // From today: no slot whose first arrival has already passed.
    const today = todayIn(t, 'Europe/London')
    const soon = await slotsFor(world, family.id, `from=${today}&durationMinutes=120&limit=5`)
    expect(soon.length).toBeGreaterThan(0)
    for (const slot of soon)
      expect(
        Date.parse(addMinutes(zonedInstant(slot.date, slot.startsAt, 'Europe/London'), -15)),
      ).toBeGreaterThan(t.clock.now().getTime())
  })
})
