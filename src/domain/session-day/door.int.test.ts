import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { errorOf } from '../../../tests/support/scheduling-checks'
import {
  boardOf,
  buildSessionDayWorld,
  partyOf,
  plusDays,
  sessionOn,
  type SessionDayWorld,
} from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { assign, enrol, shiftOn } from '../../../tests/support/volunteers'
import type { TodayBoard } from './session-day.schemas'

/**
 * The Today board: the day's sessions in time order with who may come and who must not, the team on
 * the rota and the arrivals and departures, the same for the desk and the door, and never a word of
 * where anyone lives or can be reached.
 */
describe('the Today board', () => {
  let t: TestContext
  beforeEach(async () => {
    t = await createTestContext()
  })
  afterEach(async () => {
    await t.close()
  })

  const tag = randomBytes(3).toString('hex')
  /** Protected values put on the families: none may reach the board. */
  const SECRET = {
    residentAddress: `12 Quarry Row ${tag}`,
    residentPhone: `07700 9${tag.slice(0, 5)}`,
    visitingAddress: `7 Harbour Steps ${tag}`,
    visitingEmail: `nick.${tag}@example.org`,
    school: `St Aubin Primary ${tag}`,
    newPartner: `Partner Paulo ${tag}`,
  }

  async function patchParty(world: SessionDayWorld, partyId: string, body: Record<string, unknown>) {
    expectStatus(await world.desk.patch(`/api/parties/${partyId}`, body), 200)
  }

  /** The supported family gets protected details, a description, needs, flags and a person who must not come. */
  async function dressSupportedFamily(world: SessionDayWorld) {
    const file = world.supported.file
    await patchParty(world, partyOf(file, 'resident_parent').id, {
      protected: { address: SECRET.residentAddress, phone: SECRET.residentPhone },
      details: { description: 'Short, dark curly hair, green coat' },
      safetyFlags: ['domestic_abuse', 'address_confidential'],
    })
    await patchParty(world, partyOf(file, 'non_resident_parent').id, {
      protected: {
        address: SECRET.visitingAddress,
        email: SECRET.visitingEmail,
        newPartner: SECRET.newPartner,
      },
      details: { description: 'Tall, grey beard' },
    })
    await patchParty(world, partyOf(file, 'child').id, {
      protected: { school: SECRET.school, address: SECRET.residentAddress },
      needs: { feedingHelp: true, changingHelp: false, medical: 'Inhaler in bag (asthma)' },
    })
    const barred = await world.desk.post(`/api/referrals/${file.referralId}/parties`, {
      role: 'other_relative',
      side: 'non_resident',
      fullName: 'Uncle Barred',
      attendance: 'not_allowed',
      details: { description: 'Red cap, walks with a stick' },
      protected: { address: `9 Hidden Lane ${tag}` },
    })
    expectStatus(barred, 201)
    const grandma = await world.desk.post(`/api/referrals/${file.referralId}/parties`, {
      role: 'grandparent',
      side: 'non_resident',
      fullName: 'Gran Example',
      attendance: 'allowed',
      authorisedBy: 'written_agreement',
      protected: { phone: `07700 8${tag.slice(0, 5)}` },
    })
    expectStatus(grandma, 201)
  }

  it('shows the day’s sessions in time order with the parties, children, who must not come and the team', async () => {
    const world = await buildSessionDayWorld(t)
    await dressSupportedFamily(world)
    const leader = await enrol(world, { name: 'Lena Leader', allTraining: true, duties: ['team_leader'] })
    const shift = await shiftOn(world, world.day)
    expectStatus(await assign(world, shift.key, 'team_leader', leader.file.id), 201)

    const board = await boardOf(world)
    expect(board.centreId).toBe(world.centreId)
    expect(board.date).toBe(world.day)
    expect(board.timeZone).toBe(world.timeZone)
    expect(board.sessions.map((s) => s.id)).toEqual([world.supported.session.id, world.supervised.session.id])

    const supported = sessionOn(board, world.supported.session.id)
    expect(supported).toMatchObject({
      caseReference: world.supported.file.reference,
      serviceType: 'supported',
      status: 'scheduled',
      roomName: 'Family room',
      venueName: 'St Mary’s Hall',
      localStart: '10:00',
      localEnd: '12:00',
      observation: null,
      incidents: 0,
      endedEarly: null,
      attendanceNote: null,
      events: [],
    })
    expect(supported.flags).toEqual(['address_confidential', 'domestic_abuse', 'must_not_attend'])
    const [visiting, resident] = supported.parties
    expect(visiting).toMatchObject({
      side: 'non_resident',
      first: true,
      localArrive: '09:45',
      localLeave: '12:15',
      entrance: 'Side door',
      waitingRoom: 'Blue room',
      presence: 'expected',
      lateMinutes: null,
    })
    expect(visiting?.people.map((p) => [p.name, p.role, p.description, p.inBuilding])).toEqual([
      ['Nick Example', 'non_resident_parent', 'Tall, grey beard', false],
      ['Gran Example', 'grandparent', null, false],
    ])
    expect(resident).toMatchObject({
      side: 'resident',
      first: false,
      localArrive: '10:00',
      localLeave: '12:00',
      entrance: 'Front door',
      waitingRoom: 'Garden room',
      presence: 'expected',
    })
    expect(resident?.people.map((p) => [p.name, p.description])).toEqual([
      ['Rita Example', 'Short, dark curly hair, green coat'],
    ])
    expect(supported.children).toEqual([
      {
        partyId: partyOf(world.supported.file, 'child').id,
        name: 'Mia Example',
        ageYears: expect.any(Number) as number,
        needs: ['Needs help with feeding', 'Medical: Inhaler in bag (asthma)'],
        whereabouts: 'with_resident',
      },
    ])
    const birthday = '2020-06-01'
    const expectedAge =
      Number(world.day.slice(0, 4)) - 2020 - (world.day.slice(5) < birthday.slice(5) ? 1 : 0)
    expect(supported.children[0]?.ageYears).toBe(expectedAge)
    expect(supported.notAllowed.map((p) => [p.name, p.description])).toEqual([
      ['Uncle Barred', 'Red cap, walks with a stick'],
    ])

    const supervised = sessionOn(board, world.supervised.session.id)
    expect(supervised).toMatchObject({
      serviceType: 'supervised',
      roomName: 'Quiet room',
      localStart: '13:00',
    })
    expect(supervised.observation).toEqual({ id: null, status: 'none' })

    expect(board.team.map((m) => [m.name, m.duty, m.leads])).toEqual([
      ['Lena Leader', 'team_leader', true],
      ['Dora Door', 'floor', false],
    ])
    expect(board.team[0]?.localStart).toMatch(/^\d\d:\d\d$/)

    // Every arrival and departure in time order, the first party's arrival first.
    expect(board.timeline.map((m) => [m.local, m.caseReference, m.side, m.movement])).toEqual([
      ['09:45', world.supported.file.reference, 'non_resident', 'arrive'],
      ['10:00', world.supported.file.reference, 'resident', 'arrive'],
      ['12:00', world.supported.file.reference, 'resident', 'leave'],
      ['12:15', world.supported.file.reference, 'non_resident', 'leave'],
      ['12:45', world.supervised.file.reference, 'non_resident', 'arrive'],
      ['13:00', world.supervised.file.reference, 'resident', 'arrive'],
      ['14:00', world.supervised.file.reference, 'resident', 'leave'],
      ['14:15', world.supervised.file.reference, 'non_resident', 'leave'],
    ])
    const times = board.timeline.map((m) => m.at)
    expect([...times].sort()).toEqual(times)
  })

  it('never carries an address, phone, email, school or new partner, to the door or the desk', async () => {
    const world = await buildSessionDayWorld(t)
    await dressSupportedFamily(world)
    await world.at('09:50')
    const visiting = partyOf(world.supported.file, 'non_resident_parent')
    expectStatus(
      await world.onDuty.browser.post(`/api/sessions/${world.supported.session.id}/attendance`, {
        clientId: crypto.randomUUID(),
        kind: 'arrived',
        partyId: visiting.id,
      }),
      201,
    )
    for (const browser of [world.onDuty.browser, world.desk]) {
      const text = JSON.stringify(await boardOf(world, browser))
      for (const value of [...Object.values(SECRET), `9 Hidden Lane ${tag}`, `07700 8${tag.slice(0, 5)}`])
        expect(text).not.toContain(value)
      expect(text).not.toContain('1 Church Lane')
      expect(text).toContain('Nick Example')
    }
  })

  it('is the same board for the desk and the volunteer on duty', async () => {
    const world = await buildSessionDayWorld(t)
    const strip = (board: TodayBoard) => ({ ...board, generatedAt: null })
    expect(strip(await boardOf(world, world.desk))).toEqual(strip(await boardOf(world, world.onDuty.browser)))
  })

  it('refuses a volunteer who is not on the rota that day (403) and other organisations (404)', async () => {
    const world = await buildSessionDayWorld(t)
    const off = await world.offDuty.browser.get(`/api/today?centreId=${world.centreId}&date=${world.day}`)
    expectStatus(off, 403)
    expect(errorOf(off)).toMatchObject({ code: 'FORBIDDEN', details: { rule: 'DOOR-OFF-DUTY' } })
    // Another day, when the volunteer on duty today has no shift, is closed to them too.
    const otherDay = await world.onDuty.browser.get(
      `/api/today?centreId=${world.centreId}&date=${plusDays(world.day, 7)}`,
    )
    expectStatus(otherDay, 403)

    const elsewhere = await buildOrganisation(t.deps)
    const stranger = await buildUser(t.deps, {
      organisationId: elsewhere.organisationId,
      role: 'coordinator',
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(stranger, t.clock)
    expectStatus(await browser.get(`/api/today?centreId=${world.centreId}&date=${world.day}`), 404)
    // Their own board names none of this centre's families.
    const own = await browser.get(`/api/today?centreId=${elsewhere.centreId}&date=${world.day}`)
    expectStatus(own, 200)
    expect(own.json<TodayBoard>().sessions).toEqual([])
  })

  it('finds the actor’s only centre and today’s date when they are left out, and asks when it cannot tell', async () => {
    const world = await buildSessionDayWorld(t)
    const mine = await world.onDuty.browser.get('/api/today')
    expectStatus(mine, 200)
    expect(mine.json<TodayBoard>()).toMatchObject({ centreId: world.centreId, date: world.day })
    expect(mine.json<TodayBoard>().sessions).toHaveLength(2)

    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const browser = new TestBrowser(t.app)
    await browser.signIn(admin, t.clock)
    const single = await browser.get('/api/today')
    expectStatus(single, 200)
    expect(single.json<TodayBoard>().centreId).toBe(world.centreId)

    const second = await browser.post('/api/centres', { name: 'Second Centre', timeZone: 'Europe/London' })
    expectStatus(second, 201)
    const ambiguous = await browser.get('/api/today')
    expectStatus(ambiguous, 400)
    expect(errorOf(ambiguous)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose a centre',
      details: { field: 'centreId' },
    })
    expectStatus(await browser.get('/api/today?date=28-11-2026'), 400)
  })

  it('leaves out cancelled and suspended families', async () => {
    const world = await buildSessionDayWorld(t)
    expectStatus(
      await world.desk.post(`/api/sessions/${world.supervised.session.id}/cancel`, {
        by: 'centre',
        reason: 'Room flooded',
      }),
      200,
    )
    const board = await boardOf(world)
    expect(board.sessions.map((s) => s.id)).toEqual([world.supported.session.id])
    expect(board.timeline.every((m) => m.sessionId === world.supported.session.id)).toBe(true)
    // A suspended family keeps its place but is not expected at the door.
    await t.deps.db
      .updateTable('sessions')
      .set({ status: 'suspended' })
      .where('id', '=', world.supported.session.id)
      .execute()
    const after = await boardOf(world)
    expect(after.sessions).toEqual([])
    expect(after.timeline).toEqual([])
  })
})
