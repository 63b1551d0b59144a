import { execFileSync } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../domain/cases/cases.schemas'
import type { Side } from '../domain/referrals/parties.schemas'
import type { ReferralDetail } from '../domain/referrals/referrals.schemas'
import { plusDays, zonedInstant } from '../domain/scheduling/schedule.rules'
import type { ReleaseView } from '../domain/session-day/session-day.schemas'
import { buildUser, TEST_PASSWORD, type BuiltUser } from '../../tests/support/factories'
import { expectStatus, staffReferralBody } from '../../tests/support/referrals'
import { planBody } from '../../tests/support/scheduling'
import { buildSessionDayWorld, partyOf, type SessionDayWorld } from '../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'

/**
 * The session day's canary (R-CONF-1, decision 0011): every adult of two families carries a
 * distinctive value in each protected field; each parent has a sign-in, and each side has a referrer
 * of its own. A whole day is run through the API: the door, an observation record checked by a
 * second coordinator, incidents with a warning, a suspension and the referrer notices, reports of
 * both kinds to each side's referrer, feedback from parents and children. Then each parent, each
 * referrer and the volunteer on duty read everything they can; not one of the other side's values
 * may be in it. Reports, the feedback summary and the coordinators' alerts carry none at all.
 */

type Family = 'supported' | 'supervised'
const FAMILIES: Family[] = ['supported', 'supervised']
const SIDES: Side[] = ['resident', 'non_resident']
const ROLE: Record<Side, string> = { resident: 'resident_parent', non_resident: 'non_resident_parent' }
const otherSide = (side: Side): Side => (side === 'resident' ? 'non_resident' : 'resident')

interface Canary {
  address: string
  phone: string
  email: string
  school: string
  newPartner: string
}

const tag = randomBytes(3).toString('hex')
const phones = new Set<string>()
/** A mobile number no one else in the test has. */
function freshPhone(): string {
  for (;;) {
    const phone = `07700 9${String(randomInt(0, 100_000)).padStart(5, '0')}`
    if (!phones.has(phone)) {
      phones.add(phone)
      return phone
    }
  }
}
function canaryOf(label: string): Canary {
  const id = `${tag}${label}`
  return {
    address: `Flat 3, CANARYADDR${id.toUpperCase()} House, 4 Refuge Lane, St Helier`,
    phone: freshPhone(),
    email: `canary.${id}@example.org`,
    school: `CANARYSCHOOL${id.toUpperCase()} Primary`,
    newPartner: `CANARYPARTNER${id.toUpperCase()} Smith`,
  }
}
const CANARIES: Record<Family, Record<Side, Canary>> = {
  supported: { resident: canaryOf('ar'), non_resident: canaryOf('an') },
  supervised: { resident: canaryOf('br'), non_resident: canaryOf('bn') },
}
const everyone = (): { family: Family; side: Side; canary: Canary }[] =>
  FAMILIES.flatMap((family) => SIDES.map((side) => ({ family, side, canary: CANARIES[family][side] })))

/** A phone number's digits without the trunk zero or country code, as the redaction check reads them. */
const phoneDigits = (text: string): string =>
  text
    .replace(/\D/g, '')
    .replace(/^(?:0044|44(?=\d{10}))/, '')
    .replace(/^0+/, '')
/** Digits with at most two separators between them: a phone number however it is written. */
const DIGIT_RUN = /\+?\d(?:[\s.\-()]{0,2}\d)*/g

/** The parts of a canary that give it away: the distinctive word of each, the email and its name part, the phone. */
function needlesOf(canary: Canary): { field: keyof Canary; needle: string }[] {
  const word = (value: string) => (/CANARY\w+/.exec(value)?.[0] ?? value).toLowerCase()
  return [
    { field: 'address', needle: word(canary.address) },
    { field: 'school', needle: word(canary.school) },
    { field: 'newPartner', needle: word(canary.newPartner) },
    { field: 'email', needle: canary.email.toLowerCase() },
    { field: 'email', needle: canary.email.split('@')[0]?.toLowerCase() ?? canary.email },
    { field: 'phone', needle: canary.phone.toLowerCase() },
  ]
}

