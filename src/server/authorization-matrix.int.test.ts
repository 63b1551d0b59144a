import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Policy } from '../domain/access/access.policy'
import type { Role } from '../domain/access/roles'
import { totpCodeAt } from '../domain/auth/totp.rules'
import type { CaseDetail, CaseSummary } from '../domain/cases/cases.schemas'
import type { ReferralDetail, ReferralSummary } from '../domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser, TEST_PASSWORD, type BuiltUser } from '../../tests/support/factories'
import {
  bringToRiskAssessed,
  expectStatus,
  RISK_BODY,
  selfReferralBody,
  staffReferralBody,
} from '../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'

type Caller = Role | 'anonymous'
const CALLERS: Caller[] = ['anonymous', 'admin', 'coordinator', 'volunteer', 'referrer', 'parent']

interface World {
  organisationId: string
  centreId: string
  venueId: string
  roomId: string
  targetUserId: string
  messageId: string
  /** Submitted by the matrix's referrer (by the admin in the foreign world), then risk assessed by the admin. */
  referralId: string
  /** The resident parent and the child on that referral. */
  partyId: string
  childPartyId: string
  preVisitId: string
  documentId: string
  groundRulesVersionId: string
  /** Opened by accepting a second referral, entered by the admin; its parents signed the ground rules. */
  caseId: string
  /** Scheduling: an opening of the venue, a closure, two empty venues to re-home between. */
  openingId: string
  closureId: string
  rehomeFromVenueId: string
  rehomeToVenueId: string
  /** A fortnightly plan of the case, one of its future sessions, and a one-off that already happened. */
  planId: string
  sessionId: string
  pastSessionId: string
  /** The admin's calendar feed: its id and its secret address (path only). */
  feedId: string
  feedPath: string
}

interface Call {
  url: string
  body?: unknown
}

interface SampleContext {
  caller: Caller
  browser: TestBrowser
  world: World
  user: BuiltUser | null
  secrets: Map<Caller, string>
}

interface Sample {
  /** What an allowed caller gets back. */
  ok: number
  /** When the route answers one allowed caller differently (e.g. anonymous has no session yet). */
  byCaller?: Partial<Record<Caller, number>>
  call: (c: SampleContext) => Call | Promise<Call>
}

const uniqueEmail = () => `new-${randomBytes(4).toString('hex')}@example.org`

/** The smallest file the document store takes: it is told apart by its first bytes. */
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')
const RULES = {
  title: 'Ground rules',
  body: 'No violence, aggression or bad language. Phones on silent. No photographs.',
}

const isDeskCaller = (c: SampleContext): boolean => c.caller === 'admin' || c.caller === 'coordinator'

/** A complete referral entered at the desk, still "received". */
async function enterReferral(desk: TestBrowser, centreId: string): Promise<ReferralDetail> {
  const created = await desk.post('/api/referrals', staffReferralBody(centreId))
  expectStatus(created, 201)
  return created.json<ReferralDetail>()
}

/** A referral taken through intake and accepted: the case it opened. */
async function openCase(desk: TestBrowser, centreId: string): Promise<string> {
  const assessed = await bringToRiskAssessed(desk, await enterReferral(desk, centreId))
  const accepted = await desk.post(`/api/referrals/${assessed.id}/decision`, {
    decision: 'accept',
    reason: 'Suitable for supported contact',
    serviceLevel: 'supported',
  })
  expectStatus(accepted, 200)
  const caseId = accepted.json<ReferralDetail>().caseId
  if (!caseId) throw new Error('no case opened')
  return caseId
}

/**
 * A state moves only once, and admin and coordinator both call each sample: each desk caller gets a
 * referral of its own at that stage. Everyone else is refused by the policy before any work is done,
 * so the world's referral serves them.
 */
async function referralAt(c: SampleContext, stage: 'received' | 'waitlisted'): Promise<string> {
  if (!isDeskCaller(c)) return c.world.referralId
  const referral = await enterReferral(c.browser, c.world.centreId)
  if (stage === 'received') return referral.id
  const assessed = await bringToRiskAssessed(c.browser, referral)
  const waiting = await c.browser.post(`/api/referrals/${assessed.id}/decision`, {
    decision: 'waitlist',
    reason: 'The centre is full on Sundays',
  })
  expectStatus(waiting, 200)
  return assessed.id
}

let selfReferralAddresses = 0
/**
 * A parent's own application, sent from an address of its own: the form takes five an hour from one
 * address, and the matrix's six callers (all on the inject address) must find that budget untouched.
 */
