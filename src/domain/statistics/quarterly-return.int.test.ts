import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStatisticsWorld, type StatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import type { Actor } from '../access/actor'
import { AppError } from '../errors'
import { MEASURE_DEFINITIONS } from './definitions'
import { quarterlyReturn } from './quarterly-return'
import type { Measures } from './statistics.schemas'

// Every figure of the NACCC quarterly return, each counted from rows written straight into the
// tables so the scenario says exactly what happened and when. The centres keep Jersey time, and
// 2026-Q3 (October to December 2026) crosses the end of British Summer Time on 25 October.

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

const Q3 = '2026-Q3'

async function measuresOf(
  world: StatisticsWorld,
  quarter = Q3,
  options: { actor?: Actor; centreId?: string } = {},
): Promise<Measures> {
  const answer = await quarterlyReturn(t.deps, options.actor ?? world.actor(), {
    quarter,
    ...(options.centreId ? { centreId: options.centreId } : {}),
  })
  return answer.measures
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('the period of a quarter', () => {
  it('runs from midnight on 1 October (summer time) to midnight after 31 December (winter time), labelled', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const answer = await quarterlyReturn(t.deps, world.actor(), { quarter: Q3 })
    expect(answer.quarter).toBe(Q3)
    expect(answer.period).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
      label: 'Q3 2026/27 (October to December 2026)',
      timeZone: 'Europe/Jersey',
    })
    expect(answer.centres).toEqual([{ id: world.centreId, name: 'Test Centre' }])
    expect(world.at('2026-10-01', '00:00')).toBe('2026-09-30T23:00:00.000Z')
    expect(world.at('2027-01-01', '00:00')).toBe('2027-01-01T00:00:00.000Z')
  })

  it('refuses a quarter not written YYYY-Qn before counting anything', async () => {
    const world = await buildStatisticsWorld(t.deps)
    for (const quarter of ['2026-Q5', '2026Q3', 'Q3 2026', '2026-Q0', ''])
      expect((await rejection(quarterlyReturn(t.deps, world.actor(), { quarter }))).code).toBe(
        'INVALID_INPUT',
      )
  })
})

