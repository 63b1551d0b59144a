import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from '../domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser, TEST_PASSWORD, type BuiltUser } from '../../tests/support/factories'
import {
  bringToRiskAssessed,
  expectStatus,
  RISK_BODY,
  selfReferralBody,
  staffReferralBody,
} from '../../tests/support/referrals'
import { nextWeekday, todayIn } from '../../tests/support/scheduling-checks'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'
import { enrol, enrolWorld, type Enrolled } from '../../tests/support/volunteers'
import { plusDays } from '../domain/scheduling/schedule.rules'
import type { RecordView } from '../domain/volunteers/volunteers.schemas'

/**
 * AZ-3 (ASVS 15.3.3): every write of the referral, case, intake, scheduling, volunteer and session-day routes, sent with its valid body
 * plus properties it does not take. Dropping them silently is fine; persisting any of them, or any
 * change outside the action's own write-list, is not. A second send adds `__proto__` and
 * `constructor.prototype` as real JSON keys (15.3.6): refused with 400 or ignored, never a 500, and
 * Object.prototype stays clean.
 */

/** URL prefixes of the routes this test covers (referrals, cases, intake, scheduling, volunteers, the session day). */
const COVERED_PREFIXES = [
  '/api/referrals',
  '/api/pre-visits',
  '/api/parties',
  '/api/documents',
  '/api/cases',
  '/api/intake',
  '/api/ground-rules',
  '/api/my/',
  '/api/public/',
  '/api/centres/:centreId/waiting-list',
  '/api/scheduling',
  '/api/venues/:venueId/openings',
  '/api/openings',
  '/api/centres/:centreId/closures',
  '/api/venues/:venueId/rehome',
  '/api/plans',
  '/api/sessions',
  '/api/calendar-feeds',
  '/api/volunteering',
  '/api/volunteers',
  '/api/volunteer-',
  '/api/policies',
  '/api/centres/:centreId/rota',
  '/api/rota-',
  '/api/today',
  '/api/attendance-events',
  '/api/session-day-settings',
  '/api/feedback',
  '/api/observations',
  '/api/incidents',
  '/api/suspensions',
  '/api/report-releases',
]

const TABLES = [
  'organisations',
  'centres',
  'users',
  'role_assignments',
  'organisation_settings',
  'referrals',
  'parties',
  'pre_visits',
  'risk_assessments',
  'court_orders',
  'documents',
  'cases',
  'case_level_changes',
  'case_reviews',
  'case_notes',
  'ground_rules_versions',
  'ground_rules_signatures',
  'workflow_transitions',
  'opening_sessions',
  'closures',
  'contact_plans',
  'sessions',
  'calendar_feeds',
  'outbox',
  'volunteers',
  'volunteer_requirements',
  'volunteer_records',
  'policies',
  'policy_versions',
  'policy_acknowledgements',
  'availability_exceptions',
  'rota_assignments',
  'rota_swaps',
  'volunteer_hours',
  'compliance_alerts',
  'attendance_events',
  'observation_records',
  'incidents',
  'warnings',
  'suspensions',
  'report_releases',
  'feedback',
] as const
type Table = (typeof TABLES)[number]
type Row = Record<string, unknown>
type Snapshot = Map<Table, Map<string, Row>>

/**
 * What an action may write: per table, the columns it may change on existing rows, and whether it
 * may add rows (with the values those rows must hold; every new row also belongs to the organisation).
 */
type WriteList = Partial<Record<Table, { update?: string[]; insert?: Row }>>

interface Prepared {
  /** null: the public form, sent without a session from an address of its own. */
  browser: TestBrowser | null
  url: string
  body: Row
  /** Properties of the extras that are real fields of this body: the valid value stays. */
  realFields?: string[]
  /** Nested objects of the body that get the extras too. */
  nested?: { path: (string | number)[]; realFields?: string[] }[]
  writes: WriteList
  /** What the write-list cannot say: the values the action itself must have written. */
  verify?: () => Promise<void>
}

interface WriteCase {
  key: string
  as: 'admin' | 'coordinator' | 'referrer' | 'parent' | 'volunteer' | 'anonymous'
  ok: number
  /** Makes what the request acts on (fresh where the action happens once) before the snapshot. */
  prepare: () => Prepared | Promise<Prepared>
}

interface Fixtures {
  organisationId: string
  centreId: string
  admin: BuiltUser
  coordinator: BuiltUser
  referrer: BuiltUser
  parentUserId: string
  parentPartyId: string
  adminBrowser: TestBrowser
  desk: TestBrowser
  referrerBrowser: TestBrowser
  parentBrowser: TestBrowser
  /** A referral still "received", another in "pre-visits", another risk assessed, and one the referrer made. */
  received: ReferralDetail
  inPreVisits: ReferralDetail
  assessed: ReferralDetail
  referrersOwn: ReferralDetail
  workCaseId: string
  /** A venue with two doors, a family room and two waiting areas, open at weekends; a case ready to book. */
  schedule: { venueId: string; roomId: string; gardenRoom: string; blueRoom: string; caseId: string }
  /** Values the extras point at, so that a persisted extra can be found anywhere. */
  canary: { organisationId: string; centreId: string; userId: string; referrerUserId: string; caseId: string }
  /**
   * Volunteers: Vera (active, her own sign-in), a colleague to swap with, Lou whose DBS check runs out
   * within the reminder window, the organisation's requirements, Vera's DBS record, a policy.
   */
  volunteers: {
    vera: Enrolled
    colleague: Enrolled
    requirement: (code: string) => string
    dbsRecordId: string
    policyId: string
  }
  /**
   * The session day: the scheduling case's people and its visiting parent signed in to the parent
   * area; a case the referrer referred (their reports and incident notices go to them); a case to
   * suspend and re-admit, with sessions of its own.
   */
  day: {
    resident: string
    nonResident: string
    child: string
    parent: TestBrowser
    parentUserId: string
    referred: { caseId: string; referralId: string }
    conductCaseId: string
  }
}

let t: TestContext
let fx: Fixtures

const CANARY_ADDRESS = '1 Canary Lane, St Helier'
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')
const RULES = { title: 'Ground rules', body: 'No violence, aggression or bad language. Phones on silent.' }

function extras(): Row {
  return {
    organisationId: fx.canary.organisationId,
    centreId: fx.canary.centreId,
    role: 'admin',
    ownerId: fx.canary.userId,
    familyId: fx.canary.caseId,
    residentAddress: CANARY_ADDRESS,
    dbsStatus: 'clear',
    status: 'accepted',
    caseId: fx.canary.caseId,
    referrerUserId: fx.canary.referrerUserId,
    userId: fx.canary.userId,
    meta: { isAdmin: true, roles: ['admin'] },
    // A volunteer editing their own availability must not move their stage or take on duties.
    stage: 'active',
    duties: ['supervisor'],
  }
}
const EXTRA_KEYS = [
  'organisationId',
  'centreId',
  'role',
  'ownerId',
  'familyId',
  'residentAddress',
  'dbsStatus',
].concat(['status', 'caseId', 'referrerUserId', 'userId', 'meta', 'isAdmin', 'polluted', 'stage', 'duties'])

function withExtras(prepared: Prepared): Row {
  const omit = (fields: string[] = []) =>
    Object.fromEntries(Object.entries(extras()).filter(([key]) => !fields.includes(key)))
  const body = { ...structuredClone(prepared.body), ...omit(prepared.realFields) }
  for (const { path, realFields } of prepared.nested ?? []) {
    let target: unknown = body
    for (const step of path) target = (target as Record<string | number, unknown>)[step]
    if (typeof target !== 'object' || target === null) throw new Error(`no object at ${path.join('.')}`)
    Object.assign(target, omit(realFields))
  }
  return body
}

const POLLUTION = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'

let addresses = 0
async function send(key: string, prepared: Prepared, payload: string) {
  const method = key.split(' ')[0] as 'POST' | 'PATCH' | 'PUT'
  const headers = { 'content-type': 'application/json' }
  if (prepared.browser) return prepared.browser.request(method, prepared.url, payload, headers)
  addresses += 1
  return t.app.inject({
    method,
    url: prepared.url,
    payload,
    headers,
    remoteAddress: `203.0.113.${addresses}`,
  })
}

async function snapshot(): Promise<Snapshot> {
  const organisations = [fx.organisationId, fx.canary.organisationId]
  const result: Snapshot = new Map()
  for (const table of TABLES) {
    const scope = table === 'organisations' ? 'id' : 'organisation_id'
    const key = table === 'organisation_settings' ? 'organisation_id' : 'id'
    const { rows } = await sql<Row>`select * from ${sql.table(table)}
      where ${sql.ref(scope)} in (${sql.join(organisations)})`.execute(t.deps.db)
    result.set(table, new Map(rows.map((row) => [String(row[key]), row])))
  }
  return result
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const show = (value: unknown): string => JSON.stringify(value)?.slice(0, 80) ?? 'undefined'

/** A row as it reads in full: sealed columns opened, so that nothing hides in them. */
function opened(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) =>
      column.endsWith('_sealed') && typeof value === 'string'
        ? [column, t.deps.fieldCrypto.decrypt(value)]
        : [column, value],
    ),
  )
}

