import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectStatus } from '../../../tests/support/referrals'
import { planBody } from '../../../tests/support/scheduling'
import { book, onlySession } from '../../../tests/support/scheduling-checks'
import { buildDesk } from '../../../tests/support/referrals'
import { buildSessionDayWorld, type SessionDayWorld } from '../../../tests/support/session-day'
import { createTestContext, type TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { SESSION_LIMITS } from '../auth/session.rules'
import { plusDays } from '../scheduling/schedule.rules'
import { plusWorkingDays } from './observation.rules'
import type { ObservationSections, ObservationView } from './session-day.schemas'

type Response = Awaited<ReturnType<TestBrowser['get']>>

// Observation records (domain rules 3.13, 4.4, 6.1): only supervised and escorted sessions have
// one; the author autosaves it, someone else at the desk checks and releases it, and it is sealed at rest.

interface Refusal {
  code: string
  message: string
  details?: { rule?: string; version?: number; savedAt?: string | null; fields?: string[] }
}
const refusalOf = (response: Response, status: number): Refusal => {
  expectStatus(response, status)
  return response.json<{ error: Refusal }>().error
}
const ruleOf = (response: Response, status: number) => refusalOf(response, status).details?.rule

/** What happened, with a phrase to look for where it must never be. */
const SECRET = 'Zebra-striped umbrella 7731'
const FULL: ObservationSections = {
  arrival: 'Sam arrived with his mother at 12:55, quiet and holding her hand.',
  greeting: `Father said "Hello champ" and knelt down; Sam smiled and hugged him. ${SECRET}.`,
  play: 'They built a Lego garage; father followed Sam’s lead and praised him.',
  childResponses: 'Sam laughed often and showed his father a drawing.',
  ending: 'Father said goodbye at 13:58; Sam waved and went back to his mother.',
}

let t: TestContext
let world: SessionDayWorld
beforeEach(async () => {
  t = await createTestContext()
  world = await buildSessionDayWorld(t)
})
afterEach(async () => {
  await t.close()
})

const sessionUrl = (sessionId: string) => `/api/sessions/${sessionId}/observation`
const save = (browser: TestBrowser, sessionId: string, sections: ObservationSections, version: number) =>
  browser.put(sessionUrl(sessionId), { sections, version })
const viewOf = (response: Response): ObservationView => {
  expectStatus(response, 200)
  return response.json<ObservationView>()
}
const sessionView = async (browser: TestBrowser, sessionId: string) => {
  const response = await browser.get(sessionUrl(sessionId))
  expectStatus(response, 200)
  return response.json<{ allowed: boolean; reason: string | null; observation: ObservationView | null }>()
}
const act = (browser: TestBrowser, id: string, verb: 'submit' | 'return' | 'release', body: object) =>
  browser.post(`/api/observations/${id}/${verb}`, body)
const rowsOf = (sessionId: string) =>
  t.deps.db.selectFrom('observation_records').selectAll().where('session_id', '=', sessionId).execute()

/** The on-duty volunteer writes the whole record of the supervised session and submits it. */
async function submittedByVolunteer(): Promise<ObservationView> {
  const saved = viewOf(await save(world.onDuty.browser, world.supervised.session.id, FULL, 0))
  return viewOf(await act(world.onDuty.browser, saved.id, 'submit', { version: saved.version }))
}

describe('only supervised and escorted sessions have an observation record', () => {
  it('a supported session answers that it keeps attendance only, and no record can be attached', async () => {
    const sessionId = world.supported.session.id
    for (const browser of [world.onDuty.browser, world.desk]) {
      expect(await sessionView(browser, sessionId)).toEqual({
        allowed: false,
        reason: 'A supported session keeps attendance only: no record of what happened is kept',
        observation: null,
        // The page can still say which session it is.
        session: {
          caseReference: world.supported.file.reference,
          date: world.day,
          localStart: '10:00',
          localEnd: '12:00',
          serviceType: 'supported',
        },
      })
      const refused = await save(browser, sessionId, FULL, 0)
      const error = refusalOf(refused, 409)
      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: 'A supported session keeps attendance only: no record of what happened is kept',
        details: { rule: 'OBS-SUPPORTED' },
      })
    }
    expect(await rowsOf(sessionId)).toEqual([])
    const listed = await world.desk.get('/api/observations')
    expectStatus(listed, 200)
    expect(listed.json<{ observations: unknown[] }>().observations).toEqual([])
  })
  it('so do handover, indirect and virtual sessions; an escorted session may have one', async () => {
    // The same booking recorded as each kind of contact in turn.
    const sessionId = world.supported.session.id
    const recordAs = (serviceType: string) =>
      t.deps.db
        .updateTable('sessions')
        .set({ service_type: serviceType })
        .where('id', '=', sessionId)
        .execute()
    for (const [serviceType, subject] of [
      ['handover', 'A handover'],
      ['indirect', 'Indirect contact'],
      ['virtual', 'A virtual session'],
    ] as const) {
      await recordAs(serviceType)
      expect(await sessionView(world.onDuty.browser, sessionId)).toMatchObject({
        allowed: false,
        reason: `${subject} keeps attendance only: no record of what happened is kept`,
        observation: null,
        session: { serviceType },
      })
      expect(ruleOf(await save(world.onDuty.browser, sessionId, FULL, 0), 409)).toBe('OBS-SUPPORTED')
    }
    expect(await rowsOf(sessionId)).toEqual([])
    await recordAs('escorted')
    expect((await sessionView(world.onDuty.browser, sessionId)).allowed).toBe(true)
    expect(viewOf(await save(world.onDuty.browser, sessionId, FULL, 0)).serviceType).toBe('escorted')
  })
})

