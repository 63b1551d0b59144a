import { randomInt } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { plusDays } from '../../src/domain/scheduling/schedule.rules'
import { plusMonths } from '../../src/domain/volunteers/volunteer.rules'
import type {
  MyVolunteering,
  RequirementState,
  RequirementView,
  RotaView,
  ShiftView,
  VolunteerFile,
} from '../../src/domain/volunteers/volunteers.schemas'
import { buildUser, type BuiltUser } from './factories'
import { expectStatus } from './referrals'
import { buildSchedulingWorld, type SchedulingWorld } from './scheduling'
import { nextWeekday, todayIn } from './scheduling-checks'
import { TestBrowser, type TestContext } from './test-app'

export interface VolunteerWorld extends SchedulingWorld {
  t: TestContext
  timeZone: string
  requirements: RequirementView[]
  /** The id of the requirement with this code (dbs, child_protection, first_aid, ...). */
  requirement(code: string): string
}

/** A scheduling world (a venue open Saturdays and Sundays 09:00–17:00) with the default requirements. */
export async function buildVolunteerWorld(
  t: TestContext,
  options: { timeZone?: string } = {},
): Promise<VolunteerWorld> {
  const timeZone = options.timeZone ?? 'Europe/London'
  const world = await buildSchedulingWorld(t, { timeZone })
  const listed = await world.desk.get('/api/volunteer-requirements')
  expectStatus(listed, 200)
  const requirements = listed.json<{ requirements: RequirementView[] }>().requirements
  return {
    ...world,
    t,
    timeZone,
    requirements,
    requirement(code) {
      const found = requirements.find((r) => r.code === code)
      if (!found) throw new Error(`no requirement ${code}`)
      return found.id
    },
  }
}

/** What enrolling needs of a world: its desk, centre, clock and requirements. */
export type EnrolWorld = Pick<
  VolunteerWorld,
  't' | 'desk' | 'centreId' | 'organisationId' | 'timeZone' | 'requirement'
>

/** The default requirements of an organisation, read at the desk, as enrolling needs them. */
export async function enrolWorld(
  t: TestContext,
  desk: TestBrowser,
  place: { organisationId: string; centreId: string; timeZone: string },
): Promise<EnrolWorld & { requirements: RequirementView[] }> {
  const listed = await desk.get('/api/volunteer-requirements')
  expectStatus(listed, 200)
  const requirements = listed.json<{ requirements: RequirementView[] }>().requirements
  return {
    t,
    desk,
    ...place,
    requirements,
    requirement(code) {
      const found = requirements.find((r) => r.code === code)
      if (!found) throw new Error(`no requirement ${code}`)
      return found.id
    },
  }
}

export interface Enrolled {
  file: VolunteerFile
  /** The volunteer's own signed-in browser. */
  browser: TestBrowser
  email: string
  /** Their sign-in, to sign in again after the clock moves. */
  user: BuiltUser
}

export const EVERY_WEEKEND = [
  { weekday: 6, from: '08:00', to: '18:00' },
  { weekday: 7, from: '08:00', to: '18:00' },
]

/** A DBS certificate number of its own (12 digits), to look for where it must not be. */
export const certificateNumber = (): string => `9${String(randomInt(0, 100_000_000_000)).padStart(11, '0')}`

/** The centre's date today, by the test clock. */
export const today = (world: Pick<VolunteerWorld, 't' | 'timeZone'>): string =>
  todayIn(world.t, world.timeZone)

/** The first Saturday at least `days` days from today. */
export const saturdayAfter = (world: Pick<VolunteerWorld, 't' | 'timeZone'>, days: number): string =>
  nextWeekday(plusDays(today(world), days - 1), 6)

/**
 * Takes a person from enquiry to the stage asked for through the API, as a coordinator would: the
 * references, a cleared DBS check (by default issued two months ago), the child protection course, a
 * sign-in with which they read every policy, then training and the mentored year or active.
 */