/** Keys of JSON held in a row's text columns, at any depth. */
function jsonKeys(row: Row): string[] {
  const keys: string[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'object' && value !== null)
      for (const [key, inner] of Object.entries(value)) {
        keys.push(key)
        walk(inner)
      }
  }
  for (const value of Object.values(row)) {
    if (typeof value !== 'string' || !/^[[{]/.test(value)) continue
    try {
      walk(JSON.parse(value))
    } catch {
      // Not JSON: plain text that happens to start with a bracket.
    }
  }
  return keys
}

/** Every change between two snapshots that the write-list does not allow, in words. */
function violations(before: Snapshot, after: Snapshot, writes: WriteList): string[] {
  const found: string[] = []
  const canaries = [...Object.values(fx.canary), CANARY_ADDRESS]
  for (const table of TABLES) {
    const old = before.get(table) ?? new Map<string, Row>()
    const now = after.get(table) ?? new Map<string, Row>()
    const allowed = writes[table]
    for (const key of old.keys()) if (!now.has(key)) found.push(`${table} ${key}: deleted`)
    for (const [key, row] of now) {
      const previous = old.get(key)
      if (previous && same(previous, row)) continue
      if (!previous && !allowed?.insert) found.push(`${table} ${key}: inserted`)
      if (!previous && allowed?.insert)
        for (const [column, value] of Object.entries({
          organisation_id: fx.organisationId,
          ...allowed.insert,
        }))
          if (!same(row[column], value))
            found.push(`${table} ${key}: new row has ${column} ${show(row[column])}, not ${show(value)}`)
      if (previous)
        for (const column of Object.keys(row))
          if (!same(previous[column], row[column]) && !(allowed?.update ?? []).includes(column))
            found.push(
              `${table} ${key}: ${column} changed from ${show(previous[column])} to ${show(row[column])}`,
            )
      const full = opened(row)
      const extraKeys = jsonKeys(full).filter((k) => EXTRA_KEYS.includes(k))
      if (extraKeys.length > 0) found.push(`${table} ${key}: holds ${extraKeys.join(', ')}`)
      const text = JSON.stringify(full)
      for (const canary of canaries) if (text.includes(canary)) found.push(`${table} ${key}: holds ${canary}`)
    }
  }
  return found
}

async function rowOf(
  table:
    | 'referrals'
    | 'cases'
    | 'parties'
    | 'volunteers'
    | 'volunteer_hours'
    | 'observation_records'
    | 'incidents'
    | 'suspensions'
    | 'feedback',
  id: string,
): Promise<Row> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where id = ${id}`.execute(t.deps.db)
  if (!rows[0]) throw new Error(`no ${table} row ${id}`)
  return rows[0]
}

async function enterReferral(browser: TestBrowser): Promise<ReferralDetail> {
  const created = await browser.post('/api/referrals', staffReferralBody(fx.centreId))
  expectStatus(created, 201)
  return created.json<ReferralDetail>()
}

async function assessedReferral(): Promise<ReferralDetail> {
  return bringToRiskAssessed(fx.desk, await enterReferral(fx.desk))
}

async function decide(referralId: string, body: Row): Promise<ReferralDetail> {
  const decided = await fx.desk.post(`/api/referrals/${referralId}/decision`, body)
  expectStatus(decided, 200)
  return decided.json<ReferralDetail>()
}

async function openCase(): Promise<string> {
  const referral = await assessedReferral()
  const accepted = await decide(referral.id, { decision: 'accept', reason: 'Suitable for supported contact' })
  if (!accepted.caseId) throw new Error('no case opened')
  return accepted.caseId
}

async function selfReferralId(role: 'resident_parent' | 'non_resident_parent'): Promise<string> {
  addresses += 1
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/public/centres/${fx.centreId}/self-referrals`,
    payload: selfReferralBody(role),
    remoteAddress: `203.0.113.${addresses}`,
  })
  expectStatus(sent, 201)
  const { reference } = sent.json<{ reference: string }>()
  const row = await t.deps.db
    .selectFrom('referrals')
    .select('id')
    .where('organisation_id', '=', fx.organisationId)
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow()
  return row.id
}

async function publishRules(): Promise<string> {
  const published = await fx.desk.post('/api/ground-rules', RULES)
  expectStatus(published, 201)
  return published.json<{ id: string }>().id
}

/** An adult added to the "received" referral: a fresh person for actions that happen once per person. */
async function addAdult(role: string, email?: string): Promise<string> {
  const added = await fx.desk.post(`/api/referrals/${fx.received.id}/parties`, {
    role,
    fullName: 'Fresh Person',
    attendance: 'allowed',
    protected: email ? { email } : {},
  })
  expectStatus(added, 201)
  return added.json<{ id: string }>().id
}