/**
 * Where a party's protected details appear in the texts: compared without regard to case, and a
 * phone number also by its digits, whatever spaces, dots or country code it was written with.
 */
function leaksOf(canary: Canary, texts: readonly string[]): string[] {
  const found: string[] = []
  const digits = phoneDigits(canary.phone)
  for (const text of texts) {
    const lower = text.toLowerCase()
    const fields = new Map<string, number>()
    for (const { field, needle } of needlesOf(canary))
      if (lower.includes(needle)) fields.set(field, lower.indexOf(needle))
    const run = (text.match(DIGIT_RUN) ?? []).find((r) => phoneDigits(r).includes(digits))
    if (run) fields.set('phone', text.indexOf(run))
    // Where it was read (the route or email) and the words around it.
    for (const [field, at] of fields)
      found.push(
        `${field} of ${canary.email} in ${text.slice(0, 80)} … ${text.slice(Math.max(0, at - 60), at + 60)}`,
      )
  }
  return found
}

/** Everyone's canaries except those of the people named. */
const leaksExcept = (allowed: readonly Canary[], texts: readonly string[]): string[] =>
  everyone()
    .filter(({ canary }) => !allowed.includes(canary))
    .flatMap(({ canary }) => leaksOf(canary, texts))

const pdfText = (bytes: Buffer): string =>
  execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' })

/** A response as its reader sees it: a PDF as its text, anything else as sent. */
const readable = (response: LightMyRequestResponse): string =>
  String(response.headers['content-type']).startsWith('application/pdf')
    ? pdfText(response.rawPayload)
    : response.body

let t: TestContext
let world: SessionDayWorld
let admin: BuiltUser
/** Per family: its case file, its referrals (the one that opened it and the other side's). */
const families = new Map<Family, { file: CaseDetail; referralOf: Record<Side, string> }>()
/** Per family and side: the parent's sign-in, the referrer acting for that side. */
const parents = new Map<string, { email: string; userId: string }>()
const referrers = new Map<string, BuiltUser>()
const key = (family: Family, side: Side) => `${family}:${side}`
/** What was made along the day, for the crawls. */
const made = {
  incidents: new Map<Family, string>(),
  observationId: '',
  suspensionId: '',
  eventId: new Map<Family, string>(),
  releases: [] as ReleaseView[],
}

async function signedIn(user: { email: string; password: string }): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(user, t.clock)
  return browser
}

const parentBrowser = (family: Family, side: Side) => {
  const parent = parents.get(key(family, side))
  if (!parent) throw new Error(`no ${side} parent of the ${family} family`)
  return signedIn({ email: parent.email, password: TEST_PASSWORD })
}

const referrerOf = (family: Family, side: Side): BuiltUser => {
  const referrer = referrers.get(key(family, side))
  if (!referrer) throw new Error(`no referrer for the ${side} side of the ${family} family`)
  return referrer
}

const fileOf = (family: Family): CaseDetail => {
  const found = families.get(family)
  if (!found) throw new Error(`no ${family} family`)
  return found.file
}

const sessionOf = (family: Family) => world[family].session.id
const partyIdOf = (family: Family, side: Side) => partyOf(fileOf(family), ROLE[side]).id
const childOf = (family: Family) => partyOf(fileOf(family), 'child').id

/** The parent accepts the centre's invitation to the parent area and chooses a password. */
async function acceptInvitation(email: string): Promise<string> {
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .where('text_body', 'like', '%#token=%')
    .executeTakeFirstOrThrow()
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1]
  const browser = new TestBrowser(t.app)
  expectStatus(
    await browser.post('/api/auth/password-reset/complete', { token, password: TEST_PASSWORD }),
    204,
  )
  const user = await t.deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return user.id
}

/**
 * Each side of a family gets a referrer with a sign-in: the referral that opened the case becomes
 * the `opener` side's referrer's (as if they had sent it), and the other side's referrer sends a
 * referral of their own, joined to the case.
 */
