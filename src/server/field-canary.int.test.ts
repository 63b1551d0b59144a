import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from '../domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../tests/support/factories'
import { bringToRiskAssessed, expectStatus } from '../../tests/support/referrals'
import { todayIn } from '../../tests/support/scheduling-checks'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'
import { enrol, enrolWorld, type Enrolled } from '../../tests/support/volunteers'
import type { RecordView } from '../domain/volunteers/volunteers.schemas'

/**
 * AZ-2: every protected detail of one parent carries a unique canary; the other parent and the
 * other parent's referrer then crawl everything Kinbridge can give them. Not one canary may appear.
 */
const tag = randomBytes(4).toString('hex')
const CANARIES = {
  address: `CANARY-ADDR-${tag} Refuge Lane`,
  phone: `07700 9${tag.slice(0, 5)}`,
  email: `canary-email-${tag}@example.org`,
  newPartner: `CANARY-PARTNER-${tag}`,
  school: `CANARY-SCHOOL-${tag}`,
  childAddress: `CANARY-CHILDADDR-${tag}`,
  riskNarrative: `CANARY-DA-NARRATIVE-${tag}`,
  preVisitNotes: `CANARY-PREVISIT-${tag}`,
  assessmentAnswer: `CANARY-ASSESSMENT-${tag}`,
  caseNote: `CANARY-NOTE-${tag}`,
  // A session away from the centre (a prison visit, say): where, who escorts, the visiting order.
  offsitePlace: `CANARY-OFFSITE-${tag} HMP La Moye`,
  offsiteEscort: `CANARY-ESCORT-${tag}`,
  visitingOrder: `CANARY-VO-${tag}`,
  // A volunteer's DBS certificate number (DBS-1): twelve digits of its own.
  dbsCertificate: `9${String(parseInt(tag, 16)).padStart(11, '0').slice(-11)}`,
}

let t: TestContext
let referral: ReferralDetail
let caseId: string
let desk: TestBrowser
let otherParent: TestBrowser
let otherParentEmail: string
let otherReferrer: TestBrowser
let otherReferrerEmail: string
let residentParent: TestBrowser
const ids = new Map<string, string>()
/** The visiting parent's own calendar feed address: what the referrer crawls for `:token`. */
let otherParentFeedToken: string
/** Vera, whose DBS certificate number is a canary, and a colleague of hers; their emails. */
let vera: Enrolled
let colleague: Enrolled
/** A coordinator of another centre of the same organisation. */
let northDesk: TestBrowser

/** The Saturday at least `days` ahead, as a local date. */
function saturdayAfter(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  date.setUTCDate(date.getUTCDate() + ((6 - date.getUTCDay() + 7) % 7))
  return date.toISOString().slice(0, 10)
}
const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

const feedToken = (url: string): string => new URL(url).pathname.split('/').pop() ?? ''

async function acceptInvitation(email: string): Promise<TestBrowser> {
  const mail = await t.deps.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1]
  const browser = new TestBrowser(t.app)
  expectStatus(
    await browser.post('/api/auth/password-reset/complete', { token, password: TEST_PASSWORD }),
    204,
  )
  await browser.signIn({ email, password: TEST_PASSWORD }, t.clock)
  return browser
}

