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
      expect(after).toMatchObject({ organisations: 1, users: 5, audit: 1 })
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
