import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Policy } from '../domain/access/access.policy'
import type { Role } from '../domain/access/roles'
import { totpCodeAt } from '../domain/auth/totp.rules'
import { buildOrganisation, buildUser, TEST_PASSWORD, type BuiltUser } from '../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'

type Caller = Role | 'anonymous'
const CALLERS: Caller[] = ['anonymous', 'admin', 'coordinator', 'volunteer', 'referrer', 'parent']

interface World {
  centreId: string
  venueId: string
  roomId: string
  targetUserId: string
  messageId: string
}

interface Call {
  url: string
  body?: unknown
}

interface SampleContext {
  caller: Caller
  browser: TestBrowser
  world: World
  user: BuiltUser | null
  secrets: Map<Caller, string>
}

interface Sample {
  /** What an allowed caller gets back. */
  ok: number
  /** When the route answers an allowed anonymous caller differently (e.g. no session yet). */
  anonymous?: number
  call: (c: SampleContext) => Call | Promise<Call>
}

const uniqueEmail = () => `new-${randomBytes(4).toString('hex')}@example.org`

/**
 * One sample request per route, run in this order (two-factor set-up before confirm, logout last).
 * A route without a sample fails the coverage test below.
 */
const SAMPLES: [string, Sample][] = [
  ['GET /api/openapi.json', { ok: 200, call: () => ({ url: '/api/openapi.json' }) }],
  ['GET /api/auth/session', { ok: 200, anonymous: 401, call: () => ({ url: '/api/auth/session' }) }],
  [
    'POST /api/auth/login',
    {
      ok: 200,
      anonymous: 401,
      call: (c) => ({
        url: '/api/auth/login',
        body: { email: c.user?.email ?? 'nobody@example.org', password: TEST_PASSWORD },
      }),
    },
  ],
  [
    'POST /api/auth/second-factor',
    { ok: 200, call: () => ({ url: '/api/auth/second-factor', body: { code: '000000' } }) },
  ],
  [
    'POST /api/auth/password-reset',
    {
      ok: 202,
      call: (c) => ({
        url: '/api/auth/password-reset',
        body: { email: c.user?.email ?? 'nobody@example.org' },
      }),
    },
  ],
  [
    'POST /api/auth/password-reset/complete',
    {
      ok: 400,
      call: () => ({
        url: '/api/auth/password-reset/complete',
        body: { token: 'x'.repeat(43), password: 'a-long-enough-password-1' },
      }),
    },
  ],
  ['GET /api/account', { ok: 200, call: () => ({ url: '/api/account' }) }],
  [
    'POST /api/account/password',
    {
      ok: 200,
      call: () => ({
        url: '/api/account/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, signOutOtherSessions: false },
      }),
    },
  ],
  [
    'POST /api/account/two-factor/setup',
    {
      ok: 200,
      call: () => ({ url: '/api/account/two-factor/setup', body: { password: TEST_PASSWORD } }),
    },
  ],
  [
    'POST /api/account/two-factor/confirm',
    {
      ok: 200,
      call: async (c) => {
        if (c.caller === 'anonymous')
          return { url: '/api/account/two-factor/confirm', body: { code: '123456' } }
        // Starting again gives a secret the test knows (the previous sample's answer was not kept).
        const setup = await c.browser.post('/api/account/two-factor/setup', { password: TEST_PASSWORD })
        const secret = setup.json<{ secret: string }>().secret
        c.secrets.set(c.caller, secret)
        return { url: '/api/account/two-factor/confirm', body: { code: totpCodeAt(secret, new Date()) } }
      },
    },
  ],
  [
    'POST /api/account/two-factor/recovery-codes',
    {
      ok: 200,
      call: () => ({ url: '/api/account/two-factor/recovery-codes', body: { password: TEST_PASSWORD } }),
    },
  ],
  [
    'POST /api/account/two-factor/disable',
    {
      ok: 204,
      call: (c) => {
        const secret = c.secrets.get(c.caller)
        // The confirm step used this period's code; a code is single-use, so take the next period's.
        const code = secret ? totpCodeAt(secret, new Date(Date.now() + 30_000)) : '123456'
        return { url: '/api/account/two-factor/disable', body: { password: TEST_PASSWORD, code } }
      },
    },
  ],
  ['GET /api/account/sessions', { ok: 200, call: () => ({ url: '/api/account/sessions' }) }],
  [
    'POST /api/account/sessions/end-others',
    { ok: 200, call: () => ({ url: '/api/account/sessions/end-others' }) },
  ],
  ['GET /api/account/tokens', { ok: 200, call: () => ({ url: '/api/account/tokens' }) }],
  [
    'POST /api/account/tokens',
    { ok: 201, call: () => ({ url: '/api/account/tokens', body: { name: 'matrix', days: 1 } }) },
  ],
  [
    'DELETE /api/account/tokens/:tokenId',
    {
      ok: 204,
      call: async (c) => {
        if (c.caller === 'anonymous') return { url: `/api/account/tokens/${crypto.randomUUID()}` }
        const created = await c.browser.post('/api/account/tokens', { name: 'to revoke', days: 1 })
        return { url: `/api/account/tokens/${created.json<{ id: string }>().id}` }
      },
    },
  ],
  ['GET /api/organisation', { ok: 200, call: () => ({ url: '/api/organisation' }) }],
  [
    'PATCH /api/organisation',
    { ok: 200, call: () => ({ url: '/api/organisation', body: { name: 'Matrix Organisation' } }) },
  ],
  ['GET /api/centres', { ok: 200, call: () => ({ url: '/api/centres' }) }],
  [
    'POST /api/centres',
    {
      ok: 201,
      call: () => ({ url: '/api/centres', body: { name: 'Second Centre', timeZone: 'Europe/London' } }),
    },
  ],
  ['GET /api/centres/:centreId', { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}` }) }],
  [
    'PATCH /api/centres/:centreId',
    {
      ok: 200,
      call: (c) => ({ url: `/api/centres/${c.world.centreId}`, body: { timeZone: 'Europe/Jersey' } }),
    },
  ],
  [
    'POST /api/centres/:centreId/venues',
    {
      ok: 201,
      call: (c) => ({ url: `/api/centres/${c.world.centreId}/venues`, body: { name: 'Another hall' } }),
    },
  ],
  [
    'PATCH /api/venues/:venueId',
    { ok: 200, call: (c) => ({ url: `/api/venues/${c.world.venueId}`, body: { address: '1 School Lane' } }) },
  ],
  [
    'POST /api/venues/:venueId/rooms',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/venues/${c.world.venueId}/rooms`,
        body: { name: 'Room', kind: 'family_room', capacityFamilies: 3 },
      }),
    },
  ],
  [
    'PATCH /api/rooms/:roomId',
    { ok: 200, call: (c) => ({ url: `/api/rooms/${c.world.roomId}`, body: { capacityFamilies: 4 } }) },
  ],
  ['GET /api/users', { ok: 200, call: () => ({ url: '/api/users' }) }],
  [
    'POST /api/users',
    {
      ok: 201,
      call: () => ({
        url: '/api/users',
        body: {
          email: uniqueEmail(),
          displayName: 'New Person',
          roles: [{ role: 'volunteer', centreId: null }],
        },
      }),
    },
  ],
  ['GET /api/users/:userId', { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}` }) }],
  [
    'PATCH /api/users/:userId',
    {
      ok: 200,
      call: (c) => ({ url: `/api/users/${c.world.targetUserId}`, body: { displayName: 'Renamed' } }),
    },
  ],
  [
    'POST /api/users/:userId/disable',
    { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}/disable` }) },
  ],
  [
    'POST /api/users/:userId/enable',
    { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}/enable` }) },
  ],
  ['GET /api/outbox', { ok: 200, call: () => ({ url: '/api/outbox' }) }],
  ['GET /api/outbox/:messageId', { ok: 200, call: (c) => ({ url: `/api/outbox/${c.world.messageId}` }) }],
  ['GET /api/audit', { ok: 200, call: () => ({ url: '/api/audit?limit=5' }) }],
  ['POST /api/auth/logout', { ok: 204, call: () => ({ url: '/api/auth/logout' }) }],
]

/** What the declared policy says this caller gets: allowed, 401 or 403. */
function expectedFor(policy: Policy, caller: Caller, sample: Sample): number {
  if (policy.kind === 'public') return caller === 'anonymous' ? (sample.anonymous ?? sample.ok) : sample.ok
  if (caller === 'anonymous') return 401
  if (policy.kind === 'second_factor') return 403
  if (policy.kind === 'signed_in') return sample.ok
  return policy.roles.includes(caller) ? sample.ok : 403
}

let t: TestContext
let world: World
let foreign: World
const users = new Map<Caller, BuiltUser>()

async function buildWorld(organisationId: string, centreId: string, admin: BuiltUser): Promise<World> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(admin, t.clock)
  const venue = (await browser.post(`/api/centres/${centreId}/venues`, { name: 'Grands Vaux School' })).json<{
    id: string
  }>()
  const room = (
    await browser.post(`/api/venues/${venue.id}/rooms`, { name: 'Family room', capacityFamilies: 6 })
  ).json<{ id: string }>()
  const target = await buildUser(t.deps, { organisationId, role: 'volunteer' })
  await browser.post('/api/users', {
    email: uniqueEmail(),
    displayName: 'Invited',
    roles: [{ role: 'parent', centreId: null }],
  })
  const outbox = (await browser.get('/api/outbox')).json<{ messages: { id: string }[] }>()
  const messageId = outbox.messages[0]?.id
  if (!messageId) throw new Error('no outbox message')
  return { centreId, venueId: venue.id, roomId: room.id, targetUserId: target.userId, messageId }
}

beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  for (const caller of CALLERS) {
    if (caller !== 'anonymous')
      users.set(caller, await buildUser(t.deps, { organisationId: org.organisationId, role: caller }))
  }
  const admin = users.get('admin')
  if (!admin) throw new Error('no admin')
  world = await buildWorld(org.organisationId, org.centreId, admin)
  const other = await buildOrganisation(t.deps)
  const otherAdmin = await buildUser(t.deps, { organisationId: other.organisationId, role: 'admin' })
  foreign = await buildWorld(other.organisationId, other.centreId, otherAdmin)
})
afterAll(async () => t.close())

describe('authorization matrix (AZ-1)', () => {
  it('has a sample for every /api route, and every route declares a policy and an audit action', () => {
    const declared = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort()
    expect(declared.length).toBeGreaterThan(30)
    expect(SAMPLES.map(([key]) => key).sort()).toEqual(declared)
    for (const route of t.app.routeTable) {
      expect(route.policy, `${route.method} ${route.url}`).toBeDefined()
      if (route.url !== '/api/openapi.json') expect(route.audit, `${route.method} ${route.url}`).toBeDefined()
    }
  })

  it('grants each route to exactly these callers (a change here is a security decision)', () => {
    const allowed = (policy: Policy | undefined): string => {
      if (!policy) return 'NONE'
      if (policy.kind === 'public') return 'anyone'
      if (policy.kind === 'second_factor') return 'half-signed-in'
      if (policy.kind === 'signed_in')
        return policy.allowEnrolment ? 'any member (also while enrolling 2FA)' : 'any member'
      return policy.roles.join(', ')
    }
    const table = [...t.app.routeTable]
      .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`))
      .map((r) => `${r.method} ${r.url}: ${allowed(r.policy)}`)
    expect(table).toMatchInlineSnapshot(`
      [
        "GET /api/account: any member (also while enrolling 2FA)",
        "POST /api/account/password: any member",
        "GET /api/account/sessions: any member",
        "POST /api/account/sessions/end-others: any member",
        "GET /api/account/tokens: any member",
        "POST /api/account/tokens: any member",
        "DELETE /api/account/tokens/:tokenId: any member",
        "POST /api/account/two-factor/confirm: any member (also while enrolling 2FA)",
        "POST /api/account/two-factor/disable: any member",
        "POST /api/account/two-factor/recovery-codes: any member",
        "POST /api/account/two-factor/setup: any member (also while enrolling 2FA)",
        "GET /api/audit: admin",
        "POST /api/auth/login: anyone",
        "POST /api/auth/logout: anyone",
        "POST /api/auth/password-reset: anyone",
        "POST /api/auth/password-reset/complete: anyone",
        "POST /api/auth/second-factor: half-signed-in",
        "GET /api/auth/session: anyone",
        "GET /api/centres: admin, coordinator, volunteer",
        "POST /api/centres: admin",
        "GET /api/centres/:centreId: admin, coordinator, volunteer",
        "PATCH /api/centres/:centreId: admin",
        "POST /api/centres/:centreId/venues: admin, coordinator",
        "GET /api/openapi.json: anyone",
        "GET /api/organisation: any member",
        "PATCH /api/organisation: admin",
        "GET /api/outbox: admin",
        "GET /api/outbox/:messageId: admin",
        "PATCH /api/rooms/:roomId: admin, coordinator",
        "GET /api/users: admin",
        "POST /api/users: admin",
        "GET /api/users/:userId: admin",
        "PATCH /api/users/:userId: admin",
        "POST /api/users/:userId/disable: admin",
        "POST /api/users/:userId/enable: admin",
        "PATCH /api/venues/:venueId: admin, coordinator",
        "POST /api/venues/:venueId/rooms: admin, coordinator",
      ]
    `)
  })

  it('answers every route x role exactly as its policy says, and audits each request', async () => {
    const browsers = new Map<Caller, TestBrowser>()
    for (const caller of CALLERS) {
      const browser = new TestBrowser(t.app)
      const user = users.get(caller)
      if (user) await browser.signIn(user, t.clock)
      browsers.set(caller, browser)
    }
    const secrets = new Map<Caller, string>()
    const mismatches: string[] = []
    for (const [key, sample] of SAMPLES) {
      const [method, url] = key.split(' ') as [string, string]
      const route = t.app.routeTable.find((r) => r.method === method && r.url === url)
      if (!route?.policy) throw new Error(`no route ${key}`)
      for (const caller of CALLERS) {
        const browser = browsers.get(caller)
        if (!browser) throw new Error('no browser')
        const call = await sample.call({ caller, browser, world, user: users.get(caller) ?? null, secrets })
        const response = await browser.request(
          method as 'GET',
          call.url,
          method === 'GET' || method === 'DELETE' ? undefined : (call.body ?? {}),
        )
        const expected = expectedFor(route.policy, caller, sample)
        if (response.statusCode !== expected)
          mismatches.push(
            `${key} as ${caller}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          )
        const requestId = response.headers['x-request-id']
        if (!route.audit) continue
        const audited = await t.deps.db
          .selectFrom('audit_log')
          .select('id')
          .where('request_id', '=', String(requestId))
          .execute()
        if (audited.length === 0) mismatches.push(`${key} as ${caller}: no audit row`)
        if (key === 'POST /api/auth/login' && caller !== 'anonymous') await browser.refreshSession()
      }
    }
    expect(mismatches).toEqual([])
  })

  it("answers 404, never 403, for another organisation's records", async () => {
    const admin = users.get('admin')
    const coordinator = users.get('coordinator')
    if (!admin || !coordinator) throw new Error('missing users')
    const foreignCalls: [string, string, unknown?][] = [
      ['GET', `/api/centres/${foreign.centreId}`],
      ['PATCH', `/api/centres/${foreign.centreId}`, { name: 'Taken over' }],
      ['POST', `/api/centres/${foreign.centreId}/venues`, { name: 'Intruder hall' }],
      ['PATCH', `/api/venues/${foreign.venueId}`, { name: 'Intruder' }],
      ['POST', `/api/venues/${foreign.venueId}/rooms`, { name: 'Intruder room' }],
      ['PATCH', `/api/rooms/${foreign.roomId}`, { name: 'Intruder' }],
      ['GET', `/api/users/${foreign.targetUserId}`],
      ['PATCH', `/api/users/${foreign.targetUserId}`, { displayName: 'Intruder' }],
      ['POST', `/api/users/${foreign.targetUserId}/disable`, {}],
      ['POST', `/api/users/${foreign.targetUserId}/enable`, {}],
      ['GET', `/api/outbox/${foreign.messageId}`],
    ]
    for (const user of [admin, coordinator]) {
      const browser = new TestBrowser(t.app)
      await browser.signIn(user, t.clock)
      for (const [method, url, body] of foreignCalls) {
        const response = await browser.request(method as 'GET', url, body)
        const allowedByRole =
          user === admin ||
          (!url.startsWith('/api/users') &&
            !url.startsWith('/api/outbox') &&
            !(method === 'PATCH' && url.startsWith('/api/centres')))
        expect(response.statusCode, `${method} ${url} as ${user === admin ? 'admin' : 'coordinator'}`).toBe(
          allowedByRole ? 404 : 403,
        )
      }
    }
    const foreignTarget = await t.deps.db
      .selectFrom('users')
      .select(['display_name', 'status'])
      .where('id', '=', foreign.targetUserId)
      .executeTakeFirstOrThrow()
    expect(foreignTarget).toEqual({
      display_name: expect.not.stringContaining('Intruder') as unknown,
      status: 'active',
    })
  })

  it("never lists another organisation's people, centres or mail", async () => {
    const admin = users.get('admin')
    if (!admin) throw new Error('missing admin')
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const everything = [
      (await browser.get('/api/users')).body,
      (await browser.get('/api/centres')).body,
      (await browser.get('/api/outbox')).body,
    ].join('\n')
    for (const id of [foreign.centreId, foreign.venueId, foreign.targetUserId, foreign.messageId]) {
      expect(everything.includes(id), `foreign id ${id} listed`).toBe(false)
    }
    // The trail shows this organisation's own actors only (including their refused attempts on foreign ids).
    const trail = (await browser.get('/api/audit?limit=200')).json<{ actorUserId: string | null }[]>()
    const ownUsers = new Set(
      (
        await t.deps.db
          .selectFrom('users')
          .select('id')
          .where('organisation_id', '=', admin.organisationId)
          .execute()
      ).map((u) => u.id),
    )
    expect(trail.length).toBeGreaterThan(50)
    expect(trail.filter((row) => row.actorUserId !== null && !ownUsers.has(row.actorUserId))).toEqual([])
  })
})
