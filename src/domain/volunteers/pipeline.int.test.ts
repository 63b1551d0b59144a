import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser } from '../../../tests/support/factories'
import { expectStatus, staffReferralBody } from '../../../tests/support/referrals'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import {
  advanceDays,
  assign,
  buildVolunteerWorld,
  enrol,
  fileOf,
  moveTo,
  namesOn,
  plusDays,
  plusMonths,
  readAllPolicies,
  record,
  rotaOf,
  ruleOf,
  saturdayAfter,
  shiftIn,
  shiftOn,
  today,
  type VolunteerWorld,
} from '../../../tests/support/volunteers'
import type { MyVolunteering, VolunteerFile, VolunteerSummary } from './volunteers.schemas'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(async () => t.close())

/** An enquiry recorded at the desk. */
async function enquiry(world: VolunteerWorld, body: Record<string, unknown>): Promise<VolunteerFile> {
  const created = await world.desk.post('/api/volunteers', { centreId: world.centreId, ...body })
  expectStatus(created, 201)
  return created.json<VolunteerFile>()
}

/** A sign-in for the volunteer, linked to their file, so that they can read the policies. */
async function linkSignIn(world: VolunteerWorld, volunteerId: string): Promise<TestBrowser> {
  const user = await buildUser(t.deps, {
    organisationId: world.organisationId,
    role: 'volunteer',
    centreId: world.centreId,
  })
  const { version } = await fileOf(world, volunteerId)
  expectStatus(
    await world.desk.patch(`/api/volunteers/${volunteerId}`, { version, userId: user.userId }),
    200,
  )
  const browser = new TestBrowser(t.app)
  await browser.signIn(user, t.clock)
  return browser
}

describe('the recruitment pipeline, enquiry to active', () => {
  it('walks every stage and keeps who moved them, when, from and to', async () => {
    const world = await buildVolunteerWorld(t)
    const started = t.clock.now().toISOString()
    const mentor = await enrol(world, { name: 'Mona Mentor' })
    let pat = await enquiry(world, { fullName: 'Pat Pipeline', email: 'PAT@example.org' })
    expect(pat).toMatchObject({
      stage: 'enquiry',
      email: 'pat@example.org',
      nextStages: ['role_meeting', 'withdrawn'],
      rosterable: false,
      version: 1,
    })
    expect(pat.history).toEqual([
      { from: null, to: 'enquiry', reason: null, by: 'Test coordinator', at: expect.any(String) as string },
    ])
    const move = async (to: string, extra: Record<string, unknown> = {}) => {
      const moved = await world.desk.post(`/api/volunteers/${pat.id}/stage`, {
        version: pat.version,
        to,
        ...extra,
      })
      expectStatus(moved, 200)
      const next = moved.json<VolunteerFile>()
      expect(next.stage).toBe(to)
      expect(next.version).toBe(pat.version + 1)
      pat = next
    }
    await move('role_meeting')
    await move('application')
    expectStatus(
      await world.desk.patch(`/api/volunteers/${pat.id}`, { version: pat.version, referencesReceived: 2 }),
      200,
    )
    pat = await fileOf(world, pat.id)
    await move('references')
    await move('dbs_applied')
    await record(world, pat.id, 'dbs', plusDays(today(world), -3), {
      dbs: { level: 'enhanced_barred', certificateNumber: '001234567890' },
    })
    await move('cleared')
    await record(world, pat.id, 'child_protection', plusDays(today(world), -1))
    await readAllPolicies(await linkSignIn(world, pat.id))
    pat = await fileOf(world, pat.id)
    await move('training')
    expect(pat.rosterable).toBe(false)
    expect(pat.nextStages).toEqual(['mentored', 'active', 'withdrawn'])
    await move('mentored', { mentorId: mentor.file.id })
    expect(pat).toMatchObject({
      mentorId: mentor.file.id,
      mentorName: 'Mona Mentor',
      startedOn: today(world),
      mentoringUntil: plusMonths(today(world), 12),
      rosterable: true,
      blockers: [],
    })
    expect((await fileOf(world, mentor.file.id)).mentees).toEqual([{ id: pat.id, fullName: 'Pat Pipeline' }])
    await move('active', { signOffEarly: true, reason: 'Volunteered at another centre for years' })
    expect(pat.startedOn).toBe(today(world))
    // Out of the mentored year, the mentor is history, not a label on their card.
    expect(pat).toMatchObject({ mentorId: mentor.file.id, mentorName: null })

    const stages = ['enquiry', 'role_meeting', 'application', 'references', 'dbs_applied', 'cleared']
    const walk = [...stages, 'training', 'mentored', 'active']
    expect(pat.history.map((h) => h.to)).toEqual(walk)
    expect(pat.history.map((h) => h.from)).toEqual([null, ...walk.slice(0, -1)])
    expect(new Set(pat.history.map((h) => h.by))).toEqual(new Set(['Test coordinator']))
    const times = pat.history.map((h) => h.at)
    expect([...times].sort()).toEqual(times)
    const finished = t.clock.now().toISOString()
    for (const at of times) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(started))
      expect(Date.parse(at)).toBeLessThanOrEqual(Date.parse(finished))
    }
    expect(pat.history.at(-1)?.reason).toBe('Volunteered at another centre for years')
    // The board and the list agree with the file.
    const board = (await world.desk.get(`/api/volunteers/board?centreId=${world.centreId}`)).json<{
      columns: { stage: string; volunteers: VolunteerSummary[] }[]
    }>()
    expect(board.columns.map((c) => c.stage)).toEqual([...walk, 'leaving', 'left', 'withdrawn'])
    expect(board.columns.find((c) => c.stage === 'active')?.volunteers.map((v) => v.fullName)).toEqual([
      'Mona Mentor',
      'Pat Pipeline',
    ])
    const listed = (await world.desk.get('/api/volunteers?stage=active')).json<{
      volunteers: VolunteerSummary[]
    }>()
    expect(listed.volunteers.map((v) => v.id)).toEqual([mentor.file.id, pat.id])
  })
})