async function giveReferrers(family: Family, opener: Side): Promise<Record<Side, string>> {
  const file = fileOf(family)
  const referralOf = {} as Record<Side, string>
  for (const side of SIDES) {
    const referrer = await buildUser(t.deps, { organisationId: world.organisationId, role: 'referrer' })
    referrers.set(key(family, side), referrer)
    if (side === opener) {
      await t.deps.db
        .updateTable('referrals')
        .set({ referrer_user_id: referrer.userId, referrer_acting_for: side, channel: 'referrer' })
        .where('id', '=', file.referralId)
        .execute()
      referralOf[side] = file.referralId
      continue
    }
    const browser = await signedIn(referrer)
    const sent = await browser.post(
      '/api/referrals',
      staffReferralBody(world.centreId, {
        sourceCode: 'solicitor',
        referrer: { name: `Sam Solicitor ${side}`, organisation: 'Solicitors LLP', actingFor: side },
      }),
    )
    expectStatus(sent, 201)
    const id = sent.json<ReferralDetail>().id
    await t.deps.db
      .updateTable('referrals')
      .set({ case_id: file.id, status: 'accepted' })
      .where('id', '=', id)
      .execute()
    referralOf[side] = id
  }
  return referralOf
}

/** Canaries in every protected field of both parents, and a sign-in for each. */
async function giveCanariesAndSignIns(family: Family): Promise<void> {
  for (const side of SIDES) {
    const partyId = partyIdOf(family, side)
    const canary = CANARIES[family][side]
    expectStatus(await world.desk.patch(`/api/parties/${partyId}`, { protected: canary }), 200)
    expectStatus(await world.desk.post(`/api/parties/${partyId}/portal-invite`), 200)
    parents.set(key(family, side), { email: canary.email, userId: await acceptInvitation(canary.email) })
  }
}

function tap(sessionId: string, body: Record<string, unknown>) {
  return world.onDuty.browser.post(`/api/sessions/${sessionId}/attendance`, {
    clientId: crypto.randomUUID(),
    ...body,
  })
}
async function tapOk(sessionId: string, body: Record<string, unknown>): Promise<string> {
  const response = await tap(sessionId, body)
  expectStatus(response, 201)
  return response.json<{ event: { id: string } }>().event.id
}

/** The visiting parent first, the resident parent handing the child over and going out, then back. */
async function arrivals(family: Family, times: { visiting: string; resident: string }): Promise<void> {
  const sessionId = sessionOf(family)
  await world.at(times.visiting)
  made.eventId.set(
    family,
    await tapOk(sessionId, { kind: 'arrived', partyId: partyIdOf(family, 'non_resident') }),
  )
  await world.at(times.resident)
  await tapOk(sessionId, {
    kind: 'arrived',
    partyId: partyIdOf(family, 'resident'),
    confirmed: ['DOOR-BOTH-IN'],
  })
  await tapOk(sessionId, { kind: 'child_handed_over', partyId: childOf(family) })
  await tapOk(sessionId, { kind: 'left', partyId: partyIdOf(family, 'resident') })
}

/** The resident parent back for the child, then everyone gone: the outcome is written. */
async function departures(family: Family, times: { resident: string; visiting: string }): Promise<void> {
  const sessionId = sessionOf(family)
  await world.at(times.resident)
  await tapOk(sessionId, {
    kind: 'arrived',
    partyId: partyIdOf(family, 'resident'),
    confirmed: ['DOOR-BOTH-IN'],
  })
  await tapOk(sessionId, { kind: 'child_returned', partyId: childOf(family) })
  await tapOk(sessionId, { kind: 'left', partyId: partyIdOf(family, 'resident') })
  await world.at(times.visiting)
  await tapOk(sessionId, { kind: 'left', partyId: partyIdOf(family, 'non_resident') })
  const session = await world.desk.get(`/api/sessions/${sessionId}`)
  expect(session.json<{ status: string }>().status).toBe('completed')
}