/** A case's parents sign the ground rules in force (other writes here publish new ones). */
async function signCurrentRules(caseId: string = fx.schedule.caseId): Promise<void> {
  const rules = await t.deps.db
    .selectFrom('ground_rules_versions')
    .select('id')
    .where('organisation_id', '=', fx.organisationId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow()
  const parents = await t.deps.db
    .selectFrom('parties')
    .select('id')
    .where('case_id', '=', caseId)
    .where('role', 'in', ['resident_parent', 'non_resident_parent'])
    .execute()
  for (const parent of parents)
    expectStatus(await fx.desk.post(`/api/parties/${parent.id}/ground-rules`, { versionId: rules.id }), 204)
}

const day = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
let futureSaturdays = 0
/** A Saturday four weeks after the last one handed out: room for a fortnightly plan of two. */
function freshSaturday(): string {
  futureSaturdays += 1
  return day('2031-01-04', 28 * futureSaturdays)
}
let pastSaturdays = 0
/** A Saturday in 2025, after the pre-visits: a session that has already happened. */
function pastSaturday(): string {
  pastSaturdays += 1
  return day('2025-03-01', 7 * pastSaturdays)
}

const both = (resident: unknown, nonResident: unknown) => ({ resident, nonResident })

/** A one-off plan of the scheduling case at its venue, each party with their own door and waiting area. */
function planBody(overrides: Row = {}): Row {
  return {
    serviceType: 'supported',
    frequency: 'one_off',
    firstOn: freshSaturday(),
    startsAt: '10:00',
    durationMinutes: 120,
    venueId: fx.schedule.venueId,
    roomId: fx.schedule.roomId,
    arrival: both(
      { entrance: 'Front door', waitingRoomId: fx.schedule.gardenRoom },
      { entrance: 'Side door', waitingRoomId: fx.schedule.blueRoom },
    ),
    notes: 'Bring the photo album',
    ...overrides,
  }
}

interface Booked {
  plan: { id: string }
  sessions: { id: string; version: number; date: string }[]
}

async function bookPlan(overrides: Row = {}): Promise<Booked> {
  await signCurrentRules()
  const booked = await fx.desk.post(`/api/cases/${fx.schedule.caseId}/plans`, planBody(overrides))
  expectStatus(booked, 201)
  return booked.json<Booked>()
}

const planNesting = [
  { path: ['arrival'] },
  { path: ['arrival', 'resident'] },
  { path: ['arrival', 'nonResident'] },
]
const CANCEL_COLUMNS = ['status', 'cancelled_by', 'cancelled_at', 'cancel_notice_hours', 'cancel_reason']
const ENDED_PLAN = ['status', 'last_on', 'ended_reason', 'updated_at']

async function sessionRow(id: string): Promise<Row> {
  const { rows } = await sql<Row>`select * from sessions where id = ${id}`.execute(t.deps.db)
  if (!rows[0]) throw new Error(`no session ${id}`)
  return rows[0]
}

/** A hall of the centre with one family room, open on Saturdays: somewhere to re-home to or from. */
async function hall(name: string): Promise<{ venueId: string; roomId: string }> {
  const venue = await fx.desk.post(`/api/centres/${fx.centreId}/venues`, { name })
  expectStatus(venue, 201)
  const venueId = venue.json<{ id: string }>().id
  const room = await fx.desk.post(`/api/venues/${venueId}/rooms`, { name: 'Hall room', capacityFamilies: 2 })
  expectStatus(room, 201)
  expectStatus(
    await fx.desk.post(`/api/venues/${venueId}/openings`, {
      weekday: 6,
      startsAt: '09:00',
      endsAt: '17:00',
      firstOn: '2025-01-04',
    }),
    201,
  )
  return { venueId, roomId: room.json<{ id: string }>().id }
}

/** A new referral opens a case: the referral points to that case and no other. */
function acceptance(referralId: string): Pick<Prepared, 'writes' | 'verify'> {
  return {
    writes: {
      referrals: {
        update: ['status', 'status_changed_at', 'updated_at', 'decision_reason', 'decided_by_user_id'].concat(
          ['decided_at', 'accepted_level', 'case_id'],
        ),
      },
      cases: { insert: { referral_id: referralId, centre_id: fx.centreId, status: 'active' } },
      case_level_changes: { insert: { changed_by_user_id: fx.coordinator.userId } },
      parties: { update: ['case_id'] },
      workflow_transitions: { insert: {} },
    },
    verify: async () => {
      const referral = await rowOf('referrals', referralId)
      const opened = await t.deps.db
        .selectFrom('cases')
        .select('id')
        .where('referral_id', '=', referralId)
        .executeTakeFirstOrThrow()
      expect({ status: referral.status, case_id: referral.case_id }).toEqual({
        status: 'accepted',
        case_id: opened.id,
      })
    },
  }
}

const newReferral = (channel: string, referrerUserId: string | null) => ({
  referrals: {
    insert: {
      centre_id: fx.centreId,
      status: 'received',
      channel,
      referrer_user_id: referrerUserId,
      case_id: null,
    },
  },
  parties: { insert: { user_id: null, case_id: null } },
  workflow_transitions: { insert: { to_status: 'received' } },
  // A referrer and a parent applying themselves are told it arrived; the centre's own entry is not.
  ...(channel === 'staff' ? {} : { outbox: { insert: { status: 'pending' } } }),
})

const referralNesting = [
  { path: ['adults', 0], realFields: ['role'] },
  { path: ['adults', 0, 'protected'] },
  { path: ['children', 0] },
  { path: ['referrer'], realFields: ['role'] },
  { path: ['risk'] },
]

// ---------- volunteers ----------

const TIME_ZONE = 'Europe/Jersey'
/** The centre's date today, and days from it. */
const today = (days = 0): string => plusDays(todayIn(t, TIME_ZONE), days)
let rotaWeeks = 0
/** A Saturday no write has used yet: a week further on each time. */
function rotaSaturday(): string {
  rotaWeeks += 1
  return nextWeekday(today(7 * rotaWeeks), 6)
}
let pastWeeks = 0
/** A Saturday already past that no write has used yet: a week further back each time. */
function pastRotaSaturday(): string {
  pastWeeks += 1
  return nextWeekday(today(-7 * pastWeeks - 7), 6)
}

/** The key of the Saturday shift of the scheduling venue on a day (its one Saturday opening). */
async function saturdayShift(date: string): Promise<string> {
  const rota = await fx.desk.get(`/api/centres/${fx.centreId}/rota?from=${date}&to=${date}`)
  expectStatus(rota, 200)
  const shift = rota
    .json<{ shifts: { key: string; venueId: string | null }[] }>()
    .shifts.find((s) => s.venueId === fx.schedule.venueId)
  if (!shift) throw new Error(`no shift on ${date}`)
  return shift.key
}

/** Vera on the floor of a shift, placed by the desk. */
async function veraOn(date: string): Promise<string> {
  const placed = await fx.desk.post(`/api/centres/${fx.centreId}/rota/assignments`, {
    shiftKey: await saturdayShift(date),
    duty: 'floor',
    volunteerId: fx.volunteers.vera.file.id,
    override: true,
  })
  expectStatus(placed, 201)
  return placed.json<{ id: string }>().id
}

/** An enquiry at the desk, at version 1. */
async function enquiry(name: string): Promise<string> {
  const made = await fx.desk.post('/api/volunteers', { centreId: fx.centreId, fullName: name })
  expectStatus(made, 201)
  return made.json<{ id: string }>().id
}

const VOLUNTEER_WRITES: WriteCase[] = [
  {
    key: 'PATCH /api/volunteering-settings',
    as: 'admin',
    ok: 200,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: '/api/volunteering-settings',
      body: {
        targetHeadcount: 19,
        alertDays: [60, 30, 7],
        staffing: { teamLeaders: 1, floor: 1, reception: 0 },
      },
      nested: [{ path: ['staffing'] }],
      writes: { organisation_settings: { update: ['volunteering', 'updated_at'], insert: {} } },
      verify: async () => {
        const row = await t.deps.db
          .selectFrom('organisation_settings')
          .select('volunteering')
          .where('organisation_id', '=', fx.organisationId)
          .executeTakeFirstOrThrow()
        expect(JSON.parse(row.volunteering ?? '{}')).toMatchObject({ targetHeadcount: 19 })
      },
    }),
  },
  {
    key: 'POST /api/volunteers',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: '/api/volunteers',
      body: {
        centreId: fx.centreId,
        fullName: 'Nia Newcomer',
        email: 'nia@example.org',
        notes: 'Met at the fair',
      },
      realFields: ['centreId'],
      writes: {
        volunteers: {
          insert: {
            centre_id: fx.centreId,
            stage: 'enquiry',
            user_id: null,
            duties: '[]',
            mentor_id: null,
            references_received: 0,
            started_on: null,
          },
        },
        workflow_transitions: {
          insert: { subject_type: 'volunteer', from_status: null, to_status: 'enquiry' },
        },
      },
    }),
  },
  {
    // The desk may link a sign-in (userId is this action's own field), so that extra is not sent.
    key: 'PATCH /api/volunteers/:volunteerId',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const id = await enquiry('Pat Patched')
      return {
        browser: fx.desk,
        url: `/api/volunteers/${id}`,
        body: { version: 1, notes: 'Prefers mornings', duties: ['team_leader'], referencesReceived: 2 },
        realFields: ['userId', 'duties'],
        writes: {
          volunteers: { update: ['notes', 'duties', 'references_received', 'version', 'updated_at'] },
        },
        verify: async () =>
          expect(await rowOf('volunteers', id)).toMatchObject({
            notes: 'Prefers mornings',
            duties: '["team_leader"]',
            stage: 'enquiry',
            user_id: null,
          }),
      }
    },
  },
  {
    key: 'POST /api/volunteers/:volunteerId/sign-in',
    as: 'coordinator',
    ok: 201,
    prepare: async () => {
      const email = `volunteer-${crypto.randomUUID().slice(0, 8)}@example.org`
      const made = await fx.desk.post('/api/volunteers', {
        centreId: fx.centreId,
        fullName: 'Ivy Invited',
        email,
      })
      expectStatus(made, 201)
      const id = made.json<{ id: string }>().id
      return {
        browser: fx.desk,
        url: `/api/volunteers/${id}/sign-in`,
        body: {},
        writes: {
          users: { insert: { email, status: 'invited', password_hash: null, totp_secret: null } },
          role_assignments: { insert: { role: 'volunteer', centre_id: fx.centreId } },
          volunteers: { update: ['user_id', 'version', 'updated_at'] },
          outbox: { insert: { to_address: email } },
        },
        verify: async () => {
          const volunteer = await rowOf('volunteers', id)
          const user = await t.deps.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
          expect(volunteer.user_id).toBe(user.id)
          expect(volunteer.stage).toBe('enquiry')
        },
      }
    },
  },
  {
    key: 'POST /api/volunteers/:volunteerId/stage',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const id = await enquiry('Sam Staged')
      return {
        browser: fx.desk,
        url: `/api/volunteers/${id}/stage`,
        body: { version: 1, to: 'role_meeting', reason: 'Keen to start' },
        writes: {
          volunteers: { update: ['stage', 'stage_changed_at', 'version', 'updated_at'] },
          workflow_transitions: {
            insert: {
              subject_id: id,
              from_status: 'enquiry',
              to_status: 'role_meeting',
              reason: 'Keen to start',
            },
          },
        },
        verify: async () => expect((await rowOf('volunteers', id)).stage).toBe('role_meeting'),
      }
    },
  },
  {
    key: 'POST /api/volunteer-requirements',
    as: 'admin',
    ok: 201,
    prepare: () => {
      const code = `course_${randomBytes(3).toString('hex')}`
      return {
        browser: fx.adminBrowser,
        url: '/api/volunteer-requirements',
        body: { code, title: 'Specialist: play work', kind: 'training', mandatory: false, gates: [] },
        writes: { volunteer_requirements: { insert: { code, archived_at: null, gates: '[]' } } },
      }
    },
  },
  {
    key: 'PATCH /api/volunteer-requirements/:requirementId',
    as: 'admin',
    ok: 200,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: `/api/volunteer-requirements/${fx.volunteers.requirement('putting_children_first')}`,
      body: { title: 'Specialist: Putting Children First (two days)', validMonths: 60 },
      writes: { volunteer_requirements: { update: ['title', 'valid_months', 'updated_at'] } },
    }),
  },
  {
    key: 'POST /api/volunteers/:volunteerId/records',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/volunteers/${fx.volunteers.vera.file.id}/records`,
      body: {
        requirementId: fx.volunteers.requirement('dbs'),
        completedOn: today(-1),
        provider: 'Umbrella body',
        dbs: { level: 'enhanced_barred', certificateNumber: '001122334455', onUpdateService: true },
      },
      nested: [{ path: ['dbs'] }],
      writes: {
        volunteer_records: {
          insert: {
            volunteer_id: fx.volunteers.vera.file.id,
            requirement_id: fx.volunteers.requirement('dbs'),
            passed: 1,
            renewal_started_on: null,
            recorded_by_user_id: fx.coordinator.userId,
          },
        },
      },
    }),
  },
  {
    key: 'POST /api/volunteer-records/:recordId/renewal',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      // The renewal goes on the latest record of a course: a fresh one each time.
      const made = await fx.desk.post(`/api/volunteers/${fx.volunteers.vera.file.id}/records`, {
        requirementId: fx.volunteers.requirement('first_aid'),
        completedOn: today(-2),
      })
      expectStatus(made, 201)
      return {
        browser: fx.desk,
        url: `/api/volunteer-records/${made.json<RecordView>().id}/renewal`,
        body: { startedOn: today(), note: 'Course booked' },
        writes: { volunteer_records: { update: ['renewal_started_on', 'note', 'updated_at'] } },
      }
    },
  },
  {
    key: 'POST /api/policies',
    as: 'admin',
    ok: 201,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: '/api/policies',
      body: { title: 'Lone working', mustRead: false, body: 'Never be alone with a family.' },
      writes: {
        policies: { insert: { title: 'Lone working', must_read: 0, archived_at: null } },
        policy_versions: { insert: { version: 1, published_by_user_id: fx.admin.userId } },
      },
    }),
  },
  {
    key: 'POST /api/policies/:policyId/versions',
    as: 'admin',
    ok: 201,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: `/api/policies/${fx.volunteers.policyId}/versions`,
      body: { body: 'Revised text.', changes: 'Clearer wording' },
      writes: {
        policy_versions: {
          insert: { policy_id: fx.volunteers.policyId, published_by_user_id: fx.admin.userId },
        },
      },
    }),
  },
  {
    key: 'POST /api/policies/:policyId/acknowledge',
    as: 'volunteer',
    ok: 200,
    prepare: async () => {
      const published = await fx.adminBrowser.post(`/api/policies/${fx.volunteers.policyId}/versions`, {
        body: 'Another revision.',
      })
      expectStatus(published, 201)
      const versionId = published.json<{ versionId: string }>().versionId
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/policies/${fx.volunteers.policyId}/acknowledge`,
        body: { versionId },
        writes: {
          policy_acknowledgements: {
            insert: {
              volunteer_id: fx.volunteers.vera.file.id,
              policy_version_id: versionId,
              user_id: fx.volunteers.vera.user.userId,
            },
          },
        },
      }
    },
  },
  {
    // Self-service: a volunteer sends extras (a role, a centre, a stage, duties) with their own availability.
    key: 'PUT /api/volunteers/:volunteerId/availability',
    as: 'volunteer',
    ok: 200,
    prepare: () => ({
      browser: fx.volunteers.vera.browser,
      url: `/api/volunteers/${fx.volunteers.vera.file.id}/availability`,
      body: {
        weekly: [
          { weekday: 6, from: '08:00', to: '18:00' },
          { weekday: 7, from: '08:00', to: '18:00' },
        ],
        maxShiftsPerMonth: 31,
      },
      nested: [{ path: ['weekly', 0] }],
      writes: { volunteers: { update: ['availability', 'max_shifts_per_month', 'updated_at'] } },
      verify: async () =>
        expect(await rowOf('volunteers', fx.volunteers.vera.file.id)).toMatchObject({
          stage: 'active',
          duties: '[]',
          user_id: fx.volunteers.vera.user.userId,
          centre_id: fx.centreId,
          max_shifts_per_month: 31,
        }),
    }),
  },
  {
    key: 'POST /api/volunteers/:volunteerId/availability/exceptions',
    as: 'volunteer',
    ok: 201,
    prepare: () => ({
      browser: fx.volunteers.vera.browser,
      url: `/api/volunteers/${fx.volunteers.vera.file.id}/availability/exceptions`,
      body: { firstDay: '2032-08-01', lastDay: '2032-08-14', kind: 'unavailable', note: 'Summer holiday' },
      writes: {
        availability_exceptions: {
          insert: { volunteer_id: fx.volunteers.vera.file.id, kind: 'unavailable' },
        },
      },
    }),
  },
  {
    key: 'POST /api/centres/:centreId/rota/assignments',
    as: 'coordinator',
    ok: 201,
    prepare: async () => ({
      browser: fx.desk,
      url: `/api/centres/${fx.centreId}/rota/assignments`,
      body: {
        shiftKey: await saturdayShift(rotaSaturday()),
        duty: 'floor',
        volunteerId: fx.volunteers.vera.file.id,
        override: true,
      },
      realFields: ['status'],
      writes: {
        rota_assignments: {
          insert: {
            centre_id: fx.centreId,
            volunteer_id: fx.volunteers.vera.file.id,
            duty: 'floor',
            status: 'assigned',
            suggested: 0,
            assigned_by_user_id: fx.coordinator.userId,
          },
        },
      },
    }),
  },
  {
    key: 'POST /api/centres/:centreId/rota/suggest',
    as: 'coordinator',
    ok: 200,
    prepare: () => {
      const saturday = rotaSaturday()
      return {
        browser: fx.desk,
        url: `/api/centres/${fx.centreId}/rota/suggest`,
        body: { from: saturday, to: plusDays(saturday, 1), apply: true },
        writes: {
          rota_assignments: {
            insert: {
              centre_id: fx.centreId,
              status: 'assigned',
              suggested: 1,
              assigned_by_user_id: fx.coordinator.userId,
            },
          },
        },
        verify: async () => {
          const placed = await t.deps.db
            .selectFrom('rota_assignments')
            .select('id')
            .where('organisation_id', '=', fx.organisationId)
            .where('on_date', '=', saturday)
            .execute()
          expect(placed.length).toBeGreaterThan(0)
        },
      }
    },
  },
  {
    key: 'PUT /api/openings/:openingId/staffing',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const { venueId } = await hall('Staffed hall')
      const openings = (await fx.desk.get(`/api/venues/${venueId}/openings`)).json<{
        openings: { id: string }[]
      }>()
      const openingId = openings.openings[0]?.id ?? ''
      return {
        browser: fx.desk,
        url: `/api/openings/${openingId}/staffing`,
        body: { staffing: { teamLeaders: 1, floor: 2, reception: 1 } },
        nested: [{ path: ['staffing'] }],
        writes: { opening_sessions: { update: ['staffing', 'updated_at'] } },
      }
    },
  },
  {
    key: 'POST /api/rota-assignments/:assignmentId/swap',
    as: 'volunteer',
    ok: 201,
    prepare: async () => {
      const assignmentId = await veraOn(rotaSaturday())
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/rota-assignments/${assignmentId}/swap`,
        body: { toVolunteerId: fx.volunteers.colleague.file.id, note: 'A family wedding' },
        writes: {
          rota_swaps: {
            insert: {
              assignment_id: assignmentId,
              from_volunteer_id: fx.volunteers.vera.file.id,
              to_volunteer_id: fx.volunteers.colleague.file.id,
              status: 'requested',
              requested_by_user_id: fx.volunteers.vera.user.userId,
              decided_at: null,
            },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/rota-swaps/:swapId/decision',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const assignmentId = await veraOn(rotaSaturday())
      const asked = await fx.volunteers.vera.browser.post(`/api/rota-assignments/${assignmentId}/swap`, {
        toVolunteerId: fx.volunteers.colleague.file.id,
      })
      expectStatus(asked, 201)
      const original = await t.deps.db
        .selectFrom('rota_assignments')
        .select('shift_key')
        .where('id', '=', assignmentId)
        .executeTakeFirst()
      return {
        browser: fx.desk,
        url: `/api/rota-swaps/${asked.json<{ id: string }>().id}/decision`,
        body: { approve: true, note: 'Thanks for arranging it' },
        writes: {
          rota_swaps: { update: ['status', 'decided_by_user_id', 'decided_at', 'decision_note'] },
          rota_assignments: {
            update: ['status', 'updated_at', 'version'],
            insert: { volunteer_id: fx.volunteers.colleague.file.id, status: 'assigned', suggested: 0 },
          },
        },
        verify: async () => {
          const rows = await t.deps.db
            .selectFrom('rota_assignments')
            .select(['volunteer_id', 'status'])
            .where('shift_key', '=', String(original?.shift_key))
            .orderBy('created_at')
            .execute()
          expect(rows).toEqual([
            { volunteer_id: fx.volunteers.vera.file.id, status: 'cancelled' },
            { volunteer_id: fx.volunteers.colleague.file.id, status: 'assigned' },
          ])
        },
      }
    },
  },
  {
    // A volunteer logging their own hours cannot approve them with an extra status.
    key: 'POST /api/volunteer-hours',
    as: 'volunteer',
    ok: 201,
    prepare: () => ({
      browser: fx.volunteers.vera.browser,
      url: '/api/volunteer-hours',
      body: {
        kind: 'escort',
        onDate: today(-1),
        minutes: 90,
        miles: 12,
        expensesPence: 350,
        description: 'Prison visit',
      },
      writes: {
        volunteer_hours: {
          insert: {
            volunteer_id: fx.volunteers.vera.file.id,
            centre_id: fx.centreId,
            status: 'submitted',
            submitted_by_user_id: fx.volunteers.vera.user.userId,
            decided_by_user_id: null,
          },
        },
      },
    }),
  },
  {
    key: 'POST /api/volunteer-hours/:hoursId/decision',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const logged = await fx.volunteers.vera.browser.post('/api/volunteer-hours', {
        kind: 'training',
        onDate: today(-1),
        minutes: 60,
      })
      expectStatus(logged, 201)
      const id = logged.json<{ id: string }>().id
      return {
        browser: fx.desk,
        url: `/api/volunteer-hours/${id}/decision`,
        body: { approve: true, note: 'Thank you' },
        writes: {
          volunteer_hours: { update: ['status', 'decided_by_user_id', 'decided_at', 'decision_note'] },
        },
        verify: async () => expect((await rowOf('volunteer_hours', id)).status).toBe('approved'),
      }
    },
  },
  {
    key: 'POST /api/centres/:centreId/rota/log-hours',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      // A Saturday already past that Vera worked.
      const saturday = pastRotaSaturday()
      const assignmentId = await veraOn(saturday)
      return {
        browser: fx.desk,
        url: `/api/centres/${fx.centreId}/rota/log-hours`,
        body: { onDate: saturday },
        writes: {
          volunteer_hours: {
            insert: {
              assignment_id: assignmentId,
              volunteer_id: fx.volunteers.vera.file.id,
              kind: 'session',
              status: 'approved',
              decided_by_user_id: fx.coordinator.userId,
            },
          },
        },
        verify: async () => {
          const logged = await t.deps.db
            .selectFrom('volunteer_hours')
            .select('minutes')
            .where('assignment_id', '=', assignmentId)
            .execute()
          expect(logged).toEqual([{ minutes: 480 }])
        },
      }
    },
  },
  {
    // The reminders: Lou's DBS check runs out within the window (the first run tells her and the desk).
    key: 'POST /api/volunteering/alerts',
    as: 'admin',
    ok: 200,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: '/api/volunteering/alerts',
      body: {},
      writes: {
        compliance_alerts: { insert: { requirement_id: fx.volunteers.requirement('dbs') } },
        outbox: { insert: { status: 'pending' } },
      },
      verify: async () => {
        const sent = await t.deps.db
          .selectFrom('compliance_alerts')
          .select('id')
          .where('organisation_id', '=', fx.organisationId)
          .execute()
        expect(sent.length).toBeGreaterThan(0)
      },
    }),
  },
]

// ---------- the session day ----------

let doorWeeks = 0
/** A Saturday already past (2025-09-13 on, a week apart) that no session-day write has used yet. */
function doorSaturday(): string {
  doorWeeks += 1
  return day('2025-09-06', 7 * doorWeeks)
}

interface DoorSession {
  id: string
  version: number
  date: string
}

/** A one-off of the scheduling case on a fresh Saturday already past, with Vera on that day's rota. */
async function doorSession(serviceType: 'supported' | 'supervised' = 'supported'): Promise<DoorSession> {
  const date = doorSaturday()
  const session = (await bookPlan({ firstOn: date, serviceType })).sessions[0]
  if (!session) throw new Error('nothing booked')
  await veraOn(date)
  return { id: session.id, version: session.version, date }
}

const OBSERVED = {
  arrival: 'Arrived on time with the child.',
  greeting: 'A warm hello; the child smiled.',
  play: 'They built a garage together.',
  childResponses: 'The child laughed often.',
  ending: 'A calm goodbye at the end.',
}

/** Vera's record of a fresh supervised session, written in full; submitted when asked. */
async function veraRecord(submit: boolean): Promise<{ id: string; version: number }> {
  const session = await doorSession('supervised')
  const vera = fx.volunteers.vera.browser
  const saved = await vera.put(`/api/sessions/${session.id}/observation`, { version: 0, sections: OBSERVED })
  expectStatus(saved, 200)
  const id = saved.json<{ id: string }>().id
  if (!submit) return { id, version: 1 }
  expectStatus(await vera.post(`/api/observations/${id}/submit`, { version: 1 }), 200)
  return { id, version: 2 }
}

const incidentBody = (caseId: string, overrides: Row = {}): Row => ({
  caseId,
  category: 'rule_breach',
  severity: 'moderate',
  location: 'Waiting area',
  whatHappened: 'Raised voice in the waiting area; calmed when asked.',
  witnesses: 'The volunteer at the door',
  actions: ['verbal_warning_given'],
  ...overrides,
})

/** An incident reported at the desk from a case file (no session). */
async function deskIncident(caseId: string, overrides: Row = {}): Promise<string> {
  const reported = await fx.desk.post('/api/incidents', incidentBody(caseId, overrides))
  expectStatus(reported, 201)
  return reported.json<{ id: string }>().id
}

/** The conduct case's suspension in force, lifted first when there is one. */
async function liftConductSuspension(): Promise<void> {
  const active = await t.deps.db
    .selectFrom('suspensions')
    .select('id')
    .where('case_id', '=', fx.day.conductCaseId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (active)
    expectStatus(await fx.desk.post(`/api/suspensions/${active.id}/lift`, { note: 'Conditions met' }), 200)
}

/** A session of the conduct case on a fresh Saturday ahead, booked: something to suspend. */
async function conductSession(): Promise<string> {
  await signCurrentRules(fx.day.conductCaseId)
  const booked = await fx.desk.post(`/api/cases/${fx.day.conductCaseId}/plans`, planBody())
  expectStatus(booked, 201)
  return booked.json<Booked>().sessions[0]?.id ?? ''
}

const SESSION_ROW_UPDATE = ['updated_at', 'version']
const REPORT = { kind: 'attendance', from: '2025-01-01', to: '2025-12-31' }

const SESSION_DAY_WRITES: WriteCase[] = [
  {
    // A volunteer on duty taps the visiting parent in: extras cannot name another centre or recorder.
    key: 'POST /api/sessions/:sessionId/attendance',
    as: 'volunteer',
    ok: 201,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/sessions/${session.id}/attendance`,
        body: {
          clientId: crypto.randomUUID(),
          kind: 'arrived',
          partyId: fx.day.nonResident,
          at: `${session.date}T09:40:00Z`,
          note: 'Came by bus',
        },
        writes: {
          attendance_events: {
            insert: {
              centre_id: fx.centreId,
              case_id: fx.schedule.caseId,
              session_id: session.id,
              party_id: fx.day.nonResident,
              side: 'non_resident',
              kind: 'arrived',
              recorded_by_user_id: fx.volunteers.vera.user.userId,
              voided_at: null,
            },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/attendance-events/:eventId/void',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const session = await doorSession()
      const tapped = await fx.desk.post(`/api/sessions/${session.id}/attendance`, {
        clientId: crypto.randomUUID(),
        kind: 'arrived',
        partyId: fx.day.nonResident,
        at: `${session.date}T09:40:00Z`,
      })
      expectStatus(tapped, 201)
      return {
        browser: fx.desk,
        url: `/api/attendance-events/${tapped.json<{ event: { id: string } }>().event.id}/void`,
        body: {},
        writes: { attendance_events: { update: ['voided_at', 'voided_by_user_id'] } },
      }
    },
  },
  {
    key: 'POST /api/sessions/:sessionId/end-early',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.desk,
        url: `/api/sessions/${session.id}/end-early`,
        body: { reason: 'The child was unwell', at: `${session.date}T10:00:00Z`, version: session.version },
        writes: { sessions: { update: ['ended_early_at', 'ended_early_reason', ...SESSION_ROW_UPDATE] } },
        verify: async () => expect((await sessionRow(session.id)).status).toBe('scheduled'),
      }
    },
  },
  {
    key: 'PUT /api/sessions/:sessionId/attendance-note',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.desk,
        url: `/api/sessions/${session.id}/attendance-note`,
        body: { note: 'Came by bus, ten minutes late', version: session.version },
        writes: { sessions: { update: ['attendance_note', ...SESSION_ROW_UPDATE] } },
      }
    },
  },
  {
    key: 'PATCH /api/session-day-settings',
    as: 'admin',
    ok: 200,
    prepare: () => ({
      browser: fx.adminBrowser,
      url: '/api/session-day-settings',
      body: { lateAfterMinutes: 12, zeroToleranceCategories: ['attempted_abduction'], feedbackOn: true },
      writes: { organisation_settings: { update: ['session_day', 'updated_at'], insert: {} } },
      verify: async () => {
        const row = await t.deps.db
          .selectFrom('organisation_settings')
          .select('session_day')
          .where('organisation_id', '=', fx.organisationId)
          .executeTakeFirstOrThrow()
        expect(JSON.parse(row.session_day ?? '{}')).toMatchObject({
          lateAfterMinutes: 12,
          zeroToleranceCategories: ['attempted_abduction'],
        })
      },
    }),
  },
  {
    // A parent's own form: the answers nested, and nothing else of theirs taken.
    key: 'POST /api/sessions/:sessionId/feedback',
    as: 'parent',
    ok: 201,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.day.parent,
        url: `/api/sessions/${session.id}/feedback`,
        body: {
          form: 'parent',
          answers: { welcome: 5, safe: 4, childEnjoyed: 5, staffHelpful: 4 },
          comment: 'Thank you',
        },
        nested: [{ path: ['answers'] }],
        writes: {
          feedback: {
            insert: {
              centre_id: fx.centreId,
              case_id: fx.schedule.caseId,
              session_id: session.id,
              party_id: fx.day.nonResident,
              form: 'parent',
              submitted_by_user_id: fx.day.parentUserId,
            },
          },
        },
      }
    },
  },
  {
    // A child's faces form with the volunteer on duty: the child named in the body is a real field.
    key: 'POST /api/sessions/:sessionId/feedback',
    as: 'volunteer',
    ok: 201,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/sessions/${session.id}/feedback`,
        body: { form: 'child', partyId: fx.day.child, answers: { today: 5, again: 4 } },
        nested: [{ path: ['answers'] }],
        writes: {
          feedback: {
            insert: {
              session_id: session.id,
              party_id: fx.day.child,
              form: 'child',
              submitted_by_user_id: fx.volunteers.vera.user.userId,
            },
          },
        },
      }
    },
  },
  {
    key: 'PUT /api/sessions/:sessionId/observation',
    as: 'volunteer',
    ok: 200,
    prepare: async () => {
      const session = await doorSession('supervised')
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/sessions/${session.id}/observation`,
        body: { version: 0, sections: { arrival: 'On time', play: 'Lego' } },
        nested: [{ path: ['sections'] }],
        writes: {
          observation_records: {
            insert: {
              centre_id: fx.centreId,
              case_id: fx.schedule.caseId,
              session_id: session.id,
              author_user_id: fx.volunteers.vera.user.userId,
              status: 'draft',
              version: 1,
              checked_by_user_id: null,
              released_at: null,
            },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/observations/:observationId/submit',
    as: 'volunteer',
    ok: 200,
    prepare: async () => {
      const record = await veraRecord(false)
      return {
        browser: fx.volunteers.vera.browser,
        url: `/api/observations/${record.id}/submit`,
        body: { version: record.version },
        writes: { observation_records: { update: ['status', 'submitted_at', 'updated_at', 'version'] } },
        verify: async () => expect((await rowOf('observation_records', record.id)).status).toBe('submitted'),
      }
    },
  },
  {
    key: 'POST /api/observations/:observationId/return',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const record = await veraRecord(true)
      return {
        browser: fx.desk,
        url: `/api/observations/${record.id}/return`,
        body: { version: record.version, note: 'Say more about the ending' },
        writes: {
          observation_records: { update: ['status', 'return_note', 'updated_at', 'version'] },
          outbox: { insert: { to_address: fx.volunteers.vera.email } },
        },
        verify: async () => expect((await rowOf('observation_records', record.id)).status).toBe('returned'),
      }
    },
  },
  {
    key: 'POST /api/observations/:observationId/release',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const record = await veraRecord(true)
      return {
        browser: fx.desk,
        url: `/api/observations/${record.id}/release`,
        body: { version: record.version },
        writes: {
          observation_records: {
            update: ['status', 'checked_by_user_id', 'checked_at', 'released_at', 'updated_at', 'version'],
          },
        },
        verify: async () =>
          expect(await rowOf('observation_records', record.id)).toMatchObject({
            status: 'released',
            checked_by_user_id: fx.coordinator.userId,
            author_user_id: fx.volunteers.vera.user.userId,
          }),
      }
    },
  },
  {
    // The volunteer on duty reports from the session: the case is a real field, the status is not.
    key: 'POST /api/incidents',
    as: 'volunteer',
    ok: 201,
    prepare: async () => {
      const session = await doorSession()
      return {
        browser: fx.volunteers.vera.browser,
        url: '/api/incidents',
        body: incidentBody(fx.schedule.caseId, {
          sessionId: session.id,
          peopleInvolved: [fx.day.nonResident],
          occurredAt: `${session.date}T10:15:00Z`,
        }),
        realFields: ['caseId'],
        writes: {
          incidents: {
            insert: {
              centre_id: fx.centreId,
              case_id: fx.schedule.caseId,
              session_id: session.id,
              status: 'open',
              reported_by_user_id: fx.volunteers.vera.user.userId,
              referrer_notified_at: null,
              reviewed_by_user_id: null,
            },
          },
          // The coordinators are told at once; the case is flagged for review.
          outbox: { insert: { status: 'pending' } },
          cases: { update: ['review_flag', 'review_flag_raised_at', 'updated_at'] },
        },
      }
    },
  },
  {
    // The run sends the notices fallen due: one of an incident weeks ago, to the referrer's address.
    key: 'POST /api/incidents/referrer-notices',
    as: 'admin',
    ok: 200,
    prepare: async () => {
      const id = await deskIncident(fx.day.referred.caseId, { occurredAt: '2025-10-04T10:15:00Z' })
      return {
        browser: fx.adminBrowser,
        url: '/api/incidents/referrer-notices',
        body: {},
        writes: {
          incidents: { update: ['referrer_notified_at', 'updated_at'] },
          outbox: { insert: { to_address: fx.referrer.email } },
        },
        verify: async () => expect((await rowOf('incidents', id)).referrer_notified_at).not.toBeNull(),
      }
    },
  },
  {
    key: 'POST /api/incidents/:incidentId/review',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const id = await deskIncident(fx.day.referred.caseId)
      return {
        browser: fx.desk,
        url: `/api/incidents/${id}/review`,
        body: { status: 'reviewed', note: 'A word with the parent' },
        realFields: ['status'],
        writes: {
          incidents: {
            update: ['status', 'reviewed_by_user_id', 'reviewed_at', 'review_note', 'updated_at'],
          },
        },
        verify: async () =>
          expect(await rowOf('incidents', id)).toMatchObject({
            status: 'reviewed',
            reviewed_by_user_id: fx.coordinator.userId,
          }),
      }
    },
  },
  {
    key: 'POST /api/incidents/:incidentId/notify-referrer',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const id = await deskIncident(fx.day.referred.caseId)
      return {
        browser: fx.desk,
        url: `/api/incidents/${id}/notify-referrer`,
        body: {},
        writes: {
          incidents: { update: ['referrer_notified_at', 'updated_at'] },
          outbox: { insert: { to_address: fx.referrer.email } },
        },
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/warnings',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.schedule.caseId}/warnings`,
      body: { partyId: fx.day.nonResident, level: 'written_warning', reason: 'Raised voice again' },
      writes: {
        warnings: {
          insert: {
            case_id: fx.schedule.caseId,
            party_id: fx.day.nonResident,
            level: 'written_warning',
            incident_id: null,
            issued_by_user_id: fx.coordinator.userId,
          },
        },
      },
    }),
  },
  {
    key: 'POST /api/cases/:caseId/suspensions',
    as: 'coordinator',
    ok: 201,
    prepare: async () => {
      await liftConductSuspension()
      const sessionId = await conductSession()
      return {
        browser: fx.desk,
        url: `/api/cases/${fx.day.conductCaseId}/suspensions`,
        body: { from: '2031-01-01', conditions: 'Sign the ground rules again' },
        writes: {
          suspensions: {
            insert: {
              case_id: fx.day.conductCaseId,
              status: 'active',
              created_by_user_id: fx.coordinator.userId,
              lifted_at: null,
            },
          },
          sessions: { update: ['status', 'suspension_id', ...SESSION_ROW_UPDATE] },
          // Both parents are told not to come (the visiting parent has an email address).
          outbox: { insert: {} },
        },
        verify: async () => expect((await sessionRow(sessionId)).status).toBe('suspended'),
      }
    },
  },
  {
    key: 'POST /api/suspensions/:suspensionId/lift',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      await liftConductSuspension()
      const sessionId = await conductSession()
      const suspended = await fx.desk.post(`/api/cases/${fx.day.conductCaseId}/suspensions`, {
        from: '2031-01-01',
        conditions: 'Sign the ground rules again',
      })
      expectStatus(suspended, 201)
      const id = suspended.json<{ id: string }>().id
      return {
        browser: fx.desk,
        url: `/api/suspensions/${id}/lift`,
        body: { note: 'The ground rules were signed again' },
        writes: {
          suspensions: { update: ['status', 'lifted_at', 'lifted_by_user_id', 'lift_note'] },
          sessions: { update: ['status', 'suspension_id', ...SESSION_ROW_UPDATE] },
          outbox: { insert: {} },
        },
        verify: async () => {
          expect((await rowOf('suspensions', id)).status).toBe('lifted')
          expect((await sessionRow(sessionId)).status).toBe('scheduled')
        },
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/reports/preview',
    as: 'coordinator',
    ok: 200,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.day.referred.caseId}/reports/preview`,
      body: { ...REPORT, referralId: fx.day.referred.referralId },
      writes: {},
    }),
  },
  {
    // The recipient is the referral's own referrer, whatever user or case the extras name.
    key: 'POST /api/cases/:caseId/reports',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.day.referred.caseId}/reports`,
      body: { ...REPORT, referralId: fx.day.referred.referralId },
      writes: {
        report_releases: {
          insert: {
            centre_id: fx.centreId,
            case_id: fx.day.referred.caseId,
            kind: 'attendance',
            referral_id: fx.day.referred.referralId,
            recipient_user_id: fx.referrer.userId,
            released_by_user_id: fx.coordinator.userId,
            downloads: 0,
            first_downloaded_at: null,
          },
        },
        outbox: { insert: { to_address: fx.referrer.email } },
      },
    }),
  },
]

