import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCodeAt } from '../../domain/auth/totp.rules'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const newOrg = () => buildOrganisation(t.deps)

describe('sign in', () => {
  it('signs in with a password, reads the session and rotates the cookie', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const browser = new TestBrowser(t.app)
    expect(await browser.signIn(user, t.clock)).toBe('active')
    const first = browser.cookie
    const session = await browser.get('/api/auth/session')
    expect(session.statusCode).toBe(200)
    expect(session.json()).toMatchObject({
      stage: 'active',
      user: { email: user.email },
      roles: [{ role: 'coordinator', centreId: null }],
    })
    expect(session.headers['cache-control']).toBe('no-store')
    const setCookie = String(
      (await browser.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).headers[
        'set-cookie'
      ],
    )
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(browser.cookie).not.toBe(first)
    expect(browser.cookie?.length).toBeGreaterThanOrEqual(43) // 256 bits, base64url
  })

  it('gives the same answer for a wrong password, an unknown email and a disabled account (AUTH-4)', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const disabled = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    await t.deps.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('id', '=', disabled.userId)
      .execute()
    const browser = new TestBrowser(t.app)
    const answers = await Promise.all([
      browser.post('/api/auth/login', { email: user.email, password: 'not-the-password-at-all' }),
      browser.post('/api/auth/login', {
        email: 'nobody-here@example.org',
        password: 'not-the-password-at-all',
      }),
      browser.post('/api/auth/login', { email: disabled.email, password: TEST_PASSWORD }),
    ])
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401)
      expect(answer.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'The email or password is not right.' },
      })
      expect(answer.cookies).toEqual([])
    }
  })

  it('ends the session on the server at logout and clears browser storage (SESS-1, CLI-1)', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    const stolen = browser.cookie
    const out = await browser.post('/api/auth/logout')
    expect(out.statusCode).toBe(204)
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"')
    const thief = new TestBrowser(t.app)
    thief.cookie = stolen
    expect((await thief.get('/api/account')).statusCode).toBe(401)
  })

  it('slows a guesser down after 10 tries on one account (AUTH-3)', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const browser = new TestBrowser(t.app)
    const statuses: number[] = []
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await browser.post('/api/auth/login', { email: user.email, password: `wrong-guess-${i}-xxxx` }))
          .statusCode,
      )
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
    const refused = await browser.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    const failures = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_user_id', '=', user.userId)
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .execute()
    expect(failures.length).toBe(10)
  })
})

describe('sign-ins that succeed (AUTH-3 counts guesses)', () => {
  it('never slows someone who keeps signing in with the right password', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const statuses: number[] = []
    for (let i = 0; i < 14; i++)
      statuses.push(
        (await new TestBrowser(t.app).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }))
          .statusCode,
      )
    expect(statuses).toEqual(Array(14).fill(200))
    // Wrong passwords still count: ten, then the account is slowed, the right password included.
    const guesser = new TestBrowser(t.app)
    for (let i = 0; i < 10; i++)
      expect(
        (await guesser.post('/api/auth/login', { email: user.email, password: `nope-${i}-xxxx` })).statusCode,
      ).toBe(401)
    expect(
      (await guesser.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(429)
  })
})

describe('timeouts (SESS-2)', () => {
  it('ends a staff session after exactly 30 minutes idle', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    t.clock.advance(30 * 60 - 1)
    expect((await browser.get('/api/account')).statusCode).toBe(200)
    t.clock.advance(30 * 60 - 1)
    expect((await browser.get('/api/account')).statusCode).toBe(200)
    t.clock.advance(30 * 60)
    expect((await browser.get('/api/account')).statusCode).toBe(401)
  })

  it('ends a staff session 12 hours after sign-in however busy it is', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * 60)
      expect((await browser.get('/api/account')).statusCode).toBe(200)
    }
    // 11 h 40 min have passed: 20 min - 1 s more is still inside, the next second is not.
    t.clock.advance(20 * 60 - 1)
    expect((await browser.get('/api/account')).statusCode).toBe(200)
    t.clock.advance(1)
    expect((await browser.get('/api/account')).statusCode).toBe(401)
  })

  it('gives a parent 24 hours', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'parent' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    const session = (await browser.get('/api/auth/session')).json<{
      expiresAt: string
      idleSeconds: number
    }>()
    expect(session.idleSeconds).toBe(30 * 60)
    expect(Date.parse(session.expiresAt) - t.clock.now().getTime()).toBeGreaterThan(24 * 3600 * 1000 - 5000)
  })
})

