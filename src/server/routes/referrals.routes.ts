import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { addCourtOrder } from '../../domain/referrals/add-court-order'
import { createReferral } from '../../domain/referrals/create-referral'
import { decideReferral, offerPlace } from '../../domain/referrals/decide-referral'
import { uploadDocument } from '../../domain/referrals/documents'
import { linkSelfReferrals } from '../../domain/referrals/link-self-referrals'
import { addParty } from '../../domain/referrals/manage-parties'
import { AddPartySchema, PartySchema } from '../../domain/referrals/parties.schemas'
import { recordPreVisit, schedulePreVisit } from '../../domain/referrals/pre-visits'
import { exportReferralsCsv, getReferral, listReferrals } from '../../domain/referrals/read-referrals'
import { recordRiskAssessment } from '../../domain/referrals/assess-risk'
import { startIntake } from '../../domain/referrals/start-intake'
import {
  CourtOrderInputSchema,
  CourtOrderSchema,
  CreateReferralSchema,
  DecisionSchema,
  DocumentSchema,
  LinkReferralSchema,
  ReasonSchema,
  RecordPreVisitSchema,
  ReferralDetailSchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  RiskAssessmentInputSchema,
  SchedulePreVisitSchema,
  UploadDocumentSchema,
} from '../../domain/referrals/referrals.schemas'
import { actorOf, errors, idParam, typed } from './route-helpers'

const STAFF_DESK = ['admin', 'coordinator'] as const

/** Referrals from staff, referrers and parents, and the intake workflow that turns them into cases. */
export function referralsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['referrals']
  const desk = policies.roles(...STAFF_DESK)
  const deskOrReferrer = policies.roles(...STAFF_DESK, 'referrer')
  const referral = idParam('referralId')
  const audit = (action: string, idParams: string[] = ['referralId']) => ({
    action,
    resourceType: 'referral',
    idParams,
  })

  r.get(
    '/api/referrals',
    {
      config: { policy: deskOrReferrer, audit: { action: 'referral.list', resourceType: 'referral' } },
      schema: {
        tags,
        summary: 'Referrals by state, source and age (a referrer sees only their own)',
        querystring: ReferralListQuerySchema,
        response: { 200: ReferralListSchema, ...errors },
      },
    },
    async (request) => listReferrals(deps, actorOf(request), request.query),
  )

  r.get(
    '/api/referrals/export.csv',
    {
      config: { policy: deskOrReferrer, audit: { action: 'referral.export.read', resourceType: 'referral' } },
      schema: {
        tags,
        summary: 'The same list as CSV, through the same redaction',
        querystring: ReferralListQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const csv = await exportReferralsCsv(deps, actorOf(request), request.query)
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="referrals.csv"')
        .send(csv)
    },
  )

  r.post(
    '/api/referrals',
    {
      config: { policy: deskOrReferrer, audit: { action: 'referral.create', resourceType: 'referral' } },
      schema: {
        tags,
        summary: 'Enter a referral (staff) or submit one (referrer)',
        body: CreateReferralSchema,
        response: { 201: ReferralDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReferral(deps, actorOf(request), request.body)),
  )

  r.get(
    '/api/referrals/:referralId',
    {
      config: { policy: deskOrReferrer, audit: audit('referral.read') },
      schema: {
        tags,
        summary: 'One referral',
        params: referral,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => getReferral(deps, actorOf(request), request.params.referralId),
  )

  r.post(
    '/api/referrals/:referralId/start-intake',
    {
      config: { policy: desk, audit: audit('referral.start_intake') },
      schema: {
        tags,
        summary: 'Accept the referral as complete and start pre-visits',
        params: referral,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => startIntake(deps, actorOf(request), request.params.referralId),
  )

  r.post(
    '/api/referrals/:referralId/pre-visits',
    {
      config: { policy: desk, audit: audit('referral.pre_visit.schedule') },
      schema: {
        tags,
        summary: 'Arrange a pre-visit for one adult, or the child’s familiarisation visit',
        params: referral,
        body: SchedulePreVisitSchema,
        response: { 201: ReferralDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await schedulePreVisit(deps, actorOf(request), request.params.referralId, request.body)),
  )

  r.patch(
    '/api/pre-visits/:preVisitId',
    {
      config: { policy: desk, audit: audit('referral.pre_visit.record', ['preVisitId']) },
      schema: {
        tags,
        summary: 'Record how a pre-visit went, with its checklist',
        params: idParam('preVisitId'),
        body: RecordPreVisitSchema,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => recordPreVisit(deps, actorOf(request), request.params.preVisitId, request.body),
  )

  r.post(
    '/api/referrals/:referralId/risk-assessments',
    {
      config: { policy: desk, audit: audit('referral.risk_assessment.create') },
      schema: {
        tags,
        summary: 'Record the structured risk assessment',
        params: referral,
        body: RiskAssessmentInputSchema,
        response: { 201: ReferralDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordRiskAssessment(deps, actorOf(request), request.params.referralId, request.body)),
  )

  r.post(
    '/api/referrals/:referralId/decision',
    {
      config: { policy: desk, audit: audit('referral.decide') },
      schema: {
        tags,
        summary: 'Accept, decline, waitlist or withdraw, with the reason',
        params: referral,
        body: DecisionSchema,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => decideReferral(deps, actorOf(request), request.params.referralId, request.body),
  )

  r.post(
    '/api/referrals/:referralId/offer-place',
    {
      config: { policy: desk, audit: audit('referral.offer_place') },
      schema: {
        tags,
        summary: 'Offer a waiting family the place that has come free',
        params: referral,
        body: ReasonSchema,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => offerPlace(deps, actorOf(request), request.params.referralId, request.body),
  )

  r.post(
    '/api/referrals/:referralId/link',
    {
      config: { policy: desk, audit: audit('referral.link') },
      schema: {
        tags,
        summary: 'Join the other parent’s self-referral into this one',
        params: referral,
        body: LinkReferralSchema,
        response: { 200: ReferralDetailSchema, ...errors },
      },
    },
    async (request) => linkSelfReferrals(deps, actorOf(request), request.params.referralId, request.body),
  )

  r.post(
    '/api/referrals/:referralId/parties',
    {
      config: { policy: desk, audit: audit('referral.party.add') },
      schema: {
        tags,
        summary: 'Add a person: a named attendee, someone who must not attend, a professional',
        params: referral,
        body: AddPartySchema,
        response: { 201: PartySchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addParty(deps, actorOf(request), request.params.referralId, request.body)),
  )

  r.post(
    '/api/referrals/:referralId/court-orders',
    {
      config: { policy: deskOrReferrer, audit: audit('referral.court_order.add') },
      schema: {
        tags,
        summary: 'Record a court order or injunction',
        params: referral,
        body: CourtOrderInputSchema,
        response: { 201: CourtOrderSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addCourtOrder(deps, actorOf(request), request.params.referralId, request.body)),
  )

  r.post(
    '/api/referrals/:referralId/documents',
    {
      bodyLimit: 8 * 1024 * 1024,
      config: { policy: deskOrReferrer, audit: audit('referral.document.upload') },
      schema: {
        tags,
        summary: 'Attach a copy of an order or another document (PDF, PNG or JPEG, 5 MB at most)',
        params: referral,
        body: UploadDocumentSchema,
        response: { 201: DocumentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await uploadDocument(deps, actorOf(request), request.params.referralId, request.body)),
  )
}
