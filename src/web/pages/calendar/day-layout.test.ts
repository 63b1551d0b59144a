import { describe, expect, it } from 'vitest'
import { AWAY_COLUMN, axisRange, packLanes, roomColumns } from './day-layout'
import { doorEvents } from './door-events'
import type { CalendarDay, SessionView } from './types'

const ZONE = 'Europe/Jersey'

/** A winter session (GMT, so UTC times read as local), with the visiting parent first by 15 minutes. */
function session(id: string, start: string, end: string, overrides: Partial<SessionView> = {}): SessionView {
  const at = (time: string, shift = 0) => {
    const [h = 0, m = 0] = time.split(':').map(Number)
    const total = h * 60 + m + shift
    return `2026-12-06T${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00.000Z`
  }
  return {
    id,
    caseId: `case-${id}`,
    caseReference: `C-${id}`,
    familyName: 'Amelia',
    planId: 'plan',
    occurrenceOn: '2026-12-06',
    date: '2026-12-06',
    serviceType: 'supported',
    status: 'scheduled',
    venueId: 'venue',
    venueName: 'Hall',
    roomId: 'hall',
    roomName: 'Main hall',
    startsAt: at(start),
    endsAt: at(end),
    localStart: start,
    localEnd: end,
    firstParty: 'non_resident',
    resident: { arrivesAt: at(start), leavesAt: at(end), entrance: 'Side door', waitingRoom: null },
    nonResident: {
      arrivesAt: at(start, -15),
      leavesAt: at(end, 15),
      entrance: null,
      waitingRoom: 'Blue room',
    },
    offsite: null,
    moved: false,
    capacityWeight: 1,
    cancellation: null,
    outcome: null,
    version: 1,
    ...overrides,
  }
}

const day: CalendarDay = {
  date: '2026-12-06',
  closed: null,
  openings: [{ openingId: 'o', startsAt: '10:00', endsAt: '16:00', capacityUnits: 6, usedUnits: 2 }],
}

describe('the day view’s layout', () => {
  it('covers the opening hours and every session, in whole hours', () => {
    expect(axisRange(day, [], ZONE)).toEqual({ from: 600, until: 960 })
    expect(axisRange(day, [session('a', '09:30', '16:30')], ZONE)).toEqual({ from: 540, until: 1020 })
    expect(axisRange({ ...day, openings: [] }, [], ZONE)).toEqual({ from: 540, until: 1020 })
  })

  it('puts overlapping sessions in a shared room side by side, and reuses a lane once it is free', () => {
    const { placed, lanes } = packLanes(
      [session('a', '10:00', '12:00'), session('b', '10:30', '11:30'), session('c', '12:00', '13:00')],
      ZONE,
    )
    expect(lanes).toBe(2)
    expect(placed.map((p) => [p.session.id, p.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 0],
    ])
  })

  it('has a column per room families meet in, and one for sessions without a room', () => {
    const rooms = [
      { id: 'hall', name: 'Main hall', kind: 'family_room', capacityFamilies: 6 },
      { id: 'wait', name: 'Blue room', kind: 'waiting_area', capacityFamilies: 1 },
    ]
    const columns = roomColumns(
      rooms,
      [session('a', '10:00', '12:00'), session('b', '10:00', '11:00', { roomId: null })],
      ZONE,
    )
    expect(columns.map((c) => c.id)).toEqual(['hall', AWAY_COLUMN])
  })
})

describe('the day sheet', () => {
  it('lists every arrival and departure in time order, with each party’s own door', () => {
    const events = doorEvents([session('a', '10:00', '12:00')], ZONE, 'Front door')
    expect(events.map((e) => `${e.time} ${e.side} ${e.kind} ${e.entrance} ${e.waitingRoom ?? '-'}`)).toEqual([
      '09:45 non_resident arrives Front door Blue room',
      '10:00 resident arrives Side door -',
      '12:00 resident leaves Side door -',
      '12:15 non_resident leaves Front door Blue room',
    ])
  })

  it('leaves out sessions that are called off', () => {
    expect(doorEvents([session('a', '10:00', '12:00', { status: 'cancelled' })], ZONE, 'Front door')).toEqual(
      [],
    )
  })
})
