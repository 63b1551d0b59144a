import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, type BuiltUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  advanceDays,
  buildVolunteerWorld,
  certificateNumber,
  enrol,
  plusDays,
  record,
  today,
  type Enrolled,
  type VolunteerWorld,
} from '../../../tests/support/volunteers'
import { sayDay } from './volunteer.rules'
import type { RecordView } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

interface AlertWorld extends VolunteerWorld {
  admin: BuiltUser
  adminBrowser: TestBrowser
}

async function alertWorld(): Promise<AlertWorld> {
  const world = await buildVolunteerWorld(t)
  const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
  const adminBrowser = new TestBrowser(t.app)
  await adminBrowser.signIn(admin, t.clock)
  return { ...world, admin, adminBrowser }
}

/** Runs the reminders as the organisation's admin would from the app. */
async function run(world: AlertWorld): Promise<{ alerts: number; emails: number }> {
  const response = await world.adminBrowser.post('/api/volunteering/alerts')
  expectStatus(response, 200)
  return response.json()
}

/** The organisation's mail, oldest first. */
async function mailOf(world: VolunteerWorld) {
  const rows = await t.deps.db
    .selectFrom('outbox')
    .select(['to_address', 'subject', 'text_body', 'created_at'])
    .where('organisation_id', '=', world.organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ to: r.to_address, subject: r.subject, text: r.text_body }))
}

async function sentFor(volunteerId: string) {
  const rows = await t.deps.db
    .selectFrom('compliance_alerts')
    .select(['days_before', 'due_on'])
    .where('volunteer_id', '=', volunteerId)
    .execute()
  return rows.map((r) => [r.days_before, r.due_on] as const).sort((a, b) => a[0] - b[0])
}

/** Moves the clock on, signing the desk, the admin and the volunteers in again. */
async function later(world: AlertWorld, days: number, volunteers: Enrolled[] = []) {
  await advanceDays(world, days, volunteers)
  await world.adminBrowser.signIn(world.admin, t.clock)
}

const TO_VOLUNTEER = 'Something on your volunteer record needs renewing'

