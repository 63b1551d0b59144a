import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Connected } from '../../src/db/connect'
import { totpCodeAt } from '../../src/domain/auth/totp.rules'
import type { Deps } from '../../src/domain/context'
import { createFieldCrypto } from '../../src/domain/shared/field-crypto'
import { buildApp } from '../../src/server/app'
import { TestClock } from './test-clock'
import { openTestDatabase, testDbKind, type TestDbKind } from './test-db'

export const TEST_ORIGIN = 'http://localhost:3000'

export interface TestContext {
  app: FastifyInstance
  deps: Deps
  clock: TestClock
  kind: TestDbKind
  connected: Connected & { file: string | null }
  close: () => Promise<void>
}

/** One app over one database for a test file; HTTP goes through app.inject(), no port. */
export async function createTestContext(options: { webRoot?: string | null } = {}): Promise<TestContext> {
  const connected = await openTestDatabase()
  const clock = new TestClock()
  const deps: Deps = {
    db: connected.db,
    clock,
    fieldCrypto: createFieldCrypto(randomBytes(32)),
    publicUrl: new URL(TEST_ORIGIN),
  }
  const app = await buildApp({
    deps,
    cookies: { secure: false },
    publicOrigin: TEST_ORIGIN,
    webRoot: options.webRoot ?? null,
    apiDocs: true,
    trustProxy: false,
    deliveryConfigured: false,
  })
  await app.ready()
  return {
    app,
    deps,
    clock,
    kind: testDbKind(),
    connected,
    close: async () => {
      await app.close()
      await connected.close()
    },
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class TestBrowser {
  cookie: string | null = null
  csrfToken: string | null = null
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: `kinbridge=${this.cookie}` } : {}),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    })
    const set = response.cookies.find((c) => c.name === 'kinbridge')
    if (set) this.cookie = set.value === '' ? null : set.value
    return response
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers)
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers)
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers)
  }
  put(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers)
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers)
  }

  /** Reads the session's CSRF token, as the web app does after each sign-in step. */
  async refreshSession(): Promise<LightMyRequestResponse> {
    const response = await this.get('/api/auth/session')
    if (response.statusCode === 200) this.csrfToken = response.json<{ csrfToken: string }>().csrfToken
    return response
  }

  /** Signs in with the password and, when the user has one, the current TOTP code. */
  async signIn(
    user: { email: string; password: string; totpSecret?: string | null },
    clock: { now(): Date },
  ): Promise<string> {
    const login = await this.post('/api/auth/login', { email: user.email, password: user.password })
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`)
    let stage = login.json<{ stage: string }>().stage
    if (stage === 'second_factor' && user.totpSecret) {
      await this.refreshSession()
      const second = await this.post('/api/auth/second-factor', {
        code: totpCodeAt(user.totpSecret, clock.now()),
      })
      if (second.statusCode !== 200)
        throw new Error(`second factor failed: ${second.statusCode} ${second.body}`)
      stage = second.json<{ stage: string }>().stage
    }
    await this.refreshSession()
    return stage
  }
}
