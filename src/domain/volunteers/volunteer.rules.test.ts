import { describe, expect, it } from 'vitest'
import { plusDays } from '../scheduling/schedule.rules'
import {
  ageOn,
  BLOCKING,
  blockingFor,
  defaultExpiry,
  dutyProblem,
  isAvailable,
  isMentee,
  overlaps,
  PIPELINE_STAGES,
  plusMonths,
  requirementState,
  ROSTERABLE_STAGES,
  sayDay,
  STAGE_LABELS,
  STAGE_MOVES,
  stageProblem,
  worstStatus,
  type PolicyFacts,
  type RecordFacts,
  type RequirementFacts,
  type VolunteerFacts,
} from './volunteer.rules'
import { VOLUNTEER_STAGES, type RequirementState, type RequirementStatus } from './volunteers.schemas'

const OPTIONS = { expiringWithinDays: 60, policyGraceDays: 30 }
const TODAY = '2026-10-03'

const DBS: RequirementFacts = {
  id: 'req-dbs',
  code: 'dbs',
  title: 'Enhanced DBS check',
  kind: 'dbs',
  mandatory: true,
  validMonths: 36,
  dueDays: null,
  gates: ['*'],
}
const FIRST_AID: RequirementFacts = {
  id: 'req-first-aid',
  code: 'first_aid',
  title: 'First aid',
  kind: 'training',
  mandatory: true,
  validMonths: 36,
  dueDays: 90,
  gates: ['*'],
}
const POLICIES: RequirementFacts = {
  id: 'req-policies',
  code: 'policies',
  title: 'Centre policies read',
  kind: 'policies',
  mandatory: true,
  validMonths: null,
  dueDays: null,
  gates: ['*'],
}

const record = (overrides: Partial<RecordFacts> = {}): RecordFacts => ({
  requirementId: DBS.id,
  completedOn: '2024-01-10',
  expiresOn: '2027-01-10',
  passed: true,
  renewalStartedOn: null,
  ...overrides,
})

const dbsOn = (asOf: string, overrides: Partial<RecordFacts> = {}) =>
  requirementState(DBS, record(overrides), null, asOf, OPTIONS)

describe('requirementState for a record with an expiry', () => {
  it('is ok beyond the alert window, and says until when', () => {
    const state = dbsOn(TODAY, { expiresOn: '2027-01-10' })
    expect(state).toMatchObject({
      requirementId: DBS.id,
      code: 'dbs',
      status: 'ok',
      blocks: false,
      completedOn: '2024-01-10',
      expiresOn: '2027-01-10',
      dueOn: null,
      detail: 'Valid until 10 Jan 2027',
    })
  })

  it('is ok with no expiry at all, and says when it was done', () => {
    expect(dbsOn(TODAY, { expiresOn: null })).toMatchObject({ status: 'ok', detail: 'Done on 10 Jan 2024' })
  })

  it('is expiring from the first day of the alert window, ok the day before it opens', () => {
    const edge = plusDays(TODAY, OPTIONS.expiringWithinDays)
    expect(dbsOn(TODAY, { expiresOn: edge })).toMatchObject({ status: 'expiring', blocks: false })
    expect(dbsOn(TODAY, { expiresOn: plusDays(edge, 1) }).status).toBe('ok')
  })

  it('still runs on the day it expires (expiring, not expired); it is expired the day after', () => {
    const today = dbsOn(TODAY, { expiresOn: TODAY })
    expect(today).toMatchObject({ status: 'expiring', blocks: false, detail: 'Expires on 3 Oct 2026' })
    // Even with no alert window at all, the last day is not yet expired.
    const noWindow = requirementState(DBS, record({ expiresOn: TODAY }), null, TODAY, {
      ...OPTIONS,
      expiringWithinDays: 0,
    })
    expect(noWindow.status).toBe('expiring')
    const after = dbsOn(plusDays(TODAY, 1), { expiresOn: TODAY })
    expect(after).toMatchObject({
      status: 'expired',
      blocks: true,
      gates: ['*'],
      expiresOn: TODAY,
      detail: 'Expired on 3 Oct 2026',
    })
  })

  it('shows a renewal in flight before the expiry, without blocking', () => {
    const state = dbsOn(TODAY, { expiresOn: '2026-10-20', renewalStartedOn: '2026-09-01' })
    expect(state).toMatchObject({
      status: 'renewal',
      blocks: false,
      renewalStartedOn: '2026-09-01',
      detail: 'Renewal in progress since 1 Sep 2026; the current one runs to 20 Oct 2026',
    })
    // A renewal outranks "expiring": the alert has been acted on.
    expect(dbsOn('2026-10-20', { expiresOn: '2026-10-20', renewalStartedOn: '2026-09-01' }).status).toBe(
      'renewal',
    )
  })

  it('a renewal in flight does not stop an expired record from blocking', () => {
    const state = dbsOn('2026-10-21', { expiresOn: '2026-10-20', renewalStartedOn: '2026-09-01' })
    expect(state).toMatchObject({
      status: 'expired',
      blocks: true,
      detail: 'Expired on 20 Oct 2026; renewal in progress since 1 Sep 2026',
    })
  })
})

