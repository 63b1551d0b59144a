import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import { changePassword, endOtherSessions, getAccount, listOwnSessions } from '../../domain/auth/account'
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/auth/api-tokens'
import {
  AccountSchema,
  AccountSessionSchema,
  ApiTokenCreatedSchema,
  ApiTokenCreateSchema,
  ApiTokenSchema,
  ChangePasswordSchema,
  PasswordConfirmSchema,
  RecoveryCodesSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpSetupResultSchema,
  TotpSetupSchema,
} from '../../domain/auth/auth.schemas'
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
} from '../../domain/auth/two-factor'
import type { Deps } from '../../domain/context'
import { setSessionCookie, type CookieSettings } from '../auth/cookies'
import { clientOf, errors, idParam, NoContent, principalOf, typed } from './route-helpers'

const own = { resourceType: 'user' } as const

/** The signed-in user's own account: password, two-factor, sessions and API tokens. */
export function accountRoutes(app: FastifyInstance, deps: Deps, cookies: CookieSettings): void {
  const r = typed(app)
  const tags = ['account']

  r.get(
    '/api/account',
    {
      config: { policy: policies.memberEnrolling(), audit: { action: 'account.read', ...own } },
      schema: { tags, summary: 'My account', response: { 200: AccountSchema, ...errors } },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return getAccount(deps, actor, user)
    },
  )

  r.post(
    '/api/account/password',
    {
      config: { policy: policies.member(), audit: { action: 'account.password.change', ...own } },
      schema: {
        tags,
        summary: 'Change my password (signs out my other devices by default)',
        body: ChangePasswordSchema,
        response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return changePassword(deps, actor, user, request.body)
    },
  )

  r.post(
    '/api/account/two-factor/setup',
    {
      config: { policy: policies.memberEnrolling(), audit: { action: 'account.two_factor.begin', ...own } },
      schema: {
        tags,
        summary: 'Start two-factor set-up: a secret and QR code for an authenticator app',
        body: TotpSetupSchema,
        response: { 200: TotpSetupResultSchema, ...errors },
      },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return beginTotpEnrolment(deps, actor, user, request.body.password)
    },
  )

  r.post(
    '/api/account/two-factor/confirm',
    {
      config: { policy: policies.memberEnrolling(), audit: { action: 'account.two_factor.enable', ...own } },
      schema: {
        tags,
        summary: 'Confirm set-up with a code from the app; returns recovery codes once',
        body: TotpConfirmSchema,
        response: { 200: RecoveryCodesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { actor, user, session } = principalOf(request)
      const confirmed = await confirmTotpEnrolment(deps, actor, user, request.body.code, {
        ...clientOf(request),
        stage: session?.stage ?? 'active',
      })
      if (confirmed.session) setSessionCookie(reply, cookies, confirmed.session.token)
      return { recoveryCodes: confirmed.recoveryCodes }
    },
  )

  r.post(
    '/api/account/two-factor/disable',
    {
      config: { policy: policies.member(), audit: { action: 'account.two_factor.disable', ...own } },
      schema: {
        tags,
        summary: 'Turn two-factor off (password and a current code)',
        body: TotpDisableSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      const { actor, user } = principalOf(request)
      await disableTotp(deps, actor, user, request.body.password, request.body.code)
      return reply.code(204).send(null)
    },
  )

  r.post(
    '/api/account/two-factor/recovery-codes',
    {
      config: { policy: policies.member(), audit: { action: 'account.recovery_codes.regenerate', ...own } },
      schema: {
        tags,
        summary: 'Replace my recovery codes with ten new ones',
        body: PasswordConfirmSchema,
        response: { 200: RecoveryCodesSchema, ...errors },
      },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return { recoveryCodes: await regenerateRecoveryCodes(deps, actor, user, request.body.password) }
    },
  )

  r.get(
    '/api/account/sessions',
    {
      config: { policy: policies.member(), audit: { action: 'account.sessions.read', ...own } },
      schema: {
        tags,
        summary: 'Where I am signed in',
        response: { 200: z.array(AccountSessionSchema), ...errors },
      },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return listOwnSessions(deps, actor, user)
    },
  )

  r.post(
    '/api/account/sessions/end-others',
    {
      config: { policy: policies.member(), audit: { action: 'account.sessions.end_others', ...own } },
      schema: {
        tags,
        summary: 'Sign out every other device',
        response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const { actor, user } = principalOf(request)
      return endOtherSessions(deps, actor, user)
    },
  )

  r.get(
    '/api/account/tokens',
    {
      config: { policy: policies.member(), audit: { action: 'api_token.list', resourceType: 'api_token' } },
      schema: { tags, summary: 'My API tokens', response: { 200: z.array(ApiTokenSchema), ...errors } },
    },
    async (request) => listApiTokens(deps, principalOf(request).actor),
  )

  r.post(
    '/api/account/tokens',
    {
      config: { policy: policies.member(), audit: { action: 'api_token.create', resourceType: 'api_token' } },
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown only in this answer',
        body: ApiTokenCreateSchema,
        response: { 201: ApiTokenCreatedSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(deps, principalOf(request).actor, request.body)),
  )

  r.delete(
    '/api/account/tokens/:tokenId',
    {
      config: {
        policy: policies.member(),
        audit: { action: 'api_token.revoke', resourceType: 'api_token', idParams: ['tokenId'] },
      },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: idParam('tokenId'),
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, principalOf(request).actor, request.params.tokenId)
      return reply.code(204).send(null)
    },
  )
}
