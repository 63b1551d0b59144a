import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildStatisticsWorld, type StatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { AppError } from '../errors'
import { ageBandOf, dashboardReport } from './dashboard'
import { countMeasures } from './measures'
import { periodBounds, statisticsScope } from './statistics-scope'
import type { Dashboard, PeriodQuery } from './statistics.schemas'

describe('the dashboard', () => {
  let t: TestContext
  let world: StatisticsWorld
  beforeEach(async () => {
    t = await createTestContext()
    world = await buildStatisticsWorld(t.deps)
  })
  afterEach(async () => {
    await t.close()
  })

  const dashboard = (query: PeriodQuery, w: StatisticsWorld = world): Promise<Dashboard> =>
    dashboardReport(t.deps, w.actor(), query)
  const column = <K extends keyof Dashboard['sessionsByMonth'][number]>(d: Dashboard, key: K) =>
    d.sessionsByMonth.map((m) => m[key])

  const failure = async (promise: Promise<unknown>): Promise<AppError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }

  it('lists every month of the period in order, with zeros for months where nothing happened', async () => {
    const d = await dashboard({ from: '2026-01-15', to: '2026-04-10' })
    expect(d.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04'])
    expect(d.period).toMatchObject({ from: '2026-01-15', to: '2026-04-10', timeZone: 'Europe/Jersey' })
    expect(d.centres).toEqual([{ id: world.centreId, name: 'Test Centre' }])
    expect(d.referralsByMonth.map((m) => m.total)).toEqual([0, 0, 0, 0])
    expect(d.sessionsByMonth).toEqual(
      d.months.map((month) => ({ month, delivered: 0, cancelled: 0, notAttended: 0 })),
    )
    expect(d.capacityByMonth).toEqual(d.months.map((month) => ({ month, available: 0, booked: 0 })))
    expect(d.waitingByMonth).toEqual(d.months.map((month) => ({ month, waiting: 0, medianWaitDays: null })))
    expect(d.volunteerHoursByMonth).toEqual(d.months.map((month) => ({ month, hours: 0 })))
    expect(d.outcomes).toEqual([])
    expect(d.childrenByAge.map((b) => [b.band, b.children])).toEqual([
      ['under_2', 0],
      ['2_to_4', 0],
      ['5_to_7', 0],
      ['8_to_11', 0],
      ['12_and_over', 0],
      ['unknown', 0],
    ])
  })

  it('counts referrals by source and by month in the centre’s calendar, leaving out merged duplicates', async () => {
    await world.settings({
      referralSources: [
        { code: 'court_adviser', label: 'Family court adviser' },
        { code: 'self', label: 'Self-referral' },
        { code: 'social_services', label: 'Social services' },
      ],
    })
    await world.referral({ receivedOn: '2026-01-05', source: 'self' })
    await world.referral({ receivedOn: '2026-01-31', source: 'court_adviser' })
    await world.referral({ receivedOn: '2026-01-20', source: 'self' })
    const kept = await world.referral({ receivedOn: '2026-03-02', source: 'court_adviser' })
    await world.referral({ receivedOn: '2026-03-03', source: 'court_adviser', mergedIntoId: kept })
    // 00:30 on 1 April in Jersey (summer time) is still 31 March in UTC: it belongs to April.
    await world.referral({ receivedAt: world.at('2026-04-01', '00:30'), source: 'mediator' })
    // Outside the period on either side.
    await world.referral({ receivedAt: world.at('2025-12-31', '23:59'), source: 'self' })
    await world.referral({ receivedAt: world.at('2026-05-01', '00:00'), source: 'self' })

    const d = await dashboard({ from: '2026-01-01', to: '2026-04-30' })
    expect(d.sources).toEqual([
      { source: 'court_adviser', label: 'Family court adviser' },
      { source: 'self', label: 'Self-referral' },
      { source: 'social_services', label: 'Social services' },
      { source: 'mediator', label: 'mediator' },
    ])
    expect(d.referralsByMonth).toEqual([
      {
        month: '2026-01',
        bySource: { court_adviser: 1, self: 2, social_services: 0, mediator: 0 },
        total: 3,
      },
      {
        month: '2026-02',
        bySource: { court_adviser: 0, self: 0, social_services: 0, mediator: 0 },
        total: 0,
      },
      {
        month: '2026-03',
        bySource: { court_adviser: 1, self: 0, social_services: 0, mediator: 0 },
        total: 1,
      },
      {
        month: '2026-04',
        bySource: { court_adviser: 0, self: 0, social_services: 0, mediator: 1 },
        total: 1,
      },
    ])
  })

  it('puts the children of cases open on the last day in age bands, a birthday counting from the day itself', async () => {
    const births = [
      '2024-06-30', // 2 that day
      '2024-07-01', // 1
      '2021-06-30', // 5
      '2021-07-01', // 4
      '2018-06-30', // 8
      '2018-07-01', // 7
      '2014-06-30', // 12
      '2014-07-01', // 11
      null,
    ]
    await world.family({ openedOn: '2025-09-01', children: births })
    // Open at the end of the last day: closed the day after still counts.
    await world.family({ openedOn: '2026-01-10', closedOn: '2026-07-01', children: ['2025-01-01'] })
    // Not open at the end: closed on the last day, or opened after it.
    await world.family({ openedOn: '2026-01-10', closedOn: '2026-06-30', children: ['2016-01-01'] })
    await world.family({ openedOn: '2026-07-01', children: ['2016-01-01'] })

    const d = await dashboard({ from: '2026-01-01', to: '2026-06-30' })
    expect(d.childrenByAge).toEqual([
      { band: 'under_2', label: 'Under 2', children: 2 },
      { band: '2_to_4', label: '2 to 4', children: 2 },
      { band: '5_to_7', label: '5 to 7', children: 2 },
      { band: '8_to_11', label: '8 to 11', children: 2 },
      { band: '12_and_over', label: '12 and over', children: 1 },
      { band: 'unknown', label: 'Date of birth not recorded', children: 1 },
    ])
  })

  it('tells a date of birth after the day counted as unknown', () => {
    expect(ageBandOf('2026-07-01', '2026-06-30')).toBe('unknown')
    expect(ageBandOf('2026-06-30', '2026-06-30')).toBe('under_2')
    expect(ageBandOf('2014-06-30', '2026-06-30')).toBe('12_and_over')
  })

  it('counts sessions delivered, cancelled and not attended by month; capacity is places offered against sessions booked', async () => {
    const family = await world.family({ openedOn: '2025-12-01' })
    const both = { resident: 'attended', nonResident: 'attended' } as const
    await world.session(family.caseId, '2026-01-04', both)
    await world.session(family.caseId, '2026-01-11', both)
    await world.session(family.caseId, '2026-01-18', { cancelledBy: 'centre' })
    await world.session(family.caseId, '2026-01-25', { cancelledBy: 'resident', noticeHours: 2 })
    await world.session(family.caseId, '2026-02-01', { resident: 'attended', nonResident: 'did_not_attend' })
    await world.session(family.caseId, '2026-02-08', { status: 'skipped' })
    await world.session(family.caseId, '2026-03-29', { startsAt: '23:00' })
    await world.session(family.caseId, '2026-04-05', both) // after the period

    // Sundays, 4 places; a closure of the whole centre on 8 February and of the venue on 15 March.
    await world.opening({ weekday: 7, firstOn: '2025-11-02', capacityUnits: 4 })
    await world.closure({ firstDay: '2026-02-08' })
    await world.closure({ firstDay: '2026-03-15', venueId: world.venueId })
    // Every other Sunday from 11 January, 2 places, ending on 22 February.
    await world.opening({
      weekday: 7,
      firstOn: '2026-01-11',
      lastOn: '2026-02-22',
      everyWeeks: 2,
      capacityUnits: 2,
    })

    const d = await dashboard({ from: '2026-01-01', to: '2026-03-31' })
    expect(d.sessionsByMonth).toEqual([
      { month: '2026-01', delivered: 2, cancelled: 2, notAttended: 0 },
      { month: '2026-02', delivered: 0, cancelled: 0, notAttended: 1 },
      { month: '2026-03', delivered: 0, cancelled: 0, notAttended: 0 },
    ])
    // January: 4 Sundays × 4 + (11 and 25) × 2 = 20; February: (1, 15, 22) × 4 + 22 × 2 (8 closed) = 14;
    // March: (1, 8, 22, 29) × 4 = 16 (15 closed at the venue).
    expect(d.capacityByMonth).toEqual([
      { month: '2026-01', available: 20, booked: 3 },
      { month: '2026-02', available: 14, booked: 1 },
      { month: '2026-03', available: 16, booked: 1 },
    ])

    // The months add up to the measures the quarterly return counts for the same period.
    const scope = await statisticsScope(t.deps.db, world.actor())
    const measures = await countMeasures(
      t.deps.db,
      scope,
      periodBounds('2026-01-01', '2026-03-31', world.timeZone),
    )
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
    expect(sum(d.capacityByMonth.map((m) => m.available))).toBe(measures.sessions.available)
    expect(sum(d.capacityByMonth.map((m) => m.booked))).toBe(measures.sessions.booked)
    expect(sum(column(d, 'delivered'))).toBe(measures.sessions.attended)
    expect(sum(column(d, 'cancelled'))).toBe(measures.sessions.cancelled.total)
    expect(sum(column(d, 'notAttended'))).toBe(measures.sessions.noShows.sessions)
  })

  it('gives the waiting list on each month’s last day and the median wait of those who left it that month', async () => {
    const onList = (on: string) => [
      { to: 'pre_visits' as const, on },
      { to: 'risk_assessed' as const, on },
      { to: 'waitlisted' as const, on },
    ]
    // On the list before the period, withdrawn on 20 January: 51 days.
    await world.referral({
      receivedOn: '2025-11-20',
      moves: [...onList('2025-11-30'), { to: 'withdrawn', on: '2026-01-20' }],
    })
    // Joined on 10 January, offered a place on 5 March: 54 days.
    await world.referral({
      receivedOn: '2026-01-02',
      moves: [...onList('2026-01-10'), { to: 'accepted', on: '2026-03-05' }],
    })
    // Joined on 1 February, offered a place on 1 March: 28 days.
    await world.referral({
      receivedOn: '2026-01-20',
      moves: [...onList('2026-02-01'), { to: 'accepted', on: '2026-03-01' }],
    })
    // Joined on 28 February, still waiting.
    await world.referral({ receivedOn: '2026-02-01', moves: onList('2026-02-28') })
    // Joined on the last day of March at 23:30: on the list at the month's end.
    await world.referral({
      receivedOn: '2026-03-01',
      moves: [
        { to: 'pre_visits', on: '2026-03-01' },
        { to: 'risk_assessed', on: '2026-03-01' },
        { to: 'waitlisted', at: world.at('2026-03-31', '23:30') },
      ],
    })
    // Joined and left after the period: never on the list in it.
    await world.referral({
      receivedOn: '2026-04-01',
      moves: [...onList('2026-04-02'), { to: 'declined', on: '2026-04-09' }],
    })

    const d = await dashboard({ from: '2026-01-01', to: '2026-03-31' })
    expect(d.waitingByMonth).toEqual([
      { month: '2026-01', waiting: 1, medianWaitDays: 51 },
      { month: '2026-02', waiting: 3, medianWaitDays: null },
      { month: '2026-03', waiting: 2, medianWaitDays: 41 },
    ])
    const scope = await statisticsScope(t.deps.db, world.actor())
    const measures = await countMeasures(
      t.deps.db,
      scope,
      periodBounds('2026-01-01', '2026-03-31', world.timeZone),
    )
    expect(d.waitingByMonth.at(-1)?.waiting).toBe(measures.referrals.waitingAtEnd)

    // A period ending mid-month counts the list on the period's last day.
    const mid = await dashboard({ from: '2026-02-01', to: '2026-03-03' })
    expect(mid.waitingByMonth).toEqual([
      { month: '2026-02', waiting: 3, medianWaitDays: null },
      { month: '2026-03', waiting: 2, medianWaitDays: 28 },
    ])
  })

  it('counts closures by outcome in the period and approved volunteer hours by month', async () => {
    await world.family({
      openedOn: '2025-06-01',
      closedOn: '2026-01-31',
      closureOutcome: 'moved_on_own_arrangements',
    })
    await world.family({ openedOn: '2025-06-01', closedOn: '2026-02-14', closureOutcome: 'parent_withdrew' })
    await world.family({
      openedOn: '2025-06-01',
      closedOn: '2026-03-01',
      closureOutcome: 'moved_on_own_arrangements',
    })
    await world.family({ openedOn: '2025-06-01', closedOn: '2026-04-01', closureOutcome: 'parent_withdrew' }) // the day after
    await world.family({ openedOn: '2025-06-01', closedOn: '2025-12-31', closureOutcome: 'other' }) // the day before

    const a = await world.volunteer({ stage: 'active', startedOn: '2025-01-01' })
    const b = await world.volunteer({ stage: 'active', startedOn: '2025-01-01' })
    await world.hours(a, { on: '2026-01-01', minutes: 90 })
    await world.hours(b, { on: '2026-01-31', minutes: 20, kind: 'training' })
    await world.hours(a, { on: '2026-03-31', minutes: 45 })
    await world.hours(a, { on: '2026-03-10', minutes: 600, status: 'submitted' })
    await world.hours(b, { on: '2026-03-11', minutes: 600, status: 'declined' })
    await world.hours(b, { on: '2026-04-01', minutes: 600 })

    const d = await dashboard({ from: '2026-01-01', to: '2026-03-31' })
    expect(d.outcomes).toEqual([
      { outcome: 'moved_on_own_arrangements', label: 'Moved on to their own arrangements', count: 2 },
      { outcome: 'parent_withdrew', label: 'A parent withdrew', count: 1 },
    ])
    expect(d.volunteerHoursByMonth).toEqual([
      { month: '2026-01', hours: 1.8 },
      { month: '2026-02', hours: 0 },
      { month: '2026-03', hours: 0.8 },
    ])
  })

  it('counts only the centre asked for, and never another organisation’s work', async () => {
    const other = await world.centre('North')
    const here = await world.family({ openedOn: '2026-01-05', children: ['2020-01-01'] })
    const there = await world.family({
      openedOn: '2026-01-05',
      centreId: other.centreId,
      children: ['2020-01-01', '2021-01-01'],
    })
    await world.session(here.caseId, '2026-01-11', { resident: 'attended', nonResident: 'attended' })
    await world.session(there.caseId, '2026-01-11', { resident: 'attended', nonResident: 'attended' })
    await world.referral({ receivedOn: '2026-01-06', centreId: other.centreId })
    await world.opening({ weekday: 7, firstOn: '2026-01-04', venueId: other.venueId, capacityUnits: 3 })
    const volunteer = await world.volunteer({
      stage: 'active',
      startedOn: '2025-01-01',
      centreId: other.centreId,
    })
    await world.hours(volunteer, { on: '2026-01-12', minutes: 60 })

    const stranger = await buildStatisticsWorld(t.deps)
    const theirs = await stranger.family({ openedOn: '2026-01-05', children: 4 })
    await stranger.session(theirs.caseId, '2026-01-11', { resident: 'attended', nonResident: 'attended' })
    await stranger.referral({ receivedOn: '2026-01-06' })
    await stranger.opening({ weekday: 7, firstOn: '2026-01-04' })

    const period = { from: '2026-01-01', to: '2026-01-31' }
    const all = await dashboard(period)
    expect(all.centres.map((c) => c.id).sort()).toEqual([world.centreId, other.centreId].sort())
    expect(all.referralsByMonth[0]?.total).toBe(3)
    expect(all.sessionsByMonth[0]?.delivered).toBe(2)
    expect(all.capacityByMonth[0]).toEqual({ month: '2026-01', available: 12, booked: 2 })
    expect(all.childrenByAge.reduce((n, b) => n + b.children, 0)).toBe(3)
    expect(all.volunteerHoursByMonth[0]?.hours).toBe(1)

    const north = await dashboard({ ...period, centreId: other.centreId })
    expect(north.centres).toEqual([{ id: other.centreId, name: 'North' }])
    expect(north.referralsByMonth[0]?.total).toBe(2)
    expect(north.sessionsByMonth[0]?.delivered).toBe(1)
    expect(north.capacityByMonth[0]).toEqual({ month: '2026-01', available: 12, booked: 1 })
    expect(north.childrenByAge.reduce((n, b) => n + b.children, 0)).toBe(2)

    const home = await dashboard({ ...period, centreId: world.centreId })
    expect(home.capacityByMonth[0]).toEqual({ month: '2026-01', available: 0, booked: 1 })
    expect(home.volunteerHoursByMonth[0]?.hours).toBe(0)

    // Another organisation's centre is not found, and a coordinator of one centre sees only that one.
    expect((await failure(dashboard({ ...period, centreId: stranger.centreId }))).code).toBe('NOT_FOUND')
    const local = world.actor([{ role: 'coordinator', centreId: world.centreId }])
    const mine = await dashboardReport(t.deps, local, period)
    expect(mine.centres.map((c) => c.id)).toEqual([world.centreId])
    expect(
      (await failure(dashboardReport(t.deps, local, { ...period, centreId: other.centreId }))).code,
    ).toBe('NOT_FOUND')
  })

  it('refuses a period that ends before it starts or runs longer than ten years', async () => {
    const backwards = await failure(dashboard({ from: '2026-03-01', to: '2026-02-28' }))
    expect(backwards.code).toBe('INVALID_INPUT')
    const long = await failure(dashboard({ from: '2016-01-01', to: '2026-01-31' }))
    expect(long.code).toBe('INVALID_INPUT')
    const decade = await dashboard({ from: '2016-04-01', to: '2026-03-31' })
    expect(decade.months).toHaveLength(120)
    expect(decade.months.at(0)).toBe('2016-04')
    expect(decade.months.at(-1)).toBe('2026-03')
  })

  it('audits a read from the command line, and only that', async () => {
    const reads = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', '=', 'statistics.dashboard.read')
        .execute()
    await dashboard({ from: '2026-01-01', to: '2026-03-31' })
    expect(await reads()).toEqual([])
    await dashboardReport(t.deps, world.actor(undefined, { kind: 'cli' }), {
      from: '2026-01-01',
      to: '2026-03-31',
    })
    const rows = await reads()
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      centreIds: [world.centreId],
    })
  })
})
