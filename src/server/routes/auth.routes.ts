import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import {
  CurrentSessionSchema,
  LoginResultSchema,
  LoginSchema,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  SecondFactorSchema,
} from '../../domain/auth/auth.schemas'
import { completeSecondFactor } from '../../domain/auth/complete-second-factor'
import { describeSession } from '../../domain/auth/current-session'
import { logIn } from '../../domain/auth/log-in'
import { logOut } from '../../domain/auth/log-out'
import { completePasswordReset, requestPasswordReset } from '../../domain/auth/password-reset'
import type { Deps } from '../../domain/context'
import { AppError } from '../../domain/errors'
import { clearSessionCookie, setSessionCookie, type CookieSettings } from '../auth/cookies'
import { clientOf, errors, NoContent, principalOf, typed } from './route-helpers'

const FIFTEEN_MINUTES = 15 * 60 * 1000
const emailKey = (request: FastifyRequest): string => {
  const body = request.body as { email?: unknown } | undefined
  return `account:${typeof body?.email === 'string' ? body.email.trim().toLowerCase() : ''}`
}

/**
 * A second limit keyed on the account named in the body, checked after the per-address limit (the
 * plugin's own preHandler would be skipped once the per-address hook has run on a request).
 */
function accountLimit(app: FastifyInstance, max: number) {
  const check = app.createRateLimit({ max, timeWindow: FIFTEEN_MINUTES, keyGenerator: emailKey })
  return async (request: FastifyRequest) => {
    const result = await check(request)
    if (!result.isAllowed && result.isExceeded) {
      throw new AppError('RATE_LIMITED', 'Too many attempts for this account. Wait 15 minutes and try again.')
    }
  }
}

/**
 * Wrong passwords per account in the last 15 minutes. AUTH-3 limits guesses, so a sign-in that
 * succeeds does not count: a coordinator signing in and out of the centre's tablet all day is never
 * slowed, while a guesser gets 10 tries and then waits. Kept in memory, like the per-address limit.
 */
export function accountGuesses(max: number, windowMs = FIFTEEN_MINUTES, now = () => Date.now()) {
  const failures = new Map<string, number[]>()
  const recent = (key: string, at: number) => (failures.get(key) ?? []).filter((t) => at - t < windowMs)
  return {
    /** @throws AppError RATE_LIMITED once the account has had `max` wrong passwords in the window. */
    check(key: string): void {
      const list = recent(key, now())
      if (list.length === 0) failures.delete(key)
      else failures.set(key, list)
      if (list.length >= max)
        throw new AppError(
          'RATE_LIMITED',
          'Too many attempts for this account. Wait 15 minutes and try again.',
        )
    },
    fail(key: string): void {
      // A flood of made-up addresses cannot grow the map without end: the oldest are forgotten first.
      if (failures.size >= 100_000) failures.delete(failures.keys().next().value ?? '')
      failures.set(key, [...recent(key, now()), now()])
    },
  }
}

/** Sign-in, the second factor, sign-out and password reset. */
export function authRoutes(app: FastifyInstance, deps: Deps, cookies: CookieSettings): void {
  const r = typed(app)
  // Per account: at most 10 wrong passwords in 15 minutes; per address: 100 requests (AUTH-3).
  // Callers are slowed, never locked out.
  const guesses = accountGuesses(10)
  const perIp = { max: 100, timeWindow: FIFTEEN_MINUTES }

  r.get(
    '/api/auth/session',
    {
      config: { policy: policies.public(), audit: { action: 'auth.session.read', resourceType: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, at which stage, and the CSRF token for writes',
        response: { 200: CurrentSessionSchema, ...errors },
      },
    },
    async (request) => {
      if (!request.principal?.session) throw new AppError('UNAUTHENTICATED', 'Please sign in.')
      return describeSession(deps, request.principal)
    },
  )

  r.post(
    '/api/auth/login',
    {
      config: {
        policy: policies.public(),
        audit: { action: 'auth.login', resourceType: 'user' },
        rateLimit: perIp,
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: LoginSchema,
        response: { 200: LoginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = emailKey(request)
      guesses.check(account)
      const started = await logIn(deps, request.body, clientOf(request)).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED') guesses.fail(account)
        throw error
      })
      setSessionCookie(reply, cookies, started.token)
      return { stage: started.stage }
    },
  )

  r.post(
    '/api/auth/second-factor',
    {
      config: {
        policy: policies.secondFactor(),
        audit: { action: 'auth.second_factor', resourceType: 'user' },
        rateLimit: { max: 10, timeWindow: FIFTEEN_MINUTES },
      },
      schema: {
        tags: ['auth'],
        summary: 'Give the code from the authenticator app (or a recovery code) to finish signing in',
        body: SecondFactorSchema,
        response: { 200: LoginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      const started = await completeSecondFactor(
        deps,
        principal.actor,
        principal.user,
        request.body,
        clientOf(request),
      )
      setSessionCookie(reply, cookies, started.token)
      return { stage: started.stage }
    },
  )

  r.post(
    '/api/auth/logout',
    {
      config: { policy: policies.public(), audit: { action: 'auth.logout', resourceType: 'user' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: the session ends on the server and browser storage is cleared',
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      if (request.actor) await logOut(deps, request.actor)
      clearSessionCookie(reply, cookies)
      void reply.header('Clear-Site-Data', '"cache", "storage"')
      return reply.code(204).send(null)
    },
  )

  r.post(
    '/api/auth/password-reset',
    {
      config: {
        policy: policies.public(),
        audit: { action: 'auth.password_reset.request' },
        rateLimit: { max: 20, timeWindow: FIFTEEN_MINUTES },
      },
      preHandler: accountLimit(app, 3),
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link; the answer is the same whether or not the account exists',
        body: PasswordResetRequestSchema,
        response: { 202: z.object({ message: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email, clientOf(request))
      return reply
        .code(202)
        .send({ message: 'If that address has an account, we have sent it a link to reset the password.' })
    },
  )

  r.post(
    '/api/auth/password-reset/complete',
    {
      config: {
        policy: policies.public(),
        audit: { action: 'auth.password_reset.complete' },
        rateLimit: { max: 20, timeWindow: FIFTEEN_MINUTES },
      },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password from a reset or invitation link (single use)',
        body: PasswordResetCompleteSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await completePasswordReset(deps, request.body, clientOf(request))
      return reply.code(204).send(null)
    },
  )
}
