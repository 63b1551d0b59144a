import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReferralDetail } from '../domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../tests/support/factories'
import { bringToRiskAssessed, expectStatus } from '../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../tests/support/test-app'

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
  ] as const)
    ids.set(name, value)
})
afterAll(async () => t.close())

/** Every GET route of the API, with the ids of this family filled in, as this browser. */
async function crawl(browser: TestBrowser): Promise<string[]> {
  const bodies: string[] = []
  for (const route of t.app.routeTable) {
    if (route.method !== 'GET' || route.url === '/api/openapi.json') continue
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids.get(name) ?? crypto.randomUUID())
    for (const query of [
      '',
      '?firstSessionOn=2025-01-08',
      `?q=${encodeURIComponent(CANARIES.address)}`,
      '?limit=200',
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
      (
        await desk.post(`/api/parties/${ids.get('partyId')}/reveal`, {
          password: TEST_PASSWORD,
          reason: 'Safeguarding call to mother',
        })
      ).body,
    ]
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

  it('never reach the other parent: every response, list, search, export, error and email', async () => {
    const seen = [...(await crawl(otherParent)), ...(await mailTo(otherParentEmail))]
    expect(seen.length).toBeGreaterThan(40)
    expect(seen.some((text) => text.includes('Daniel Canary'))).toBe(true)
    expect(hits(seen)).toEqual([])
  })

  it("never reach the other parent's referrer, who still sees their own referral", async () => {
    const seen = [...(await crawl(otherReferrer)), ...(await mailTo(otherReferrerEmail))]
    const own = (await otherReferrer.get(`/api/referrals/${referral.id}`)).json<ReferralDetail>()
    expect(own.parties.find((p) => p.role === 'non_resident_parent')?.protected?.email).toBe(otherParentEmail)
    expect(own.parties.find((p) => p.role === 'resident_parent')?.protected).toBeNull()
    expect(seen.some((text) => text.includes(referral.reference))).toBe(true)
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