describe('referrals', () => {
  it('counts the referrals received in the quarter by source: every configured source in order, then unknown codes; merged duplicates never', async () => {
    const world = await buildStatisticsWorld(t.deps)
    await world.settings({
      referralSources: [
        { code: 'court_adviser', label: 'Court adviser (JFCAS)' },
        { code: 'self', label: 'Self-referral' },
        { code: 'social_services', label: 'Social services' },
        { code: 'other', label: 'Other' },
      ],
    })
    // The first and last minutes of the quarter in Jersey time count; a minute either side does not.
    await world.referral({ source: 'court_adviser', receivedAt: world.at('2026-10-01', '00:00') })
    await world.referral({ source: 'court_adviser', receivedAt: world.at('2026-12-31', '23:59') })
    const kept = await world.referral({ source: 'self', receivedOn: '2026-11-10' })
    await world.referral({ source: 'legacy_family_court', receivedOn: '2026-11-11' })
    await world.referral({ source: 'self', receivedAt: world.at('2026-09-30', '23:59') })
    await world.referral({ source: 'self', receivedAt: world.at('2027-01-01', '00:00') })
    await world.referral({
      source: 'self',
      receivedOn: '2026-11-12',
      moves: [{ to: 'merged', on: '2026-11-13' }],
      mergedIntoId: kept,
    })

    const q3 = await measuresOf(world)
    expect(q3.referrals.received).toBe(4)
    expect(q3.referrals.bySource).toEqual([
      { source: 'court_adviser', label: 'Court adviser (JFCAS)', count: 2 },
      { source: 'self', label: 'Self-referral', count: 1 },
      { source: 'social_services', label: 'Social services', count: 0 },
      { source: 'other', label: 'Other', count: 0 },
      { source: 'legacy_family_court', label: 'legacy_family_court', count: 1 },
    ])
    expect((await measuresOf(world, '2026-Q2')).referrals.received).toBe(1)
    expect((await measuresOf(world, '2026-Q4')).referrals.received).toBe(1)
    // A quarter with none still lists every source.
    const q1 = await measuresOf(world, '2026-Q1')
    expect(q1.referrals.received).toBe(0)
    expect(q1.referrals.bySource.map((s) => [s.source, s.count])).toEqual([
      ['court_adviser', 0],
      ['self', 0],
      ['social_services', 0],
      ['other', 0],
    ])
  })

  it('counts decisions in the quarter they were made, whenever the referral arrived, each referral once', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const before = '2026-09-01'
    const assessed = [
      { to: 'pre_visits' as const, on: '2026-09-05' },
      { to: 'risk_assessed' as const, on: '2026-09-10' },
    ]
    // Received in the previous quarter, accepted in this one.
    await world.referral({ receivedOn: before, moves: [...assessed, { to: 'accepted', on: '2026-10-05' }] })
    // Received and declined in the quarter.
    await world.referral({ receivedOn: '2026-11-02', moves: [{ to: 'declined', on: '2026-11-02' }] })
    // Waitlisted, then accepted, both in the quarter.
    await world.referral({
      receivedOn: before,
      moves: [...assessed, { to: 'waitlisted', on: '2026-10-10' }, { to: 'accepted', on: '2026-12-01' }],
    })
    await world.referral({ receivedOn: before, moves: [{ to: 'withdrawn', on: '2026-12-20' }] })
    // Waitlisted in the quarter, accepted in the next.
    await world.referral({
      receivedOn: before,
      moves: [...assessed, { to: 'waitlisted', on: '2026-11-20' }, { to: 'accepted', on: '2027-01-02' }],
    })
    // Waitlisted on the first day, withdrawn in the last minute.
    await world.referral({
      receivedOn: before,
      moves: [
        ...assessed,
        { to: 'waitlisted', at: world.at('2026-10-01', '00:00') },
        { to: 'withdrawn', at: world.at('2026-12-31', '23:59') },
      ],
    })
    // Declined the minute after the quarter ended.
    await world.referral({
      receivedOn: before,
      moves: [{ to: 'declined', at: world.at('2027-01-01', '00:00') }],
    })

    const q3 = await measuresOf(world)
    expect(q3.referrals).toMatchObject({ received: 1, accepted: 2, declined: 1, waitlisted: 3, withdrawn: 2 })
    const q4 = await measuresOf(world, '2026-Q4')
    expect(q4.referrals).toMatchObject({ received: 0, accepted: 1, declined: 1, waitlisted: 0, withdrawn: 0 })
    const q2 = await measuresOf(world, '2026-Q2')
    expect(q2.referrals).toMatchObject({ received: 6, accepted: 0, declined: 0, waitlisted: 0, withdrawn: 0 })
  })

  it('counts the waiting list as it stood at the end of each quarter, from each referral’s history', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const assessed = [
      { to: 'pre_visits' as const, on: '2026-07-05' },
      { to: 'risk_assessed' as const, on: '2026-07-10' },
    ]
    const received = '2026-07-01'
    // Waiting since the summer, still waiting now.
    await world.referral({
      receivedOn: received,
      moves: [...assessed, { to: 'waitlisted', on: '2026-08-01' }],
    })
    // Waiting at the end of Q3, accepted in Q4.
    await world.referral({
      receivedOn: received,
      moves: [...assessed, { to: 'waitlisted', on: '2026-11-20' }, { to: 'accepted', on: '2027-01-10' }],
    })
    // Put on the list in the last minute of Q3.
    await world.referral({
      receivedOn: received,
      moves: [...assessed, { to: 'waitlisted', at: world.at('2026-12-31', '23:59') }],
    })
    // Left the list within Q3.
    await world.referral({
      receivedOn: received,
      moves: [...assessed, { to: 'waitlisted', on: '2026-10-01' }, { to: 'declined', on: '2026-10-30' }],
    })
    // Waiting when a merged duplicate: never counted.
    const kept = await world.referral({ receivedOn: received })
    await world.referral({
      receivedOn: received,
      moves: [...assessed, { to: 'waitlisted', on: '2026-08-02' }],
      mergedIntoId: kept,
    })

    expect((await measuresOf(world, '2026-Q2')).referrals.waitingAtEnd).toBe(1)
    expect((await measuresOf(world, Q3)).referrals.waitingAtEnd).toBe(3)
    expect((await measuresOf(world, '2026-Q4')).referrals.waitingAtEnd).toBe(2)
    expect((await measuresOf(world, '2026-Q1')).referrals.waitingAtEnd).toBe(0)
  })
})