describe('autosaving a draft', () => {
  it('version 0 starts the record; each save names its version and changes only the sections sent', async () => {
    const sessionId = world.supervised.session.id
    expect(await sessionView(world.onDuty.browser, sessionId)).toEqual({
      allowed: true,
      reason: null,
      observation: null,
      session: {
        caseReference: world.supervised.file.reference,
        date: world.day,
        localStart: '13:00',
        localEnd: '14:00',
        serviceType: 'supervised',
      },
    })
    const first = viewOf(await save(world.onDuty.browser, sessionId, { arrival: FULL.arrival }, 0))
    expect(first).toMatchObject({
      sessionId,
      caseId: world.supervised.file.id,
      caseReference: world.supervised.file.reference,
      date: world.day,
      localStart: '13:00',
      localEnd: '14:00',
      serviceType: 'supervised',
      status: 'draft',
      version: 1,
      sections: { arrival: FULL.arrival },
      author: { id: world.onDuty.user.userId },
      checkedBy: null,
      submittedAt: null,
      releasedAt: null,
      returnNote: null,
      dueOn: plusWorkingDays(world.day, 5),
      can: { edit: true, submit: true, release: false, return: false },
    })

    const second = viewOf(await save(world.onDuty.browser, sessionId, { greeting: FULL.greeting }, 1))
    expect(second.version).toBe(2)
    expect(second.sections).toEqual({ arrival: FULL.arrival, greeting: FULL.greeting })

    // A tab that still holds version 1 is refused, and told what is saved so it can reload.
    const stale = refusalOf(await save(world.onDuty.browser, sessionId, { arrival: 'Overwritten?' }, 1), 409)
    expect(stale.details).toEqual({ rule: 'stale-version', version: 2, savedAt: second.savedAt })
    // Starting the record a second time is refused the same way.
    const again = refusalOf(await save(world.onDuty.browser, sessionId, { arrival: 'Second start' }, 0), 409)
    expect(again.details).toMatchObject({ rule: 'stale-version', version: 2 })

    const read = await sessionView(world.onDuty.browser, sessionId)
    expect(read.observation?.sections).toEqual({ arrival: FULL.arrival, greeting: FULL.greeting })
    expect(read.observation?.version).toBe(2)
    const rows = await rowsOf(sessionId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ author_user_id: world.onDuty.user.userId, version: 2, status: 'draft' })

    // Every save is in the audit trail, without a word of what was written.
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_user_id'])
      .where('action', '=', 'observation.save')
      .where('organisation_id', '=', world.organisationId)
      .where('outcome', '=', 'success')
      .execute()
    expect(audit).toHaveLength(2)
    expect(audit.every((row) => row.actor_user_id === world.onDuty.user.userId)).toBe(true)
    expect(JSON.stringify(audit)).not.toContain('Sam')
  })

  it('the sections are sealed at rest: the phrase written is nowhere in the row or the audit trail', async () => {
    const saved = viewOf(await save(world.onDuty.browser, world.supervised.session.id, FULL, 0))
    expect(saved.sections.greeting).toContain(SECRET)
    const [row] = await rowsOf(world.supervised.session.id)
    expect(row?.sections_sealed).toMatch(/^v1\./)
    expect(row?.sections_sealed).not.toContain(SECRET)
    expect(row?.sections_sealed).not.toContain('Zebra')
    expect(JSON.parse(t.deps.fieldCrypto.decrypt(row?.sections_sealed ?? ''))).toEqual(FULL)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('organisation_id', '=', world.organisationId)
      .execute()
    expect(audit.some((r) => r.details.includes('Zebra'))).toBe(false)
  })

  it('bad input is a clear 400 and writes nothing', async () => {
    const sessionId = world.supervised.session.id
    const tooLong = await save(world.onDuty.browser, sessionId, { play: 'x'.repeat(10_001) }, 0)
    expect(refusalOf(tooLong, 400).code).toBe('INVALID_INPUT')
    const negative = await save(world.onDuty.browser, sessionId, { play: 'Lego' }, -1)
    expect(refusalOf(negative, 400).code).toBe('INVALID_INPUT')
    const notAnId = await world.onDuty.browser.put(sessionUrl('not-a-session'), { sections: {}, version: 0 })
    expect(refusalOf(notAnId, 400).code).toBe('INVALID_INPUT')
    expect(await rowsOf(sessionId)).toEqual([])
  })

  it('a section name the form does not have is dropped, never stored', async () => {
    const saved = await world.onDuty.browser.put(sessionUrl(world.supervised.session.id), {
      sections: { arrival: 'On time', opinion: 'Father seems unfit' },
      version: 0,
    })
    expect(viewOf(saved).sections).toEqual({ arrival: 'On time' })
    const [row] = await rowsOf(world.supervised.session.id)
    expect(t.deps.fieldCrypto.decrypt(row?.sections_sealed ?? '')).not.toContain('unfit')
  })
  it('two tabs saving at once: one wins, the other is told the version to reload, nothing is lost silently', async () => {
    const sessionId = world.supervised.session.id
    const browser = world.onDuty.browser
    const starts = await Promise.all([
      save(browser, sessionId, { arrival: 'From the first tab' }, 0),
      save(browser, sessionId, { arrival: 'From the second tab' }, 0),
    ])
    expect(starts.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const loser = starts.find((r) => r.statusCode === 409)
    if (!loser) throw new Error('no refusal')
    expect(refusalOf(loser, 409).details).toMatchObject({ rule: 'stale-version', version: 1 })
    expect(await rowsOf(sessionId)).toHaveLength(1)

    const saves = await Promise.all([
      save(browser, sessionId, { play: 'First tab play' }, 1),
      save(browser, sessionId, { play: 'Second tab play' }, 1),
    ])
    expect(saves.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const won = saves.find((r) => r.statusCode === 200)
    if (!won) throw new Error('no save won')
    const winner = viewOf(won)
    expect(winner.version).toBe(2)
    const [row] = await rowsOf(sessionId)
    expect(row?.version).toBe(2)
    const stored = JSON.parse(t.deps.fieldCrypto.decrypt(row?.sections_sealed ?? '')) as ObservationSections
    expect(stored.play).toBe(winner.sections.play)
  })
})

describe('who may write it', () => {
  it('only the author edits: the desk and a colleague on duty are refused, the draft unchanged', async () => {
    const sessionId = world.supervised.session.id
    const saved = viewOf(await save(world.onDuty.browser, sessionId, { arrival: FULL.arrival }, 0))
    for (const browser of [world.desk, world.checker.browser]) {
      expect(
        ruleOf(await save(browser, sessionId, { arrival: 'Changed by the desk' }, saved.version), 403),
      ).toBe('OBS-NOT-AUTHOR')
      expect(ruleOf(await act(browser, saved.id, 'submit', { version: saved.version }), 403)).toBe(
        'OBS-NOT-AUTHOR',
      )
    }
    // The desk reads it in full and may not edit it.
    const atDesk = await sessionView(world.desk, sessionId)
    expect(atDesk.observation?.sections).toEqual({ arrival: FULL.arrival })
    expect(atDesk.observation?.can).toEqual({ edit: false, submit: false, release: false, return: false })
    expect((await rowsOf(sessionId))[0]?.version).toBe(1)
  })

  it('a volunteer on duty sees who is writing the desk’s record, but not what it says', async () => {
    const sessionId = world.supervised.session.id
    const saved = viewOf(await save(world.desk, sessionId, FULL, 0))
    expect(saved.author.id).toBe(world.coordinator.userId)
    const seen = await sessionView(world.onDuty.browser, sessionId)
    expect(seen.allowed).toBe(true)
    expect(seen.reason).toMatch(/is writing this record; only they and the desk can read it/)
    expect(seen.observation).toMatchObject({ id: saved.id, status: 'draft', sections: {} })
    expect(seen.observation?.can).toEqual({ edit: false, submit: false, release: false, return: false })
    expect(JSON.stringify(seen)).not.toContain('Sam')
    expect(ruleOf(await world.onDuty.browser.get(`/api/observations/${saved.id}`), 403)).toBe(
      'OBS-NOT-AUTHOR',
    )
    expect(ruleOf(await save(world.onDuty.browser, sessionId, { play: 'Mine now' }, 1), 403)).toBe(
      'OBS-NOT-AUTHOR',
    )
  })

  it('a volunteer off duty that day is refused (DOOR-OFF-DUTY) and starts nothing', async () => {
    const sessionId = world.supervised.session.id
    expect(ruleOf(await world.offDuty.browser.get(sessionUrl(sessionId)), 403)).toBe('DOOR-OFF-DUTY')
    expect(ruleOf(await save(world.offDuty.browser, sessionId, FULL, 0), 403)).toBe('DOOR-OFF-DUTY')
    expect(await rowsOf(sessionId)).toEqual([])
    const saved = viewOf(await save(world.onDuty.browser, sessionId, FULL, 0))
    expect(ruleOf(await world.offDuty.browser.get(`/api/observations/${saved.id}`), 403)).toBe(
      'DOOR-OFF-DUTY',
    )
  })

  it('the author keeps working on their record on later days, even once off the rota', async () => {
    const sessionId = world.supervised.session.id
    const saved = viewOf(await save(world.onDuty.browser, sessionId, { arrival: FULL.arrival }, 0))
    // Taken off the rota for the day after the session, and the clock moves to the Monday after.
    const assignment = await t.deps.db
      .selectFrom('rota_assignments')
      .select('id')
      .where('volunteer_id', '=', world.onDuty.file.id)
      .where('on_date', '=', world.day)
      .executeTakeFirstOrThrow()
    expectStatus(await world.desk.delete(`/api/rota-assignments/${assignment.id}`), 204)
    t.clock.advance(2 * 24 * 3600)
    await world.onDuty.browser.signIn(world.onDuty.user, t.clock)
    await world.offDuty.browser.signIn(world.offDuty.user, t.clock)
    const later = viewOf(
      await save(world.onDuty.browser, sessionId, { greeting: FULL.greeting }, saved.version),
    )
    expect(later.sections).toEqual({ arrival: FULL.arrival, greeting: FULL.greeting })
    expectStatus(await world.onDuty.browser.get(`/api/observations/${saved.id}`), 200)
    // Another volunteer who is not on that day's rota still may not see it.
    expect(ruleOf(await world.offDuty.browser.get(sessionUrl(sessionId)), 403)).toBe('DOOR-OFF-DUTY')
  })
})

describe('when it may be written', () => {
  it('not before the session’s day, and never for a session that did not go ahead', async () => {
    const nextWeek = plusDays(world.day, 7)
    const later = onlySession(
      await book(
        world,
        world.supervised.file.id,
        planBody(world, {
          serviceType: 'supervised',
          frequency: 'one_off',
          firstOn: nextWeek,
          lastOn: nextWeek,
          startsAt: '13:00',
          durationMinutes: 60,
          roomId: world.privateRoom,
        }),
      ),
    )
    const early = await sessionView(world.desk, later.id)
    expect(early).toMatchObject({
      allowed: true,
      reason: `The record opens on the day of the session, ${nextWeek}`,
      observation: null,
      session: { date: nextWeek, localStart: '13:00' },
    })
    expect(ruleOf(await save(world.desk, later.id, FULL, 0), 409)).toBe('OBS-TOO-EARLY')

    expectStatus(
      await world.desk.post(`/api/sessions/${later.id}/cancel`, { by: 'centre', reason: 'Flood' }),
      200,
    )
    expect((await sessionView(world.desk, later.id)).allowed).toBe(false)
    expect(ruleOf(await save(world.desk, later.id, FULL, 0), 409)).toBe('OBS-NOT-HELD')
    expect(await rowsOf(later.id)).toEqual([])
  })
})

describe('submitting, returning and releasing (domain rules 4.4)', () => {
  it('submitting needs the arrival, greeting, play, the child’s responses and the ending', async () => {
    const sessionId = world.supervised.session.id
    const saved = viewOf(
      await save(world.onDuty.browser, sessionId, { arrival: FULL.arrival, greeting: '  ' }, 0),
    )
    const refused = refusalOf(await act(world.onDuty.browser, saved.id, 'submit', { version: 1 }), 400)
    expect(refused.code).toBe('INVALID_INPUT')
    expect(refused.details?.fields).toEqual(['greeting', 'play', 'childResponses', 'ending'])
    expect((await rowsOf(sessionId))[0]?.status).toBe('draft')

    const done = viewOf(await save(world.onDuty.browser, sessionId, FULL, 1))
    expect(ruleOf(await act(world.onDuty.browser, saved.id, 'submit', { version: 1 }), 409)).toBe(
      'stale-version',
    )
    const submitted = viewOf(await act(world.onDuty.browser, saved.id, 'submit', { version: done.version }))
    expect(submitted).toMatchObject({
      status: 'submitted',
      version: 3,
      submittedAt: expect.any(String) as string,
    })
    expect(submitted.can).toEqual({ edit: false, submit: false, release: false, return: false })
    // Once submitted the author cannot change it or submit it again.
    expect(ruleOf(await save(world.onDuty.browser, sessionId, { play: 'More' }, 3), 409)).toBe('OBS-LOCKED')
    expect(ruleOf(await act(world.onDuty.browser, saved.id, 'submit', { version: 3 }), 409)).toBe(
      'OBS-LOCKED',
    )
  })

  it('returned for changes, edited, submitted again and released by someone else; then locked for good', async () => {
    const submitted = await submittedByVolunteer()
    const atDesk = viewOf(await world.desk.get(`/api/observations/${submitted.id}`))
    expect(atDesk.can).toEqual({ edit: false, submit: false, release: true, return: true })
    // The volunteer may not check their own record (the policy keeps checking at the desk).
    expectStatus(
      await act(world.onDuty.browser, submitted.id, 'release', { version: submitted.version }),
      403,
    )

    const note = 'Please say who started the Lego game, and the time Sam went back'
    expect(
      refusalOf(await act(world.desk, submitted.id, 'return', { version: submitted.version }), 400).code,
    ).toBe('INVALID_INPUT')
    const returned = viewOf(
      await act(world.desk, submitted.id, 'return', { version: submitted.version, note }),
    )
    expect(returned).toMatchObject({
      status: 'returned',
      returnNote: note,
      checkedBy: null,
      releasedAt: null,
    })

    // The author is told by email: the case and the date, not a word of the record or the note.
    const mail = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('organisation_id', '=', world.organisationId)
      .where('to_address', '=', world.onDuty.user.email)
      .where('subject', 'like', '%needs changes%')
      .execute()
    expect(mail).toHaveLength(1)
    const text = `${mail[0]?.subject ?? ''}\n${mail[0]?.text_body ?? ''}`
    expect(text).toContain(world.supervised.file.reference)
    expect(text).toContain(world.day)
    expect(text).not.toContain('Lego')
    expect(text).not.toContain('Sam')
    expect(text).not.toContain(SECRET)

    const mine = viewOf(await world.onDuty.browser.get(`/api/observations/${submitted.id}`))
    expect(mine.can).toEqual({ edit: true, submit: true, release: false, return: false })
    const edited = viewOf(
      await save(
        world.onDuty.browser,
        world.supervised.session.id,
        { play: `${FULL.play ?? ''} Father started the game at 13:10.` },
        returned.version,
      ),
    )
    expect(edited.status).toBe('returned')
    expect(edited.sections.arrival).toBe(FULL.arrival)
    // A returned record is not released until it is submitted again.
    expect(
      ruleOf(await act(world.checker.browser, edited.id, 'release', { version: edited.version }), 409),
    ).toBe('OBS-NOT-SUBMITTED')
    const again = viewOf(await act(world.onDuty.browser, edited.id, 'submit', { version: edited.version }))
    expect(again.status).toBe('submitted')

    const released = viewOf(await act(world.checker.browser, again.id, 'release', { version: again.version }))
    expect(released).toMatchObject({
      status: 'released',
      checkedBy: { id: world.checker.user.userId },
      releasedAt: expect.any(String) as string,
      can: { edit: false, submit: false, release: false, return: false },
    })
    const [row] = await rowsOf(world.supervised.session.id)
    expect(row).toMatchObject({ status: 'released', checked_by_user_id: world.checker.user.userId })
    expect(row?.checked_at).toBe(row?.released_at)

    // Released records are read-only forever.
    const v = released.version
    expect(
      ruleOf(await save(world.onDuty.browser, world.supervised.session.id, { play: 'Later' }, v), 409),
    ).toBe('OBS-LOCKED')
    expect(ruleOf(await act(world.onDuty.browser, released.id, 'submit', { version: v }), 409)).toBe(
      'OBS-LOCKED',
    )
    expect(ruleOf(await act(world.desk, released.id, 'return', { version: v, note: 'Reopen' }), 409)).toBe(
      'OBS-LOCKED',
    )
    expect(ruleOf(await act(world.desk, released.id, 'release', { version: v }), 409)).toBe('OBS-LOCKED')
    const after = await rowsOf(world.supervised.session.id)
    expect(after[0]?.version).toBe(v)
    expect(after[0]?.sections_sealed).toBe(row?.sections_sealed)

    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', world.organisationId)
      .where('action', 'like', 'observation.%')
      .where('outcome', '=', 'success')
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action).filter((a) => a !== 'observation.read')).toEqual([
      'observation.save',
      'observation.submit',
      'observation.return',
      'observation.save',
      'observation.submit',
      'observation.release',
    ])
  })

  it('a coordinator who wrote the record may not return or release it; the second coordinator may', async () => {
    const sessionId = world.supervised.session.id
    const saved = viewOf(await save(world.desk, sessionId, FULL, 0))
    const submitted = viewOf(await act(world.desk, saved.id, 'submit', { version: saved.version }))
    expect(submitted.can).toEqual({ edit: false, submit: false, release: false, return: false })
    const own = refusalOf(await act(world.desk, saved.id, 'release', { version: submitted.version }), 409)
    expect(own).toMatchObject({
      message: 'Someone other than the author must check the record',
      details: { rule: 'OBS-OWN' },
    })
    expect(
      ruleOf(await act(world.desk, saved.id, 'return', { version: submitted.version, note: 'Mine' }), 409),
    ).toBe('OBS-OWN')
    expect((await rowsOf(sessionId))[0]?.status).toBe('submitted')

    const checked = viewOf(
      await act(world.checker.browser, saved.id, 'release', { version: submitted.version }),
    )
    expect(checked.status).toBe('released')
    expect(checked.checkedBy?.id).toBe(world.checker.user.userId)
    expect(checked.author.id).toBe(world.coordinator.userId)
  })
})