describe('requirementState for a record not passed, or no record', () => {
  it('a DBS check that did not clear counts as missing and blocks', () => {
    expect(dbsOn(TODAY, { passed: false })).toMatchObject({
      status: 'missing',
      blocks: true,
      detail: 'Not cleared',
      completedOn: '2024-01-10',
      expiresOn: null,
    })
  })

  it('a course not passed is missing when mandatory, optional when not', () => {
    const failed = record({ requirementId: FIRST_AID.id, passed: false })
    expect(requirementState(FIRST_AID, failed, null, TODAY, OPTIONS)).toMatchObject({
      status: 'missing',
      detail: 'Not passed',
      blocks: true,
    })
    const optional = { ...FIRST_AID, mandatory: false, gates: [] }
    expect(requirementState(optional, failed, null, TODAY, OPTIONS)).toMatchObject({
      status: 'optional',
      detail: 'Not passed (optional)',
      blocks: false,
    })
  })

  it('not done and not mandatory is optional, and does not block', () => {
    // (A requirement that is optional for everyone but gates a duty, like the supervisor
    // qualification, is left to the tests of that rule.)
    const course: RequirementFacts = { ...FIRST_AID, id: 'req-course', mandatory: false, gates: [] }
    expect(requirementState(course, undefined, '2025-01-01', TODAY, OPTIONS)).toMatchObject({
      status: 'optional',
      blocks: false,
      detail: 'Not done (optional)',
    })
  })

  it('not done, mandatory and needed before starting is missing', () => {
    expect(requirementState(DBS, undefined, null, TODAY, OPTIONS)).toMatchObject({
      status: 'missing',
      blocks: true,
      detail: 'Not done: needed before starting',
      dueOn: null,
    })
  })

  it('not done with a deadline after starting is due until that day, overdue the day after', () => {
    expect(requirementState(FIRST_AID, undefined, null, TODAY, OPTIONS)).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn: null,
      detail: 'Not done: due within 90 days of starting',
    })
    const startedOn = '2026-07-05'
    const dueOn = plusDays(startedOn, 90)
    expect(dueOn).toBe('2026-10-03')
    expect(requirementState(FIRST_AID, undefined, startedOn, dueOn, OPTIONS)).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn,
      detail: 'Not done: due by 3 Oct 2026',
    })
    expect(requirementState(FIRST_AID, undefined, startedOn, plusDays(dueOn, 1), OPTIONS)).toMatchObject({
      status: 'overdue',
      blocks: true,
      dueOn,
      detail: 'Not done: was due by 3 Oct 2026',
    })
  })

  it('blocks only when it gates something', () => {
    const review: RequirementFacts = { ...FIRST_AID, id: 'req-review', kind: 'checklist', gates: [] }
    const overdue = requirementState(review, undefined, '2025-01-01', TODAY, OPTIONS)
    expect(overdue).toMatchObject({ status: 'overdue', blocks: false, gates: [] })
    const expired = requirementState(
      { ...DBS, gates: [] },
      record({ expiresOn: '2026-01-01' }),
      null,
      TODAY,
      OPTIONS,
    )
    expect(expired).toMatchObject({ status: 'expired', blocks: false })
  })
})

