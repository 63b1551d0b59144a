import { minutesOf, timeIn } from './calendar-dates'
import type { CalendarDay, CalendarRoom, SessionView } from './types'

// Where things go on the day view's time axis. Pure, so it is tested without a browser.

export interface Placed {
  session: SessionView
  /** Minutes after midnight in the centre's zone. */
  from: number
  until: number
  /** The side-by-side lane in its room, for sessions that overlap (a shared hall). */
  lane: number
}

export interface RoomColumn {
  id: string
  name: string
  placed: Placed[]
  lanes: number
}

const DEFAULT_RANGE = { from: 9 * 60, until: 17 * 60 }
/** Rooms where families wait or are met rather than spend their session. */
const NOT_SESSION_ROOMS = new Set(['waiting_area', 'reception'])
export const AWAY_COLUMN = 'away'

const minutesIn = (iso: string, timeZone: string) => minutesOf(timeIn(iso, timeZone))

/** The hours the axis covers: every opening session and every session, to whole hours. */
export function axisRange(day: CalendarDay, sessions: SessionView[], timeZone: string) {
  const starts = [
    ...day.openings.map((o) => minutesOf(o.startsAt)),
    ...sessions.map((s) => minutesIn(s.startsAt, timeZone)),
  ]
  const ends = [
    ...day.openings.map((o) => minutesOf(o.endsAt)),
    ...sessions.map((s) => minutesIn(s.endsAt, timeZone)),
  ]
  if (starts.length === 0) return DEFAULT_RANGE
  const from = Math.floor(Math.min(...starts) / 60) * 60
  const until = Math.max(Math.ceil(Math.max(...ends) / 60) * 60, from + 60)
  return { from, until }
}

/** Places sessions in lanes so that overlapping ones sit side by side, earliest first. */
export function packLanes(sessions: SessionView[], timeZone: string): { placed: Placed[]; lanes: number } {
  const items = sessions
    .map((session) => ({
      session,
      from: minutesIn(session.startsAt, timeZone),
      until: Math.max(minutesIn(session.endsAt, timeZone), minutesIn(session.startsAt, timeZone) + 15),
    }))
    .sort((a, b) => a.from - b.from || b.until - a.until)
  const laneEnds: number[] = []
  const placed = items.map((item) => {
    let lane = laneEnds.findIndex((end) => end <= item.from)
    if (lane < 0) {
      lane = laneEnds.length
      laneEnds.push(item.until)
    } else {
      laneEnds[lane] = item.until
    }
    return { ...item, lane }
  })
  return { placed, lanes: Math.max(laneEnds.length, 1) }
}

/**
 * One column per room families meet in, plus any other room that has a session that day, plus a
 * column for sessions away from the venue or without a room.
 */
export function roomColumns(rooms: CalendarRoom[], sessions: SessionView[], timeZone: string): RoomColumn[] {
  const columns = rooms
    .filter((room) => !NOT_SESSION_ROOMS.has(room.kind) || sessions.some((s) => s.roomId === room.id))
    .map((room) => ({
      id: room.id,
      name: room.name,
      ...packLanes(
        sessions.filter((s) => s.roomId === room.id),
        timeZone,
      ),
    }))
  const known = new Set(rooms.map((room) => room.id))
  const elsewhere = sessions.filter((s) => s.roomId === null || !known.has(s.roomId))
  if (elsewhere.length > 0)
    columns.push({ id: AWAY_COLUMN, name: 'Away or no room', ...packLanes(elsewhere, timeZone) })
  return columns
}
