import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import type { Runtime } from '../runtime'
import { parseOptions } from './command'
import { runTokenCreate, TokenCreateOptionsSchema } from './token'

let t: TestContext
let runtime: Runtime
beforeAll(async () => {
  t = await createTestContext()
  runtime = { deps: t.deps, connected: t.connected, close: async () => {} }
})
afterAll(async () => t.close())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe('kinbridge token create', () => {
  it('prints only a token that works as Bearer until it is revoked, and audits it as the user', async () => {
    const org = await buildOrganisation(t.deps, { requireStaffTwoFactor: true })
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const result = await runTokenCreate(
      runtime,
      parseOptions(TokenCreateOptionsSchema, {
        user: user.email.toUpperCase(),
        name: 'rota export',
        days: '7',
      }),
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toHaveLength(1)
    const token = result.stdout[0] ?? ''
    expect(token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/)
    expect(result.stderr.join('\n')).not.toContain(token)

    const account = await t.app.inject({ method: 'GET', url: '/api/account', headers: bearer(token) })
    expect(account.statusCode).toBe(200)
    expect(account.json()).toMatchObject({ email: user.email })

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', org.organisationId)
      .where('action', '=', 'api_token.create')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_user_id: user.userId,
      actor_role: 'coordinator',
      ip: 'cli',
      outcome: 'success',
    })
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ name: 'rota export', days: 7 })
    expect(audit[0]?.details).not.toContain(token)

    const tokens = await t.app.inject({ method: 'GET', url: '/api/account/tokens', headers: bearer(token) })
    const [created] = tokens.json<{ id: string; expiresAt: string }[]>()
    expect(Date.parse(created?.expiresAt ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/account/tokens/${created?.id ?? ''}`,
      headers: bearer(token),
    })
    expect(revoked.statusCode).toBe(204)
    const refused = await t.app.inject({ method: 'GET', url: '/api/account', headers: bearer(token) })
    expect(refused.statusCode).toBe(401)
  })

  it('refuses an unknown email, a disabled account and a bad number of days', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const options = (overrides: Record<string, unknown>) =>
      parseOptions(TokenCreateOptionsSchema, { user: user.email, name: 'x', ...overrides })
    await expect(runTokenCreate(runtime, options({ user: 'nobody@example.org' }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.userId).execute()
    await expect(runTokenCreate(runtime, options({}))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(() => options({ days: '0' })).toThrow(/--days/)
    expect(() => options({ days: '366' })).toThrow(/--days/)
    expect(() => options({ days: 'soon' })).toThrow(/--days/)
    expect(() => options({ name: ' ' })).toThrow(/--name/)
  })
})