async function reportIncident(family: Family, body: Record<string, unknown>): Promise<string> {
  const reported = await world.onDuty.browser.post('/api/incidents', {
    caseId: fileOf(family).id,
    sessionId: sessionOf(family),
    peopleInvolved: [partyIdOf(family, 'non_resident')],
    ...body,
  })
  expectStatus(reported, 201)
  return reported.json<{ id: string }>().id
}

const OBSERVED = {
  arrival: 'The visiting parent arrived on time; the child came with the resident parent.',
  greeting: 'A warm hello; the child smiled and hugged the parent.',
  play: 'They built a garage together; the parent followed the child’s lead.',
  childResponses: 'The child laughed often and talked about school.',
  ending: 'The session ended early after raised voices; the child went back calmly.',
}

async function runTheDay(): Promise<void> {
  // The supervised family has a session booked a fortnight on: the suspension will stop it.
  const later = await world.desk.post(
    `/api/cases/${fileOf('supervised').id}/plans`,
    planBody(world, {
      serviceType: 'supervised',
      frequency: 'one_off',
      firstOn: plusDays(world.day, 14),
      startsAt: '13:00',
      durationMinutes: 60,
      roomId: world.privateRoom,
    }),
  )
  expectStatus(later, 201)

  await arrivals('supported', { visiting: '09:44', resident: '10:01' })
  await world.at('11:00')
  made.incidents.set(
    'supported',
    await reportIncident('supported', {
      category: 'rule_breach',
      severity: 'low',
      whatHappened: 'The visiting parent used a phone in the family room and put it away when asked.',
      actions: ['verbal_warning_given'],
    }),
  )
  await departures('supported', { resident: '11:55', visiting: '12:16' })

  await arrivals('supervised', { visiting: '12:44', resident: '13:00' })
  await world.at('13:30')
  made.incidents.set(
    'supervised',
    await reportIncident('supervised', {
      category: 'aggression',
      severity: 'serious',
      whatHappened: 'The visiting parent shouted at the supervisor and was asked to leave.',
      actions: ['session_ended_early', 'asked_to_leave'],
    }),
  )
  await departures('supervised', { resident: '13:35', visiting: '13:40' })

  // The record of the supervised session, written by the volunteer and released by the second coordinator.
  await world.at('14:00')
  const sessionId = sessionOf('supervised')
  const saved = await world.onDuty.browser.put(`/api/sessions/${sessionId}/observation`, {
    version: 0,
    sections: OBSERVED,
  })
  expectStatus(saved, 200)
  made.observationId = saved.json<{ id: string }>().id
  expectStatus(
    await world.onDuty.browser.post(`/api/observations/${made.observationId}/submit`, { version: 1 }),
    200,
  )
  expectStatus(
    await world.checker.browser.post(`/api/observations/${made.observationId}/release`, { version: 2 }),
    200,
  )

  // The desk warns the visiting parent, suspends the family's sessions and tells the referrers now.
  const incidentId = made.incidents.get('supervised') ?? ''
  const supervisedCase = fileOf('supervised').id
  expectStatus(
    await world.desk.post(`/api/cases/${supervisedCase}/warnings`, {
      partyId: partyIdOf('supervised', 'non_resident'),
      level: 'written_warning',
      reason: 'Shouted at the supervisor',
      incidentId,
    }),
    201,
  )
  const suspended = await world.desk.post(`/api/cases/${supervisedCase}/suspensions`, {
    from: plusDays(world.day, 1),
    conditions: 'A meeting with the coordinator and the ground rules signed again',
    incidentId,
  })
  expectStatus(suspended, 201)
  made.suspensionId = suspended.json<{ id: string }>().id
  expect(suspended.json<{ sessionsSuspended: number }>().sessionsSuspended).toBe(1)
  const notified = await world.desk.post(`/api/incidents/${incidentId}/notify-referrer`)
  expectStatus(notified, 200)
  expect(notified.json<{ notice: { sent: number } }>().notice.sent).toBe(2)

  // Feedback: each parent's own form, and each child's faces with the volunteer.
  await world.at('14:30')
  for (const family of FAMILIES) {
    for (const side of SIDES) {
      const browser = await parentBrowser(family, side)
      const given = await browser.post(`/api/sessions/${sessionOf(family)}/feedback`, {
        form: 'parent',
        answers: { welcome: 5, safe: side === 'resident' ? 3 : 4, childEnjoyed: 5, staffHelpful: 4 },
        comment: 'The volunteers were kind.',
      })
      expectStatus(given, 201)
    }
    const child = await world.onDuty.browser.post(`/api/sessions/${sessionOf(family)}/feedback`, {
      form: 'child',
      partyId: childOf(family),
      answers: { today: 5, safe: 5, again: 4 },
      comment: 'I liked the Lego.',
    })
    expectStatus(child, 201)
  }

  // Reports: dates and times to each side's referrer, and for the supervised family the record too.
  await world.at('15:00')
  for (const family of FAMILIES)
    for (const side of SIDES)
      for (const kind of family === 'supervised' ? ['attendance', 'supervised'] : ['attendance']) {
        const released = await world.desk.post(`/api/cases/${fileOf(family).id}/reports`, {
          kind,
          from: world.day,
          to: world.day,
          referralId: families.get(family)?.referralOf[side],
        })
        expectStatus(released, 201)
        made.releases.push(released.json<ReleaseView>())
      }

  // Monday, after ten: the job sends the notice of the supported family's incident, now due.
  const monday = Date.parse(zonedInstant(plusDays(world.day, 2), '10:30', world.timeZone))
  t.clock.advance(Math.round((monday - t.clock.now().getTime()) / 1000))
  const run = await (await signedIn(admin)).post('/api/incidents/referrer-notices')
  expectStatus(run, 200)
  expect(run.json<{ sent: number; incidents: number }>()).toMatchObject({ sent: 2, incidents: 1 })
  // Everyone signs in again after the weekend.
  world.desk = await signedIn(world.coordinator)
  await world.onDuty.browser.signIn(world.onDuty.user, t.clock)
}

