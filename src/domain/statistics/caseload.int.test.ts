import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { caseloadReport } from './caseload'

// The caseload by referral source on a day: the children of the cases open at the end of that day
// and their distinct visiting adults. The world keeps Jersey time.

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('the caseload on a day', () => {
  it('counts each child of a sibling group and their one visiting parent, by source in the settings’ order', async () => {
    const world = await buildStatisticsWorld(t.deps)
    await world.family({ source: 'self', openedOn: '2026-03-01', children: 3 })
    await world.family({ source: 'court_adviser', openedOn: '2026-02-01', children: 1 })
    await world.family({ source: 'court_adviser', openedOn: '2026-02-02', children: 2 })
    const answer = await caseloadReport(t.deps, world.actor(), { on: '2026-06-30' })
    expect(answer).toEqual({
      on: '2026-06-30',
      bySource: [
        { source: 'court_adviser', label: 'Court adviser (Cafcass / JFCAS)', children: 3, parents: 2 },
        { source: 'self', label: 'Self-referral', children: 3, parents: 1 },
      ],
      total: { children: 6, parents: 3 },
    })
  })

  it('counts a case from the day it opens to the day before it closes, in the centre’s calendar', async () => {
    const world = await buildStatisticsWorld(t.deps)
    // Opened at 00:30 Jersey summer time, which is still the day before in UTC.
    await world.family({ openedAt: world.at('2026-07-01', '00:30'), children: 1 })
    await world.family({ openedOn: '2026-01-05', closedAt: world.at('2026-07-01', '23:30'), children: 2 })
    const on = async (day: string) => (await caseloadReport(t.deps, world.actor(), { on: day })).total
    expect(await on('2026-06-30')).toEqual({ children: 2, parents: 1 })
    expect(await on('2026-07-01')).toEqual({ children: 1, parents: 1 })
    expect(await on('2026-07-02')).toEqual({ children: 1, parents: 1 })
    expect(await on('2026-01-04')).toEqual({ children: 0, parents: 0 })
  })

  it('counts a visiting parent with a sign-in once across their families, and lists a source no longer offered by its code', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const first = await world.family({ source: 'court_adviser', openedOn: '2026-01-10', children: 1 })
    const second = await world.family({ source: 'retired_scheme', openedOn: '2026-01-11', children: 1 })
    const userId = await world.staff({ role: 'parent' })
    await t.deps.db
      .updateTable('parties')
      .set({ user_id: userId })
      .where('id', 'in', [first.visitingId, second.visitingId])
      .execute()
    const answer = await caseloadReport(t.deps, world.actor(), { on: '2026-02-01' })
    expect(answer.bySource).toEqual([
      { source: 'court_adviser', label: 'Court adviser (Cafcass / JFCAS)', children: 1, parents: 1 },
      { source: 'retired_scheme', label: 'retired_scheme', children: 1, parents: 1 },
    ])
    expect(answer.total).toEqual({ children: 2, parents: 1 })
  })

  it('keeps to the caller’s centres and organisation', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const other = await world.centre('St Brelade')
    await world.family({ openedOn: '2026-01-10', children: 1 })
    await world.family({ openedOn: '2026-01-10', children: 2, centreId: other.centreId })
    const elsewhere = await buildStatisticsWorld(t.deps)
    await elsewhere.family({ openedOn: '2026-01-10', children: 4 })

    const total = async (actor = world.actor(), centreId?: string) =>
      (await caseloadReport(t.deps, actor, { on: '2026-02-01', ...(centreId ? { centreId } : {}) })).total
    expect(await total()).toEqual({ children: 3, parents: 2 })
    expect(await total(world.actor(), other.centreId)).toEqual({ children: 2, parents: 1 })
    expect(await total(world.actor([{ role: 'coordinator', centreId: world.centreId }]))).toEqual({
      children: 1,
      parents: 1,
    })
    await expect(
      caseloadReport(t.deps, world.actor([{ role: 'coordinator', centreId: world.centreId }]), {
        on: '2026-02-01',
        centreId: other.centreId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      caseloadReport(t.deps, world.actor(), { on: '2026-02-01', centreId: elsewhere.centreId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