describe('each refused move names its rule and changes nothing', () => {
  it('VOL-STAGE, VOL-REFERENCES, VOL-DBS, VOL-BLOCKED, VOL-MENTOR, VOL-MENTORING, VOL-LEAVING and a stale version', async () => {
    const world = await buildVolunteerWorld(t)
    const mentor = await enrol(world, { name: 'Mona Mentor' })
    const trainee = await enrol(world, { name: 'Tom Trainee', stage: 'training' })
    const rae = await enquiry(world, { fullName: 'Rae Refused' })
    const id = rae.id
    const refused = async (to: string, extra: Record<string, unknown> = {}, status = 409) => {
      const before = await fileOf(world, id)
      const details = ruleOf(await moveTo(world, id, to, extra), status)
      const after = await fileOf(world, id)
      expect({ stage: after.stage, version: after.version, history: after.history.length }).toEqual({
        stage: before.stage,
        version: before.version,
        history: before.history.length,
      })
      return details
    }
    const moves = async (...stages: string[]) => {
      for (const to of stages) expectStatus(await moveTo(world, id, to), 200)
    }

    // Skipping a stage.
    expect(await refused('references')).toMatchObject({
      rule: 'VOL-STAGE',
      allowed: ['role_meeting', 'withdrawn'],
    })
    expect((await refused('active', { signOffEarly: true, reason: 'Keen' })).rule).toBe('VOL-STAGE')
    await moves('role_meeting', 'application', 'references')

    // The DBS check is applied for after two references.
    const { version } = await fileOf(world, id)
    expectStatus(await world.desk.patch(`/api/volunteers/${id}`, { version, referencesReceived: 1 }), 200)
    expect((await refused('dbs_applied')).rule).toBe('VOL-REFERENCES')
    const withOne = await moveTo(world, id, 'dbs_applied')
    expect(withOne.json<{ error: { message: string } }>().error.message).toMatch(
      /2 references are needed before the DBS check; 1 received/,
    )
    const again = await fileOf(world, id)
    expectStatus(
      await world.desk.patch(`/api/volunteers/${id}`, { version: again.version, referencesReceived: 2 }),
      200,
    )
    await moves('dbs_applied')

    // Cleared needs a cleared, in-date DBS check: none, then one that has run out, then one not cleared.
    expect(await refused('cleared')).toMatchObject({
      rule: 'VOL-DBS',
      detail: 'Not done: needed before starting',
    })
    await record(world, id, 'dbs', plusMonths(today(world), -37))
    expect(await refused('cleared')).toMatchObject({
      rule: 'VOL-DBS',
      detail: expect.stringMatching(/^Expired on /) as string,
    })
    await record(world, id, 'dbs', plusDays(today(world), -1), { passed: false })
    expect(await refused('cleared')).toMatchObject({ rule: 'VOL-DBS', detail: 'Not cleared' })
    await record(world, id, 'dbs', today(world))
    await moves('cleared', 'training')

    // Working needs the child protection course and every policy read.
    for (const to of ['mentored', 'active']) {
      const blocked = await refused(to, { mentorId: mentor.file.id, signOffEarly: true, reason: 'Keen' })
      expect(blocked.rule).toBe('VOL-BLOCKED')
      expect(blocked.blockers).toEqual([
        'Centre policies read: Confidentiality not read: needed before starting (7 policies to read)',
        'Child protection course: Not done: needed before starting',
      ])
    }
    await record(world, id, 'child_protection', today(world))
    expect(await refused('mentored', { mentorId: mentor.file.id })).toMatchObject({
      rule: 'VOL-BLOCKED',
      blockers: [expect.stringMatching(/^Centre policies read: /)],
    })
    await readAllPolicies(await linkSignIn(world, id))

    // The mentored year starts with a named mentor who is an active volunteer of the centre.
    expect(await refused('mentored')).toMatchObject({ rule: 'VOL-MENTOR' })
    expect(await refused('mentored', { mentorId: trainee.file.id })).toMatchObject({ rule: 'VOL-MENTOR' })
    expect(await refused('mentored', { mentorId: id }, 400)).toMatchObject({ field: 'mentorId' })
    const elsewhere = await buildVolunteerWorld(t)
    const stranger = await enrol(elsewhere, { name: 'Sid Stranger' })
    expect(await refused('mentored', { mentorId: stranger.file.id }, 400)).toMatchObject({
      field: 'mentorId',
    })

    // Straight to active only when the mentored year is signed off, with a reason.
    expect(await refused('active')).toMatchObject({
      rule: 'VOL-MENTORING',
      mentoringUntil: plusMonths(today(world), 12),
    })
    expect(await refused('active', { signOffEarly: true }, 400)).toMatchObject({ field: 'reason' })
    expectStatus(await moveTo(world, id, 'mentored', { mentorId: mentor.file.id }), 200)
    const mentored = await fileOf(world, id)
    expect(mentored.mentoringUntil).toBe(plusMonths(today(world), 12))
    expect(await refused('active')).toMatchObject({
      rule: 'VOL-MENTORING',
      mentoringUntil: mentored.mentoringUntil,
    })
    expect(await refused('active', { signOffEarly: true }, 400)).toMatchObject({ field: 'reason' })
    expectStatus(await moveTo(world, id, 'active', { signOffEarly: true, reason: 'Ready early' }), 200)

    // Leaving names a planned last day, today or later.
    expect(await refused('leaving', {}, 400)).toMatchObject({ field: 'plannedEndOn', rule: 'VOL-LEAVING' })
    expect(await refused('leaving', { plannedEndOn: plusDays(today(world), -1) }, 400)).toMatchObject({
      rule: 'VOL-LEAVING',
    })
    const leaving = await moveTo(world, id, 'leaving', { plannedEndOn: plusDays(today(world), 30) })
    expectStatus(leaving, 200)
    expect(leaving.json<VolunteerFile>()).toMatchObject({
      stage: 'leaving',
      plannedEndOn: plusDays(today(world), 30),
      rosterable: true,
    })

    // Someone else moved them first: the version read is stale.
    const current = await fileOf(world, id)
    const stale = await world.desk.post(`/api/volunteers/${id}/stage`, {
      version: current.version - 1,
      to: 'left',
    })
    expect(ruleOf(stale)).toMatchObject({ rule: 'STALE' })
    const staleEdit = await world.desk.patch(`/api/volunteers/${id}`, {
      version: current.version - 1,
      notes: 'Lost update',
    })
    expect(ruleOf(staleEdit)).toMatchObject({ rule: 'STALE' })
    const unchanged = await fileOf(world, id)
    expect({ stage: unchanged.stage, version: unchanged.version, notes: unchanged.notes }).toEqual({
      stage: 'leaving',
      version: current.version,
      notes: null,
    })
    expect(unchanged.history.map((h) => h.to)).toEqual([
      'enquiry',
      'role_meeting',
      'application',
      'references',
      'dbs_applied',
      'cleared',
      'training',
      'mentored',
      'active',
      'leaving',
    ])
  })
})