const WRITES: WriteCase[] = [
  {
    key: 'POST /api/referrals',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: '/api/referrals',
      body: staffReferralBody(fx.centreId),
      realFields: ['centreId'],
      nested: referralNesting,
      writes: newReferral('staff', null),
    }),
  },
  {
    key: 'POST /api/referrals',
    as: 'referrer',
    ok: 201,
    prepare: () => ({
      browser: fx.referrerBrowser,
      url: '/api/referrals',
      body: staffReferralBody(fx.centreId),
      realFields: ['centreId'],
      nested: referralNesting,
      writes: newReferral('referrer', fx.referrer.userId),
    }),
  },
  {
    key: 'POST /api/referrals/:referralId/start-intake',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const referral = await enterReferral(fx.desk)
      return {
        browser: fx.desk,
        url: `/api/referrals/${referral.id}/start-intake`,
        body: {},
        writes: {
          referrals: { update: ['status', 'status_changed_at', 'updated_at'] },
          workflow_transitions: { insert: { subject_id: referral.id, to_status: 'pre_visits' } },
        },
        verify: async () => expect((await rowOf('referrals', referral.id)).status).toBe('pre_visits'),
      }
    },
  },
  {
    key: 'POST /api/referrals/:referralId/pre-visits',
    as: 'coordinator',
    ok: 201,
    prepare: () => {
      const child = fx.inPreVisits.parties.find((p) => p.kind === 'child')
      if (!child) throw new Error('no child')
      return {
        browser: fx.desk,
        url: `/api/referrals/${fx.inPreVisits.id}/pre-visits`,
        body: { partyId: child.id, kind: 'child_familiarisation', scheduledAt: '2025-03-10T10:00:00Z' },
        writes: {
          pre_visits: {
            insert: {
              referral_id: fx.inPreVisits.id,
              party_id: child.id,
              outcome: 'scheduled',
              held_on: null,
              conducted_by_user_id: null,
            },
          },
        },
      }
    },
  },
  {
    key: 'PATCH /api/pre-visits/:preVisitId',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const visits = fx.inPreVisits.preVisits.map((v) => v.id)
      const scheduled = await fx.desk.post(`/api/referrals/${fx.inPreVisits.id}/pre-visits`, {
        partyId: fx.inPreVisits.parties.find((p) => p.kind === 'child')?.id,
        kind: 'child_familiarisation',
        scheduledAt: '2025-04-01T10:00:00Z',
      })
      expectStatus(scheduled, 201)
      const visit = scheduled.json<ReferralDetail>().preVisits.find((v) => !visits.includes(v.id))
      if (!visit) throw new Error('no new pre-visit')
      fx.inPreVisits = scheduled.json<ReferralDetail>()
      return {
        browser: fx.desk,
        url: `/api/pre-visits/${visit.id}`,
        body: {
          outcome: 'held',
          heldOn: '2025-04-01',
          checklist: { rulesExplained: true },
          notes: 'Went well',
        },
        nested: [{ path: ['checklist'] }],
        writes: {
          pre_visits: {
            update: ['outcome', 'held_on', 'checklist', 'notes_sealed', 'conducted_by_user_id', 'updated_at'],
          },
        },
      }
    },
  },
  {
    key: 'POST /api/referrals/:referralId/risk-assessments',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/referrals/${fx.assessed.id}/risk-assessments`,
      body: structuredClone(RISK_BODY),
      nested: [{ path: ['sections', 0] }, { path: ['sections', 0, 'answers', 0] }],
      writes: {
        risk_assessments: {
          insert: { referral_id: fx.assessed.id, kind: 'review', assessed_by_user_id: fx.coordinator.userId },
        },
      },
      verify: async () => expect((await rowOf('referrals', fx.assessed.id)).status).toBe('risk_assessed'),
    }),
  },
  {
    key: 'POST /api/referrals/:referralId/decision',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const referral = await assessedReferral()
      return {
        browser: fx.desk,
        url: `/api/referrals/${referral.id}/decision`,
        body: { decision: 'accept', reason: 'Suitable for supported contact', serviceLevel: 'supported' },
        ...acceptance(referral.id),
      }
    },
  },
  {
    key: 'POST /api/referrals/:referralId/offer-place',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const referral = await assessedReferral()
      await decide(referral.id, { decision: 'waitlist', reason: 'The centre is full on Sundays' })
      return {
        browser: fx.desk,
        url: `/api/referrals/${referral.id}/offer-place`,
        body: { reason: 'A Sunday place has come free' },
        ...acceptance(referral.id),
      }
    },
  },
  {
    key: 'POST /api/referrals/:referralId/link',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const mother = await selfReferralId('resident_parent')
      const father = await selfReferralId('non_resident_parent')
      return {
        browser: fx.desk,
        url: `/api/referrals/${mother}/link`,
        body: { otherReferralId: father },
        writes: {
          referrals: {
            update: [
              'risk_flags',
              'risk_sealed',
              'updated_at',
              'status',
              'status_changed_at',
              'merged_into_id',
            ],
          },
          parties: { update: ['referral_id'] },
          // Two steps of history: the father's application joined, and the mother's saying so.
          workflow_transitions: { insert: { organisation_id: fx.organisationId } },
        },
        verify: async () => {
          const [kept, joined] = [await rowOf('referrals', mother), await rowOf('referrals', father)]
          expect([kept.status, kept.merged_into_id, kept.case_id]).toEqual(['received', null, null])
          expect([joined.status, joined.merged_into_id, joined.case_id]).toEqual(['merged', mother, null])
          const steps = await t.deps.db
            .selectFrom('workflow_transitions')
            .select(['subject_id', 'to_status'])
            .where('subject_id', 'in', [mother, father])
            .where('from_status', 'is not', null)
            .execute()
          expect(steps.map((step) => [step.subject_id, step.to_status]).sort()).toEqual(
            [
              [mother, 'received'],
              [father, 'merged'],
            ].sort(),
          )
        },
      }
    },
  },
  {
    key: 'POST /api/referrals/:referralId/parties',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/referrals/${fx.received.id}/parties`,
      body: {
        role: 'grandparent',
        fullName: 'Gwen Example',
        attendance: 'allowed',
        details: { relationshipToChild: 'Grandmother' },
        protected: { phone: '07700 900555' },
      },
      realFields: ['role'],
      nested: [{ path: ['details'] }, { path: ['protected'] }],
      writes: {
        parties: {
          insert: {
            referral_id: fx.received.id,
            kind: 'adult',
            role: 'grandparent',
            user_id: null,
            case_id: null,
          },
        },
      },
    }),
  },
  ...(['coordinator', 'referrer'] as const).flatMap((as): WriteCase[] => {
    const context = () =>
      as === 'referrer'
        ? { browser: fx.referrerBrowser, referral: fx.referrersOwn.id, userId: fx.referrer.userId }
        : { browser: fx.desk, referral: fx.received.id, userId: fx.coordinator.userId }
    return [
      {
        key: 'POST /api/referrals/:referralId/court-orders',
        as,
        ok: 201,
        prepare: () => ({
          browser: context().browser,
          url: `/api/referrals/${context().referral}/court-orders`,
          body: { orderType: 'child_arrangements', court: 'Royal Court of Jersey', madeOn: '2029-11-01' },
          writes: { court_orders: { insert: { referral_id: context().referral, document_id: null } } },
        }),
      },
      {
        key: 'POST /api/referrals/:referralId/documents',
        as,
        ok: 201,
        prepare: () => ({
          browser: context().browser,
          url: `/api/referrals/${context().referral}/documents`,
          body: { kind: 'court_order', title: 'Child arrangements order', contentBase64: PDF_BASE64 },
          writes: {
            documents: {
              insert: {
                referral_id: context().referral,
                uploaded_by_user_id: context().userId,
                content_type: 'application/pdf',
              },
            },
          },
        }),
      },
    ]
  }),
  {
    key: 'PATCH /api/parties/:partyId',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const partyId = await addAdult('grandparent')
      return {
        browser: fx.desk,
        url: `/api/parties/${partyId}`,
        body: {
          fullName: 'Gwen Renamed',
          details: { interpreterNeeded: true },
          protected: { phone: '07700 900999' },
        },
        nested: [{ path: ['details'] }, { path: ['protected'] }],
        writes: {
          parties: {
            update: [
              'full_name',
              'search_name',
              'details',
              'protected_sealed',
              'protected_present',
              'updated_at',
            ],
          },
        },
      }
    },
  },
  {
    key: 'POST /api/parties/:partyId/reveal',
    as: 'coordinator',
    ok: 200,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/parties/${fx.received.parties.find((p) => p.role === 'resident_parent')?.id ?? ''}/reveal`,
      body: { password: TEST_PASSWORD, reason: 'To arrange the pre-visit' },
      writes: {},
    }),
  },
  {
    key: 'POST /api/parties/:partyId/ground-rules',
    as: 'coordinator',
    ok: 204,
    prepare: async () => {
      const versionId = await publishRules()
      const partyId = await addAdult('grandparent')
      return {
        browser: fx.desk,
        url: `/api/parties/${partyId}/ground-rules`,
        body: { versionId, method: 'in_person' },
        writes: {
          ground_rules_signatures: {
            insert: { party_id: partyId, version_id: versionId, recorded_by_user_id: fx.coordinator.userId },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/parties/:partyId/portal-invite',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const email = `invited-${crypto.randomUUID().slice(0, 8)}@example.org`
      const partyId = await addAdult('resident_parent', email)
      return {
        browser: fx.desk,
        url: `/api/parties/${partyId}/portal-invite`,
        body: {},
        writes: {
          users: { insert: { email, status: 'invited', password_hash: null, totp_secret: null } },
          role_assignments: { insert: { role: 'parent', centre_id: null } },
          parties: { update: ['user_id', 'updated_at'] },
          outbox: { insert: { to_address: email } },
        },
        verify: async () => {
          const party = await rowOf('parties', partyId)
          const user = await t.deps.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
          expect(party.user_id).toBe(user.id)
          const grants = await t.deps.db
            .selectFrom('role_assignments')
            .select(['role', 'centre_id'])
            .where('user_id', '=', user.id)
            .execute()
          expect(grants).toEqual([{ role: 'parent', centre_id: null }])
        },
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/level',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const level =
        (await rowOf('cases', fx.workCaseId)).service_level === 'handover' ? 'supported' : 'handover'
      return {
        browser: fx.desk,
        url: `/api/cases/${fx.workCaseId}/level`,
        body: { level, reason: 'Contact is going well' },
        writes: {
          cases: { update: ['service_level', 'capacity_weight', 'updated_at'] },
          case_level_changes: {
            insert: { case_id: fx.workCaseId, level, changed_by_user_id: fx.coordinator.userId },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/reviews',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.workCaseId}/reviews`,
      body: { heldOn: new Date().toISOString().slice(0, 10), outcome: 'continue', notes: 'Going well' },
      writes: {
        cases: { update: ['review_due_on', 'updated_at'] },
        case_reviews: { insert: { case_id: fx.workCaseId, reviewed_by_user_id: fx.coordinator.userId } },
        workflow_transitions: { insert: { subject_id: fx.workCaseId } },
      },
      verify: async () => expect((await rowOf('cases', fx.workCaseId)).status).toBe('active'),
    }),
  },
  {
    key: 'POST /api/cases/:caseId/close',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const caseId = await openCase()
      return {
        browser: fx.desk,
        url: `/api/cases/${caseId}/close`,
        body: { outcome: 'parent_withdrew', reason: 'The family made their own arrangements' },
        writes: {
          cases: { update: ['status', 'closed_at', 'closure_outcome', 'closure_reason', 'updated_at'] },
          workflow_transitions: { insert: { subject_id: caseId, to_status: 'closed' } },
        },
        verify: async () => expect((await rowOf('cases', caseId)).status).toBe('closed'),
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/notes',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.workCaseId}/notes`,
      body: { body: 'Both parents arrived on time.' },
      writes: { case_notes: { insert: { case_id: fx.workCaseId, author_user_id: fx.coordinator.userId } } },
    }),
  },
  {
    key: 'PATCH /api/intake-settings',
    as: 'admin',
    ok: 200,
    prepare: async () => {
      // Settings of its own first, so that a field the request does not name has something to lose.
      const own = { typicalCaseWeeks: 30, centreCapacityUnits: 20, selfReferralOpen: true }
      expectStatus(await fx.adminBrowser.patch('/api/intake-settings', own), 200)
      return {
        browser: fx.adminBrowser,
        url: '/api/intake-settings',
        body: { reviewIntervalMonths: 5 },
        writes: { organisation_settings: { update: ['intake', 'updated_at'] } },
        verify: async () => {
          const row = await t.deps.db
            .selectFrom('organisation_settings')
            .select('intake')
            .where('organisation_id', '=', fx.organisationId)
            .executeTakeFirstOrThrow()
          const stored = JSON.parse(row.intake) as Row
          expect({
            reviewIntervalMonths: stored.reviewIntervalMonths,
            typicalCaseWeeks: stored.typicalCaseWeeks,
            centreCapacityUnits: stored.centreCapacityUnits,
          }).toEqual({ reviewIntervalMonths: 5, typicalCaseWeeks: 30, centreCapacityUnits: 20 })
        },
      }
    },
  },
  {
    key: 'POST /api/ground-rules',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: '/api/ground-rules',
      body: RULES,
      writes: { ground_rules_versions: { insert: { published_by_user_id: fx.coordinator.userId } } },
    }),
  },
  {
    key: 'POST /api/my/ground-rules',
    as: 'parent',
    ok: 204,
    prepare: async () => {
      const versionId = await publishRules()
      return {
        browser: fx.parentBrowser,
        url: '/api/my/ground-rules',
        body: { versionId },
        writes: {
          ground_rules_signatures: {
            insert: {
              party_id: fx.parentPartyId,
              version_id: versionId,
              method: 'online',
              recorded_by_user_id: fx.parentUserId,
            },
          },
        },
      }
    },
  },
  {
    key: 'POST /api/public/centres/:centreId/self-referrals',
    as: 'anonymous',
    ok: 201,
    prepare: () => ({
      browser: null,
      url: `/api/public/centres/${fx.centreId}/self-referrals`,
      body: selfReferralBody('resident_parent'),
      nested: [
        { path: ['applicant'], realFields: ['role'] },
        { path: ['applicant', 'contact'] },
        { path: ['children', 0] },
        { path: ['risk'] },
      ],
      writes: newReferral('self', null),
    }),
  },
  // ---------- scheduling ----------
  {
    key: 'PATCH /api/scheduling-settings',
    as: 'admin',
    ok: 200,
    prepare: async () => {
      // Rules of its own first, so that a rule the request does not name has something to lose.
      const own = { cancellationNoticeHours: 48, missesBeforeReview: 3 }
      expectStatus(await fx.adminBrowser.patch('/api/scheduling-settings', own), 200)
      return {
        browser: fx.adminBrowser,
        url: '/api/scheduling-settings',
        body: { slotStepMinutes: 30 },
        writes: { organisation_settings: { update: ['scheduling', 'updated_at'] } },
        verify: async () => {
          const row = await t.deps.db
            .selectFrom('organisation_settings')
            .select('scheduling')
            .where('organisation_id', '=', fx.organisationId)
            .executeTakeFirstOrThrow()
          const stored = JSON.parse(row.scheduling ?? '{}') as Row
          expect({
            slotStepMinutes: stored.slotStepMinutes,
            cancellationNoticeHours: stored.cancellationNoticeHours,
            missesBeforeReview: stored.missesBeforeReview,
          }).toEqual({ slotStepMinutes: 30, cancellationNoticeHours: 48, missesBeforeReview: 3 })
        },
      }
    },
  },
  {
    key: 'POST /api/venues/:venueId/openings',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/venues/${fx.schedule.venueId}/openings`,
      body: { weekday: 3, startsAt: '16:00', endsAt: '19:00', everyWeeks: 2, firstOn: '2031-01-01' },
      writes: {
        opening_sessions: { insert: { venue_id: fx.schedule.venueId, weekday: 3, archived_at: null } },
      },
    }),
  },
  {
    key: 'PATCH /api/openings/:openingId',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const made = await fx.desk.post(`/api/venues/${fx.schedule.venueId}/openings`, {
        weekday: 4,
        startsAt: '16:00',
        endsAt: '19:00',
        firstOn: '2031-01-02',
      })
      expectStatus(made, 201)
      return {
        browser: fx.desk,
        url: `/api/openings/${made.json<{ id: string }>().id}`,
        body: { capacityUnits: 5, lastOn: '2031-12-31' },
        writes: { opening_sessions: { update: ['capacity_units', 'last_on', 'updated_at'] } },
      }
    },
  },
  {
    key: 'POST /api/centres/:centreId/closures',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/centres/${fx.centreId}/closures`,
      body: { venueId: null, firstDay: '2036-12-24', lastDay: '2036-12-26', reason: 'Christmas' },
      writes: {
        closures: {
          insert: { centre_id: fx.centreId, venue_id: null, created_by_user_id: fx.coordinator.userId },
        },
      },
    }),
  },
  {
    key: 'POST /api/venues/:venueId/rehome',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const [from, to] = [await hall('Old hall'), await hall('New hall')]
      const date = freshSaturday()
      const booked = await bookPlan({
        firstOn: date,
        venueId: from.venueId,
        roomId: from.roomId,
        arrival: both({ entrance: null }, { entrance: null }),
      })
      const sessionId = booked.sessions[0]?.id ?? ''
      return {
        browser: fx.desk,
        url: `/api/venues/${from.venueId}/rehome`,
        body: { toVenueId: to.venueId, from: date, rooms: { [from.roomId]: to.roomId } },
        writes: {
          sessions: {
            update: ['venue_id', 'room_id', 'resident_entrance', 'resident_waiting_room_id'].concat([
              'non_resident_entrance',
              'non_resident_waiting_room_id',
              'version',
              'updated_at',
            ]),
          },
          contact_plans: { update: ['venue_id', 'room_id', 'arrival', 'updated_at'] },
        },
        verify: async () => {
          const session = await sessionRow(sessionId)
          expect([session.venue_id, session.room_id]).toEqual([to.venueId, to.roomId])
        },
      }
    },
  },
  {
    key: 'POST /api/cases/:caseId/plans/preview',
    as: 'coordinator',
    ok: 200,
    prepare: () => ({
      browser: fx.desk,
      url: `/api/cases/${fx.schedule.caseId}/plans/preview`,
      body: planBody(),
      nested: planNesting,
      writes: {},
    }),
  },
  {
    key: 'POST /api/cases/:caseId/plans',
    as: 'coordinator',
    ok: 201,
    prepare: async () => {
      await signCurrentRules()
      const firstOn = freshSaturday()
      return {
        browser: fx.desk,
        url: `/api/cases/${fx.schedule.caseId}/plans`,
        body: planBody({ frequency: 'fortnightly', firstOn, lastOn: day(firstOn, 14) }),
        nested: planNesting,
        writes: {
          contact_plans: {
            insert: {
              case_id: fx.schedule.caseId,
              status: 'active',
              first_on: firstOn,
              replaces_plan_id: null,
              created_by_user_id: fx.coordinator.userId,
            },
          },
          sessions: { insert: { case_id: fx.schedule.caseId, status: 'scheduled', moved: 0, version: 1 } },
          // The visiting parent has an email address: they are told of their own times.
          outbox: { insert: {} },
        },
        verify: async () => {
          const rows = await t.deps.db
            .selectFrom('sessions')
            .select('local_date')
            .where('case_id', '=', fx.schedule.caseId)
            .where('local_date', 'in', [firstOn, day(firstOn, 14)])
            .execute()
          expect(rows.map((r) => r.local_date).sort()).toEqual([firstOn, day(firstOn, 14)])
        },
      }
    },
  },
  {
    key: 'POST /api/plans/:planId/change',
    as: 'coordinator',
    ok: 201,
    prepare: async () => {
      const firstOn = freshSaturday()
      const from = day(firstOn, 14)
      const booked = await bookPlan({ frequency: 'fortnightly', firstOn, lastOn: from })
      const { firstOn: _first, ...rest } = planBody({ startsAt: '13:00' })
      return {
        browser: fx.desk,
        url: `/api/plans/${booked.plan.id}/change`,
        body: { ...rest, from, reason: 'Afternoons suit the family better' },
        nested: planNesting,
        writes: {
          contact_plans: {
            update: ENDED_PLAN,
            insert: { case_id: fx.schedule.caseId, status: 'active', replaces_plan_id: booked.plan.id },
          },
          sessions: {
            update: CANCEL_COLUMNS.concat(['updated_at', 'version']),
            insert: { case_id: fx.schedule.caseId, status: 'scheduled', local_date: from },
          },
          outbox: { insert: {} },
        },
        verify: async () => {
          const kept = await sessionRow(booked.sessions[0]?.id ?? '')
          const replaced = await sessionRow(booked.sessions[1]?.id ?? '')
          expect([kept.status, replaced.status]).toEqual(['scheduled', 'cancelled'])
        },
      }
    },
  },
  {
    key: 'POST /api/plans/:planId/end',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const firstOn = freshSaturday()
      const booked = await bookPlan({ frequency: 'fortnightly', firstOn, lastOn: day(firstOn, 14) })
      return {
        browser: fx.desk,
        url: `/api/plans/${booked.plan.id}/end`,
        body: { from: day(firstOn, 14), reason: 'Moving on to handovers' },
        writes: {
          contact_plans: { update: ENDED_PLAN },
          sessions: { update: CANCEL_COLUMNS.concat(['updated_at', 'version']) },
          // The visiting parent is told which of their sessions will not take place.
          outbox: { insert: {} },
        },
      }
    },
  },
  {
    key: 'POST /api/sessions/:sessionId/move',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const booked = await bookPlan()
      const session = booked.sessions[0]
      if (!session) throw new Error('nothing booked')
      return {
        browser: fx.desk,
        url: `/api/sessions/${session.id}/move`,
        body: {
          date: day(session.date, 1),
          startsAt: '11:00',
          version: session.version,
          reason: 'Hall busy',
        },
        writes: {
          sessions: {
            update: ['local_date', 'starts_at', 'ends_at', 'occupied_from', 'occupied_until'].concat(
              [
                'resident_arrives_at',
                'resident_leaves_at',
                'non_resident_arrives_at',
                'non_resident_leaves_at',
              ],
              ['resident_waiting_room_id', 'non_resident_waiting_room_id', 'venue_id', 'room_id'],
              ['moved', 'version', 'updated_at'],
            ),
          },
          outbox: { insert: {} },
        },
        verify: async () => {
          const moved = await sessionRow(session.id)
          expect([moved.local_date, moved.occurrence_on, moved.moved]).toEqual([
            day(session.date, 1),
            session.date,
            1,
          ])
        },
      }
    },
  },
  {
    key: 'POST /api/sessions/:sessionId/cancel',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const sessionId = (await bookPlan()).sessions[0]?.id ?? ''
      return {
        browser: fx.desk,
        url: `/api/sessions/${sessionId}/cancel`,
        body: { by: 'non_resident', reason: 'Work shift' },
        writes: {
          sessions: { update: CANCEL_COLUMNS.concat(['updated_at', 'version']) },
          outbox: { insert: {} },
        },
        verify: async () => {
          const row = await sessionRow(sessionId)
          expect([row.status, row.cancelled_by]).toEqual(['cancelled', 'non_resident'])
        },
      }
    },
  },
  {
    key: 'POST /api/sessions/:sessionId/outcome',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const sessionId = (await bookPlan({ firstOn: pastSaturday() })).sessions[0]?.id ?? ''
      return {
        browser: fx.desk,
        url: `/api/sessions/${sessionId}/outcome`,
        body: { resident: 'attended', nonResident: 'late' },
        writes: {
          sessions: {
            update: ['status', 'resident_outcome', 'non_resident_outcome', 'outcome_explained'].concat([
              'outcome_reason',
              'outcome_recorded_at',
              'outcome_source',
              'updated_at',
              'version',
            ]),
          },
        },
        verify: async () => {
          const row = await sessionRow(sessionId)
          expect([row.status, row.resident_outcome, row.non_resident_outcome]).toEqual([
            'completed',
            'attended',
            'late',
          ])
        },
      }
    },
  },
  {
    key: 'POST /api/calendar-feeds',
    as: 'coordinator',
    ok: 201,
    prepare: () => ({
      browser: fx.desk,
      url: '/api/calendar-feeds',
      body: { label: 'Phone' },
      writes: {
        calendar_feeds: { insert: { user_id: fx.coordinator.userId, label: 'Phone', revoked_at: null } },
      },
    }),
  },
  {
    key: 'POST /api/calendar-feeds/:feedId/revoke',
    as: 'coordinator',
    ok: 200,
    prepare: async () => {
      const made = await fx.desk.post('/api/calendar-feeds', { label: 'Old phone' })
      expectStatus(made, 201)
      return {
        browser: fx.desk,
        url: `/api/calendar-feeds/${made.json<{ feed: { id: string } }>().feed.id}/revoke`,
        body: {},
        writes: { calendar_feeds: { update: ['revoked_at'] } },
      }
    },
  },
  ...VOLUNTEER_WRITES,
  ...SESSION_DAY_WRITES,
]

