import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { AppError } from '../../domain/errors'
import { mySessions, nextSlots, venueCalendar } from '../../domain/scheduling/calendar'
import { createFeed, listMyFeeds, renderFeed, revokeFeed } from '../../domain/scheduling/feeds'
import {
  changeOpening,
  createClosure,
  createOpening,
  listVenueOpenings,
  rehomeVenue,
  removeClosure,
} from '../../domain/scheduling/openings'
import { changePlan, createPlan, endPlan, getCaseSchedule, previewPlan } from '../../domain/scheduling/plans'
import { getSchedulingSettings, updateSchedulingSettings } from '../../domain/scheduling/scheduling-settings'
import {
  CalendarQuerySchema,
  CalendarSchema,
  CancelSessionSchema,
  CaseScheduleSchema,
  ChangePlanSchema,
  ClosureCreatedSchema,
  CreateClosureSchema,
  CreateFeedSchema,
  CreateOpeningSchema,
  CreatePlanSchema,
  EndPlanSchema,
  FeedCreatedSchema,
  FeedListSchema,
  FeedSchema,
  FeedTokenParamSchema,
  MoveCheckSchema,
  MoveSessionSchema,
  MySessionsSchema,
  OpeningSchema,
  OpeningsSchema,
  PlanBookedSchema,
  PlanPreviewSchema,
  RecordOutcomeSchema,
  RehomedSchema,
  RehomeSchema,
  SchedulingSettingsSchema,
  SessionSchema,
  SlotsQuerySchema,
  SlotsSchema,
  UpdateOpeningSchema,
  UpdateSchedulingSettingsSchema,
} from '../../domain/scheduling/scheduling.schemas'
import { cancelSession, getSession, moveSession, recordOutcome } from '../../domain/scheduling/sessions'
import { actorOf, errors, idParam, NoContent, typed } from './route-helpers'

const HOUR = 60 * 60 * 1000

