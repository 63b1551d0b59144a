import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import { createTestContext, type TestContext } from '../../../tests/support/test-app'
import { buildVolunteerWorld, enrol } from '../../../tests/support/volunteers'
import type { RotaView, VolunteerFile } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

describe('an expired DBS check blocks rostering', () => {
  it('refuses the shift with the reason; renewing the check lifts the block', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Ann Leader', duties: ['team_leader'] })
    // Bob's DBS check was issued on 1 December 2023: it runs out on 1 December 2026, next week.
    const lapsed = await enrol(world, { name: 'Bob Lapsed', dbsCompletedOn: '2023-12-01' })
    const before = (await world.desk.get(`/api/volunteers/${lapsed.file.id}`)).json<VolunteerFile>()
    expect(before.rosterable).toBe(true)
    expect(before.requirements.find((r) => r.code === 'dbs')).toMatchObject({
      status: 'expiring',
      blocks: false,
    })
    // Ten days on, it has expired.
    t.clock.advance(10 * 86_400)
    await world.desk.signIn(world.coordinator, t.clock)
    const file = (await world.desk.get(`/api/volunteers/${lapsed.file.id}`)).json<VolunteerFile>()
    expect(file.rosterable).toBe(false)
    expect(file.requirements.find((r) => r.code === 'dbs')).toMatchObject({ status: 'expired', blocks: true })
    expect(file.blockers.join(' ')).toMatch(/Enhanced DBS check: Expired on 1 Dec 2026/)

    const rota = (
      await world.desk.get(`/api/centres/${world.centreId}/rota?from=2027-01-02&to=2027-01-03`)
    ).json<RotaView>()
    expect(rota.shifts).toHaveLength(2)
    const shift = rota.shifts[0]
    if (!shift) throw new Error('no shift')
    const ann = await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
      shiftKey: shift.key,
      duty: 'team_leader',
      volunteerId: lead.file.id,
    })
    expectStatus(ann, 201)
    const refused = await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
      shiftKey: shift.key,
      duty: 'floor',
      volunteerId: lapsed.file.id,
    })
    expectStatus(refused, 409)
    const body = refused.json<{
      error: { message: string; details: { rule: string; canOverride: boolean } }
    }>()
    expect(body.error.details.rule).toBe('ROTA-REQUIREMENT')
    expect(body.error.details.canOverride).toBe(false)
    expect(body.error.message).toMatch(/Enhanced DBS check: Expired on 1 Dec 2026/)
    const overridden = await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
      shiftKey: shift.key,
      duty: 'floor',
      volunteerId: lapsed.file.id,
      override: true,
    })
    expectStatus(overridden, 409)

    const renewed = await world.desk.post(`/api/volunteers/${lapsed.file.id}/records`, {
      requirementId: world.requirement('dbs'),
      completedOn: '2026-12-03',
      dbs: { level: 'enhanced', certificateNumber: '001122334455', onUpdateService: true },
    })
    expectStatus(renewed, 201)
    const placed = await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
      shiftKey: shift.key,
      duty: 'floor',
      volunteerId: lapsed.file.id,
    })
    expectStatus(placed, 201)
  })
})

describe('a volunteer’s calendar feed', () => {
  it('holds the shifts they work, and not the centre’s sessions', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Cath Leader', duties: ['team_leader'] })
    const rota = (
      await world.desk.get(`/api/centres/${world.centreId}/rota?from=2027-02-06&to=2027-02-07`)
    ).json<RotaView>()
    const sunday = rota.shifts.find((s) => s.date === '2027-02-07')
    if (!sunday) throw new Error('no Sunday shift')
    expectStatus(
      await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
        shiftKey: sunday.key,
        duty: 'team_leader',
        volunteerId: lead.file.id,
      }),
      201,
    )
    const made = await lead.browser.post('/api/calendar-feeds', { label: 'Phone' })
    expectStatus(made, 201)
    const ics = await t.app.inject({ method: 'GET', url: new URL(made.json<{ url: string }>().url).pathname })
    expect(ics.statusCode).toBe(200)
    const events = ics.body.match(/BEGIN:VEVENT/g) ?? []
    expect(events).toHaveLength(1)
    expect(ics.body).toContain('SUMMARY:Team leader · Test Centre')
    expect(ics.body).toMatch(/DTSTART;TZID=Europe\/London:20270207T090000/)
  })
})

describe('a place that goes away', () => {
  it('keeps the volunteer on the rota as orphaned when a closure is added on their day', async () => {
    const world = await buildVolunteerWorld(t)
    const lead = await enrol(world, { name: 'Dee Leader', duties: ['team_leader'] })
    const url = `/api/centres/${world.centreId}/rota?from=2027-03-06&to=2027-03-07`
    const saturday = (await world.desk.get(url)).json<RotaView>().shifts.find((s) => s.date === '2027-03-06')
    if (!saturday) throw new Error('no Saturday shift')
    expectStatus(
      await world.desk.post(`/api/centres/${world.centreId}/rota/assignments`, {
        shiftKey: saturday.key,
        duty: 'team_leader',
        volunteerId: lead.file.id,
      }),
      201,
    )
    expect((await world.desk.get(url)).json<RotaView>().orphaned).toEqual([])
    expectStatus(
      await world.desk.post(`/api/centres/${world.centreId}/closures`, {
        firstDay: '2027-03-06',
        lastDay: '2027-03-06',
        reason: 'Hall booked for a wedding',
      }),
      201,
    )
    const after = (await world.desk.get(url)).json<RotaView>()
    expect(after.shifts.map((s) => s.date)).toEqual(['2027-03-07'])
    expect(after.orphaned).toEqual([
      expect.objectContaining({ date: '2027-03-06', duty: 'team_leader', fullName: 'Dee Leader' }),
    ])
  })
})
