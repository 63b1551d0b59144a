import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

async function lastMailTo(email: string): Promise<{ subject: string; text_body: string } | undefined> {
  return t.deps.db
    .selectFrom('outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}

const tokenFrom = (text: string): string => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? ''

describe('password reset by emailed single-use link (AUTH-2)', () => {
  it('answers the same for known and unknown addresses and mails only the real account', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'referrer' })
    const browser = new TestBrowser(t.app)
    const known = await browser.post('/api/auth/password-reset', { email: user.email })
    const unknown = await browser.post('/api/auth/password-reset', { email: 'nobody-at-all@example.org' })
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(known.body).toBe(unknown.body)
    const mail = await lastMailTo(user.email)
    expect(mail?.subject).toBe('Reset your Kinbridge password')
    expect(mail?.text_body).toMatch(/^http:\/\/localhost:3000\/reset-password#token=[A-Za-z0-9_-]{43}$/m)
    expect(await lastMailTo('nobody-at-all@example.org')).toBeUndefined()
  })

  it('sets the new password once, ends every session and keeps two-factor', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, {
      organisationId: org.organisationId,
      role: 'coordinator',
      totp: true,
    })
    const signedIn = new TestBrowser(t.app)
    await signedIn.signIn(user, t.clock)
    const browser = new TestBrowser(t.app)
    await browser.post('/api/auth/password-reset', { email: user.email })
    const token = tokenFrom((await lastMailTo(user.email))?.text_body ?? '')
    const weak = await browser.post('/api/auth/password-reset/complete', { token, password: 'short' })
    expect(weak.statusCode).toBe(400)
    const done = await browser.post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new long passphrase',
    })
    expect(done.statusCode).toBe(204)
    expect((await signedIn.get('/api/account')).statusCode).toBe(401)
    const again = await browser.post('/api/auth/password-reset/complete', {
      token,
      password: 'another new long passphrase',
    })
    expect(again.statusCode).toBe(400)
    expect(
      (await browser.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401)
    const login = await browser.post('/api/auth/login', {
      email: user.email,
      password: 'a brand new long passphrase',
    })
    expect(login.json()).toEqual({ stage: 'second_factor' })
  })

  it('refuses a link after an hour, and an older link once a newer one is sent', async () => {
    const org = await buildOrganisation(t.deps)
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'parent' })
    const browser = new TestBrowser(t.app)
    await browser.post('/api/auth/password-reset', { email: user.email })
    const first = tokenFrom((await lastMailTo(user.email))?.text_body ?? '')
    t.clock.advance(1)
    await browser.post('/api/auth/password-reset', { email: user.email })
    const second = tokenFrom((await lastMailTo(user.email))?.text_body ?? '')
    expect(second).not.toBe(first)
    expect(
      (
        await browser.post('/api/auth/password-reset/complete', {
          token: first,
          password: 'a brand new long passphrase',
        })
      ).statusCode,
    ).toBe(400)
    t.clock.advance(60 * 60)
    expect(
      (
        await browser.post('/api/auth/password-reset/complete', {
          token: second,
          password: 'a brand new long passphrase',
        })
      ).statusCode,
    ).toBe(400)
  })

  it('lets an invited person choose their first password from the invitation', async () => {
    const org = await buildOrganisation(t.deps)
    const admin = new TestBrowser(t.app)
    await admin.signIn(
      await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' }),
      t.clock,
    )
    const invited = await admin.post('/api/users', {
      email: 'New.Volunteer@Example.org',
      displayName: 'New Volunteer',
      roles: [{ role: 'volunteer', centreId: org.centreId }],
    })
    expect(invited.statusCode).toBe(201)
    expect(invited.json()).toMatchObject({ email: 'new.volunteer@example.org', status: 'invited' })
    const mail = await lastMailTo('new.volunteer@example.org')
    expect(mail?.text_body).toContain('/welcome#token=')
    const browser = new TestBrowser(t.app)
    expect(
      (
        await browser.post('/api/auth/password-reset/complete', {
          token: tokenFrom(mail?.text_body ?? ''),
          password: 'my first long passphrase',
        })
      ).statusCode,
    ).toBe(204)
    expect(
      await browser.signIn(
        { email: 'new.volunteer@example.org', password: 'my first long passphrase' },
        t.clock,
      ),
    ).toBe('active')
    const session = (await browser.get('/api/auth/session')).json<{ roles: unknown[] }>()
    expect(session.roles).toEqual([{ role: 'volunteer', centreId: org.centreId }])
    const duplicate = await admin.post('/api/users', {
      email: 'new.volunteer@example.org',
      displayName: 'Again',
      roles: [{ role: 'parent', centreId: null }],
    })
    expect(duplicate.statusCode).toBe(409)
  })
})