describe('families and children', () => {
  it('counts families served, new and open at the end; siblings are one family and each child counts', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const held = { resident: 'attended', nonResident: 'attended' } as const
    // A sibling group of three, seen in the quarter and still open.
    const siblings = await world.family({ openedOn: '2026-05-01', children: 3 })
    await world.session(siblings.caseId, '2026-11-03', held)
    // Closed mid-quarter after a session held before it closed: served, not open at the end.
    const closed = await world.family({ openedOn: '2026-06-01', closedOn: '2026-11-01' })
    await world.session(closed.caseId, '2026-10-20', held)
    // Closed early in the quarter; its only session was cancelled: neither served nor open.
    const never = await world.family({ openedOn: '2026-07-15', closedOn: '2026-10-05' })
    await world.session(never.caseId, '2026-10-03', { cancelledBy: 'resident' })
    // Opened 00:30 on 1 October (23:30 UTC the day before): new in Q3.
    await world.family({ openedAt: world.at('2026-10-01', '00:30'), children: 2 })
    // Opened 23:30 on 30 September: new in Q2.
    await world.family({ openedAt: world.at('2026-09-30', '23:30') })
    // Opened in the last half hour of the quarter: new, and open at the end.
    await world.family({ openedAt: world.at('2026-12-31', '23:30') })
    // Opened the minute the quarter ended: neither.
    await world.family({ openedAt: world.at('2027-01-01', '00:00') })
    // Closed on the last day: not open at the end; a missed session is not a session held.
    const lastDay = await world.family({ openedOn: '2026-04-01', closedOn: '2026-12-31' })
    await world.session(lastDay.caseId, '2026-12-01', { resident: 'attended', nonResident: 'did_not_attend' })

    const q3 = await measuresOf(world)
    expect(q3.families).toEqual({
      served: 2,
      children: 4,
      newFamilies: 2,
      newChildren: 3,
      activeAtEnd: 4,
      childrenAtEnd: 7,
    })
    const q2 = await measuresOf(world, '2026-Q2')
    expect(q2.families).toMatchObject({ served: 0, newFamilies: 2, newChildren: 2 })
    // At the end of Q2: siblings, the mid-quarter closure, the early closure, the 23:30 opening, the last-day closure.
    expect(q2.families).toMatchObject({ activeAtEnd: 5, childrenAtEnd: 7 })
  })

  it('counts a family once however many sessions it had', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const family = await world.family({ openedOn: '2026-09-01', children: 2 })
    for (const day of ['2026-10-03', '2026-10-10', '2026-10-17'])
      await world.session(family.caseId, day, { resident: 'attended', nonResident: 'late' })
    expect((await measuresOf(world)).families).toMatchObject({ served: 1, children: 2 })
  })
})

