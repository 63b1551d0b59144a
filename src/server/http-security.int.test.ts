import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../tests/support/factories'
import { createTestContext, TEST_ORIGIN, TestBrowser, type TestContext } from '../../tests/support/test-app'

let t: TestContext
let admin: TestBrowser
let centreId: string
beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  centreId = org.centreId
  admin = new TestBrowser(t.app)
  await admin.signIn(await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' }), t.clock)
})
afterAll(async () => t.close())

describe('CSRF (HDR-2)', () => {
  it('refuses a cookie-authenticated write without the token, with a wrong one, or from another site', async () => {
    const body = { name: 'Sneaky hall' }
    const url = `/api/centres/${centreId}/venues`
    const token = admin.csrfToken ?? ''
    const noToken = await t.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { cookie: `kinbridge=${admin.cookie ?? ''}` },
    })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json()).toMatchObject({ error: { code: 'CSRF_REJECTED' } })
    const wrong = await admin.post(url, body, { 'x-csrf-token': 'x'.repeat(43) })
    expect(wrong.statusCode).toBe(403)
    expect((await admin.post(url, body, { origin: 'https://evil.example' })).statusCode).toBe(403)
    expect((await admin.post(url, body, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403)
    expect((await admin.post(url, body, { origin: TEST_ORIGIN, 'x-csrf-token': token })).statusCode).toBe(201)
    const venues = (await admin.get(`/api/centres/${centreId}`)).json<{ venues: { name: string }[] }>()
    expect(venues.venues.map((v) => v.name)).toEqual(['Sneaky hall'])
  })

  it('needs no CSRF token for a Bearer token, which a browser never sends by itself', async () => {
    const created = await admin.post('/api/account/tokens', { name: 'script', days: 1 })
    const { token } = created.json<{ token: string }>()
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/centres/${centreId}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'Renamed by script' },
    })
    expect(response.statusCode).toBe(200)
  })

  it('has no GET route that changes anything', () => {
    const gets = t.app.routeTable.filter((r) => r.method === 'GET')
    for (const route of gets)
      expect(route.audit?.action ?? 'openapi.read', route.url).toMatch(/\.(read|list)$/)
  })
})

describe('headers (HDR-1)', () => {
  it('sends the security headers on answers, errors and unknown paths', async () => {
    for (const response of [
      await admin.get('/api/account'),
      await admin.get('/api/nowhere'),
      await t.app.inject({ method: 'GET', url: '/api/account' }),
    ]) {
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("object-src 'none'")
      expect(csp).toContain("base-uri 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toMatch(/https?:\/\//)
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['cache-control']).toBe('no-store')
    }
  })
})

describe('errors: one shape, never a 500 for bad input', () => {
  it('answers malformed JSON, a wrong content type, a huge body and a bad field with 4xx', async () => {
    const headers = { cookie: `kinbridge=${admin.cookie ?? ''}`, 'x-csrf-token': admin.csrfToken ?? '' }
    const url = `/api/centres/${centreId}/venues`
    const badJson = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"name":',
    })
    expect(badJson.statusCode).toBe(400)
    expect(badJson.json()).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    const text = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'name=x',
    })
    expect(text.statusCode).toBe(415)
    expect(text.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
    const huge = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    const invalid = await admin.post(url, { name: '' })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json()).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: 'body.name' }] } },
    })
    const badId = await admin.get('/api/centres/not-a-uuid')
    expect(badId.statusCode).toBe(400)
    for (const response of [badJson, text, huge, invalid, badId]) {
      expect(response.body).not.toMatch(/at .*\.ts:|SELECT|sqlite|stack/i)
    }
  })

  it('ignores fields a caller may not set (AZ-3 mass assignment)', async () => {
    const org = await buildOrganisation(t.deps)
    const victim = await buildOrganisation(t.deps)
    const self = await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(self, t.clock)
    const response = await browser.patch(`/api/users/${self.userId}`, {
      displayName: 'Me',
      organisationId: victim.organisationId,
      organisation_id: victim.organisationId,
      status: 'disabled',
      email: 'new@example.org',
      passwordHash: 'x',
    })
    expect(response.statusCode).toBe(200)
    const poisoned = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${self.userId}`,
      headers: {
        cookie: `kinbridge=${browser.cookie ?? ''}`,
        'x-csrf-token': browser.csrfToken ?? '',
        'content-type': 'application/json',
      },
      payload: '{"displayName":"Proto","__proto__":{"polluted":true}}',
    })
    expect(poisoned.statusCode).toBe(400)
    const row = await t.deps.db
      .selectFrom('users')
      .select(['organisation_id', 'status', 'email', 'display_name'])
      .where('id', '=', self.userId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      organisation_id: org.organisationId,
      status: 'active',
      email: self.email,
      display_name: 'Me',
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
