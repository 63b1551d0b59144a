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
import { nextWeekday, todayIn } from '../../tests/support/scheduling-checks'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'
import { enrol, enrolWorld, EVERY_WEEKEND } from '../../tests/support/volunteers'
import { plusDays } from '../domain/scheduling/schedule.rules'
import type { RecordView } from '../domain/volunteers/volunteers.schemas'

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
  /**
   * Volunteers: the matrix's volunteer on the centre's team (in the foreign world, one of its own),
   * and a colleague with a sign-in of their own.
   */
  volunteerId: string
  volunteerUserId: string
  colleagueId: string
  colleague: BuiltUser
  /** A coordinator who is no caller of the matrix: sets up what the samples act on. */
  rotaDesk: BuiltUser
  /** The volunteer's DBS record, an optional course, a policy no one must read, their dates away. */
  recordId: string
  requirementId: string
  policyId: string
  exceptionId: string
  /** The volunteer on the floor of a Saturday shift, a swap of it to the colleague waiting, hours waiting. */
  shiftKey: string
  assignmentId: string
  swapId: string
  hoursId: string
  /** The session day of a case of its own: see buildDoor. */
  door: Door
}

/**
 * A case opened from a referral the matrix's referrer made (the admin's in the foreign world), with a
 * supported and a supervised session on a Saturday already past when the volunteer was on the rota:
 * a refusal at the door recorded, the volunteer's observation record submitted for checking.
 */
interface Door {
  caseId: string
  referralId: string
  childPartyId: string
  adultPartyId: string
  day: string
  sessionId: string
  supervisedId: string
  eventId: string
  observationId: string
  /** An incident at the door, a suspension of the case already lifted, an attendance report released. */
  incidentId: string
  suspensionId: string
  releaseId: string
  /** The volunteer's sign-in (the volunteer of the foreign world there), to write records as them. */
  volunteer: BuiltUser
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

const TIME_ZONE = 'Europe/Jersey'
/** The centres' date today, and days from it. */
const day = (days = 0): string => plusDays(todayIn(t, TIME_ZONE), days)

/** Callers the volunteers' own routes let in: the desk and the volunteer. */
const teamCaller = (c: SampleContext): boolean => isDeskCaller(c) || c.caller === 'volunteer'

let rotaSaturdays = 0
/** A Saturday shift no sample has used yet (a week apart from the next week on): its key. */
function freshShiftKey(world: Pick<World, 'openingId'>): string {
  rotaSaturdays += 1
  return `opening:${world.openingId}:${nextWeekday(day(7 * rotaSaturdays), 6)}`
}

async function signedIn(user: BuiltUser): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(user, t.clock)
  return browser
}

/** The world's volunteer on the floor of a fresh Saturday shift, placed by the world's rota desk. */
async function freshAssignment(world: World): Promise<string> {
  const desk = await signedIn(world.rotaDesk)
  const placed = await desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
    shiftKey: freshShiftKey(world),
    duty: 'floor',
    volunteerId: world.volunteerId,
    override: true,
  })
  expectStatus(placed, 201)
  return placed.json<{ id: string }>().id
}

/** A swap of a fresh shift of the world's volunteer to the colleague, waiting for a decision. */
async function freshSwap(world: World): Promise<string> {
  const desk = await signedIn(world.rotaDesk)
  const asked = await desk.post(`/api/rota-assignments/${await freshAssignment(world)}/swap`, {
    toVolunteerId: world.colleagueId,
  })
  expectStatus(asked, 201)
  return asked.json<{ id: string }>().id
}

/** Hours the colleague logged, waiting for a decision. */
async function freshHours(world: World): Promise<string> {
  const colleague = await signedIn(world.colleague)
  const logged = await colleague.post('/api/volunteer-hours', {
    kind: 'training',
    onDate: day(-1),
    minutes: 90,
  })
  expectStatus(logged, 201)
  return logged.json<{ id: string }>().id
}

/** Dates away of the world's volunteer, added by this caller: each removes one of its own. */
async function ownException(c: SampleContext): Promise<string> {
  const added = await c.browser.post(`/api/volunteers/${c.world.volunteerId}/availability/exceptions`, {
    firstDay: '2031-03-01',
    lastDay: '2031-03-02',
  })
  expectStatus(added, 201)
  return added.json<{ id: string }>().id
}

async function volunteerVersion(c: SampleContext): Promise<number> {
  if (!isDeskCaller(c)) return 1
  return (await c.browser.get(`/api/volunteers/${c.world.volunteerId}`)).json<{ version: number }>().version
}

