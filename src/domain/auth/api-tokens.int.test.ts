import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret } from '../shared/secrets'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const bearer = (token: string, url = '/api/account') =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })

describe('API tokens', () => {
  it('are shown once, stored hashed, act as their user, and stop at revocation', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    const created = await browser.post('/api/account/tokens', { name: 'Monthly return script', days: 30 })
    expect(created.statusCode).toBe(201)
    const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>()
    expect(token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/)
    expect(token.startsWith(prefix)).toBe(true)
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashSecret(token))
    expect(JSON.stringify(row)).not.toContain(token)
    const listed = (await browser.get('/api/account/tokens')).body
    expect(listed).not.toContain(token)
    expect(listed).toContain('Monthly return script')

    const me = await bearer(token)
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ email: user.email })
    expect((await bearer(token, '/api/users')).statusCode).toBe(403)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('actor_user_id', '=', user.userId)
      .where('action', '=', 'api_token.create')
      .execute()
    expect(audit).toHaveLength(1)

    expect((await browser.delete(`/api/account/tokens/${id}`)).statusCode).toBe(204)
    expect((await bearer(token)).statusCode).toBe(401)
  })

  it('expire, die with a disabled user, and answer 401 for a made-up token', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    const { token } = (await browser.post('/api/account/tokens', { name: 'short', days: 1 })).json<{
      token: string
    }>()
    const other = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const otherBrowser = new TestBrowser(t.app)
    await otherBrowser.signIn(other, t.clock)
    const second = (await otherBrowser.post('/api/account/tokens', { name: 'x', days: 5 })).json<{
      token: string
      id: string
    }>()
    // Someone else's token is not yours to see or revoke.
    expect((await browser.delete(`/api/account/tokens/${second.id}`)).statusCode).toBe(404)
    expect((await bearer(token)).statusCode).toBe(200)
    t.clock.advance(86_400 - 1)
    expect((await bearer(token)).statusCode).toBe(200)
    t.clock.advance(1)
    expect((await bearer(token)).statusCode).toBe(401)
    expect((await bearer('kbt_madeup')).statusCode).toBe(401)
    expect((await bearer(second.token)).statusCode).toBe(200)
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', other.userId).execute()
    expect((await bearer(second.token)).statusCode).toBe(401)
  })
})
