import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  bringToRiskAssessed,
  buildDesk,
  expectStatus,
  staffReferralBody,
} from '../../../tests/support/referrals'
import { holdReview, setReviewDue } from '../../../tests/support/statistics-outcomes-world'
import { buildStatisticsWorld, type StatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { cliOrigin, type Actor } from '../access/actor'
import { localDateIn } from '../cases/cases.rules'
import { changeContactLevel, closeCase, recordReview } from '../cases/manage-case'
import { AppError } from '../errors'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import { MEASURE_DEFINITIONS } from './definitions'
import { countMeasures } from './measures'
import { isProgression } from './service-figures'
import { SERVICE_DEFINITIONS, serviceReport } from './service-report'
import { periodBounds, statisticsScope } from './statistics-scope'
import type { ServiceReport, ServiceReportQuery } from './statistics.schemas'

const Q4 = { from: '2026-01-01', to: '2026-03-31' }

describe('the commissioner’s and the trustees’ reports', () => {
  let t: TestContext
  let world: StatisticsWorld
  beforeEach(async () => {
    t = await createTestContext()
    world = await buildStatisticsWorld(t.deps)
  })
  afterEach(async () => {
    await t.close()
  })

  const report = (
    query: Partial<ServiceReportQuery> = {},
    actor: Actor = world.actor(),
  ): Promise<ServiceReport> => serviceReport(t.deps, actor, { ...Q4, audience: 'commissioner', ...query })

  const failure = async (promise: Promise<unknown>): Promise<AppError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }

  describe('outcomes', () => {
    it('counts level changes by direction; only steps down the ladder are progressions', async () => {
      const a = await world.family({ openedOn: '2025-06-01', level: 'supervised' })
      const b = await world.family({ openedOn: '2026-01-15', level: 'escorted' })
      const change = (caseId: string, from: string | null, to: string, at: string) =>
        world.levelChange(caseId, { from, to, at })
      await change(a.caseId, null, 'supervised', world.at('2025-06-01')) // before the period
      await change(a.caseId, 'supervised', 'supported', world.at('2026-01-01', '00:00')) // its first moment
      await change(a.caseId, 'supported', 'handover', world.at('2026-02-10'))
      await change(a.caseId, 'handover', 'supported', world.at('2026-03-01')) // a step up
      await change(a.caseId, 'supported', 'self_managed', world.at('2026-04-01', '00:00')) // the day after
      await change(b.caseId, null, 'escorted', world.at('2026-01-15')) // the level it opened at
      await change(b.caseId, 'escorted', 'supported', world.at('2026-02-01'))
      await change(b.caseId, 'supported', 'virtual', world.at('2026-03-10')) // off the ladder
      await change(b.caseId, 'handover', 'indirect', world.at('2026-03-31', '23:59'))

      const { outcomes } = await report()
      expect(outcomes.levelChanges).toEqual([
        { from: null, to: 'escorted', count: 1 },
        { from: 'escorted', to: 'supported', count: 1 },
        { from: 'supervised', to: 'supported', count: 1 },
        { from: 'supported', to: 'handover', count: 1 },
        { from: 'supported', to: 'virtual', count: 1 },
        { from: 'handover', to: 'supported', count: 1 },
        { from: 'handover', to: 'indirect', count: 1 },
      ])
      expect(outcomes.progressions).toBe(4)
    })

    it('reads the ladder from supervised or escorted, to supported, handover, indirect and self-managed', () => {
      expect(isProgression('supervised', 'supported')).toBe(true)
      expect(isProgression('escorted', 'handover')).toBe(true)
      expect(isProgression('indirect', 'self_managed')).toBe(true)
      expect(isProgression('supervised', 'escorted')).toBe(false)
      expect(isProgression('supported', 'supervised')).toBe(false)
      expect(isProgression(null, 'supported')).toBe(false)
      expect(isProgression('virtual', 'handover')).toBe(false)
    })

    it('counts closures in the period by outcome, and the families who moved on', async () => {
      const closed = (closedOn: string, closureOutcome: string) =>
        world.family({ openedOn: '2025-06-01', closedOn, closureOutcome })
      await closed('2026-01-10', 'moved_on_own_arrangements')
      await closed('2026-02-10', 'moved_on_handover_community')
      await closed('2026-03-10', 'stepped_down_to_supported')
      await closed('2026-01-20', 'transferred_to_other_centre')
      await closed('2026-03-31', 'parent_withdrew')
      await closed('2026-03-30', 'moved_on_own_arrangements')
      await closed('2026-04-01', 'moved_on_own_arrangements') // the day after
      await closed('2025-12-31', 'parent_withdrew') // the day before
      await world.family({ openedOn: '2026-01-02' }) // still open

      const { outcomes } = await report()
      expect(outcomes.closures).toEqual([
        { outcome: 'moved_on_own_arrangements', label: 'Moved on to their own arrangements', count: 2 },
        {
          outcome: 'moved_on_handover_community',
          label: 'Moved on to handovers in the community',
          count: 1,
        },
        {
          outcome: 'stepped_down_to_supported',
          label: 'Stepped down to supported contact elsewhere',
          count: 1,
        },
        { outcome: 'transferred_to_other_centre', label: 'Transferred to another centre', count: 1 },
        { outcome: 'parent_withdrew', label: 'A parent withdrew', count: 1 },
      ])
      expect(outcomes.closed).toBe(6)
      expect(outcomes.movedOn).toBe(4)
    })
  })

  describe('waiting times', () => {
    it('counts days from referral to the first session held, for first sessions held in the period', async () => {
      const both = { resident: 'attended', nonResident: 'attended' } as const
      // Referred the year before, first session in January: 56 days.
      const f1 = await world.family({ receivedOn: '2025-11-15', openedOn: '2025-12-20' })
      await world.session(f1.caseId, '2026-01-10', both)
      await world.session(f1.caseId, '2026-01-24', both)
      // Cancelled and missed before the first one held: 21 days.
      const f2 = await world.family({ receivedOn: '2026-01-05', openedOn: '2026-01-08' })
      await world.session(f2.caseId, '2026-01-12', { cancelledBy: 'centre' })
      await world.session(f2.caseId, '2026-01-19', { resident: 'attended', nonResident: 'did_not_attend' })
      await world.session(f2.caseId, '2026-01-26', both)
      await world.session(f2.caseId, '2026-02-02', both)
      // First session on the last day: 30 days.
      const f3 = await world.family({ receivedOn: '2026-03-01', openedOn: '2026-03-10' })
      await world.session(f3.caseId, '2026-03-31', { ...both, startsAt: '16:00' })
      // Closed later in the period, after its first session: 30 days.
      const f6 = await world.family({
        receivedOn: '2026-01-01',
        openedOn: '2026-01-03',
        closedOn: '2026-02-20',
      })
      await world.session(f6.caseId, '2026-01-31', both)
      // First session before the period, or after it: not counted.
      const f4 = await world.family({ receivedOn: '2025-10-01', openedOn: '2025-10-10' })
      await world.session(f4.caseId, '2025-12-14', both)
      await world.session(f4.caseId, '2026-01-11', both)
      const f5 = await world.family({ receivedOn: '2026-02-01', openedOn: '2026-02-10' })
      await world.session(f5.caseId, '2026-03-29')
      await world.session(f5.caseId, '2026-04-01', both)

      const { waiting } = await report()
      expect(waiting).toMatchObject({ firstSessions: 4, medianDays: 30, meanDays: 34.3, longestDays: 56 })
    })

    it('counts the waiting list at the end of the period and the longest wait on it so far', async () => {
      const onList = (on: string) => [
        { to: 'pre_visits' as const, on },
        { to: 'risk_assessed' as const, on },
        { to: 'waitlisted' as const, on },
      ]
      await world.referral({ receivedOn: '2026-01-20', moves: onList('2026-02-01') }) // 58 days
      await world.referral({
        receivedOn: '2025-11-20',
        moves: [...onList('2025-12-01'), { to: 'accepted', on: '2026-04-10' }], // 120 days at the end
      })
      await world.referral({
        receivedOn: '2026-01-01',
        moves: [...onList('2026-01-05'), { to: 'accepted', on: '2026-03-02' }], // left in the period
      })
      await world.referral({ receivedOn: '2026-04-01', moves: onList('2026-04-01') }) // joined after

      const r = await report()
      expect(r.waiting).toEqual({
        firstSessions: 0,
        medianDays: null,
        meanDays: null,
        longestDays: null,
        waitingAtEnd: 2,
        longestWaitingDays: 120,
      })
      expect(r.waiting.waitingAtEnd).toBe(r.measures.referrals.waitingAtEnd)
    })
  })

  describe('reviews', () => {
    it('counts reviews held in the period: on time on the day due, late a day after, unknown with no due date', async () => {
      const a = await world.family({ openedOn: '2025-06-01' })
      const b = await world.family({ openedOn: '2025-06-01' })
      await world.review(a.caseId, { heldOn: '2026-01-15', dueOn: '2026-01-15' })
      await world.review(b.caseId, { heldOn: '2026-02-16', dueOn: '2026-02-15' })
      await world.review(a.caseId, { heldOn: '2026-03-01', dueOn: '2026-03-20' })
      await world.review(b.caseId, { heldOn: '2026-03-31', dueOn: null })
      await world.review(a.caseId, { heldOn: '2026-04-01', dueOn: '2026-03-01' }) // the day after
      await world.review(b.caseId, { heldOn: '2025-12-31', dueOn: '2025-12-01' }) // the day before

      const { reviews } = await report()
      expect(reviews).toMatchObject({ held: 4, onTime: 2, late: 1, dueUnknown: 1 })
    })

    it('counts reviews overdue at the end of a past period as they stood then, not as the cases stand now', async () => {
      const family = (openedOn = '2025-06-01') => world.family({ openedOn }).then((f) => f.caseId)
      // Due 1 February, held only in May: overdue on 31 March, though the case is not overdue now.
      const p = await family()
      await setReviewDue(world, p, '2026-02-01')
      await holdReview(world, p, { heldOn: '2026-05-10', nextDueOn: '2026-11-10' })
      // Held in January, next due in July.
      const q = await family()
      await setReviewDue(world, q, '2026-01-10')
      await holdReview(world, q, { heldOn: '2026-01-20', nextDueOn: '2026-07-20' })
      // Due on the last day and not held: overdue; due the day after: not yet.
      const r = await family()
      await setReviewDue(world, r, '2026-03-31')
      const s = await family()
      await setReviewDue(world, s, '2026-04-01')
      // The review held in September set 15 March; the one in April came too late.
      const tCase = await family()
      await setReviewDue(world, tCase, '2025-09-15')
      await holdReview(world, tCase, { heldOn: '2025-09-15', nextDueOn: '2026-03-15' })
      await holdReview(world, tCase, { heldOn: '2026-04-20', nextDueOn: '2026-10-20' })
      // Held on the last day itself.
      const u = await family()
      await setReviewDue(world, u, '2026-03-01')
      await holdReview(world, u, { heldOn: '2026-03-31', nextDueOn: '2026-09-30' })
      // Closed before the end, or opened after it: not open at the end.
      const v = await world.family({ openedOn: '2025-06-01', closedOn: '2026-03-20' })
      await setReviewDue(world, v.caseId, '2026-02-01')
      const w = await family('2026-04-02')
      await setReviewDue(world, w, '2026-01-01')
      // The next review did not record when it was due: not known, not counted.
      const x = await family()
      await world.review(x, { heldOn: '2026-05-01', dueOn: null })
      await setReviewDue(world, x, '2026-10-31')

      expect((await report()).reviews).toEqual({
        held: 2,
        onTime: 0,
        late: 2,
        dueUnknown: 0,
        overdueAtEnd: 3,
      })
      const spring = await report({ from: '2026-04-01', to: '2026-06-30' })
      expect(spring.reviews).toEqual({ held: 3, onTime: 0, late: 2, dueUnknown: 1, overdueAtEnd: 3 })
    })
  })

  it('counts incidents that happened in the period by category, in the session day’s words, and by severity', async () => {
    const f = await world.family({ openedOn: '2025-06-01' })
    const incident = (at: string, category: string, severity: string) =>
      world.incident(f.caseId, { at, category, severity })
    await incident(world.at('2026-01-01', '00:00'), 'aggression', 'serious')
    await incident(world.at('2026-02-01'), 'aggression', 'low')
    await incident(world.at('2026-02-02'), 'weather', 'low')
    await incident(world.at('2026-03-31', '23:59'), 'child_distress', 'moderate')
    await incident(world.at('2026-04-01', '00:00'), 'injury', 'critical') // the day after
    await incident(world.at('2025-12-31', '23:59'), 'rule_breach', 'low') // the day before

    const { incidents } = await report()
    expect(incidents).toEqual({
      total: 4,
      byCategory: [
        { category: 'aggression', label: 'Aggression or intimidation', count: 2 },
        { category: 'child_distress', label: 'Child distressed', count: 1 },
        { category: 'weather', label: 'weather', count: 1 },
      ],
      bySeverity: [
        { severity: 'low', count: 2 },
        { severity: 'moderate', count: 1 },
        { severity: 'serious', count: 1 },
        { severity: 'critical', count: 0 },
      ],
    })
  })

  it('counts approved volunteer hours to one decimal, the volunteers who gave them, and hours by kind', async () => {
    const volunteer = () => world.volunteer({ stage: 'active', startedOn: '2025-01-01' })
    const [a, b, c, d] = [await volunteer(), await volunteer(), await volunteer(), await volunteer()]
    await world.hours(a, { on: '2026-01-01', minutes: 90 })
    await world.hours(a, { on: '2026-03-31', minutes: 30, kind: 'training' })
    await world.hours(b, { on: '2026-02-14', minutes: 25, kind: 'escort' })
    await world.hours(c, { on: '2026-02-14', minutes: 300, status: 'submitted' })
    await world.hours(d, { on: '2026-02-14', minutes: 300, status: 'declined' })
    await world.hours(a, { on: '2026-04-01', minutes: 600 }) // the day after

    const { volunteering } = await report()
    expect(volunteering).toEqual({
      hours: 2.4,
      volunteersContributing: 2,
      byKind: [
        { kind: 'session', hours: 1.5 },
        { kind: 'training', hours: 0.5 },
        { kind: 'escort', hours: 0.4 },
      ],
    })
  })

  it('combines the shared measures with every figure’s definition; the audience changes only who it is for', async () => {
    const f = await world.family({ openedOn: '2026-01-05', children: 2 })
    await world.session(f.caseId, '2026-01-11', { resident: 'attended', nonResident: 'attended' })

    const forCommissioner = await report()
    const forTrustees = await report({ audience: 'trustees' })
    expect(forCommissioner.audience).toBe('commissioner')
    expect(forTrustees.audience).toBe('trustees')
    expect({ ...forTrustees, audience: 'commissioner' }).toEqual(forCommissioner)

    const scope = await statisticsScope(t.deps.db, world.actor())
    expect(forCommissioner.measures).toEqual(
      await countMeasures(t.deps.db, scope, periodBounds(Q4.from, Q4.to, world.timeZone)),
    )
    expect(forCommissioner.measures.families).toMatchObject({ served: 1, children: 2 })
    expect(forCommissioner.period).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      label: '1 January 2026 to 31 March 2026',
      timeZone: 'Europe/Jersey',
    })
    expect(forCommissioner.centres).toEqual([{ id: world.centreId, name: 'Test Centre' }])

    const figures = forCommissioner.definitions.map((d) => d.figure)
    expect(new Set(figures).size).toBe(figures.length)
    expect(forCommissioner.definitions).toEqual([...MEASURE_DEFINITIONS, ...SERVICE_DEFINITIONS])
    const sections = ['outcomes', 'waiting', 'reviews', 'incidents', 'volunteering'] as const
    for (const section of sections)
      for (const key of Object.keys(forCommissioner[section]))
        expect(figures, `${section}.${key} has a definition`).toContain(`${section}.${key}`)
    for (const d of SERVICE_DEFINITIONS) expect(d.meaning).not.toMatch(/\bcase_|_id\b|null/)
  })

  it('counts only the centre asked for, and never another organisation’s work', async () => {
    const north = await world.centre('North')
    const here = await world.family({ openedOn: '2025-06-01' })
    const there = await world.family({ openedOn: '2025-06-01', centreId: north.centreId })
    for (const f of [here, there]) {
      await world.levelChange(f.caseId, { from: 'supported', to: 'handover', at: world.at('2026-02-01') })
      await world.review(f.caseId, { heldOn: '2026-02-01', dueOn: '2026-02-01' })
      await world.incident(f.caseId, { at: world.at('2026-02-01'), category: 'aggression' })
    }
    await world.family({ openedOn: '2025-06-01', closedOn: '2026-02-01', centreId: north.centreId })
    const volunteer = await world.volunteer({
      stage: 'active',
      startedOn: '2025-01-01',
      centreId: north.centreId,
    })
    await world.hours(volunteer, { on: '2026-02-01', minutes: 60 })
    const waiting = [
      { to: 'pre_visits' as const, on: '2026-02-01' },
      { to: 'risk_assessed' as const, on: '2026-02-01' },
      { to: 'waitlisted' as const, on: '2026-02-01' },
    ]
    await world.referral({ receivedOn: '2026-01-20', centreId: north.centreId, moves: waiting })

    const stranger = await buildStatisticsWorld(t.deps)
    const theirs = await stranger.family({ openedOn: '2025-06-01', closedOn: '2026-02-01' })
    await stranger.levelChange(theirs.caseId, {
      from: 'supported',
      to: 'handover',
      at: stranger.at('2026-01-10'),
    })
    await stranger.review(theirs.caseId, { heldOn: '2026-01-10', dueOn: '2026-01-10' })
    await stranger.incident(theirs.caseId, { at: stranger.at('2026-01-10'), category: 'aggression' })
    const theirVolunteer = await stranger.volunteer({ stage: 'active', startedOn: '2025-01-01' })
    await stranger.hours(theirVolunteer, { on: '2026-02-01', minutes: 60 })
    await stranger.referral({ receivedOn: '2026-01-20', moves: waiting })

    const all = await report()
    expect(all.outcomes).toMatchObject({ progressions: 2, closed: 1 })
    expect(all.reviews).toMatchObject({ held: 2, onTime: 2 })
    expect(all.incidents.total).toBe(2)
    expect(all.volunteering.hours).toBe(1)
    expect(all.waiting.waitingAtEnd).toBe(1)

    const home = await report({ centreId: world.centreId })
    expect(home.centres).toEqual([{ id: world.centreId, name: 'Test Centre' }])
    expect(home.outcomes).toMatchObject({ progressions: 1, closed: 0 })
    expect(home.reviews).toMatchObject({ held: 1, onTime: 1 })
    expect(home.incidents.total).toBe(1)
    expect(home.volunteering).toEqual({ hours: 0, volunteersContributing: 0, byKind: [] })
    expect(home.waiting.waitingAtEnd).toBe(0)

    const northOnly = await report({ centreId: north.centreId })
    expect(northOnly.outcomes).toMatchObject({ progressions: 1, closed: 1 })
    expect(northOnly.waiting.waitingAtEnd).toBe(1)

    expect((await failure(report({ centreId: stranger.centreId }))).code).toBe('NOT_FOUND')
  })

  it('refuses a period that ends before it starts or runs longer than ten years', async () => {
    expect((await failure(report({ from: '2026-04-01', to: '2026-03-31' }))).code).toBe('INVALID_INPUT')
    expect((await failure(report({ from: '2016-01-01', to: '2026-03-31' }))).code).toBe('INVALID_INPUT')
    expect((await report({ from: '2016-04-01', to: '2026-03-31' })).period.from).toBe('2016-04-01')
  })

  it('audits a read from the command line, with the audience and the period', async () => {
    const reads = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['details', 'resource_type'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', '=', 'statistics.service-report.read')
        .execute()
    await report()
    expect(await reads()).toEqual([])
    await report({ audience: 'trustees' }, world.actor(undefined, { kind: 'cli' }))
    const rows = await reads()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.resource_type).toBe('organisation')
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({
      audience: 'trustees',
      from: '2026-01-01',
      to: '2026-03-31',
      centreIds: [world.centreId],
    })
  })

  it('counts what the app itself records: a level change, a review, a closure and the waiting list', async () => {
    const desk = await buildDesk(t)
    const actor: Actor = {
      kind: 'user',
      userId: desk.coordinator.userId,
      organisationId: desk.organisationId,
      grants: [{ role: 'coordinator', centreId: null }],
      sessionId: null,
      origin: cliOrigin(),
    }
    const assessed = async () => {
      const created = await desk.desk.post('/api/referrals', staffReferralBody(desk.centreId))
      expectStatus(created, 201)
      return bringToRiskAssessed(desk.desk, created.json<ReferralDetail>())
    }
    const decide = (referral: ReferralDetail, decision: 'accept' | 'waitlist') =>
      desk.desk.post(`/api/referrals/${referral.id}/decision`, { decision, reason: 'Decided at the meeting' })

    const first = await decide(await assessed(), 'accept')
    expectStatus(first, 200)
    const caseId = first.json<ReferralDetail>().caseId ?? ''
    const second = await decide(await assessed(), 'accept')
    expectStatus(second, 200)
    expectStatus(await decide(await assessed(), 'waitlist'), 200)

    const today = localDateIn('Europe/Jersey', t.clock.now())
    await changeContactLevel(t.deps, actor, caseId, { level: 'handover', reason: 'Going well' })
    await recordReview(t.deps, actor, caseId, { heldOn: today, outcome: 'move_to_handover' })
    await closeCase(t.deps, actor, second.json<ReferralDetail>().caseId ?? '', {
      outcome: 'moved_on_own_arrangements',
      reason: 'The parents arrange handovers themselves now',
    })

    const r = await serviceReport(t.deps, actor, { from: today, to: today, audience: 'commissioner' })
    expect(r.outcomes.levelChanges).toEqual([
      { from: null, to: 'supported', count: 2 },
      { from: 'supported', to: 'handover', count: 1 },
    ])
    expect(r.outcomes).toMatchObject({ progressions: 1, closed: 1, movedOn: 1 })
    expect(r.reviews).toEqual({ held: 1, onTime: 1, late: 0, dueUnknown: 0, overdueAtEnd: 0 })
    expect(r.waiting).toMatchObject({ waitingAtEnd: 1, longestWaitingDays: 0 })
    expect(r.waiting.waitingAtEnd).toBe(r.measures.referrals.waitingAtEnd)
  })
})
