import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../cases/cases.schemas'
import { LIVE_STATUSES } from '../../db/repositories/schedule.repository'
import { expectStatus } from '../../../tests/support/referrals'
import {
  buildSchedulingWorld,
  planBody,
  readyCase,
  type SchedulingWorld,
} from '../../../tests/support/scheduling'
import { buildUser } from '../../../tests/support/factories'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { PlanBooked, SessionView } from './scheduling.schemas'

/**
 * CONC-1: 50 concurrent requests for the same room and time (and 50 for overlapping but unequal
 * times) produce exactly 1 × 201 and 49 × 409, and no overlapping rows in the database. Each request
 * is for a different family, so only the room (capacity 1) stands between them. On PostgreSQL the
 * requests really run at once, over a pool of connections; the booking transaction serialises them
 * by locking the centre's row.
 */

const FAMILIES = 50
type Response = Awaited<ReturnType<TestBrowser['post']>>

let t: TestContext
let world: SchedulingWorld
const cases: CaseDetail[] = []

beforeAll(async () => {
  t = await createTestContext()
  // Room enough in every opening that the private room is the only thing the families compete for.
  world = await buildSchedulingWorld(t, { capacityUnits: 200 })
  // The centre takes 12 units of families by default; fifty families need a bigger one.
  const admin = new TestBrowser(t.app)
  await admin.signIn(
    await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' }),
    t.clock,
  )
  expectStatus(await admin.patch('/api/intake-settings', { centreCapacityUnits: 500 }), 200)
  for (let i = 0; i < FAMILIES; i++) cases.push(await readyCase(world))
}, 180_000)
afterAll(async () => t.close())

const oneOff = (date: string, startsAt: string, durationMinutes = 120) =>
  planBody(world, {
    frequency: 'one_off',
    firstOn: date,
    lastOn: null,
    startsAt,
    durationMinutes,
    roomId: world.privateRoom,
  })

/** Every pair of live sessions in the private room whose times overlap, in words. */
async function overlapsInRoom(roomId: string): Promise<string[]> {
  const rows = await t.deps.db
    .selectFrom('sessions')
    .select(['id', 'starts_at', 'ends_at'])
    .where('room_id', '=', roomId)
    .where('status', 'in', LIVE_STATUSES)
    .execute()
  const found: string[] = []
  for (const [i, a] of rows.entries())
    for (const b of rows.slice(i + 1))
      if (a.starts_at < b.ends_at && b.starts_at < a.ends_at)
        found.push(`${a.id} ${a.starts_at}–${a.ends_at} overlaps ${b.id} ${b.starts_at}–${b.ends_at}`)
  return found
}

const liveOn = (date: string) =>
  t.deps.db
    .selectFrom('sessions')
    .select(['id', 'case_id', 'starts_at'])
    .where('room_id', '=', world.privateRoom)
    .where('local_date', '=', date)
    .where('status', 'in', LIVE_STATUSES)
    .execute()

const plansFrom = (date: string) =>
  t.deps.db
    .selectFrom('contact_plans')
    .select('id')
    .where('organisation_id', '=', world.organisationId)
    .where('first_on', '=', date)
    .execute()

interface Refusal {
  error: { code: string; details?: { rule?: string; conflicts?: { rule: string; clashesWith: string[] }[] } }
}

/** Exactly one booking won; every other was refused because the room was taken by the winner. */
function expectOneWinner(responses: Response[]): SessionView {
  const statuses = responses.map((r) => r.statusCode)
  expect(statuses.filter((s) => s === 201)).toHaveLength(1)
  expect(statuses.filter((s) => s === 409)).toHaveLength(FAMILIES - 1)
  const winner = responses.find((r) => r.statusCode === 201)?.json<PlanBooked>().sessions[0]
  if (!winner) throw new Error('no session booked')
  for (const refused of responses.filter((r) => r.statusCode === 409)) {
    const { error } = refused.json<Refusal>()
    expect(error.code).toBe('CONFLICT')
    const room = error.details?.conflicts?.find((c) => c.rule === 'SCH-ROOM')
    expect(room?.clashesWith, refused.body.slice(0, 300)).toEqual([winner.id])
  }
  return winner
}