beforeAll(async () => {
  t = await createTestContext()
  const org = await buildOrganisation(t.deps)
  const coordinator = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
  desk = new TestBrowser(t.app)
  await desk.signIn(coordinator, t.clock)
  const rules = (
    await desk.post('/api/ground-rules', { title: 'Rules', body: 'No violence, aggression or bad language.' })
  ).json<{ id: string }>()

  // The visiting father's solicitor makes the referral; the mother's details come later from the centre.
  const referrerUser = await buildUser(t.deps, { organisationId: org.organisationId, role: 'referrer' })
  otherReferrerEmail = referrerUser.email
  otherReferrer = new TestBrowser(t.app)
  await otherReferrer.signIn(referrerUser, t.clock)
  otherParentEmail = `dad-${tag}@example.org`
  const made = await otherReferrer.post('/api/referrals', {
    centreId: org.centreId,
    sourceCode: 'solicitor',
    serviceRequested: 'supported',
    referrer: { name: 'Sam Solicitor', organisation: 'Solicitors LLP', actingFor: 'non_resident' },
    children: [{ fullName: 'Ava Canary', dateOfBirth: '2021-03-04' }],
    adults: [
      { role: 'resident_parent', fullName: 'Maria Canary' },
      {
        role: 'non_resident_parent',
        fullName: 'Daniel Canary',
        protected: { email: otherParentEmail, phone: '07700 900555' },
      },
    ],
  })
  expectStatus(made, 201)
  const id = made.json<ReferralDetail>().id
  const initial = (await desk.get(`/api/referrals/${id}`)).json<ReferralDetail>()
  const mum = initial.parties.find((p) => p.role === 'resident_parent')
  const dad = initial.parties.find((p) => p.role === 'non_resident_parent')
  const child = initial.parties.find((p) => p.kind === 'child')
  if (!mum || !dad || !child) throw new Error('parties missing')
  expectStatus(
    await desk.patch(`/api/parties/${mum.id}`, {
      protected: {
        address: CANARIES.address,
        phone: CANARIES.phone,
        email: CANARIES.email,
        newPartner: CANARIES.newPartner,
      },
      safetyFlags: ['domestic_abuse', 'address_confidential'],
    }),
    200,
  )
  expectStatus(
    await desk.patch(`/api/parties/${child.id}`, {
      protected: { school: CANARIES.school, address: CANARIES.childAddress },
    }),
    200,
  )
  await t.deps.db
    .updateTable('referrals')
    .set({ risk_sealed: t.deps.fieldCrypto.encrypt(CANARIES.riskNarrative) })
    .where('id', '=', id)
    .execute()
  const withDetails = (await desk.get(`/api/referrals/${id}`)).json<ReferralDetail>()
  const assessed = await bringToRiskAssessed(desk, withDetails, {
    level: 'medium',
    recommendedService: 'supported',
    sections: [
      { title: 'Domestic abuse', answers: [{ question: 'History?', answer: CANARIES.assessmentAnswer }] },
    ],
  })
  const mumVisit = assessed.preVisits.find((v) => v.partyId === mum.id)
  expectStatus(
    await desk.patch(`/api/pre-visits/${mumVisit?.id}`, {
      outcome: 'held',
      heldOn: '2025-01-07',
      notes: CANARIES.preVisitNotes,
    }),
    200,
  )
  const accepted = await desk.post(`/api/referrals/${id}/decision`, {
    decision: 'accept',
    reason: 'Suitable for supported contact',
  })
  expectStatus(accepted, 200)
  referral = accepted.json<ReferralDetail>()
  caseId = referral.caseId ?? ''
  expectStatus(await desk.post(`/api/cases/${caseId}/notes`, { body: CANARIES.caseNote }), 201)
  for (const party of [mum, dad]) {
    expectStatus(await desk.post(`/api/parties/${party.id}/ground-rules`, { versionId: rules.id }), 204)
    expectStatus(await desk.post(`/api/parties/${party.id}/portal-invite`), 200)
  }
  otherParent = await acceptInvitation(otherParentEmail)
  residentParent = await acceptInvitation(CANARIES.email)
  // Sessions: a fortnightly plan at the hall (each parent with their own door and waiting area), one
  // moved and one cancelled, and one away from the centre whose place and escort are sealed.
  const venue = await desk.post(`/api/centres/${org.centreId}/venues`, {
    name: 'Grands Vaux Hall',
    address: '2 School Road',
    entrances: ['Front door', 'Side door'],
  })
  expectStatus(venue, 201)
  const venueId = venue.json<{ id: string }>().id
  const room = async (name: string, kind: string) => {
    const made = await desk.post(`/api/venues/${venueId}/rooms`, { name, kind, capacityFamilies: 1 })
    expectStatus(made, 201)
    return made.json<{ id: string }>().id
  }
  const [familyRoom, gardenRoom, blueRoom] = [
    await room('Family room', 'family_room'),
    await room('Garden room', 'waiting_area'),
    await room('Blue room', 'waiting_area'),
  ]
  const opening = await desk.post(`/api/venues/${venueId}/openings`, {
    weekday: 6,
    startsAt: '09:00',
    endsAt: '17:00',
    firstOn: '2025-01-04',
  })
  expectStatus(opening, 201)
  expectStatus(
    await desk.post(`/api/venues/${venueId}/openings`, {
      weekday: 7,
      startsAt: '09:00',
      endsAt: '17:00',
      firstOn: '2025-01-05',
    }),
    201,
  )
  const closure = await desk.post(`/api/centres/${org.centreId}/closures`, {
    firstDay: '2036-12-24',
    lastDay: '2036-12-26',
    reason: 'Christmas',
  })
  expectStatus(closure, 201)
  const firstOn = saturdayAfter(14)
  const plan = await desk.post(`/api/cases/${caseId}/plans`, {
    serviceType: 'supported',
    frequency: 'fortnightly',
    firstOn,
    lastOn: plusDays(firstOn, 28),
    startsAt: '10:00',
    durationMinutes: 120,
    venueId,
    roomId: familyRoom,
    arrival: {
      resident: { entrance: 'Front door', waitingRoomId: gardenRoom },
      nonResident: { entrance: 'Side door', waitingRoomId: blueRoom },
    },
  })
  expectStatus(plan, 201)
  const booked = plan.json<{ plan: { id: string }; sessions: { id: string; version: number }[] }>()
  const [first, second, third] = booked.sessions
  if (!first || !second || !third) throw new Error('plan not booked')
  expectStatus(
    await desk.post(`/api/sessions/${second.id}/move`, {
      date: plusDays(firstOn, 15),
      startsAt: '11:00',
      version: second.version,
      reason: 'The hall is busy that Saturday',
    }),
    200,
  )
  expectStatus(await desk.post(`/api/sessions/${third.id}/cancel`, { by: 'resident', reason: 'Ill' }), 200)
  const offsite = await desk.post(`/api/cases/${caseId}/plans`, {
    serviceType: 'supported',
    frequency: 'one_off',
    firstOn: plusDays(firstOn, 3),
    startsAt: '14:00',
    durationMinutes: 60,
    offsite: {
      place: CANARIES.offsitePlace,
      travelMinutes: 30,
      escort: CANARIES.offsiteEscort,
      visitingOrderReference: CANARIES.visitingOrder,
    },
  })
  expectStatus(offsite, 201)
  const feed = await otherParent.post('/api/calendar-feeds', { label: 'My phone' })
  expectStatus(feed, 201)
  otherParentFeedToken = feedToken(feed.json<{ url: string }>().url)
  // Volunteers: Vera's DBS check (its number a canary) runs out soon, so she and the desk are reminded;
  // she is on a Saturday shift with a swap to her colleague waiting, hours logged and dates away.
  const place = await enrolWorld(t, desk, { ...org, timeZone: 'Europe/Jersey' })
  const today = todayIn(t, 'Europe/Jersey')
  vera = await enrol(place, {
    name: 'Vera Volunteer',
    certificateNumber: CANARIES.dbsCertificate,
    dbsExpiresOn: plusDays(today, 20),
  })
  colleague = await enrol(place, { name: 'Colin Colleague' })
  const records = (await desk.get(`/api/volunteers/${vera.file.id}/records`)).json<{
    records: RecordView[]
  }>()
  const dbsRecord = records.records.find((r) => r.requirementId === place.requirement('dbs'))
  const shifts = (await desk.get(`/api/centres/${org.centreId}/rota?from=${firstOn}&to=${firstOn}`)).json<{
    shifts: { key: string }[]
  }>().shifts
  const placed = await desk.post(`/api/centres/${org.centreId}/rota/assignments`, {
    shiftKey: shifts[0]?.key,
    duty: 'floor',
    volunteerId: vera.file.id,
    override: true,
  })
  expectStatus(placed, 201)
  const swap = await vera.browser.post(`/api/rota-assignments/${placed.json<{ id: string }>().id}/swap`, {
    toVolunteerId: colleague.file.id,
  })
  expectStatus(swap, 201)
  const hours = await vera.browser.post('/api/volunteer-hours', {
    kind: 'training',
    onDate: today,
    minutes: 60,
  })
  expectStatus(hours, 201)
  const away = await vera.browser.post(`/api/volunteers/${vera.file.id}/availability/exceptions`, {
    firstDay: '2031-01-04',
    lastDay: '2031-01-05',
  })
  expectStatus(away, 201)
  const admin = await buildUser(t.deps, { organisationId: org.organisationId, role: 'admin' })
  const adminBrowser = new TestBrowser(t.app)
  await adminBrowser.signIn(admin, t.clock)
  const reminded = await adminBrowser.post('/api/volunteering/alerts')
  expectStatus(reminded, 200)
  expect(reminded.json<{ alerts: number }>().alerts).toBeGreaterThan(0)
  const north = await adminBrowser.post('/api/centres', { name: 'North Centre', timeZone: 'Europe/Jersey' })
  expectStatus(north, 201)
  const northCoordinator = await buildUser(t.deps, {
    organisationId: org.organisationId,
    role: 'coordinator',
    centreId: north.json<{ id: string }>().id,
  })
  northDesk = new TestBrowser(t.app)
  await northDesk.signIn(northCoordinator, t.clock)
  const policies = (await desk.get('/api/policies')).json<{ policies: { id: string }[] }>().policies
  for (const [name, value] of [
    ['volunteerId', vera.file.id],
    ['recordId', dbsRecord?.id ?? ''],
    ['policyId', policies[0]?.id ?? ''],
    ['requirementId', place.requirement('dbs')],
    ['exceptionId', away.json<{ id: string }>().id],
    ['assignmentId', placed.json<{ id: string }>().id],
    ['swapId', swap.json<{ id: string }>().id],
    ['hoursId', hours.json<{ id: string }>().id],
  ] as const)
    ids.set(name, value)
  const document = await desk.post(`/api/referrals/${id}/documents`, {
    kind: 'court_order',
    title: 'Order',
    contentBase64: Buffer.from('%PDF-1.4 order').toString('base64'),
  })
  for (const [name, value] of [
    ['referralId', id],
    ['caseId', caseId],
    ['partyId', mum.id],
    ['centreId', org.centreId],
    ['organisationId', org.organisationId],
    ['preVisitId', mumVisit?.id ?? ''],
    ['documentId', document.json<{ id: string }>().id],
    ['venueId', venueId],
    ['openingId', opening.json<{ id: string }>().id],
    ['closureId', closure.json<{ closure: { id: string } }>().closure.id],
    ['planId', booked.plan.id],
    ['sessionId', first.id],
  ] as const)
    ids.set(name, value)
})
afterAll(async () => t.close())