describe('the queue', () => {
  it('the desk sees its centre’s records, a volunteer only their own; another organisation’s are not there', async () => {
    const second = onlySession(
      await book(
        world,
        world.supervised.file.id,
        planBody(world, {
          serviceType: 'supervised',
          frequency: 'one_off',
          firstOn: world.day,
          lastOn: world.day,
          startsAt: '15:30',
          durationMinutes: 60,
          roomId: world.privateRoom,
        }),
      ),
    )
    const volunteers = await submittedByVolunteer()
    const desks = viewOf(await save(world.desk, second.id, { arrival: 'Late by ten minutes' }, 0))

    const listOf = async (browser: TestBrowser, query = '') => {
      const response = await browser.get(`/api/observations${query}`)
      expectStatus(response, 200)
      return response.json<{ observations: (Omit<ObservationView, 'sections'> & { sections?: unknown })[] }>()
        .observations
    }
    const atDesk = await listOf(world.desk)
    expect(atDesk.map((o) => o.id)).toEqual([volunteers.id, desks.id])
    expect(atDesk.every((o) => o.sections === undefined)).toBe(true)
    expect(JSON.stringify(atDesk)).not.toContain('Sam')
    expect(atDesk[0]?.can).toEqual({ edit: false, submit: false, release: true, return: true })
    expect((await listOf(world.desk, '?status=submitted')).map((o) => o.id)).toEqual([volunteers.id])
    expect(
      (await listOf(world.desk, `?caseId=${world.supervised.file.id}&status=draft`)).map((o) => o.id),
    ).toEqual([desks.id])
    expect(await listOf(world.desk, `?caseId=${world.supported.file.id}`)).toEqual([])

    expect((await listOf(world.onDuty.browser)).map((o) => o.id)).toEqual([volunteers.id])
    expect(await listOf(world.offDuty.browser)).toEqual([])
    expect(refusalOf(await world.desk.get('/api/observations?status=lost'), 400).code).toBe('INVALID_INPUT')

    // Reading and listing are in the audit trail.
    expectStatus(await world.desk.get(`/api/observations/${desks.id}`), 200)
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('organisation_id', '=', world.organisationId)
      .where('action', 'in', ['observation.list', 'observation.read'])
      .execute()
    expect(new Set(reads.map((r) => r.action))).toEqual(new Set(['observation.list', 'observation.read']))

    // Another organisation's coordinator finds nothing, and changes nothing.
    const foreign = await buildDesk(t)
    expect(await listOf(foreign.desk)).toEqual([])
    expectStatus(await foreign.desk.get(`/api/observations?caseId=${world.supervised.file.id}`), 404)
    expectStatus(await foreign.desk.get(`/api/observations/${volunteers.id}`), 404)
    expectStatus(await foreign.desk.get(sessionUrl(world.supervised.session.id)), 404)
    expectStatus(
      await save(foreign.desk, world.supervised.session.id, { play: 'Intruder' }, volunteers.version),
      404,
    )
    expectStatus(await save(foreign.desk, world.supported.session.id, FULL, 0), 404)
    expectStatus(await act(foreign.desk, volunteers.id, 'release', { version: volunteers.version }), 404)
    expectStatus(
      await act(foreign.desk, volunteers.id, 'return', { version: volunteers.version, note: 'x' }),
      404,
    )
    expect((await rowsOf(world.supervised.session.id))[0]).toMatchObject({
      status: 'submitted',
      version: volunteers.version,
    })
  })
})

