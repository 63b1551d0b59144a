import { api, call } from '../../api/client'
import type { DoorOp } from './door-queue'
import type { FeedbackInput, ReportIncidentInput, TodaySession } from './types'

// The Today board's calls to the API. Taps and undos go through the door outbox (door-outbox.ts);
// the rest are sent when the volunteer presses the button, and need a connection.

export const todayKey = ['today'] as const

export interface BoardChoice {
  centreId: string | null
  date: string | null
}

export const todayQueryKey = (choice: BoardChoice) => [...todayKey, choice.centreId, choice.date] as const

export const fetchBoard = (choice: BoardChoice) =>
  call(
    api.GET('/api/today', {
      params: {
        query: {
          ...(choice.centreId ? { centreId: choice.centreId } : {}),
          ...(choice.date ? { date: choice.date } : {}),
        },
      },
    }),
  )

/** Sends one tap or undo; the session comes back as the server now has it. */
export async function sendDoorOp(op: DoorOp): Promise<TodaySession> {
  if (op.type === 'undo')
    return call(
      api.POST('/api/attendance-events/{eventId}/void', { params: { path: { eventId: op.eventId } } }),
    )
  const result = await call(
    api.POST('/api/sessions/{sessionId}/attendance', {
      params: { path: { sessionId: op.sessionId } },
      body: {
        clientId: op.clientId,
        kind: op.kind,
        partyId: op.partyId,
        ...(op.partyId === null ? { side: op.side, visitorName: op.visitorName ?? op.name } : {}),
        at: op.at,
        ...(op.note ? { note: op.note } : {}),
        confirmed: op.confirmed,
      },
    }),
  )
  return result.session
}

export const endEarly = (sessionId: string, body: { reason: string; version: number }) =>
  call(api.POST('/api/sessions/{sessionId}/end-early', { params: { path: { sessionId } }, body }))

export const saveAttendanceNote = (sessionId: string, body: { note: string; version: number }) =>
  call(api.PUT('/api/sessions/{sessionId}/attendance-note', { params: { path: { sessionId } }, body }))

export const reportIncident = (body: ReportIncidentInput) => call(api.POST('/api/incidents', { body }))

export const giveChildFeedback = (sessionId: string, body: Extract<FeedbackInput, { form: 'child' }>) =>
  call(api.POST('/api/sessions/{sessionId}/feedback', { params: { path: { sessionId } }, body }))