beforeAll(async () => {
  t = await createTestContext()
  world = await buildSessionDayWorld(t)
  admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
  for (const family of FAMILIES) {
    const file = world[family].file
    families.set(family, { file, referralOf: { resident: file.referralId, non_resident: file.referralId } })
    await giveCanariesAndSignIns(family)
  }
  // One family's case was opened by the resident side's referrer, the other's by the visiting side's.
  for (const [family, opener] of [
    ['supported', 'resident'],
    ['supervised', 'non_resident'],
  ] as const) {
    const found = families.get(family)
    if (found) found.referralOf = await giveReferrers(family, opener)
  }
  await runTheDay()
}, 120_000)
afterAll(async () => t.close())

/** The ids of one family's day, to fill in every route's parameters. */
function idsOf(family: Family, viewer: Side | null): Map<string, string> {
  const file = fileOf(family)
  const other = viewer ? otherSide(viewer) : 'resident'
  return new Map([
    ['centreId', world.centreId],
    ['caseId', file.id],
    ['referralId', file.referralId],
    ['sessionId', sessionOf(family)],
    ['partyId', partyIdOf(family, other)],
    ['userId', parents.get(key(family, other))?.userId ?? ''],
    ['observationId', made.observationId],
    ['incidentId', made.incidents.get(family) ?? ''],
    ['suspensionId', made.suspensionId],
    ['eventId', made.eventId.get(family) ?? ''],
    ['releaseId', made.releases.find((r) => r.caseId === file.id)?.id ?? ''],
    ['volunteerId', world.onDuty.file.id],
  ])
}

const feedToken = (url: string): string => new URL(url).pathname.split('/').pop() ?? ''

/**
 * Every GET route of the API as this browser, with the family's ids filled in and the day's
 * periods asked for; PDFs read as text. Then a few writes the caller might try.
 */