/** A parent of a referral, invited to the parent area and signed in: a parent with a family. */
async function linkedParent(referral: ReferralDetail) {
  const party = referral.parties.find((p) => p.role === 'non_resident_parent')
  if (!party) throw new Error('no visiting parent')
  expectStatus(await fx.desk.post(`/api/parties/${party.id}/portal-invite`), 200)
  const row = await rowOf('parties', party.id)
  const user = await t.deps.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', String(row.user_id))
    .executeTakeFirstOrThrow()
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', user.email)
    .where('text_body', 'like', '%#token=%')
    .executeTakeFirstOrThrow()
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1] ?? ''
  const browser = new TestBrowser(t.app)
  const password = 'a long parent passphrase 1'
  expectStatus(await browser.post('/api/auth/password-reset/complete', { token, password }), 204)
  await browser.signIn({ email: user.email, password }, t.clock)
  return { browser, userId: String(row.user_id), partyId: party.id }
}

/** The centre's scheduling set-up: a hall with two doors, its rooms, weekend openings and a case to book. */
async function buildSchedule(): Promise<Fixtures['schedule']> {
  const venue = await fx.desk.post(`/api/centres/${fx.centreId}/venues`, {
    name: 'St Mary’s Hall',
    address: '1 Church Lane',
    entrances: ['Front door', 'Side door'],
  })
  expectStatus(venue, 201)
  const venueId = venue.json<{ id: string }>().id
  const room = async (name: string, kind: string) => {
    const made = await fx.desk.post(`/api/venues/${venueId}/rooms`, { name, kind, capacityFamilies: 1 })
    expectStatus(made, 201)
    return made.json<{ id: string }>().id
  }
  for (const weekday of [6, 7])
    expectStatus(
      await fx.desk.post(`/api/venues/${venueId}/openings`, {
        weekday,
        startsAt: '09:00',
        endsAt: '17:00',
        firstOn: '2025-01-04',
      }),
      201,
    )
  return {
    venueId,
    roomId: await room('Family room', 'family_room'),
    gardenRoom: await room('Garden room', 'waiting_area'),
    blueRoom: await room('Blue room', 'waiting_area'),
    caseId: await openCase(),
  }
}

