import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('sign in', () => {
  it('signs in with a password and reads the session', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const browser = new TestBrowser(t.app)
    expect(await browser.signIn(user, t.clock)).toBe('active')
    const session = await browser.get('/api/auth/session')
    expect(session.statusCode).toBe(200)
    expect(session.json()).toMatchObject({ stage: 'active', user: { email: user.email }, roles: [{ role: 'coordinator', centreId: null }] })
    expect(session.headers['cache-control']).toBe('no-store')
  })
})
