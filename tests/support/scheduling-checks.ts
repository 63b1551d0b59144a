import type { LightMyRequestResponse } from 'fastify'
import { Temporal } from 'temporal-polyfill'
import { expect } from 'vitest'
import type { CaseDetail } from '../../src/domain/cases/cases.schemas'
import type { VenueView } from '../../src/domain/organisation/organisation.schemas'
import type { ReferralDetail } from '../../src/domain/referrals/referrals.schemas'
import type {
  CaseSchedule,
  Conflict,
  OpeningView,
  PlanBooked,
  SessionView,
} from '../../src/domain/scheduling/scheduling.schemas'
import { bringToRiskAssessed, expectStatus, staffReferralBody } from './referrals'
import type { SchedulingWorld } from './scheduling'
import { TestBrowser, type TestContext } from './test-app'

/** The error body every refusal has. */
export interface ErrorBody {
  error: {
    code: string
    message: string
    details?: { rule?: string; field?: string; conflicts?: Conflict[]; missing?: string[] }
  }
}

export const errorOf = (response: LightMyRequestResponse): ErrorBody['error'] =>
  response.json<ErrorBody>().error

/** A 409 refusal's conflicts, after checking it is one. */
export function conflictsOf(response: LightMyRequestResponse): Conflict[] {
  expectStatus(response, 409)
  const error = errorOf(response)
  expect(error.code).toBe('CONFLICT')
  return error.details?.conflicts ?? []
}

/** A 400 refusal's field, after checking it is one (never a 500). */
export function invalidField(response: LightMyRequestResponse): string | undefined {
  expectStatus(response, 400)
  const error = errorOf(response)
  expect(error.code).toBe('INVALID_INPUT')
  return error.details?.field
}

/**
 * An accepted case whose parents have had their pre-visits but have NOT signed the ground rules:
 * readyCase without its signing step.
 */
export async function unsignedCase(
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
  const file = await world.desk.get(`/api/cases/${String(accepted.json<ReferralDetail>().caseId)}`)
  expectStatus(file, 200)
  return file.json<CaseDetail>()
}

/** Signs each adult of a case to the world's ground rules. */
export async function signGroundRules(world: SchedulingWorld, file: CaseDetail): Promise<void> {
  for (const adult of file.groundRules.adults)
    expectStatus(
      await world.desk.post(`/api/parties/${adult.partyId}/ground-rules`, {
        versionId: world.rulesVersionId,
      }),
      204,
    )
}

/** Another venue of the world's centre, with its own rooms and opening sessions. */
export async function addVenue(
  world: SchedulingWorld,
  options: {
    name: string
    entrances?: string[]
    rooms: { name: string; kind: string; capacityFamilies: number }[]
    openWeekdays?: number[]
    startsAt?: string
    endsAt?: string
    capacityUnits?: number
  },
): Promise<{ venue: VenueView; rooms: string[] }> {
  const made = await world.desk.post(`/api/centres/${world.centreId}/venues`, {
    name: options.name,
    address: '2 Harbour Road',
    entrances: options.entrances ?? ['Main door'],
  })
  expectStatus(made, 201)
  const venue = made.json<VenueView>()
  const rooms: string[] = []
  for (const room of options.rooms) {
    const created = await world.desk.post(`/api/venues/${venue.id}/rooms`, room)
    expectStatus(created, 201)
    rooms.push(created.json<{ id: string }>().id)
  }
  for (const weekday of options.openWeekdays ?? [])
    expectStatus(
      await world.desk.post(`/api/venues/${venue.id}/openings`, {
        weekday,
        startsAt: options.startsAt ?? '09:00',
        endsAt: options.endsAt ?? '17:00',
        everyWeeks: 1,
        firstOn: '2026-01-03',
        capacityUnits: options.capacityUnits ?? 20,
      }),
      201,
    )
  return { venue, rooms }
}

export async function openingsOf(world: SchedulingWorld, venueId: string): Promise<OpeningView[]> {
  const response = await world.desk.get(`/api/venues/${venueId}/openings`)
  expectStatus(response, 200)
  return response.json<{ openings: OpeningView[] }>().openings
}

export async function scheduleOf(world: SchedulingWorld, caseId: string): Promise<CaseSchedule> {
  const response = await world.desk.get(`/api/cases/${caseId}/schedule`)
  expectStatus(response, 200)
  return response.json<CaseSchedule>()
}

/** Books a plan, expecting 201. */
export async function book(
  world: SchedulingWorld,
  caseId: string,
  body: Record<string, unknown>,
): Promise<PlanBooked> {
  const response = await world.desk.post(`/api/cases/${caseId}/plans`, body)
  expectStatus(response, 201)
  return response.json<PlanBooked>()
}

export const onlySession = (booked: PlanBooked): SessionView => {
  expect(booked.sessions).toHaveLength(1)
  return booked.sessions[0] as SessionView
}

/** Rows of a table for one organisation: to prove a refusal or a preview wrote nothing. */
export async function countRows(
  t: TestContext,
  table: 'sessions' | 'contact_plans',
  organisationId: string,
): Promise<number> {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Signs the world's coordinator in again (after the test clock moved past the idle limit). */
export async function signInAgain(t: TestContext, world: SchedulingWorld): Promise<void> {
  const desk = new TestBrowser(t.app)
  await desk.signIn(world.coordinator, t.clock)
  world.desk = desk
}

/** The centre's date today and the next given ISO weekday strictly after it, by the test clock. */
export function todayIn(t: TestContext, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(t.clock.now().getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString()
}

export function nextWeekday(from: string, weekday: number): string {
  const day = Temporal.PlainDate.from(from)
  return day.add({ days: ((weekday - day.dayOfWeek + 6) % 7) + 1 }).toString()
}

/** Seconds from the test clock's now to an instant, plus some. */
export const secondsUntil = (t: TestContext, instant: string, plusSeconds = 0): number =>
  Math.ceil((Date.parse(instant) - t.clock.now().getTime()) / 1000) + plusSeconds
