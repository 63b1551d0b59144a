import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import {
  advanceDays,
  assign,
  buildVolunteerWorld,
  enrol,
  fileOf,
  plusDays,
  plusMonths,
  rotaOf,
  saturdayAfter,
  shiftOn,
  today,
} from '../../../tests/support/volunteers'
import { sayDay } from './volunteer.rules'
import type { Matrix, RotaView, VolunteerFile } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('an expired DBS check blocks rostering', () => {
  it('refuses the shift with the reason, in the API and its refusal; renewing the check lifts the block', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
    // Bob's DBS check was issued three years ago less five days: it runs out in five days.
    const issued = plusDays(plusMonths(today(world), -36), 5)
    const expiresOn = plusMonths(issued, 36)
    const lapsed = await enrol(world, { name: 'Bob Lapsed', dbsCompletedOn: issued })
    const before = await fileOf(world, lapsed.file.id)
    expect(before.rosterable).toBe(true)
    expect(before.requirements.find((r) => r.code === 'dbs')).toMatchObject({
      status: 'expiring',
      blocks: false,
    })
    // Ten days on, it has expired.
    await advanceDays(world, 10)
    const file = await fileOf(world, lapsed.file.id)
    expect(file.rosterable).toBe(false)
    expect(file.requirements.find((r) => r.code === 'dbs')).toMatchObject({ status: 'expired', blocks: true })
    const reason = `Enhanced DBS check: Expired on ${sayDay(expiresOn)}`
    expect(file.blockers).toContain(reason)

    const shift = await shiftOn(world, saturdayAfter(world, 7))
    expectStatus(await assign(world, shift.key, 'team_leader', lead.file.id), 201)
    const refused = await assign(world, shift.key, 'floor', lapsed.file.id)
    expectStatus(refused, 409)
    const body = refused.json<{
      error: { message: string; details: { rule: string; canOverride: boolean } }
    }>()
    expect(body.error.details.rule).toBe('ROTA-REQUIREMENT')
    expect(body.error.details.canOverride).toBe(false)
    expect(body.error.message).toContain(reason)
    // A hard rule: no override places them.
    expectStatus(await assign(world, shift.key, 'floor', lapsed.file.id, { override: true }), 409)

    const renewed = await world.desk.post(`/api/volunteers/${lapsed.file.id}/records`, {
      requirementId: world.requirement('dbs'),
      completedOn: today(world),
      dbs: { level: 'enhanced', certificateNumber: '001122334455', onUpdateService: true },
    })
    expectStatus(renewed, 201)
    expect((await fileOf(world, lapsed.file.id)).rosterable).toBe(true)
    expectStatus(await assign(world, shift.key, 'floor', lapsed.file.id), 201)
  })
})

describe('a volunteer’s calendar feed', () => {
  it('holds the shifts they work, and not the centre’s sessions', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Cath Leader', duties: ['team_leader'] })
    const sunday = await shiftOn(world, plusDays(saturdayAfter(world, 14), 1))
    expectStatus(await assign(world, sunday.key, 'team_leader', lead.file.id), 201)
    const made = await lead.browser.post('/api/calendar-feeds', { label: 'Phone' })
    expectStatus(made, 201)
    const ics = await t.app.inject({ method: 'GET', url: new URL(made.json<{ url: string }>().url).pathname })
    expect(ics.statusCode).toBe(200)
    expect(ics.body.match(/BEGIN:VEVENT/g) ?? []).toHaveLength(1)
    expect(ics.body).toContain('SUMMARY:Team leader · Test Centre')
    expect(ics.body).toContain(`DTSTART;TZID=Europe/London:${sunday.date.replaceAll('-', '')}T090000`)
  })
})

describe('a place that goes away', () => {
  it('keeps the volunteer on the rota as orphaned when a closure is added on their day', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Dee Leader', duties: ['team_leader'] })
    const saturday = saturdayAfter(world, 21)
    const shift = await shiftOn(world, saturday)
    expectStatus(await assign(world, shift.key, 'team_leader', lead.file.id), 201)
    const rota = (): Promise<RotaView> => rotaOf(world, saturday, plusDays(saturday, 1))
    expect((await rota()).orphaned).toEqual([])
    expectStatus(
      await world.desk.post(`/api/centres/${world.centreId}/closures`, {
        firstDay: saturday,
        lastDay: saturday,
        reason: 'Hall booked for a wedding',
      }),
      201,
    )
    const after = await rota()
    expect(after.shifts.map((s) => s.date)).toEqual([plusDays(saturday, 1)])
    expect(after.orphaned).toEqual([
      expect.objectContaining({ date: saturday, duty: 'team_leader', fullName: 'Dee Leader' }),
    ])
  })
})

describe('a sign-in for a volunteer', () => {
  it('the coordinator invites them: an invitation email, the volunteer role for their centre, linked', async () => {
    const world = await buildVolunteerWorld(t)
    const created = await world.desk.post('/api/volunteers', {
      centreId: world.centreId,
      fullName: 'Eve Newcomer',
      email: `eve-${Date.now()}@example.org`,
    })
    expectStatus(created, 201)
    const volunteer = created.json<VolunteerFile>()
    const invited = await world.desk.post(`/api/volunteers/${volunteer.id}/sign-in`)
    expectStatus(invited, 201)
    const file = invited.json<VolunteerFile>()
    expect(file.hasSignIn).toBe(true)
    const user = await t.deps.db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select(['users.email', 'users.status', 'role_assignments.role', 'role_assignments.centre_id'])
      .where('users.id', '=', file.userId ?? '')
      .execute()
    expect(user).toEqual([
      { email: volunteer.email, status: 'invited', role: 'volunteer', centre_id: world.centreId },
    ])
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', volunteer.email ?? '')
      .execute()
    expect(mail).toEqual([expect.objectContaining({ subject: 'You have been invited to Kinbridge' })])
    expect(mail[0]?.text_body).toMatch(/\/welcome#token=/)
    // Once only; and never without an email to send it to.
    const again = await world.desk.post(`/api/volunteers/${volunteer.id}/sign-in`)
    expectStatus(again, 409)
    expect(again.json<{ error: { details: { rule: string } } }>().error.details.rule).toBe('VOL-SIGN-IN')
    const noEmail = await world.desk.post('/api/volunteers', {
      centreId: world.centreId,
      fullName: 'Fay Nomail',
    })
    const refused = await world.desk.post(`/api/volunteers/${noEmail.json<VolunteerFile>().id}/sign-in`)
    expectStatus(refused, 400)
  })
})

describe('the compliance matrix', () => {
  it('lists the team and those about to join, not people still applying', async () => {
    const world = await buildVolunteerWorld(t)
    const working = await enrol(world, { name: 'Gail Working' })
    const training = await enrol(world, { name: 'Hal Training', stage: 'training' })
    expectStatus(
      await world.desk.post('/api/volunteers', { centreId: world.centreId, fullName: 'Iris Enquiring' }),
      201,
    )
    const matrix = await world.desk.get(`/api/centres/${world.centreId}/compliance`)
    expectStatus(matrix, 200)
    const rows = matrix.json<Matrix>().rows.map((r) => r.volunteer.fullName)
    expect(rows.sort()).toEqual([working.file.fullName, training.file.fullName].sort())
  })
})
