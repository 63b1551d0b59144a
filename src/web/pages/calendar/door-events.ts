import type { Side } from '../../api/types'
import { timeIn } from './calendar-dates'
import { entranceOf, isCalledOff, partiesInOrder, partyTimes } from './session-text'
import type { SessionView } from './types'

/** One person coming in or going out: a line of the day sheet. */
export interface DoorEvent {
  key: string
  /** The instant, for ordering. */
  at: string
  /** The time in the centre's zone, "09:45". */
  time: string
  side: Side
  kind: 'arrives' | 'leaves'
  session: SessionView
  entrance: string
  waitingRoom: string | null
}

/**
 * Every arrival and departure of the day in time order, for the door. Cancelled and skipped
 * sessions bring nobody, so they have no lines. At the same minute, the party due first goes first.
 */
export function doorEvents(sessions: SessionView[], timeZone: string, mainEntrance: string): DoorEvent[] {
  const events: (DoorEvent & { order: number })[] = []
  for (const session of sessions) {
    if (isCalledOff(session)) continue
    partiesInOrder(session).forEach((side, order) => {
      const times = partyTimes(session, side)
      const place = { entrance: entranceOf(times, mainEntrance), waitingRoom: times.waitingRoom }
      events.push(
        {
          key: `${session.id}-${side}-arrives`,
          at: times.arrivesAt,
          time: timeIn(times.arrivesAt, timeZone),
          side,
          kind: 'arrives',
          session,
          order,
          ...place,
        },
        {
          key: `${session.id}-${side}-leaves`,
          at: times.leavesAt,
          time: timeIn(times.leavesAt, timeZone),
          side,
          kind: 'leaves',
          session,
          order,
          ...place,
        },
      )
    })
  }
  return events
    .sort(
      (a, b) =>
        Date.parse(a.at) - Date.parse(b.at) ||
        a.session.caseReference.localeCompare(b.session.caseReference) ||
        a.order - b.order,
    )
    .map(({ order: _order, ...event }) => event)
}
