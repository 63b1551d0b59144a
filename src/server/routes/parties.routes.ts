import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { recordGroundRulesSignature } from '../../domain/intake/ground-rules'
import { SignGroundRulesSchema } from '../../domain/intake/intake.schemas'
import { downloadDocument } from '../../domain/referrals/documents'
import { invitePartyToPortal, revealParty, updateParty } from '../../domain/referrals/manage-parties'
import {
  PartySchema,
  ProtectedFieldsViewSchema,
  RevealSchema,
  UpdatePartySchema,
} from '../../domain/referrals/parties.schemas'
import { actorOf, errors, idParam, NoContent, typed } from './route-helpers'

/** The people on a referral or case (their details, reveal, ground rules, parent area) and document downloads. */
export function partiesRoutes(app: FastifyInstance, deps: Deps): void {
  const r = typed(app)
  const tags = ['referrals']
  const desk = policies.roles('admin', 'coordinator')

  r.get(
    '/api/documents/:documentId',
    {
      config: {
        policy: desk,
        audit: { action: 'document.read', resourceType: 'document', idParams: ['documentId'] },
      },
      schema: {
        tags,
        summary: 'Download a document',
        params: idParam('documentId'),
        produces: ['application/pdf', 'image/png', 'image/jpeg'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadDocument(deps, actorOf(request), request.params.documentId)
      return reply
        .type(file.contentType)
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.content)
    },
  )

  r.patch(
    '/api/parties/:partyId',
    {
      config: {
        policy: desk,
        audit: { action: 'party.update', resourceType: 'party', idParams: ['partyId'] },
      },
      schema: {
        tags,
        summary: 'Correct a person’s details, who may attend, and their safety flags',
        params: idParam('partyId'),
        body: UpdatePartySchema,
        response: { 200: PartySchema, ...errors },
      },
    },
    async (request) => updateParty(deps, actorOf(request), request.params.partyId, request.body),
  )

  r.post(
    '/api/parties/:partyId/reveal',
    {
      config: {
        policy: desk,
        audit: { action: 'party.reveal', resourceType: 'party', idParams: ['partyId'] },
        rateLimit: { max: 30, timeWindow: 15 * 60 * 1000 },
      },
      schema: {
        tags,
        summary: 'See a person’s protected details: confirm your password and say why (audited)',
        params: idParam('partyId'),
        body: RevealSchema,
        response: { 200: ProtectedFieldsViewSchema, ...errors },
      },
    },
    async (request) => revealParty(deps, actorOf(request), request.params.partyId, request.body),
  )

  r.post(
    '/api/parties/:partyId/ground-rules',
    {
      config: {
        policy: desk,
        audit: { action: 'party.ground_rules.sign', resourceType: 'party', idParams: ['partyId'] },
      },
      schema: {
        tags,
        summary: 'Record that this adult signed the ground rules (at the pre-visit)',
        params: idParam('partyId'),
        body: SignGroundRulesSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await recordGroundRulesSignature(deps, actorOf(request), request.params.partyId, request.body)
      return reply.code(204).send(null)
    },
  )

  r.post(
    '/api/parties/:partyId/portal-invite',
    {
      config: {
        policy: desk,
        audit: { action: 'party.portal_invite', resourceType: 'party', idParams: ['partyId'] },
      },
      schema: {
        tags,
        summary: 'Invite a parent to see their own bookings and sign the ground rules online',
        params: idParam('partyId'),
        response: { 200: PartySchema, ...errors },
      },
    },
    async (request) => invitePartyToPortal(deps, actorOf(request), request.params.partyId),
  )
}