export async function enrol(
  world: EnrolWorld & Partial<Pick<VolunteerWorld, 'requirements'>>,
  options: {
    name: string
    /** A sign-in of their own to link; by default a new one is made. */
    user?: BuiltUser
    stage?: 'cleared' | 'training' | 'mentored' | 'active'
    duties?: string[]
    availability?: { weekday: number; from: string; to: string }[]
    dbsCompletedOn?: string
    /** An expiry other than the requirement's three years. */
    dbsExpiresOn?: string
    certificateNumber?: string
    mentorId?: string
    dateOfBirth?: string
    /** False: the child protection course is not recorded. */
    childProtection?: boolean
    /** False: the volunteer reads none of the policies. */
    readPolicies?: boolean
    /** True: every other mandatory course and checklist is recorded too, so nothing falls due. */
    allTraining?: boolean
  },
): Promise<Enrolled> {
  const { desk } = world
  const on = today(world)
  const created = await desk.post('/api/volunteers', {
    centreId: world.centreId,
    fullName: options.name,
    ...(options.dateOfBirth && { dateOfBirth: options.dateOfBirth }),
  })
  expectStatus(created, 201)
  let file = created.json<VolunteerFile>()
  const move = async (to: string, extra: Record<string, unknown> = {}) => {
    const moved = await desk.post(`/api/volunteers/${file.id}/stage`, { version: file.version, to, ...extra })
    expectStatus(moved, 200)
    file = moved.json<VolunteerFile>()
  }
  const user =
    options.user ??
    (await buildUser(world.t.deps, {
      organisationId: world.organisationId,
      role: 'volunteer',
      centreId: world.centreId,
    }))
  const patched = await desk.patch(`/api/volunteers/${file.id}`, {
    version: file.version,
    referencesReceived: 2,
    duties: options.duties ?? [],
    userId: user.userId,
    email: user.email,
  })
  expectStatus(patched, 200)
  file = patched.json<VolunteerFile>()
  const browser = new TestBrowser(world.t.app)
  await browser.signIn(user, world.t.clock)
  const availability = await browser.put(`/api/volunteers/${file.id}/availability`, {
    weekly: options.availability ?? EVERY_WEEKEND,
  })
  expectStatus(availability, 200)
  for (const to of ['role_meeting', 'application', 'references', 'dbs_applied']) await move(to)
  await record(world, file.id, 'dbs', options.dbsCompletedOn ?? plusDays(on, -60), {
    ...(options.dbsExpiresOn && { expiresOn: options.dbsExpiresOn }),
    dbs: {
      level: 'enhanced_barred',
      certificateNumber: options.certificateNumber ?? '001234567890',
      onUpdateService: true,
    },
  })
  await move('cleared')
  const stage = options.stage ?? 'active'
  if (options.childProtection !== false) await record(world, file.id, 'child_protection', plusDays(on, -30))
  if (options.allTraining) {
    if (!world.requirements) throw new Error('allTraining needs the world’s requirements')
    await recordAllTraining({ ...world, requirements: world.requirements }, file.id, plusDays(on, -20))
  }
  if (options.readPolicies !== false) await readAllPolicies(browser)
  if (stage === 'cleared') return { file, browser, email: user.email, user }
  await move('training')
  if (stage === 'mentored') await move('mentored', { mentorId: options.mentorId })
  if (stage === 'active') await move('active', { signOffEarly: true, reason: 'Experienced volunteer' })
  return { file, browser, email: user.email, user }
}

/** Records that a volunteer met a requirement, expecting 201; returns the record's id. */
export async function record(
  world: Pick<VolunteerWorld, 'desk' | 'requirement'>,
  volunteerId: string,
  code: string,
  completedOn: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const made = await world.desk.post(`/api/volunteers/${volunteerId}/records`, {
    requirementId: world.requirement(code),
    completedOn,
    ...extra,
  })
  expectStatus(made, 201)
  return made.json<{ id: string }>().id
}

/** Every mandatory course and checklist other than the DBS check, the policies and child protection. */
export async function recordAllTraining(
  world: Pick<VolunteerWorld, 'desk' | 'requirement' | 'requirements'>,
  volunteerId: string,
  on: string,
) {
  for (const requirement of world.requirements)
    if (
      requirement.mandatory &&
      !['dbs', 'policies'].includes(requirement.kind) &&
      requirement.code !== 'child_protection'
    )
      await record(world, volunteerId, requirement.code, on)
}

