import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../cases/cases.schemas'
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { errorOf } from '../../../tests/support/scheduling-checks'
import { buildSessionDayWorld, partyOf, type SessionDayWorld } from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { FeedbackSummarySchema, MyFeedbackSchema, SessionDaySettings } from './session-day.schemas'

type Summary = z.infer<typeof FeedbackSummarySchema>
type Mine = z.infer<typeof MyFeedbackSchema>

/**
 * Feedback after sessions: a parent answers for their own sessions only, once; a child answers on the
 * day with a volunteer; the desk sees the answers only in aggregate, comments without names.
 */
describe('feedback after sessions', () => {
  let t: TestContext
  let world: SessionDayWorld
  beforeEach(async () => {
    t = await createTestContext()
    world = await buildSessionDayWorld(t)
  })
  afterEach(async () => {
    await t.close()
  })

  const PARENT_ANSWERS = { welcome: 5, safe: 4, childEnjoyed: 5, staffHelpful: 3 }

  /** Gives a parent of a case their own account, as the desk does, and signs them in. */
  async function parentOf(file: CaseDetail, role: 'resident_parent' | 'non_resident_parent') {
    const party = partyOf(file, role)
    const email = `${role}.${randomBytes(3).toString('hex')}@example.org`
    expectStatus(await world.desk.patch(`/api/parties/${party.id}`, { protected: { email } }), 200)
    expectStatus(await world.desk.post(`/api/parties/${party.id}/portal-invite`), 200)
    const mail = await t.deps.db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .where('text_body', 'like', '%#token=%')
      .executeTakeFirstOrThrow()
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text_body)?.[1]
    const browser = new TestBrowser(t.app)
    expectStatus(
      await browser.post('/api/auth/password-reset/complete', { token, password: TEST_PASSWORD }),
      204,
    )
    const signIn = () => browser.signIn({ email, password: TEST_PASSWORD }, t.clock)
    await signIn()
    return { browser, partyId: party.id, signIn }
  }

  const feedbackRows = () =>
    t.deps.db.selectFrom('feedback').selectAll().where('organisation_id', '=', world.organisationId).execute()

  it('takes a parent’s answers for their own session once it has started, once', async () => {
    const nick = await parentOf(world.supported.file, 'non_resident_parent')
    const url = `/api/sessions/${world.supported.session.id}/feedback`
    const body = { form: 'parent', answers: PARENT_ANSWERS, comment: 'The volunteers were kind' }

    const early = await nick.browser.post(url, body)
    expectStatus(early, 409)
    expect(errorOf(early).details).toMatchObject({ rule: 'FEEDBACK-NOT-YET' })

    await world.at('10:30')
    await nick.signIn()
    const given = await nick.browser.post(url, body)
    expectStatus(given, 201)
    const { id } = given.json<{ id: string }>()
    const [row] = await feedbackRows()
    expect(row).toMatchObject({
      id,
      party_id: nick.partyId,
      form: 'parent',
      session_id: world.supported.session.id,
    })
    expect(JSON.parse(row?.answers ?? '{}')).toEqual(PARENT_ANSWERS)
    expect(row?.comment_sealed).not.toContain('kind')
    expect(t.deps.fieldCrypto.decrypt(row?.comment_sealed ?? '')).toBe('The volunteers were kind')

    const twice = await nick.browser.post(url, { ...body, answers: { ...PARENT_ANSWERS, safe: 1 } })
    expectStatus(twice, 409)
    expect(errorOf(twice).details).toMatchObject({ rule: 'FEEDBACK-TWICE' })
    expect(await feedbackRows()).toHaveLength(1)

    // The other parent of the same family answers for themselves.
    const rita = await parentOf(world.supported.file, 'resident_parent')
    expectStatus(await rita.browser.post(url, { form: 'parent', answers: PARENT_ANSWERS }), 201)

    const bad = await nick.browser.post(url, { form: 'parent', answers: { ...PARENT_ANSWERS, welcome: 6 } })
    expectStatus(bad, 400)
  })

  it('answers 404 to a parent of another family, and to anyone for another organisation’s session', async () => {
    const other = await parentOf(world.supervised.file, 'non_resident_parent')
    await world.at('10:30')
    await other.signIn()
    const url = `/api/sessions/${world.supported.session.id}/feedback`
    expectStatus(await other.browser.post(url, { form: 'parent', answers: PARENT_ANSWERS }), 404)
    // Nor may a parent fill in a child's form.
    const child = partyOf(world.supported.file, 'child').id
    expectStatus(await other.browser.post(url, { form: 'child', partyId: child, answers: { today: 5 } }), 404)
    // Staff have no parent's form to fill in.
    expectStatus(await world.desk.post(url, { form: 'parent', answers: PARENT_ANSWERS }), 404)

    const elsewhere = await buildOrganisation(t.deps)
    const stranger = await buildUser(t.deps, {
      organisationId: elsewhere.organisationId,
      role: 'coordinator',
    })
    const browser = new TestBrowser(t.app)
    await browser.signIn(stranger, t.clock)
    expectStatus(await browser.post(url, { form: 'child', partyId: child, answers: { today: 5 } }), 404)
    expect(await feedbackRows()).toHaveLength(0)
  })

  it('takes a child’s faces form with a volunteer on duty, for a child of the family only', async () => {
    const url = `/api/sessions/${world.supported.session.id}/feedback`
    const child = partyOf(world.supported.file, 'child').id
    await world.at('11:50')
    const off = await world.offDuty.browser.post(url, {
      form: 'child',
      partyId: child,
      answers: { today: 5 },
    })
    expectStatus(off, 403)
    const adult = partyOf(world.supported.file, 'resident_parent').id
    expectStatus(
      await world.onDuty.browser.post(url, { form: 'child', partyId: adult, answers: { today: 5 } }),
      404,
    )
    const otherChild = partyOf(world.supervised.file, 'child').id
    expectStatus(
      await world.onDuty.browser.post(url, { form: 'child', partyId: otherChild, answers: { today: 5 } }),
      404,
    )
    const given = await world.onDuty.browser.post(url, {
      form: 'child',
      partyId: child,
      answers: { today: 4, again: 5 },
      comment: 'I liked the train set',
    })
    expectStatus(given, 201)
    const [row] = await feedbackRows()
    expect(row).toMatchObject({
      party_id: child,
      form: 'child',
      submitted_by_user_id: world.onDuty.user.userId,
    })
    const twice = await world.desk.post(url, { form: 'child', partyId: child, answers: { today: 1 } })
    expectStatus(twice, 409)
    expect(errorOf(twice).details).toMatchObject({ rule: 'FEEDBACK-TWICE' })
    // The supervised session has not started: too early for its child.
    const early = await world.onDuty.browser.post(`/api/sessions/${world.supervised.session.id}/feedback`, {
      form: 'child',
      partyId: otherChild,
      answers: { today: 5 },
    })
    expectStatus(early, 409)
    expect(errorOf(early).details).toMatchObject({ rule: 'FEEDBACK-NOT-YET' })
  })

  it('refuses feedback for a cancelled session', async () => {
    const nick = await parentOf(world.supervised.file, 'non_resident_parent')
    expectStatus(
      await world.desk.post(`/api/sessions/${world.supervised.session.id}/cancel`, {
        by: 'centre',
        reason: 'Ill',
      }),
      200,
    )
    await world.at('13:30')
    await nick.signIn()
    const refused = await nick.browser.post(`/api/sessions/${world.supervised.session.id}/feedback`, {
      form: 'parent',
      answers: PARENT_ANSWERS,
    })
    expectStatus(refused, 409)
    expect(errorOf(refused).details).toMatchObject({ rule: 'FEEDBACK-NOT-YET' })
  })

  it('lists a parent’s past sessions and whether they answered, and nothing when the centre does not ask', async () => {
    const nick = await parentOf(world.supported.file, 'non_resident_parent')
    const before = await nick.browser.get('/api/my/feedback')
    expectStatus(before, 200)
    expect(before.json<Mine>().sessions).toEqual([])

    await world.at('14:30')
    await nick.signIn()
    const listed = (await nick.browser.get('/api/my/feedback')).json<Mine>()
    expect(listed.sessions).toEqual([
      { sessionId: world.supported.session.id, date: world.day, localStart: '10:00', given: false },
    ])
    expectStatus(
      await nick.browser.post(`/api/sessions/${world.supported.session.id}/feedback`, {
        form: 'parent',
        answers: PARENT_ANSWERS,
      }),
      201,
    )
    expect((await nick.browser.get('/api/my/feedback')).json<Mine>().sessions[0]?.given).toBe(true)
    expectStatus(await world.desk.get('/api/my/feedback'), 403)

    const admin = await buildUser(t.deps, { organisationId: world.organisationId, role: 'admin' })
    const adminBrowser = new TestBrowser(t.app)
    await adminBrowser.signIn(admin, t.clock)
    expectStatus(await world.desk.patch('/api/session-day-settings', { feedbackOn: false }), 403)
    const off = await adminBrowser.patch('/api/session-day-settings', { feedbackOn: false })
    expectStatus(off, 200)
    expect(off.json<SessionDaySettings>()).toMatchObject({ feedbackOn: false, lateAfterMinutes: 10 })
    expect((await world.desk.get('/api/session-day-settings')).json<SessionDaySettings>().feedbackOn).toBe(
      false,
    )
    expectStatus(await world.onDuty.browser.get('/api/session-day-settings'), 403)
    expect((await nick.browser.get('/api/my/feedback')).json<Mine>().sessions).toEqual([])
    const rita = await parentOf(world.supported.file, 'resident_parent')
    const refused = await rita.browser.post(`/api/sessions/${world.supported.session.id}/feedback`, {
      form: 'parent',
      answers: PARENT_ANSWERS,
    })
    expectStatus(refused, 409)
    expect(errorOf(refused).details).toMatchObject({ rule: 'FEEDBACK-OFF' })
  })

  it('reports the answers in aggregate to the desk: counts, averages and comments without names', async () => {
    const nick = await parentOf(world.supported.file, 'non_resident_parent')
    const rita = await parentOf(world.supported.file, 'resident_parent')
    await world.at('12:30')
    await nick.signIn()
    await rita.signIn()
    const url = `/api/sessions/${world.supported.session.id}/feedback`
    expectStatus(
      await nick.browser.post(url, { form: 'parent', answers: PARENT_ANSWERS, comment: 'Lovely room' }),
      201,
    )
    t.clock.advance(60)
    await rita.signIn()
    expectStatus(
      await rita.browser.post(url, {
        form: 'parent',
        answers: { welcome: 3, safe: 2, childEnjoyed: 5, staffHelpful: 4 },
        comment: 'Too noisy near the door',
      }),
      201,
    )
    await world.at('12:35')
    expectStatus(
      await world.onDuty.browser.post(url, {
        form: 'child',
        partyId: partyOf(world.supported.file, 'child').id,
        answers: { today: 5 },
      }),
      201,
    )

    const response = await world.desk.get(`/api/feedback/summary?from=${world.day}&to=${world.day}`)
    expectStatus(response, 200)
    const summary = response.json<Summary>()
    expect(summary.parent.responses).toBe(2)
    expect(summary.parent.questions).toEqual([
      { question: 'welcome', label: 'Did you feel welcome?', counts: [0, 0, 1, 0, 1], average: 4 },
      { question: 'safe', label: 'Did you feel safe?', counts: [0, 1, 0, 1, 0], average: 3 },
      { question: 'childEnjoyed', label: 'Did your child enjoy it?', counts: [0, 0, 0, 0, 2], average: 5 },
      {
        question: 'staffHelpful',
        label: 'Were the volunteers helpful?',
        counts: [0, 0, 1, 1, 0],
        average: 3.5,
      },
    ])
    expect(summary.child.responses).toBe(1)
    expect(summary.child.questions).toEqual([
      { question: 'today', label: 'How was today?', counts: [0, 0, 0, 0, 1], average: 5 },
      { question: 'safe', label: 'Did you feel safe?', counts: [0, 0, 0, 0, 0], average: null },
      { question: 'again', label: 'Would you like to come again?', counts: [0, 0, 0, 0, 0], average: null },
    ])
    expect(summary.comments).toEqual([
      { form: 'parent', text: 'Too noisy near the door' },
      { form: 'parent', text: 'Lovely room' },
    ])
    const text = JSON.stringify(summary)
    for (const name of ['Nick', 'Rita', 'Mia', world.supported.file.reference])
      expect(text).not.toContain(name)

    const earlier = await world.desk.get(`/api/feedback/summary?from=2020-01-01&to=2020-01-31`)
    expect(earlier.json<Summary>().parent.responses).toBe(0)
    expectStatus(await world.desk.get(`/api/feedback/summary?from=${world.day}&to=2020-01-01`), 400)
    expectStatus(
      await world.onDuty.browser.get(`/api/feedback/summary?from=${world.day}&to=${world.day}`),
      403,
    )
    const elsewhere = await buildOrganisation(t.deps)
    expectStatus(
      await world.desk.get(
        `/api/feedback/summary?centreId=${elsewhere.centreId}&from=${world.day}&to=${world.day}`,
      ),
      404,
    )
  })
})
