import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { v7 } from 'uuid'
import type { Deps } from '../domain/context'
import { AppError } from '../domain/errors'
import { registerAuditTrail } from './audit-hook'
import { registerAuthentication } from './auth/authenticate'
import type { CookieSettings } from './auth/cookies'
import { errorBody, handleError } from './errors'
import { accountRoutes } from './routes/account.routes'
import { auditRoutes } from './routes/audit.routes'
import { authRoutes } from './routes/auth.routes'
import { healthRoutes } from './routes/health.routes'
import { organisationRoutes } from './routes/organisation.routes'
import { outboxRoutes } from './routes/outbox.routes'
import { usersRoutes } from './routes/users.routes'
import { casesRoutes } from './routes/cases.routes'
import { intakeRoutes } from './routes/intake.routes'
import { schedulingRoutes } from './routes/scheduling.routes'
import { incidentRoutes } from './routes/incidents.routes'
import { observationRoutes } from './routes/observations.routes'
import { reportRoutes } from './routes/reports.routes'
import { statisticsRoutes } from './routes/statistics.routes'
import { sessionDayRoutes } from './routes/session-day.routes'
import { volunteerRoutes } from './routes/volunteers.routes'
import { partiesRoutes } from './routes/parties.routes'
import { referralsRoutes } from './routes/referrals.routes'
import { registerWebApp } from './web'
import type { Policy } from '../domain/access/access.policy'
import type { RouteAudit } from './types'

export interface AppOptions {
  deps: Deps
  cookies: CookieSettings
  /** The origin browsers load Kinbridge from; writes from any other origin are refused. */
  publicOrigin: string
  /** The built web app (dist/web), or null to serve the API alone. */
  webRoot: string | null
  apiDocs: boolean
  trustProxy: boolean
  deliveryConfigured: boolean
  logger?: FastifyServerOptions['logger']
}

export interface RouteEntry {
  method: string
  url: string
  policy: Policy | undefined
  audit: RouteAudit | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared policy and audit action: the source of the authorization matrix. */
    routeTable: readonly RouteEntry[]
  }
}

const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'none'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "form-action 'self'",
].join('; ')

/** Routes under /api that belong to the API browser rather than to the API itself. */
const DOCS_PREFIX = '/api/docs'

/** Builds the HTTP server: security headers, authentication, policies, audit, routes, web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => v7(),
    requestIdHeader: false,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  // The API speaks JSON only: anything else is refused with 415 rather than half-read.
  app.removeContentTypeParser('text/plain')

  // A route under /api with no policy or no audit declaration is a bug: refuse to start (AZ-1, LOG-1).
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith(DOCS_PREFIX)) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, policy: route.config?.policy, audit: route.config?.audit })
    }
    if (!route.config?.policy)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no policy`)
    if (!route.config.audit && route.url !== '/api/openapi.json')
      throw new Error(`Route ${String(route.method)} ${route.url} declares no audit action`)
  })

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  })
  await app.register(fastifyCookie)
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody('RATE_LIMITED', `Too many attempts. Try again in ${context.after}.`),
    }),
  })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kinbridge API',
        version: '0.1.0',
        description:
          'Child contact centre management. Authenticate with the session cookie (and X-CSRF-Token on writes) or with `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: options.cookies.secure ? '__Host-kinbridge' : 'kinbridge',
          },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })
  if (options.apiDocs) {
    await app.register(fastifySwaggerUi, {
      routePrefix: DOCS_PREFIX,
      uiConfig: { validatorUrl: null },
      staticCSP: true,
      // Our own origin only; the API browser sets style attributes, so it alone may use inline styles.
      transformStaticCSP: () => DOCS_CSP,
    })
  }

  registerAuthentication(app, options.deps, options.cookies, options.publicOrigin)
  registerAuditTrail(app, options.deps)

  // Nothing an authenticated API answer says may be kept by a browser or proxy (ASVS 14.3.2).
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('X-Request-Id', request.id)
    if (request.url.startsWith('/api') && !request.url.startsWith(DOCS_PREFIX))
      void reply.header('Cache-Control', 'no-store')
    return payload
  })

  healthRoutes(app, options.deps)
  authRoutes(app, options.deps, options.cookies)
  accountRoutes(app, options.deps, options.cookies)
  organisationRoutes(app, options.deps)
  usersRoutes(app, options.deps)
  outboxRoutes(app, options.deps, options.deliveryConfigured)
  auditRoutes(app, options.deps)
  referralsRoutes(app, options.deps)
  partiesRoutes(app, options.deps)
  casesRoutes(app, options.deps)
  intakeRoutes(app, options.deps)
  schedulingRoutes(app, options.deps)
  volunteerRoutes(app, options.deps)
  sessionDayRoutes(app, options.deps)
  observationRoutes(app, options.deps)
  incidentRoutes(app, options.deps)
  reportRoutes(app, options.deps)
  statisticsRoutes(app, options.deps)
  app.get('/api/openapi.json', { config: { policy: { kind: 'public' } }, schema: { hide: true } }, () =>
    app.swagger(),
  )

  const sendPage = options.webRoot ? await registerWebApp(app, options.webRoot) : null
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && sendPage !== null
    if (wantsPage) return sendPage(reply)
    return handleError(new AppError('NOT_FOUND', 'There is nothing here.'), request, reply)
  })
  return app
}