describe('a note typed before the sign-in expires survives signing in again (SESS-2)', () => {
  it('the save after re-authentication succeeds with the version held, and every section is there', async () => {
    const sessionId = world.supervised.session.id
    const browser = world.onDuty.browser
    const first = viewOf(
      await save(browser, sessionId, { arrival: FULL.arrival, greeting: FULL.greeting, play: FULL.play }, 0),
    )
    // The volunteer keeps typing past the idle limit without the page saving (the tablet was offline).
    t.clock.advance(SESSION_LIMITS.staff.idleSeconds + 1)
    const expired = await save(
      browser,
      sessionId,
      { childResponses: FULL.childResponses, ending: FULL.ending },
      1,
    )
    expectStatus(expired, 401)
    expect((await rowsOf(sessionId))[0]?.version).toBe(first.version)

    // Signing in again, the page sends what it holds with the version it last saved.
    await browser.signIn(world.onDuty.user, t.clock)
    const kept = viewOf(
      await save(
        browser,
        sessionId,
        { childResponses: FULL.childResponses, ending: FULL.ending },
        first.version,
      ),
    )
    expect(kept.version).toBe(first.version + 1)
    expect(kept.sections).toEqual(FULL)
    expect((await sessionView(browser, sessionId)).observation?.sections).toEqual(FULL)
    expectStatus(await act(browser, kept.id, 'submit', { version: kept.version }), 200)
  })
})
