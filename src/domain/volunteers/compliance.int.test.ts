import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  advanceDays,
  assign,
  buildVolunteerWorld,
  certificateNumber,
  enrol,
  fileOf,
  plusDays,
  readAllPolicies,
  refusalOf,
  ruleOf,
  saturdayAfter,
  shiftOn,
  stateOf,
  today,
  type VolunteerWorld,
} from '../../../tests/support/volunteers'
import { sayDay } from './volunteer.rules'
import type { Matrix, MyVolunteering, PolicyList, RecordView, RequirementStatus } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

async function matrixOf(world: VolunteerWorld, asOf?: string): Promise<Matrix> {
  const response = await world.desk.get(
    `/api/centres/${world.centreId}/compliance${asOf ? `?asOf=${asOf}` : ''}`,
  )
  expectStatus(response, 200)
  return response.json<Matrix>()
}

/** The matrix cell of one volunteer for one requirement. */
function cell(matrix: Matrix, volunteerId: string, code: string) {
  const found = matrix.rows.find((r) => r.volunteer.id === volunteerId)?.cells.find((c) => c.code === code)
  if (!found) throw new Error(`no cell ${volunteerId} ${code}`)
  return found
}

async function recordsOf(world: VolunteerWorld, volunteerId: string): Promise<RecordView[]> {
  const response = await world.desk.get(`/api/volunteers/${volunteerId}/records`)
  expectStatus(response, 200)
  return response.json<{ records: RecordView[] }>().records
}

async function dbsRecordOf(world: VolunteerWorld, volunteerId: string): Promise<RecordView> {
  const found = (await recordsOf(world, volunteerId)).find(
    (r) => r.requirementId === world.requirement('dbs'),
  )
  if (!found) throw new Error('no DBS record')
  return found
}

async function signedIn(user: { email: string; password: string }): Promise<TestBrowser> {
  const browser = new TestBrowser(t.app)
  await browser.signIn(user, t.clock)
  return browser
}

