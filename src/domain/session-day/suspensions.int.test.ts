import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BuiltUser } from '../../../tests/support/factories'
import { buildDesk, expectStatus } from '../../../tests/support/referrals'
import { planBody, readyCase } from '../../../tests/support/scheduling'
import { book, errorOf, scheduleOf, secondsUntil } from '../../../tests/support/scheduling-checks'
import { buildSessionDayWorld, partyOf, type SessionDayWorld } from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { CaseDetail } from '../cases/cases.schemas'
import { localParts, plusDays, zonedInstant } from '../scheduling/schedule.rules'
import type { SessionView } from '../scheduling/scheduling.schemas'
import { sayDay } from '../shared/wording'
import type { IncidentView, SuspensionView } from './session-day.schemas'

interface WarningView {
  id: string
  partyId: string
  personName: string
  side: string | null
  level: string
  incidentId: string | null
  issuedBy: string | null
}

/** Each run's own addresses: a PostgreSQL test database outlives one run. */
const run = crypto.randomUUID().slice(0, 8)
const EMAILS = { resident: `rita-${run}@example.org`, nonResident: `nick-${run}@example.org` }

describe('suspensions, re-admission and the ladder', () => {
  let t: TestContext
  beforeEach(async () => {
    t = await createTestContext()
  })
  afterEach(async () => {
    await t.close()
  })

  const signedIn = async (user: BuiltUser) => {
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    return browser
  }

  const mailTo = (to: string, containing: string) =>
    t.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .where('text_body', 'like', `%${containing}%`)
      .execute()

  /** A family with weekly Saturday sessions from a week after the world's day, for five weeks. */
  async function weeklyFamily(world: SessionDayWorld) {
    const file = await readyCase(world)
    for (const [role, email] of [
      ['resident_parent', EMAILS.resident],
      ['non_resident_parent', EMAILS.nonResident],
    ] as const)
      expectStatus(
        await world.desk.patch(`/api/parties/${partyOf(file, role).id}`, { protected: { email } }),
        200,
      )
    const booked = await book(
      world,
      file.id,
      planBody(world, {
        frequency: 'weekly',
        firstOn: plusDays(world.day, 7),
        lastOn: plusDays(world.day, 35),
        startsAt: '10:00',
      }),
    )
    expect(booked.sessions.map((s) => s.date)).toEqual([7, 14, 21, 28, 35].map((d) => plusDays(world.day, d)))
    const refreshed = await world.desk.get(`/api/cases/${file.id}`)
    return { file: refreshed.json<CaseDetail>(), sessions: booked.sessions }
  }

  const statuses = async (world: SessionDayWorld, caseId: string) =>
    Object.fromEntries((await scheduleOf(world, caseId)).sessions.map((s) => [s.date, s.status]))

  const arrival = (world: SessionDayWorld, session: SessionView, side: 'resident' | 'nonResident') =>
    localParts(session[side].arrivesAt, world.timeZone).time

  it('suspends the booked sessions from a date, tells each parent in their own times, and re-admits', async () => {
    const world = await buildSessionDayWorld(t)
    const family = await weeklyFamily(world)
    const [first, second] = family.sessions
    if (!first || !second) throw new Error('no sessions')
    const reported = await world.desk.post('/api/incidents', {
      caseId: family.file.id,
      category: 'rule_breach',
      severity: 'moderate',
      peopleInvolved: [partyOf(family.file, 'non_resident_parent').id],
      whatHappened: 'Took photographs of the child against the ground rules',
    })
    expectStatus(reported, 201)
    const incident = reported.json<IncidentView>()

    const from = plusDays(world.day, 14)
    const body = { from, conditions: 'A meeting with the coordinator first', incidentId: incident.id }
    expectStatus(await world.onDuty.browser.post(`/api/cases/${family.file.id}/suspensions`, body), 403)
    expectStatus(await (await buildDesk(t)).desk.post(`/api/cases/${family.file.id}/suspensions`, body), 404)
    const made = await world.desk.post(`/api/cases/${family.file.id}/suspensions`, body)
    expectStatus(made, 201)
    const suspension = made.json<SuspensionView>()
    expect(suspension).toMatchObject({
      caseId: family.file.id,
      incidentId: incident.id,
      from,
      status: 'active',
      sessionsSuspended: 4,
      liftedAt: null,
    })
    expect(await statuses(world, family.file.id)).toEqual({
      [plusDays(world.day, 7)]: 'scheduled',
      [plusDays(world.day, 14)]: 'suspended',
      [plusDays(world.day, 21)]: 'suspended',
      [plusDays(world.day, 28)]: 'suspended',
      [plusDays(world.day, 35)]: 'suspended',
    })
    const rows = await t.deps.db
      .selectFrom('sessions')
      .select(['suspension_id', 'version', 'local_date'])
      .where('case_id', '=', family.file.id)
      .where('local_date', '>=', from)
      .execute()
    expect(rows.every((r) => r.suspension_id === suspension.id && r.version === 2)).toBe(true)

    // Each parent hears of their own times only, and nothing of the other parent.
    const residentMail = await mailTo(EMAILS.resident, 'suspended your sessions')
    const visitingMail = await mailTo(EMAILS.nonResident, 'suspended your sessions')
    expect(residentMail).toHaveLength(1)
    expect(visitingMail).toHaveLength(1)
    const residentText = residentMail[0]?.text_body ?? ''
    const visitingText = visitingMail[0]?.text_body ?? ''
    expect(residentText).toContain(`from ${sayDay(from)}`)
    expect(residentText).toContain(`(you were due at ${arrival(world, second, 'resident')})`)
    expect(visitingText).toContain(`(you were due at ${arrival(world, second, 'nonResident')})`)
    expect(arrival(world, second, 'resident')).not.toBe(arrival(world, second, 'nonResident'))
    expect(residentText).not.toContain(arrival(world, second, 'nonResident'))
    expect(visitingText).not.toContain(arrival(world, second, 'resident'))
    expect(residentText).not.toContain(sayDay(first.date))
    expect(residentText.match(/you were due at/g)).toHaveLength(4)
    for (const [text, other] of [
      [residentText, 'non_resident_parent'],
      [visitingText, 'resident_parent'],
    ] as const) {
      expect(text).not.toContain(partyOf(family.file, other).fullName)
      expect(text).not.toContain(other === 'resident_parent' ? EMAILS.resident : EMAILS.nonResident)
    }

    const again = await world.desk.post(`/api/cases/${family.file.id}/suspensions`, body)
    expectStatus(again, 409)
    expect(errorOf(again).details?.rule).toBe('SUSPENSION-ACTIVE')
    const read = (await world.desk.get(`/api/incidents/${incident.id}`)).json<IncidentView>()
    expect(read.suspension?.id).toBe(suspension.id)

    // Two weeks on, after the first suspended session's time, the conditions are met.
    t.clock.advance(secondsUntil(t, zonedInstant(from, '15:00', world.timeZone)))
    const desk = await signedIn(world.coordinator)
    const lift = { note: 'Met the coordinator and agreed to keep the ground rules' }
    const volunteer = await signedIn(world.onDuty.user)
    expectStatus(await volunteer.post(`/api/suspensions/${suspension.id}/lift`, lift), 403)
    expectStatus(await (await buildDesk(t)).desk.post(`/api/suspensions/${suspension.id}/lift`, lift), 404)
    const lifted = await desk.post(`/api/suspensions/${suspension.id}/lift`, lift)
    expectStatus(lifted, 200)
    expect(lifted.json<SuspensionView>()).toMatchObject({ status: 'lifted', liftNote: lift.note })
    const schedule = await scheduleOf({ ...world, desk }, family.file.id)
    expect(Object.fromEntries(schedule.sessions.map((s) => [s.date, s.status]))).toEqual({
      [plusDays(world.day, 7)]: 'scheduled',
      [plusDays(world.day, 14)]: 'cancelled',
      [plusDays(world.day, 21)]: 'scheduled',
      [plusDays(world.day, 28)]: 'scheduled',
      [plusDays(world.day, 35)]: 'scheduled',
    })
    const missed = schedule.sessions.find((s) => s.date === from)
    expect(missed?.cancellation).toMatchObject({ by: 'centre', reason: 'Suspended after an incident' })
    const cleared = await t.deps.db
      .selectFrom('sessions')
      .select('suspension_id')
      .where('case_id', '=', family.file.id)
      .execute()
    expect(cleared.every((r) => r.suspension_id === null)).toBe(true)

    const backOn = await mailTo(EMAILS.resident, 'lifted the suspension')
    expect(backOn).toHaveLength(1)
    const backText = backOn[0]?.text_body ?? ''
    expect(backText).toContain(`arrive at ${arrival(world, second, 'resident')}`)
    expect(backText).not.toContain(sayDay(from))
    expect(backText.match(/arrive at/g)).toHaveLength(3)
    expect(await mailTo(EMAILS.nonResident, 'lifted the suspension')).toHaveLength(1)

    const twice = await desk.post(`/api/suspensions/${suspension.id}/lift`, lift)
    expectStatus(twice, 409)
    expect(errorOf(twice).details?.rule).toBe('SUSPENSION-LIFTED')
    const conduct = await desk.get(`/api/cases/${family.file.id}/conduct`)
    expectStatus(conduct, 200)
    expect(conduct.json<{ suspensions: SuspensionView[] }>().suspensions.map((s) => s.status)).toEqual([
      'lifted',
    ])
  })

  it('leaves a session that has started alone, and refuses an incident of another case', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('10:30')
    const caseId = world.supported.file.id
    const other = await world.desk.post('/api/incidents', {
      caseId: world.supervised.file.id,
      category: 'rule_breach',
      severity: 'low',
      whatHappened: 'Phone out during the session',
    })
    expectStatus(other, 201)
    const stranger = await world.desk.post(`/api/cases/${caseId}/suspensions`, {
      from: world.day,
      conditions: 'A meeting first',
      incidentId: other.json<IncidentView>().id,
    })
    expectStatus(stranger, 400)
    expect(errorOf(stranger).details?.field).toBe('incidentId')
    const made = await world.desk.post(`/api/cases/${caseId}/suspensions`, {
      from: world.day,
      conditions: 'A meeting first',
    })
    expectStatus(made, 201)
    expect(made.json<SuspensionView>().sessionsSuspended).toBe(0)
    expect(await statuses(world, caseId)).toEqual({ [world.day]: 'scheduled' })
    expectStatus(
      await world.desk.post(`/api/cases/${caseId}/suspensions`, { from: 'soon', conditions: 'x' }),
      400,
    )
  })

  it('records warnings for adults of the case, and the ladder climbs with them', async () => {
    const world = await buildSessionDayWorld(t)
    const file = world.supported.file
    const nick = partyOf(file, 'non_resident_parent')
    const warn = (body: Record<string, unknown>, browser: TestBrowser = world.desk) =>
      browser.post(`/api/cases/${file.id}/warnings`, { partyId: nick.id, reason: 'Raised voice', ...body })
    const report = async () => {
      t.clock.advance(60)
      const reported = await world.desk.post('/api/incidents', {
        caseId: file.id,
        category: 'rule_breach',
        severity: 'moderate',
        peopleInvolved: [partyOf(file, 'child').id, nick.id],
        whatHappened: 'Talked about the court case in front of the child',
      })
      expectStatus(reported, 201)
      return reported.json<IncidentView>()
    }

    expect((await report()).suggestedSanction?.level).toBe('verbal_warning')
    const verbal = await warn({ level: 'verbal_warning' })
    expectStatus(verbal, 201)
    const coordinatorName = (
      await t.deps.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', world.coordinator.userId)
        .executeTakeFirstOrThrow()
    ).display_name
    expect(verbal.json<WarningView>()).toMatchObject({
      partyId: nick.id,
      personName: nick.fullName,
      side: 'non_resident',
      level: 'verbal_warning',
      incidentId: null,
      issuedBy: coordinatorName,
    })

    const child = await warn({ level: 'verbal_warning', partyId: partyOf(file, 'child').id })
    expectStatus(child, 400)
    expect(errorOf(child).details?.field).toBe('partyId')
    const stranger = await warn({
      level: 'verbal_warning',
      partyId: partyOf(world.supervised.file, 'resident_parent').id,
    })
    expectStatus(stranger, 400)
    expectStatus(await warn({ level: 'a_stern_look' }), 400)
    expectStatus(await warn({ level: 'verbal_warning' }, world.onDuty.browser), 403)
    expectStatus(await warn({ level: 'verbal_warning' }, (await buildDesk(t)).desk), 404)

    const second = await report()
    expect(second.suggestedSanction?.level).toBe('written_warning')
    t.clock.advance(60)
    expectStatus(await warn({ level: 'written_warning', incidentId: second.id }), 201)
    // A warning given for this incident does not move its own suggestion.
    const reread = (await world.desk.get(`/api/incidents/${second.id}`)).json<IncidentView>()
    expect(reread.suggestedSanction?.level).toBe('written_warning')
    expect(reread.warnings.map((w) => w.level)).toEqual(['written_warning'])

    expect((await report()).suggestedSanction?.level).toBe('written_warning')
    t.clock.advance(60)
    expectStatus(await warn({ level: 'written_warning' }), 201)
    const fourth = await report()
    expect(fourth.suggestedSanction).toEqual({
      level: 'service_suspended',
      because:
        '2 written warnings in the last twelve months: the next step is suspending the service (R-INC-3)',
    })

    const conduct = await world.desk.get(`/api/cases/${file.id}/conduct`)
    expectStatus(conduct, 200)
    const body = conduct.json<{ incidents: { id: string }[]; warnings: WarningView[] }>()
    expect(body.incidents).toHaveLength(4)
    expect(body.incidents[0]?.id).toBe(fourth.id)
    expect(body.warnings.map((w) => w.level)).toEqual([
      'written_warning',
      'written_warning',
      'verbal_warning',
    ])
    expect(conduct.body).not.toContain('court case')
  })
})
