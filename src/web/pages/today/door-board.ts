import type { DoorOp, DoorQueue, DoorTap } from './door-queue'
import type { AttendanceEventView, DoorParty, DoorWarning, Side, TodayBoard, TodaySession } from './types'

// The board as the door sees it: the last board the server sent, with the taps not yet recorded
// laid over it, so a tap shows at once, online or not. Presence is worked out from the register
// the same way the server does: the last arrival or departure of each person counts.

/** A tap not yet recorded, shown in the register like any other entry. */
export const PENDING_PREFIX = 'pending:'

export const isPendingEvent = (event: Pick<AttendanceEventView, 'id'>): boolean =>
  event.id.startsWith(PENDING_PREFIX)

function eventOf(tap: DoorTap, listed: boolean): AttendanceEventView {
  return {
    id: `${PENDING_PREFIX}${tap.clientId}`,
    clientId: tap.clientId,
    sessionId: tap.sessionId,
    kind: tap.kind,
    partyId: tap.partyId,
    side: tap.side,
    name: tap.name,
    listed,
    at: tap.at,
    note: tap.note,
    recordedBy: null,
    voided: false,
  }
}

const byTime = (a: AttendanceEventView, b: AttendanceEventView) => Date.parse(a.at) - Date.parse(b.at)

/** The register in the order things happened, undone entries left out. */
export const liveEvents = (events: AttendanceEventView[]): AttendanceEventView[] =>
  events.filter((event) => !event.voided).sort(byTime)

/** A person in the register: a listed person by id, an unlisted visitor by side and name. */
export const personKey = (event: Pick<AttendanceEventView, 'partyId' | 'side' | 'name'>): string =>
  event.partyId ?? `${event.side ?? ''}:${event.name.trim().toLowerCase()}`

/** Who is in the building now, by person key: the line that brought each of them in. */
export function whoIsIn(events: AttendanceEventView[]): Map<string, AttendanceEventView> {
  const inside = new Map<string, AttendanceEventView>()
  for (const event of liveEvents(events)) {
    if (event.kind === 'arrived') inside.set(personKey(event), event)
    if (event.kind === 'left') inside.delete(personKey(event))
  }
  return inside
}

/** Presence, the people in the building and where each child is, worked out from the register. */
export function derivePresence(session: TodaySession): TodaySession {
  const events = liveEvents(session.events)
  const inside = whoIsIn(events)
  const insideSides = new Set([...inside.values()].map((event) => event.side))
  const cameSides = new Set(events.filter((e) => e.kind === 'arrived').map((e) => e.side))
  const parties = session.parties.map((party) => {
    const people = party.people.map((person) => ({ ...person, inBuilding: inside.has(person.partyId) }))
    let presence: DoorParty['presence'] = 'expected'
    if (cameSides.has(party.side)) presence = insideSides.has(party.side) ? 'in' : 'left'
    return { ...party, people, presence }
  })
  const children = session.children.map((child) => {
    const last = events
      .filter(
        (e) => e.partyId === child.partyId && (e.kind === 'child_handed_over' || e.kind === 'child_returned'),
      )
      .at(-1)
    if (!last) return { ...child, whereabouts: 'with_resident' as const }
    return {
      ...child,
      whereabouts: last.kind === 'child_handed_over' ? ('in_session' as const) : ('returned' as const),
    }
  })
  return { ...session, parties, children }
}

/** The session with the queued taps and undos for it laid over it; the server's own entries win. */
export function applyOps(session: TodaySession, ops: readonly DoorOp[]): TodaySession {
  const mine = ops.filter((op) => op.sessionId === session.id)
  if (mine.length === 0) return session
  const known = new Set(session.events.map((event) => event.clientId))
  const undone = new Set(mine.flatMap((op) => (op.type === 'undo' ? [op.eventId] : [])))
  const events = session.events.map((event) => (undone.has(event.id) ? { ...event, voided: true } : event))
  for (const op of mine) {
    if (op.type !== 'tap' || known.has(op.clientId)) continue
    events.push(eventOf(op, op.partyId !== null))
  }
  return refreshWarnings(derivePresence({ ...session, events }))
}

/**
 * The standing warnings that follow from who is in the building, brought up to date with the taps
 * not yet sent: both parties in, someone not on the list inside, the second party in before the
 * first. The others (lateness, a child not returned) depend on the clock and wait for the server.
 */