/** Vera (active), a colleague, and Lou whose DBS check runs out in forty days; a policy no one must read. */
async function buildVolunteers(org: {
  organisationId: string
  centreId: string
}): Promise<Fixtures['volunteers']> {
  const place = await enrolWorld(t, fx.desk, { ...org, timeZone: TIME_ZONE })
  const vera = await enrol(place, { name: 'Vera Volunteer' })
  const colleague = await enrol(place, { name: 'Colin Colleague' })
  await enrol(place, { name: 'Lou Lapsing', dbsExpiresOn: today(40) })
  const records = (await fx.desk.get(`/api/volunteers/${vera.file.id}/records`)).json<{
    records: RecordView[]
  }>()
  const dbs = records.records.find((r) => r.requirementId === place.requirement('dbs'))
  const policy = await fx.adminBrowser.post('/api/policies', {
    title: 'Volunteer handbook',
    mustRead: false,
    body: 'Read it when you can.',
  })
  expectStatus(policy, 201)
  return {
    vera,
    colleague,
    requirement: place.requirement,
    dbsRecordId: dbs?.id ?? '',
    policyId: policy.json<{ id: string }>().id,
  }
}

async function signedIn(user: BuiltUser): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(user, t.clock)
  return browser
}

beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  const other = await buildOrganisation(t.deps)
  const role = (r: 'admin' | 'coordinator' | 'referrer' | 'volunteer') =>
    buildUser(t.deps, { organisationId: org.organisationId, role: r })
  const [admin, coordinator, referrer, volunteer, otherReferrer] = [
    await role('admin'),
    await role('coordinator'),
    await role('referrer'),
    await role('volunteer'),
    await role('referrer'),
  ]
  const partial = {
    ...org,
    admin,
    coordinator,
    referrer,
    adminBrowser: await signedIn(admin),
    desk: await signedIn(coordinator),
    referrerBrowser: await signedIn(referrer),
  }
  // The helpers read the organisation and the browsers from fx; the records they make complete it below.
  fx = partial as Fixtures
  await publishRules()
  const received = await enterReferral(fx.desk)
  const inPreVisits = await enterReferral(fx.desk)
  expectStatus(await fx.desk.post(`/api/referrals/${inPreVisits.id}/start-intake`), 200)
  const assessed = await assessedReferral()
  const referrersOwn = await enterReferral(fx.referrerBrowser)
  const parent = await linkedParent(await enterReferral(fx.desk))
  const canaryCaseId = await openCase()
  fx = {
    ...partial,
    received,
    inPreVisits: (await fx.desk.get(`/api/referrals/${inPreVisits.id}`)).json<ReferralDetail>(),
    assessed,
    referrersOwn,
    parentBrowser: parent.browser,
    parentUserId: parent.userId,
    parentPartyId: parent.partyId,
    workCaseId: await openCase(),
    schedule: await buildSchedule(),
    volunteers: await buildVolunteers(org),
    day: undefined as unknown as Fixtures['day'],
    canary: {
      organisationId: other.organisationId,
      centreId: other.centreId,
      userId: volunteer.userId,
      referrerUserId: otherReferrer.userId,
      caseId: canaryCaseId,
    },
  }
  fx.day = await buildDay()
})
afterAll(async () => t.close())