async function crawl(browser: TestBrowser, family: Family, viewer: Side | null): Promise<string[]> {
  const texts: string[] = []
  const params = idsOf(family, viewer)
  const feed = await browser.post('/api/calendar-feeds', { label: 'Crawler' })
  texts.push(`POST /api/calendar-feeds ${feed.statusCode} ${feed.body}`)
  if (feed.statusCode === 201) params.set('token', feedToken(feed.json<{ url: string }>().url))
  const report = new URLSearchParams({ kind: 'attendance', from: world.day, to: world.day })
  const queries = [
    '',
    '?limit=200',
    `?from=${plusDays(world.day, -30)}&to=${plusDays(world.day, 30)}`,
    `?centreId=${world.centreId}&date=${world.day}`,
    `?caseId=${fileOf(family).id}`,
    `?${report.toString()}&referralId=${fileOf(family).referralId}`,
  ]
  for (const route of t.app.routeTable) {
    if (route.method !== 'GET' || route.url === '/api/openapi.json') continue
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => params.get(name) ?? crypto.randomUUID())
    for (const query of queries) {
      const response = await browser.get(`${url}${query}`)
      texts.push(`${route.url}${query} ${response.statusCode} ${readable(response)}`)
    }
  }
  for (const [method, url, body] of [
    [
      'POST',
      `/api/sessions/${sessionOf(family)}/feedback`,
      { form: 'parent', answers: { welcome: 1, safe: 1, childEnjoyed: 1, staffHelpful: 1 } },
    ],
    [
      'POST',
      `/api/cases/${fileOf(family).id}/reports/preview`,
      { kind: 'attendance', from: world.day, to: world.day, referralId: fileOf(family).referralId },
    ],
    [
      'POST',
      '/api/incidents',
      { caseId: fileOf(family).id, category: 'rule_breach', severity: 'low', whatHappened: 'Looking' },
    ],
    [
      'POST',
      `/api/parties/${params.get('partyId')}/reveal`,
      { password: TEST_PASSWORD, reason: 'I want to see it' },
    ],
  ] as const) {
    const response = await browser.request(method, url, body)
    texts.push(`${method} ${url} ${response.statusCode} ${response.body}`)
  }
  return texts
}

/** Every email addressed to someone: subject and text. */
async function mailTo(email: string): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('outbox')
    .select(['to_address', 'subject', 'text_body'])
    .where('organisation_id', '=', world.organisationId)
    .execute()
  return rows
    .filter((m) => m.to_address.toLowerCase() === email.toLowerCase())
    .map((m) => `email "${m.subject}"\n${m.text_body}`)
}

/** Every released report's PDF as the desk downloads it, as text. */
async function releasedPdfs(): Promise<{ release: ReleaseView; text: string }[]> {
  const all: { release: ReleaseView; text: string }[] = []
  for (const family of FAMILIES) {
    const log = await world.desk.get(`/api/cases/${fileOf(family).id}/reports`)
    expectStatus(log, 200)
    for (const release of log.json<{ releases: ReleaseView[] }>().releases) {
      const pdf = await world.desk.get(`/api/report-releases/${release.id}/pdf`)
      expectStatus(pdf, 200)
      all.push({ release, text: pdfText(pdf.rawPayload) })
    }
  }
  return all
}

