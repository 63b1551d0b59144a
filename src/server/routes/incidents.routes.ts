import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { issueWarning, liftSuspension, suspendCase } from '../../domain/session-day/conduct'
import {
  getConduct,
  getIncident,
  listIncidents,
  notifyReferrerNow,
  reviewIncident,
} from '../../domain/session-day/incidents'
import { reportIncident } from '../../domain/session-day/report-incident'
import { sendDueReferrerNotices } from '../../domain/session-day/referrer-notices'
import {
  ConductSchema,
  IncidentListSchema,
  IncidentQuerySchema,
  IncidentSchema,
  IssueWarningSchema,
  LiftSuspensionSchema,
  ReferrerNoticeSentSchema,
  ReferrerNoticesRunSchema,
  ReportIncidentSchema,
  ReviewIncidentSchema,
  SuspendSchema,
  SuspensionSchema,
  WarningSchema,
  type ReportIncidentInput,
} from '../../domain/session-day/session-day.schemas'
import { idParam, routeDeclarer } from './route-helpers'

/**
 * Incidents, warnings and suspensions: volunteers on duty report, the desk reviews, warns, suspends
 * and re-admits; referrers hear of incidents by the centre's deadline.
 */
export function incidentRoutes(app: FastifyInstance, deps: Deps): void {
  const route = routeDeclarer(app, ['incidents'])
  const desk = policies.roles('admin', 'coordinator')
  const admin = policies.roles('admin')
  const team = policies.roles('admin', 'coordinator', 'volunteer')

  route<unknown, unknown, ReportIncidentInput>(
    'post',
    '/api/incidents',
    {
      policy: team,
      action: 'incident.create',
      resourceType: 'incident',
      summary:
        'Report an incident (from a session: the desk or a volunteer on duty that day); the coordinators are told at once',
      body: ReportIncidentSchema,
      response: IncidentSchema,
    },
    (actor, { body }) => reportIncident(deps, actor, body),
  )
  route<unknown, z.infer<typeof IncidentQuerySchema>, unknown>(
    'get',
    '/api/incidents',
    {
      policy: desk,
      action: 'incident.list',
      summary: 'Incidents of your centres, newest first, without their accounts',
      querystring: IncidentQuerySchema,
      response: IncidentListSchema,
    },
    (actor, { query }) => listIncidents(deps, actor, query),
  )
  route(
    'post',
    '/api/incidents/referrer-notices',
    {
      policy: admin,
      action: 'incident.referrer_notices.run',
      summary: 'Send the referrer notices that have fallen due (they also go every quarter of an hour)',
      response: ReferrerNoticesRunSchema,
      status: 200,
    },
    (actor) =>
      sendDueReferrerNotices(deps, deps.clock.now(), { organisationId: actor.organisationId, actor }),
  )
  route<{ incidentId: string }, unknown, unknown>(
    'get',
    '/api/incidents/:incidentId',
    {
      policy: desk,
      action: 'incident.read',
      resourceType: 'incident',
      idParams: ['incidentId'],
      summary: 'An incident with its account, warnings, suspension and the ladder’s suggestion',
      params: idParam('incidentId'),
      response: IncidentSchema,
    },
    (actor, { params }) => getIncident(deps, actor, params.incidentId),
  )
  route<{ incidentId: string }, unknown, z.infer<typeof ReviewIncidentSchema>>(
    'post',
    '/api/incidents/:incidentId/review',
    {
      policy: desk,
      action: 'incident.review',
      resourceType: 'incident',
      idParams: ['incidentId'],
      summary: 'Record the coordinator’s review: reviewed or closed, with what was decided',
      params: idParam('incidentId'),
      body: ReviewIncidentSchema,
      response: IncidentSchema,
      status: 200,
    },
    (actor, { params, body }) => reviewIncident(deps, actor, params.incidentId, body),
  )
  route<{ incidentId: string }, unknown, unknown>(
    'post',
    '/api/incidents/:incidentId/notify-referrer',
    {
      policy: desk,
      action: 'incident.notify_referrer',
      resourceType: 'incident',
      idParams: ['incidentId'],
      summary: 'Send the referrer notice of an incident now (once)',
      params: idParam('incidentId'),
      response: ReferrerNoticeSentSchema,
      status: 200,
    },
    (actor, { params }) => notifyReferrerNow(deps, actor, params.incidentId),
  )

  route<{ caseId: string }, unknown, unknown>(
    'get',
    '/api/cases/:caseId/conduct',
    {
      policy: desk,
      action: 'case.conduct.read',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'A case’s incidents, warnings and suspensions',
      params: idParam('caseId'),
      response: ConductSchema,
    },
    (actor, { params }) => getConduct(deps, actor, params.caseId),
  )
  route<{ caseId: string }, unknown, z.infer<typeof IssueWarningSchema>>(
    'post',
    '/api/cases/:caseId/warnings',
    {
      policy: desk,
      action: 'warning.create',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'Record a warning or sanction given to an adult of the case',
      params: idParam('caseId'),
      body: IssueWarningSchema,
      response: WarningSchema,
    },
    (actor, { params, body }) => issueWarning(deps, actor, params.caseId, body),
  )
  route<{ caseId: string }, unknown, z.infer<typeof SuspendSchema>>(
    'post',
    '/api/cases/:caseId/suspensions',
    {
      policy: desk,
      action: 'suspension.create',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'Suspend the case’s booked sessions from a date, with the conditions for re-admission',
      params: idParam('caseId'),
      body: SuspendSchema,
      response: SuspensionSchema,
    },
    (actor, { params, body }) => suspendCase(deps, actor, params.caseId, body),
  )
  route<{ suspensionId: string }, unknown, z.infer<typeof LiftSuspensionSchema>>(
    'post',
    '/api/suspensions/:suspensionId/lift',
    {
      policy: desk,
      action: 'suspension.lift',
      resourceType: 'suspension',
      idParams: ['suspensionId'],
      summary: 'Re-admit the family: future suspended sessions are booked again and the parents told',
      params: idParam('suspensionId'),
      body: LiftSuspensionSchema,
      response: SuspensionSchema,
      status: 200,
    },
    (actor, { params, body }) => liftSuspension(deps, actor, params.suspensionId, body),
  )
}