/** The session day's people and cases (see Fixtures.day), once the scheduling case is open. */
async function buildDay(): Promise<Fixtures['day']> {
  const parties = await t.deps.db
    .selectFrom('parties')
    .select(['id', 'role', 'kind', 'referral_id'])
    .where('case_id', '=', fx.schedule.caseId)
    .execute()
  const idOf = (test: (p: (typeof parties)[number]) => boolean) => {
    const found = parties.find(test)
    if (!found) throw new Error('scheduling case without its people')
    return found
  }
  const referral = await fx.desk.get(`/api/referrals/${idOf((p) => p.kind === 'child').referral_id}`)
  expectStatus(referral, 200)
  const parent = await linkedParent(referral.json<ReferralDetail>())
  const theirs = await enterReferral(fx.referrerBrowser)
  const assessed = await bringToRiskAssessed(
    fx.desk,
    (await fx.desk.get(`/api/referrals/${theirs.id}`)).json<ReferralDetail>(),
  )
  const accepted = await decide(assessed.id, { decision: 'accept', reason: 'Suitable for supported contact' })
  if (!accepted.caseId) throw new Error('no case opened')
  return {
    resident: idOf((p) => p.role === 'resident_parent').id,
    nonResident: idOf((p) => p.role === 'non_resident_parent').id,
    child: idOf((p) => p.kind === 'child').id,
    parent: parent.browser,
    parentUserId: parent.userId,
    referred: { caseId: accepted.caseId, referralId: theirs.id },
    conductCaseId: await openCase(),
  }
}