describe('the canary search itself', () => {
  it('finds a canary however it is written, and only that party’s', () => {
    const canary = CANARIES.supported.resident
    const local = canary.phone.replace(/^0/, '')
    const planted = [
      `{"address":"${canary.address.toUpperCase()}"}`,
      `Ring her on +44 (0) ${local.slice(0, 4)}.${local.slice(4)} after six`,
      `Write to ${canary.email.toUpperCase()}`,
      `Pupil at ${canary.school.toLowerCase()}`,
      `Lives with ${canary.newPartner}`,
    ]
    const fields = planted.map((text) => leaksOf(canary, [text]).map((hit) => hit.split(' ')[0]))
    expect(fields).toEqual([['address'], ['phone'], ['email'], ['school'], ['newPartner']])
    // The other parent's values, and texts with none at all, are not this party's.
    expect(leaksOf(canary, Object.values(CANARIES.supported.non_resident))).toEqual([])
    expect(leaksOf(canary, ['Session 2026-12-05 10:00–12:00, case C-AB12CD, 07700 900001'])).toEqual([])
    // Every party's values are told apart from every other's.
    for (const { canary: mine } of everyone()) expect(leaksExcept([mine], Object.values(mine))).toEqual([])
  })

  it('the values are stored, and those entitled to them read them (so a clean crawl means something)', async () => {
    for (const family of FAMILIES) {
      for (const side of SIDES) {
        const canary = CANARIES[family][side]
        const revealed = await world.desk.post(`/api/parties/${partyIdOf(family, side)}/reveal`, {
          password: TEST_PASSWORD,
          reason: 'Safeguarding call',
        })
        expectStatus(revealed, 200)
        expect(
          leaksOf(canary, [revealed.body])
            .map((hit) => hit.split(' ')[0])
            .sort(),
        ).toEqual(['address', 'email', 'newPartner', 'phone', 'school'])
        const own = await (await parentBrowser(family, side)).get('/api/my/family')
        expectStatus(own, 200)
        expect(leaksOf(canary, [own.body]).length).toBeGreaterThan(0)
      }
    }
  })
})

describe('no report, feedback view or notification for one party carries the other party’s details', () => {
  for (const family of FAMILIES)
    for (const side of SIDES)
      it(`the ${side === 'resident' ? 'resident' : 'visiting'} parent of the ${family} family`, async () => {
        const browser = await parentBrowser(family, side)
        const email = CANARIES[family][side].email
        const seen = [...(await crawl(browser, family, side)), ...(await mailTo(email))]
        // The crawl reached the parent's own day: their sessions, their feedback view and their mail.
        const mine = seen.find((text) => text.startsWith('/api/my/sessions 200'))
        expect(mine).toContain(sessionOf(family))
        const feedback = seen.find((text) => text.startsWith('/api/my/feedback 200'))
        expect(feedback).toContain(`"sessionId":"${sessionOf(family)}","date":"${world.day}"`)
        expect(feedback).toContain('"given":true')
        expect(
          seen.some((text) => text.startsWith('/api/feeds/:token 200') && text.includes('BEGIN:VEVENT')),
        ).toBe(true)
        const mail = seen.filter((text) => text.startsWith('email'))
        expect(mail.some((text) => text.includes('#token='))).toBe(true)
        if (family === 'supervised') {
          expect(mail.some((text) => text.includes('booked these sessions for you'))).toBe(true)
          expect(mail.some((text) => text.includes('The centre has suspended your sessions'))).toBe(true)
        }

        // The parent's own details are in what they read, so the other's would be found there too.
        expect(leaksOf(CANARIES[family][side], seen).length).toBeGreaterThan(0)

        expect(leaksOf(CANARIES[family][otherSide(side)], seen)).toEqual([])
        expect(leaksExcept([CANARIES[family][side]], seen)).toEqual([])
      })

  for (const family of FAMILIES)
    for (const side of SIDES)
      it(`the referrer acting for the ${side === 'resident' ? 'resident' : 'visiting'} parent of the ${family} family`, async () => {
        const referrer = referrerOf(family, side)
        const browser = await signedIn(referrer)
        const seen = [...(await crawl(browser, family, side)), ...(await mailTo(referrer.email))]
        // Their reports reached them, and each PDF was read as text.
        const releases = await browser.get('/api/report-releases')
        expectStatus(releases, 200)
        const own = releases.json<{ releases: ReleaseView[] }>().releases
        expect(own.map((r) => r.kind).sort()).toEqual(
          family === 'supervised' ? ['attendance', 'supervised'] : ['attendance'],
        )
        for (const release of own) {
          const pdf = await browser.get(`/api/report-releases/${release.id}/pdf`)
          expectStatus(pdf, 200)
          const text = pdfText(pdf.rawPayload)
          expect(text).toContain(fileOf(family).reference)
          seen.push(`${release.kind} report ${text}`)
        }
        const mail = seen.filter((text) => text.startsWith('email'))
        expect(mail.some((text) => text.includes('A report is ready for you to download'))).toBe(true)
        expect(
          mail.some((text) => text.includes(`Incident at`) && text.includes(fileOf(family).reference)),
        ).toBe(true)
        // The referrer who opened the case reads their own client's details on the referral, never the other's.
        const opener = families.get(family)?.referralOf[side] === fileOf(family).referralId
        if (opener) {
          const referral = seen.find((text) => text.startsWith(`/api/referrals/:referralId 200`))
          expect(leaksOf(CANARIES[family][side], [referral ?? '']).length).toBeGreaterThan(0)
        }

        expect(leaksOf(CANARIES[family][otherSide(side)], seen)).toEqual([])
        expect(leaksExcept([CANARIES[family][side]], seen)).toEqual([])
      })

  it('the volunteer on duty: the door list, the records and their mail carry no one’s details', async () => {
    for (const family of FAMILIES) {
      const seen = [
        ...(await crawl(world.onDuty.browser, family, null)),
        ...(await mailTo(world.onDuty.email)),
      ]
      const board = seen.find((text) =>
        text.startsWith(`/api/today?centreId=${world.centreId}&date=${world.day} 200`),
      )
      expect(board).toContain(fileOf(family).reference)
      expect(leaksExcept([], seen)).toEqual([])
    }
  })
})