async function selfReferralId(
  desk: TestBrowser,
  centreId: string,
  role: 'resident_parent' | 'non_resident_parent',
): Promise<string> {
  selfReferralAddresses += 1
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/public/centres/${centreId}/self-referrals`,
    payload: selfReferralBody(role),
    remoteAddress: `198.51.100.${selfReferralAddresses}`,
  })
  expectStatus(sent, 201)
  const { reference } = sent.json<{ reference: string }>()
  const found = (await desk.get(`/api/referrals?q=${reference}`)).json<{ referrals: ReferralSummary[] }>()
  const id = found.referrals[0]?.id
  if (!id) throw new Error(`self-referral ${reference} not found`)
  return id
}

/** The ground rules in force: the publishing sample adds a version each time it runs. */
async function currentRulesId(world: Pick<World, 'organisationId'>): Promise<string> {
  const row = await t.deps.db
    .selectFrom('ground_rules_versions')
    .select('id')
    .where('organisation_id', '=', world.organisationId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A level other than the case's own, so that each caller's move is a real one. */
async function anotherLevel(caseId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('cases')
    .select('service_level')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  return row.service_level === 'handover' ? 'supported' : 'handover'
}

/** The world's case's parents sign the ground rules in force, so that it can be booked. */
async function signCurrentRules(
  browser: TestBrowser,
  world: Pick<World, 'organisationId' | 'caseId'>,
): Promise<void> {
  const versionId = await currentRulesId(world)
  const file = (await browser.get(`/api/cases/${world.caseId}`)).json<CaseDetail>()
  for (const adult of file.groundRules.adults)
    expectStatus(await browser.post(`/api/parties/${adult.partyId}/ground-rules`, { versionId }), 204)
}

let freeSaturday = 0
/** A Saturday no sample has booked yet (2030-04-06 on, a week apart): each booking gets its own. */
function nextFreeSaturday(): string {
  const day = new Date(Date.UTC(2030, 3, 6 + 7 * freeSaturday))
  freeSaturday += 1
  return day.toISOString().slice(0, 10)
}

/** A one-off session of the world's case in the world's room, on a Saturday of its own. */
function oneOff(world: Pick<World, 'venueId' | 'roomId'>, date: string, extra: Record<string, unknown> = {}) {
  return {
    serviceType: 'supported',
    frequency: 'one_off',
    firstOn: date,
    startsAt: '10:00',
    durationMinutes: 120,
    venueId: world.venueId,
    roomId: world.roomId,
    ...extra,
  }
}

/** A fresh plan of the world's case, booked by this desk caller: for the actions that end a plan once. */
async function bookFreshPlan(c: SampleContext): Promise<string> {
  await signCurrentRules(c.browser, c.world)
  const booked = await c.browser.post(
    `/api/cases/${c.world.caseId}/plans`,
    oneOff(c.world, nextFreeSaturday()),
  )
  expectStatus(booked, 201)
  return booked.json<{ plan: { id: string } }>().plan.id
}

/** A session of the world's plan still booked and not the one the other samples read and move. */
async function bookedSession(c: SampleContext): Promise<string> {
  const schedule = (await c.browser.get(`/api/cases/${c.world.caseId}/schedule`)).json<{
    sessions: { id: string; planId: string; status: string }[]
  }>()
  const session = schedule.sessions.find(
    (s) => s.planId === c.world.planId && s.status === 'scheduled' && s.id !== c.world.sessionId,
  )
  if (!session) throw new Error('no booked session left')
  return session.id
}

/** A feed of the caller's own (feeds are revoked by their owner only). */
async function ownFeedId(c: SampleContext): Promise<string> {
  const made = await c.browser.post('/api/calendar-feeds', { label: 'to revoke' })
  expectStatus(made, 201)
  return made.json<{ feed: { id: string } }>().feed.id
}

const feedOwner = (c: SampleContext): boolean =>
  ['admin', 'coordinator', 'volunteer', 'parent'].includes(c.caller)

/**
 * One sample request per route, run in this order (two-factor set-up before confirm, logout last).
 * A route without a sample fails the coverage test below.
 */
const SAMPLES: [string, Sample][] = [
  ['GET /api/openapi.json', { ok: 200, call: () => ({ url: '/api/openapi.json' }) }],
  [
    'GET /api/auth/session',
    { ok: 200, byCaller: { anonymous: 401 }, call: () => ({ url: '/api/auth/session' }) },
  ],
  [
    'POST /api/auth/login',
    {
      ok: 200,
      byCaller: { anonymous: 401 },
      call: (c) => ({
        url: '/api/auth/login',
        body: { email: c.user?.email ?? 'nobody@example.org', password: TEST_PASSWORD },
      }),
    },
  ],
  [
    'POST /api/auth/second-factor',
    { ok: 200, call: () => ({ url: '/api/auth/second-factor', body: { code: '000000' } }) },
  ],
  [
    'POST /api/auth/password-reset',
    {
      ok: 202,
      call: (c) => ({
        url: '/api/auth/password-reset',
        body: { email: c.user?.email ?? 'nobody@example.org' },
      }),
    },
  ],
  [
    'POST /api/auth/password-reset/complete',
    {
      ok: 400,
      call: () => ({
        url: '/api/auth/password-reset/complete',
        body: { token: 'x'.repeat(43), password: 'a-long-enough-password-1' },
      }),
    },
  ],
  ['GET /api/account', { ok: 200, call: () => ({ url: '/api/account' }) }],
  [
    'POST /api/account/password',
    {
      ok: 200,
      call: () => ({
        url: '/api/account/password',
        body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, signOutOtherSessions: false },
      }),
    },
  ],
  [
    'POST /api/account/two-factor/setup',
    {
      ok: 200,
      call: () => ({ url: '/api/account/two-factor/setup', body: { password: TEST_PASSWORD } }),
    },
  ],
  [
    'POST /api/account/two-factor/confirm',
    {
      ok: 200,
      call: async (c) => {
        if (c.caller === 'anonymous')
          return { url: '/api/account/two-factor/confirm', body: { code: '123456' } }
        // Starting again gives a secret the test knows (the previous sample's answer was not kept).
        const setup = await c.browser.post('/api/account/two-factor/setup', { password: TEST_PASSWORD })
        const secret = setup.json<{ secret: string }>().secret
        c.secrets.set(c.caller, secret)
        return { url: '/api/account/two-factor/confirm', body: { code: totpCodeAt(secret, new Date()) } }
      },
    },
  ],
  [
    'POST /api/account/two-factor/recovery-codes',
    {
      ok: 200,
      call: () => ({ url: '/api/account/two-factor/recovery-codes', body: { password: TEST_PASSWORD } }),
    },
  ],
  [
    'POST /api/account/two-factor/disable',
    {
      ok: 204,
      call: (c) => {
        const secret = c.secrets.get(c.caller)
        // The confirm step used this period's code; a code is single-use, so take the next period's.
        const code = secret ? totpCodeAt(secret, new Date(Date.now() + 30_000)) : '123456'
        return { url: '/api/account/two-factor/disable', body: { password: TEST_PASSWORD, code } }
      },
    },
  ],
  ['GET /api/account/sessions', { ok: 200, call: () => ({ url: '/api/account/sessions' }) }],
  [
    'POST /api/account/sessions/end-others',
    { ok: 200, call: () => ({ url: '/api/account/sessions/end-others' }) },
  ],
  ['GET /api/account/tokens', { ok: 200, call: () => ({ url: '/api/account/tokens' }) }],
  [
    'POST /api/account/tokens',
    { ok: 201, call: () => ({ url: '/api/account/tokens', body: { name: 'matrix', days: 1 } }) },
  ],
  [
    'DELETE /api/account/tokens/:tokenId',
    {
      ok: 204,
      call: async (c) => {
        if (c.caller === 'anonymous') return { url: `/api/account/tokens/${crypto.randomUUID()}` }
        const created = await c.browser.post('/api/account/tokens', { name: 'to revoke', days: 1 })
        return { url: `/api/account/tokens/${created.json<{ id: string }>().id}` }
      },
    },
  ],
  ['GET /api/organisation', { ok: 200, call: () => ({ url: '/api/organisation' }) }],
  [
    'PATCH /api/organisation',
    { ok: 200, call: () => ({ url: '/api/organisation', body: { name: 'Matrix Organisation' } }) },
  ],
  ['GET /api/centres', { ok: 200, call: () => ({ url: '/api/centres' }) }],
  [
    'POST /api/centres',
    {
      ok: 201,
      call: () => ({ url: '/api/centres', body: { name: 'Second Centre', timeZone: 'Europe/London' } }),
    },
  ],
  ['GET /api/centres/:centreId', { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}` }) }],
  [
    'PATCH /api/centres/:centreId',
    {
      ok: 200,
      call: (c) => ({ url: `/api/centres/${c.world.centreId}`, body: { timeZone: 'Europe/Jersey' } }),
    },
  ],
  [
    'POST /api/centres/:centreId/venues',
    {
      ok: 201,
      call: (c) => ({ url: `/api/centres/${c.world.centreId}/venues`, body: { name: 'Another hall' } }),
    },
  ],
  [
    'PATCH /api/venues/:venueId',
    { ok: 200, call: (c) => ({ url: `/api/venues/${c.world.venueId}`, body: { address: '1 School Lane' } }) },
  ],
  [
    'POST /api/venues/:venueId/rooms',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/venues/${c.world.venueId}/rooms`,
        body: { name: 'Room', kind: 'family_room', capacityFamilies: 3 },
      }),
    },
  ],
  [
    'PATCH /api/rooms/:roomId',
    { ok: 200, call: (c) => ({ url: `/api/rooms/${c.world.roomId}`, body: { capacityFamilies: 4 } }) },
  ],
  ['GET /api/users', { ok: 200, call: () => ({ url: '/api/users' }) }],
  [
    'POST /api/users',
    {
      ok: 201,
      call: () => ({
        url: '/api/users',
        body: {
          email: uniqueEmail(),
          displayName: 'New Person',
          roles: [{ role: 'volunteer', centreId: null }],
        },
      }),
    },
  ],
  ['GET /api/users/:userId', { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}` }) }],
  [
    'PATCH /api/users/:userId',
    {
      ok: 200,
      call: (c) => ({ url: `/api/users/${c.world.targetUserId}`, body: { displayName: 'Renamed' } }),
    },
  ],
  [
    'POST /api/users/:userId/disable',
    { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}/disable` }) },
  ],
  [
    'POST /api/users/:userId/enable',
    { ok: 200, call: (c) => ({ url: `/api/users/${c.world.targetUserId}/enable` }) },
  ],
  ['GET /api/outbox', { ok: 200, call: () => ({ url: '/api/outbox' }) }],
  ['GET /api/outbox/:messageId', { ok: 200, call: (c) => ({ url: `/api/outbox/${c.world.messageId}` }) }],
  ['GET /api/audit', { ok: 200, call: () => ({ url: '/api/audit?limit=5' }) }],
  ['GET /api/referrals', { ok: 200, call: () => ({ url: '/api/referrals' }) }],
  ['GET /api/referrals/export.csv', { ok: 200, call: () => ({ url: '/api/referrals/export.csv' }) }],
  [
    'POST /api/referrals',
    { ok: 201, call: (c) => ({ url: '/api/referrals', body: staffReferralBody(c.world.centreId) }) },
  ],
  // The world's referral was made by the matrix's referrer, so the referrer may follow it.
  [
    'GET /api/referrals/:referralId',
    { ok: 200, call: (c) => ({ url: `/api/referrals/${c.world.referralId}` }) },
  ],
  [
    'POST /api/referrals/:referralId/start-intake',
    {
      ok: 200,
      call: async (c) => ({ url: `/api/referrals/${await referralAt(c, 'received')}/start-intake` }),
    },
  ],
  [
    'POST /api/referrals/:referralId/pre-visits',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/referrals/${c.world.referralId}/pre-visits`,
        body: {
          partyId: c.world.childPartyId,
          kind: 'child_familiarisation',
          scheduledAt: '2025-02-03T10:00:00Z',
        },
      }),
    },
  ],
  [
    'PATCH /api/pre-visits/:preVisitId',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/pre-visits/${c.world.preVisitId}`,
        body: { outcome: 'held', heldOn: '2025-01-07', checklist: { rulesExplained: true } },
      }),
    },
  ],
  [
    // Once risk assessed, each further assessment is a review: it can be recorded again and again.
    'POST /api/referrals/:referralId/risk-assessments',
    {
      ok: 201,
      call: (c) => ({ url: `/api/referrals/${c.world.referralId}/risk-assessments`, body: RISK_BODY }),
    },
  ],
  [
    'POST /api/referrals/:referralId/decision',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/referrals/${await referralAt(c, 'received')}/decision`,
        body: { decision: 'decline', reason: 'The family lives outside the centre’s area' },
      }),
    },
  ],
  [
    'POST /api/referrals/:referralId/offer-place',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/referrals/${await referralAt(c, 'waitlisted')}/offer-place`,
        body: { reason: 'A Sunday place has come free' },
      }),
    },
  ],
  [
    'POST /api/referrals/:referralId/link',
    {
      ok: 200,
      call: async (c) => {
        if (!isDeskCaller(c))
          return {
            url: `/api/referrals/${c.world.referralId}/link`,
            body: { otherReferralId: c.world.referralId },
          }
        const mother = await selfReferralId(c.browser, c.world.centreId, 'resident_parent')
        const father = await selfReferralId(c.browser, c.world.centreId, 'non_resident_parent')
        return { url: `/api/referrals/${mother}/link`, body: { otherReferralId: father } }
      },
    },
  ],
  [
    'POST /api/referrals/:referralId/parties',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/referrals/${c.world.referralId}/parties`,
        body: { role: 'grandparent', fullName: 'Gwen Example', attendance: 'allowed' },
      }),
    },
  ],
  [
    'POST /api/referrals/:referralId/court-orders',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/referrals/${c.world.referralId}/court-orders`,
        body: { orderType: 'child_arrangements', court: 'Royal Court of Jersey', madeOn: '2029-11-01' },
      }),
    },
  ],
  [
    'POST /api/referrals/:referralId/documents',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/referrals/${c.world.referralId}/documents`,
        body: { kind: 'court_order', title: 'Child arrangements order', contentBase64: PDF_BASE64 },
      }),
    },
  ],
  [
    'GET /api/documents/:documentId',
    { ok: 200, call: (c) => ({ url: `/api/documents/${c.world.documentId}` }) },
  ],
  [
    'PATCH /api/parties/:partyId',
    { ok: 200, call: (c) => ({ url: `/api/parties/${c.world.partyId}`, body: { attendance: 'allowed' } }) },
  ],
  [
    'POST /api/parties/:partyId/reveal',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/parties/${c.world.partyId}/reveal`,
        body: { password: TEST_PASSWORD, reason: 'Checking the access rules' },
      }),
    },
  ],
  [
    // Signing the same version twice is kept as one signature, so both desk callers get 204.
    'POST /api/parties/:partyId/ground-rules',
    {
      ok: 204,
      call: async (c) => ({
        url: `/api/parties/${c.world.partyId}/ground-rules`,
        body: { versionId: await currentRulesId(c.world) },
      }),
    },
  ],
  [
    // A parent is invited once: each desk caller invites the visiting parent of a referral of its own.
    'POST /api/parties/:partyId/portal-invite',
    {
      ok: 200,
      call: async (c) => {
        if (!isDeskCaller(c)) return { url: `/api/parties/${c.world.partyId}/portal-invite` }
        const referral = await enterReferral(c.browser, c.world.centreId)
        const parent = referral.parties.find((p) => p.role === 'non_resident_parent')
        if (!parent) throw new Error('no visiting parent')
        return { url: `/api/parties/${parent.id}/portal-invite` }
      },
    },
  ],
  ['GET /api/cases', { ok: 200, call: () => ({ url: '/api/cases' }) }],
  ['GET /api/cases/:caseId', { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.caseId}` }) }],
  [
    'GET /api/cases/:caseId/readiness',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.caseId}/readiness?firstSessionOn=2025-02-03` }) },
  ],
  [
    'POST /api/cases/:caseId/level',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/cases/${c.world.caseId}/level`,
        body: { level: await anotherLevel(c.world.caseId), reason: 'Contact is going well' },
      }),
    },
  ],
  [
    'POST /api/cases/:caseId/reviews',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/cases/${c.world.caseId}/reviews`,
        body: { heldOn: new Date().toISOString().slice(0, 10), outcome: 'continue' },
      }),
    },
  ],
  [
    // A case closes once: each desk caller closes a case of its own.
    'POST /api/cases/:caseId/close',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/cases/${isDeskCaller(c) ? await openCase(c.browser, c.world.centreId) : c.world.caseId}/close`,
        body: { outcome: 'parent_withdrew', reason: 'The family made their own arrangements' },
      }),
    },
  ],
  [
    'POST /api/cases/:caseId/notes',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/cases/${c.world.caseId}/notes`,
        body: { body: 'Both parents arrived on time.' },
      }),
    },
  ],
  ['GET /api/intake/options', { ok: 200, call: () => ({ url: '/api/intake/options' }) }],
  ['GET /api/intake-settings', { ok: 200, call: () => ({ url: '/api/intake-settings' }) }],
  [
    'PATCH /api/intake-settings',
    { ok: 200, call: () => ({ url: '/api/intake-settings', body: { reviewIntervalMonths: 6 } }) },
  ],
  ['GET /api/ground-rules', { ok: 200, call: () => ({ url: '/api/ground-rules' }) }],
  ['POST /api/ground-rules', { ok: 201, call: () => ({ url: '/api/ground-rules', body: RULES }) }],
  [
    'GET /api/centres/:centreId/waiting-list',
    { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}/waiting-list` }) },
  ],
  // The matrix's parent has no family linked yet: an empty list to read and nothing to sign (409).
  // A parent linked to a family signs with 204 in mass-assignment.int.test.ts.
  ['GET /api/my/family', { ok: 200, call: () => ({ url: '/api/my/family' }) }],
  [
    'POST /api/my/ground-rules',
    {
      ok: 204,
      byCaller: { parent: 409 },
      call: (c) => ({ url: '/api/my/ground-rules', body: { versionId: c.world.groundRulesVersionId } }),
    },
  ],
  [
    'GET /api/public/centres/:centreId',
    { ok: 200, call: (c) => ({ url: `/api/public/centres/${c.world.centreId}` }) },
  ],
  [
    // The form takes five applications an hour from one address, and all six callers share the inject
    // address (nothing else in this file sends the form from it): the sixth, the parent, gets 429.
    'POST /api/public/centres/:centreId/self-referrals',
    {
      ok: 201,
      byCaller: { parent: 429 },
      call: (c) => ({
        url: `/api/public/centres/${c.world.centreId}/self-referrals`,
        body: selfReferralBody('resident_parent'),
      }),
    },
  ],
  // Scheduling: opening hours, closures, plans, sessions, the parent's own sessions and calendar feeds.
  ['GET /api/scheduling-settings', { ok: 200, call: () => ({ url: '/api/scheduling-settings' }) }],
  [
    'PATCH /api/scheduling-settings',
    { ok: 200, call: () => ({ url: '/api/scheduling-settings', body: { slotStepMinutes: 15 } }) },
  ],
  [
    'GET /api/venues/:venueId/openings',
    { ok: 200, call: (c) => ({ url: `/api/venues/${c.world.venueId}/openings` }) },
  ],
  [
    'POST /api/venues/:venueId/openings',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/venues/${c.world.venueId}/openings`,
        body: { weekday: 3, startsAt: '16:00', endsAt: '19:00', firstOn: '2030-01-02' },
      }),
    },
  ],
  [
    'PATCH /api/openings/:openingId',
    { ok: 200, call: (c) => ({ url: `/api/openings/${c.world.openingId}`, body: { capacityUnits: 8 } }) },
  ],
  [
    'POST /api/centres/:centreId/closures',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/centres/${c.world.centreId}/closures`,
        body: { firstDay: '2035-12-25', lastDay: '2035-12-26', reason: 'Christmas' },
      }),
    },
  ],
  [
    // A closure is withdrawn once: each desk caller withdraws one of its own.
    'DELETE /api/closures/:closureId',
    {
      ok: 204,
      call: async (c) => {
        if (!isDeskCaller(c)) return { url: `/api/closures/${c.world.closureId}` }
        const made = await c.browser.post(`/api/centres/${c.world.centreId}/closures`, {
          firstDay: '2035-12-31',
          lastDay: '2035-12-31',
          reason: 'New Year’s Eve',
        })
        expectStatus(made, 201)
        return { url: `/api/closures/${made.json<{ closure: { id: string } }>().closure.id}` }
      },
    },
  ],
  [
    'POST /api/venues/:venueId/rehome',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/venues/${c.world.rehomeFromVenueId}/rehome`,
        body: { toVenueId: c.world.rehomeToVenueId, from: '2030-01-01', rooms: {} },
      }),
    },
  ],
  [
    'GET /api/venues/:venueId/calendar',
    {
      ok: 200,
      call: (c) => ({ url: `/api/venues/${c.world.venueId}/calendar?from=2030-01-01&to=2030-01-31` }),
    },
  ],
  [
    'GET /api/cases/:caseId/schedule',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.caseId}/schedule` }) },
  ],
  [
    'GET /api/cases/:caseId/slots',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.caseId}/slots?from=2030-01-01` }) },
  ],
  [
    'POST /api/cases/:caseId/plans/preview',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/cases/${c.world.caseId}/plans/preview`,
        body: oneOff(c.world, '2030-03-30'),
      }),
    },
  ],
  [
    'POST /api/cases/:caseId/plans',
    {
      ok: 201,
      call: async (c) => {
        if (isDeskCaller(c)) await signCurrentRules(c.browser, c.world)
        return { url: `/api/cases/${c.world.caseId}/plans`, body: oneOff(c.world, nextFreeSaturday()) }
      },
    },
  ],
  [
    // A plan changes (or ends) once: each desk caller books one of its own first.
    'POST /api/plans/:planId/change',
    {
      ok: 201,
      call: async (c) => {
        const planId = isDeskCaller(c) ? await bookFreshPlan(c) : c.world.planId
        const plan = isDeskCaller(c)
          ? (await c.browser.get(`/api/cases/${c.world.caseId}/schedule`))
              .json<{ plans: { id: string; firstOn: string }[] }>()
              .plans.find((p) => p.id === planId)
          : undefined
        const from = plan?.firstOn ?? '2030-01-05'
        return {
          url: `/api/plans/${planId}/change`,
          body: {
            ...oneOff(c.world, from, { startsAt: '13:00' }),
            firstOn: undefined,
            from,
            reason: 'Afternoons suit the family better',
          },
        }
      },
    },
  ],
  [
    'POST /api/plans/:planId/end',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/plans/${isDeskCaller(c) ? await bookFreshPlan(c) : c.world.planId}/end`,
        body: { from: '2030-01-01', reason: 'The family moved away' },
      }),
    },
  ],
  ['GET /api/sessions/:sessionId', { ok: 200, call: (c) => ({ url: `/api/sessions/${c.world.sessionId}` }) }],
  [
    // Each desk caller moves the session to the same place, at the version it has just read.
    'POST /api/sessions/:sessionId/move',
    {
      ok: 200,
      call: async (c) => {
        if (isDeskCaller(c)) await signCurrentRules(c.browser, c.world)
        const version = isDeskCaller(c)
          ? (await c.browser.get(`/api/sessions/${c.world.sessionId}`)).json<{ version: number }>().version
          : 1
        return {
          url: `/api/sessions/${c.world.sessionId}/move`,
          body: { date: '2030-01-06', startsAt: '11:00', version, reason: 'The hall is busy on Saturday' },
        }
      },
    },
  ],
  [
    'POST /api/sessions/:sessionId/cancel',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/sessions/${isDeskCaller(c) ? await bookedSession(c) : c.world.sessionId}/cancel`,
        body: { by: 'resident', reason: 'The child is ill' },
      }),
    },
  ],
  [
    'POST /api/sessions/:sessionId/outcome',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/sessions/${c.world.pastSessionId}/outcome`,
        body: { resident: 'attended', nonResident: 'attended' },
      }),
    },
  ],
  // The matrix's parent has no family linked: an empty list (parent-privacy.int.test.ts has one).
  ['GET /api/my/sessions', { ok: 200, call: () => ({ url: '/api/my/sessions' }) }],
  ['GET /api/calendar-feeds', { ok: 200, call: () => ({ url: '/api/calendar-feeds' }) }],
  [
    'POST /api/calendar-feeds',
    { ok: 201, call: () => ({ url: '/api/calendar-feeds', body: { label: 'Phone' } }) },
  ],
  [
    'POST /api/calendar-feeds/:feedId/revoke',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/calendar-feeds/${feedOwner(c) ? await ownFeedId(c) : c.world.feedId}/revoke`,
      }),
    },
  ],
  // The secret address is the only credential: anyone holding it reads the admin's feed.
  ['GET /api/feeds/:token', { ok: 200, call: (c) => ({ url: c.world.feedPath }) }],
  ['POST /api/auth/logout', { ok: 204, call: () => ({ url: '/api/auth/logout' }) }],
]

