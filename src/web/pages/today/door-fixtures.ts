import type { DoorTap } from './door-queue'
import type { AttendanceEventView, TodayBoard, TodaySession } from './types'

// A small board for the door's unit tests: one supported session, the visiting parent (Nick)
// arriving first at 09:45 with his mother, the resident parent (Rita) at 10:00 with the child.

export const NICK = '00000000-0000-4000-8000-000000000001'
export const GRAN = '00000000-0000-4000-8000-000000000002'
export const RITA = '00000000-0000-4000-8000-000000000003'
export const AMY = '00000000-0000-4000-8000-000000000004'
export const BARRED = '00000000-0000-4000-8000-000000000005'

export function buildSession(overrides: Partial<TodaySession> = {}): TodaySession {
  return {
    id: 'session-1',
    caseId: 'case-1',
    caseReference: 'C-2026-0001',
    familyName: 'Example',
    serviceType: 'supported',
    status: 'scheduled',
    version: 1,
    venueName: 'School hall',
    roomName: 'Family room',
    startsAt: '2026-11-28T10:00:00Z',
    endsAt: '2026-11-28T12:00:00Z',
    localStart: '10:00',
    localEnd: '12:00',
    flags: [],
    parties: [
      {
        side: 'non_resident',
        first: true,
        arrivesAt: '2026-11-28T09:45:00Z',
        leavesAt: '2026-11-28T12:15:00Z',
        localArrive: '09:45',
        localLeave: '12:15',
        entrance: 'Side door',
        waitingRoom: 'Blue room',
        people: [
          {
            partyId: NICK,
            name: 'Nick Example',
            role: 'non_resident_parent',
            description: null,
            inBuilding: false,
          },
          { partyId: GRAN, name: 'Gran Example', role: 'grandparent', description: null, inBuilding: false },
        ],
        presence: 'expected',
        lateMinutes: null,
      },
      {
        side: 'resident',
        first: false,
        arrivesAt: '2026-11-28T10:00:00Z',
        leavesAt: '2026-11-28T12:00:00Z',
        localArrive: '10:00',
        localLeave: '12:00',
        entrance: 'Main door',
        waitingRoom: null,
        people: [
          {
            partyId: RITA,
            name: 'Rita Example',
            role: 'resident_parent',
            description: null,
            inBuilding: false,
          },
        ],
        presence: 'expected',
        lateMinutes: null,
      },
    ],
    children: [{ partyId: AMY, name: 'Amy Example', ageYears: 6, needs: [], whereabouts: 'with_resident' }],
    notAllowed: [
      {
        partyId: BARRED,
        name: 'Barry Barred',
        role: 'other_relative',
        description: 'Tall, grey beard',
        inBuilding: false,
      },
    ],
    events: [],
    warnings: [],
    endedEarly: null,
    attendanceNote: null,
    observation: null,
    incidents: 0,
    ...overrides,
  }
}

export function buildBoard(sessions: TodaySession[] = [buildSession()]): TodayBoard {
  return {
    centreId: 'centre-1',
    centreName: 'St Helier',
    date: '2026-11-28',
    timeZone: 'Europe/London',
    generatedAt: '2026-11-28T09:30:00Z',
    team: [],
    sessions,
    timeline: [],
  }
}

let sequence = 0

export function buildTap(overrides: Partial<DoorTap> = {}): DoorTap {
  sequence += 1
  return {
    type: 'tap',
    clientId: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    sessionId: 'session-1',
    kind: 'arrived',
    partyId: NICK,
    side: 'non_resident',
    visitorName: null,
    name: 'Nick Example',
    at: '2026-11-28T09:46:00Z',
    note: null,
    confirmed: [],
    ...overrides,
  }
}

/** The entry the server holds for a tap once recorded. */
export function recorded(tap: DoorTap, id = `event-${tap.clientId}`): AttendanceEventView {
  return {
    id,
    clientId: tap.clientId,
    sessionId: tap.sessionId,
    kind: tap.kind,
    partyId: tap.partyId,
    side: tap.side,
    name: tap.name,
    listed: tap.partyId !== null,
    at: tap.at,
    note: tap.note,
    recordedBy: 'Val Volunteer',
    voided: false,
  }
}
