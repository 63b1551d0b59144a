import type { CaseDetail } from '../../src/domain/cases/cases.schemas'
import type { VenueView } from '../../src/domain/organisation/organisation.schemas'
import type { ReferralDetail } from '../../src/domain/referrals/referrals.schemas'
import { buildOrganisation, buildUser } from './factories'
import { bringToRiskAssessed, expectStatus, staffReferralBody, type DeskWorld } from './referrals'
import { TestBrowser, type TestContext } from './test-app'

export interface SchedulingWorld extends DeskWorld {
  venue: VenueView
  familyRoom: string
  privateRoom: string
  gardenRoom: string
  blueRoom: string
  rulesVersionId: string
}

/**
 * A centre ready to book: one venue with two entrances, a shared family room (4 families), a private
 * room (1), two waiting areas, open Saturdays and Sundays 09:00–17:00, and published ground rules.
 */
export async function buildSchedulingWorld(
  t: TestContext,
  options: { timeZone?: string; capacityUnits?: number } = {},
): Promise<SchedulingWorld> {
  const org = await buildOrganisation(t.deps, { timeZone: options.timeZone ?? 'Europe/London' })
  const coordinator = await buildUser(t.deps, { organisationId: org.organisationId, role: 'coordinator' })
  const desk = new TestBrowser(t.app)
  await desk.signIn(coordinator, t.clock)
  const venueResponse = await desk.post(`/api/centres/${org.centreId}/venues`, {
    name: 'St Mary’s Hall',
    address: '1 Church Lane',
    entrances: ['Front door', 'Side door'],
  })
  expectStatus(venueResponse, 201)
  const venue = venueResponse.json<VenueView>()
  const room = async (name: string, kind: string, capacityFamilies: number) => {
    const made = await desk.post(`/api/venues/${venue.id}/rooms`, { name, kind, capacityFamilies })
    expectStatus(made, 201)
    return made.json<{ id: string }>().id
  }
  const familyRoom = await room('Family room', 'family_room', 4)
  const privateRoom = await room('Quiet room', 'private_room', 1)
  const gardenRoom = await room('Garden room', 'waiting_area', 1)
  const blueRoom = await room('Blue room', 'waiting_area', 1)
  for (const weekday of [6, 7])
    expectStatus(
      await desk.post(`/api/venues/${venue.id}/openings`, {
        weekday,
        startsAt: '09:00',
        endsAt: '17:00',
        everyWeeks: 1,
        firstOn: '2026-01-03',
        capacityUnits: options.capacityUnits ?? 20,
      }),
      201,
    )
  const rules = await desk.post('/api/ground-rules', {
    title: 'Ground rules',
    body: 'No violence, aggression or bad language. Phones on silent. No photographs.',
  })
  expectStatus(rules, 201)
  return {
    ...org,
    coordinator,
    desk,
    venue,
    familyRoom,
    privateRoom,
    gardenRoom,
    blueRoom,
    rulesVersionId: rules.json<{ id: string }>().id,
  }
}

/** An accepted case whose parents have had pre-visits and signed the ground rules. */
export async function readyCase(
  world: SchedulingWorld,
  overrides: Record<string, unknown> = {},
): Promise<CaseDetail> {
  const created = await world.desk.post('/api/referrals', staffReferralBody(world.centreId, overrides))
  expectStatus(created, 201)
  const assessed = await bringToRiskAssessed(world.desk, created.json<ReferralDetail>())
  const accepted = await world.desk.post(`/api/referrals/${assessed.id}/decision`, {
    decision: 'accept',
    reason: 'Place available',
  })
  expectStatus(accepted, 200)
  const caseId = accepted.json<ReferralDetail>().caseId
  const file = (await world.desk.get(`/api/cases/${caseId}`)).json<CaseDetail>()
  for (const adult of file.groundRules.adults)
    expectStatus(
      await world.desk.post(`/api/parties/${adult.partyId}/ground-rules`, {
        versionId: world.rulesVersionId,
      }),
      204,
    )
  const ready = await world.desk.get(`/api/cases/${caseId}`)
  expectStatus(ready, 200)
  return ready.json<CaseDetail>()
}

/** A plan body with the defaults tests usually want; override any field. */
export function planBody(world: SchedulingWorld, overrides: Record<string, unknown> = {}) {
  return {
    serviceType: 'supported',
    frequency: 'fortnightly',
    firstOn: '2027-03-06',
    lastOn: '2027-05-01',
    startsAt: '10:00',
    durationMinutes: 120,
    venueId: world.venue.id,
    roomId: world.familyRoom,
    arrival: {
      resident: { entrance: 'Front door', waitingRoomId: world.gardenRoom },
      nonResident: { entrance: 'Side door', waitingRoomId: world.blueRoom },
    },
    ...overrides,
  }
}