/** What the declared policy says this caller gets: allowed, 401 or 403. */
function expectedFor(policy: Policy, caller: Caller, sample: Sample): number {
  const allowed = sample.byCaller?.[caller] ?? sample.ok
  if (policy.kind === 'public') return allowed
  if (caller === 'anonymous') return 401
  if (policy.kind === 'second_factor') return 403
  if (policy.kind === 'signed_in') return allowed
  return policy.roles.includes(caller) ? allowed : 403
}

let t: TestContext
let world: World
let foreign: World
const users = new Map<Caller, BuiltUser>()

/** Every table holding an organisation's records (the audit trail, sessions and mail excepted). */
const TENANT_TABLES = [
  'centres',
  'venues',
  'rooms',
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
] as const

/** The organisations' rows, table by table, to show that a refused request changed nothing. */
async function tenantRows(organisationIds: string[]): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {}
  for (const table of TENANT_TABLES) {
    const key = table === 'organisation_settings' ? 'organisation_id' : 'id'
    const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}
      where organisation_id in (${sql.join(organisationIds)}) order by ${sql.ref(key)}`.execute(t.deps.db)
    rows[table] = result.rows
  }
  return rows
}

/** The world's referral and case with what hangs off them. */
async function rowsAround(w: World) {
  const db = t.deps.db
  return {
    referral: await db.selectFrom('referrals').selectAll().where('id', '=', w.referralId).execute(),
    parties: await db
      .selectFrom('parties')
      .selectAll()
      .where('referral_id', '=', w.referralId)
      .orderBy('id')
      .execute(),
    preVisits: await db
      .selectFrom('pre_visits')
      .selectAll()
      .where('referral_id', '=', w.referralId)
      .orderBy('id')
      .execute(),
    assessments: await db
      .selectFrom('risk_assessments')
      .select('id')
      .where('referral_id', '=', w.referralId)
      .execute(),
    orders: await db
      .selectFrom('court_orders')
      .select('id')
      .where('referral_id', '=', w.referralId)
      .execute(),
    case: await db.selectFrom('cases').selectAll().where('id', '=', w.caseId).execute(),
    notes: await db.selectFrom('case_notes').select('id').where('case_id', '=', w.caseId).execute(),
    plans: await db
      .selectFrom('contact_plans')
      .selectAll()
      .where('case_id', '=', w.caseId)
      .orderBy('id')
      .execute(),
    sessions: await db
      .selectFrom('sessions')
      .selectAll()
      .where('case_id', '=', w.caseId)
      .orderBy('id')
      .execute(),
    openings: await db
      .selectFrom('opening_sessions')
      .selectAll()
      .where('venue_id', 'in', [w.venueId, w.rehomeFromVenueId, w.rehomeToVenueId])
      .orderBy('id')
      .execute(),
    closures: await db
      .selectFrom('closures')
      .selectAll()
      .where('centre_id', '=', w.centreId)
      .orderBy('id')
      .execute(),
  }
}

async function caseReferenceOf(caseId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
  return row.reference
}

async function referenceOf(referralId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('referrals')
    .select('reference')
    .where('id', '=', referralId)
    .executeTakeFirstOrThrow()
  return row.reference
}

/**
 * The records the samples act on, made through the API by the organisation's admin; the referral is
 * submitted by the referrer when there is one, so that it is theirs to follow.
 */
async function buildWorld(
  organisationId: string,
  centreId: string,
  admin: BuiltUser,
  referrer?: BuiltUser,
): Promise<World> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(admin, t.clock)
  const venue = (await browser.post(`/api/centres/${centreId}/venues`, { name: 'Grands Vaux School' })).json<{
    id: string
  }>()
  const room = (
    await browser.post(`/api/venues/${venue.id}/rooms`, { name: 'Family room', capacityFamilies: 6 })
  ).json<{ id: string }>()
  const target = await buildUser(t.deps, { organisationId, role: 'volunteer' })
  await browser.post('/api/users', {
    email: uniqueEmail(),
    displayName: 'Invited',
    roles: [{ role: 'parent', centreId: null }],
  })
  const outbox = (await browser.get('/api/outbox')).json<{ messages: { id: string }[] }>()
  const messageId = outbox.messages[0]?.id
  if (!messageId) throw new Error('no outbox message')
  const rules = await browser.post('/api/ground-rules', RULES)
  expectStatus(rules, 201)
  const submitter = referrer ? new TestBrowser(t.app) : browser
  if (referrer) await submitter.signIn(referrer, t.clock)
  const submitted = (await enterReferral(submitter, centreId)).id
  const referral = (await browser.get(`/api/referrals/${submitted}`)).json<ReferralDetail>()
  const assessed = await bringToRiskAssessed(browser, referral)
  const partyId = assessed.parties.find((p) => p.role === 'resident_parent')?.id
  const childPartyId = assessed.parties.find((p) => p.kind === 'child')?.id
  const preVisitId = assessed.preVisits[0]?.id
  const document = await browser.post(`/api/referrals/${referral.id}/documents`, {
    kind: 'court_order',
    title: 'Child arrangements order',
    contentBase64: PDF_BASE64,
  })
  expectStatus(document, 201)
  if (!partyId || !childPartyId || !preVisitId) throw new Error('referral without parties or pre-visits')
  const caseId = await openCase(browser, centreId)
  const scheduling = await buildSchedule(browser, {
    organisationId,
    centreId,
    venueId: venue.id,
    roomId: room.id,
    caseId,
  })
  return {
    organisationId,
    centreId,
    venueId: venue.id,
    roomId: room.id,
    targetUserId: target.userId,
    messageId,
    referralId: referral.id,
    partyId,
    childPartyId,
    preVisitId,
    documentId: document.json<{ id: string }>().id,
    groundRulesVersionId: rules.json<{ id: string }>().id,
    caseId,
    ...scheduling,
  }
}

/**
 * The venue opens on Saturdays and Sundays (from 2025), the centre closes for a summer, and the case
 * (its parents having signed the rules) has a fortnightly plan in 2030 and a one-off in June 2025.
 */
async function buildSchedule(
  browser: TestBrowser,
  w: Pick<World, 'organisationId' | 'centreId' | 'venueId' | 'roomId' | 'caseId'>,
) {
  const opening = await browser.post(`/api/venues/${w.venueId}/openings`, {
    weekday: 6,
    startsAt: '09:00',
    endsAt: '17:00',
    firstOn: '2025-01-04',
  })
  expectStatus(opening, 201)
  expectStatus(
    await browser.post(`/api/venues/${w.venueId}/openings`, {
      weekday: 7,
      startsAt: '09:00',
      endsAt: '17:00',
      firstOn: '2025-01-05',
    }),
    201,
  )
  const closure = await browser.post(`/api/centres/${w.centreId}/closures`, {
    firstDay: '2035-08-01',
    lastDay: '2035-08-31',
    reason: 'Summer break',
  })
  expectStatus(closure, 201)
  const hall = async (name: string) => {
    const made = await browser.post(`/api/centres/${w.centreId}/venues`, { name })
    expectStatus(made, 201)
    return made.json<{ id: string }>().id
  }
  await signCurrentRules(browser, w)
  const plan = await browser.post(`/api/cases/${w.caseId}/plans`, {
    ...oneOff(w, '2030-01-05'),
    frequency: 'fortnightly',
    lastOn: '2030-03-02',
  })
  expectStatus(plan, 201)
  const booked = plan.json<{ plan: { id: string }; sessions: { id: string }[] }>()
  const past = await browser.post(`/api/cases/${w.caseId}/plans`, oneOff(w, '2025-06-07'))
  expectStatus(past, 201)
  // One in the next few weeks, inside the window staff calendar feeds show.
  const soon = new Date(Date.now() + 21 * 86_400_000)
  soon.setUTCDate(soon.getUTCDate() + ((6 - soon.getUTCDay() + 7) % 7))
  expectStatus(
    await browser.post(
      `/api/cases/${w.caseId}/plans`,
      oneOff(w, soon.toISOString().slice(0, 10), { startsAt: '14:00' }),
    ),
    201,
  )
  const feed = await browser.post('/api/calendar-feeds', { label: 'Matrix' })
  expectStatus(feed, 201)
  const made = feed.json<{ feed: { id: string }; url: string }>()
  return {
    openingId: opening.json<{ id: string }>().id,
    closureId: closure.json<{ closure: { id: string } }>().closure.id,
    rehomeFromVenueId: await hall('Old hall'),
    rehomeToVenueId: await hall('New hall'),
    planId: booked.plan.id,
    sessionId: booked.sessions[0]?.id ?? '',
    pastSessionId: past.json<{ sessions: { id: string }[] }>().sessions[0]?.id ?? '',
    feedId: made.feed.id,
    feedPath: new URL(made.url).pathname,
  }
}

beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  for (const caller of CALLERS) {
    if (caller !== 'anonymous')
      users.set(caller, await buildUser(t.deps, { organisationId: org.organisationId, role: caller }))
  }
  const admin = users.get('admin')
  if (!admin) throw new Error('no admin')
  world = await buildWorld(org.organisationId, org.centreId, admin, users.get('referrer'))
  const other = await buildOrganisation(t.deps)
  const otherAdmin = await buildUser(t.deps, { organisationId: other.organisationId, role: 'admin' })
  foreign = await buildWorld(other.organisationId, other.centreId, otherAdmin)
})
afterAll(async () => t.close())

describe('authorization matrix (AZ-1)', () => {
  it('has a sample for every /api route, and every route declares a policy and an audit action', () => {
    const declared = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort()
    expect(declared.length).toBeGreaterThan(30)
    expect(SAMPLES.map(([key]) => key).sort()).toEqual(declared)
    for (const route of t.app.routeTable) {
      expect(route.policy, `${route.method} ${route.url}`).toBeDefined()
      if (route.url !== '/api/openapi.json') expect(route.audit, `${route.method} ${route.url}`).toBeDefined()
    }
  })

  it('grants each route to exactly these callers (a change here is a security decision)', () => {
    const allowed = (policy: Policy | undefined): string => {
      if (!policy) return 'NONE'
      if (policy.kind === 'public') return 'anyone'
      if (policy.kind === 'second_factor') return 'half-signed-in'
      if (policy.kind === 'signed_in')
        return policy.allowEnrolment ? 'any member (also while enrolling 2FA)' : 'any member'
      return policy.roles.join(', ')
    }
    const table = [...t.app.routeTable]
      .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`))
      .map((r) => `${r.method} ${r.url}: ${allowed(r.policy)}`)
    expect(table).toMatchInlineSnapshot(`
      [
        "GET /api/account: any member (also while enrolling 2FA)",
        "POST /api/account/password: any member",
        "GET /api/account/sessions: any member",
        "POST /api/account/sessions/end-others: any member",
        "GET /api/account/tokens: any member",
        "POST /api/account/tokens: any member",
        "DELETE /api/account/tokens/:tokenId: any member",
        "POST /api/account/two-factor/confirm: any member (also while enrolling 2FA)",
        "POST /api/account/two-factor/disable: any member",
        "POST /api/account/two-factor/recovery-codes: any member",
        "POST /api/account/two-factor/setup: any member (also while enrolling 2FA)",
        "GET /api/audit: admin",
        "POST /api/auth/login: anyone",
        "POST /api/auth/logout: anyone",
        "POST /api/auth/password-reset: anyone",
        "POST /api/auth/password-reset/complete: anyone",
        "POST /api/auth/second-factor: half-signed-in",
        "GET /api/auth/session: anyone",
        "GET /api/calendar-feeds: admin, coordinator, volunteer, parent",
        "POST /api/calendar-feeds: admin, coordinator, volunteer, parent",
        "POST /api/calendar-feeds/:feedId/revoke: admin, coordinator, volunteer, parent",
        "GET /api/cases: admin, coordinator",
        "GET /api/cases/:caseId: admin, coordinator",
        "POST /api/cases/:caseId/close: admin, coordinator",
        "POST /api/cases/:caseId/level: admin, coordinator",
        "POST /api/cases/:caseId/notes: admin, coordinator",
        "POST /api/cases/:caseId/plans: admin, coordinator",
        "POST /api/cases/:caseId/plans/preview: admin, coordinator",
        "GET /api/cases/:caseId/readiness: admin, coordinator",
        "POST /api/cases/:caseId/reviews: admin, coordinator",
        "GET /api/cases/:caseId/schedule: admin, coordinator",
        "GET /api/cases/:caseId/slots: admin, coordinator",
        "GET /api/centres: admin, coordinator, volunteer",
        "POST /api/centres: admin",
        "GET /api/centres/:centreId: admin, coordinator, volunteer",
        "PATCH /api/centres/:centreId: admin",
        "POST /api/centres/:centreId/closures: admin, coordinator",
        "POST /api/centres/:centreId/venues: admin, coordinator",
        "GET /api/centres/:centreId/waiting-list: admin, coordinator",
        "DELETE /api/closures/:closureId: admin, coordinator",
        "GET /api/documents/:documentId: admin, coordinator",
        "GET /api/feeds/:token: anyone",
        "GET /api/ground-rules: any member",
        "POST /api/ground-rules: admin, coordinator",
        "GET /api/intake-settings: admin, coordinator",
        "PATCH /api/intake-settings: admin",
        "GET /api/intake/options: admin, coordinator, referrer",
        "GET /api/my/family: parent",
        "POST /api/my/ground-rules: parent",
        "GET /api/my/sessions: parent",
        "GET /api/openapi.json: anyone",
        "PATCH /api/openings/:openingId: admin, coordinator",
        "GET /api/organisation: any member",
        "PATCH /api/organisation: admin",
        "GET /api/outbox: admin",
        "GET /api/outbox/:messageId: admin",
        "PATCH /api/parties/:partyId: admin, coordinator",
        "POST /api/parties/:partyId/ground-rules: admin, coordinator",
        "POST /api/parties/:partyId/portal-invite: admin, coordinator",
        "POST /api/parties/:partyId/reveal: admin, coordinator",
        "POST /api/plans/:planId/change: admin, coordinator",
        "POST /api/plans/:planId/end: admin, coordinator",
        "PATCH /api/pre-visits/:preVisitId: admin, coordinator",
        "GET /api/public/centres/:centreId: anyone",
        "POST /api/public/centres/:centreId/self-referrals: anyone",
        "GET /api/referrals: admin, coordinator, referrer",
        "POST /api/referrals: admin, coordinator, referrer",
        "GET /api/referrals/:referralId: admin, coordinator, referrer",
        "POST /api/referrals/:referralId/court-orders: admin, coordinator, referrer",
        "POST /api/referrals/:referralId/decision: admin, coordinator",
        "POST /api/referrals/:referralId/documents: admin, coordinator, referrer",
        "POST /api/referrals/:referralId/link: admin, coordinator",
        "POST /api/referrals/:referralId/offer-place: admin, coordinator",
        "POST /api/referrals/:referralId/parties: admin, coordinator",
        "POST /api/referrals/:referralId/pre-visits: admin, coordinator",
        "POST /api/referrals/:referralId/risk-assessments: admin, coordinator",
        "POST /api/referrals/:referralId/start-intake: admin, coordinator",
        "GET /api/referrals/export.csv: admin, coordinator, referrer",
        "PATCH /api/rooms/:roomId: admin, coordinator",
        "GET /api/scheduling-settings: admin, coordinator",
        "PATCH /api/scheduling-settings: admin",
        "GET /api/sessions/:sessionId: admin, coordinator",
        "POST /api/sessions/:sessionId/cancel: admin, coordinator",
        "POST /api/sessions/:sessionId/move: admin, coordinator",
        "POST /api/sessions/:sessionId/outcome: admin, coordinator",
        "GET /api/users: admin",
        "POST /api/users: admin",
        "GET /api/users/:userId: admin",
        "PATCH /api/users/:userId: admin",
        "POST /api/users/:userId/disable: admin",
        "POST /api/users/:userId/enable: admin",
        "PATCH /api/venues/:venueId: admin, coordinator",
        "GET /api/venues/:venueId/calendar: admin, coordinator",
        "GET /api/venues/:venueId/openings: admin, coordinator",
        "POST /api/venues/:venueId/openings: admin, coordinator",
        "POST /api/venues/:venueId/rehome: admin, coordinator",
        "POST /api/venues/:venueId/rooms: admin, coordinator",
      ]
    `)
  })

  it('answers every route x role exactly as its policy says, and audits each request', async () => {
    const browsers = new Map<Caller, TestBrowser>()
    for (const caller of CALLERS) {
      const browser = new TestBrowser(t.app)
      const user = users.get(caller)
      if (user) await browser.signIn(user, t.clock)
      browsers.set(caller, browser)
    }
    const secrets = new Map<Caller, string>()
    const mismatches: string[] = []
    for (const [key, sample] of SAMPLES) {
      const [method, url] = key.split(' ') as [string, string]
      const route = t.app.routeTable.find((r) => r.method === method && r.url === url)
      if (!route?.policy) throw new Error(`no route ${key}`)
      for (const caller of CALLERS) {
        const browser = browsers.get(caller)
        if (!browser) throw new Error('no browser')
        const call = await sample.call({ caller, browser, world, user: users.get(caller) ?? null, secrets })
        const response = await browser.request(
          method as 'GET',
          call.url,
          method === 'GET' || method === 'DELETE' ? undefined : (call.body ?? {}),
        )
        const expected = expectedFor(route.policy, caller, sample)
        if (response.statusCode !== expected)
          mismatches.push(
            `${key} as ${caller}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          )
        const requestId = response.headers['x-request-id']
        if (!route.audit) continue
        const audited = await t.deps.db
          .selectFrom('audit_log')
          .select('id')
          .where('request_id', '=', String(requestId))
          .execute()
        if (audited.length === 0) mismatches.push(`${key} as ${caller}: no audit row`)
        if (key === 'POST /api/auth/login' && caller !== 'anonymous') await browser.refreshSession()
      }
    }
    expect(mismatches).toEqual([])
  })

  it("answers 404, never 403, for another organisation's records, and changes nothing", async () => {
    const admin = users.get('admin')
    const coordinator = users.get('coordinator')
    if (!admin || !coordinator) throw new Error('missing users')
    const foreignCalls: [string, string, unknown?][] = [
      ['GET', `/api/centres/${foreign.centreId}`],
      ['PATCH', `/api/centres/${foreign.centreId}`, { name: 'Taken over' }],
      ['POST', `/api/centres/${foreign.centreId}/venues`, { name: 'Intruder hall' }],
      ['PATCH', `/api/venues/${foreign.venueId}`, { name: 'Intruder' }],
      ['POST', `/api/venues/${foreign.venueId}/rooms`, { name: 'Intruder room' }],
      ['PATCH', `/api/rooms/${foreign.roomId}`, { name: 'Intruder' }],
      ['GET', `/api/users/${foreign.targetUserId}`],
      ['PATCH', `/api/users/${foreign.targetUserId}`, { displayName: 'Intruder' }],
      ['POST', `/api/users/${foreign.targetUserId}/disable`, {}],
      ['POST', `/api/users/${foreign.targetUserId}/enable`, {}],
      ['GET', `/api/outbox/${foreign.messageId}`],
      // Referrals, their people, visits and documents; bodies are valid, so only the id can refuse them.
      ['POST', '/api/referrals', staffReferralBody(foreign.centreId)],
      ['GET', `/api/referrals/${foreign.referralId}`],
      ['POST', `/api/referrals/${foreign.referralId}/start-intake`, {}],
      [
        'POST',
        `/api/referrals/${foreign.referralId}/pre-visits`,
        { partyId: foreign.childPartyId, kind: 'child_familiarisation', scheduledAt: '2025-02-03T10:00:00Z' },
      ],
      [
        'POST',
        `/api/referrals/${world.referralId}/pre-visits`,
        { partyId: foreign.childPartyId, kind: 'child_familiarisation', scheduledAt: '2025-02-03T10:00:00Z' },
      ],
      ['PATCH', `/api/pre-visits/${foreign.preVisitId}`, { outcome: 'cancelled' }],
      ['POST', `/api/referrals/${foreign.referralId}/risk-assessments`, RISK_BODY],
      [
        'POST',
        `/api/referrals/${foreign.referralId}/decision`,
        { decision: 'withdraw', reason: 'Taken over' },
      ],
      ['POST', `/api/referrals/${foreign.referralId}/offer-place`, { reason: 'Taken over' }],
      ['POST', `/api/referrals/${foreign.referralId}/link`, { otherReferralId: world.referralId }],
      ['POST', `/api/referrals/${world.referralId}/link`, { otherReferralId: foreign.referralId }],
      [
        'POST',
        `/api/referrals/${foreign.referralId}/parties`,
        { role: 'named_attendee', fullName: 'Intruder', attendance: 'allowed' },
      ],
      ['POST', `/api/referrals/${foreign.referralId}/court-orders`, { orderType: 'other' }],
      [
        'POST',
        `/api/referrals/${world.referralId}/court-orders`,
        { orderType: 'other', documentId: foreign.documentId },
      ],
      [
        'POST',
        `/api/referrals/${foreign.referralId}/documents`,
        { kind: 'other', title: 'Intruder', contentBase64: PDF_BASE64 },
      ],
      ['GET', `/api/documents/${foreign.documentId}`],
      ['PATCH', `/api/parties/${foreign.partyId}`, { fullName: 'Intruder' }],
      [
        'POST',
        `/api/parties/${foreign.partyId}/reveal`,
        { password: TEST_PASSWORD, reason: 'Taking a look' },
      ],
      ['POST', `/api/parties/${foreign.partyId}/ground-rules`, { versionId: foreign.groundRulesVersionId }],
      ['POST', `/api/parties/${foreign.partyId}/portal-invite`, {}],
      // The case file and the centre's waiting list.
      ['GET', `/api/cases/${foreign.caseId}`],
      ['GET', `/api/cases/${foreign.caseId}/readiness?firstSessionOn=2025-02-03`],
      ['POST', `/api/cases/${foreign.caseId}/level`, { level: 'handover', reason: 'Taken over' }],
      ['POST', `/api/cases/${foreign.caseId}/reviews`, { heldOn: '2025-02-03', outcome: 'close' }],
      ['POST', `/api/cases/${foreign.caseId}/close`, { outcome: 'other', reason: 'Taken over' }],
      ['POST', `/api/cases/${foreign.caseId}/notes`, { body: 'Intruder' }],
      ['GET', `/api/centres/${foreign.centreId}/waiting-list`],
      // Scheduling: the other organisation's venues, openings, closures, plans, sessions and feeds.
      ['GET', `/api/venues/${foreign.venueId}/openings`],
      [
        'POST',
        `/api/venues/${foreign.venueId}/openings`,
        { weekday: 2, startsAt: '09:00', endsAt: '12:00', firstOn: '2030-01-01' },
      ],
      ['PATCH', `/api/openings/${foreign.openingId}`, { archived: true }],
      [
        'POST',
        `/api/centres/${foreign.centreId}/closures`,
        { firstDay: '2030-01-01', lastDay: '2030-12-31', reason: 'Taken over' },
      ],
      ['DELETE', `/api/closures/${foreign.closureId}`],
      [
        'POST',
        `/api/venues/${foreign.rehomeFromVenueId}/rehome`,
        { toVenueId: foreign.rehomeToVenueId, from: '2030-01-01', rooms: {} },
      ],
      ['GET', `/api/venues/${foreign.venueId}/calendar?from=2030-01-01&to=2030-01-31`],
      ['GET', `/api/cases/${foreign.caseId}/schedule`],
      ['GET', `/api/cases/${foreign.caseId}/slots?from=2030-01-01`],
      ['POST', `/api/cases/${foreign.caseId}/plans/preview`, oneOff(foreign, '2030-03-30')],
      ['POST', `/api/cases/${foreign.caseId}/plans`, oneOff(foreign, '2030-03-30')],
      ['POST', `/api/cases/${foreign.caseId}/plans`, oneOff(world, '2030-03-30')],
      [
        'POST',
        `/api/plans/${foreign.planId}/change`,
        { ...oneOff(foreign, '2030-01-05'), firstOn: undefined, from: '2030-01-05', reason: 'Taken over' },
      ],
      ['POST', `/api/plans/${foreign.planId}/end`, { from: '2030-01-01', reason: 'Taken over' }],
      ['GET', `/api/sessions/${foreign.sessionId}`],
      [
        'POST',
        `/api/sessions/${foreign.sessionId}/move`,
        { date: '2030-01-06', startsAt: '10:00', version: 1, reason: 'Taken over' },
      ],
      ['POST', `/api/sessions/${foreign.sessionId}/cancel`, { by: 'centre', reason: 'Taken over' }],
      [
        'POST',
        `/api/sessions/${foreign.pastSessionId}/outcome`,
        { resident: 'did_not_attend', nonResident: 'did_not_attend' },
      ],
      ['POST', `/api/calendar-feeds/${foreign.feedId}/revoke`, {}],
    ]
    const browsers: [string, BuiltUser, TestBrowser][] = []
    for (const [name, user] of [
      ['admin', admin],
      ['coordinator', coordinator],
    ] as const) {
      const browser = new TestBrowser(t.app)
      await browser.signIn(user, t.clock)
      browsers.push([name, user, browser])
    }
    const before = await tenantRows([foreign.organisationId, world.organisationId])
    // The comparison below means something only if the snapshot holds the records the calls aim at.
    expect(Object.entries(before).filter(([, rows]) => rows.length === 0)).toEqual([])
    const mismatches: string[] = []
    for (const [name, user, browser] of browsers) {
      for (const [method, url, body] of foreignCalls) {
        const response = await browser.request(method as 'GET', url, body)
        const allowedByRole =
          user === admin ||
          (!url.startsWith('/api/users') &&
            !url.startsWith('/api/outbox') &&
            !(method === 'PATCH' && url.startsWith('/api/centres')))
        const expected = allowedByRole ? 404 : 403
        if (response.statusCode !== expected)
          mismatches.push(
            `${method} ${url} as ${name}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          )
      }
    }
    expect(mismatches).toEqual([])
    // Neither organisation's records changed: not the foreign ones, nor ours through a cross-link.
    expect(await tenantRows([foreign.organisationId, world.organisationId])).toEqual(before)
  })

  it("never lists another organisation's people, centres or mail", async () => {
    const admin = users.get('admin')
    if (!admin) throw new Error('missing admin')
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const everything = [
      (await browser.get('/api/users')).body,
      (await browser.get('/api/centres')).body,
      (await browser.get('/api/outbox')).body,
      (await browser.get('/api/referrals?limit=200')).body,
      (await browser.get('/api/referrals/export.csv')).body,
      (await browser.get('/api/cases?limit=200')).body,
      (await browser.get(`/api/centres/${world.centreId}/waiting-list`)).body,
    ].join('\n')
    const foreignReference = await referenceOf(foreign.referralId)
    expect(everything.includes(foreignReference), `foreign referral ${foreignReference} listed`).toBe(false)
    for (const id of [
      foreign.centreId,
      foreign.venueId,
      foreign.targetUserId,
      foreign.messageId,
      foreign.referralId,
      foreign.caseId,
    ]) {
      expect(everything.includes(id), `foreign id ${id} listed`).toBe(false)
    }
    // The trail shows this organisation's own actors only (including their refused attempts on foreign ids).
    const trail = (await browser.get('/api/audit?limit=200')).json<{ actorUserId: string | null }[]>()
    const ownUsers = new Set(
      (
        await t.deps.db
          .selectFrom('users')
          .select('id')
          .where('organisation_id', '=', admin.organisationId)
          .execute()
      ).map((u) => u.id),
    )
    expect(trail.length).toBeGreaterThan(50)
    expect(trail.filter((row) => row.actorUserId !== null && !ownUsers.has(row.actorUserId))).toEqual([])
  })

  it("keeps a centre's coordinator out of another centre's referrals and cases (AZ-1, 8.4.1)", async () => {
    const admin = users.get('admin')
    if (!admin) throw new Error('missing admin')
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    const created = await adminBrowser.post('/api/centres', {
      name: 'North Centre',
      timeZone: 'Europe/Jersey',
    })
    expectStatus(created, 201)
    const northId = created.json<{ id: string }>().id
    const northCoordinator = await buildUser(t.deps, {
      organisationId: world.organisationId,
      role: 'coordinator',
      centreId: northId,
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(northCoordinator, t.clock)
    const own = await enterReferral(browser, northId)
    const caseReferral = await t.deps.db
      .selectFrom('cases')
      .select('referral_id')
      .where('id', '=', world.caseId)
      .executeTakeFirstOrThrow()
    const before = await rowsAround(world)

    const calls: [string, string, unknown?][] = [
      ['GET', `/api/referrals/${world.referralId}`],
      ['GET', `/api/referrals/${caseReferral.referral_id}`],
      ['POST', '/api/referrals', staffReferralBody(world.centreId)],
      ['POST', `/api/referrals/${world.referralId}/risk-assessments`, RISK_BODY],
      ['POST', `/api/referrals/${world.referralId}/court-orders`, { orderType: 'other' }],
      ['PATCH', `/api/pre-visits/${world.preVisitId}`, { outcome: 'cancelled' }],
      ['PATCH', `/api/parties/${world.partyId}`, { fullName: 'Intruder' }],
      ['GET', `/api/documents/${world.documentId}`],
      ['GET', `/api/cases/${world.caseId}`],
      ['GET', `/api/cases/${world.caseId}/readiness?firstSessionOn=2025-02-03`],
      ['POST', `/api/cases/${world.caseId}/notes`, { body: 'Intruder' }],
      ['POST', `/api/cases/${world.caseId}/close`, { outcome: 'other', reason: 'Taken over' }],
      ['GET', `/api/centres/${world.centreId}/waiting-list`],
      // The other centre's premises, plans and sessions.
      ['GET', `/api/venues/${world.venueId}/openings`],
      [
        'POST',
        `/api/venues/${world.venueId}/openings`,
        { weekday: 2, startsAt: '09:00', endsAt: '12:00', firstOn: '2030-01-01' },
      ],
      ['PATCH', `/api/openings/${world.openingId}`, { archived: true }],
      [
        'POST',
        `/api/centres/${world.centreId}/closures`,
        { firstDay: '2030-01-01', lastDay: '2030-12-31', reason: 'Ours now' },
      ],
      ['DELETE', `/api/closures/${world.closureId}`],
      [
        'POST',
        `/api/venues/${world.rehomeFromVenueId}/rehome`,
        { toVenueId: world.rehomeToVenueId, from: '2030-01-01', rooms: {} },
      ],
      ['GET', `/api/venues/${world.venueId}/calendar?from=2030-01-01&to=2030-01-31`],
      ['GET', `/api/cases/${world.caseId}/schedule`],
      ['GET', `/api/cases/${world.caseId}/slots?from=2030-01-01`],
      ['POST', `/api/cases/${world.caseId}/plans/preview`, oneOff(world, '2031-03-29')],
      ['POST', `/api/cases/${world.caseId}/plans`, oneOff(world, '2031-03-29')],
      [
        'POST',
        `/api/plans/${world.planId}/change`,
        { ...oneOff(world, '2030-01-05'), firstOn: undefined, from: '2030-01-05', reason: 'Ours now' },
      ],
      ['POST', `/api/plans/${world.planId}/end`, { from: '2030-01-01', reason: 'Ours now' }],
      ['GET', `/api/sessions/${world.sessionId}`],
      [
        'POST',
        `/api/sessions/${world.sessionId}/move`,
        { date: '2030-01-13', startsAt: '10:00', version: 1, reason: 'Ours now' },
      ],
      ['POST', `/api/sessions/${world.sessionId}/cancel`, { by: 'centre', reason: 'Ours now' }],
      ['POST', `/api/sessions/${world.pastSessionId}/outcome`, { resident: 'late', nonResident: 'late' }],
    ]
    const answers = []
    for (const [method, url, body] of calls)
      answers.push(`${method} ${url}: ${(await browser.request(method as 'GET', url, body)).statusCode}`)
    expect(answers).toEqual(calls.map(([method, url]) => `${method} ${url}: 404`))
    expect(await rowsAround(world)).toEqual(before)
    // The coordinator's calendar feed holds their own centre's sessions, never this one's, which the
    // organisation's admin does see there.
    const feedOf = async (who: TestBrowser) => {
      const feed = await who.post('/api/calendar-feeds', { label: 'Sundays' })
      expectStatus(feed, 201)
      const ics = await who.get(new URL(feed.json<{ url: string }>().url).pathname)
      expectStatus(ics, 200)
      return ics.body
    }
    const reference = await caseReferenceOf(world.caseId)
    expect(await feedOf(adminBrowser)).toContain(reference)
    const north = await feedOf(browser)
    expect(north).toContain('BEGIN:VCALENDAR')
    expect(north).not.toContain(reference)
    expect(north).not.toContain('BEGIN:VEVENT')

    const referrals = (await browser.get('/api/referrals?limit=200')).json<{
      referrals: ReferralSummary[]
      total: number
    }>()
    expect(referrals.referrals.map((r) => r.id)).toEqual([own.id])
    expect(referrals.total).toBe(1)
    const filtered = (await browser.get(`/api/referrals?centreId=${world.centreId}`)).json<{
      total: number
    }>()
    expect(filtered.total).toBe(0)
    const csv = (await browser.get('/api/referrals/export.csv')).body
    expect(csv).toContain(own.reference)
    expect(csv).not.toContain(await referenceOf(world.referralId))
    const cases = (await browser.get('/api/cases?limit=200')).json<{ cases: CaseSummary[]; total: number }>()
    expect(cases).toEqual({ cases: [], total: 0 })
    const filteredCases = (await browser.get(`/api/cases?centreId=${world.centreId}`)).json<{
      total: number
    }>()
    expect(filteredCases.total).toBe(0)
    // The same lists at the admin's desk do hold the other centre's records: the filter is the coordinator's.
    const adminCases = (await adminBrowser.get('/api/cases?limit=200')).json<{ cases: CaseSummary[] }>()
    expect(adminCases.cases.map((c) => c.id)).toContain(world.caseId)
  })

  it('shows a referrer the referrals they made, and no one else’s (AZ-1, referrer own / other)', async () => {
    const referrer = users.get('referrer')
    if (!referrer) throw new Error('missing referrer')
    const otherReferrer = await buildUser(t.deps, { organisationId: world.organisationId, role: 'referrer' })
    const otherBrowser = new TestBrowser(t.app)
    await otherBrowser.signIn(otherReferrer, t.clock)
    const theirs = await enterReferral(otherBrowser, world.centreId)
    const browser = new TestBrowser(t.app)
    await browser.signIn(referrer, t.clock)
    const ownIds = (
      await t.deps.db
        .selectFrom('referrals')
        .select('id')
        .where('referrer_user_id', '=', referrer.userId)
        .execute()
    ).map((r) => r.id)
    expect(ownIds).toContain(world.referralId)

    const calls: [string, string, unknown?][] = [
      ['GET', `/api/referrals/${theirs.id}`],
      ['POST', `/api/referrals/${theirs.id}/court-orders`, { orderType: 'other' }],
      [
        'POST',
        `/api/referrals/${theirs.id}/documents`,
        { kind: 'other', title: 'Intruder', contentBase64: PDF_BASE64 },
      ],
    ]
    const answers = []
    for (const [method, url, body] of calls)
      answers.push(`${method} ${url}: ${(await browser.request(method as 'GET', url, body)).statusCode}`)
    expect(answers).toEqual(calls.map(([method, url]) => `${method} ${url}: 404`))
    const [orders, documents] = await Promise.all([
      t.deps.db.selectFrom('court_orders').select('id').where('referral_id', '=', theirs.id).execute(),
      t.deps.db.selectFrom('documents').select('id').where('referral_id', '=', theirs.id).execute(),
    ])
    expect({ orders, documents }).toEqual({ orders: [], documents: [] })

    const list = (await browser.get('/api/referrals?limit=200')).json<{
      referrals: ReferralSummary[]
      total: number
    }>()
    expect(list.referrals.map((r) => r.id).sort()).toEqual([...ownIds].sort())
    expect(list.total).toBe(ownIds.length)
    const searched = (await browser.get(`/api/referrals?q=${theirs.reference}`)).json<{ total: number }>()
    expect(searched.total).toBe(0)
    const csv = (await browser.get('/api/referrals/export.csv')).body
    expect(csv).toContain(await referenceOf(world.referralId))
    expect(csv).not.toContain(theirs.reference)
    expect(csv.trim().split('\n')).toHaveLength(ownIds.length + 1)
  })
})