describe('mass assignment (AZ-3)', () => {
  it('covers every write of the referral, case, intake, scheduling, volunteer and session-day routes', () => {
    const writes = t.app.routeTable
      .filter(
        (r) =>
          ['POST', 'PATCH', 'PUT'].includes(r.method) && COVERED_PREFIXES.some((p) => r.url.startsWith(p)),
      )
      .map((r) => `${r.method} ${r.url}`)
    expect([...new Set(WRITES.map((w) => w.key))].sort()).toEqual(writes.sort())
  })

  for (const write of WRITES) {
    it(`${write.key} as ${write.as} keeps to its write-list when sent extra properties`, async () => {
      const prepared = await write.prepare()
      const before = await snapshot()
      const response = await send(write.key, prepared, JSON.stringify(withExtras(prepared)))
      expect(response.statusCode, response.body.slice(0, 300)).toBe(write.ok)
      expect(violations(before, await snapshot(), prepared.writes)).toEqual([])
      await prepared.verify?.()
    })

    it(`${write.key} as ${write.as} refuses or ignores __proto__ and constructor.prototype`, async () => {
      const prepared = await write.prepare()
      const before = await snapshot()
      const payload = `{${POLLUTION}${JSON.stringify(withExtras(prepared)).slice(1)}`
      const response = await send(write.key, prepared, payload)
      expect([write.ok, 400], response.body.slice(0, 300)).toContain(response.statusCode)
      const after = await snapshot()
      if (response.statusCode === 400) expect(violations(before, after, {})).toEqual([])
      else {
        expect(violations(before, after, prepared.writes)).toEqual([])
        await prepared.verify?.()
      }
      expect(({} as Row).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
    })
  }
})