describe('requirementState for the policies to read', () => {
  const policy = (overrides: Partial<PolicyFacts> = {}): PolicyFacts => ({
    title: 'Confidentiality',
    currentPublishedOn: '2026-09-01',
    acknowledgedCurrent: false,
    acknowledgedEarlier: false,
    ...overrides,
  })
  const policiesOn = (
    asOf: string,
    policies: PolicyFacts[],
    req = POLICIES,
    startedOn: string | null = null,
  ) => requirementState(req, undefined, startedOn, asOf, OPTIONS, policies)

  it('is ok when every current version is read', () => {
    expect(policiesOn(TODAY, [policy({ acknowledgedCurrent: true })])).toMatchObject({
      status: 'ok',
      blocks: false,
      detail: 'The policy is read',
    })
    const both = [
      policy({ acknowledgedCurrent: true }),
      policy({ title: 'Complaints', acknowledgedCurrent: true }),
    ]
    expect(policiesOn(TODAY, both)).toMatchObject({ status: 'ok', detail: 'All 2 policies read' })
  })

  it('a policy never read is missing (needed before starting) and blocks', () => {
    expect(policiesOn(TODAY, [policy()])).toMatchObject({
      status: 'missing',
      blocks: true,
      detail: 'Confidentiality not read: needed before starting',
    })
    // With a deadline after starting, never read is due, then overdue, like any requirement.
    const withDeadline = { ...POLICIES, dueDays: 30 }
    expect(policiesOn('2026-09-30', [policy()], withDeadline, '2026-09-01').status).toBe('due')
    expect(policiesOn('2026-10-02', [policy()], withDeadline, '2026-09-01').status).toBe('overdue')
  })

  it('a new version read in an earlier version is due within the grace period, overdue after it', () => {
    const renewed = policy({ acknowledgedEarlier: true, currentPublishedOn: '2026-09-03' })
    const dueOn = plusDays('2026-09-03', OPTIONS.policyGraceDays)
    expect(dueOn).toBe(TODAY)
    expect(policiesOn(TODAY, [renewed])).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn,
      detail: 'New version of Confidentiality to read by 3 Oct 2026',
    })
    expect(policiesOn(plusDays(TODAY, 1), [renewed])).toMatchObject({
      status: 'overdue',
      blocks: true,
      dueOn,
      detail: 'New version of Confidentiality not read: was due by 3 Oct 2026',
    })
  })

  it('a policy first published after the volunteer started gets the grace period too', () => {
    const added = policy({ currentPublishedOn: '2026-09-03' })
    expect(policiesOn(TODAY, [added], POLICIES, '2025-01-01')).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn: TODAY,
    })
    expect(policiesOn(plusDays(TODAY, 1), [added], POLICIES, '2025-01-01')).toMatchObject({
      status: 'overdue',
      blocks: true,
    })
    // Someone not yet started reads it before starting, however new it is.
    expect(policiesOn(TODAY, [added], POLICIES, null).status).toBe('missing')
  })

  it('reports the worst of several, and how many are left to read', () => {
    const state = policiesOn(TODAY, [
      policy({ title: 'Complaints', acknowledgedEarlier: true, currentPublishedOn: '2026-09-20' }),
      policy({ title: 'Data protection' }),
      policy({ title: 'Health and safety', acknowledgedCurrent: true }),
    ])
    expect(state).toMatchObject({
      status: 'missing',
      blocks: true,
      detail: 'Data protection not read: needed before starting (2 policies to read)',
    })
  })

  it('blocks only when the policies gate something', () => {
    const gatesNothing = { ...POLICIES, gates: [] }
    expect(policiesOn(TODAY, [policy()], gatesNothing)).toMatchObject({ status: 'missing', blocks: false })
  })
})

