import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import {
  endSessionEarly,
  recordAttendance,
  setAttendanceNote,
  voidAttendance,
} from '../../domain/session-day/attendance'
import { feedbackSummary, giveFeedback, myFeedback } from '../../domain/session-day/feedback'
import {
  getSessionDaySettings,
  updateSessionDaySettings,
} from '../../domain/session-day/session-day-settings'
import {
  AttendanceNoteSchema,
  AttendanceRecordedSchema,
  EndEarlySchema,
  FeedbackInputSchema,
  FeedbackSummaryQuerySchema,
  FeedbackSummarySchema,
  MyFeedbackSchema,
  RecordAttendanceSchema,
  SessionDaySettingsSchema,
  TodayBoardSchema,
  TodayQuerySchema,
  TodaySessionSchema,
  UpdateSessionDaySettingsSchema,
  type FeedbackInput,
  type RecordAttendanceInput,
} from '../../domain/session-day/session-day.schemas'
import { getTodayBoard } from '../../domain/session-day/today'
import { idParam, routeDeclarer } from './route-helpers'

const SessionParams = idParam('sessionId')
const EventParams = idParam('eventId')
type SessionParam = z.infer<typeof SessionParams>
const CreatedSchema = z.object({ id: z.string() })

/** The session day: the Today board, check-in and check-out, observation records, feedback and settings. */
export function sessionDayRoutes(app: FastifyInstance, deps: Deps): void {
  const route = routeDeclarer(app, ['session day'])
  const desk = policies.roles('admin', 'coordinator')
  const door = policies.roles('admin', 'coordinator', 'volunteer')

  route<unknown, z.infer<typeof TodayQuerySchema>, unknown>(
    'get',
    '/api/today',
    {
      policy: door,
      action: 'today.read',
      summary:
        'The Today board: the day’s sessions, who may come and who must not, the team and the timeline',
      querystring: TodayQuerySchema,
      response: TodayBoardSchema,
    },
    (actor, { query }) => getTodayBoard(deps, actor, query),
  )
  route<SessionParam, unknown, RecordAttendanceInput>(
    'post',
    '/api/sessions/:sessionId/attendance',
    {
      policy: door,
      action: 'attendance.record',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'Record a tap at the door: arrived, left, child handed over or returned, refused entry',
      params: SessionParams,
      body: RecordAttendanceSchema,
      response: AttendanceRecordedSchema,
    },
    (actor, { params, body }) => recordAttendance(deps, actor, params.sessionId, body),
  )
  route<z.infer<typeof EventParams>, unknown, unknown>(
    'post',
    '/api/attendance-events/:eventId/void',
    {
      policy: door,
      action: 'attendance.void',
      resourceType: 'attendance_event',
      idParams: ['eventId'],
      summary: 'Strike out a line of the register (undo); the line is kept, marked void',
      params: EventParams,
      response: TodaySessionSchema,
      status: 200,
    },
    (actor, { params }) => voidAttendance(deps, actor, params.eventId),
  )
  route<SessionParam, unknown, z.infer<typeof EndEarlySchema>>(
    'post',
    '/api/sessions/:sessionId/end-early',
    {
      policy: door,
      action: 'session.end_early',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'End this session before its time; the family’s place and later sessions are untouched',
      params: SessionParams,
      body: EndEarlySchema,
      response: TodaySessionSchema,
      status: 200,
    },
    (actor, { params, body }) => endSessionEarly(deps, actor, params.sessionId, body),
  )
  route<SessionParam, unknown, z.infer<typeof AttendanceNoteSchema>>(
    'put',
    '/api/sessions/:sessionId/attendance-note',
    {
      policy: door,
      action: 'session.attendance_note',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'Keep a short practical note on attendance (never what happened in the session)',
      params: SessionParams,
      body: AttendanceNoteSchema,
      response: TodaySessionSchema,
    },
    (actor, { params, body }) => setAttendanceNote(deps, actor, params.sessionId, body),
  )

  // ---------- settings ----------
  route(
    'get',
    '/api/session-day-settings',
    {
      policy: desk,
      action: 'session_day.settings.read',
      summary: 'Lateness, incident notice times, observation deadlines, the ladder and feedback',
      response: SessionDaySettingsSchema,
    },
    (actor) => getSessionDaySettings(deps, actor),
  )
  route<unknown, unknown, z.infer<typeof UpdateSessionDaySettingsSchema>>(
    'patch',
    '/api/session-day-settings',
    {
      policy: policies.roles('admin'),
      action: 'session_day.settings.update',
      summary: 'Change some session-day rules',
      body: UpdateSessionDaySettingsSchema,
      response: SessionDaySettingsSchema,
    },
    (actor, { body }) => updateSessionDaySettings(deps, actor, body),
  )

  // ---------- feedback ----------
  route<SessionParam, unknown, FeedbackInput>(
    'post',
    '/api/sessions/:sessionId/feedback',
    {
      policy: policies.roles('admin', 'coordinator', 'volunteer', 'parent'),
      action: 'feedback.create',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'Say how a session went: a parent’s own form, or a child’s faces form with a volunteer',
      params: SessionParams,
      body: FeedbackInputSchema,
      response: CreatedSchema,
    },
    (actor, { params, body }) => giveFeedback(deps, actor, params.sessionId, body),
  )
  route(
    'get',
    '/api/my/feedback',
    {
      policy: policies.roles('parent'),
      action: 'feedback.mine.list',
      summary: 'Your sessions of the last 90 days and whether you have said how each went',
      response: MyFeedbackSchema,
    },
    (actor) => myFeedback(deps, actor),
  )
  route<unknown, z.infer<typeof FeedbackSummaryQuerySchema>, unknown>(
    'get',
    '/api/feedback/summary',
    {
      policy: desk,
      action: 'feedback.summary.read',
      summary:
        'How families found their sessions over a period, in aggregate, comments without names or dates',
      querystring: FeedbackSummaryQuerySchema,
      response: FeedbackSummarySchema,
    },
    (actor, { query }) => feedbackSummary(deps, actor, query),
  )
}