describe('sessions', () => {
  it('counts places available from the opening sessions that ran, taking out closure days', async () => {
    const world = await buildStatisticsWorld(t.deps)
    // Saturdays, 4 families: 13 Saturdays in the quarter, Boxing Day closed for the whole centre.
    await world.opening({ weekday: 6, firstOn: '2026-01-03', capacityUnits: 4 })
    await world.closure({ firstDay: '2026-12-26' })
    // At a second venue, every other Wednesday from 30 September, 2 families: 14 Oct … 23 Dec (6),
    // that venue closed 11–25 November (2); its closure does not close the first venue's Saturdays.
    const annexe = await world.venue()
    await world.opening({
      weekday: 3,
      firstOn: '2026-09-30',
      everyWeeks: 2,
      capacityUnits: 2,
      venueId: annexe,
    })
    await world.closure({ firstDay: '2026-11-11', lastDay: '2026-11-25', venueId: annexe })
    // Thursdays 1–15 October only, 3 families: the first day of the quarter counts.
    await world.opening({ weekday: 4, firstOn: '2026-10-01', lastOn: '2026-10-15', capacityUnits: 3 })
    // Ended before the quarter; starts after it.
    await world.opening({ weekday: 5, firstOn: '2026-01-02', lastOn: '2026-09-25', capacityUnits: 9 })
    await world.opening({ weekday: 5, firstOn: '2027-01-01', capacityUnits: 9 })
    // Another centre, closed on its first Saturday; its closure does not close this centre.
    const other = await world.centre('Harbour Centre')
    await world.opening({ weekday: 6, firstOn: '2026-06-06', capacityUnits: 5, venueId: other.venueId })
    await world.closure({ firstDay: '2026-10-03', centreId: other.centreId })

    const here = 12 * 4 + 4 * 2 + 3 * 3
    expect((await measuresOf(world, Q3, { centreId: world.centreId })).sessions.available).toBe(here)
    expect((await measuresOf(world, Q3, { centreId: other.centreId })).sessions.available).toBe(12 * 5)
    const both = await measuresOf(world)
    expect(both.sessions.available).toBe(here + 60)
    expect(both.sessions.capacityUsedPercent).toBe(0)
    // Q4 (January to March 2027), nothing closed: 13 Saturdays at each centre, 7 of the fortnightly
    // Wednesdays (6 January … 31 March) and the 13 Fridays of the opening that starts on 1 January.
    expect((await measuresOf(world, '2026-Q4')).sessions.available).toBe(13 * 4 + 7 * 2 + 13 * 9 + 13 * 5)
  })

  it('counts booked, held, cancelled (late or in good time, by whom) and no-shows; the first and last day count, the day after does not', async () => {
    const world = await buildStatisticsWorld(t.deps)
    await world.opening({ weekday: 6, firstOn: '2026-01-03', capacityUnits: 5 })
    const family = await world.family({ openedOn: '2026-06-01' })
    const s = (on: string, options: Parameters<StatisticsWorld['session']>[2] = {}) =>
      world.session(family.caseId, on, options)
    await s('2026-10-01', { resident: 'attended', nonResident: 'attended' })
    await s('2026-12-31', { resident: 'attended', nonResident: 'did_not_attend' })
    await s('2027-01-01', { resident: 'attended', nonResident: 'attended' })
    await s('2026-09-30', { resident: 'attended', nonResident: 'attended' })
    // On the night the clocks go back, in the hour that happens twice.
    await s('2026-10-25', { startsAt: '01:30' })
    await s('2026-11-07', { status: 'skipped' })
    await s('2026-11-14', { cancelledBy: 'centre', noticeHours: 2 })
    await s('2026-11-21', { cancelledBy: 'resident', noticeHours: 72 })
    await s('2026-11-28', { cancelledBy: 'non_resident', noticeHours: 5 })
    await s('2026-12-05', { cancelledBy: 'resident', noticeHours: 23.5 })
    await s('2026-12-12', { status: 'suspended' })
    await s('2026-12-19', { resident: 'late', nonResident: 'attended' })
    await s('2026-10-10', { resident: 'did_not_attend', nonResident: 'did_not_attend' })
    await s('2026-10-17', { resident: 'did_not_attend', nonResident: 'attended' })

    const q3 = await measuresOf(world)
    // 13 Saturdays of 5 places.
    expect(q3.sessions).toEqual({
      available: 65,
      booked: 10,
      attended: 2,
      capacityUsedPercent: 15,
      cancelled: { total: 4, byCentre: 1, byResident: 2, byNonResident: 1, late: 2 },
      noShows: { sessions: 3, resident: 2, nonResident: 2 },
    })
    expect(q3.families).toMatchObject({ served: 1, children: 1 })

    // The centre asks for 6 hours' notice: only the 5-hour cancellation is late.
    await world.settings({ cancellationNoticeHours: 6 })
    expect((await measuresOf(world)).sessions.cancelled.late).toBe(1)
    await world.settings({ cancellationNoticeHours: 0 })
    expect((await measuresOf(world)).sessions.cancelled.late).toBe(0)

    const q4 = await measuresOf(world, '2026-Q4')
    expect(q4.sessions).toMatchObject({ booked: 1, attended: 1 })
    expect(q4.sessions.cancelled.total).toBe(0)
  })

  it('leaves capacity used blank when nothing was available', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const family = await world.family({ openedOn: '2026-06-01' })
    await world.session(family.caseId, '2026-10-10', { venueId: null })
    const q3 = await measuresOf(world)
    expect(q3.sessions).toMatchObject({ available: 0, booked: 1, capacityUsedPercent: null })
  })
})