describe('the compliance matrix', () => {
  it('says ok, expiring, renewal, due, missing and optional today, expired once the day passes, overdue ahead', async () => {
    const world = await buildVolunteerWorld(t)
    const start = today(world)
    const soon = plusDays(start, 20)
    const ann = await enrol(world, { name: 'Ann Able' })
    const bob = await enrol(world, { name: 'Bob Lapsing', dbsExpiresOn: soon })
    const dee = await enrol(world, { name: 'Dee Renewing', dbsExpiresOn: soon })
    const cara = await enrol(world, { name: 'Cara Course', stage: 'training', childProtection: false })
    const eve = await world.desk.post('/api/volunteers', {
      centreId: world.centreId,
      fullName: 'Eve Enquiry',
    })
    expectStatus(eve, 201)
    const deeDbs = await dbsRecordOf(world, dee.file.id)
    const renewal = await world.desk.post(`/api/volunteer-records/${deeDbs.id}/renewal`, {
      startedOn: start,
      note: 'Applied through the umbrella body',
    })
    expectStatus(renewal, 200)
    expect(renewal.json<RecordView>()).toMatchObject({ renewalStartedOn: start, expiresOn: soon })

    const now = await matrixOf(world)
    expect(now.asOf).toBe(start)
    expect(now.requirements.map((r) => r.code)).toEqual(world.requirements.map((r) => r.code))
    expect(now.rows.map((r) => r.volunteer.fullName)).toEqual([
      'Ann Able',
      'Bob Lapsing',
      'Cara Course',
      'Dee Renewing',
    ])
    expect(cell(now, ann.file.id, 'dbs')).toMatchObject({
      status: 'ok',
      blocks: false,
      completedOn: plusDays(start, -60),
      detail: expect.stringMatching(/^Valid until /) as string,
    })
    expect(cell(now, ann.file.id, 'policies')).toMatchObject({ status: 'ok', detail: 'All 7 policies read' })
    expect(cell(now, ann.file.id, 'first_aid')).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn: plusDays(start, 90),
      detail: `Not done: due by ${sayDay(plusDays(start, 90))}`,
    })
    expect(cell(now, ann.file.id, 'supervisor_qualification')).toMatchObject({
      status: 'optional',
      blocks: false,
    })
    expect(cell(now, bob.file.id, 'dbs')).toMatchObject({
      status: 'expiring',
      blocks: false,
      expiresOn: soon,
      detail: `Expires on ${sayDay(soon)}`,
    })
    expect(cell(now, dee.file.id, 'dbs')).toMatchObject({
      status: 'renewal',
      blocks: false,
      renewalStartedOn: start,
      detail: `Renewal in progress since ${sayDay(start)}; the current one runs to ${sayDay(soon)}`,
    })
    expect(cell(now, cara.file.id, 'child_protection')).toMatchObject({
      status: 'missing',
      blocks: true,
      detail: 'Not done: needed before starting',
    })
    expect(cell(now, cara.file.id, 'first_aid')).toMatchObject({
      status: 'due',
      dueOn: null,
      detail: 'Not done: due within 90 days of starting',
    })
    // Every cell counted once.
    const optional = world.requirements.filter((r) => !r.mandatory).length
    const dueLater = world.requirements.filter((r) => r.mandatory && r.dueDays !== null).length
    const expected: Record<RequirementStatus, number> = {
      ok: 9,
      expiring: 1,
      renewal: 1,
      due: 4 * dueLater,
      expired: 0,
      overdue: 0,
      missing: 1,
      optional: 4 * optional,
    }
    expect(now.counts).toEqual(expected)
    expect(Object.values(now.counts).reduce((a, b) => a + b, 0)).toBe(4 * world.requirements.length)
    // Nothing Bob, Ann or Dee has today stops them working.
    for (const v of [ann, bob, dee]) expect((await fileOf(world, v.file.id)).rosterable).toBe(true)

    // Three weeks on, the two DBS checks have run out: a renewal in flight does not stop the expiry.
    await advanceDays(world, 21)
    const later = await matrixOf(world)
    expect(cell(later, bob.file.id, 'dbs')).toMatchObject({
      status: 'expired',
      blocks: true,
      detail: `Expired on ${sayDay(soon)}`,
    })
    expect(cell(later, dee.file.id, 'dbs')).toMatchObject({
      status: 'expired',
      blocks: true,
      detail: `Expired on ${sayDay(soon)}; renewal in progress since ${sayDay(start)}`,
    })
    expect(later.counts.expired).toBe(2)
    const bobFile = await fileOf(world, bob.file.id)
    expect(bobFile.rosterable).toBe(false)
    expect(bobFile.blockers).toEqual([`Enhanced DBS check: Expired on ${sayDay(soon)}`])

    // A renewal is started on the latest record only: here the new check came back not cleared.
    const newer = await world.desk.post(`/api/volunteers/${dee.file.id}/records`, {
      requirementId: world.requirement('dbs'),
      completedOn: today(world),
      passed: false,
    })
    expectStatus(newer, 201)
    expect(
      ruleOf(await world.desk.post(`/api/volunteer-records/${deeDbs.id}/renewal`, { startedOn: start })),
    ).toMatchObject({ rule: 'STALE' })
    expect(await stateOf(world, dee.file.id, 'dbs')).toMatchObject({
      status: 'missing',
      detail: 'Not cleared',
    })

    // Looking ahead: Ann's first aid will be overdue a day after its deadline, though she works today.
    const ahead = plusDays(start, 91)
    const projected = await matrixOf(world, ahead)
    expect(projected.asOf).toBe(ahead)
    expect(cell(projected, ann.file.id, 'first_aid')).toMatchObject({
      status: 'overdue',
      blocks: true,
      dueOn: plusDays(start, 90),
      detail: `Not done: was due by ${sayDay(plusDays(start, 90))}`,
    })
    expect(projected.rows.find((r) => r.volunteer.id === ann.file.id)?.volunteer.rosterable).toBe(true)
    expect(await stateOf(world, ann.file.id, 'first_aid')).toMatchObject({ status: 'due' })
  })

  it('shows a renewal in flight as renewal, and ends it when the new record arrives', async () => {
    const world = await buildVolunteerWorld(t)
    const soon = plusDays(today(world), 40)
    const dee = await enrol(world, { name: 'Dee Renewing', dbsExpiresOn: soon })
    expect(await stateOf(world, dee.file.id, 'dbs')).toMatchObject({ status: 'expiring' })
    const dbs = await dbsRecordOf(world, dee.file.id)
    expectStatus(
      await world.desk.post(`/api/volunteer-records/${dbs.id}/renewal`, { startedOn: today(world) }),
      200,
    )
    expect(await stateOf(world, dee.file.id, 'dbs')).toMatchObject({
      status: 'renewal',
      renewalStartedOn: today(world),
      expiresOn: soon,
    })
    await world.desk.post(`/api/volunteers/${dee.file.id}/records`, {
      requirementId: world.requirement('dbs'),
      completedOn: today(world),
      dbs: { level: 'enhanced_barred', certificateNumber: certificateNumber(), onUpdateService: true },
    })
    expect(await stateOf(world, dee.file.id, 'dbs')).toMatchObject({
      status: 'ok',
      renewalStartedOn: null,
      completedOn: today(world),
    })
  })
})