/** The version of a policy in force now (the publishing sample adds versions). */
async function currentPolicyVersion(policyId: string): Promise<string> {
  const row = await t.deps.db
    .selectFrom('policy_versions')
    .select('id')
    .where('policy_id', '=', policyId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}

/** An observation record's sections, each one the record must have before it is submitted. */
const OBSERVED = {
  arrival: 'Arrived on time with the child.',
  greeting: 'A warm hello; the child smiled.',
  play: 'They built a garage together.',
  childResponses: 'The child laughed often.',
  ending: 'A calm goodbye at the end.',
}

let doorSaturdays = 0
/** A Saturday already past (2025-07-12 on, a week apart) that no session-day sample has used yet. */
function freshDoorDay(): string {
  doorSaturdays += 1
  return plusDays('2025-07-05', 7 * doorSaturdays)
}

/** A one-off of the door case on a fresh past Saturday, with the world's volunteer on that day's rota. */
async function freshDoorSession(w: World, serviceType: 'supported' | 'supervised'): Promise<string> {
  const desk = await signedIn(w.rotaDesk)
  const date = freshDoorDay()
  const id = await bookDoorSession(desk, w, date, serviceType)
  await putOnRota(desk, w, date)
  return id
}

type DoorPlace = Pick<
  World,
  'organisationId' | 'centreId' | 'venueId' | 'roomId' | 'openingId' | 'volunteerId'
>

/** A one-off of the door case on a day (supervised ones in the afternoon). */
async function bookDoorSession(
  desk: TestBrowser,
  w: DoorPlace & { door: Pick<Door, 'caseId'> },
  date: string,
  serviceType: 'supported' | 'supervised',
): Promise<string> {
  await signCurrentRules(desk, { organisationId: w.organisationId, caseId: w.door.caseId })
  const times = serviceType === 'supervised' ? { startsAt: '13:00', durationMinutes: 60 } : {}
  const booked = await desk.post(
    `/api/cases/${w.door.caseId}/plans`,
    oneOff(w, date, { serviceType, ...times }),
  )
  expectStatus(booked, 201)
  const id = booked.json<{ sessions: { id: string }[] }>().sessions[0]?.id
  if (!id) throw new Error('no session booked')
  return id
}

/** The world's volunteer on the floor of a day's Saturday shift. */
async function putOnRota(desk: TestBrowser, w: DoorPlace, date: string): Promise<void> {
  const placed = await desk.post(`/api/centres/${w.centreId}/rota/assignments`, {
    shiftKey: `opening:${w.openingId}:${date}`,
    duty: 'floor',
    volunteerId: w.volunteerId,
    override: true,
  })
  expectStatus(placed, 201)
}

/** A record of a fresh supervised session, written and submitted by the world's volunteer. */
async function submittedByVolunteer(w: World): Promise<string> {
  const sessionId = await freshDoorSession(w, 'supervised')
  return writeAndSubmit(await signedIn(w.door.volunteer), sessionId)
}

async function writeAndSubmit(author: TestBrowser, sessionId: string): Promise<string> {
  const saved = await author.put(`/api/sessions/${sessionId}/observation`, { version: 0, sections: OBSERVED })
  expectStatus(saved, 200)
  const id = saved.json<{ id: string }>().id
  expectStatus(await author.post(`/api/observations/${id}/submit`, { version: 1 }), 200)
  return id
}

async function sessionVersion(sessionId: string): Promise<number> {
  const row = await t.deps.db
    .selectFrom('sessions')
    .select('version')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  return row.version
}

/** An incident reported from the door's session (the desk, or the volunteer on duty that day). */
const incidentAt = (door: Pick<Door, 'caseId' | 'sessionId'>) => ({
  caseId: door.caseId,
  sessionId: door.sessionId,
  category: 'rule_breach',
  severity: 'low',
  whatHappened: 'Raised voice in the waiting area; calmed when asked.',
  actions: ['verbal_warning_given'],
})

const LIFT = { note: 'The parent signed the ground rules again' }

/** The door case's sessions suspended from a day still ahead (none are: nothing moves). */
async function suspendDoorCase(desk: TestBrowser, caseId: string): Promise<string> {
  const made = await desk.post(`/api/cases/${caseId}/suspensions`, {
    from: '2031-01-04',
    conditions: 'Sign the ground rules again',
  })
  expectStatus(made, 201)
  return made.json<{ id: string }>().id
}

/** The door case's suspension in force, if there is one. */
async function activeSuspension(caseId: string): Promise<string | undefined> {
  const row = await t.deps.db
    .selectFrom('suspensions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return row?.id
}

/** An attendance report of the door's Saturdays for the referrer of a referral. */
const reportOf = (referralId: string) => ({
  kind: 'attendance',
  from: '2025-07-01',
  to: '2025-12-31',
  referralId,
})

/** Every call on one world's door records, for callers to whom that world is a stranger (404 each). */
function doorCalls(w: World, words: string): [string, string, unknown?][] {
  const door = w.door
  return [
    [
      'POST',
      `/api/sessions/${door.sessionId}/attendance`,
      {
        clientId: crypto.randomUUID(),
        kind: 'refused_entry',
        side: 'resident',
        visitorName: words,
        at: onDoorDay(w, '10:00'),
      },
    ],
    ['POST', `/api/attendance-events/${door.eventId}/void`, {}],
    [
      'POST',
      `/api/sessions/${door.sessionId}/end-early`,
      { reason: words, at: onDoorDay(w, '10:30'), version: 1 },
    ],
    ['PUT', `/api/sessions/${door.sessionId}/attendance-note`, { note: words, version: 1 }],
    [
      'POST',
      `/api/sessions/${door.sessionId}/feedback`,
      { form: 'child', partyId: door.childPartyId, answers: { today: 1 } },
    ],
    ['GET', `/api/observations/${door.observationId}`],
    ['GET', `/api/sessions/${door.supervisedId}/observation`],
    ['PUT', `/api/sessions/${door.supervisedId}/observation`, { version: 2, sections: { arrival: words } }],
    ['POST', `/api/observations/${door.observationId}/submit`, { version: 2 }],
    ['POST', `/api/observations/${door.observationId}/return`, { version: 2, note: words }],
    ['POST', `/api/observations/${door.observationId}/release`, { version: 2 }],
    ['POST', '/api/incidents', incidentAt(door)],
    ['POST', '/api/incidents', { ...incidentAt(door), sessionId: null }],
    ['GET', `/api/incidents/${door.incidentId}`],
    ['POST', `/api/incidents/${door.incidentId}/review`, { status: 'closed', note: words }],
    ['POST', `/api/incidents/${door.incidentId}/notify-referrer`, {}],
    ['GET', `/api/cases/${door.caseId}/conduct`],
    [
      'POST',
      `/api/cases/${door.caseId}/warnings`,
      { partyId: door.adultPartyId, level: 'written_warning', reason: words },
    ],
    ['POST', `/api/cases/${door.caseId}/suspensions`, { from: '2031-01-04', conditions: words }],
    ['POST', `/api/suspensions/${door.suspensionId}/lift`, LIFT],
    ['GET', `/api/cases/${door.caseId}/report-recipients`],
    ['POST', `/api/cases/${door.caseId}/reports/preview`, reportOf(door.referralId)],
    [
      'GET',
      `/api/cases/${door.caseId}/reports/preview.pdf?${new URLSearchParams(reportOf(door.referralId)).toString()}`,
    ],
    ['POST', `/api/cases/${door.caseId}/reports`, reportOf(door.referralId)],
    ['GET', `/api/cases/${door.caseId}/reports`],
    ['GET', `/api/report-releases/${door.releaseId}/pdf`],
  ]
}

/** A time on the door's day: the refusals, endings and taps the samples record happen then. */
const onDoorDay = (w: World, time: string): string => `${w.door.day}T${time}:00Z`

/** Each statistics report with a query it answers, for the samples and the foreign-centre calls. */
const STATISTICS_REPORTS: [string, string][] = [
  ['caseload', 'on=2026-11-26'],
  ['quarterly-return', 'quarter=2026-Q3'],
  ['service', 'from=2026-01-01&to=2026-03-31&audience=trustees'],
  ['dashboard', 'from=2026-01-01&to=2026-03-31'],
]

/** Every statistics route: a report's JSON, CSV and PDF. */
const statisticsRoutes = (query: (report: string) => string): [string, string][] =>
  STATISTICS_REPORTS.flatMap(([report]) =>
    ['', '.csv', '.pdf'].map((format): [string, string] => [
      `/api/reports/${report}${format}`,
      `/api/reports/${report}${format}?${query(report)}`,
    ]),
  )

const statisticsQuery = (report: string): string =>
  STATISTICS_REPORTS.find(([name]) => name === report)?.[1] ?? ''

function statisticsSamples(): [string, Sample][] {
  return statisticsRoutes(statisticsQuery).map(([route, url]) => [
    `GET ${route}`,
    { ok: 200, call: () => ({ url }) },
  ])
}

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
  // Volunteers: settings, the pipeline, requirements and records, policies, availability, the rota,
  // swaps, hours, staffing at a glance, the volunteer's own page and the compliance reminders.
  ['GET /api/volunteering-settings', { ok: 200, call: () => ({ url: '/api/volunteering-settings' }) }],
  [
    'PATCH /api/volunteering-settings',
    { ok: 200, call: () => ({ url: '/api/volunteering-settings', body: { targetHeadcount: 20 } }) },
  ],
  ['GET /api/volunteers', { ok: 200, call: () => ({ url: '/api/volunteers' }) }],
  [
    'GET /api/volunteers/board',
    { ok: 200, call: (c) => ({ url: `/api/volunteers/board?centreId=${c.world.centreId}` }) },
  ],
  [
    'POST /api/volunteers',
    {
      ok: 201,
      call: (c) => ({
        url: '/api/volunteers',
        body: { centreId: c.world.centreId, fullName: 'New Volunteer' },
      }),
    },
  ],
  [
    'GET /api/volunteers/:volunteerId',
    { ok: 200, call: (c) => ({ url: `/api/volunteers/${c.world.volunteerId}` }) },
  ],
  [
    // Each desk caller edits at the version it has just read.
    'PATCH /api/volunteers/:volunteerId',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/volunteers/${c.world.volunteerId}`,
        body: { version: await volunteerVersion(c), notes: 'Checked by the matrix' },
      }),
    },
  ],
  [
    // An invitation goes once: each desk caller invites an enquirer of its own.
    'POST /api/volunteers/:volunteerId/sign-in',
    {
      ok: 201,
      call: async (c) => {
        if (!isDeskCaller(c)) return { url: `/api/volunteers/${c.world.volunteerId}/sign-in`, body: {} }
        const made = await c.browser.post('/api/volunteers', {
          centreId: c.world.centreId,
          fullName: 'Invited Person',
          email: `invited-${randomBytes(4).toString('hex')}@example.org`,
        })
        expectStatus(made, 201)
        return { url: `/api/volunteers/${made.json<{ id: string }>().id}/sign-in`, body: {} }
      },
    },
  ],
  [
    // A stage moves once: each desk caller moves an enquiry of its own.
    'POST /api/volunteers/:volunteerId/stage',
    {
      ok: 200,
      call: async (c) => {
        if (!isDeskCaller(c))
          return { url: `/api/volunteers/${c.world.volunteerId}/stage`, body: { version: 1, to: 'left' } }
        const made = await c.browser.post('/api/volunteers', {
          centreId: c.world.centreId,
          fullName: 'Enquiring Person',
        })
        expectStatus(made, 201)
        return {
          url: `/api/volunteers/${made.json<{ id: string }>().id}/stage`,
          body: { version: 1, to: 'role_meeting' },
        }
      },
    },
  ],
  ['GET /api/volunteer-requirements', { ok: 200, call: () => ({ url: '/api/volunteer-requirements' }) }],
  [
    'POST /api/volunteer-requirements',
    {
      ok: 201,
      call: () => ({
        url: '/api/volunteer-requirements',
        body: {
          code: `matrix_${randomBytes(3).toString('hex')}`,
          title: 'Matrix course',
          kind: 'training',
          mandatory: false,
        },
      }),
    },
  ],
  [
    'PATCH /api/volunteer-requirements/:requirementId',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/volunteer-requirements/${c.world.requirementId}`,
        body: { title: 'Specialist: whole-family work' },
      }),
    },
  ],
  [
    'GET /api/volunteers/:volunteerId/records',
    { ok: 200, call: (c) => ({ url: `/api/volunteers/${c.world.volunteerId}/records` }) },
  ],
  [
    'POST /api/volunteers/:volunteerId/records',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/volunteers/${c.world.volunteerId}/records`,
        body: { requirementId: c.world.requirementId, completedOn: day(-1) },
      }),
    },
  ],
  [
    'GET /api/volunteer-records/:recordId/dbs',
    { ok: 200, call: (c) => ({ url: `/api/volunteer-records/${c.world.recordId}/dbs` }) },
  ],
  [
    'POST /api/volunteer-records/:recordId/renewal',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/volunteer-records/${c.world.recordId}/renewal`,
        body: { startedOn: day() },
      }),
    },
  ],
  [
    'GET /api/centres/:centreId/compliance',
    { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}/compliance` }) },
  ],
  ['GET /api/policies', { ok: 200, call: () => ({ url: '/api/policies' }) }],
  [
    'POST /api/policies',
    {
      ok: 201,
      call: () => ({ url: '/api/policies', body: { title: 'Matrix policy', mustRead: false, body: 'Text' } }),
    },
  ],
  [
    'POST /api/policies/:policyId/versions',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/policies/${c.world.policyId}/versions`,
        body: { body: 'Revised text', changes: 'Clearer wording' },
      }),
    },
  ],
  ['GET /api/policies/:policyId', { ok: 200, call: (c) => ({ url: `/api/policies/${c.world.policyId}` }) }],
  [
    // The desk may call it, but only a volunteer has anything to acknowledge.
    'POST /api/policies/:policyId/acknowledge',
    {
      ok: 200,
      byCaller: { admin: 404, coordinator: 404 },
      call: async (c) => ({
        url: `/api/policies/${c.world.policyId}/acknowledge`,
        body: { versionId: await currentPolicyVersion(c.world.policyId) },
      }),
    },
  ],
  [
    'GET /api/volunteers/:volunteerId/availability',
    { ok: 200, call: (c) => ({ url: `/api/volunteers/${c.world.volunteerId}/availability` }) },
  ],
  [
    'PUT /api/volunteers/:volunteerId/availability',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/volunteers/${c.world.volunteerId}/availability`,
        body: { weekly: EVERY_WEEKEND },
      }),
    },
  ],
  [
    'POST /api/volunteers/:volunteerId/availability/exceptions',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/volunteers/${c.world.volunteerId}/availability/exceptions`,
        body: { firstDay: '2031-02-01', lastDay: '2031-02-02', note: 'Away' },
      }),
    },
  ],
  [
    'DELETE /api/availability-exceptions/:exceptionId',
    {
      ok: 204,
      call: async (c) => ({
        url: `/api/availability-exceptions/${teamCaller(c) ? await ownException(c) : c.world.exceptionId}`,
      }),
    },
  ],
  [
    'GET /api/centres/:centreId/rota',
    { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}/rota?from=${day()}&to=${day(13)}` }) },
  ],
  [
    'GET /api/centres/:centreId/rota/candidates',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/centres/${c.world.centreId}/rota/candidates?shiftKey=${encodeURIComponent(c.world.shiftKey)}&duty=team_leader`,
      }),
    },
  ],
  [
    // Each desk caller places the volunteer on a Saturday of its own.
    'POST /api/centres/:centreId/rota/assignments',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/centres/${c.world.centreId}/rota/assignments`,
        body: {
          shiftKey: isDeskCaller(c) ? freshShiftKey(c.world) : c.world.shiftKey,
          duty: 'floor',
          volunteerId: c.world.volunteerId,
          override: true,
        },
      }),
    },
  ],
  [
    'DELETE /api/rota-assignments/:assignmentId',
    {
      ok: 204,
      call: async (c) => ({
        url: `/api/rota-assignments/${isDeskCaller(c) ? await freshAssignment(c.world) : c.world.assignmentId}`,
      }),
    },
  ],
  [
    'POST /api/centres/:centreId/rota/suggest',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/centres/${c.world.centreId}/rota/suggest`,
        body: { from: day(), to: day(6), apply: false },
      }),
    },
  ],
  [
    'PUT /api/openings/:openingId/staffing',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/openings/${c.world.openingId}/staffing`,
        body: { staffing: { teamLeaders: 1, floor: 1, reception: 0 } },
      }),
    },
  ],
  [
    // One swap waits per shift: each caller who may ask asks for a fresh shift of the volunteer's.
    'POST /api/rota-assignments/:assignmentId/swap',
    {
      ok: 201,
      call: async (c) => ({
        url: `/api/rota-assignments/${teamCaller(c) ? await freshAssignment(c.world) : c.world.assignmentId}/swap`,
        body: { toVolunteerId: c.world.colleagueId, note: 'A family wedding' },
      }),
    },
  ],
  [
    'POST /api/rota-swaps/:swapId/decision',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/rota-swaps/${isDeskCaller(c) ? await freshSwap(c.world) : c.world.swapId}/decision`,
        body: { approve: false, note: 'We need you that day' },
      }),
    },
  ],
  [
    'GET /api/volunteer-hours',
    { ok: 200, call: () => ({ url: `/api/volunteer-hours?from=${day(-30)}&to=${day()}` }) },
  ],
  [
    'POST /api/volunteer-hours',
    {
      ok: 201,
      call: (c) => ({
        url: '/api/volunteer-hours',
        body: { volunteerId: c.world.volunteerId, kind: 'training', onDate: day(-1), minutes: 60 },
      }),
    },
  ],
  [
    'POST /api/volunteer-hours/:hoursId/decision',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/volunteer-hours/${isDeskCaller(c) ? await freshHours(c.world) : c.world.hoursId}/decision`,
        body: { approve: true },
      }),
    },
  ],
  [
    'GET /api/volunteer-hours/totals',
    { ok: 200, call: () => ({ url: `/api/volunteer-hours/totals?from=${day(-30)}&to=${day()}` }) },
  ],
  [
    'POST /api/centres/:centreId/rota/log-hours',
    {
      ok: 200,
      call: (c) => ({ url: `/api/centres/${c.world.centreId}/rota/log-hours`, body: { onDate: day(-1) } }),
    },
  ],
  [
    'GET /api/centres/:centreId/staffing',
    { ok: 200, call: (c) => ({ url: `/api/centres/${c.world.centreId}/staffing` }) },
  ],
  // The desk may call it, but has no volunteer's page of its own.
  [
    'GET /api/my/volunteering',
    { ok: 200, byCaller: { admin: 404, coordinator: 404 }, call: () => ({ url: '/api/my/volunteering' }) },
  ],
  ['POST /api/volunteering/alerts', { ok: 200, call: () => ({ url: '/api/volunteering/alerts' }) }],
  // The session day: the door of a day already past on which the volunteer was on the rota.
  [
    'GET /api/today',
    {
      ok: 200,
      call: (c) => ({ url: `/api/today?centreId=${c.world.centreId}&date=${c.world.door.day}` }),
    },
  ],
  [
    // Someone not on the list turned away: a line of its own for each caller.
    'POST /api/sessions/:sessionId/attendance',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/sessions/${c.world.door.sessionId}/attendance`,
        body: {
          clientId: crypto.randomUUID(),
          kind: 'refused_entry',
          side: 'non_resident',
          visitorName: `Turned away by ${c.caller}`,
          at: onDoorDay(c.world, '09:55'),
        },
      }),
    },
  ],
  [
    'POST /api/attendance-events/:eventId/void',
    { ok: 200, call: (c) => ({ url: `/api/attendance-events/${c.world.door.eventId}/void` }) },
  ],
  [
    'POST /api/sessions/:sessionId/end-early',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/sessions/${c.world.door.sessionId}/end-early`,
        body: {
          reason: 'The child was unwell',
          at: onDoorDay(c.world, '10:30'),
          version: await sessionVersion(c.world.door.sessionId),
        },
      }),
    },
  ],
  [
    'PUT /api/sessions/:sessionId/attendance-note',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/sessions/${c.world.door.sessionId}/attendance-note`,
        body: { note: 'Came by bus', version: await sessionVersion(c.world.door.sessionId) },
      }),
    },
  ],
  ['GET /api/session-day-settings', { ok: 200, call: () => ({ url: '/api/session-day-settings' }) }],
  [
    'PATCH /api/session-day-settings',
    { ok: 200, call: () => ({ url: '/api/session-day-settings', body: { lateAfterMinutes: 10 } }) },
  ],
  [
    // The child's faces form, once per session: each caller at the door has a session of its own. The
    // matrix's parent has no family, so no session is theirs to answer for.
    'POST /api/sessions/:sessionId/feedback',
    {
      ok: 201,
      byCaller: { parent: 404 },
      call: async (c) => {
        if (c.caller === 'parent')
          return {
            url: `/api/sessions/${c.world.door.sessionId}/feedback`,
            body: { form: 'parent', answers: { welcome: 5, safe: 5, childEnjoyed: 4, staffHelpful: 5 } },
          }
        const sessionId = teamCaller(c)
          ? await freshDoorSession(c.world, 'supported')
          : c.world.door.sessionId
        return {
          url: `/api/sessions/${sessionId}/feedback`,
          body: { form: 'child', partyId: c.world.door.childPartyId, answers: { today: 5 } },
        }
      },
    },
  ],
  ['GET /api/my/feedback', { ok: 200, call: () => ({ url: '/api/my/feedback' }) }],
  [
    'GET /api/feedback/summary',
    { ok: 200, call: () => ({ url: '/api/feedback/summary?from=2025-01-01&to=2025-12-31' }) },
  ],
  ['GET /api/observations', { ok: 200, call: () => ({ url: '/api/observations' }) }],
  [
    // The volunteer wrote it.
    'GET /api/observations/:observationId',
    { ok: 200, call: (c) => ({ url: `/api/observations/${c.world.door.observationId}` }) },
  ],
  [
    'GET /api/sessions/:sessionId/observation',
    { ok: 200, call: (c) => ({ url: `/api/sessions/${c.world.door.supervisedId}/observation` }) },
  ],
  [
    // Version 0 starts a record and makes the caller its author: each a supervised session of its own.
    'PUT /api/sessions/:sessionId/observation',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/sessions/${teamCaller(c) ? await freshDoorSession(c.world, 'supervised') : c.world.door.supervisedId}/observation`,
        body: { version: 0, sections: { arrival: 'On time' } },
      }),
    },
  ],
  [
    'POST /api/observations/:observationId/submit',
    {
      ok: 200,
      call: async (c) => {
        if (!teamCaller(c))
          return { url: `/api/observations/${c.world.door.observationId}/submit`, body: { version: 2 } }
        const sessionId = await freshDoorSession(c.world, 'supervised')
        const saved = await c.browser.put(`/api/sessions/${sessionId}/observation`, {
          version: 0,
          sections: OBSERVED,
        })
        expectStatus(saved, 200)
        return { url: `/api/observations/${saved.json<{ id: string }>().id}/submit`, body: { version: 1 } }
      },
    },
  ],
  [
    // Someone other than the author checks it: each desk caller a record the volunteer submitted.
    'POST /api/observations/:observationId/return',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/observations/${isDeskCaller(c) ? await submittedByVolunteer(c.world) : c.world.door.observationId}/return`,
        body: { version: 2, note: 'Say more about the ending' },
      }),
    },
  ],
  [
    'POST /api/observations/:observationId/release',
    {
      ok: 200,
      call: async (c) => ({
        url: `/api/observations/${isDeskCaller(c) ? await submittedByVolunteer(c.world) : c.world.door.observationId}/release`,
        body: { version: 2 },
      }),
    },
  ],
  // Incidents, warnings and suspensions of the door case.
  [
    'POST /api/incidents',
    { ok: 201, call: (c) => ({ url: '/api/incidents', body: incidentAt(c.world.door) }) },
  ],
  ['GET /api/incidents', { ok: 200, call: () => ({ url: '/api/incidents' }) }],
  [
    'POST /api/incidents/referrer-notices',
    { ok: 200, call: () => ({ url: '/api/incidents/referrer-notices' }) },
  ],
  [
    'GET /api/incidents/:incidentId',
    { ok: 200, call: (c) => ({ url: `/api/incidents/${c.world.door.incidentId}` }) },
  ],
  [
    'POST /api/incidents/:incidentId/review',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/incidents/${c.world.door.incidentId}/review`,
        body: { status: 'reviewed', note: 'A word with the parent; no further action' },
      }),
    },
  ],
  [
    // The notice goes once: each desk caller an incident of its own.
    'POST /api/incidents/:incidentId/notify-referrer',
    {
      ok: 200,
      call: async (c) => {
        if (!isDeskCaller(c)) return { url: `/api/incidents/${c.world.door.incidentId}/notify-referrer` }
        const reported = await c.browser.post('/api/incidents', incidentAt(c.world.door))
        expectStatus(reported, 201)
        return { url: `/api/incidents/${reported.json<{ id: string }>().id}/notify-referrer` }
      },
    },
  ],
  [
    'GET /api/cases/:caseId/conduct',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.door.caseId}/conduct` }) },
  ],
  [
    'POST /api/cases/:caseId/warnings',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/cases/${c.world.door.caseId}/warnings`,
        body: {
          partyId: c.world.door.adultPartyId,
          level: 'verbal_warning',
          reason: 'Raised voice',
          incidentId: c.world.door.incidentId,
        },
      }),
    },
  ],
  [
    // One suspension at a time: a desk caller lifts the one in force first.
    'POST /api/cases/:caseId/suspensions',
    {
      ok: 201,
      call: async (c) => {
        const active = isDeskCaller(c) ? await activeSuspension(c.world.door.caseId) : undefined
        if (active) expectStatus(await c.browser.post(`/api/suspensions/${active}/lift`, LIFT), 200)
        return {
          url: `/api/cases/${c.world.door.caseId}/suspensions`,
          body: { from: '2031-01-04', conditions: 'Sign the ground rules again' },
        }
      },
    },
  ],
  [
    'POST /api/suspensions/:suspensionId/lift',
    {
      ok: 200,
      call: async (c) => {
        if (!isDeskCaller(c)) return { url: `/api/suspensions/${c.world.door.suspensionId}/lift`, body: LIFT }
        const active =
          (await activeSuspension(c.world.door.caseId)) ??
          (await suspendDoorCase(c.browser, c.world.door.caseId))
        return { url: `/api/suspensions/${active}/lift`, body: LIFT }
      },
    },
  ],
  // Reports to referrers: the door case's attendance, released to the referrer who made its referral.
  [
    'GET /api/cases/:caseId/report-recipients',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.door.caseId}/report-recipients` }) },
  ],
  [
    'POST /api/cases/:caseId/reports/preview',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/cases/${c.world.door.caseId}/reports/preview`,
        body: reportOf(c.world.door.referralId),
      }),
    },
  ],
  [
    'GET /api/cases/:caseId/reports/preview.pdf',
    {
      ok: 200,
      call: (c) => ({
        url: `/api/cases/${c.world.door.caseId}/reports/preview.pdf?${new URLSearchParams(reportOf(c.world.door.referralId)).toString()}`,
      }),
    },
  ],
  [
    'POST /api/cases/:caseId/reports',
    {
      ok: 201,
      call: (c) => ({
        url: `/api/cases/${c.world.door.caseId}/reports`,
        body: reportOf(c.world.door.referralId),
      }),
    },
  ],
  [
    'GET /api/cases/:caseId/reports',
    { ok: 200, call: (c) => ({ url: `/api/cases/${c.world.door.caseId}/reports` }) },
  ],
  ['GET /api/report-releases', { ok: 200, call: () => ({ url: '/api/report-releases' }) }],
  [
    // The matrix's referrer is the report's recipient.
    'GET /api/report-releases/:releaseId/pdf',
    { ok: 200, call: (c) => ({ url: `/api/report-releases/${c.world.door.releaseId}/pdf` }) },
  ],
  // Statistics and returns: counts for the desk, as JSON, CSV and PDF.
  ...statisticsSamples(),
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
    volunteering: await sql<Record<string, unknown>>`select v.*,
        (select count(*) from volunteer_records r where r.volunteer_id = v.id) as records,
        (select count(*) from availability_exceptions e where e.volunteer_id = v.id) as exceptions,
        (select count(*) from volunteer_hours h where h.volunteer_id = v.id) as hours
      from volunteers v where v.centre_id = ${w.centreId} order by v.id`.execute(db),
    rota: await db
      .selectFrom('rota_assignments')
      .selectAll()
      .where('centre_id', '=', w.centreId)
      .orderBy('id')
      .execute(),
    swaps: await db
      .selectFrom('rota_swaps')
      .selectAll()
      .where('centre_id', '=', w.centreId)
      .orderBy('id')
      .execute(),
    hours: await db
      .selectFrom('volunteer_hours')
      .selectAll()
      .where('centre_id', '=', w.centreId)
      .orderBy('id')
      .execute(),
    renewals: await db
      .selectFrom('volunteer_records')
      .select(['id', 'renewal_started_on'])
      .where('id', '=', w.recordId)
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
  volunteer: BuiltUser,
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
  const volunteering = await buildVolunteering(browser, {
    organisationId,
    centreId,
    openingId: scheduling.openingId,
    volunteer,
  })
  const door = await buildDoor(
    browser,
    {
      organisationId,
      centreId,
      venueId: venue.id,
      roomId: room.id,
      openingId: scheduling.openingId,
      volunteerId: volunteering.volunteerId,
    },
    volunteer,
    referrer,
  )
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
    ...volunteering,
    door,
  }
}

/**
 * The door's case and its day (2025-07-05) with the volunteer on the rota: a refusal at the door, a
 * child's feedback, a record to check, an incident with a warning, a lifted suspension, a report.
 */
async function buildDoor(
  admin: TestBrowser,
  place: DoorPlace,
  volunteer: BuiltUser,
  referrer?: BuiltUser,
): Promise<Door> {
  const submitter = referrer ? await signedIn(referrer) : admin
  const entered = await enterReferral(submitter, place.centreId)
  const referral = (await admin.get(`/api/referrals/${entered.id}`)).json<ReferralDetail>()
  const assessed = await bringToRiskAssessed(admin, referral)
  const accepted = await admin.post(`/api/referrals/${assessed.id}/decision`, {
    decision: 'accept',
    reason: 'Suitable for supervised contact',
    serviceLevel: 'supervised',
  })
  expectStatus(accepted, 200)
  const caseId = accepted.json<ReferralDetail>().caseId
  if (!caseId) throw new Error('no case opened')
  const file = (await admin.get(`/api/cases/${caseId}`)).json<CaseDetail>()
  const child = file.parties.find((p) => p.kind === 'child')
  const adult = file.parties.find((p) => p.role === 'resident_parent')
  if (!child || !adult) throw new Error('door case without parties')
  const day = '2025-07-05'
  const sessionId = await bookDoorSession(admin, { ...place, door: { caseId } }, day, 'supported')
  const supervisedId = await bookDoorSession(admin, { ...place, door: { caseId } }, day, 'supervised')
  await putOnRota(admin, place, day)
  const refused = await admin.post(`/api/sessions/${sessionId}/attendance`, {
    clientId: crypto.randomUUID(),
    kind: 'refused_entry',
    side: 'resident',
    visitorName: 'Uninvited Uncle',
    at: `${day}T09:50:00Z`,
  })
  expectStatus(refused, 201)
  const incident = await admin.post('/api/incidents', incidentAt({ caseId, sessionId }))
  expectStatus(incident, 201)
  const warned = await admin.post(`/api/cases/${caseId}/warnings`, {
    partyId: adult.id,
    level: 'verbal_warning',
    reason: 'Raised voice',
    incidentId: incident.json<{ id: string }>().id,
  })
  expectStatus(warned, 201)
  const answered = await admin.post(`/api/sessions/${sessionId}/feedback`, {
    form: 'child',
    partyId: child.id,
    answers: { today: 4 },
  })
  expectStatus(answered, 201)
  const suspensionId = await suspendDoorCase(admin, caseId)
  expectStatus(await admin.post(`/api/suspensions/${suspensionId}/lift`, LIFT), 200)
  const released = await admin.post(`/api/cases/${caseId}/reports`, reportOf(entered.id))
  expectStatus(released, 201)
  return {
    caseId,
    referralId: entered.id,
    childPartyId: child.id,
    adultPartyId: adult.id,
    day,
    sessionId,
    supervisedId,
    eventId: refused.json<{ event: { id: string } }>().event.id,
    observationId: await writeAndSubmit(await signedIn(volunteer), supervisedId),
    incidentId: incident.json<{ id: string }>().id,
    suspensionId,
    releaseId: released.json<{ id: string }>().id,
    volunteer,
  }
}

/**
 * The centre's volunteers, made through the API: the given sign-in's volunteer, enrolled and active
 * with a DBS record; a colleague whose DBS check runs out within the reminder window (the reminders
 * have run once); a policy no one must read; dates away; the volunteer on a Saturday's floor with a
 * swap to the colleague waiting; hours the colleague logged, waiting.
 */
async function buildVolunteering(
  admin: TestBrowser,
  w: Pick<World, 'organisationId' | 'centreId' | 'openingId'> & { volunteer: BuiltUser },
) {
  const rotaDesk = await buildUser(t.deps, { organisationId: w.organisationId, role: 'coordinator' })
  const place = await enrolWorld(t, await signedIn(rotaDesk), { ...w, timeZone: TIME_ZONE })
  const mine = await enrol(place, { name: 'Vera Volunteer', user: w.volunteer })
  const colleagueUser = await buildUser(t.deps, { organisationId: w.organisationId, role: 'volunteer' })
  const colleague = await enrol(place, {
    name: 'Colin Colleague',
    user: colleagueUser,
    dbsExpiresOn: day(40),
  })
  const records = (await place.desk.get(`/api/volunteers/${mine.file.id}/records`)).json<{
    records: RecordView[]
  }>().records
  const recordId = records.find((r) => r.requirementId === place.requirement('dbs'))?.id
  if (!recordId) throw new Error('no DBS record')
  const policy = await admin.post('/api/policies', {
    title: 'Volunteer handbook',
    mustRead: false,
    body: 'Read it when you can.',
  })
  expectStatus(policy, 201)
  const exception = await mine.browser.post(`/api/volunteers/${mine.file.id}/availability/exceptions`, {
    firstDay: '2031-01-04',
    lastDay: '2031-01-05',
  })
  expectStatus(exception, 201)
  const shiftKey = freshShiftKey(w)
  const placed = await place.desk.post(`/api/centres/${w.centreId}/rota/assignments`, {
    shiftKey,
    duty: 'floor',
    volunteerId: mine.file.id,
    override: true,
  })
  expectStatus(placed, 201)
  const assignmentId = placed.json<{ id: string }>().id
  const swap = await mine.browser.post(`/api/rota-assignments/${assignmentId}/swap`, {
    toVolunteerId: colleague.file.id,
  })
  expectStatus(swap, 201)
  const hours = await colleague.browser.post('/api/volunteer-hours', {
    kind: 'training',
    onDate: day(-1),
    minutes: 60,
  })
  expectStatus(hours, 201)
  const alerts = await admin.post('/api/volunteering/alerts')
  expectStatus(alerts, 200)
  expect(alerts.json<{ alerts: number }>().alerts).toBeGreaterThan(0)
  return {
    volunteerId: mine.file.id,
    volunteerUserId: w.volunteer.userId,
    colleagueId: colleague.file.id,
    colleague: colleagueUser,
    rotaDesk,
    recordId,
    requirementId: place.requirement('whole_family'),
    policyId: policy.json<{ id: string }>().id,
    exceptionId: exception.json<{ id: string }>().id,
    shiftKey,
    assignmentId,
    swapId: swap.json<{ id: string }>().id,
    hoursId: hours.json<{ id: string }>().id,
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
  const volunteer = users.get('volunteer')
  if (!volunteer) throw new Error('no volunteer')
  world = await buildWorld(org.organisationId, org.centreId, admin, volunteer, users.get('referrer'))
  const other = await buildOrganisation(t.deps)
  const otherAdmin = await buildUser(t.deps, { organisationId: other.organisationId, role: 'admin' })
  const otherVolunteer = await buildUser(t.deps, { organisationId: other.organisationId, role: 'volunteer' })
  foreign = await buildWorld(other.organisationId, other.centreId, otherAdmin, otherVolunteer)
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
        "POST /api/attendance-events/:eventId/void: admin, coordinator, volunteer",
        "GET /api/audit: admin",
        "POST /api/auth/login: anyone",
        "POST /api/auth/logout: anyone",
        "POST /api/auth/password-reset: anyone",
        "POST /api/auth/password-reset/complete: anyone",
        "POST /api/auth/second-factor: half-signed-in",
        "GET /api/auth/session: anyone",
        "DELETE /api/availability-exceptions/:exceptionId: admin, coordinator, volunteer",
        "GET /api/calendar-feeds: admin, coordinator, volunteer, parent",
        "POST /api/calendar-feeds: admin, coordinator, volunteer, parent",
        "POST /api/calendar-feeds/:feedId/revoke: admin, coordinator, volunteer, parent",
        "GET /api/cases: admin, coordinator",
        "GET /api/cases/:caseId: admin, coordinator",
        "POST /api/cases/:caseId/close: admin, coordinator",
        "GET /api/cases/:caseId/conduct: admin, coordinator",
        "POST /api/cases/:caseId/level: admin, coordinator",
        "POST /api/cases/:caseId/notes: admin, coordinator",
        "POST /api/cases/:caseId/plans: admin, coordinator",
        "POST /api/cases/:caseId/plans/preview: admin, coordinator",
        "GET /api/cases/:caseId/readiness: admin, coordinator",
        "GET /api/cases/:caseId/report-recipients: admin, coordinator",
        "GET /api/cases/:caseId/reports: admin, coordinator",
        "POST /api/cases/:caseId/reports: admin, coordinator",
        "POST /api/cases/:caseId/reports/preview: admin, coordinator",
        "GET /api/cases/:caseId/reports/preview.pdf: admin, coordinator",
        "POST /api/cases/:caseId/reviews: admin, coordinator",
        "GET /api/cases/:caseId/schedule: admin, coordinator",
        "GET /api/cases/:caseId/slots: admin, coordinator",
        "POST /api/cases/:caseId/suspensions: admin, coordinator",
        "POST /api/cases/:caseId/warnings: admin, coordinator",
        "GET /api/centres: admin, coordinator, volunteer",
        "POST /api/centres: admin",
        "GET /api/centres/:centreId: admin, coordinator, volunteer",
        "PATCH /api/centres/:centreId: admin",
        "POST /api/centres/:centreId/closures: admin, coordinator",
        "GET /api/centres/:centreId/compliance: admin, coordinator",
        "GET /api/centres/:centreId/rota: admin, coordinator",
        "POST /api/centres/:centreId/rota/assignments: admin, coordinator",
        "GET /api/centres/:centreId/rota/candidates: admin, coordinator",
        "POST /api/centres/:centreId/rota/log-hours: admin, coordinator",
        "POST /api/centres/:centreId/rota/suggest: admin, coordinator",
        "GET /api/centres/:centreId/staffing: admin, coordinator",
        "POST /api/centres/:centreId/venues: admin, coordinator",
        "GET /api/centres/:centreId/waiting-list: admin, coordinator",
        "DELETE /api/closures/:closureId: admin, coordinator",
        "GET /api/documents/:documentId: admin, coordinator",
        "GET /api/feedback/summary: admin, coordinator",
        "GET /api/feeds/:token: anyone",
        "GET /api/ground-rules: any member",
        "POST /api/ground-rules: admin, coordinator",
        "GET /api/incidents: admin, coordinator",
        "POST /api/incidents: admin, coordinator, volunteer",
        "GET /api/incidents/:incidentId: admin, coordinator",
        "POST /api/incidents/:incidentId/notify-referrer: admin, coordinator",
        "POST /api/incidents/:incidentId/review: admin, coordinator",
        "POST /api/incidents/referrer-notices: admin",
        "GET /api/intake-settings: admin, coordinator",
        "PATCH /api/intake-settings: admin",
        "GET /api/intake/options: admin, coordinator, referrer",
        "GET /api/my/family: parent",
        "GET /api/my/feedback: parent",
        "POST /api/my/ground-rules: parent",
        "GET /api/my/sessions: parent",
        "GET /api/my/volunteering: admin, coordinator, volunteer",
        "GET /api/observations: admin, coordinator, volunteer",
        "GET /api/observations/:observationId: admin, coordinator, volunteer",
        "POST /api/observations/:observationId/release: admin, coordinator",
        "POST /api/observations/:observationId/return: admin, coordinator",
        "POST /api/observations/:observationId/submit: admin, coordinator, volunteer",
        "GET /api/openapi.json: anyone",
        "PATCH /api/openings/:openingId: admin, coordinator",
        "PUT /api/openings/:openingId/staffing: admin, coordinator",
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
        "GET /api/policies: admin, coordinator",
        "POST /api/policies: admin",
        "GET /api/policies/:policyId: admin, coordinator, volunteer",
        "POST /api/policies/:policyId/acknowledge: admin, coordinator, volunteer",
        "POST /api/policies/:policyId/versions: admin",
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
        "GET /api/report-releases: admin, coordinator, referrer",
        "GET /api/report-releases/:releaseId/pdf: admin, coordinator, referrer",
        "GET /api/reports/caseload: admin, coordinator",
        "GET /api/reports/caseload.csv: admin, coordinator",
        "GET /api/reports/caseload.pdf: admin, coordinator",
        "GET /api/reports/dashboard: admin, coordinator",
        "GET /api/reports/dashboard.csv: admin, coordinator",
        "GET /api/reports/dashboard.pdf: admin, coordinator",
        "GET /api/reports/quarterly-return: admin, coordinator",
        "GET /api/reports/quarterly-return.csv: admin, coordinator",
        "GET /api/reports/quarterly-return.pdf: admin, coordinator",
        "GET /api/reports/service: admin, coordinator",
        "GET /api/reports/service.csv: admin, coordinator",
        "GET /api/reports/service.pdf: admin, coordinator",
        "PATCH /api/rooms/:roomId: admin, coordinator",
        "DELETE /api/rota-assignments/:assignmentId: admin, coordinator",
        "POST /api/rota-assignments/:assignmentId/swap: admin, coordinator, volunteer",
        "POST /api/rota-swaps/:swapId/decision: admin, coordinator",
        "GET /api/scheduling-settings: admin, coordinator",
        "PATCH /api/scheduling-settings: admin",
        "GET /api/session-day-settings: admin, coordinator",
        "PATCH /api/session-day-settings: admin",
        "GET /api/sessions/:sessionId: admin, coordinator",
        "POST /api/sessions/:sessionId/attendance: admin, coordinator, volunteer",
        "PUT /api/sessions/:sessionId/attendance-note: admin, coordinator, volunteer",
        "POST /api/sessions/:sessionId/cancel: admin, coordinator",
        "POST /api/sessions/:sessionId/end-early: admin, coordinator, volunteer",
        "POST /api/sessions/:sessionId/feedback: admin, coordinator, volunteer, parent",
        "POST /api/sessions/:sessionId/move: admin, coordinator",
        "GET /api/sessions/:sessionId/observation: admin, coordinator, volunteer",
        "PUT /api/sessions/:sessionId/observation: admin, coordinator, volunteer",
        "POST /api/sessions/:sessionId/outcome: admin, coordinator",
        "POST /api/suspensions/:suspensionId/lift: admin, coordinator",
        "GET /api/today: admin, coordinator, volunteer",
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
        "GET /api/volunteer-hours: admin, coordinator",
        "POST /api/volunteer-hours: admin, coordinator, volunteer",
        "POST /api/volunteer-hours/:hoursId/decision: admin, coordinator",
        "GET /api/volunteer-hours/totals: admin, coordinator",
        "GET /api/volunteer-records/:recordId/dbs: admin, coordinator",
        "POST /api/volunteer-records/:recordId/renewal: admin, coordinator",
        "GET /api/volunteer-requirements: admin, coordinator",
        "POST /api/volunteer-requirements: admin",
        "PATCH /api/volunteer-requirements/:requirementId: admin",
        "GET /api/volunteering-settings: admin, coordinator",
        "PATCH /api/volunteering-settings: admin",
        "POST /api/volunteering/alerts: admin",
        "GET /api/volunteers: admin, coordinator",
        "POST /api/volunteers: admin, coordinator",
        "GET /api/volunteers/:volunteerId: admin, coordinator",
        "PATCH /api/volunteers/:volunteerId: admin, coordinator",
        "GET /api/volunteers/:volunteerId/availability: admin, coordinator, volunteer",
        "PUT /api/volunteers/:volunteerId/availability: admin, coordinator, volunteer",
        "POST /api/volunteers/:volunteerId/availability/exceptions: admin, coordinator, volunteer",
        "GET /api/volunteers/:volunteerId/records: admin, coordinator",
        "POST /api/volunteers/:volunteerId/records: admin, coordinator",
        "POST /api/volunteers/:volunteerId/sign-in: admin, coordinator",
        "POST /api/volunteers/:volunteerId/stage: admin, coordinator",
        "GET /api/volunteers/board: admin, coordinator",
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
    // Every route six times over: allow for PostgreSQL on a busy machine.
  }, 120_000)

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
      // Volunteers: the other organisation's team, records, DBS details, policies, rota, swaps and hours.
      ['GET', `/api/volunteers?centreId=${foreign.centreId}`],
      ['GET', `/api/volunteers/board?centreId=${foreign.centreId}`],
      ['POST', '/api/volunteers', { centreId: foreign.centreId, fullName: 'Intruder' }],
      ['GET', `/api/volunteers/${foreign.volunteerId}`],
      ['PATCH', `/api/volunteers/${foreign.volunteerId}`, { version: 1, notes: 'Intruder' }],
      [
        'POST',
        `/api/volunteers/${foreign.volunteerId}/stage`,
        { version: 1, to: 'leaving', plannedEndOn: '2031-01-01' },
      ],
      ['GET', `/api/volunteers/${foreign.volunteerId}/records`],
      [
        'POST',
        `/api/volunteers/${foreign.volunteerId}/records`,
        { requirementId: foreign.requirementId, completedOn: '2025-01-01' },
      ],
      ['PATCH', `/api/volunteer-requirements/${foreign.requirementId}`, { title: 'Intruder' }],
      ['GET', `/api/volunteer-records/${foreign.recordId}/dbs`],
      ['POST', `/api/volunteer-records/${foreign.recordId}/renewal`, { startedOn: '2025-01-01' }],
      ['GET', `/api/centres/${foreign.centreId}/compliance`],
      ['GET', `/api/policies/${foreign.policyId}`],
      ['POST', `/api/policies/${foreign.policyId}/versions`, { body: 'Intruder' }],
      [
        'POST',
        `/api/policies/${foreign.policyId}/acknowledge`,
        { versionId: await currentPolicyVersion(foreign.policyId) },
      ],
      ['GET', `/api/volunteers/${foreign.volunteerId}/availability`],
      ['PUT', `/api/volunteers/${foreign.volunteerId}/availability`, { weekly: [] }],
      [
        'POST',
        `/api/volunteers/${foreign.volunteerId}/availability/exceptions`,
        { firstDay: '2031-01-01', lastDay: '2031-01-01' },
      ],
      ['DELETE', `/api/availability-exceptions/${foreign.exceptionId}`],
      ['GET', `/api/centres/${foreign.centreId}/rota?from=2030-01-05&to=2030-01-06`],
      [
        'GET',
        `/api/centres/${foreign.centreId}/rota/candidates?shiftKey=${encodeURIComponent(foreign.shiftKey)}&duty=team_leader`,
      ],
      [
        'POST',
        `/api/centres/${foreign.centreId}/rota/assignments`,
        { shiftKey: foreign.shiftKey, duty: 'team_leader', volunteerId: foreign.colleagueId, override: true },
      ],
      [
        'POST',
        `/api/centres/${world.centreId}/rota/assignments`,
        { shiftKey: foreign.shiftKey, duty: 'team_leader', volunteerId: world.colleagueId, override: true },
      ],
      ['DELETE', `/api/rota-assignments/${foreign.assignmentId}`],
      [
        'POST',
        `/api/centres/${foreign.centreId}/rota/suggest`,
        { from: '2030-01-05', to: '2030-01-06', apply: true },
      ],
      ['PUT', `/api/openings/${foreign.openingId}/staffing`, { staffing: null }],
      ['POST', `/api/rota-assignments/${foreign.assignmentId}/swap`, { toVolunteerId: foreign.colleagueId }],
      ['POST', `/api/rota-swaps/${foreign.swapId}/decision`, { approve: true }],
      ['GET', `/api/volunteer-hours?from=2025-01-01&to=2030-12-31&centreId=${foreign.centreId}`],
      [
        'POST',
        '/api/volunteer-hours',
        { volunteerId: foreign.volunteerId, kind: 'training', onDate: '2025-01-01', minutes: 60 },
      ],
      ['POST', `/api/volunteer-hours/${foreign.hoursId}/decision`, { approve: true }],
      ['GET', `/api/volunteer-hours/totals?from=2025-01-01&to=2030-12-31&centreId=${foreign.centreId}`],
      ['POST', `/api/centres/${foreign.centreId}/rota/log-hours`, { onDate: '2025-01-01' }],
      ['GET', `/api/centres/${foreign.centreId}/staffing`],
      // The session day: the other organisation's door, records, feedback, incidents and reports.
      ...doorCalls(foreign, 'Taken over'),
      ['GET', `/api/today?centreId=${foreign.centreId}&date=${foreign.door.day}`],
      ['GET', `/api/feedback/summary?centreId=${foreign.centreId}&from=2025-01-01&to=2025-12-31`],
      ['GET', `/api/observations?caseId=${foreign.door.caseId}`],
      ['GET', `/api/incidents?caseId=${foreign.door.caseId}`],
      // Statistics of the other organisation's centre.
      ...statisticsRoutes((report) => `${statisticsQuery(report)}&centreId=${foreign.centreId}`).map(
        ([, url]): [string, string] => ['GET', url],
      ),
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
        const adminOnly =
          url.startsWith('/api/users') ||
          url.startsWith('/api/outbox') ||
          url.startsWith('/api/volunteer-requirements') ||
          (method === 'PATCH' && url.startsWith('/api/centres')) ||
          (method === 'POST' && /^\/api\/policies\/[^/]+\/versions$/.test(url))
        const expected = user === admin || !adminOnly ? 404 : 403
        if (response.statusCode !== expected)
          mismatches.push(
            `${method} ${url} as ${name}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
          )
      }
    }
    // Our own records pointing at theirs in a body: refused as not valid (400) or not found (404).
    const ourVersion = async () =>
      (await browsers[0]?.[2].get(`/api/volunteers/${world.volunteerId}`))?.json<{ version: number }>()
        .version
    const crossLinks: [string, string, () => Promise<unknown>][] = [
      [
        'PATCH',
        `/api/volunteers/${world.volunteerId}`,
        async () => ({ version: await ourVersion(), mentorId: foreign.volunteerId }),
      ],
      [
        'PATCH',
        `/api/volunteers/${world.volunteerId}`,
        async () => ({ version: await ourVersion(), userId: foreign.volunteerUserId }),
      ],
      [
        'POST',
        `/api/volunteers/${world.volunteerId}/records`,
        () => Promise.resolve({ requirementId: foreign.requirementId, completedOn: '2025-01-01' }),
      ],
      [
        'POST',
        `/api/centres/${world.centreId}/rota/assignments`,
        () =>
          Promise.resolve({
            shiftKey: freshShiftKey(world),
            duty: 'floor',
            volunteerId: foreign.volunteerId,
            override: true,
          }),
      ],
      [
        'POST',
        `/api/rota-assignments/${world.assignmentId}/swap`,
        () => Promise.resolve({ toVolunteerId: foreign.colleagueId }),
      ],
      [
        'POST',
        '/api/volunteer-hours',
        () =>
          Promise.resolve({
            volunteerId: world.volunteerId,
            kind: 'session',
            onDate: '2025-01-01',
            assignmentId: foreign.assignmentId,
          }),
      ],
      // The door's own session, case and report with the other organisation's people and records.
      [
        'POST',
        `/api/sessions/${world.door.sessionId}/attendance`,
        () =>
          Promise.resolve({
            clientId: crypto.randomUUID(),
            kind: 'arrived',
            partyId: foreign.door.adultPartyId,
            at: onDoorDay(world, '09:40'),
          }),
      ],
      [
        'POST',
        `/api/sessions/${world.door.sessionId}/feedback`,
        () => Promise.resolve({ form: 'child', partyId: foreign.door.childPartyId, answers: { today: 1 } }),
      ],
      [
        'POST',
        '/api/incidents',
        () => Promise.resolve({ ...incidentAt(world.door), sessionId: foreign.door.sessionId }),
      ],
      [
        'POST',
        '/api/incidents',
        () => Promise.resolve({ ...incidentAt(world.door), peopleInvolved: [foreign.door.adultPartyId] }),
      ],
      [
        'POST',
        `/api/cases/${world.door.caseId}/warnings`,
        () =>
          Promise.resolve({ partyId: foreign.door.adultPartyId, level: 'written_warning', reason: 'Theirs' }),
      ],
      [
        'POST',
        `/api/cases/${world.door.caseId}/warnings`,
        () =>
          Promise.resolve({
            partyId: world.door.adultPartyId,
            level: 'written_warning',
            reason: 'Theirs',
            incidentId: foreign.door.incidentId,
          }),
      ],
      [
        'POST',
        `/api/cases/${world.door.caseId}/reports`,
        () => Promise.resolve(reportOf(foreign.door.referralId)),
      ],
    ]
    for (const [name, , browser] of browsers)
      for (const [method, url, body] of crossLinks) {
        const response = await browser.request(method as 'GET', url, await body())
        if (![400, 404].includes(response.statusCode))
          mismatches.push(
            `${method} ${url} as ${name}: got ${response.statusCode} ${response.body.slice(0, 160)}`,
          )
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
      (await browser.get('/api/volunteers')).body,
      (await browser.get('/api/volunteers/board')).body,
      (await browser.get('/api/volunteer-requirements')).body,
      (await browser.get('/api/policies')).body,
      (await browser.get(`/api/volunteer-hours?from=2025-01-01&to=${day()}`)).body,
      (await browser.get(`/api/volunteer-hours/totals?from=2025-01-01&to=${day()}`)).body,
      (await browser.get(`/api/centres/${world.centreId}/compliance`)).body,
      (await browser.get(`/api/centres/${world.centreId}/rota?from=${day()}&to=${day(90)}`)).body,
      (await browser.get(`/api/centres/${world.centreId}/staffing`)).body,
      (await browser.get('/api/observations')).body,
      (await browser.get('/api/incidents')).body,
      (await browser.get('/api/report-releases')).body,
    ].join('\n')
    const foreignReference = await referenceOf(foreign.referralId)
    expect(everything.includes(foreignReference), `foreign referral ${foreignReference} listed`).toBe(false)
    // The lists hold our own volunteers, so that their not holding the foreign ones means something.
    expect(everything).toContain(world.volunteerId)
    expect(everything).toContain(world.requirementId)
    expect(everything).toContain(world.policyId)
    expect(everything).toContain(world.door.observationId)
    expect(everything).toContain(world.door.incidentId)
    expect(everything).toContain(world.door.releaseId)
    for (const id of [
      foreign.centreId,
      foreign.venueId,
      foreign.targetUserId,
      foreign.messageId,
      foreign.referralId,
      foreign.caseId,
      foreign.volunteerId,
      foreign.colleagueId,
      foreign.requirementId,
      foreign.policyId,
      foreign.assignmentId,
      foreign.swapId,
      foreign.hoursId,
      foreign.door.caseId,
      foreign.door.observationId,
      foreign.door.incidentId,
      foreign.door.releaseId,
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
      // The other centre's volunteers, their records and DBS details, rota, swaps and hours.
      ['GET', `/api/volunteers?centreId=${world.centreId}`],
      ['GET', `/api/volunteers/board?centreId=${world.centreId}`],
      ['POST', '/api/volunteers', { centreId: world.centreId, fullName: 'Ours now' }],
      ['GET', `/api/volunteers/${world.volunteerId}`],
      ['PATCH', `/api/volunteers/${world.volunteerId}`, { version: 1, notes: 'Ours now' }],
      [
        'POST',
        `/api/volunteers/${world.volunteerId}/stage`,
        { version: 1, to: 'leaving', plannedEndOn: '2031-01-01' },
      ],
      ['GET', `/api/volunteers/${world.volunteerId}/records`],
      [
        'POST',
        `/api/volunteers/${world.volunteerId}/records`,
        { requirementId: world.requirementId, completedOn: '2025-01-01' },
      ],
      ['GET', `/api/volunteer-records/${world.recordId}/dbs`],
      ['POST', `/api/volunteer-records/${world.recordId}/renewal`, { startedOn: '2025-01-01' }],
      ['GET', `/api/centres/${world.centreId}/compliance`],
      ['GET', `/api/volunteers/${world.volunteerId}/availability`],
      ['PUT', `/api/volunteers/${world.volunteerId}/availability`, { weekly: [] }],
      [
        'POST',
        `/api/volunteers/${world.volunteerId}/availability/exceptions`,
        { firstDay: '2031-01-01', lastDay: '2031-01-01' },
      ],
      ['DELETE', `/api/availability-exceptions/${world.exceptionId}`],
      ['GET', `/api/centres/${world.centreId}/rota?from=2030-01-05&to=2030-01-06`],
      [
        'GET',
        `/api/centres/${world.centreId}/rota/candidates?shiftKey=${encodeURIComponent(world.shiftKey)}&duty=team_leader`,
      ],
      [
        'POST',
        `/api/centres/${world.centreId}/rota/assignments`,
        { shiftKey: world.shiftKey, duty: 'team_leader', volunteerId: world.colleagueId, override: true },
      ],
      ['DELETE', `/api/rota-assignments/${world.assignmentId}`],
      [
        'POST',
        `/api/centres/${world.centreId}/rota/suggest`,
        { from: '2030-01-05', to: '2030-01-06', apply: true },
      ],
      ['PUT', `/api/openings/${world.openingId}/staffing`, { staffing: null }],
      ['POST', `/api/rota-assignments/${world.assignmentId}/swap`, { toVolunteerId: world.colleagueId }],
      ['POST', `/api/rota-swaps/${world.swapId}/decision`, { approve: true }],
      ['GET', `/api/volunteer-hours?from=2025-01-01&to=2030-12-31&centreId=${world.centreId}`],
      [
        'POST',
        '/api/volunteer-hours',
        { volunteerId: world.volunteerId, kind: 'training', onDate: '2025-01-01', minutes: 60 },
      ],
      ['POST', `/api/volunteer-hours/${world.hoursId}/decision`, { approve: true }],
      ['GET', `/api/volunteer-hours/totals?from=2025-01-01&to=2030-12-31&centreId=${world.centreId}`],
      ['POST', `/api/centres/${world.centreId}/rota/log-hours`, { onDate: '2025-01-01' }],
      ['GET', `/api/centres/${world.centreId}/staffing`],
      // The other centre's door, records, feedback, incidents and reports.
      ...doorCalls(world, 'Ours now'),
      ['GET', `/api/today?centreId=${world.centreId}&date=${world.door.day}`],
      ['GET', `/api/feedback/summary?centreId=${world.centreId}&from=2025-01-01&to=2025-12-31`],
      ['GET', `/api/observations?caseId=${world.door.caseId}`],
      ['GET', `/api/incidents?caseId=${world.door.caseId}`],
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
    // Nor the other centre's volunteers, hours or staffing, which the admin sees.
    const theirLists = [
      (await browser.get('/api/volunteers')).body,
      (await browser.get('/api/volunteers/board')).body,
      (await browser.get(`/api/volunteer-hours?from=2025-01-01&to=${day()}`)).body,
      (await browser.get(`/api/volunteer-hours/totals?from=2025-01-01&to=${day()}`)).body,
      (await browser.get('/api/observations')).body,
      (await browser.get('/api/incidents')).body,
      (await browser.get('/api/report-releases')).body,
    ].join('\n')
    const door = [world.door.observationId, world.door.incidentId, world.door.releaseId]
    for (const id of [world.volunteerId, world.colleagueId, world.hoursId, ...door])
      expect(theirLists.includes(id), `other centre's ${id} listed`).toBe(false)
    expect((await adminBrowser.get('/api/volunteers')).body).toContain(world.volunteerId)
    const adminDoor = [
      (await adminBrowser.get('/api/observations')).body,
      (await adminBrowser.get('/api/incidents')).body,
      (await adminBrowser.get('/api/report-releases')).body,
    ].join('\n')
    for (const id of door) expect(adminDoor).toContain(id)
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