describe('what goes to the desk and out of the centre carries no protected detail at all', () => {
  it('the released reports (PDF) and their previews', async () => {
    const pdfs = await releasedPdfs()
    expect(pdfs).toHaveLength(6)
    for (const { release, text } of pdfs) expect(text).toContain(release.caseReference)
    expect(pdfs.filter((p) => p.release.kind === 'supervised').every((p) => p.text.includes('garage'))).toBe(
      true,
    )
    const previews: string[] = []
    for (const family of FAMILIES) {
      const preview = await world.desk.post(`/api/cases/${fileOf(family).id}/reports/preview`, {
        kind: family === 'supervised' ? 'supervised' : 'attendance',
        from: world.day,
        to: world.day,
        referralId: fileOf(family).referralId,
      })
      expectStatus(preview, 200)
      expect(preview.json<{ redaction: { ok: boolean } }>().redaction.ok).toBe(true)
      previews.push(preview.body)
    }
    expect(leaksExcept([], [...pdfs.map((p) => p.text), ...previews])).toEqual([])
  })

  it('the desk’s feedback summary', async () => {
    const summary = await world.desk.get(`/api/feedback/summary?from=${world.day}&to=${world.day}`)
    expectStatus(summary, 200)
    const body = summary.json<{ parent: { responses: number }; child: { responses: number } }>()
    expect([body.parent.responses, body.child.responses]).toEqual([4, 2])
    expect(summary.body).toContain('I liked the Lego.')
    expect(leaksExcept([], [summary.body])).toEqual([])
    for (const family of FAMILIES)
      for (const side of SIDES)
        expect(summary.body).not.toContain(partyOf(fileOf(family), ROLE[side]).fullName)
  })

  it('the coordinators’ incident alerts and the referrers’ notices name no one', async () => {
    const names = [
      ...new Set(
        FAMILIES.flatMap((f) => fileOf(f).parties.flatMap((p) => [p.fullName, ...p.fullName.split(' ')])),
      ),
    ]
    const alerts = [
      ...(await mailTo(world.coordinator.email)),
      ...(await mailTo(world.checker.user.email)),
    ].filter((text) => text.startsWith('email "Incident at'))
    expect(alerts).toHaveLength(4)
    const notices = (
      await Promise.all(FAMILIES.flatMap((f) => SIDES.map((s) => mailTo(referrerOf(f, s).email))))
    )
      .flat()
      .filter((text) => text.startsWith('email "Incident at'))
    expect(notices).toHaveLength(4)
    for (const text of [...alerts, ...notices]) {
      for (const name of names)
        expect(new RegExp(`\\b${name}\\b`).test(text), `${name} in ${text}`).toBe(false)
    }
    expect(leaksExcept([], [...alerts, ...notices])).toEqual([])
  })
})