describe('volunteers and staff', () => {
  it('counts the team on the last day, who joined and who left in the quarter', async () => {
    const world = await buildStatisticsWorld(t.deps)
    await world.volunteer({ stage: 'active', startedOn: '2025-03-01' })
    await world.volunteer({ stage: 'left', startedOn: '2025-01-01', leftOn: '2026-11-15' })
    await world.volunteer({ stage: 'leaving', startedOn: '2024-06-01' })
    await world.volunteer({ stage: 'mentored', startedOn: '2026-10-20' })
    await world.volunteer({ stage: 'training', stageChangedAt: world.at('2026-09-01') })
    await world.volunteer({ stage: 'cleared', stageChangedAt: world.at('2027-01-05') })
    await world.volunteer({ stage: 'enquiry' })
    await world.volunteer({ stage: 'withdrawn' })
    // Left after the quarter: on the team at its end.
    await world.volunteer({ stage: 'left', startedOn: '2025-05-01', leftOn: '2027-01-10' })
    // Started after the quarter.
    await world.volunteer({ stage: 'active', startedOn: '2027-01-03' })
    // Left on the last day.
    await world.volunteer({ stage: 'left', startedOn: '2025-05-01', leftOn: '2026-12-31' })
    const other = await world.centre()
    await world.volunteer({ stage: 'active', startedOn: '2025-01-01', centreId: other.centreId })

    expect((await measuresOf(world)).people).toMatchObject({
      volunteers: 6,
      volunteersJoined: 1,
      volunteersLeft: 2,
    })
    expect((await measuresOf(world, Q3, { centreId: world.centreId })).people.volunteers).toBe(5)
    // Q4: the one who left in January has gone; the January starter and the one cleared in January are on.
    expect((await measuresOf(world, '2026-Q4')).people).toMatchObject({
      volunteers: 7,
      volunteersJoined: 1,
      volunteersLeft: 1,
    })
  })

  it('counts desk staff once each: organisation-wide grants everywhere, a centre’s grant for that centre', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const other = await world.centre()
    await world.staff({ role: 'admin' })
    await world.staff({ role: 'coordinator', centreId: world.centreId })
    await world.staff({ role: 'coordinator', centreId: other.centreId })
    await world.staff({
      grants: [
        { role: 'admin', centreId: null },
        { role: 'coordinator', centreId: world.centreId },
      ],
    })
    await world.staff({ role: 'volunteer', centreId: world.centreId })
    await world.staff({ role: 'referrer' })
    await world.staff({ role: 'coordinator', disabled: true })
    await world.staff({ role: 'coordinator', grantedAt: world.at('2027-01-02') })

    expect((await measuresOf(world)).people.staff).toBe(4)
    expect((await measuresOf(world, Q3, { centreId: world.centreId })).people.staff).toBe(3)
    expect((await measuresOf(world, Q3, { centreId: other.centreId })).people.staff).toBe(3)
    expect((await measuresOf(world, '2026-Q4')).people.staff).toBe(5)
  })
})

