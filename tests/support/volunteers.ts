import type {
  MyVolunteering,
  RequirementView,
  VolunteerFile,
} from '../../src/domain/volunteers/volunteers.schemas'
import { buildUser } from './factories'
import { expectStatus } from './referrals'
import { buildSchedulingWorld, type SchedulingWorld } from './scheduling'
import { TestBrowser, type TestContext } from './test-app'

export interface VolunteerWorld extends SchedulingWorld {
  t: TestContext
  requirements: RequirementView[]
  /** The id of the requirement with this code (dbs, child_protection, first_aid, ...). */
  requirement(code: string): string
}

/** A scheduling world (a venue open Saturdays and Sundays 09:00–17:00) with the default requirements. */
export async function buildVolunteerWorld(
  t: TestContext,
  options: { timeZone?: string } = {},
): Promise<VolunteerWorld> {
  const world = await buildSchedulingWorld(t, options)
  const listed = await world.desk.get('/api/volunteer-requirements')
  expectStatus(listed, 200)
  const requirements = listed.json<{ requirements: RequirementView[] }>().requirements
  return {
    ...world,
    t,
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
}

const EVERY_WEEKEND = [
  { weekday: 6, from: '08:00', to: '18:00' },
  { weekday: 7, from: '08:00', to: '18:00' },
]

/**
 * Takes a person from enquiry to the stage asked for through the API, as a coordinator would: the
 * references, a cleared DBS check (by default issued this year), the child protection course, a
 * sign-in with which they read every policy, then training and the mentored year or active.
 */
export async function enrol(
  world: VolunteerWorld,
  options: {
    name: string
    stage?: 'training' | 'mentored' | 'active'
    duties?: string[]
    availability?: { weekday: number; from: string; to: string }[]
    dbsCompletedOn?: string
    mentorId?: string
  },
): Promise<Enrolled> {
  const { desk } = world
  const created = await desk.post('/api/volunteers', { centreId: world.centreId, fullName: options.name })
  expectStatus(created, 201)
  let file = created.json<VolunteerFile>()
  const move = async (to: string, extra: Record<string, unknown> = {}) => {
    const moved = await desk.post(`/api/volunteers/${file.id}/stage`, { version: file.version, to, ...extra })
    expectStatus(moved, 200)
    file = moved.json<VolunteerFile>()
  }
  const user = await buildUser(world.t.deps, {
    organisationId: world.organisationId,
    role: 'volunteer',
    centreId: world.centreId,
  })
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
  const record = async (code: string, completedOn: string, extra: Record<string, unknown> = {}) =>
    expectStatus(
      await desk.post(`/api/volunteers/${file.id}/records`, {
        requirementId: world.requirement(code),
        completedOn,
        ...extra,
      }),
      201,
    )
  await record('dbs', options.dbsCompletedOn ?? '2026-06-01', {
    dbs: { level: 'enhanced_barred', certificateNumber: '001234567890', onUpdateService: true },
  })
  await move('cleared')
  await record('child_protection', '2026-06-15')
  const mine = (await browser.get('/api/my/volunteering')).json<MyVolunteering>()
  for (const policy of mine.policies)
    expectStatus(
      await browser.post(`/api/policies/${policy.policyId}/acknowledge`, { versionId: policy.versionId }),
      200,
    )
  await move('training')
  const stage = options.stage ?? 'active'
  if (stage === 'mentored') await move('mentored', { mentorId: options.mentorId })
  if (stage === 'active') await move('active', { signOffEarly: true, reason: 'Experienced volunteer' })
  return { file, browser, email: user.email }
}