/** The volunteer reads and acknowledges every policy they are asked to, in their own browser. */
export async function readAllPolicies(browser: TestBrowser): Promise<void> {
  const mine = await browser.get('/api/my/volunteering')
  expectStatus(mine, 200)
  for (const policy of mine.json<MyVolunteering>().policies)
    if (policy.acknowledgedAt === null)
      expectStatus(
        await browser.post(`/api/policies/${policy.policyId}/acknowledge`, { versionId: policy.versionId }),
        200,
      )
}

/** The volunteer's file as the desk sees it now. */
export async function fileOf(world: VolunteerWorld, volunteerId: string): Promise<VolunteerFile> {
  const response = await world.desk.get(`/api/volunteers/${volunteerId}`)
  expectStatus(response, 200)
  return response.json<VolunteerFile>()
}

/** Where a volunteer stands on one requirement, as the desk sees it. */
export async function stateOf(
  world: VolunteerWorld,
  volunteerId: string,
  code: string,
): Promise<RequirementState> {
  const found = (await fileOf(world, volunteerId)).requirements.find((r) => r.code === code)
  if (!found) throw new Error(`no requirement ${code}`)
  return found
}

/** Moves a volunteer at the version the desk reads now. */
export async function moveTo(
  world: VolunteerWorld,
  volunteerId: string,
  to: string,
  extra: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  const { version } = await fileOf(world, volunteerId)
  return world.desk.post(`/api/volunteers/${volunteerId}/stage`, { version, to, ...extra })
}

/** The rota of the world's centre for a period. */
export async function rotaOf(world: VolunteerWorld, from: string, to: string = from): Promise<RotaView> {
  const response = await world.desk.get(`/api/centres/${world.centreId}/rota?from=${from}&to=${to}`)
  expectStatus(response, 200)
  return response.json<RotaView>()
}

/** The venue's shift on a day (Saturdays and Sundays). */
export async function shiftOn(world: VolunteerWorld, date: string): Promise<ShiftView> {
  const shift = (await rotaOf(world, date)).shifts.find((s) => s.openingId !== null)
  if (!shift) throw new Error(`no shift on ${date}`)
  return shift
}

/** Puts a volunteer on a shift through the API, and returns the response. */
export function assign(
  world: VolunteerWorld,
  shiftKey: string,
  duty: string,
  volunteerId: string,
  extra: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  return world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
    shiftKey,
    duty,
    volunteerId,
    ...extra,
  })
}

/** A rota refusal: 409 with its rule, problems and whether a coordinator may override it. */
export interface RotaRefusal {
  message: string
  rule: string
  canOverride: boolean
  problems: { rule: string; message: string; hard: boolean }[]
}

export function refusalOf(response: LightMyRequestResponse): RotaRefusal {
  expectStatus(response, 409)
  const { error } = response.json<{
    error: {
      code: string
      message: string
      details: Omit<RotaRefusal, 'message'>
    }
  }>()
  expect(error.code).toBe('CONFLICT')
  return { message: error.message, ...error.details }
}

/** The rule code of a refusal (409 or 400) and the rest of its details. */
export function ruleOf(response: LightMyRequestResponse, status = 409): Record<string, unknown> {
  expectStatus(response, status)
  return response.json<{ error: { details?: Record<string, unknown> } }>().error.details ?? {}
}

/** The shift of a period with this key, from a rota. */
export function shiftIn(rota: RotaView, key: string): ShiftView {
  const shift = rota.shifts.find((s) => s.key === key)
  if (!shift) throw new Error(`no shift ${key}`)
  return shift
}

/** Who is on a place of a shift, by name. */
export const namesOn = (shift: ShiftView, duty: string, sessionId: string | null = null): string[] =>
  shift.positions
    .filter((p) => p.duty === duty && p.sessionId === sessionId)
    .flatMap((p) => p.assigned.map((a) => a.fullName))

/**
 * Moves the test clock on and signs the desk and the given volunteers in again (sessions time out
 * after 30 idle minutes).
 */
export async function advanceDays(
  world: VolunteerWorld,
  days: number,
  volunteers: readonly Enrolled[] = [],
): Promise<void> {
  world.t.clock.advance(days * 86_400)
  await world.desk.signIn(world.coordinator, world.t.clock)
  for (const volunteer of volunteers) await volunteer.browser.signIn(volunteer.user, world.t.clock)
}

/** The date this many months from another (calendar months, as requirements count them). */
export { plusDays, plusMonths }
