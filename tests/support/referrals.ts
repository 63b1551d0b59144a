import { randomBytes } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import type { ReferralDetail } from '../../src/domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser, type BuiltUser } from './factories'
import { TestBrowser, type TestContext } from './test-app'

const unique = (): string => randomBytes(4).toString('hex')

/** A parent's own application, as the public form sends it. */
export function selfReferralBody(
  role: 'resident_parent' | 'non_resident_parent',
  overrides: Partial<{
    name: string
    email: string
    phone: string
    address: string
    children: unknown[]
    service: string
  }> = {},
) {
  return {
    applicant: {
      role,
      fullName: overrides.name ?? (role === 'resident_parent' ? 'Rosa Resident' : 'Victor Visiting'),
      contact: {
        email: overrides.email ?? `${role}-${unique()}@example.org`,
        phone: overrides.phone ?? '07700 900123',
        address: overrides.address ?? '1 Example Road, St Helier',
      },
      interpreterNeeded: false,
    },
    otherParentName: role === 'resident_parent' ? 'Victor Visiting' : 'Rosa Resident',
    children: overrides.children ?? [
      {
        fullName: 'Ava Visiting',
        dateOfBirth: '2021-03-04',
        needs: { feedingHelp: false, changingHelp: false },
      },
      {
        fullName: 'Leo Visiting',
        dateOfBirth: '2025-01-10',
        needs: { feedingHelp: true, changingHelp: true },
      },
    ],
    serviceRequested: overrides.service ?? 'supported',
    frequencyRequested: 'Fortnightly, Sunday mornings',
    courtOrderInPlace: false,
    risk: { flags: [] },
    consent: true,
  }
}

/** A referral a coordinator enters from a phone call, complete enough to start intake. */
export function staffReferralBody(centreId: string, overrides: Record<string, unknown> = {}) {
  return {
    centreId,
    sourceCode: 'court_adviser',
    serviceRequested: 'supported',
    frequencyRequested: 'Weekly',
    referrer: {
      name: 'Fran Adviser',
      organisation: 'JFCAS',
      role: 'Court welfare officer',
      actingFor: 'both',
    },
    children: [{ fullName: 'Mia Example', dateOfBirth: '2020-06-01' }],
    adults: [
      { role: 'resident_parent', fullName: 'Rita Example', protected: { phone: '07700 900001' } },
      {
        role: 'non_resident_parent',
        fullName: 'Nick Example',
        protected: { email: `nick-${unique()}@example.org` },
      },
    ],
    risk: { flags: [] },
    ...overrides,
  }
}

export const RISK_BODY = {
  level: 'low',
  recommendedService: 'supported',
  factors: [],
  conditions: ['Staggered arrival'],
  sections: [{ title: 'Domestic abuse', answers: [{ question: 'Any history?', answer: 'None disclosed' }] }],
}

export interface DeskWorld {
  organisationId: string
  centreId: string
  coordinator: BuiltUser
  desk: TestBrowser
}

/** A fresh organisation with a signed-in coordinator at its desk. */
export async function buildDesk(t: TestContext): Promise<DeskWorld> {
  const org = await buildOrganisation(t.deps)
  const coordinator = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
  const desk = new TestBrowser(t.app)
  await desk.signIn(coordinator, t.clock)
  return { ...org, coordinator, desk }
}

export function expectStatus(response: LightMyRequestResponse, status: number): void {
  if (response.statusCode !== status)
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 400)}`)
}

/** Takes a referral from received to risk assessed: intake, a held pre-visit for each adult and the child. */
export async function bringToRiskAssessed(
  desk: TestBrowser,
  referral: ReferralDetail,
  assessment: Record<string, unknown> = RISK_BODY,
): Promise<ReferralDetail> {
  expectStatus(await desk.post(`/api/referrals/${referral.id}/start-intake`), 200)
  const start = Date.parse('2025-01-07T10:00:00Z')
  const parents = referral.parties.filter(
    (p) => p.role === 'resident_parent' || p.role === 'non_resident_parent',
  )
  const child = referral.parties.find((p) => p.kind === 'child')
  const visits = [
    ...parents.map((p) => ({ partyId: p.id, kind: 'adult' })),
    ...(child ? [{ partyId: child.id, kind: 'child_familiarisation' }] : []),
  ]
  for (const [index, visit] of visits.entries()) {
    const scheduledAt = new Date(start + index * 2 * 3_600_000).toISOString()
    const scheduled = await desk.post(`/api/referrals/${referral.id}/pre-visits`, { ...visit, scheduledAt })
    expectStatus(scheduled, 201)
    const made = scheduled
      .json<ReferralDetail>()
      .preVisits.find((v) => v.partyId === visit.partyId && v.scheduledAt === scheduledAt)
    if (!made) throw new Error('pre-visit not scheduled')
    const held = await desk.patch(`/api/pre-visits/${made.id}`, {
      outcome: 'held',
      heldOn: '2025-01-07',
      checklist: { rulesExplained: true },
    })
    expectStatus(held, 200)
  }
  const assessed = await desk.post(`/api/referrals/${referral.id}/risk-assessments`, assessment)
  expectStatus(assessed, 201)
  return assessed.json<ReferralDetail>()
}
