import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { AppError } from '../../domain/errors'
import type { Runtime } from '../runtime'
import { parseOptions } from './command'
import { CreateUserOptionsSchema, runCreateUser } from './create-user'
import { InitOptionsSchema, runInit } from './init'

let t: TestContext
let runtime: Runtime
beforeAll(async () => {
  t = await createTestContext()
  runtime = { deps: t.deps, connected: t.connected, close: async () => {} }
})
afterAll(async () => t.close())

const unique = () => Math.random().toString(36).slice(2, 10)
const passwordIn = (stdout: string[]): string => {
  const line = stdout.find((l) => l.startsWith('One-time password: '))
  if (!line) throw new Error(`no password printed: ${stdout.join('\n')}`)
  return line.slice('One-time password: '.length)
}

const initOptions = (overrides: Record<string, unknown> = {}) =>
  parseOptions(InitOptionsSchema, {
    organisation: 'St Helier Family Hub',
    centre: 'St Helier Child Contact Centre',
    timeZone: 'Europe/Jersey',
    adminEmail: `Admin-${unique()}@Example.org`,
    another: true,
    requireTwoFactor: true,
    ...overrides,
  })

describe('kinbridge init', () => {
  it('creates an organisation and an admin who signs in with the printed password, then must enrol in 2FA', async () => {
    const options = initOptions()
    const result = await runInit(runtime, options)
    expect(result.exitCode).toBe(0)
    const password = passwordIn(result.stdout)
    expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/)
    const browser = new TestBrowser(t.app)
    expect(await browser.signIn({ email: options.adminEmail, password }, t.clock)).toBe('enrol_second_factor')
    const organisation = await t.deps.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', options.organisation)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(organisation.require_staff_mfa).toBe(1)
  })

  it('with --no-require-two-factor the admin is signed in by the password alone, as an admin', async () => {
    const options = initOptions({ requireTwoFactor: false, adminName: 'Pat Admin' })
    const password = passwordIn((await runInit(runtime, options)).stdout)
    const browser = new TestBrowser(t.app)
    expect(await browser.signIn({ email: options.adminEmail, password }, t.clock)).toBe('active')
    const session = await browser.get('/api/auth/session')
    expect(session.json()).toMatchObject({
      user: { email: options.adminEmail },
      roles: [{ role: 'admin', centreId: null }],
    })
  })

  it('refuses a second organisation without --another', async () => {
    await buildOrganisation(t.deps)
    await expect(runInit(runtime, initOptions({ another: false }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('--another') as string,
    })
  })

  it('rejects bad arguments before touching the database', () => {
    expect(() => initOptions({ timeZone: 'Mars/Olympus' })).toThrow(AppError)
    expect(() => initOptions({ adminEmail: 'not-an-email' })).toThrow(/--admin-email/)
    expect(() => initOptions({ organisation: '  ' })).toThrow(/--organisation/)
  })
})

describe('kinbridge create-user', () => {
  it('adds a person to the named organisation and centre, who signs in with the printed password', async () => {
    const org = await buildOrganisation(t.deps)
    const email = `vol-${unique()}@example.org`
    const options = parseOptions(CreateUserOptionsSchema, {
      email,
      name: 'Val Volunteer',
      role: 'volunteer',
      centre: org.centreId,
      organisation: org.organisationId,
    })
    const password = passwordIn((await runCreateUser(runtime, options)).stdout)
    const browser = new TestBrowser(t.app)
    expect(await browser.signIn({ email, password }, t.clock)).toBe('active')
    expect((await browser.get('/api/auth/session')).json()).toMatchObject({
      roles: [{ role: 'volunteer', centreId: org.centreId }],
    })
  })

  it('needs --organisation when there are several, and refuses a centre of another organisation', async () => {
    const a = await buildOrganisation(t.deps)
    const b = await buildOrganisation(t.deps)
    const base = { email: `x-${unique()}@example.org`, name: 'X', role: 'coordinator' }
    await expect(runCreateUser(runtime, parseOptions(CreateUserOptionsSchema, base))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    const wrongCentre = parseOptions(CreateUserOptionsSchema, {
      ...base,
      organisation: a.organisationId,
      centre: b.centreId,
    })
    await expect(runCreateUser(runtime, wrongCentre)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(() => parseOptions(CreateUserOptionsSchema, { ...base, role: 'wizard' })).toThrow(/--role/)
  })
})