describe('double booking under concurrency (CONC-1)', () => {
  it(`${FAMILIES} families asking for the same room at the same time: one is booked, the rest refused`, async () => {
    const date = '2027-06-05'
    expect(new Set(cases.map((c) => c.id)).size).toBe(FAMILIES)
    const responses = await Promise.all(
      cases.map((c) => world.desk.post(`/api/cases/${c.id}/plans`, oneOff(date, '10:00'))),
    )
    const winner = expectOneWinner(responses)
    expect(winner).toMatchObject({
      date,
      localStart: '10:00',
      roomId: world.privateRoom,
      status: 'scheduled',
    })
    const live = await liveOn(date)
    expect(live).toEqual([{ id: winner.id, case_id: winner.caseId, starts_at: winner.startsAt }])
    // The refused transactions left nothing behind: no plan without its session.
    expect(await plansFrom(date)).toHaveLength(1)
    expect(await overlapsInRoom(world.privateRoom)).toEqual([])
  })

  it(`${FAMILIES} families asking for overlapping but unequal times: one is booked, the rest refused`, async () => {
    const date = '2027-06-12'
    // 10:00, 10:02 … 11:38, two hours each: every pair overlaps, no two are the same.
    const starts = cases.map((_, i) => {
      const minutes = 10 * 60 + 2 * i
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    })
    expect(new Set(starts).size).toBe(FAMILIES)
    const responses = await Promise.all(
      cases.map((c, i) => world.desk.post(`/api/cases/${c.id}/plans`, oneOff(date, starts[i] ?? '10:00'))),
    )
    const winner = expectOneWinner(responses)
    const asked = cases.findIndex((c) => c.id === winner.caseId)
    expect(winner.localStart).toBe(starts[asked])
    const live = await liveOn(date)
    expect(live.map((s) => s.id)).toEqual([winner.id])
    expect(await plansFrom(date)).toHaveLength(1)
    expect(await overlapsInRoom(world.privateRoom)).toEqual([])
  })

  it('two moves of one session at the same version: one succeeds, the other changes nothing', async () => {
    const family = cases[0]
    if (!family) throw new Error('no family')
    const booked = await world.desk.post(`/api/cases/${family.id}/plans`, oneOff('2027-06-19', '10:00', 60))
    expectStatus(booked, 201)
    const session = booked.json<PlanBooked>().sessions[0]
    if (!session) throw new Error('nothing booked')
    const targets = [
      { date: '2027-06-19', startsAt: '14:00' },
      { date: '2027-06-20', startsAt: '11:00' },
    ]
    const mailBefore = await movedMail()
    const responses = await Promise.all(
      targets.map((target, i) =>
        world.desk.post(`/api/sessions/${session.id}/move`, {
          ...target,
          version: session.version,
          reason: `Second thoughts ${i}`,
        }),
      ),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const loser = responses.find((r) => r.statusCode === 409)
    expect(loser?.json<Refusal>().error.details?.rule).toBe('stale-version')
    const won = responses.findIndex((r) => r.statusCode === 200)
    const moved = responses[won]?.json<{ session: SessionView }>().session
    const now = (await world.desk.get(`/api/sessions/${session.id}`)).json<SessionView>()
    expect(now).toEqual(moved)
    expect(now).toMatchObject({
      date: targets[won]?.date,
      localStart: targets[won]?.startsAt,
      version: session.version + 1,
      moved: true,
    })
    // Only the winner's change is on record: one audited move, one set of emails to the parents.
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['resource_ids', 'outcome'])
      .where('organisation_id', '=', world.organisationId)
      .where('action', '=', 'session.move')
      .execute()
    expect(
      audited.filter((row) => row.outcome === 'success' && row.resource_ids.includes(session.id)),
    ).toHaveLength(1)
    // Only the visiting parent has an email address (staffReferralBody): one email, not two.
    expect((await movedMail()) - mailBefore).toBe(1)
  })

  it('two changes of one plan at once: one replaces it, the other is refused and books nothing', async () => {
    const family = cases[1]
    if (!family) throw new Error('no family')
    const date = '2027-06-26'
    const booked = await world.desk.post(`/api/cases/${family.id}/plans`, oneOff(date, '10:00', 60))
    expectStatus(booked, 201)
    const { plan } = booked.json<PlanBooked>()
    // Different afternoons, so that the two new plans would not clash with each other.
    const responses = await Promise.all(
      ['13:00', '15:30'].map((startsAt) =>
        world.desk.post(`/api/plans/${plan.id}/change`, {
          ...oneOff(date, startsAt, 60),
          firstOn: undefined,
          from: date,
          reason: `Afternoon at ${startsAt}`,
        }),
      ),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(responses.find((r) => r.statusCode === 409)?.json<Refusal>().error.details?.rule).toBe(
      'plan-ended',
    )
    const plans = await t.deps.db
      .selectFrom('contact_plans')
      .select(['id', 'status', 'replaces_plan_id'])
      .where('case_id', '=', family.id)
      .execute()
    // The family may hold a one-off from the tests above: look at this plan and what replaced it.
    const replacements = plans.filter((p) => p.replaces_plan_id === plan.id)
    expect(replacements.map((p) => p.status)).toEqual(['active'])
    expect(plans.find((p) => p.id === plan.id)?.status).toBe('ended')
    const live = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('case_id', '=', family.id)
      .where('local_date', '=', date)
      .where('status', 'in', LIVE_STATUSES)
      .execute()
    expect(live).toHaveLength(1)
  })

  it('two ends of one plan at once: the first stands, the second is refused and changes nothing', async () => {
    const family = cases[2]
    if (!family) throw new Error('no family')
    const booked = await world.desk.post(`/api/cases/${family.id}/plans`, {
      ...oneOff('2027-07-03', '10:00', 60),
      frequency: 'weekly',
      lastOn: '2027-07-31',
    })
    expectStatus(booked, 201)
    const { plan } = booked.json<PlanBooked>()
    const ends = [
      { from: '2027-07-10', reason: 'Moving abroad' },
      { from: '2027-07-24', reason: 'Moving on to handovers' },
    ]
    const responses = await Promise.all(
      ends.map((body) => world.desk.post(`/api/plans/${plan.id}/end`, body)),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const won = ends[responses.findIndex((r) => r.statusCode === 200)]
    const row = await t.deps.db
      .selectFrom('contact_plans')
      .select(['status', 'last_on', 'ended_reason'])
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow()
    const dayBefore = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    expect(row).toEqual({ status: 'ended', last_on: dayBefore(won?.from ?? ''), ended_reason: won?.reason })
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select(['local_date', 'status'])
      .where('plan_id', '=', plan.id)
      .orderBy('local_date')
      .execute()
    expect(sessions.filter((s) => s.status === 'scheduled').map((s) => s.local_date)).toEqual(
      ['2027-07-03', '2027-07-10', '2027-07-17', '2027-07-24', '2027-07-31'].filter(
        (d) => d < (won?.from ?? ''),
      ),
    )
  })
})

/** How many "your session has moved" emails the organisation has sent. */
async function movedMail(): Promise<number> {
  const rows = await t.deps.db
    .selectFrom('outbox')
    .select('id')
    .where('organisation_id', '=', world.organisationId)
    .where('text_body', 'like', '%has moved a session%')
    .execute()
  return rows.length
}
