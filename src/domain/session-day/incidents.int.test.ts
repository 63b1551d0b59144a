import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildDesk, expectStatus } from '../../../tests/support/referrals'
import { planBody, readyCase } from '../../../tests/support/scheduling'
import {
  book,
  errorOf,
  onlySession,
  scheduleOf,
  secondsUntil,
} from '../../../tests/support/scheduling-checks'
import { buildSessionDayWorld, partyOf, type SessionDayWorld } from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { BuiltUser } from '../../../tests/support/factories'
import type { CaseDetail } from '../cases/cases.schemas'
import { plusDays, zonedInstant } from '../scheduling/schedule.rules'
import { sayDay } from '../shared/wording'
import { sendDueReferrerNotices } from './referrer-notices'
import type { IncidentView } from './session-day.schemas'

const NARRATIVE = 'He shouted at the resident parent in the car park and kicked the door'
const CHILD_WORDS = 'Daddy was very loud and I was scared'

describe('incidents', () => {
  let t: TestContext
  beforeEach(async () => {
    t = await createTestContext()
  })
  afterEach(async () => {
    await t.close()
  })

  const outbox = (world: SessionDayWorld) =>
    t.deps.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('organisation_id', '=', world.organisationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()

  const signedIn = async (user: BuiltUser) => {
    const browser = new TestBrowser(t.app)
    await browser.signIn(user, t.clock)
    return browser
  }

  const incidentIds = async (world: SessionDayWorld) =>
    (
      await t.deps.db
        .selectFrom('incidents')
        .select('id')
        .where('organisation_id', '=', world.organisationId)
        .execute()
    ).map((r) => r.id)

  const displayName = async (userId: string) =>
    (
      await t.deps.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).display_name

  const aggression = (world: SessionDayWorld, overrides: Record<string, unknown> = {}) => ({
    caseId: world.supported.file.id,
    sessionId: world.supported.session.id,
    category: 'aggression',
    severity: 'serious',
    location: 'Family room',
    peopleInvolved: [partyOf(world.supported.file, 'non_resident_parent').id],
    whatHappened: NARRATIVE,
    childAccount: CHILD_WORDS,
    actions: ['session_ended_early', 'asked_to_leave'],
    ...overrides,
  })

  it('a volunteer on duty reports one: the coordinators are told at once without names or account, the case is flagged and the session ended', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('10:30')
    const before = t.clock.now().toISOString()
    const occurredAt = zonedInstant(world.day, '10:25', world.timeZone)
    const reported = await world.onDuty.browser.post('/api/incidents', aggression(world, { occurredAt }))
    expectStatus(reported, 201)
    const incident = reported.json<IncidentView>()
    const nick = partyOf(world.supported.file, 'non_resident_parent')
    expect(incident).toMatchObject({
      caseId: world.supported.file.id,
      caseReference: world.supported.file.reference,
      sessionId: world.supported.session.id,
      critical: false,
      status: 'open',
      whatHappened: NARRATIVE,
      occurredAt,
      people: [{ partyId: nick.id, name: nick.fullName, side: 'non_resident' }],
      suggestedSanction: { level: 'place_withdrawn' },
      reportedBy: await displayName(world.onDuty.user.userId),
    })
    expect(incident.suggestedSanction?.because).toContain('R-INC-2')
    expect((incident.coordinatorNotifiedAt ?? '') >= before).toBe(true)
    expect((incident.coordinatorNotifiedAt ?? '~') <= t.clock.now().toISOString()).toBe(true)
    // The world's day is a Saturday: the referrer is due to hear by Monday 10:00 local time.
    expect(incident.referrerDueAt).toBe(zonedInstant(plusDays(world.day, 2), '10:00', world.timeZone))

    const mail = await outbox(world)
    const alerts = mail.filter((m) => m.subject.startsWith('Incident at'))
    expect(alerts.map((m) => m.to_address).sort()).toEqual(
      [world.coordinator.email, world.checker.user.email].sort(),
    )
    const withheld = [
      NARRATIVE,
      CHILD_WORDS,
      ...world.supported.file.parties.map((p) => p.fullName),
      'Family room',
    ]
    for (const alert of alerts) {
      expect(alert.subject).toContain(world.supported.file.reference)
      expect(alert.subject).toContain('aggression or intimidation')
      expect(alert.text_body).toContain(`/incidents/${incident.id}`)
      expect(alert.text_body).toContain('The session was ended early and a person was asked to leave.')
      for (const value of withheld) {
        expect(alert.subject).not.toContain(value)
        expect(alert.text_body).not.toContain(value)
      }
    }

    const schedule = await scheduleOf(world, world.supported.file.id)
    expect(schedule.reviewFlag).toBe(
      `An incident (aggression or intimidation) on ${sayDay(world.day)} needs a review of the case.`,
    )
    const session = await t.deps.db
      .selectFrom('sessions')
      .select(['ended_early_at', 'ended_early_reason', 'version'])
      .where('id', '=', world.supported.session.id)
      .executeTakeFirstOrThrow()
    expect(session.ended_early_at).toBe(incident.occurredAt)
    expect(session.ended_early_reason).toBe('Ended after an incident (aggression or intimidation)')
    expect(session.version).toBe(world.supported.session.version + 1)

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('organisation_id', '=', world.organisationId)
      .where('action', '=', 'incident.create')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]?.details).not.toContain('shouted')

    // The account is sealed at rest.
    const row = await t.deps.db
      .selectFrom('incidents')
      .select('account_sealed')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow()
    expect(row.account_sealed).not.toContain('shouted')
  })

  it('keeps a flag the case already had, and needs no session at the desk', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('12:30')
    await t.deps.db
      .updateTable('cases')
      .set({ review_flag: 'Two missed sessions', review_flag_raised_at: t.clock.now().toISOString() })
      .where('id', '=', world.supported.file.id)
      .execute()
    const reported = await world.desk.post('/api/incidents', {
      ...aggression(world, {
        sessionId: null,
        category: 'injury',
        severity: 'serious',
        actions: ['first_aid'],
      }),
      peopleInvolved: [partyOf(world.supported.file, 'child').id],
    })
    expectStatus(reported, 201)
    const incident = reported.json<IncidentView>()
    expect(incident.critical).toBe(true)
    // A child is no one to sanction.
    expect(incident.suggestedSanction).toBeNull()
    expect((await scheduleOf(world, world.supported.file.id)).reviewFlag).toBe('Two missed sessions')
    const session = await t.deps.db
      .selectFrom('sessions')
      .select('ended_early_at')
      .where('id', '=', world.supported.session.id)
      .executeTakeFirstOrThrow()
    expect(session.ended_early_at).toBeNull()
  })

  it('refuses volunteers off duty, other organisations, strangers’ sessions and people not on the case', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('10:30')
    const offDuty = await world.offDuty.browser.post('/api/incidents', aggression(world))
    expectStatus(offDuty, 403)
    expect(errorOf(offDuty).details?.rule).toBe('DOOR-OFF-DUTY')

    const other = await buildDesk(t)
    expectStatus(await other.desk.post('/api/incidents', aggression(world)), 404)
    expectStatus(await other.desk.post('/api/incidents', aggression(world, { sessionId: null })), 404)

    const noSession = await world.onDuty.browser.post(
      '/api/incidents',
      aggression(world, { sessionId: null }),
    )
    expectStatus(noSession, 403)
    expect(errorOf(noSession).details?.rule).toBe('INCIDENT-NEEDS-SESSION')

    const wrongCase = await world.onDuty.browser.post(
      '/api/incidents',
      aggression(world, { caseId: world.supervised.file.id }),
    )
    expectStatus(wrongCase, 400)
    expect(errorOf(wrongCase).details?.field).toBe('sessionId')

    const stranger = await world.onDuty.browser.post(
      '/api/incidents',
      aggression(world, { peopleInvolved: [partyOf(world.supervised.file, 'resident_parent').id] }),
    )
    expectStatus(stranger, 400)
    expect(errorOf(stranger).details?.field).toBe('peopleInvolved')

    const future = await world.desk.post(
      '/api/incidents',
      aggression(world, { occurredAt: zonedInstant(world.day, '15:00', world.timeZone) }),
    )
    expectStatus(future, 400)
    expect(errorOf(future).details?.field).toBe('occurredAt')

    const blank = await world.desk.post('/api/incidents', aggression(world, { whatHappened: '  ' }))
    expectStatus(blank, 400)
    expect(errorOf(blank).code).toBe('INVALID_INPUT')
    expect(await incidentIds(world)).toEqual([])
  })

  it('records a report sent twice with the same clientId once', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('10:30')
    const clientId = crypto.randomUUID()
    const first = await world.onDuty.browser.post('/api/incidents', aggression(world, { clientId }))
    expectStatus(first, 201)
    const mailAfterFirst = (await outbox(world)).length
    const again = await world.onDuty.browser.post('/api/incidents', aggression(world, { clientId }))
    expectStatus(again, 201)
    expect(again.json<IncidentView>().id).toBe(clientId)
    expect(first.json<IncidentView>().id).toBe(clientId)
    expect(await incidentIds(world)).toEqual([clientId])
    expect(await outbox(world)).toHaveLength(mailAfterFirst)
    // The same id for another case is refused, not taken as the same report.
    const reused = await world.desk.post(
      '/api/incidents',
      aggression(world, {
        clientId,
        caseId: world.supervised.file.id,
        sessionId: world.supervised.session.id,
        peopleInvolved: [],
      }),
    )
    expectStatus(reused, 409)
  })

  it('is read and reviewed at the desk only', async () => {
    const world = await buildSessionDayWorld(t)
    await world.at('10:30')
    const reported = await world.onDuty.browser.post('/api/incidents', aggression(world))
    expectStatus(reported, 201)
    const { id } = reported.json<IncidentView>()

    expectStatus(await world.onDuty.browser.get('/api/incidents'), 403)
    expectStatus(await world.onDuty.browser.get(`/api/incidents/${id}`), 403)
    expectStatus(await world.onDuty.browser.get(`/api/cases/${world.supported.file.id}/conduct`), 403)
    const other = await buildDesk(t)
    expectStatus(await other.desk.get(`/api/incidents/${id}`), 404)
    expect((await other.desk.get('/api/incidents')).json<{ incidents: unknown[] }>().incidents).toEqual([])

    const read = await world.desk.get(`/api/incidents/${id}`)
    expectStatus(read, 200)
    expect(read.json<IncidentView>()).toMatchObject({ whatHappened: NARRATIVE, childAccount: CHILD_WORDS })
    const list = await world.desk.get(`/api/incidents?caseId=${world.supported.file.id}&status=open`)
    expectStatus(list, 200)
    const listed = list.json<{ incidents: Record<string, unknown>[] }>().incidents
    expect(listed.map((i) => i.id)).toEqual([id])
    expect(listed[0]).not.toHaveProperty('whatHappened')
    expect(list.body).not.toContain('shouted')
    expect(
      (await world.desk.get('/api/incidents?status=closed')).json<{ incidents: unknown[] }>().incidents,
    ).toEqual([])

    const reviewed = await world.desk.post(`/api/incidents/${id}/review`, {
      status: 'reviewed',
      note: 'Place withdrawn; both parents told in writing',
    })
    expectStatus(reviewed, 200)
    expect(reviewed.json<IncidentView>()).toMatchObject({
      status: 'reviewed',
      reviewNote: 'Place withdrawn; both parents told in writing',
    })
    expectStatus(
      await world.desk.post(`/api/incidents/${id}/review`, { status: 'closed', note: 'Done' }),
      200,
    )
    const again = await world.desk.post(`/api/incidents/${id}/review`, { status: 'reviewed', note: 'More' })
    expectStatus(again, 409)
    expect(errorOf(again).details?.rule).toBe('INCIDENT-CLOSED')
    expectStatus(await world.desk.post(`/api/incidents/${id}/review`, { status: 'open', note: 'x' }), 400)
  })

  describe('the referrer notice', () => {
    const PROTECTED = {
      rita: { address: '17 Quarry Lane, Gorey', phone: '07700 955511', email: 'rita.hidden@example.org' },
      nick: { address: '4 Lighthouse Row, Rozel', phone: '07700 966622', newPartner: 'Paula Partnerson' },
      mia: { school: 'St Saviour Primary School' },
    }

    /** A case referred by a solicitor with an email address, booked at 14:30 on the world's day. */
    async function referredFamily(world: SessionDayWorld) {
      const file = await readyCase(world, {
        referrer: {
          name: 'Rhea Referrer',
          organisation: 'Harbour Family Law',
          role: 'Solicitor',
          email: 'rhea.referrer@example.org',
          actingFor: 'both',
        },
      })
      const session = onlySession(
        await book(
          world,
          file.id,
          planBody(world, {
            frequency: 'one_off',
            firstOn: world.day,
            lastOn: world.day,
            startsAt: '14:30',
            durationMinutes: 90,
          }),
        ),
      )
      for (const [role, values] of [
        ['resident_parent', PROTECTED.rita],
        ['non_resident_parent', PROTECTED.nick],
        ['child', PROTECTED.mia],
      ] as const)
        expectStatus(
          await world.desk.patch(`/api/parties/${partyOf(file, role).id}`, { protected: values }),
          200,
        )
      const refreshed = await world.desk.get(`/api/cases/${file.id}`)
      return { file: refreshed.json<CaseDetail>(), session }
    }

    const neverSaid = (file: CaseDetail) => [
      ...Object.values(PROTECTED).flatMap((values) => Object.values(values)),
      ...file.parties.map((p) => p.fullName),
      NARRATIVE,
      CHILD_WORDS,
    ]

    it('goes by itself once due (Monday 10:00 for a Saturday), once, without anything protected', async () => {
      const world = await buildSessionDayWorld(t)
      const family = await referredFamily(world)
      await world.at('15:30')
      const reported = await world.onDuty.browser.post('/api/incidents', {
        ...aggression(world),
        caseId: family.file.id,
        sessionId: family.session.id,
        peopleInvolved: [partyOf(family.file, 'non_resident_parent').id, partyOf(family.file, 'child').id],
      })
      expectStatus(reported, 201)
      const incident = reported.json<IncidentView>()
      const monday = zonedInstant(plusDays(world.day, 2), '10:00', world.timeZone)
      expect(incident.referrerDueAt).toBe(monday)

      const toReferrer = async () =>
        (await outbox(world)).filter(
          (m) => m.to_address === 'rhea.referrer@example.org' && m.subject.startsWith('Incident at'),
        )
      expect(
        await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId }),
      ).toEqual({
        sent: 0,
        incidents: 0,
        withoutAddress: 0,
      })
      t.clock.advance(secondsUntil(t, monday, -60))
      expect(
        (await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId })).sent,
      ).toBe(0)
      t.clock.advance(120)
      expect(
        await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId }),
      ).toEqual({
        sent: 1,
        incidents: 1,
        withoutAddress: 0,
      })
      expect(
        await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId }),
      ).toEqual({
        sent: 0,
        incidents: 0,
        withoutAddress: 0,
      })
      const trail = await t.deps.db
        .selectFrom('audit_log')
        .select(['actor_role', 'resource_ids'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', '=', 'incident.referrer_notice')
        .execute()
      expect(trail).toEqual([
        { actor_role: 'job', resource_ids: JSON.stringify([incident.id, family.file.id]) },
      ])
      const notices = await toReferrer()
      expect(notices).toHaveLength(1)
      const [notice] = notices
      expect(notice?.subject).toContain(family.file.reference)
      expect(notice?.text_body).toContain('Dear Rhea Referrer,')
      expect(notice?.text_body).toContain('Aggression or intimidation')
      expect(notice?.text_body).toContain(`${sayDay(world.day)} at 15:30`)
      expect(notice?.text_body).toContain('The centre will be in touch')
      for (const value of neverSaid(family.file)) {
        expect(notice?.subject).not.toContain(value)
        expect(notice?.text_body).not.toContain(value)
      }

      const desk = await signedIn(world.coordinator)
      const read = (await desk.get(`/api/incidents/${incident.id}`)).json<IncidentView>()
      expect(Date.parse(read.referrerNotifiedAt ?? '')).toBeGreaterThan(Date.parse(monday))
      const late = await desk.post(`/api/incidents/${incident.id}/notify-referrer`)
      expectStatus(late, 409)
      expect(errorOf(late).details?.rule).toBe('INCIDENT-NOTIFIED')
    })

    it('can be sent now from the desk, once, and says when sessions are suspended', async () => {
      const world = await buildSessionDayWorld(t)
      const family = await referredFamily(world)
      await world.at('15:30')
      const reported = await world.desk.post('/api/incidents', {
        ...aggression(world),
        caseId: family.file.id,
        sessionId: family.session.id,
        peopleInvolved: [partyOf(family.file, 'non_resident_parent').id],
      })
      expectStatus(reported, 201)
      const { id } = reported.json<IncidentView>()
      const from = plusDays(world.day, 7)
      const suspended = await world.desk.post(`/api/cases/${family.file.id}/suspensions`, {
        from,
        conditions: 'A meeting with the coordinator first',
        incidentId: id,
      })
      expectStatus(suspended, 201)

      expectStatus(await world.onDuty.browser.post(`/api/incidents/${id}/notify-referrer`), 403)
      const sent = await world.desk.post(`/api/incidents/${id}/notify-referrer`)
      expectStatus(sent, 200)
      const body = sent.json<IncidentView & { notice: { sent: number; skipped: unknown[] } }>()
      expect(body.notice).toEqual({ sent: 1, skipped: [] })
      expect(body.referrerNotifiedAt).not.toBeNull()
      expect(body.suspension).toMatchObject({ from, status: 'active' })
      const again = await world.desk.post(`/api/incidents/${id}/notify-referrer`)
      expectStatus(again, 409)
      expect(errorOf(again).details?.rule).toBe('INCIDENT-NOTIFIED')

      const notices = (await outbox(world)).filter(
        (m) => m.to_address === 'rhea.referrer@example.org' && m.subject.startsWith('Incident at'),
      )
      expect(notices).toHaveLength(1)
      expect(notices[0]?.text_body).toContain(`suspended from ${sayDay(from)}`)
      for (const value of neverSaid(family.file)) expect(notices[0]?.text_body).not.toContain(value)
      // The due run finds nothing more to send.
      t.clock.advance(secondsUntil(t, zonedInstant(plusDays(world.day, 3), '12:00', world.timeZone)))
      expect(
        (await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId })).sent,
      ).toBe(0)
    })

    it('says so when no referrer of the case has an email address, and leaves it due', async () => {
      const world = await buildSessionDayWorld(t)
      await world.at('10:30')
      const reported = await world.desk.post('/api/incidents', aggression(world))
      const { id } = reported.json<IncidentView>()
      const refused = await world.desk.post(`/api/incidents/${id}/notify-referrer`)
      expectStatus(refused, 409)
      const error = errorOf(refused) as { details?: { rule?: string; skipped?: { referrer: string }[] } }
      expect(error.details?.rule).toBe('INCIDENT-NO-REFERRER-ADDRESS')
      expect(error.details?.skipped?.map((s) => s.referrer)).toEqual(['Fran Adviser, JFCAS'])
      t.clock.advance(secondsUntil(t, zonedInstant(plusDays(world.day, 2), '11:00', world.timeZone)))
      expect(
        await sendDueReferrerNotices(t.deps, t.clock.now(), { organisationId: world.organisationId }),
      ).toEqual({
        sent: 0,
        incidents: 0,
        withoutAddress: 1,
      })
      const row = await t.deps.db
        .selectFrom('incidents')
        .select('referrer_notified_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row.referrer_notified_at).toBeNull()
    })

    it('is run by an admin for their own organisation only', async () => {
      const world = await buildSessionDayWorld(t)
      const family = await referredFamily(world)
      await world.at('15:30')
      const reported = await world.desk.post('/api/incidents', {
        ...aggression(world),
        caseId: family.file.id,
        sessionId: family.session.id,
        peopleInvolved: [],
      })
      expectStatus(reported, 201)
      t.clock.advance(secondsUntil(t, zonedInstant(plusDays(world.day, 2), '10:30', world.timeZone)))
      const desk = await signedIn(world.coordinator)
      expectStatus(await desk.post('/api/incidents/referrer-notices'), 403)
      const other = await buildDesk(t)
      const { buildUser } = await import('../../../tests/support/factories')
      const otherAdmin = await signedIn(
        await buildUser(t.deps, { organisationId: other.organisationId, role: 'admin' }),
      )
      const elsewhere = await otherAdmin.post('/api/incidents/referrer-notices')
      expectStatus(elsewhere, 200)
      expect(elsewhere.json()).toEqual({ sent: 0, incidents: 0, withoutAddress: 0 })
      const admin = await signedIn(
        await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' }),
      )
      const run = await admin.post('/api/incidents/referrer-notices')
      expectStatus(run, 200)
      expect(run.json()).toEqual({ sent: 1, incidents: 1, withoutAddress: 0 })
      const trail = await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'actor_role', 'outcome'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', 'like', 'incident.referrer_notice%')
        .orderBy('seq')
        .execute()
      expect(trail).toEqual([
        { action: 'incident.referrer_notices.run', actor_role: 'coordinator', outcome: 'denied' },
        { action: 'incident.referrer_notice', actor_role: 'admin', outcome: 'success' },
        { action: 'incident.referrer_notices.run', actor_role: 'admin', outcome: 'success' },
      ])
    })
  })
})