const stateWith = (
  status: RequirementStatus,
  gates: RequirementState['gates'],
  title = 'Req',
): RequirementState => ({
  requirementId: title,
  code: title,
  title,
  kind: 'training',
  status,
  blocks: BLOCKING.has(status) && gates.length > 0,
  gates: [...gates],
  completedOn: null,
  expiresOn: null,
  dueOn: null,
  renewalStartedOn: null,
  detail: status,
})

describe('blockingFor and worstStatus', () => {
  it('a blocking requirement gating every shift stops every duty', () => {
    const dbs = stateWith('expired', ['*'], 'DBS')
    for (const duty of ['floor', 'reception', 'team_leader', 'supervisor', 'escort'] as const)
      expect(blockingFor([dbs], duty)).toEqual([dbs])
  })

  it('a blocking requirement gating a duty stops only that duty', () => {
    const qualification = stateWith('missing', ['supervisor'], 'Qualification')
    const escortTraining = stateWith('expired', ['escort', 'team_leader'], 'Escort')
    const states = [qualification, escortTraining]
    expect(blockingFor(states, 'supervisor')).toEqual([qualification])
    expect(blockingFor(states, 'escort')).toEqual([escortTraining])
    expect(blockingFor(states, 'team_leader')).toEqual([escortTraining])
    expect(blockingFor(states, 'floor')).toEqual([])
  })

  it('one not needed by everyone but gating a duty by name is needed for that duty (R-STF-5)', () => {
    const qualification = stateWith('optional', ['supervisor'], 'Supervisor qualification')
    const blocking = blockingFor([{ ...qualification, detail: 'Not done (optional)' }], 'supervisor')
    expect(blocking).toEqual([
      expect.objectContaining({
        title: 'Supervisor qualification',
        status: 'missing',
        blocks: true,
        detail: 'Not done: needed for supervisor places',
      }),
    ])
    expect(blockingFor([qualification], 'floor')).toEqual([])
    expect(blockingFor([qualification], 'team_leader')).toEqual([])
    // Gating every shift is not gating a duty by name: an optional course never blocks the floor.
    expect(blockingFor([stateWith('optional', ['*'])], 'floor')).toEqual([])
  })

  it('states that do not block are never blocking, whatever they gate', () => {
    const states = (['ok', 'expiring', 'renewal', 'due'] as const).map((s) =>
      stateWith(s, ['*', 'supervisor']),
    )
    expect(blockingFor(states, 'floor')).toEqual([])
    expect(blockingFor(states, 'supervisor')).toEqual([])
    expect(blockingFor([stateWith('overdue', [])], 'floor')).toEqual([])
  })

  it('worstStatus ranks missing above overdue above expired, and is ok for nothing', () => {
    expect(worstStatus([])).toBe('ok')
    expect(worstStatus([stateWith('optional', [])])).toBe('ok')
    expect(worstStatus([stateWith('expiring', []), stateWith('due', []), stateWith('renewal', [])])).toBe(
      'due',
    )
    expect(worstStatus([stateWith('overdue', []), stateWith('expired', [])])).toBe('overdue')
    expect(worstStatus([stateWith('overdue', []), stateWith('missing', [])])).toBe('missing')
  })
})

const volunteer = (overrides: Partial<VolunteerFacts> = {}): VolunteerFacts => ({
  id: 'v1',
  fullName: 'Ann Example',
  stage: 'active',
  duties: [],
  mentorId: null,
  startedOn: '2025-01-01',
  mentoringUntil: null,
  plannedEndOn: null,
  availability: [],
  exceptions: [],
  maxShiftsPerMonth: 2,
  ...overrides,
})