/** Opening hours and closures, contact plans, sessions, calendars and private calendar feeds. */
export function schedulingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['scheduling']
  const desk = policies.roles('admin', 'coordinator')
  const audit = (action: string, resourceType: string, idParams: string[]) => ({
    action,
    resourceType,
    idParams,
  })

  r.get(
    '/api/scheduling-settings',
    {
      config: { policy: desk, audit: { action: 'scheduling.settings.read' } },
      schema: {
        tags,
        summary: 'Arrival order, notice and the other scheduling rules',
        response: { 200: SchedulingSettingsSchema, ...errors },
      },
    },
    async (request) => getSchedulingSettings(deps, actorOf(request)),
  )

  r.patch(
    '/api/scheduling-settings',
    {
      config: { policy: policies.roles('admin'), audit: { action: 'scheduling.settings.update' } },
      schema: {
        tags,
        summary: 'Change some scheduling rules',
        body: UpdateSchedulingSettingsSchema,
        response: { 200: SchedulingSettingsSchema, ...errors },
      },
    },
    async (request) => updateSchedulingSettings(deps, actorOf(request), request.body),
  )

  r.get(
    '/api/venues/:venueId/openings',
    {
      config: { policy: desk, audit: audit('opening.list', 'venue', ['venueId']) },
      schema: {
        tags,
        summary: 'When the venue opens, and closures ahead',
        params: idParam('venueId'),
        response: { 200: OpeningsSchema, ...errors },
      },
    },
    async (request) => listVenueOpenings(deps, actorOf(request), request.params.venueId),
  )

  r.post(
    '/api/venues/:venueId/openings',
    {
      config: { policy: desk, audit: audit('opening.create', 'venue', ['venueId']) },
      schema: {
        tags,
        summary: 'Add an opening session (e.g. every other Saturday 10:00–16:00)',
        params: idParam('venueId'),
        body: CreateOpeningSchema,
        response: { 201: OpeningSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOpening(deps, actorOf(request), request.params.venueId, request.body)),
  )

  r.patch(
    '/api/openings/:openingId',
    {
      config: { policy: desk, audit: audit('opening.update', 'opening', ['openingId']) },
      schema: {
        tags,
        summary: 'Change or retire an opening session',
        params: idParam('openingId'),
        body: UpdateOpeningSchema,
        response: { 200: OpeningSchema, ...errors },
      },
    },
    async (request) => changeOpening(deps, actorOf(request), request.params.openingId, request.body),
  )

  r.post(
    '/api/centres/:centreId/closures',
    {
      config: { policy: desk, audit: audit('closure.create', 'centre', ['centreId']) },
      schema: {
        tags,
        summary: 'Close the centre or one venue for some days; lists sessions already booked then',
        params: idParam('centreId'),
        body: CreateClosureSchema,
        response: { 201: ClosureCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createClosure(deps, actorOf(request), request.params.centreId, request.body)),
  )

  r.delete(
    '/api/closures/:closureId',
    {
      config: { policy: desk, audit: audit('closure.delete', 'closure', ['closureId']) },
      schema: {
        tags,
        summary: 'Withdraw a closure',
        params: idParam('closureId'),
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await removeClosure(deps, actorOf(request), request.params.closureId)
      return reply.code(204).send(null)
    },
  )

  r.post(
    '/api/venues/:venueId/rehome',
    {
      config: { policy: desk, audit: audit('venue.rehome', 'venue', ['venueId']) },
      schema: {
        tags,
        summary: 'Move future sessions and plans to a new venue, room by room, keeping history',
        params: idParam('venueId'),
        body: RehomeSchema,
        response: { 200: RehomedSchema, ...errors },
      },
    },
    async (request) => rehomeVenue(deps, actorOf(request), request.params.venueId, request.body),
  )

  r.get(
    '/api/venues/:venueId/calendar',
    {
      config: { policy: desk, audit: audit('calendar.read', 'venue', ['venueId']) },
      schema: {
        tags,
        summary: 'A venue’s days by room: openings, capacity used, closures and both parties’ windows',
        params: idParam('venueId'),
        querystring: CalendarQuerySchema,
        response: { 200: CalendarSchema, ...errors },
      },
    },
    async (request) => venueCalendar(deps, actorOf(request), request.params.venueId, request.query),
  )

  r.get(
    '/api/cases/:caseId/schedule',
    {
      config: { policy: desk, audit: audit('schedule.read', 'case', ['caseId']) },
      schema: {
        tags,
        summary: 'The case’s contact plans and sessions, missed sessions and review flag',
        params: idParam('caseId'),
        response: { 200: CaseScheduleSchema, ...errors },
      },
    },
    async (request) => getCaseSchedule(deps, actorOf(request), request.params.caseId),
  )

  r.get(
    '/api/cases/:caseId/slots',
    {
      config: { policy: desk, audit: audit('schedule.slots.read', 'case', ['caseId']) },
      schema: {
        tags,
        summary: 'The next times a session for this family would fit',
        params: idParam('caseId'),
        querystring: SlotsQuerySchema,
        response: { 200: SlotsSchema, ...errors },
      },
    },
    async (request) => nextSlots(deps, actorOf(request), request.params.caseId, request.query),
  )

  r.post(
    '/api/cases/:caseId/plans/preview',
    {
      config: { policy: desk, audit: audit('plan.preview', 'case', ['caseId']) },
      schema: {
        tags,
        summary: 'The dates a plan would book and what clashes, booking nothing',
        params: idParam('caseId'),
        body: CreatePlanSchema,
        response: { 200: PlanPreviewSchema, ...errors },
      },
    },
    async (request) => previewPlan(deps, actorOf(request), request.params.caseId, request.body),
  )

  r.post(
    '/api/cases/:caseId/plans',
    {
      config: { policy: desk, audit: audit('plan.create', 'case', ['caseId']) },
      schema: {
        tags,
        summary: 'Make a contact plan and book its sessions (a one-off is a plan of one)',
        params: idParam('caseId'),
        body: CreatePlanSchema,
        response: { 201: PlanBookedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPlan(deps, actorOf(request), request.params.caseId, request.body)),
  )

  r.post(
    '/api/plans/:planId/change',
    {
      config: { policy: desk, audit: audit('plan.change', 'plan', ['planId']) },
      schema: {
        tags,
        summary: 'Change a plan from a date on; earlier sessions keep the old plan',
        params: idParam('planId'),
        body: ChangePlanSchema,
        response: { 201: PlanBookedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changePlan(deps, actorOf(request), request.params.planId, request.body)),
  )

  r.post(
    '/api/plans/:planId/end',
    {
      config: { policy: desk, audit: audit('plan.end', 'plan', ['planId']) },
      schema: {
        tags,
        summary: 'Cancel the series from a date, keeping every earlier session',
        params: idParam('planId'),
        body: EndPlanSchema,
        response: { 200: CaseScheduleSchema, ...errors },
      },
    },
    async (request) => endPlan(deps, actorOf(request), request.params.planId, request.body),
  )

  r.get(
    '/api/sessions/:sessionId',
    {
      config: { policy: desk, audit: audit('session.read', 'session', ['sessionId']) },
      schema: {
        tags,
        summary: 'One session',
        params: idParam('sessionId'),
        response: { 200: SessionSchema, ...errors },
      },
    },
    async (request) => getSession(deps, actorOf(request), request.params.sessionId),
  )

  r.post(
    '/api/sessions/:sessionId/move',
    {
      config: { policy: desk, audit: audit('session.move', 'session', ['sessionId']) },
      schema: {
        tags,
        summary: 'Move one occurrence (or check first with dryRun); the rest of the series is untouched',
        params: idParam('sessionId'),
        body: MoveSessionSchema,
        response: { 200: MoveCheckSchema, ...errors },
      },
    },
    async (request) => moveSession(deps, actorOf(request), request.params.sessionId, request.body),
  )

  r.post(
    '/api/sessions/:sessionId/cancel',
    {
      config: { policy: desk, audit: audit('session.cancel', 'session', ['sessionId']) },
      schema: {
        tags,
        summary: 'Cancel one session: who, when the centre was told, notice and reason',
        params: idParam('sessionId'),
        body: CancelSessionSchema,
        response: { 200: SessionSchema, ...errors },
      },
    },
    async (request) => cancelSession(deps, actorOf(request), request.params.sessionId, request.body),
  )

  r.post(
    '/api/sessions/:sessionId/outcome',
    {
      config: { policy: desk, audit: audit('session.outcome', 'session', ['sessionId']) },
      schema: {
        tags,
        summary: 'Record who came; unexplained misses can flag the case for review',
        params: idParam('sessionId'),
        body: RecordOutcomeSchema,
        response: { 200: SessionSchema, ...errors },
      },
    },
    async (request) => recordOutcome(deps, actorOf(request), request.params.sessionId, request.body),
  )

  r.get(
    '/api/my/sessions',
    {
      config: { policy: policies.roles('parent'), audit: { action: 'my_family.sessions.list' } },
      schema: {
        tags,
        summary: 'A parent’s own sessions: their own times, door and waiting area only',
        response: { 200: MySessionsSchema, ...errors },
      },
    },
    async (request) => mySessions(deps, actorOf(request)),
  )

  const feedOwners = policies.roles('admin', 'coordinator', 'volunteer', 'parent')
  r.get(
    '/api/calendar-feeds',
    {
      config: { policy: feedOwners, audit: { action: 'calendar_feed.list' } },
      schema: {
        tags,
        summary: 'My private calendar addresses',
        response: { 200: FeedListSchema, ...errors },
      },
    },
    async (request) => listMyFeeds(deps, actorOf(request)),
  )

  r.post(
    '/api/calendar-feeds',
    {
      config: { policy: feedOwners, audit: { action: 'calendar_feed.create' } },
      schema: {
        tags,
        summary: 'Make a private calendar address (shown once) for a phone or computer calendar',
        body: CreateFeedSchema,
        response: { 201: FeedCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFeed(deps, actorOf(request), request.body.label)),
  )

  r.post(
    '/api/calendar-feeds/:feedId/revoke',
    {
      config: { policy: feedOwners, audit: audit('calendar_feed.revoke', 'calendar_feed', ['feedId']) },
      schema: {
        tags,
        summary: 'Stop a calendar address working, at once',
        params: idParam('feedId'),
        response: { 200: FeedSchema, ...errors },
      },
    },
    async (request) => revokeFeed(deps, actorOf(request), request.params.feedId),
  )

  r.get(
    '/api/feeds/:token',
    {
      config: {
        policy: policies.public(),
        audit: { action: 'calendar_feed.read', resourceType: 'calendar_feed' },
        rateLimit: { max: 120, timeWindow: HOUR },
      },
      schema: {
        tags,
        summary: 'An iCalendar feed (RFC 5545); the secret address is the only credential',
        params: FeedTokenParamSchema,
        produces: ['text/calendar'],
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '')
      const text = await renderFeed(deps, token, request.auditOrigin)
      if (text === null) throw new AppError('NOT_FOUND', 'There is no calendar at this address')
      return reply
        .type('text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="kinbridge.ics"')
        .send(text)
    },
  )
}