describe('policies and their versions', () => {
  it('a new version is due within the grace period, then blocks; an old version cannot be acknowledged', async () => {
    const world = await buildVolunteerWorld(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = await signedIn(admin)
    const ann = await enrol(world, { name: 'Ann Able', allTraining: true })
    const policies = (await world.desk.get('/api/policies')).json<PolicyList>().policies
    const confidentiality = policies.find((p) => p.title === 'Confidentiality')
    if (!confidentiality?.currentVersion) throw new Error('no confidentiality policy')
    expect(confidentiality).toMatchObject({ acknowledged: 1, outstanding: 0 })
    const oldVersionId = confidentiality.currentVersion.id
    // Coordinators do not publish: it is the organisation's policy.
    expectStatus(await world.desk.post(`/api/policies/${confidentiality.id}/versions`, { body: 'Mine' }), 403)
    const published = await adminBrowser.post(`/api/policies/${confidentiality.id}/versions`, {
      body: 'What you see and hear at the centre stays at the centre, including on social media.',
      changes: 'Social media',
    })
    expectStatus(published, 201)
    const { versionId, version } = published.json<{ versionId: string; version: number }>()
    expect(version).toBe(2)

    const mine = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    const entry = mine.policies.find((p) => p.policyId === confidentiality.id)
    expect(entry).toMatchObject({ versionId, version: 2, acknowledgedAt: null })
    const dueOn = plusDays(entry?.publishedOn ?? '', 30)
    expect(entry?.dueOn).toBe(dueOn)
    expect(await stateOf(world, ann.file.id, 'policies')).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn,
      detail: `New version of Confidentiality to read by ${sayDay(dueOn)}`,
    })
    expect((await fileOf(world, ann.file.id)).rosterable).toBe(true)
    const listed = (await world.desk.get('/api/policies')).json<PolicyList>().policies
    expect(listed.find((p) => p.id === confidentiality.id)).toMatchObject({
      currentVersion: { id: versionId, version: 2, changes: 'Social media' },
      acknowledged: 0,
      outstanding: 1,
    })

    // What was read is what was shown: the old version is refused.
    const stale = await ann.browser.post(`/api/policies/${confidentiality.id}/acknowledge`, {
      versionId: oldVersionId,
    })
    expect(ruleOf(stale)).toMatchObject({ rule: 'STALE', currentVersionId: versionId })
    expect(await stateOf(world, ann.file.id, 'policies')).toMatchObject({ status: 'due' })

    // After the grace period it blocks every shift.
    await advanceDays(world, 31, [ann])
    expect(today(world) > dueOn).toBe(true)
    const overdue = await stateOf(world, ann.file.id, 'policies')
    expect(overdue).toMatchObject({
      status: 'overdue',
      blocks: true,
      detail: `New version of Confidentiality not read: was due by ${sayDay(dueOn)}`,
    })
    expect((await fileOf(world, ann.file.id)).rosterable).toBe(false)
    const shift = await shiftOn(world, saturdayAfter(world, 1))
    const refused = refusalOf(await assign(world, shift.key, 'floor', ann.file.id, { override: true }))
    expect(refused).toMatchObject({ rule: 'ROTA-REQUIREMENT', canOverride: false })
    expect(refused.message).toContain(`Centre policies read: New version of Confidentiality not read`)

    const text = await ann.browser.get(`/api/policies/${confidentiality.id}`)
    expectStatus(text, 200)
    expect(text.json<{ versionId: string; body: string; acknowledgedAt: string | null }>()).toMatchObject({
      versionId,
      body: expect.stringContaining('social media') as string,
      acknowledgedAt: null,
    })
    expectStatus(
      await ann.browser.post(`/api/policies/${confidentiality.id}/acknowledge`, { versionId }),
      200,
    )
    expect(await stateOf(world, ann.file.id, 'policies')).toMatchObject({ status: 'ok', blocks: false })
    expect((await world.desk.get('/api/policies')).json<PolicyList>().policies).toContainEqual(
      expect.objectContaining({ id: confidentiality.id, acknowledged: 1, outstanding: 0 }),
    )
    expectStatus(await assign(world, shift.key, 'floor', ann.file.id), 201)
  })

  it('a policy added after a volunteer started gives them the grace period; a newcomer reads it first', async () => {
    const world = await buildVolunteerWorld(t)
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = await signedIn(admin)
    const ann = await enrol(world, { name: 'Ann Able' })
    const cara = await enrol(world, { name: 'Cara Newcomer', stage: 'training' })
    // A day later, the organisation adds a policy everyone must read.
    await advanceDays(world, 1, [ann, cara])
    await adminBrowser.signIn(admin, t.clock)
    const created = await adminBrowser.post('/api/policies', {
      title: 'Lone working',
      body: 'Never be alone with a family.',
    })
    expectStatus(created, 201)
    const mine = (await ann.browser.get('/api/my/volunteering')).json<MyVolunteering>()
    const entry = mine.policies.find((p) => p.title === 'Lone working')
    const dueOn = plusDays(entry?.publishedOn ?? '', 30)
    expect(entry).toMatchObject({ version: 1, acknowledgedAt: null, dueOn })
    expect(await stateOf(world, ann.file.id, 'policies')).toMatchObject({
      status: 'due',
      blocks: false,
      dueOn,
      detail: `New policy Lone working to read by ${sayDay(dueOn)}`,
    })
    expect((await fileOf(world, ann.file.id)).rosterable).toBe(true)
    // Someone who has not started yet reads it before they do.
    expect(await stateOf(world, cara.file.id, 'policies')).toMatchObject({
      status: 'missing',
      detail: 'Lone working not read: needed before starting',
    })
    await readAllPolicies(ann.browser)
    expect(await stateOf(world, ann.file.id, 'policies')).toMatchObject({ status: 'ok' })
  })
})

