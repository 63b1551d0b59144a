import { useCallback, useState } from 'react'
import { isPendingEvent, PENDING_PREFIX, warningsForTap } from './door-board'
import type { DoorOutbox } from './door-outbox'
import type { DoorTap } from './door-queue'
import { KIND_WORDS } from './today-words'
import type { AttendanceEventView, AttendanceKind, DoorWarning, Side, TodaySession } from './types'

/** A fresh id for a tap. crypto.randomUUID needs a secure page; getRandomValues works everywhere. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Who a tap is about: a listed person (partyId), or someone not on the list (visitorName). */
export interface TapInput {
  kind: AttendanceKind
  partyId: string | null
  side: Side | null
  name: string
}

/** A tap the tablet's own check wants confirmed before it goes into the queue. */
export interface Asking {
  tap: DoorTap
  warnings: DoorWarning[]
}

export interface Door {
  /** Records a tap now, or asks first when it breaks a door rule. */
  tap: (session: TodaySession, input: TapInput) => void
  /** Undoes a line of the register: a tap not yet sent is simply dropped. */
  undo: (event: AttendanceEventView) => void
  asking: Asking | null
  goAhead: () => void
  cancel: () => void
}

/** "Nick Example arrived": a line of the register in words. */
export const eventWords = (event: Pick<AttendanceEventView, 'name' | 'kind'>): string =>
  `${event.name} ${KIND_WORDS[event.kind]}`

/**
 * The door's actions: each tap takes the time it was made, is checked against the board as shown,
 * and goes into the outbox; `announce` tells screen-reader users what was recorded.
 */
export function useDoor(
  box: DoorOutbox,
  announce: (message: string) => void,
  time: (iso: string) => string,
): Door {
  const [asking, setAsking] = useState<Asking | null>(null)

  const queue = useCallback(
    (tap: DoorTap) => {
      box.add(tap)
      const state = box.getSnapshot()
      const later =
        state.browserOnline && state.reachable ? '' : ' It will be sent when the connection is back.'
      announce(`${eventWords(tap)} at ${time(tap.at)}.${later}`)
    },
    [box, announce, time],
  )

  const tap = useCallback(
    (session: TodaySession, input: TapInput) => {
      const draft: DoorTap = {
        type: 'tap',
        clientId: newClientId(),
        sessionId: session.id,
        kind: input.kind,
        partyId: input.partyId,
        side: input.side,
        visitorName: input.partyId === null ? input.name : null,
        name: input.name,
        at: new Date().toISOString(),
        note: null,
        confirmed: [],
      }
      const warnings = warningsForTap(session, draft)
      if (warnings.length > 0) setAsking({ tap: draft, warnings })
      else queue(draft)
    },
    [queue],
  )

  const undo = useCallback(
    (event: AttendanceEventView) => {
      if (isPendingEvent(event)) {
        if (box.drop(event.id.slice(PENDING_PREFIX.length))) announce(`Undone: ${eventWords(event)}.`)
        return
      }
      box.add({
        type: 'undo',
        clientId: newClientId(),
        sessionId: event.sessionId,
        eventId: event.id,
        at: new Date().toISOString(),
      })
      announce(`Undone: ${eventWords(event)}.`)
    },
    [box, announce],
  )

  const goAhead = useCallback(() => {
    if (!asking) return
    queue({ ...asking.tap, confirmed: asking.warnings.map((w) => w.code) })
    setAsking(null)
  }, [asking, queue])

  const cancel = useCallback(() => {
    if (asking) announce(`Not recorded: ${eventWords(asking.tap)}.`)
    setAsking(null)
  }, [asking, announce])

  return { tap, undo, asking, goAhead, cancel }
}
