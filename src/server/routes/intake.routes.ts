import type { FastifyInstance } from 'fastify'
import { policies } from '../../domain/access/access.policy'
import { MyFamilySchema, WaitingListSchema } from '../../domain/cases/cases.schemas'
import { getMyFamily, signOwnGroundRules } from '../../domain/cases/my-family'
import { getWaitingList } from '../../domain/cases/waiting-list'
import type { Deps } from '../../domain/context'
import { getCurrentGroundRules, publishGroundRules } from '../../domain/intake/ground-rules'
import {
  getIntakeOptions,
  getIntakeSettings,
  updateIntakeSettings,
} from '../../domain/intake/intake-settings'
import {
  GroundRulesSchema,
  IntakeOptionsSchema,
  IntakeSettingsSchema,
  PublishGroundRulesSchema,
  SignGroundRulesSchema,
  UpdateIntakeSettingsSchema,
} from '../../domain/intake/intake.schemas'
import { getPublicCentre, submitSelfReferral } from '../../domain/referrals/submit-self-referral'
import {
  PublicCentreSchema,
  SelfReferralReceiptSchema,
  SelfReferralSchema,
} from '../../domain/referrals/referrals.schemas'
import { actorOf, clientOf, errors, idParam, NoContent, typed } from './route-helpers'

const HOUR = 60 * 60 * 1000

/** Intake settings, ground rules, the waiting list, the public self-referral form and the parent's own view. */
export function intakeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['intake']
  const desk = policies.roles('admin', 'coordinator')

  r.get(
    '/api/intake/options',
    {
      config: {
        policy: policies.roles('admin', 'coordinator', 'referrer'),
        audit: { action: 'intake.options.read' },
      },
      schema: {
        tags,
        summary: 'Centres, referral sources and services for the referral form',
        response: { 200: IntakeOptionsSchema, ...errors },
      },
    },
    async (request) => getIntakeOptions(deps, actorOf(request)),
  )

  r.get(
    '/api/intake-settings',
    {
      config: { policy: desk, audit: { action: 'intake.settings.read' } },
      schema: {
        tags,
        summary: 'The intake rules and their numbers',
        response: { 200: IntakeSettingsSchema, ...errors },
      },
    },
    async (request) => getIntakeSettings(deps, actorOf(request)),
  )

  r.patch(
    '/api/intake-settings',
    {
      config: { policy: policies.roles('admin'), audit: { action: 'intake.settings.update' } },
      schema: {
        tags,
        summary: 'Change the intake rules (sources, review interval, capacity...)',
        body: UpdateIntakeSettingsSchema,
        response: { 200: IntakeSettingsSchema, ...errors },
      },
    },
    async (request) => updateIntakeSettings(deps, actorOf(request), request.body),
  )

  r.get(
    '/api/ground-rules',
    {
      config: {
        policy: policies.member(),
        audit: { action: 'ground_rules.read', resourceType: 'ground_rules' },
      },
      schema: {
        tags,
        summary: 'The current ground rules every adult signs',
        response: { 200: GroundRulesSchema.nullable(), ...errors },
      },
    },
    async (request) => getCurrentGroundRules(deps, actorOf(request)),
  )

  r.post(
    '/api/ground-rules',
    {
      config: { policy: desk, audit: { action: 'ground_rules.publish', resourceType: 'ground_rules' } },
      schema: {
        tags,
        summary: 'Publish a new version; every adult is asked to sign it again',
        body: PublishGroundRulesSchema,
        response: { 201: GroundRulesSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishGroundRules(deps, actorOf(request), request.body)),
  )

  r.get(
    '/api/centres/:centreId/waiting-list',
    {
      config: {
        policy: desk,
        audit: { action: 'waiting_list.read', resourceType: 'centre', idParams: ['centreId'] },
      },
      schema: {
        tags,
        summary: 'Families waiting for a place, in order, with capacity and expected wait',
        params: idParam('centreId'),
        response: { 200: WaitingListSchema, ...errors },
      },
    },
    async (request) => getWaitingList(deps, actorOf(request), request.params.centreId),
  )

  r.get(
    '/api/my/family',
    {
      config: {
        policy: policies.roles('parent'),
        audit: { action: 'my_family.read', resourceType: 'party' },
      },
      schema: {
        tags,
        summary: 'My own details, my children and the ground rules to sign',
        response: { 200: MyFamilySchema, ...errors },
      },
    },
    async (request) => getMyFamily(deps, actorOf(request)),
  )

  r.post(
    '/api/my/ground-rules',
    {
      config: {
        policy: policies.roles('parent'),
        audit: { action: 'my_family.ground_rules.sign', resourceType: 'party' },
      },
      schema: {
        tags,
        summary: 'Sign the current ground rules myself',
        body: SignGroundRulesSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await signOwnGroundRules(deps, actorOf(request), request.body)
      return reply.code(204).send(null)
    },
  )

  r.get(
    '/api/public/centres/:centreId',
    {
      config: {
        policy: policies.public(),
        audit: { action: 'public.centre.read', resourceType: 'centre', idParams: ['centreId'] },
        rateLimit: { max: 120, timeWindow: HOUR },
      },
      schema: {
        tags,
        summary: 'What a parent needs to know before applying',
        params: idParam('centreId'),
        response: { 200: PublicCentreSchema, ...errors },
      },
    },
    async (request) => getPublicCentre(deps, request.params.centreId),
  )

  r.post(
    '/api/public/centres/:centreId/self-referrals',
    {
      bodyLimit: 64 * 1024,
      config: {
        policy: policies.public(),
        audit: { action: 'public.self_referral', resourceType: 'referral', idParams: ['centreId'] },
        rateLimit: { max: 5, timeWindow: HOUR },
      },
      schema: {
        tags,
        summary: 'A parent applies for a place (each parent applies separately)',
        params: idParam('centreId'),
        body: SelfReferralSchema,
        response: { 201: SelfReferralReceiptSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await submitSelfReferral(deps, clientOf(request).origin, request.params.centreId, request.body),
        ),
  )
}