describe('conflicts of interest and age (domain rules 3.20)', () => {
  it('refuses a person who uses the centre: a parent’s sign-in, a parent’s email, or an adult of a referral', async () => {
    const world = await buildVolunteerWorld(t)
    const parent = await buildUser(t.deps, { organisationId: world.organisationId, role: 'parent' })
    const vic = await enquiry(world, { fullName: 'Vic Volunteer' })
    const linked = await world.desk.patch(`/api/volunteers/${vic.id}`, {
      version: vic.version,
      userId: parent.userId,
    })
    expect(ruleOf(linked)).toMatchObject({ rule: 'VOL-USES-CENTRE' })
    expect((await fileOf(world, vic.id)).userId).toBeNull()
    const byEmail = await world.desk.post('/api/volunteers', {
      centreId: world.centreId,
      fullName: 'Paula Parent',
      email: parent.email.toUpperCase(),
    })
    expect(ruleOf(byEmail)).toMatchObject({ rule: 'VOL-USES-CENTRE' })

    // An adult of one of the centre's referrals: the same name and date of birth.
    const referral = await world.desk.post(
      '/api/referrals',
      staffReferralBody(world.centreId, {
        adults: [
          { role: 'resident_parent', fullName: 'Rita Example', dateOfBirth: '1988-04-12' },
          { role: 'non_resident_parent', fullName: 'Nick Example' },
        ],
      }),
    )
    expectStatus(referral, 201)
    const same = await world.desk.post('/api/volunteers', {
      centreId: world.centreId,
      fullName: 'RITA EXAMPLE',
      dateOfBirth: '1988-04-12',
    })
    expect(ruleOf(same)).toMatchObject({ rule: 'VOL-USES-CENTRE' })
    // Another Rita Example, born on another day, may volunteer; giving her the mother's birthday may not.
    const other = await enquiry(world, { fullName: 'Rita Example', dateOfBirth: '1990-01-01' })
    const changed = await world.desk.patch(`/api/volunteers/${other.id}`, {
      version: other.version,
      dateOfBirth: '1988-04-12',
    })
    expect(ruleOf(changed)).toMatchObject({ rule: 'VOL-USES-CENTRE' })
    expect((await fileOf(world, other.id)).dateOfBirth).toBe('1990-01-01')
    // Nothing of the refused enquiries was kept.
    const names = (await world.desk.get('/api/volunteers')).json<{ volunteers: VolunteerSummary[] }>()
    expect(names.volunteers.map((v) => v.fullName).sort()).toEqual(['Rita Example', 'Vic Volunteer'])
  })

  it('refuses a volunteer under the minimum age when they start, and takes them on their birthday', async () => {
    const world = await buildVolunteerWorld(t)
    const mentor = await enrol(world, { name: 'Mona Mentor' })
    const eighteenToday = plusMonths(today(world), -18 * 12)
    const young = await enrol(world, {
      name: 'Yan Young',
      stage: 'training',
      dateOfBirth: plusDays(eighteenToday, 1),
    })
    for (const [to, extra] of [
      ['mentored', { mentorId: mentor.file.id }],
      ['active', { signOffEarly: true, reason: 'Keen' }],
    ] as const) {
      const refused = await moveTo(world, young.file.id, to, extra)
      expect(ruleOf(refused)).toMatchObject({ rule: 'VOL-AGE' })
      expect(refused.json<{ error: { message: string } }>().error.message).toBe(
        'Volunteers must be at least 18',
      )
    }
    const { version } = await fileOf(world, young.file.id)
    expectStatus(
      await world.desk.patch(`/api/volunteers/${young.file.id}`, { version, dateOfBirth: eighteenToday }),
      200,
    )
    expectStatus(await moveTo(world, young.file.id, 'mentored', { mentorId: mentor.file.id }), 200)
  })
})