describe('isAvailable', () => {
  const SUNDAY = '2026-10-04'
  const sundays = volunteer({ availability: [{ weekday: 7, from: '09:00', to: '17:00' }] })

  it('needs a weekly window on that weekday covering the whole shift', () => {
    expect(isAvailable(sundays, SUNDAY, 7, '10:00', '12:00')).toBe(true)
    expect(isAvailable(sundays, SUNDAY, 7, '09:00', '17:00')).toBe(true)
    expect(isAvailable(sundays, SUNDAY, 7, '08:30', '12:00')).toBe(false)
    expect(isAvailable(sundays, SUNDAY, 7, '16:00', '17:30')).toBe(false)
    expect(isAvailable(sundays, '2026-10-03', 6, '10:00', '12:00')).toBe(false)
    expect(isAvailable(volunteer(), SUNDAY, 7, '10:00', '12:00')).toBe(false)
  })

  it('an unavailable exception beats a weekly window and an available exception, on its first and last day', () => {
    const away = volunteer({
      ...sundays,
      exceptions: [
        { firstDay: SUNDAY, lastDay: '2026-10-11', kind: 'unavailable' },
        { firstDay: '2026-10-01', lastDay: '2026-10-31', kind: 'available' },
      ],
    })
    expect(isAvailable(away, SUNDAY, 7, '10:00', '12:00')).toBe(false)
    expect(isAvailable(away, '2026-10-11', 7, '10:00', '12:00')).toBe(false)
    // The day after the unavailable spell, the available exception applies again.
    expect(isAvailable(away, '2026-10-18', 7, '10:00', '12:00')).toBe(true)
  })

  it('an available exception covers a day with no weekly window, at any time', () => {
    const extra = volunteer({
      ...sundays,
      exceptions: [{ firstDay: '2026-10-03', lastDay: '2026-10-03', kind: 'available' }],
    })
    expect(isAvailable(extra, '2026-10-03', 6, '07:00', '21:00')).toBe(true)
    expect(isAvailable(extra, '2026-10-10', 6, '10:00', '12:00')).toBe(false)
    // Outside any exception the weekly windows still hold.
    expect(isAvailable(extra, SUNDAY, 7, '10:00', '12:00')).toBe(true)
  })
})

describe('mentees, duties and stages', () => {
  const mentee = volunteer({
    stage: 'mentored',
    mentorId: 'v2',
    duties: ['team_leader', 'escort', 'supervisor'],
  })

  it('a mentee is mentored with a mentor; mentored without one is not', () => {
    expect(isMentee(mentee)).toBe(true)
    expect(isMentee({ stage: 'mentored', mentorId: null })).toBe(false)
    expect(isMentee({ stage: 'active', mentorId: 'v2' })).toBe(false)
  })

  it('a mentee takes floor and reception only, whatever duties they are down for', () => {
    expect(dutyProblem(mentee, 'floor')).toBeNull()
    expect(dutyProblem(mentee, 'reception')).toBeNull()
    expect(dutyProblem(mentee, 'team_leader')).toBe(
      'Ann Example is in their mentored first year and cannot be team leader',
    )
    expect(dutyProblem(mentee, 'supervisor')).toMatch(/mentored first year and cannot be supervisor$/)
    expect(dutyProblem(mentee, 'escort')).toMatch(/mentored first year and cannot be escort$/)
  })

  it('other duties need the volunteer to be down for them', () => {
    const lead = volunteer({ duties: ['team_leader'] })
    expect(dutyProblem(lead, 'team_leader')).toBeNull()
    expect(dutyProblem(lead, 'supervisor')).toBe('Ann Example is not down as a supervisor')
    expect(dutyProblem(lead, 'escort')).toBe('Ann Example is not down as an escort')
    expect(dutyProblem(volunteer({ stage: 'mentored', duties: ['escort'] }), 'escort')).toBeNull()
  })

  it('only mentored, active and leaving volunteers can be rostered', () => {
    for (const stage of VOLUNTEER_STAGES) {
      const problem = stageProblem(volunteer({ stage }), '2026-10-04')
      if (ROSTERABLE_STAGES.includes(stage)) expect(problem).toBeNull()
      else expect(problem).toBe(`Ann Example is at “${STAGE_LABELS[stage]}” and cannot be rostered yet`)
    }
  })

  it('someone leaving works up to and on their planned last day, not after', () => {
    const leaving = volunteer({ stage: 'leaving', plannedEndOn: '2026-10-04' })
    expect(stageProblem(leaving, '2026-10-03')).toBeNull()
    expect(stageProblem(leaving, '2026-10-04')).toBeNull()
    expect(stageProblem(leaving, '2026-10-05')).toBe('Ann Example leaves on 4 Oct 2026')
    expect(stageProblem(volunteer({ stage: 'leaving' }), '2030-01-01')).toBeNull()
  })
})

