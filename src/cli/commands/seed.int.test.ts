import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { connect } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { assertAcceptablePassword } from '../../domain/auth/passwords'
import { DEMO_PASSWORD, demoEmail } from '../../domain/demo/demo-organisation'
import { seedDemoOrganisation, type DemoSeed } from '../../domain/demo/seed-demo'
import type { Runtime } from '../runtime'
import { formatDemoLogins, runSeed, seedDemoIfEmpty } from './seed'

let t: TestContext
let runtime: Runtime
let seed: DemoSeed
beforeAll(async () => {
  t = await createTestContext()
  runtime = { deps: t.deps, connected: t.connected, close: async () => {} }
  // The PostgreSQL test database is shared and never empty: seed regardless of other organisations.
  const seeded = await seedDemoOrganisation(t.deps, { onlyIfEmpty: false })
  if (!seeded) throw new Error('the demo was not seeded')
  seed = seeded
})
afterAll(async () => t.close())

const ROLES = ['admin', 'coordinator', 'volunteer', 'referrer', 'parent'] as const

describe('the demo organisation', () => {
  it('has exactly one account per role, each signing in with the demo password alone', async () => {
    expect(seed.users).toEqual(
      ROLES.map((role) => ({ role, email: demoEmail(role), password: DEMO_PASSWORD })),
    )
    for (const role of ROLES) assertAcceptablePassword(DEMO_PASSWORD, demoEmail(role))
    const grants = await t.deps.db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select(['users.email', 'role_assignments.role', 'role_assignments.centre_id'])
      .where('role_assignments.organisation_id', '=', seed.organisationId)
      .orderBy('users.email')
      .execute()
    expect(grants.map((g) => g.role).sort()).toEqual([...ROLES].sort())
    expect(grants.find((g) => g.role === 'coordinator')?.centre_id).toBe(seed.centreId)
    for (const role of ROLES) {
      const browser = new TestBrowser(t.app)
      expect(await browser.signIn({ email: demoEmail(role), password: DEMO_PASSWORD }, t.clock)).toBe(
        'active',
      )
    }
  })

  it('has the school with its four rooms and the church hall archived, as the admin sees them', async () => {
    const browser = new TestBrowser(t.app)
    await browser.signIn({ email: demoEmail('admin'), password: DEMO_PASSWORD }, t.clock)
    const centre = await browser.get(`/api/centres/${seed.centreId}`)
    expect(centre.statusCode).toBe(200)
    const body = centre.json<{
      name: string
      timeZone: string
      venues: {
        name: string
        archived: boolean
        hasSeparateEntrances: boolean
        rooms: { name: string; kind: string; capacityFamilies: number }[]
      }[]
    }>()
    expect(body).toMatchObject({ name: 'St Helier Child Contact Centre', timeZone: 'Europe/Jersey' })
    const school = body.venues.find((v) => v.name === 'Grands Vaux School')
    const hall = body.venues.find((v) => v.name === 'Town Church Hall')
    expect(hall?.archived).toBe(true)
    expect(school).toMatchObject({ archived: false, hasSeparateEntrances: true })
    expect(
      school?.rooms
        .map(({ name, kind, capacityFamilies }) => ({ name, kind, capacityFamilies }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'Family room', kind: 'family_room', capacityFamilies: 6 },
      { name: 'Quiet room', kind: 'private_room', capacityFamilies: 1 },
      { name: 'Reception', kind: 'reception', capacityFamilies: 1 },
      { name: 'Resident parent waiting area', kind: 'waiting_area', capacityFamilies: 1 },
    ])
    const organisation = await browser.get('/api/organisation')
    expect(organisation.json()).toMatchObject({ name: 'St Helier Family Hub', requireStaffTwoFactor: false })
  })

  it('puts a few emails in the outbox and one demo.seed audit row', async () => {
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    expect(outbox.map((m) => m.subject)).toContain('You have been invited to Kinbridge')
    expect(outbox.length).toBeGreaterThanOrEqual(3)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', seed.organisationId)
      .execute()
    expect(audit.filter((a) => a.action === 'demo.seed')).toHaveLength(1)
    expect(audit.map((a) => a.action)).not.toContain('user.create')
  })

  it('is refused by "seed --demo" on a database that has organisations, and in production', async () => {
    await expect(runSeed(runtime, { demo: true, json: false }, 'development')).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await expect(runSeed(runtime, { demo: true, json: false }, 'production')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(seedDemoOrganisation(t.deps, { onlyIfEmpty: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })

  it('prints the logins as a table under the demo warning', () => {
    const lines = formatDemoLogins(seed)
    expect(lines[0]).toMatch(/^WARNING: this is DEMO data/)
    expect(lines.filter((l) => l.includes(DEMO_PASSWORD))).toHaveLength(5)
    expect(lines).toContain(`admin        admin@demo.kinbridge.local        ${DEMO_PASSWORD}`)
  })
})

describe('the demo centre’s families', () => {
  const signedIn = async (role: (typeof ROLES)[number]) => {
    const browser = new TestBrowser(t.app)
    await browser.signIn({ email: demoEmail(role), password: DEMO_PASSWORD }, t.clock)
    return browser
  }

  it('has 39 children and 33 visiting parents in active cases, split by source like the reference centre', async () => {
    const rows = await t.deps.db
      .selectFrom('parties')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select(['parties.id', 'parties.kind', 'parties.role', 'parties.details', 'referrals.source_code'])
      .where('cases.organisation_id', '=', seed.organisationId)
      .where('cases.status', '=', 'active')
      .execute()
    const tally = (source: string | null) => {
      const own = rows.filter((r) => source === null || r.source_code === source)
      const visiting = own.filter((r) => r.role === 'non_resident_parent')
      return {
        children: own.filter((r) => r.kind === 'child').length,
        parents: new Set(visiting.map((r) => r.id)).size,
      }
    }
    expect(tally(null)).toEqual({ children: 39, parents: 33 })
    expect({
      court_adviser: tally('court_adviser'),
      social_services: tally('social_services'),
      self: tally('self'),
    }).toEqual({
      court_adviser: { children: 25, parents: 22 },
      social_services: { children: 5, parents: 4 },
      self: { children: 9, parents: 7 },
    })
    const babies = rows.filter(
      (r) => r.kind === 'child' && (JSON.parse(r.details) as { feedingHelp?: boolean }).feedingHelp,
    )
    expect(babies.length).toBeGreaterThanOrEqual(3)
    const cases = await t.deps.db
      .selectFrom('cases')
      .innerJoin('referrals', 'referrals.id', 'cases.referral_id')
      .select(['cases.status', 'cases.service_level', 'referrals.frequency_requested'])
      .where('cases.organisation_id', '=', seed.organisationId)
      .execute()
    expect(cases.map((c) => c.status).sort()).toEqual([...Array<string>(33).fill('active'), 'closed'])
    expect(cases.map((c) => c.service_level)).toEqual(expect.arrayContaining(['supervised', 'escorted']))
    expect(cases.map((c) => c.frequency_requested)).toContain('Monthly, flies in from Cardiff')
  })

  it('leaves referrals at each step of intake, one of them the demo referrer’s, within the centre’s capacity', async () => {
    const coordinator = await signedIn('coordinator')
    const inbox = (await coordinator.get('/api/referrals')).json<{ counts: Record<string, number> }>()
    expect(inbox.counts).toMatchObject({
      received: 3,
      pre_visits: 1,
      risk_assessed: 1,
      waitlisted: 1,
      declined: 1,
      merged: 1,
      accepted: 34,
    })
    const waiting = await coordinator.get(`/api/centres/${seed.centreId}/waiting-list`)
    const list = waiting.json<{ capacity: { units: number; used: number }; entries: unknown[] }>()
    expect(list.entries).toHaveLength(1)
    expect(list.capacity.used).toBeLessThanOrEqual(list.capacity.units)
    const referrer = await signedIn('referrer')
    const theirs = (await referrer.get('/api/referrals')).json<{ referrals: { status: string }[] }>()
    expect(theirs.referrals.map((r) => r.status)).toEqual(['received'])
  })

  it('links the demo parent login to a mother in an active case, who sees her family and the rules to sign', async () => {
    const linked = await t.deps.db
      .selectFrom('parties')
      .innerJoin('users', 'users.id', 'parties.user_id')
      .innerJoin('cases', 'cases.id', 'parties.case_id')
      .select(['parties.role', 'cases.status'])
      .where('users.email', '=', demoEmail('parent'))
      .execute()
    expect(linked).toEqual([{ role: 'resident_parent', status: 'active' }])
    const parent = await signedIn('parent')
    const mine = (await parent.get('/api/my/family')).json<{
      families: { status: string; children: unknown[]; groundRules: { signed: boolean } | null }[]
    }>()
    expect(mine.families).toHaveLength(1)
    expect(mine.families[0]).toMatchObject({ status: 'case_active', groundRules: { signed: false } })
    expect(mine.families[0]?.children).toHaveLength(2)
  })
})

describe('seedDemoIfEmpty (npm start)', () => {
  it('seeds an empty database once, and leaves it alone afterwards', async () => {
    // An empty database of its own: the shared test database never is.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-seed-'))
    const connected = await connect({ kind: 'sqlite', file: path.join(dir, 'kinbridge.db') })
    try {
      await migrateToLatest(connected.db)
      const empty: Runtime = { deps: { ...t.deps, db: connected.db }, connected, close: async () => {} }
      const count = async (table: 'organisations' | 'users' | 'outbox' | 'audit_log') =>
        Number(
          (
            await connected.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      await seedDemoIfEmpty(empty, 'development')
      const after = {
        organisations: await count('organisations'),
        users: await count('users'),
        outbox: await count('outbox'),
        audit: await count('audit_log'),
      }
      expect(after).toMatchObject({ organisations: 1, users: 5 })
      const seedRows = await connected.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'demo.seed')
        .execute()
      expect(seedRows).toHaveLength(1)
      await seedDemoIfEmpty(empty, 'development')
      await seedDemoIfEmpty(empty, 'development')
      expect({
        organisations: await count('organisations'),
        users: await count('users'),
        outbox: await count('outbox'),
        audit: await count('audit_log'),
      }).toEqual(after)
    } finally {
      await connected.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('never seeds in production', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-seed-'))
    const connected = await connect({ kind: 'sqlite', file: path.join(dir, 'kinbridge.db') })
    try {
      await migrateToLatest(connected.db)
      await seedDemoIfEmpty(
        { deps: { ...t.deps, db: connected.db }, connected, close: async () => {} },
        'production',
      )
      expect(await connected.db.selectFrom('organisations').select('id').execute()).toEqual([])
    } finally {
      await connected.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