describe('leaving', () => {
  it('takes someone who has left off every shift from today on, and off the rota for good', async () => {
    const world = await buildVolunteerWorld(t)
    const lee = await enrol(world, { name: 'Lee Leaving' })
    const first = saturdayAfter(world, 7)
    const second = plusDays(first, 7)
    const shifts = [await shiftOn(world, first), await shiftOn(world, second)]
    for (const shift of shifts) expectStatus(await assign(world, shift.key, 'floor', lee.file.id), 201)
    expect((await lee.browser.get('/api/my/volunteering')).json<MyVolunteering>().shifts).toHaveLength(2)

    // Leaving after the first Saturday: still on it, and the second now warns.
    expectStatus(await moveTo(world, lee.file.id, 'leaving', { plannedEndOn: plusDays(first, 1) }), 200)
    const leaving = await rotaOf(world, first, second)
    expect(namesOn(shiftIn(leaving, shifts[0]?.key ?? ''), 'floor')).toEqual(['Lee Leaving'])
    const warned = shiftIn(leaving, shifts[1]?.key ?? '').positions.find((p) => p.duty === 'floor')
    expect(warned?.assigned[0]?.warnings.map((w) => w.rule)).toEqual(['ROTA-STAGE'])

    expectStatus(await moveTo(world, lee.file.id, 'left'), 200)
    const left = await fileOf(world, lee.file.id)
    expect(left).toMatchObject({ stage: 'left', leftOn: today(world), rosterable: false })
    const after = await rotaOf(world, first, second)
    for (const shift of shifts) {
      expect(namesOn(shiftIn(after, shift.key), 'floor')).toEqual([])
      expect(shiftIn(after, shift.key).unfilled).toBe(2)
    }
    const rows = await t.deps.db
      .selectFrom('rota_assignments')
      .select('status')
      .where('volunteer_id', '=', lee.file.id)
      .execute()
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled'])
    // They no longer have a volunteer's page, and cannot be put back on the rota.
    expectStatus(await lee.browser.get('/api/my/volunteering'), 404)
    expect(ruleOf(await assign(world, shifts[0]?.key ?? '', 'floor', lee.file.id), 400)).toMatchObject({
      field: 'volunteerId',
    })
    // Coming back starts again at enquiry.
    expectStatus(await moveTo(world, lee.file.id, 'enquiry'), 200)
    expect(await fileOf(world, lee.file.id)).toMatchObject({ stage: 'enquiry', leftOn: null })
  })
})

describe('the mentored year', () => {
  // Last in the file: it moves the test clock a year on.
  it('ends on its own after twelve months: active without a sign-off', async () => {
    const world = await buildVolunteerWorld(t)
    const mentor = await enrol(world, { name: 'Mona Mentor', allTraining: true })
    const mia = await enrol(world, {
      name: 'Mia Mentee',
      stage: 'mentored',
      mentorId: mentor.file.id,
      allTraining: true,
    })
    const until = mia.file.mentoringUntil ?? ''
    expect(until).toBe(plusMonths(today(world), 12))
    expect(ruleOf(await moveTo(world, mia.file.id, 'active'))).toMatchObject({ rule: 'VOL-MENTORING' })
    await advanceDays(world, 366)
    expect(today(world) > until).toBe(true)
    const active = await moveTo(world, mia.file.id, 'active')
    expectStatus(active, 200)
    expect(active.json<VolunteerFile>()).toMatchObject({ stage: 'active', rosterable: true })
    expect(active.json<VolunteerFile>().history.at(-1)).toMatchObject({
      from: 'mentored',
      to: 'active',
      reason: null,
    })
  })
})
