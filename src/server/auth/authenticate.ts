import type { FastifyInstance, FastifyRequest } from 'fastify'
import { assertRolePolicy, type Policy } from '../../domain/access/access.policy'
import type { RequestOrigin } from '../../domain/access/actor'
import { resolveApiToken, resolveSessionToken } from '../../domain/auth/resolve-session'
import type { Deps } from '../../domain/context'
import { AppError } from '../../domain/errors'
import { safeEqual } from '../../domain/shared/secrets'
import { readSessionCookie, type CookieSettings } from './cookies'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const originOf = (request: FastifyRequest): RequestOrigin => ({
  requestId: request.id,
  ip: request.ip,
  audited: false,
})

/**
 * A browser write must come from our own pages: a cross-site Origin or Sec-Fetch-Site is refused,
 * and a cookie-authenticated write must also carry the session's CSRF token (docs/decisions/0006).
 */
function assertSameOrigin(request: FastifyRequest, publicOrigin: string): void {
  const origin = request.headers.origin
  if (origin !== undefined && origin !== publicOrigin)
    throw new AppError('CSRF_REJECTED', 'This request came from another site.')
  const site = request.headers['sec-fetch-site']
  if (site === 'cross-site') throw new AppError('CSRF_REJECTED', 'This request came from another site.')
}

function assertCsrfToken(request: FastifyRequest): void {
  const expected = request.principal?.session?.csrf_token
  const sent = request.headers['x-csrf-token']
  if (!expected || typeof sent !== 'string' || !safeEqual(sent, expected)) {
    throw new AppError('CSRF_REJECTED', 'The page is out of date. Reload it and try again.')
  }
}

async function identify(deps: Deps, request: FastifyRequest, cookies: CookieSettings): Promise<void> {
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer (\S+)$/i.exec(authorization)
    const principal = match?.[1] ? await resolveApiToken(deps, match[1], request.auditOrigin) : null
    if (!principal)
      throw new AppError('UNAUTHENTICATED', 'The API token is not valid, or has expired or been revoked.')
    request.principal = principal
    request.credential = 'bearer'
    return
  }
  const token = readSessionCookie(request, cookies)
  if (!token) return
  const principal = await resolveSessionToken(deps, token, request.auditOrigin)
  if (!principal) return
  request.principal = principal
  request.credential = 'cookie'
}

/** Enforces the route's declared policy; the stage of a half-finished login counts. */
export function enforcePolicy(request: FastifyRequest, policy: Policy): void {
  if (policy.kind === 'public') return
  const principal = request.principal
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Please sign in.')
  const stage = principal.session?.stage ?? 'active'
  if (policy.kind === 'second_factor') {
    if (stage !== 'second_factor') throw new AppError('FORBIDDEN', 'There is no sign-in waiting for a code.')
    return
  }
  if (stage === 'second_factor')
    throw new AppError('SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app.')
  if (stage === 'enrol_second_factor' && !(policy.kind === 'signed_in' && policy.allowEnrolment)) {
    throw new AppError('SECOND_FACTOR_REQUIRED', 'Set up two-factor authentication to continue.', {
      enrol: true,
    })
  }
  assertRolePolicy(principal.actor, policy)
}

/**
 * Identifies the caller (session cookie or bearer token), checks CSRF for browser writes and
 * applies the route's policy, all before the body is read.
 */
export function registerAuthentication(
  app: FastifyInstance,
  deps: Deps,
  cookies: CookieSettings,
  publicOrigin: string,
): void {
  app.decorateRequest('principal', null)
  app.decorateRequest('credential', 'none')
  app.decorateRequest('actor', null)
  app.decorateRequest('auditOrigin', null as unknown as RequestOrigin)
  app.addHook('onRequest', async (request) => {
    request.auditOrigin = originOf(request)
    const policy = request.routeOptions.config.policy
    if (!policy) return
    await identify(deps, request, cookies)
    request.actor = request.principal?.actor ?? null
    if (!SAFE_METHODS.has(request.method) && request.credential !== 'bearer') {
      assertSameOrigin(request, publicOrigin)
      if (request.credential === 'cookie' && policy.kind !== 'public') assertCsrfToken(request)
    }
    enforcePolicy(request, policy)
  })
}