describe('two-factor authentication (AUTH-1, AUTH-2)', () => {
  it('asks for the code, refuses a wrong one and a replayed one, and rotates the session', async () => {
    const org = await newOrg()
    const user = await buildUser(t.deps, {
      organisationId: org.organisationId,
      role: 'coordinator',
      totp: true,
    })
    const secret = user.totpSecret ?? ''
    const browser = new TestBrowser(t.app)
    const login = await browser.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
    expect(login.json()).toEqual({ stage: 'second_factor' })
    const halfway = browser.cookie
    const blocked = await browser.get('/api/organisation')
    expect(blocked.statusCode).toBe(401)
    expect(blocked.json()).toMatchObject({ error: { code: 'SECOND_FACTOR_REQUIRED' } })
    await browser.refreshSession()
    expect((await browser.post('/api/auth/second-factor', { code: '000000' })).statusCode).toBe(401)
    const code = totpCodeAt(secret, t.clock.now())
    const done = await browser.post('/api/auth/second-factor', { code })
    expect(done.json()).toEqual({ stage: 'active' })
    expect(browser.cookie).not.toBe(halfway)
    const old = new TestBrowser(t.app)
    old.cookie = halfway
    expect((await old.get('/api/auth/session')).statusCode).toBe(401)

    const replay = new TestBrowser(t.app)
    await replay.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
    await replay.refreshSession()
    expect((await replay.post('/api/auth/second-factor', { code })).statusCode).toBe(401)
  })

  it('enrols a staff member when the organisation requires it, and shows recovery codes that work once', async () => {
    const org = await buildOrganisation(t.deps, { requireStaffTwoFactor: true })
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'volunteer' })
    const parent = await buildUser(t.deps, { organisationId: org.organisationId, role: 'parent' })
    expect(await new TestBrowser(t.app).signIn(parent, t.clock)).toBe('active')

    const browser = new TestBrowser(t.app)
    expect(await browser.signIn(user, t.clock)).toBe('enrol_second_factor')
    const blocked = await browser.get('/api/centres')
    expect(blocked.json()).toMatchObject({
      error: { code: 'SECOND_FACTOR_REQUIRED', details: { enrol: true } },
    })
    const setup = await browser.post('/api/account/two-factor/setup', { password: TEST_PASSWORD })
    expect(setup.statusCode).toBe(200)
    const { secret, otpauthUri, qrCodeDataUrl } = setup.json<{
      secret: string
      otpauthUri: string
      qrCodeDataUrl: string
    }>()
    expect(otpauthUri).toContain(`secret=${secret}`)
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/)
    const stored = await t.deps.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', user.userId)
      .executeTakeFirstOrThrow()
    expect(stored.totp_secret).not.toContain(secret)
    const enrolling = browser.cookie
    const confirm = await browser.post('/api/account/two-factor/confirm', {
      code: totpCodeAt(secret, t.clock.now()),
    })
    expect(confirm.statusCode).toBe(200)
    const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>()
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    expect(browser.cookie).not.toBe(enrolling)
    await browser.refreshSession()
    expect((await browser.get('/api/centres')).statusCode).toBe(200)

    const next = new TestBrowser(t.app)
    await next.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
    await next.refreshSession()
    expect(
      (await next.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0]?.toUpperCase() }))
        .statusCode,
    ).toBe(200)
    const again = new TestBrowser(t.app)
    await again.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })
    await again.refreshSession()
    expect((await again.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0] })).statusCode).toBe(
      401,
    )
    expect(
      (await browser.get('/api/account')).json<{ twoFactor: { recoveryCodesLeft: number } }>().twoFactor
        .recoveryCodesLeft,
    ).toBe(9)
  })

  it('will not let staff turn two-factor off when the organisation requires it', async () => {
    const org = await buildOrganisation(t.deps, { requireStaffTwoFactor: true })
    const user = await buildUser(t.deps, {
      organisationId: org.organisationId,
      role: 'coordinator',
      totp: true,
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    const off = await browser.post('/api/account/two-factor/disable', {
      password: TEST_PASSWORD,
      code: totpCodeAt(user.totpSecret ?? '', new Date(Date.now() + 30_000)),
    })
    expect(off.statusCode).toBe(403)
  })
})

describe('revocation is immediate (AZ-4)', () => {
  it('ends every session of a disabled user and applies a role change on the next request', async () => {
    const org = await newOrg()
    const admin = await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' })
    const user = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    const tablet = new TestBrowser(t.app)
    const laptop = new TestBrowser(t.app)
    await tablet.signIn(user, t.clock)
    await laptop.signIn(user, t.clock)
    expect((await tablet.post(`/api/centres/${org.centreId}/venues`, { name: 'Hall' })).statusCode).toBe(201)
    await adminBrowser.patch(`/api/users/${user.userId}`, { roles: [{ role: 'volunteer', centreId: null }] })
    expect((await tablet.post(`/api/centres/${org.centreId}/venues`, { name: 'Hall 2' })).statusCode).toBe(
      403,
    )
    expect((await adminBrowser.post(`/api/users/${user.userId}/disable`)).statusCode).toBe(200)
    expect((await tablet.get('/api/account')).statusCode).toBe(401)
    expect((await laptop.get('/api/account')).statusCode).toBe(401)
    const left = await t.deps.db
      .selectFrom('auth_sessions')
      .select('id')
      .where('user_id', '=', user.userId)
      .execute()
    expect(left).toEqual([])
  })
})