/**
 * Every GET route of the API, with the ids of this family filled in, as this browser. A calendar feed
 * is read at the browser's own address when it may make one, else at the visiting parent's.
 */
async function crawl(browser: TestBrowser): Promise<string[]> {
  const bodies: string[] = []
  const feed = await browser.post('/api/calendar-feeds', { label: 'Crawler' })
  bodies.push(`POST /api/calendar-feeds ${feed.statusCode} ${feed.body}`)
  const token = feed.statusCode === 201 ? feedToken(feed.json<{ url: string }>().url) : otherParentFeedToken
  const params = new Map([...ids, ['token', token]])
  const from = saturdayAfter(0)
  for (const route of t.app.routeTable) {
    if (route.method !== 'GET' || route.url === '/api/openapi.json') continue
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => params.get(name) ?? crypto.randomUUID())
    for (const query of [
      '',
      '?firstSessionOn=2025-01-08',
      `?q=${encodeURIComponent(CANARIES.address)}`,
      '?limit=200',
      `?from=${from}&to=${plusDays(from, 41)}`,
    ]) {
      const response = await browser.get(`${url}${query}`)
      bodies.push(`${route.url}${query} ${response.statusCode} ${response.body}`)
    }
  }
  // Writes the role may make, and refusals of those it may not: their answers and errors count too.
  for (const [method, url, body] of [
    ['POST', `/api/referrals/${ids.get('referralId')}/court-orders`, { orderType: 'other' }],
    [
      'POST',
      `/api/parties/${ids.get('partyId')}/reveal`,
      { password: TEST_PASSWORD, reason: 'I want to see it' },
    ],
    ['PATCH', `/api/parties/${ids.get('partyId')}`, { fullName: 'Changed' }],
    ['POST', '/api/my/ground-rules', { versionId: crypto.randomUUID() }],
    [
      'POST',
      `/api/sessions/${ids.get('sessionId')}/move`,
      { date: '2030-01-05', startsAt: '10:00', version: 1, reason: 'Let me see', dryRun: true },
    ],
    [
      'POST',
      `/api/cases/${ids.get('caseId')}/plans/preview`,
      {
        serviceType: 'supported',
        frequency: 'one_off',
        firstOn: '2030-01-05',
        startsAt: '10:00',
        durationMinutes: 60,
      },
    ],
    // Volunteers: the DBS details route, swaps, hours and acknowledgements, with Vera's ids.
    ['POST', `/api/volunteer-records/${ids.get('recordId')}/renewal`, { startedOn: '2025-01-01' }],
    [
      'POST',
      `/api/rota-assignments/${ids.get('assignmentId')}/swap`,
      { toVolunteerId: ids.get('volunteerId') },
    ],
    [
      'POST',
      '/api/volunteer-hours',
      { volunteerId: ids.get('volunteerId'), kind: 'other', onDate: '2025-01-01' },
    ],
    ['POST', `/api/policies/${ids.get('policyId')}/acknowledge`, { versionId: crypto.randomUUID() }],
  ] as const) {
    const response = await browser.request(method, url, body)
    bodies.push(`${method} ${url} ${response.statusCode} ${response.body}`)
  }
  return bodies
}