describe('who sees what', () => {
  it('never counts another organisation’s data', async () => {
    const busy = await buildStatisticsWorld(t.deps)
    await busy.opening({ weekday: 6, firstOn: '2026-01-03' })
    const family = await busy.family({ openedOn: '2026-10-02', children: 2 })
    await busy.session(family.caseId, '2026-10-10', { resident: 'attended', nonResident: 'attended' })
    await busy.session(family.caseId, '2026-10-17', { cancelledBy: 'resident', noticeHours: 1 })
    await busy.referral({ receivedOn: '2026-10-05', moves: [{ to: 'declined', on: '2026-10-06' }] })
    await busy.volunteer({ stage: 'active', startedOn: '2026-10-01' })
    await busy.staff({ role: 'admin' })
    expect((await measuresOf(busy)).families.served).toBe(1)

    const quiet = await buildStatisticsWorld(t.deps)
    const q3 = await measuresOf(quiet)
    expect(q3.referrals).toMatchObject({ received: 0, accepted: 0, declined: 0, waitingAtEnd: 0 })
    expect(q3.families).toEqual({
      served: 0,
      children: 0,
      newFamilies: 0,
      newChildren: 0,
      activeAtEnd: 0,
      childrenAtEnd: 0,
    })
    expect(q3.sessions).toMatchObject({ available: 0, booked: 0, attended: 0, capacityUsedPercent: null })
    expect(q3.sessions.cancelled).toMatchObject({ total: 0, late: 0 })
    expect(q3.people).toEqual({ volunteers: 0, staff: 0, volunteersJoined: 0, volunteersLeft: 0 })
    // Asking for the other organisation's centre is a centre that does not exist.
    expect((await rejection(measuresOf(quiet, Q3, { centreId: busy.centreId }))).code).toBe('NOT_FOUND')
  })

  it('shows a centre’s coordinator their centre only, and 404 for any other', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const other = await world.centre('Harbour Centre')
    const here = await world.family({ openedOn: '2026-10-02' })
    const there = await world.family({ openedOn: '2026-10-03', centreId: other.centreId, children: 2 })
    await world.session(here.caseId, '2026-10-10', { resident: 'attended', nonResident: 'attended' })
    await world.session(there.caseId, '2026-10-10', { resident: 'attended', nonResident: 'attended' })
    await world.referral({ receivedOn: '2026-10-04', centreId: other.centreId })
    const stranger = await buildStatisticsWorld(t.deps)

    const coordinator = world.actor([{ role: 'coordinator', centreId: world.centreId }])
    const own = await quarterlyReturn(t.deps, coordinator, { quarter: Q3 })
    expect(own.centres).toEqual([{ id: world.centreId, name: 'Test Centre' }])
    expect(own.measures.families).toMatchObject({ served: 1, children: 1, newFamilies: 1 })
    expect(own.measures.referrals.received).toBe(1)
    for (const centreId of [other.centreId, stranger.centreId])
      expect((await rejection(measuresOf(world, Q3, { actor: coordinator, centreId }))).code).toBe(
        'NOT_FOUND',
      )

    // A volunteer has no desk, so no centre to report on.
    const volunteer = world.actor([{ role: 'volunteer', centreId: world.centreId }])
    expect((await rejection(measuresOf(world, Q3, { actor: volunteer }))).code).toBe('NOT_FOUND')

    // Organisation-wide: both centres, or one when asked.
    const all = await quarterlyReturn(t.deps, world.actor(), { quarter: Q3 })
    expect(all.centres.map((c) => c.name).sort()).toEqual(['Harbour Centre', 'Test Centre'])
    expect(all.measures.families).toMatchObject({ served: 2, children: 3, newFamilies: 2 })
    expect(all.measures.referrals.received).toBe(3)
    const one = await measuresOf(world, Q3, { centreId: other.centreId })
    expect(one.families).toMatchObject({ served: 1, children: 2 })
  })

  it('audits a read from the command line; a request is audited by its route', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const rows = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['actor_user_id', 'resource_ids', 'details', 'outcome'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', '=', 'statistics.quarterly-return.read')
        .execute()
    await quarterlyReturn(t.deps, world.actor(), { quarter: Q3 })
    expect(await rows()).toEqual([])
    const admin = await world.staff({ role: 'admin' })
    const cli = world.actor([{ role: 'admin', centreId: null }], { kind: 'cli', userId: admin })
    await quarterlyReturn(t.deps, cli, { quarter: Q3 })
    const written = await rows()
    expect(written).toHaveLength(1)
    expect(written[0]?.outcome).toBe('success')
    expect(written[0]?.actor_user_id).toBe(admin)
    expect(JSON.parse(written[0]?.resource_ids ?? '[]')).toEqual([world.organisationId])
    expect(JSON.parse(written[0]?.details ?? '{}')).toEqual({ quarter: Q3, centreIds: [world.centreId] })
  })
})

describe('the definitions', () => {
  /** Every figure's path in the measures, e.g. "sessions.cancelled.late". */
  function figures(value: unknown, prefix = ''): string[] {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix]
    return Object.entries(value).flatMap(([key, inner]) => figures(inner, prefix ? `${prefix}.${key}` : key))
  }

  it('defines every figure of the return once, and nothing else', async () => {
    const world = await buildStatisticsWorld(t.deps)
    const answer = await quarterlyReturn(t.deps, world.actor(), { quarter: Q3 })
    expect(answer.definitions).toEqual(MEASURE_DEFINITIONS)
    const defined = MEASURE_DEFINITIONS.map((d) => d.figure)
    expect(new Set(defined).size).toBe(defined.length)
    expect(defined).toEqual(figures(answer.measures))
    for (const d of MEASURE_DEFINITIONS) {
      expect(d.term.length).toBeGreaterThan(3)
      expect(d.meaning.length).toBeGreaterThan(40)
    }
  })

  it('writes down the edge rules a centre is asked about', () => {
    const meaning = (figure: string) => MEASURE_DEFINITIONS.find((d) => d.figure === figure)?.meaning ?? ''
    expect(meaning('families.served')).toMatch(/closed during the period still counts/)
    expect(meaning('families.served')).toMatch(/one family/)
    expect(meaning('families.children')).toMatch(/each child counts/)
    expect(meaning('sessions.cancelled.late')).toMatch(/by a parent with less notice/)
    expect(meaning('referrals.bySource')).toMatch(/“other”/)
    expect(meaning('referrals.received')).toMatch(/merged/)
    expect(meaning('sessions.booked')).toMatch(/except sessions the centre itself called off/)
  })
})
