import type { AttendanceKind, DoorWarning, Side } from './types'

// The door's taps waiting to reach the server, and how they show on the board before they do.
// Everything here is pure: the queue lives in the page's memory only (never in browser storage),
// so a shared tablet keeps nothing once the person signs out.

/** A tap at the door: someone arrived, left, was turned away, or a child passed between adults. */
export interface DoorTap {
  type: 'tap'
  /** The tablet's own id for the tap: resent unchanged on every retry, so it is recorded once. */
  clientId: string
  sessionId: string
  kind: AttendanceKind
  /** A listed person, or null for someone who is not on the list. */
  partyId: string | null
  /** The side the person came for: their party's, or the one an unlisted person named. */
  side: Side | null
  /** The name an unlisted person gave. */
  visitorName: string | null
  /** The name shown on the board. */
  name: string
  /** When the volunteer tapped, not when it reached the server. */
  at: string
  note: string | null
  /** Warning codes the volunteer saw and chose to go ahead with. */
  confirmed: string[]
}

/** Undoing a mis-tap the server already holds. */
export interface DoorUndo {
  type: 'undo'
  clientId: string
  sessionId: string
  eventId: string
  at: string
}

export type DoorOp = DoorTap | DoorUndo

/**
 * waiting: to be sent (again, after `retryAt`); sending: on its way; confirm: the server asked the
 * volunteer to confirm warnings first; failed: refused for good, shown as "Not recorded".
 */
export type ItemStatus = 'waiting' | 'sending' | 'confirm' | 'failed'

export interface QueueItem {
  op: DoorOp
  status: ItemStatus
  attempts: number
  /** Epoch milliseconds before which a retry is not tried. */
  retryAt: number
  /** The warnings the server wants confirmed (status confirm). */
  warnings: DoorWarning[]
  /** Why it was not recorded (status failed). */
  message: string | null
}

export type DoorQueue = readonly QueueItem[]

export const enqueue = (queue: DoorQueue, op: DoorOp): DoorQueue => [
  ...queue,
  { op, status: 'waiting', attempts: 0, retryAt: 0, warnings: [], message: null },
]

const update = (queue: DoorQueue, clientId: string, change: (item: QueueItem) => QueueItem): DoorQueue =>
  queue.map((item) => (item.op.clientId === clientId ? change(item) : item))

export const markSending = (queue: DoorQueue, clientId: string): DoorQueue =>
  update(queue, clientId, (item) => ({ ...item, status: 'sending' }))

/** Recorded by the server: the board it answered with shows it from now on. */
export const markSent = (queue: DoorQueue, clientId: string): DoorQueue =>
  queue.filter((item) => item.op.clientId !== clientId)

/** Wait before the next attempt: 2 s, 4 s, 8 s... up to 30 s. */
export const retryDelay = (attempts: number): number =>
  Math.min(30_000, 2_000 * 2 ** Math.max(0, attempts - 1))

/** Not sent this time (no connection, a server hiccup): try again later, in the same order. */
export const markRetry = (queue: DoorQueue, clientId: string, now: number): DoorQueue =>
  update(queue, clientId, (item) => ({
    ...item,
    status: 'waiting',
    attempts: item.attempts + 1,
    retryAt: now + retryDelay(item.attempts + 1),
  }))

export const markConfirm = (queue: DoorQueue, clientId: string, warnings: DoorWarning[]): DoorQueue =>
  update(queue, clientId, (item) => ({ ...item, status: 'confirm', warnings }))

export const markFailed = (queue: DoorQueue, clientId: string, message: string): DoorQueue =>
  update(queue, clientId, (item) => ({ ...item, status: 'failed', message }))

/** The volunteer saw the server's warnings and goes ahead: the tap is sent again with them confirmed. */
export const confirmItem = (queue: DoorQueue, clientId: string, codes: string[]): DoorQueue =>
  update(queue, clientId, (item) => {
    if (item.op.type !== 'tap') return item
    const confirmed = [...new Set([...item.op.confirmed, ...codes])]
    return { ...item, op: { ...item.op, confirmed }, status: 'waiting', retryAt: 0, warnings: [] }
  })

/** Cancelled, undone before it was sent, or a "Not recorded" message dismissed. */
export const dropItem = (queue: DoorQueue, clientId: string): DoorQueue => markSent(queue, clientId)

/** The connection is back: try everything waiting now rather than after its back-off. */
export const retryNow = (queue: DoorQueue): DoorQueue =>
  queue.map((item) => (item.status === 'waiting' ? { ...item, retryAt: 0 } : item))

/** Taps not yet recorded and not refused: what the banner counts and leaving the page would lose. */
export const pendingCount = (queue: DoorQueue): number =>
  queue.filter((item) => item.status !== 'failed').length

/**
 * The next item to send, one at a time and in the order tapped. A tap the server wants confirmed
 * holds back the later taps of its own session only (their meaning may depend on it); a tap
 * waiting out its back-off holds back everything behind it, so the order is kept.
 */
export function nextToSend(queue: DoorQueue, now: number): QueueItem | null {
  const held = new Set<string>()
  for (const item of queue) {
    if (item.status === 'sending') return null
    if (item.status === 'failed') continue
    if (item.status === 'confirm') {
      held.add(item.op.sessionId)
      continue
    }
    if (held.has(item.op.sessionId)) continue
    return item.retryAt <= now ? item : null
  }
  return null
}

/** The earliest time something waiting may be tried again, or null when nothing waits. */
export function nextRetryAt(queue: DoorQueue): number | null {
  const times = queue.filter((item) => item.status === 'waiting').map((item) => item.retryAt)
  return times.length === 0 ? null : Math.min(...times)
}

export type FailureKind = 'offline' | 'signed-out' | 'confirm' | 'rejected' | 'retry'

/** Enough of an API error to decide what to do with the tap. */
export interface Failure {
  status: number
  code: string
  details?: unknown
}

/** The server's warnings that need the volunteer's confirmation, from a 409's details. */
export function confirmationWarnings(details: unknown): DoorWarning[] | null {
  if (typeof details !== 'object' || details === null) return null
  const { rule, warnings } = details as { rule?: unknown; warnings?: unknown }
  if (rule !== 'needs-confirmation') return null
  if (!Array.isArray(warnings)) return []
  return warnings.filter(
    (w): w is DoorWarning =>
      typeof w === 'object' &&
      w !== null &&
      typeof (w as DoorWarning).code === 'string' &&
      typeof (w as DoorWarning).message === 'string',
  )
}

/**
 * What a failed send means: no connection (keep it, retry), the sign-in ran out (keep it until the
 * person signs in again), warnings to confirm, refused for good (any other 4xx), or a server hiccup.
 */
export function classifyFailure(failure: Failure): FailureKind {
  if (failure.status === 0) return 'offline'
  if (failure.status === 401) return 'signed-out'
  if (failure.status === 409 && confirmationWarnings(failure.details) !== null) return 'confirm'
  if (failure.code === 'CSRF_REJECTED' || failure.status === 408 || failure.status === 429) return 'retry'
  if (failure.status >= 400 && failure.status < 500) return 'rejected'
  return 'retry'
}
