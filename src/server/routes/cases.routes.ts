import type { FastifyInstance } from 'fastify'
import { policies } from '../../domain/access/access.policy'
import {
  AddNoteSchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListSchema,
  ChangeLevelSchema,
  CloseCaseSchema,
  ReadinessQuerySchema,
  ReadinessSchema,
  RecordReviewSchema,
} from '../../domain/cases/cases.schemas'
import { addCaseNote, changeContactLevel, closeCase, recordReview } from '../../domain/cases/manage-case'
import { getCase, getCaseReadiness, listCases } from '../../domain/cases/read-cases'
import type { Deps } from '../../domain/context'
import { actorOf, errors, idParam, typed } from './route-helpers'

/** The family case file: parties, orders, level over time, reviews, notes and closure. */
export function casesRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['cases']
  const desk = policies.roles('admin', 'coordinator')
  const params = idParam('caseId')
  const audit = (action: string) => ({ action, resourceType: 'case', idParams: ['caseId'] })

  r.get(
    '/api/cases',
    {
      config: { policy: desk, audit: { action: 'case.list', resourceType: 'case' } },
      schema: {
        tags,
        summary: 'Cases by level, flag and review date',
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema, ...errors },
      },
    },
    async (request) => listCases(deps, actorOf(request), request.query),
  )

  r.get(
    '/api/cases/:caseId',
    {
      config: { policy: desk, audit: audit('case.read') },
      schema: {
        tags,
        summary: 'The case file on one page',
        params,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => getCase(deps, actorOf(request), request.params.caseId),
  )

  r.get(
    '/api/cases/:caseId/readiness',
    {
      config: { policy: desk, audit: audit('case.readiness.read') },
      schema: {
        tags,
        summary: 'Whether a first session could take place on a date, and what stands in the way',
        params,
        querystring: ReadinessQuerySchema,
        response: { 200: ReadinessSchema, ...errors },
      },
    },
    async (request) =>
      getCaseReadiness(deps, actorOf(request), request.params.caseId, request.query.firstSessionOn),
  )

  r.post(
    '/api/cases/:caseId/level',
    {
      config: { policy: desk, audit: audit('case.level.change') },
      schema: {
        tags,
        summary: 'Move the family to another contact level, with the reason',
        params,
        body: ChangeLevelSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => changeContactLevel(deps, actorOf(request), request.params.caseId, request.body),
  )

  r.post(
    '/api/cases/:caseId/reviews',
    {
      config: { policy: desk, audit: audit('case.review.create') },
      schema: {
        tags,
        summary: 'Record a review; the next one falls due within the review interval',
        params,
        body: RecordReviewSchema,
        response: { 201: CaseDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordReview(deps, actorOf(request), request.params.caseId, request.body)),
  )

  r.post(
    '/api/cases/:caseId/close',
    {
      config: { policy: desk, audit: audit('case.close') },
      schema: {
        tags,
        summary: 'Close the case with its outcome',
        params,
        body: CloseCaseSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => closeCase(deps, actorOf(request), request.params.caseId, request.body),
  )

  r.post(
    '/api/cases/:caseId/notes',
    {
      config: { policy: desk, audit: audit('case.note.create') },
      schema: {
        tags,
        summary: 'Add a note to the case file',
        params,
        body: AddNoteSchema,
        response: { 201: CaseDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addCaseNote(deps, actorOf(request), request.params.caseId, request.body)),
  )
}
