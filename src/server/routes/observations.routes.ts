import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import {
  getObservation,
  getSessionObservation,
  listObservations,
  releaseObservation,
  returnObservation,
  saveObservation,
  submitObservation,
} from '../../domain/session-day/observations'
import {
  ObservationActSchema,
  ObservationQueueQuerySchema,
  ObservationQueueSchema,
  ObservationSchema,
  ReturnObservationSchema,
  SaveObservationSchema,
  SessionObservationSchema,
} from '../../domain/session-day/session-day.schemas'
import { idParam, routeDeclarer } from './route-helpers'

const SessionParams = idParam('sessionId')
const ObservationParams = idParam('observationId')
type SessionId = z.infer<typeof SessionParams>
type ObservationId = z.infer<typeof ObservationParams>

/** Observation records of supervised sessions: autosaved drafts, submission, return and release. */
export function observationRoutes(app: FastifyInstance, deps: Deps): void {
  const route = routeDeclarer(app, ['observations'])
  const team = policies.roles('admin', 'coordinator', 'volunteer')
  const desk = policies.roles('admin', 'coordinator')

  route<unknown, z.infer<typeof ObservationQueueQuerySchema>, unknown>(
    'get',
    '/api/observations',
    {
      policy: team,
      action: 'observation.list',
      resourceType: 'observation',
      summary: 'Observation records to write or check: the desk sees its centres’, a volunteer their own',
      querystring: ObservationQueueQuerySchema,
      response: ObservationQueueSchema,
    },
    (actor, { query }) => listObservations(deps, actor, query),
  )
  route<ObservationId, unknown, unknown>(
    'get',
    '/api/observations/:observationId',
    {
      policy: team,
      action: 'observation.read',
      resourceType: 'observation',
      idParams: ['observationId'],
      summary: 'One observation record, for the desk or its author',
      params: ObservationParams,
      response: ObservationSchema,
    },
    (actor, { params }) => getObservation(deps, actor, params.observationId),
  )
  route<SessionId, unknown, unknown>(
    'get',
    '/api/sessions/:sessionId/observation',
    {
      policy: team,
      action: 'observation.read',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'A session’s observation record, or why it may not have one (supported sessions never do)',
      params: SessionParams,
      response: SessionObservationSchema,
    },
    (actor, { params }) => getSessionObservation(deps, actor, params.sessionId),
  )
  route<SessionId, unknown, z.infer<typeof SaveObservationSchema>>(
    'put',
    '/api/sessions/:sessionId/observation',
    {
      policy: team,
      action: 'observation.save',
      resourceType: 'session',
      idParams: ['sessionId'],
      summary: 'Save the sections written so far (version 0 starts the record); a stale version is refused',
      params: SessionParams,
      body: SaveObservationSchema,
      response: ObservationSchema,
    },
    (actor, { params, body }) => saveObservation(deps, actor, params.sessionId, body),
  )
  route<ObservationId, unknown, z.infer<typeof ObservationActSchema>>(
    'post',
    '/api/observations/:observationId/submit',
    {
      policy: team,
      action: 'observation.submit',
      resourceType: 'observation',
      idParams: ['observationId'],
      summary: 'The author sends the record for checking',
      params: ObservationParams,
      body: ObservationActSchema,
      response: ObservationSchema,
      status: 200,
    },
    (actor, { params, body }) => submitObservation(deps, actor, params.observationId, body.version),
  )
  route<ObservationId, unknown, z.infer<typeof ReturnObservationSchema>>(
    'post',
    '/api/observations/:observationId/return',
    {
      policy: desk,
      action: 'observation.return',
      resourceType: 'observation',
      idParams: ['observationId'],
      summary: 'Send the record back to its author with what to change (not by the author)',
      params: ObservationParams,
      body: ReturnObservationSchema,
      response: ObservationSchema,
      status: 200,
    },
    (actor, { params, body }) => returnObservation(deps, actor, params.observationId, body),
  )
  route<ObservationId, unknown, z.infer<typeof ObservationActSchema>>(
    'post',
    '/api/observations/:observationId/release',
    {
      policy: desk,
      action: 'observation.release',
      resourceType: 'observation',
      idParams: ['observationId'],
      summary: 'Release a checked record (not by the author); it never changes again',
      params: ObservationParams,
      body: ObservationActSchema,
      response: ObservationSchema,
      status: 200,
    },
    (actor, { params, body }) => releaseObservation(deps, actor, params.observationId, body.version),
  )
}