const mailTo = async (email: string) =>
  (
    await t.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', email)
      .execute()
  ).map((m) => `${m.subject}\n${m.text_body}`)

const hits = (texts: readonly string[]) =>
  Object.entries(CANARIES).flatMap(([field, canary]) =>
    texts.filter((text) => text.includes(canary)).map((text) => `${field}: ${text.slice(0, 200)}`),
  )

describe('field canaries (AZ-2)', () => {
  it('are all stored and reachable by those entitled to them (so the crawl below can fail)', async () => {
    const staffView = [
      (await desk.get(`/api/referrals/${referral.id}`)).body,
      (await desk.get(`/api/cases/${caseId}`)).body,
      (await desk.get(`/api/cases/${caseId}/schedule`)).body,
      (
        await desk.post(`/api/parties/${ids.get('partyId')}/reveal`, {
          password: TEST_PASSWORD,
          reason: 'Safeguarding call to mother',
        })
      ).body,
    ]
    // The desk's own, audited route to a volunteer's DBS details (DBS-1).
    staffView.push((await desk.get(`/api/volunteer-records/${ids.get('recordId')}/dbs`)).body)
    const child = referral.parties.find((p) => p.kind === 'child')
    staffView.push(
      (
        await desk.post(`/api/parties/${child?.id}/reveal`, {
          password: TEST_PASSWORD,
          reason: 'School pick-up check',
        })
      ).body,
    )
    expect([...new Set(hits(staffView).map((h) => h.split(':')[0]))].sort()).toEqual(
      Object.keys(CANARIES).sort(),
    )
    const ownView = (await residentParent.get('/api/my/family')).body
    for (const own of [
      CANARIES.address,
      CANARIES.phone,
      CANARIES.email,
      CANARIES.newPartner,
      CANARIES.school,
    ])
      expect(ownView).toContain(own)
  })

  it('never reach the other parent: every response, list, search, export, error, email and calendar', async () => {
    const seen = [...(await crawl(otherParent)), ...(await mailTo(otherParentEmail))]
    expect(seen.length).toBeGreaterThan(40)
    expect(seen.some((text) => text.includes('Daniel Canary'))).toBe(true)
    // The crawl reached the father's own sessions, his booking emails and his calendar feed.
    const sessions = seen.find((text) => text.startsWith('/api/my/sessions 200'))
    expect(sessions?.match(/"localArrival"/g)).toHaveLength(4)
    expect(sessions).toContain('Away from the centre')
    expect(seen.filter((text) => text.includes('booked these sessions for you'))).toHaveLength(2)
    expect(
      seen.find((text) => text.startsWith('/api/feeds/:token 200'))?.match(/BEGIN:VEVENT/g),
    ).toHaveLength(4)
    expect(hits(seen)).toEqual([])
  })

  it("never reach the other parent's referrer, who still sees their own referral", async () => {
    const seen = [...(await crawl(otherReferrer)), ...(await mailTo(otherReferrerEmail))]
    const own = (await otherReferrer.get(`/api/referrals/${referral.id}`)).json<ReferralDetail>()
    expect(own.parties.find((p) => p.role === 'non_resident_parent')?.protected?.email).toBe(otherParentEmail)
    expect(own.parties.find((p) => p.role === 'resident_parent')?.protected).toBeNull()
    expect(seen.some((text) => text.includes(referral.reference))).toBe(true)
    // Referrers have no calendar of their own; the father's feed, if they got its address, holds nothing more.
    expect(
      seen.find((text) => text.startsWith('/api/feeds/:token 200'))?.match(/BEGIN:VEVENT/g),
    ).toHaveLength(4)
    expect(hits(seen)).toEqual([])
  })

  it('never reach a volunteer: not a colleague, not the volunteer the DBS check belongs to', async () => {
    for (const [who, own] of [
      [colleague, 'Colin Colleague'],
      [vera, 'Vera Volunteer'],
    ] as const) {
      const seen = [...(await crawl(who.browser)), ...(await mailTo(who.email))]
      // The crawl reached their own page and the policies they read.
      const page = seen.find((text) => text.startsWith('/api/my/volunteering 200'))
      expect(page).toContain(own)
      expect(seen.some((text) => text.startsWith(`/api/policies/:policyId 200`))).toBe(true)
      expect(hits(seen)).toEqual([])
    }
    // Vera was reminded her check runs out, without its number.
    const reminders = await mailTo(vera.email)
    expect(reminders.some((m) => m.includes('Enhanced DBS check: Expires on'))).toBe(true)
  })

  it('never reach a coordinator of another centre of the organisation', async () => {
    const seen = await crawl(northDesk)
    expect(seen.some((text) => text.startsWith('/api/volunteers 200'))).toBe(true)
    expect(seen.some((text) => text.includes('Vera Volunteer'))).toBe(false)
    expect(hits(seen)).toEqual([])
  })

  it('are only ciphertext in the database file', async () => {
    const rows = [
      ...(await t.deps.db.selectFrom('parties').selectAll().where('referral_id', '=', referral.id).execute()),
      ...(await t.deps.db.selectFrom('referrals').selectAll().where('id', '=', referral.id).execute()),
      ...(await t.deps.db
        .selectFrom('pre_visits')
        .selectAll()
        .where('referral_id', '=', referral.id)
        .execute()),
      ...(await t.deps.db
        .selectFrom('risk_assessments')
        .selectAll()
        .where('referral_id', '=', referral.id)
        .execute()),
      ...(await t.deps.db.selectFrom('case_notes').selectAll().where('case_id', '=', caseId).execute()),
      ...(await t.deps.db.selectFrom('contact_plans').selectAll().where('case_id', '=', caseId).execute()),
      ...(await t.deps.db.selectFrom('sessions').selectAll().where('case_id', '=', caseId).execute()),
      ...(await t.deps.db
        .selectFrom('volunteer_records')
        .selectAll()
        .where('organisation_id', '=', ids.get('organisationId') ?? '')
        .execute()),
      ...(await t.deps.db
        .selectFrom('volunteers')
        .selectAll()
        .where('organisation_id', '=', ids.get('organisationId') ?? '')
        .execute()),
      ...(await t.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('organisation_id', '=', ids.get('organisationId') ?? '')
        .execute()),
      ...(await t.deps.db
        .selectFrom('outbox')
        .selectAll()
        .where('organisation_id', '=', ids.get('organisationId') ?? '')
        .where('to_address', '!=', CANARIES.email)
        .execute()),
    ].map((row) => JSON.stringify(row))
    // The mother's email is also her login (users.email), which is not a case record.
    const { email: _login, ...others } = CANARIES
    expect(Object.values(others).filter((canary) => rows.some((row) => row.includes(canary)))).toEqual([])
  })

  it('filtering by a hidden value is no oracle: a canary search finds what a random search finds', async () => {
    for (const browser of [otherParent, otherReferrer, desk]) {
      const byCanary = await browser.get(`/api/referrals?q=${encodeURIComponent(CANARIES.address)}`)
      const byNoise = await browser.get(`/api/referrals?q=${randomBytes(6).toString('hex')}`)
      expect(byCanary.statusCode).toBe(byNoise.statusCode)
      if (byCanary.statusCode === 200)
        expect(byCanary.json<{ total: number }>().total).toBe(byNoise.json<{ total: number }>().total)
    }
  })
})
