import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { errorOf } from '../../../tests/support/scheduling-checks'
import {
  boardOf,
  buildSessionDayWorld,
  partyOf,
  sessionOn,
  type SessionDayWorld,
} from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { SessionView } from '../scheduling/scheduling.schemas'
import type { AttendanceRecordedSchema, TodaySession } from './session-day.schemas'
import type { z } from 'zod'

type Recorded = z.infer<typeof AttendanceRecordedSchema>
type Response = Awaited<ReturnType<TestBrowser['post']>>

/**
 * The register at the door: one tap per person, live presence, warnings that stop a tap until a
 * volunteer confirms it, people who must not come in, undo by voiding, and the session's outcome
 * written once everyone has gone.
 */
describe('check-in and check-out at the door', () => {
  let t: TestContext
  let world: SessionDayWorld
  beforeEach(async () => {
    t = await createTestContext()
    world = await buildSessionDayWorld(t)
  })
  afterEach(async () => {
    await t.close()
  })

  const supportedId = () => world.supported.session.id
  const person = (role: string) => partyOf(world.supported.file, role).id

  function tap(body: Record<string, unknown>, sessionId = supportedId(), browser = world.onDuty.browser) {
    return browser.post(`/api/sessions/${sessionId}/attendance`, { clientId: crypto.randomUUID(), ...body })
  }
  async function tapOk(body: Record<string, unknown>, sessionId = supportedId()): Promise<Recorded> {
    const response = await tap(body, sessionId)
    expectStatus(response, 201)
    return response.json<Recorded>()
  }
  const rowsOf = (sessionId = supportedId()) =>
    t.deps.db.selectFrom('attendance_events').selectAll().where('session_id', '=', sessionId).execute()
  const presenceOf = (session: TodaySession) =>
    Object.fromEntries(session.parties.map((p) => [p.side, p.presence]))
  const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code)
  async function deskSession(id = supportedId()): Promise<SessionView> {
    const response = await world.desk.get(`/api/sessions/${id}`)
    expectStatus(response, 200)
    return response.json<SessionView>()
  }
  function needsConfirmation(response: Response, ...expected: string[]) {
    expectStatus(response, 409)
    const error = errorOf(response)
    expect(error.code).toBe('CONFLICT')
    const details = error.details as { rule: string; warnings: { code: string; message: string }[] }
    expect(details.rule).toBe('needs-confirmation')
    expect(codes(details.warnings)).toEqual(expected)
  }

  it('follows a whole supported session in order, live, and records the outcome when everyone has gone', async () => {
    const nick = person('non_resident_parent')
    const rita = person('resident_parent')
    const mia = person('child')

    await world.at('09:44')
    const first = await tapOk({ kind: 'arrived', partyId: nick })
    expect(first.created).toBe(true)
    expect(first.warnings).toEqual([])
    expect(first.event).toMatchObject({
      kind: 'arrived',
      partyId: nick,
      side: 'non_resident',
      name: 'Nick Example',
    })
    expect(first.event.recordedBy).toBe('Test volunteer')
    expect(presenceOf(first.session)).toEqual({ non_resident: 'in', resident: 'expected' })
    expect(first.session.parties[0]?.people.find((p) => p.partyId === nick)?.inBuilding).toBe(true)

    // The resident parent arrives while the visiting parent is inside: the door must keep them apart.
    await world.at('10:02')
    const both = await tap({ kind: 'arrived', partyId: rita })
    needsConfirmation(both, 'DOOR-BOTH-IN')
    expect(errorOf(both).message).toContain('Nick Example')
    expect(await rowsOf()).toHaveLength(1)
    const arrived = await tapOk({ kind: 'arrived', partyId: rita, confirmed: ['DOOR-BOTH-IN'] })
    expect(codes(arrived.warnings)).toEqual(['DOOR-BOTH-IN'])
    expect(presenceOf(arrived.session)).toEqual({ non_resident: 'in', resident: 'in' })
    expect(codes(arrived.session.warnings)).toEqual(['DOOR-BOTH-IN'])
    expect(arrived.session.parties.map((p) => p.lateMinutes)).toEqual([null, null])

    const handed = await tapOk({ kind: 'child_handed_over', partyId: mia })
    expect(handed.session.children[0]?.whereabouts).toBe('in_session')

    // The resident parent may go out during supported contact (R-ARR-4): a note, not a refusal.
    await world.at('10:05')
    const out = await tapOk({ kind: 'left', partyId: rita })
    expect(codes(out.warnings)).toEqual(['DOOR-CHILD-NOT-RETURNED'])
    expect(presenceOf(out.session)).toEqual({ non_resident: 'in', resident: 'left' })
    expect(out.session.status).toBe('scheduled')

    await world.at('11:55')
    const back = await tapOk({ kind: 'arrived', partyId: rita, confirmed: ['DOOR-BOTH-IN'] })
    expect(codes(back.warnings)).toEqual(['DOOR-BOTH-IN'])
    await world.at('12:00')
    const returned = await tapOk({ kind: 'child_returned', partyId: mia })
    expect(returned.session.children[0]?.whereabouts).toBe('returned')
    await world.at('12:01')
    const residentGone = await tapOk({ kind: 'left', partyId: rita })
    expect(residentGone.warnings).toEqual([])
    expect(residentGone.session.status).toBe('scheduled')
    expect((await deskSession()).outcome).toBeNull()

    // The visiting parent is held back and leaves last (R-ARR-2): now everyone has gone.
    await world.at('12:16')
    const last = await tapOk({ kind: 'left', partyId: nick })
    expect(presenceOf(last.session)).toEqual({ non_resident: 'left', resident: 'left' })
    expect(last.session.status).toBe('completed')
    expect((await deskSession()).outcome).toEqual({
      resident: 'attended',
      nonResident: 'attended',
      explained: false,
      reason: null,
    })
    expect(last.session.events.map((e) => [e.kind, e.name])).toEqual([
      ['arrived', 'Nick Example'],
      ['arrived', 'Rita Example'],
      ['child_handed_over', 'Mia Example'],
      ['left', 'Rita Example'],
      ['arrived', 'Rita Example'],
      ['child_returned', 'Mia Example'],
      ['left', 'Rita Example'],
      ['left', 'Nick Example'],
    ])
    const outcomeAudit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'session.outcome')
      .where('resource_ids', 'like', `%${supportedId()}%`)
      .execute()
    expect(outcomeAudit).toHaveLength(1)
  })

  it('records a late arrival and a side that never came as the outcome', async () => {
    await world.at('10:05')
    const late = await tapOk({ kind: 'arrived', partyId: person('non_resident_parent') })
    expect(late.warnings).toEqual([
      { code: 'DOOR-LATE', message: 'Nick Example arrived 20 minutes after their time.' },
    ])
    expect(late.session.parties[0]?.lateMinutes).toBe(20)
    await world.at('12:20')
    const gone = await tapOk({ kind: 'left', partyId: person('non_resident_parent') })
    expect(gone.session.status).toBe('did_not_attend')
    expect((await deskSession()).outcome).toMatchObject({ resident: 'did_not_attend', nonResident: 'late' })
  })

  it('waits for the other side while the session runs, and works the outcome out again as the register changes', async () => {
    const nick = person('non_resident_parent')
    const rita = person('resident_parent')
    const mia = person('child')
    await world.at('09:45')
    await tapOk({ kind: 'arrived', partyId: nick })
    // The visiting parent steps out before the resident parent has come: nothing is decided yet.
    const out = await tapOk({ kind: 'left', partyId: nick })
    expect(out.session.status).toBe('scheduled')
    expect((await deskSession()).outcome).toBeNull()
    await world.at('10:00')
    await tapOk({ kind: 'arrived', partyId: nick })
    await tapOk({ kind: 'arrived', partyId: rita, confirmed: ['DOOR-BOTH-IN'] })
    await tapOk({ kind: 'child_handed_over', partyId: mia })
    await world.at('12:00')
    await tapOk({ kind: 'child_returned', partyId: mia })
    await tapOk({ kind: 'left', partyId: rita })
    const last = await tapOk({ kind: 'left', partyId: nick })
    expect(last.session.status).toBe('completed')
    expect((await deskSession()).outcome).toMatchObject({ resident: 'attended', nonResident: 'attended' })
    // Undoing the last departure takes the register's outcome back: someone is in the building again.
    const undone = await world.onDuty.browser.post(`/api/attendance-events/${last.event.id}/void`)
    expectStatus(undone, 200)
    expect(undone.json<TodaySession>().status).toBe('scheduled')
    expect((await deskSession()).outcome).toBeNull()
    const again = await tapOk({ kind: 'left', partyId: nick })
    expect(again.session.status).toBe('completed')
    // The desk's own record stands: later taps never overwrite it.
    const desk = await world.desk.post(`/api/sessions/${supportedId()}/outcome`, {
      resident: 'attended',
      nonResident: 'late',
    })
    expectStatus(desk, 200)
    const undoneAgain = await world.onDuty.browser.post(`/api/attendance-events/${again.event.id}/void`)
    expectStatus(undoneAgain, 200)
    expect((await deskSession()).outcome).toMatchObject({ resident: 'attended', nonResident: 'late' })
    const row = await t.deps.db
      .selectFrom('sessions')
      .select(['outcome_source', 'status'])
      .where('id', '=', supportedId())
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ outcome_source: 'desk', status: 'completed' })
  })

  it('counts lateness by the centre’s own grace', async () => {
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await world.at('10:05')
    await browser.signIn(admin, t.clock)
    expectStatus(await browser.patch('/api/session-day-settings', { lateAfterMinutes: 30 }), 200)
    const arrived = await tapOk({ kind: 'arrived', partyId: person('non_resident_parent') })
    expect(arrived.warnings).toEqual([])
    expect(arrived.session.parties[0]?.lateMinutes).toBeNull()
    await world.at('12:20')
    await tapOk({ kind: 'left', partyId: person('non_resident_parent') })
    expect((await deskSession()).outcome).toMatchObject({
      nonResident: 'attended',
      resident: 'did_not_attend',
    })
  })

  it('leaves each tap in the audit trail, and each refusal as a failure', async () => {
    await world.at('09:58')
    const audits = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'outcome', 'actor_user_id'])
        .where('organisation_id', '=', world.organisationId)
        .where('action', '=', 'attendance.record')
        .orderBy('seq')
        .execute()
    needsConfirmation(await tap({ kind: 'arrived', partyId: person('resident_parent') }), 'DOOR-ORDER')
    await tapOk({ kind: 'arrived', partyId: person('non_resident_parent') })
    expect(await audits()).toEqual([
      { action: 'attendance.record', outcome: 'failure', actor_user_id: world.onDuty.user.userId },
      { action: 'attendance.record', outcome: 'success', actor_user_id: world.onDuty.user.userId },
    ])
  })

  it('asks before the second party goes in ahead of the first (R-ARR-1)', async () => {
    await world.at('09:58')
    const early = await tap({ kind: 'arrived', partyId: person('resident_parent') })
    needsConfirmation(early, 'DOOR-ORDER')
    expect(errorOf(early).message).toContain('visiting parent arrives first')
    expect(await rowsOf()).toHaveLength(0)
    const confirmed = await tapOk({
      kind: 'arrived',
      partyId: person('resident_parent'),
      confirmed: ['DOOR-ORDER'],
    })
    // The visiting parent, due at 09:45, is now late as well.
    expect(confirmed.session.warnings).toEqual([
      {
        code: 'DOOR-ORDER',
        message: 'The resident parent is in before the visiting parent, who arrives first.',
      },
      { code: 'DOOR-LATE', message: 'The visiting parent is 13 minutes late.' },
    ])
    // Confirming one warning does not confirm another.
    const visiting = await tap({
      kind: 'arrived',
      partyId: person('non_resident_parent'),
      confirmed: ['DOOR-ORDER'],
    })
    needsConfirmation(visiting, 'DOOR-BOTH-IN')
  })

  it('records a repeated tap once: the same clientId answers the stored line', async () => {
    await world.at('09:45')
    const body = { clientId: crypto.randomUUID(), kind: 'arrived', partyId: person('non_resident_parent') }
    const first = await tap(body)
    expectStatus(first, 201)
    const again = await tap(body)
    expectStatus(again, 201)
    const replayed = again.json<Recorded>()
    expect(replayed.created).toBe(false)
    expect(replayed.event.id).toBe(first.json<Recorded>().event.id)
    expect(replayed.warnings).toEqual([])
    expect(await rowsOf()).toHaveLength(1)
    // The desk retrying the volunteer's tap gets the same line, too.
    const fromDesk = await tap(body, supportedId(), world.desk)
    expect(fromDesk.json<Recorded>().created).toBe(false)
    // A clientId already used for another session is refused.
    const other = await tap(
      { ...body, partyId: partyOf(world.supervised.file, 'non_resident_parent').id },
      world.supervised.session.id,
    )
    expectStatus(other, 409)
    expect(errorOf(other).details).toMatchObject({ rule: 'client-id-reused' })
    expect(await rowsOf(world.supervised.session.id)).toHaveLength(0)
  })

  it('refuses someone who is not allowed, and records them turned away', async () => {
    const added = await world.desk.post(`/api/referrals/${world.supported.file.referralId}/parties`, {
      role: 'new_partner',
      side: 'non_resident',
      fullName: 'Barry Barred',
      attendance: 'not_allowed',
    })
    expectStatus(added, 201)
    const barred = added.json<{ id: string }>().id
    await world.at('09:50')
    const refused = await tap({
      kind: 'arrived',
      partyId: barred,
      confirmed: ['DOOR-UNLISTED', 'DOOR-ORDER'],
    })
    expectStatus(refused, 409)
    expect(errorOf(refused)).toMatchObject({ code: 'CONFLICT', details: { rule: 'DOOR-NOT-ALLOWED' } })
    expect(errorOf(refused).message).toContain('Barry Barred')
    expect(errorOf(refused).message).toContain('must not come in')
    expect(await rowsOf()).toHaveLength(0)
    const turnedAway = await tapOk({ kind: 'refused_entry', partyId: barred, note: 'Waited outside' })
    expect(turnedAway.event).toMatchObject({
      kind: 'refused_entry',
      name: 'Barry Barred',
      note: 'Waited outside',
    })
    expect(turnedAway.session.notAllowed.map((p) => [p.name, p.inBuilding])).toEqual([
      ['Barry Barred', false],
    ])
    expect(turnedAway.session.status).toBe('scheduled')
  })

  it('asks before letting in someone not on the list, and keeps the name they gave sealed', async () => {
    await world.at('09:46')
    const noName = await tap({ kind: 'arrived', side: 'non_resident' })
    expectStatus(noName, 400)
    expect(errorOf(noName).details).toMatchObject({ field: 'visitorName' })
    const noSide = await tap({ kind: 'arrived', visitorName: 'Cousin Carl' })
    expectStatus(noSide, 400)
    expect(errorOf(noSide).details).toMatchObject({ field: 'side' })
    const unlisted = await tap({ kind: 'arrived', visitorName: 'Cousin Carl', side: 'non_resident' })
    needsConfirmation(unlisted, 'DOOR-UNLISTED')
    expect(await rowsOf()).toHaveLength(0)
    const inside = await tapOk({
      kind: 'arrived',
      visitorName: 'Cousin Carl',
      side: 'non_resident',
      confirmed: ['DOOR-UNLISTED'],
    })
    expect(inside.event).toMatchObject({
      name: 'Cousin Carl',
      listed: false,
      partyId: null,
      side: 'non_resident',
    })
    expect(codes(inside.session.warnings)).toEqual(['DOOR-UNLISTED'])
    const [row] = await rowsOf()
    expect(row?.visitor_name_sealed).toBeTruthy()
    expect(row?.visitor_name_sealed).not.toContain('Carl')
    expect(t.deps.fieldCrypto.decrypt(row?.visitor_name_sealed ?? '')).toBe('Cousin Carl')
    // They leave by the name they gave.
    const left = await tapOk({ kind: 'left', visitorName: 'cousin carl', side: 'non_resident' })
    expect(left.session.warnings).toEqual([])
  })

  it('keeps the register consistent: no leaving without arriving, no arriving twice, children back only once handed over', async () => {
    await world.at('09:45')
    const nick = person('non_resident_parent')
    const notIn = await tap({ kind: 'left', partyId: nick })
    expectStatus(notIn, 409)
    expect(errorOf(notIn).details).toMatchObject({ rule: 'DOOR-NOT-IN' })
    await tapOk({ kind: 'arrived', partyId: nick })
    const twice = await tap({ kind: 'arrived', partyId: nick })
    expectStatus(twice, 409)
    expect(errorOf(twice).details).toMatchObject({ rule: 'DOOR-ALREADY-IN' })
    const notHanded = await tap({ kind: 'child_returned', partyId: person('child') })
    expectStatus(notHanded, 409)
    expect(errorOf(notHanded).details).toMatchObject({ rule: 'DOOR-CHILD-NOT-HANDED-OVER' })
    const adultHanded = await tap({ kind: 'child_handed_over', partyId: nick })
    expectStatus(adultHanded, 400)
    expect(errorOf(adultHanded).details).toMatchObject({ field: 'partyId' })
    const nobodyHanded = await tap({ kind: 'child_handed_over' })
    expectStatus(nobodyHanded, 400)
    expect(errorOf(nobodyHanded).details).toMatchObject({ field: 'partyId' })
    const childArrives = await tap({ kind: 'arrived', partyId: person('child') })
    expectStatus(childArrives, 400)
    expect(errorOf(childArrives).details).toMatchObject({ field: 'kind' })
    // Someone of another family is not on this one's list.
    const stranger = await tap({
      kind: 'arrived',
      partyId: partyOf(world.supervised.file, 'resident_parent').id,
    })
    expectStatus(stranger, 404)
    expect(errorOf(stranger).message).toBe('Person not found')
    expect(await rowsOf()).toHaveLength(1)
  })

  it('takes the time the tablet sends, within a few minutes ahead, and only on the session’s day', async () => {
    await world.at('09:45')
    const nick = person('non_resident_parent')
    const ahead = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString()
    const future = await tap({ kind: 'arrived', partyId: nick, at: ahead })
    expectStatus(future, 400)
    expect(errorOf(future).details).toMatchObject({ field: 'at' })
    const yesterday = new Date(t.clock.now().getTime() - 24 * 3_600_000).toISOString()
    const otherDay = await tap({ kind: 'arrived', partyId: nick, at: yesterday })
    expectStatus(otherDay, 400)
    expect(errorOf(otherDay).details).toMatchObject({ field: 'at' })
    expectStatus(await tap({ kind: 'arrived', partyId: nick, at: 'ten past nine' }), 400)
    // A tap sent late after a dropout keeps its own time, and a tablet a little fast is fine.
    const earlier = new Date(t.clock.now().getTime() - 30 * 60_000).toISOString()
    expect((await tapOk({ kind: 'arrived', partyId: nick, at: earlier })).event.at).toBe(earlier)
    const skewed = new Date(t.clock.now().getTime() + 3 * 60_000).toISOString()
    const left = await tapOk({ kind: 'left', partyId: nick, at: skewed })
    expect(left.event.at).toBe(skewed)
    expect(left.session.events.map((e) => e.at)).toEqual([earlier, skewed])
  })

  it('takes no taps for a cancelled session, nor from a volunteer off duty or another organisation', async () => {
    expectStatus(
      await world.desk.post(`/api/sessions/${world.supervised.session.id}/cancel`, {
        by: 'centre',
        reason: 'Ill',
      }),
      200,
    )
    const cancelled = await tap(
      { kind: 'arrived', partyId: partyOf(world.supervised.file, 'non_resident_parent').id },
      world.supervised.session.id,
    )
    expectStatus(cancelled, 409)
    expect(errorOf(cancelled).details).toMatchObject({ rule: 'DOOR-SESSION-STATUS' })

    const off = await tap(
      { kind: 'arrived', partyId: person('non_resident_parent') },
      supportedId(),
      world.offDuty.browser,
    )
    expectStatus(off, 403)
    expect(errorOf(off).details).toMatchObject({ rule: 'DOOR-OFF-DUTY' })

    const elsewhere = await buildOrganisation(t.deps)
    const stranger = await buildUser(t.deps, {
      organisationId: elsewhere.organisationId,
      role: 'coordinator',
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(stranger, t.clock)
    expectStatus(
      await tap({ kind: 'arrived', partyId: person('non_resident_parent') }, supportedId(), browser),
      404,
    )
    expect(await rowsOf()).toHaveLength(0)
  })

  it('undoes a tap by voiding it: the line stays, struck out, and presence follows', async () => {
    await world.at('09:45')
    const nick = person('non_resident_parent')
    const arrived = await tapOk({ kind: 'arrived', partyId: nick })
    const off = await world.offDuty.browser.post(`/api/attendance-events/${arrived.event.id}/void`)
    expectStatus(off, 403)
    const voided = await world.onDuty.browser.post(`/api/attendance-events/${arrived.event.id}/void`)
    expectStatus(voided, 200)
    const session = voided.json<TodaySession>()
    expect(session.events).toMatchObject([{ id: arrived.event.id, voided: true }])
    expect(presenceOf(session)).toEqual({ non_resident: 'expected', resident: 'expected' })
    const [row] = await rowsOf()
    expect(row?.voided_at).not.toBeNull()
    expect(row?.voided_by_user_id).toBe(world.onDuty.user.userId)
    // Voiding twice changes nothing; arriving again is allowed.
    expectStatus(await world.onDuty.browser.post(`/api/attendance-events/${arrived.event.id}/void`), 200)
    expect((await rowsOf())[0]?.voided_at).toBe(row?.voided_at)
    await tapOk({ kind: 'arrived', partyId: nick })
    expectStatus(await world.onDuty.browser.post(`/api/attendance-events/${crypto.randomUUID()}/void`), 404)
  })

  it('ends a session early without ending the family’s service (R-INC-1)', async () => {
    await world.at('10:30')
    const before = sessionOn(await boardOf(world), supportedId())
    const stale = await world.onDuty.browser.post(`/api/sessions/${supportedId()}/end-early`, {
      reason: 'Child very upset',
      version: before.version + 1,
    })
    expectStatus(stale, 409)
    expect(errorOf(stale).details).toMatchObject({ rule: 'stale-version' })
    const noReason = await world.onDuty.browser.post(`/api/sessions/${supportedId()}/end-early`, {
      reason: ' ',
      version: before.version,
    })
    expectStatus(noReason, 400)
    const tappedAt = t.clock.now().toISOString()
    const ended = await world.onDuty.browser.post(`/api/sessions/${supportedId()}/end-early`, {
      reason: 'Child very upset',
      version: before.version,
    })
    expectStatus(ended, 200)
    const session = ended.json<TodaySession>()
    expect(session.endedEarly?.reason).toBe('Child very upset')
    expect(session.endedEarly?.at.slice(0, 16)).toBe(tappedAt.slice(0, 16))
    expect(session.endedEarly && session.endedEarly.at >= tappedAt).toBe(true)
    expect(session.version).toBe(before.version + 1)
    expect(session.status).toBe('scheduled')
    const file = await world.desk.get(`/api/cases/${world.supported.file.id}`)
    expect(file.json<{ status: string }>().status).toBe(world.supported.file.status)
    expect(sessionOn(await boardOf(world), world.supervised.session.id).endedEarly).toBeNull()
    const off = await world.offDuty.browser.post(`/api/sessions/${supportedId()}/end-early`, {
      reason: 'x',
      version: session.version,
    })
    expectStatus(off, 403)
  })

  it('keeps a short practical note on attendance', async () => {
    const before = sessionOn(await boardOf(world), supportedId())
    const long = await world.onDuty.browser.put(`/api/sessions/${supportedId()}/attendance-note`, {
      note: 'x'.repeat(281),
      version: before.version,
    })
    expectStatus(long, 400)
    const noted = await world.onDuty.browser.put(`/api/sessions/${supportedId()}/attendance-note`, {
      note: '  Came by bus, ten minutes late  ',
      version: before.version,
    })
    expectStatus(noted, 200)
    expect(noted.json<TodaySession>().attendanceNote).toBe('Came by bus, ten minutes late')
    const stale = await world.onDuty.browser.put(`/api/sessions/${supportedId()}/attendance-note`, {
      note: 'Again',
      version: before.version,
    })
    expectStatus(stale, 409)
    const cleared = await world.desk.put(`/api/sessions/${supportedId()}/attendance-note`, {
      note: '',
      version: before.version + 1,
    })
    expectStatus(cleared, 200)
    expect(cleared.json<TodaySession>().attendanceNote).toBeNull()
    expect(sessionOn(await boardOf(world), supportedId()).attendanceNote).toBeNull()
  })
})