describe('STAGE_MOVES', () => {
  it('moves only between known stages, never to the same stage', () => {
    for (const [from, moves] of Object.entries(STAGE_MOVES)) {
      expect(VOLUNTEER_STAGES).toContain(from)
      for (const to of moves) {
        expect(VOLUNTEER_STAGES).toContain(to)
        expect(to).not.toBe(from)
      }
    }
    expect(Object.keys(STAGE_MOVES).sort()).toEqual([...VOLUNTEER_STAGES].sort())
  })

  it('anyone on the way in may withdraw; anyone rostered may leave; those gone may come back', () => {
    for (const stage of PIPELINE_STAGES) expect(STAGE_MOVES[stage]).toContain('withdrawn')
    for (const stage of ROSTERABLE_STAGES) expect(STAGE_MOVES[stage]).toContain('left')
    expect(STAGE_MOVES.left).toEqual(['enquiry'])
    expect(STAGE_MOVES.withdrawn).toEqual(['enquiry'])
  })

  it('the pipeline runs in order, and training leads to the mentored year or straight to active', () => {
    for (const [i, stage] of PIPELINE_STAGES.slice(0, -1).entries())
      expect(STAGE_MOVES[stage]).toContain(PIPELINE_STAGES[i + 1])
    expect(STAGE_MOVES.training).toEqual(['mentored', 'active', 'withdrawn'])
    // No one reaches the rota without passing through training.
    for (const stage of ROSTERABLE_STAGES)
      for (const [from, moves] of Object.entries(STAGE_MOVES))
        if (moves.includes(stage)) expect(['training', ...ROSTERABLE_STAGES]).toContain(from)
  })
})

describe('dates', () => {
  it('says a day in words', () => {
    expect(sayDay('2026-10-03')).toBe('3 Oct 2026')
    expect(sayDay('2027-12-31')).toBe('31 Dec 2027')
  })

  it('adds months, keeping to the end of a shorter month', () => {
    expect(plusMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(plusMonths('2023-12-01', 36)).toBe('2026-12-01')
    expect(defaultExpiry({ validMonths: 36 }, '2024-02-29')).toBe('2027-02-28')
    expect(defaultExpiry({ validMonths: null }, '2024-02-29')).toBeNull()
  })

  it('counts whole years of age, turning on the birthday', () => {
    expect(ageOn('2008-10-03', '2026-10-02')).toBe(17)
    expect(ageOn('2008-10-03', '2026-10-03')).toBe(18)
  })

  it('times that only touch do not overlap', () => {
    const a = { startsAt: '2026-10-04T09:00:00.000Z', endsAt: '2026-10-04T11:00:00.000Z' }
    const b = { startsAt: '2026-10-04T11:00:00.000Z', endsAt: '2026-10-04T12:00:00.000Z' }
    expect(overlaps(a, b)).toBe(false)
    expect(overlaps(a, { ...b, startsAt: '2026-10-04T10:59:00.000Z' })).toBe(true)
  })
})