describe('compliance reminders (60, 30 and 7 days, and on the day it lapses)', () => {
  it('tells the volunteer and the coordinator once at each threshold, never the certificate number', async () => {
    const world = await alertWorld()
    const cert = certificateNumber()
    const expiry = plusDays(today(world), 60)
    const ann = await enrol(world, {
      name: 'Ann Lapsing',
      dbsExpiresOn: expiry,
      certificateNumber: cert,
      allTraining: true,
    })
    await enrol(world, { name: 'Bob Fine', allTraining: true })
    const coordinatorMail = `Volunteer records to renew at Test Centre`
    const expected: { to: string; subject: string }[] = []
    const expectRound = async (line: string) => {
      expect(await run(world)).toEqual({ alerts: 1, emails: 2 })
      expected.push(
        { to: ann.email, subject: TO_VOLUNTEER },
        { to: world.coordinator.email, subject: coordinatorMail },
      )
      const mail = await mailOf(world)
      expect(mail.map(({ to, subject }) => ({ to, subject }))).toEqual(expected)
      const [toAnn, toDesk] = mail.slice(-2)
      expect(toAnn?.text).toContain('Dear Ann Lapsing,')
      expect(toAnn?.text).toContain(`- ${line}`)
      expect(toDesk?.text).toContain(`- Ann Lapsing · ${line}`)
      expect(toDesk?.text).not.toContain('Bob Fine')
      // Run again straight away: nothing more.
      expect(await run(world)).toEqual({ alerts: 0, emails: 0 })
      expect(await mailOf(world)).toHaveLength(expected.length)
    }
    await expectRound(`Enhanced DBS check: Expires on ${sayDay(expiry)}.`)
    expect(await sentFor(ann.file.id)).toEqual([[60, expiry]])
    await later(world, 30)
    await expectRound(`Enhanced DBS check: Expires on ${sayDay(expiry)}.`)
    await later(world, 23)
    await expectRound(`Enhanced DBS check: Expires on ${sayDay(expiry)}.`)
    // The day after it lapsed.
    await later(world, 8)
    await expectRound(
      `Enhanced DBS check: Expired on ${sayDay(expiry)}. Until it is renewed they cannot be rostered to what it covers.`,
    )
    expect(await sentFor(ann.file.id)).toEqual([
      [0, expiry],
      [7, expiry],
      [30, expiry],
      [60, expiry],
    ])
    const mail = await mailOf(world)
    expect(mail).toHaveLength(8)
    expect(mail.filter((m) => m.text.includes(cert) || m.subject.includes(cert))).toEqual([])
  })

  it('a first run five days before the expiry sends one reminder, not three', async () => {
    const world = await alertWorld()
    const expiry = plusDays(today(world), 5)
    const ann = await enrol(world, { name: 'Ann Late', dbsExpiresOn: expiry, allTraining: true })
    expect(await run(world)).toEqual({ alerts: 1, emails: 2 })
    const toAnn = (await mailOf(world)).filter((m) => m.to === ann.email)
    expect(toAnn).toHaveLength(1)
    expect(toAnn[0]?.text.match(/Enhanced DBS check/g)).toHaveLength(1)
    // The larger thresholds count as passed, the day it lapses does not.
    expect(await sentFor(ann.file.id)).toEqual([
      [7, expiry],
      [30, expiry],
      [60, expiry],
    ])
    expect(await run(world)).toEqual({ alerts: 0, emails: 0 })
    await later(world, 6)
    expect(await run(world)).toEqual({ alerts: 1, emails: 2 })
    expect((await mailOf(world)).filter((m) => m.to === ann.email)).toHaveLength(2)
  })

  it('a renewal in flight pauses the reminders, before and after the expiry; a new record starts afresh', async () => {
    const world = await alertWorld()
    const expiry = plusDays(today(world), 30)
    const ann = await enrol(world, { name: 'Ann Renewing', dbsExpiresOn: expiry, allTraining: true })
    const bob = await enrol(world, { name: 'Bob Forgetful', dbsExpiresOn: expiry, allTraining: true })
    const records = (await world.desk.get(`/api/volunteers/${ann.file.id}/records`)).json<{
      records: RecordView[]
    }>().records
    const dbs = records.find((r) => r.requirementId === world.requirement('dbs'))
    expectStatus(
      await world.desk.post(`/api/volunteer-records/${dbs?.id}/renewal`, { startedOn: today(world) }),
      200,
    )
    // Only Bob is reminded.
    expect(await run(world)).toEqual({ alerts: 1, emails: 2 })
    const recipients = () => mailOf(world).then((mail) => mail.map((m) => m.to))
    expect(await recipients()).toEqual([bob.email, world.coordinator.email])
    await later(world, 31)
    expect(await run(world)).toEqual({ alerts: 1, emails: 2 })
    expect((await recipients()).filter((to) => to === ann.email)).toEqual([])
    expect(await sentFor(ann.file.id)).toEqual([])
    // The renewed check arrives: three years of quiet.
    await record(world, ann.file.id, 'dbs', today(world), {
      dbs: { level: 'enhanced_barred', certificateNumber: certificateNumber() },
    })
    expect(await run(world)).toEqual({ alerts: 0, emails: 0 })
  })

  it("runs for the admin's own organisation only", async () => {
    const ours = await alertWorld()
    const theirs = await alertWorld()
    const expiry = plusDays(today(ours), 20)
    const mine = await enrol(ours, { name: 'Our Volunteer', dbsExpiresOn: expiry, allTraining: true })
    const other = await enrol(theirs, { name: 'Their Volunteer', dbsExpiresOn: expiry, allTraining: true })
    expect(await run(ours)).toEqual({ alerts: 1, emails: 2 })
    expect((await mailOf(ours)).map((m) => m.to)).toEqual([mine.email, ours.coordinator.email])
    expect(await mailOf(theirs)).toEqual([])
    expect(await sentFor(other.file.id)).toEqual([])
    // Coordinators do not run it.
    expectStatus(await ours.desk.post('/api/volunteering/alerts'), 403)
    expect(await run(theirs)).toEqual({ alerts: 1, emails: 2 })
    expect((await mailOf(theirs)).map((m) => m.to)).toEqual([other.email, theirs.coordinator.email])
  })
})