describe('DBS certificate details (DBS-1)', () => {
  it('are sealed at rest, revealed only to the centre’s desk through their own route, each reveal audited', async () => {
    const world = await buildVolunteerWorld(t)
    const cert = certificateNumber()
    const ann = await enrol(world, { name: 'Ann Able', certificateNumber: cert })
    const dbs = await dbsRecordOf(world, ann.file.id)
    expect(dbs).toMatchObject({ hasDbsDetail: true, passed: true })

    // At rest: only ciphertext, which opens to the number (so the check below can fail).
    const raw = await t.deps.db
      .selectFrom('volunteer_records')
      .select('dbs_sealed')
      .where('id', '=', dbs.id)
      .executeTakeFirstOrThrow()
    expect(raw.dbs_sealed).not.toBeNull()
    expect(raw.dbs_sealed).not.toContain(cert)
    expect(t.deps.fieldCrypto.decrypt(raw.dbs_sealed ?? '')).toContain(cert)

    const reveals: string[] = []
    for (let i = 0; i < 2; i++) {
      const revealed = await world.desk.get(`/api/volunteer-records/${dbs.id}/dbs`)
      expectStatus(revealed, 200)
      expect(revealed.json()).toEqual({
        recordId: dbs.id,
        completedOn: dbs.completedOn,
        expiresOn: dbs.expiresOn,
        passed: true,
        detail: {
          level: 'enhanced_barred',
          certificateNumber: cert,
          onUpdateService: true,
          updateServiceCheckedOn: null,
        },
      })
      reveals.push(String(revealed.headers['x-request-id']))
    }
    for (const requestId of reveals) {
      const rows = await t.deps.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', requestId)
        .execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        action: 'volunteer.dbs.read',
        outcome: 'success',
        actor_user_id: world.coordinator.userId,
        resource_type: 'volunteer_record',
        organisation_id: world.organisationId,
      })
      expect(JSON.parse(rows[0]?.resource_ids ?? '[]')).toEqual([dbs.id])
    }

    // Not the volunteer themself (no dbs:read), nor a coordinator of another centre or organisation.
    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const north = await (
      await signedIn(admin)
    ).post('/api/centres', { name: 'North Centre', timeZone: 'Europe/London' })
    expectStatus(north, 201)
    const northCoordinator = await buildUser(t.deps, {
      organisationId: world.organisationId,
      role: 'coordinator',
      centreId: north.json<{ id: string }>().id,
    })
    const otherOrg = await buildOrganisation(t.deps)
    const foreignCoordinator = await buildUser(t.deps, {
      organisationId: otherOrg.organisationId,
      role: 'coordinator',
    })
    const refusals: [TestBrowser, number][] = [
      [ann.browser, 403],
      [await signedIn(northCoordinator), 404],
      [await signedIn(foreignCoordinator), 404],
    ]
    for (const [browser, status] of refusals) {
      const refused = await browser.get(`/api/volunteer-records/${dbs.id}/dbs`)
      expectStatus(refused, status)
      expect(refused.body).not.toContain(cert)
      const audited = await t.deps.db
        .selectFrom('audit_log')
        .select(['action', 'outcome'])
        .where('request_id', '=', String(refused.headers['x-request-id']))
        .execute()
      expect(audited).toEqual([{ action: 'volunteer.dbs.read', outcome: 'denied' }])
    }
    // The northern coordinator does not see Ann's file or records either.
    const northBrowser = await signedIn(northCoordinator)
    expectStatus(await northBrowser.get(`/api/volunteers/${ann.file.id}`), 404)
    expectStatus(await northBrowser.get(`/api/volunteers/${ann.file.id}/records`), 404)

    // Everywhere else the number never appears: the file, lists, the matrix, records, the volunteer's
    // own page, the rota, staffing, the audit trail and the mail.
    const answers = [
      await world.desk.get(`/api/volunteers/${ann.file.id}`),
      await world.desk.get('/api/volunteers'),
      await world.desk.get(`/api/volunteers/board?centreId=${world.centreId}`),
      await world.desk.get(`/api/centres/${world.centreId}/compliance`),
      await world.desk.get(`/api/volunteers/${ann.file.id}/records`),
      await ann.browser.get('/api/my/volunteering'),
      await world.desk.get(`/api/centres/${world.centreId}/staffing`),
    ]
    for (const answer of answers) {
      expectStatus(answer, 200)
      // Each answer is about Ann (her id, or her DBS record's), so that the absence below means something.
      expect(answer.body.includes(ann.file.id) || answer.body.includes(dbs.id)).toBe(true)
      expect(answer.body).not.toContain(cert)
    }
    const trail = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('organisation_id', '=', world.organisationId)
      .execute()
    expect(trail.length).toBeGreaterThan(20)
    expect(trail.filter((row) => JSON.stringify(row).includes(cert))).toEqual([])
  })
})