export function refreshWarnings(session: TodaySession): TodaySession {
  const inside = [...whoIsIn(session.events).values()]
  const resident = inside.filter((e) => e.side === 'resident')
  const visiting = inside.filter((e) => e.side === 'non_resident')
  const unlisted = inside.filter((e) => e.partyId === null)
  const first = session.parties.find((p) => p.first)
  const second = session.parties.find((p) => !p.first)
  const now: DoorWarning[] = []
  if (resident.length > 0 && visiting.length > 0)
    now.push({
      code: 'DOOR-BOTH-IN',
      message: `Both parties are in the building (${namesOf(resident)}; ${namesOf(visiting)}): keep them apart.`,
    })
  if (unlisted.length > 0)
    now.push({
      code: 'DOOR-UNLISTED',
      message: `${namesOf(unlisted)} ${unlisted.length > 1 ? 'are' : 'is'} in the building but not on the family's list.`,
    })
  if (first?.presence === 'expected' && second?.presence === 'in')
    now.push({
      code: 'DOOR-ORDER',
      message: `The ${SIDE_WORDS[second.side]} is in before the ${SIDE_WORDS[first.side]}, who arrives first.`,
    })
  const derived = new Set(['DOOR-BOTH-IN', 'DOOR-UNLISTED', 'DOOR-ORDER'])
  const kept = session.warnings.filter((w) => !derived.has(w.code))
  const fromServer = (code: string) => session.warnings.find((w) => w.code === code)
  return { ...session, warnings: [...now.map((w) => fromServer(w.code) ?? w), ...kept] }
}

/** The board to show: the server's, with every tap not yet recorded or refused laid over it. */
export function applyQueue(board: TodayBoard, queue: DoorQueue): TodayBoard {
  const ops = queue.filter((item) => item.status !== 'failed').map((item) => item.op)
  if (ops.length === 0) return board
  return { ...board, sessions: board.sessions.map((session) => applyOps(session, ops)) }
}

/** The board with one session as the server now has it (after a tap was recorded). */
export function replaceSession(board: TodayBoard, session: TodaySession): TodayBoard {
  return { ...board, sessions: board.sessions.map((s) => (s.id === session.id ? session : s)) }
}

const SIDE_WORDS: Record<Side, string> = { non_resident: 'visiting parent', resident: 'resident parent' }

const namesOf = (events: AttendanceEventView[]): string => events.map((e) => e.name).join(' and ')

/**
 * The warnings a tap needs confirmed before it is sent, worked out on the tablet so the volunteer is
 * asked even without a connection. They follow the server's door rules (domain/session-day/
 * door.rules.ts), which check the same again and have the last word.
 */
export function warningsForTap(
  session: TodaySession,
  tap: Pick<DoorTap, 'kind' | 'partyId' | 'side' | 'name'>,
): DoorWarning[] {
  if (tap.kind !== 'arrived') return []
  const warnings: DoorWarning[] = []
  if (tap.partyId === null)
    warnings.push({
      code: 'DOOR-UNLISTED',
      message: `${tap.name} is not on this family's list. Only the people named for the family may come in.`,
    })
  const mine = session.parties.find((party) => party.side === tap.side)
  const other = session.parties.find((party) => party.side !== tap.side)
  if (!mine || !other) return warnings
  const others = [...whoIsIn(session.events).values()].filter((event) => event.side === other.side)
  if (others.length > 0) {
    const way = [mine.entrance, mine.waitingRoom].filter(Boolean).join(' and ')
    warnings.push({
      code: 'DOOR-BOTH-IN',
      message: `${namesOf(others)} of the ${SIDE_WORDS[other.side]}'s side ${
        others.length > 1 ? 'are' : 'is'
      } in the building. Keep ${tap.name} apart so the parties do not meet${way ? ` (${way})` : ''}.`,
    })
  }
  if (other.first && !mine.first && other.presence === 'expected')
    warnings.push({
      code: 'DOOR-ORDER',
      message: `The ${SIDE_WORDS[other.side]} arrives first (at ${other.localArrive}) and has not arrived yet.`,
    })
  return warnings
}

/** The last arrival or departure of a person, for "In the building since 09:46" or "Left 12:15". */
export function lastMovement(session: TodaySession, key: string): AttendanceEventView | null {
  const lines = liveEvents(session.events).filter(
    (event) => (event.kind === 'arrived' || event.kind === 'left') && personKey(event) === key,
  )
  return lines.at(-1) ?? null
}

/** Unlisted visitors in the building now who came for a side. */
export const visitorsIn = (session: TodaySession, side: Side): AttendanceEventView[] =>
  [...whoIsIn(session.events).values()].filter((event) => event.partyId === null && event.side === side)
