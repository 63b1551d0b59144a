import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildUser } from '../../../tests/support/factories'
import { expectStatus } from '../../../tests/support/referrals'
import { planBody } from '../../../tests/support/scheduling'
import { book, onlySession } from '../../../tests/support/scheduling-checks'
import { buildSessionDayWorld, partyOf, type SessionDayWorld } from '../../../tests/support/session-day'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import { buildSchedulingWorld } from '../../../tests/support/scheduling'
import { zonedInstant, plusDays } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import type { ObservationSections, ReleaseView, ReportPreview } from './session-day.schemas'

const OUT = join(process.cwd(), 'test-results', 'pdf')

/** The text of a PDF as pdftotext reads it; the PDF is kept under test-results/pdf for people to open. */
function pdfText(bytes: Buffer, name: string): string {
  mkdirSync(OUT, { recursive: true })
  const file = join(OUT, `${name}.pdf`)
  writeFileSync(file, bytes)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, name)])
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = (response: { rawPayload: Buffer }) => response.rawPayload

interface Event {
  kind: string
  partyId: string | null
  side: 'resident' | 'non_resident' | null
  time: string
  voided?: boolean
}

/** Taps at the door, as the register keeps them. */
async function register(t: TestContext, world: SessionDayWorld, events: Event[]): Promise<void> {
  const session = world.supported.session
  for (const e of events)
    await t.deps.db
      .insertInto('attendance_events')
      .values({
        id: newId(),
        organisation_id: world.organisationId,
        centre_id: world.centreId,
        session_id: session.id,
        case_id: session.caseId,
        party_id: e.partyId,
        side: e.side,
        kind: e.kind,
        visitor_name_sealed: null,
        note: null,
        at: zonedInstant(world.day, e.time, world.timeZone),
        client_id: newId(),
        recorded_by_user_id: world.onDuty.user.userId,
        recorded_at: zonedInstant(world.day, e.time, world.timeZone),
        voided_at: e.voided ? zonedInstant(world.day, '12:30', world.timeZone) : null,
        voided_by_user_id: e.voided ? world.coordinator.userId : null,
      })
      .execute()
}

/** An observation record of a session, its sections sealed as the record keeps them. */
async function observe(
  t: TestContext,
  world: SessionDayWorld,
  sessionId: string,
  status: 'released' | 'submitted',
  sections: ObservationSections,
): Promise<void> {
  const now = t.clock.now().toISOString()
  await t.deps.db
    .insertInto('observation_records')
    .values({
      id: newId(),
      organisation_id: world.organisationId,
      centre_id: world.centreId,
      case_id: world.supervised.file.id,
      session_id: sessionId,
      author_user_id: world.onDuty.user.userId,
      sections_sealed: t.deps.fieldCrypto.encrypt(JSON.stringify(sections)),
      status,
      version: 3,
      submitted_at: now,
      checked_by_user_id: status === 'released' ? world.checker.user.userId : null,
      checked_at: status === 'released' ? now : null,
      return_note: null,
      released_at: status === 'released' ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

const request = (world: SessionDayWorld, file: 'supported' | 'supervised', kind: string, to?: string) => ({
  kind,
  from: world.day,
  to: to ?? plusDays(world.day, 14),
  referralId: world[file].file.referralId,
})

describe('reports to referrers', () => {
  let t: TestContext
  let world: SessionDayWorld
  beforeEach(async () => {
    t = await createTestContext()
    world = await buildSessionDayWorld(t)
  })
  afterEach(async () => {
    await t.close()
  })

  it('prints the dates and times of attendance, the children by initials, and no adult’s name or private detail', async () => {
    const visiting = partyOf(world.supported.file, 'non_resident_parent')
    const resident = partyOf(world.supported.file, 'resident_parent')
    await register(t, world, [
      { kind: 'arrived', partyId: visiting.id, side: 'non_resident', time: '09:31', voided: true },
      { kind: 'arrived', partyId: visiting.id, side: 'non_resident', time: '09:47' },
      { kind: 'arrived', partyId: resident.id, side: 'resident', time: '10:04' },
      { kind: 'child_handed_over', partyId: null, side: 'resident', time: '10:06' },
      { kind: 'left', partyId: resident.id, side: 'resident', time: '10:09' },
      { kind: 'left', partyId: visiting.id, side: 'non_resident', time: '12:03' },
    ])
    await world.at('12:30')

    const recipients = await world.desk.get(`/api/cases/${world.supported.file.id}/report-recipients`)
    expectStatus(recipients, 200)
    expect(recipients.json()).toEqual({
      recipients: [
        {
          referralId: world.supported.file.referralId,
          label: 'Fran Adviser, JFCAS',
          side: null,
          hasAccount: false,
        },
      ],
    })

    const body = request(world, 'supported', 'attendance')
    const preview = await world.desk.post(`/api/cases/${world.supported.file.id}/reports/preview`, body)
    expectStatus(preview, 200)
    const seen = preview.json<ReportPreview>()
    expect(seen.sessions).toBe(1)
    expect(seen.redaction.ok).toBe(true)
    expect(seen.redaction.checked).toEqual(
      expect.arrayContaining(['phone number of the resident parent on the resident parent’s side']),
    )
    const row = seen.lines.find((l) => l.heading === 'Attendance')?.text
    expect(row).toContain('Visiting parent: Yes, 09:47–12:03')
    expect(row).toContain('Resident parent: Yes, 10:04–10:09')

    const pdf = await world.desk.get(
      `/api/cases/${world.supported.file.id}/reports/preview.pdf?${new URLSearchParams(body).toString()}`,
    )
    expectStatus(pdf, 200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename=".*\.pdf"$/)
    const previewText = pdfText(bytesOf(pdf), `attendance-preview-${t.kind}`)
    expect(previewText).toContain('PREVIEW – NOT RELEASED')

    const released = await world.desk.post(`/api/cases/${world.supported.file.id}/reports`, body)
    expectStatus(released, 201)
    const release = released.json<ReleaseView>()
    const download = await world.desk.get(`/api/report-releases/${release.id}/pdf`)
    expectStatus(download, 200)
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename=".*\.pdf"$/)
    const text = pdfText(bytesOf(download), `attendance-${t.kind}`)
    for (const wanted of ['Dates and times report', '09:47', '12:03', '10:04', 'M. E., born 2020'])
      expect(text).toContain(wanted)
    expect(text).toContain(world.supported.file.reference)
    // With no sign-in of their own, the recipient gets it from the desk: that download counts.
    const log = await world.desk.get(`/api/cases/${world.supported.file.id}/reports`)
    expect(log.json<{ releases: ReleaseView[] }>().releases).toEqual([
      { ...release, downloads: 1, firstDownloadedAt: expect.any(String) as string },
    ])
    expect(text).toContain('Released to Fran Adviser, JFCAS on')
    expect(text).toContain('Supported contact centres disclose dates and times of attendance only.')
    expect(text).toMatch(/Page 1 of 1/)
    expect(text).not.toContain('PREVIEW')
    expect(text).not.toContain('09:31')
    for (const name of ['Nick', 'Rita', 'Mia Example', 'Example Road']) expect(text).not.toContain(name)
    expect(text.replace(/\s/g, '')).not.toContain('07700900001')
    expect(text).not.toContain('@example.org')
  })

  it('reports a recorded outcome and a cancellation by whom, never the reasons given', async () => {
    const later = onlySession(
      await book(
        world,
        world.supervised.file.id,
        planBody(world, {
          serviceType: 'supervised',
          frequency: 'one_off',
          firstOn: plusDays(world.day, 7),
          lastOn: plusDays(world.day, 7),
          startsAt: '13:00',
          durationMinutes: 60,
          roomId: world.privateRoom,
        }),
      ),
    )
    await world.at('14:30')
    const outcome = await world.desk.post(`/api/sessions/${world.supervised.session.id}/outcome`, {
      resident: 'attended',
      nonResident: 'did_not_attend',
      explained: true,
      reason: 'OUTCOME-REASON-TEXT hospital appointment',
    })
    expectStatus(outcome, 200)
    const cancelled = await world.desk.post(`/api/sessions/${later.id}/cancel`, {
      by: 'resident',
      reason: 'CANCEL-REASON-TEXT a family matter',
    })
    expectStatus(cancelled, 200)

    const body = request(world, 'supervised', 'attendance')
    const preview = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports/preview`, body)
    expectStatus(preview, 200)
    const rows = preview
      .json<ReportPreview>()
      .lines.filter((l) => l.heading === 'Attendance')
      .map((l) => l.text)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('Visiting parent: No; Resident parent: Yes (times not registered)')
    expect(rows[0]).toContain('Did not attend: visiting parent; a reason was given.')
    expect(rows[1]).toMatch(/Cancelled by the resident parent, \d+ hours’ notice\./)

    const released = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports`, body)
    expectStatus(released, 201)
    const { id } = released.json<ReleaseView>()
    const text = pdfText(
      bytesOf(await world.desk.get(`/api/report-releases/${id}/pdf`)),
      `outcomes-${t.kind}`,
    )
    expect(text).toContain('Dates and times report')
    expect(text).toContain('Did not attend: visiting')
    expect(text).not.toContain('REASON-TEXT')
  })

  it('builds a supervised report from released records only, with the caution, and says how many are left out', async () => {
    const later = onlySession(
      await book(
        world,
        world.supervised.file.id,
        planBody(world, {
          serviceType: 'supervised',
          frequency: 'one_off',
          firstOn: plusDays(world.day, 7),
          lastOn: plusDays(world.day, 7),
          startsAt: '13:00',
          durationMinutes: 60,
          roomId: world.privateRoom,
        }),
      ),
    )
    await observe(t, world, world.supervised.session.id, 'released', {
      arrival: 'M arrived with her mother at 12:58 and ran to the play mat.',
      quotes: '“Can we build the tower again?”',
    })
    await observe(t, world, later.id, 'submitted', { arrival: 'UNRELEASED-TEXT should not appear.' })

    const body = request(world, 'supervised', 'supervised')
    const preview = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports/preview`, body)
    expectStatus(preview, 200)
    const seen = preview.json<ReportPreview>()
    expect(seen).toMatchObject({ sessions: 1, unreleased: 1, redaction: { ok: true, findings: [] } })
    expect(seen.lines.map((l) => l.text).join('\n')).not.toContain('UNRELEASED-TEXT')

    const released = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports`, body)
    expectStatus(released, 201)
    const release = released.json<ReleaseView>()
    expect(release).toMatchObject({ kind: 'supervised', recipient: 'Fran Adviser, JFCAS', downloads: 0 })
    const text = pdfText(
      bytesOf(await world.desk.get(`/api/report-releases/${release.id}/pdf`)),
      `supervised-${t.kind}`,
    ).replace(/\s+/g, ' ')
    expect(text).toContain('Supervised contact report')
    expect(text).toContain('M arrived with her mother at 12:58 and ran to the play mat.')
    expect(text).toContain('Direct quotes')
    expect(text).toContain('“Can we build the tower again?”')
    expect(text).toContain(
      'This report records what the supervisor saw and heard. It is factual and is not an assessment; it makes no recommendation about contact or residence and should be read with that in mind.',
    )
    const names = await t.deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [world.onDuty.user.userId, world.checker.user.userId])
      .execute()
    const nameOf = (id: string) => names.find((n) => n.id === id)?.display_name
    expect(text).toContain(`Supervised by: ${nameOf(world.onDuty.user.userId)}`)
    expect(text).toContain(`Checked by: ${nameOf(world.checker.user.userId)}`)
    expect(text).toContain('Distribution Fran Adviser, JFCAS,')
    expect(text).not.toContain('UNRELEASED-TEXT')
  })

  it('finds the resident parent’s address in an observation and refuses to release the report', async () => {
    const resident = partyOf(world.supervised.file, 'resident_parent')
    const changed = await world.desk.patch(`/api/parties/${resident.id}`, {
      protected: { address: '14 Larkspur Close, St Brelade, JE3 8QT', phone: '07700 900001' },
    })
    expectStatus(changed, 200)
    await observe(t, world, world.supervised.session.id, 'released', {
      arrival: 'Mother said they had just walked over from 14 Larkspur Close.',
    })

    const body = request(world, 'supervised', 'supervised')
    const preview = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports/preview`, body)
    expectStatus(preview, 200)
    const { redaction } = preview.json<ReportPreview>()
    expect(redaction.ok).toBe(false)
    expect(redaction.findings).toEqual([
      expect.objectContaining({
        side: 'resident',
        field: 'address',
        where: expect.stringContaining('Arrival') as string,
      }),
    ])
    expect(JSON.stringify(redaction)).not.toContain('Larkspur')

    const refused = await world.desk.post(`/api/cases/${world.supervised.file.id}/reports`, body)
    expectStatus(refused, 409)
    const error = refused.json<{ error: { details: { rule: string; findings: unknown[] } } }>().error
    expect(error.details.rule).toBe('RPT-REDACTION')
    expect(error.details.findings).toEqual(redaction.findings)
    expect(refused.body).not.toContain('Larkspur')
    const stored = await t.deps.db
      .selectFrom('report_releases')
      .select('id')
      .where('case_id', '=', world.supervised.file.id)
      .execute()
    expect(stored).toHaveLength(0)
  })

  it('lets the recipient referrer list and download the exact PDF, counts it, and hides it from another referrer', async () => {
    const referrer = await buildUser(t.deps, { organisationId: world.organisationId, role: 'referrer' })
    const stranger = await buildUser(t.deps, { organisationId: world.organisationId, role: 'referrer' })
    await t.deps.db
      .updateTable('referrals')
      .set({ referrer_user_id: referrer.userId })
      .where('id', '=', world.supported.file.referralId)
      .execute()
    await world.at('12:30')
    const recipients = await world.desk.get(`/api/cases/${world.supported.file.id}/report-recipients`)
    expect(recipients.json()).toMatchObject({ recipients: [{ hasAccount: true }] })

    const released = await world.desk.post(
      `/api/cases/${world.supported.file.id}/reports`,
      request(world, 'supported', 'attendance'),
    )
    expectStatus(released, 201)
    const release = released.json<ReleaseView>()
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['resource_ids', 'actor_user_id'])
      .where('action', '=', 'report.release')
      .where('organisation_id', '=', world.organisationId)
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]?.resource_ids ?? '[]')).toContain(release.id)

    const mail = await t.deps.db
      .selectFrom('outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', referrer.email)
      .execute()
    expect(mail).toHaveLength(1)
    expect(mail[0]?.subject).toBe('A report is ready for you to download in Kinbridge')
    expect(mail[0]?.text_body).toContain(world.supported.file.reference)
    expect(mail[0]?.text_body).toContain('http://localhost:3000/reports')
    for (const name of ['Nick', 'Rita', 'Mia', 'M. E.']) expect(mail[0]?.text_body).not.toContain(name)

    const browser = new TestBrowser(t.app)
    await browser.signIn(referrer, t.clock)
    const mine = await browser.get('/api/report-releases')
    expectStatus(mine, 200)
    expect(mine.json<{ releases: ReleaseView[] }>().releases.map((r) => r.id)).toEqual([release.id])
    const before = t.clock.now().toISOString()
    const download = await browser.get(`/api/report-releases/${release.id}/pdf`)
    expectStatus(download, 200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(sha256(bytesOf(download))).toBe(release.sha256)
    expect(bytesOf(download).length).toBe(release.sizeBytes)
    const stored = await t.deps.db
      .selectFrom('report_releases')
      .select('content_sealed')
      .where('id', '=', release.id)
      .executeTakeFirstOrThrow()
    expect(
      Buffer.from(t.deps.fieldCrypto.decrypt(stored.content_sealed), 'base64').equals(bytesOf(download)),
    ).toBe(true)

    const other = new TestBrowser(t.app)
    await other.signIn(stranger, t.clock)
    expect((await other.get('/api/report-releases')).json()).toEqual({ releases: [] })
    expectStatus(await other.get(`/api/report-releases/${release.id}/pdf`), 404)

    // The desk looking at it again is not the recipient receiving it.
    expectStatus(await world.desk.get(`/api/report-releases/${release.id}/pdf`), 200)
    const log = await world.desk.get(`/api/cases/${world.supported.file.id}/reports`)
    expectStatus(log, 200)
    const [entry] = log.json<{ releases: ReleaseView[] }>().releases
    expect(entry).toMatchObject({ id: release.id, recipient: 'Fran Adviser, JFCAS', downloads: 1 })
    expect(entry?.firstDownloadedAt && entry.firstDownloadedAt >= before).toBe(true)
    expect(entry?.releasedBy).toBeTruthy()
    const all = await world.desk.get('/api/report-releases')
    expect(all.json<{ releases: ReleaseView[] }>().releases.map((r) => r.id)).toEqual([release.id])
  })

  it('offers the report to each professional referrer of the case, with their side, and never to a self-referring parent', async () => {
    const original = await t.deps.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', world.supported.file.referralId)
      .executeTakeFirstOrThrow()
    const joined = (overrides: Partial<typeof original>) => ({
      ...original,
      id: newId(),
      reference: `R-${newId().slice(-8)}`,
      case_id: world.supported.file.id,
      received_at: t.clock.now().toISOString(),
      ...overrides,
    })
    const solicitor = joined({
      channel: 'referrer',
      referrer_name: 'Sol Icitor',
      referrer_organisation: 'Harbour Law',
      referrer_acting_for: 'resident',
    })
    await t.deps.db
      .insertInto('referrals')
      .values([
        solicitor,
        joined({ channel: 'self', referrer_name: 'Rita Example', referrer_organisation: null }),
        joined({ channel: 'staff', referrer_name: null, referrer_organisation: null }),
      ])
      .execute()
    const recipients = await world.desk.get(`/api/cases/${world.supported.file.id}/report-recipients`)
    expectStatus(recipients, 200)
    expect(recipients.json()).toEqual({
      recipients: [
        { referralId: original.id, label: 'Fran Adviser, JFCAS', side: null, hasAccount: false },
        { referralId: solicitor.id, label: 'Sol Icitor, Harbour Law', side: 'resident', hasAccount: false },
      ],
    })
    await world.at('12:30')
    const released = await world.desk.post(`/api/cases/${world.supported.file.id}/reports`, {
      ...request(world, 'supported', 'attendance'),
      referralId: solicitor.id,
    })
    expectStatus(released, 201)
    expect(released.json()).toMatchObject({ recipient: 'Sol Icitor, Harbour Law', recipientSide: 'resident' })
  })

  it('refuses a supervised report for a supported family (R-CONF-2)', async () => {
    const refused = await world.desk.post(
      `/api/cases/${world.supported.file.id}/reports/preview`,
      request(world, 'supported', 'supervised'),
    )
    expectStatus(refused, 409)
    expect(refused.json()).toMatchObject({ error: { code: 'CONFLICT', details: { rule: 'RPT-SUPPORTED' } } })
    const release = await world.desk.post(
      `/api/cases/${world.supported.file.id}/reports`,
      request(world, 'supported', 'supervised'),
    )
    expectStatus(release, 409)
  })

  it('answers bad periods and recipients with 400', async () => {
    const url = `/api/cases/${world.supported.file.id}/reports/preview`
    const base = request(world, 'supported', 'attendance')
    expectStatus(await world.desk.post(url, { ...base, to: plusDays(world.day, -1) }), 400)
    expectStatus(await world.desk.post(url, { ...base, to: plusDays(world.day, 740) }), 400)
    expectStatus(await world.desk.post(url, { ...base, kind: 'narrative' }), 400)
    const pdf = `/api/cases/${world.supported.file.id}/reports/preview.pdf`
    expectStatus(
      await world.desk.get(`${pdf}?${new URLSearchParams({ ...base, from: 'soon' }).toString()}`),
      400,
    )
    expectStatus(await world.desk.get(pdf), 400)
    const elsewhere = await world.desk.post(url, { ...base, referralId: world.supervised.file.referralId })
    expectStatus(elsewhere, 400)
    expect(elsewhere.json()).toMatchObject({ error: { details: { field: 'referralId' } } })
  })

  it('knows nothing of another organisation’s case or release', async () => {
    await world.at('12:30')
    const released = await world.desk.post(
      `/api/cases/${world.supported.file.id}/reports`,
      request(world, 'supported', 'attendance'),
    )
    expectStatus(released, 201)
    const release = released.json<ReleaseView>()
    const other = await buildSchedulingWorld(t)
    const caseUrl = `/api/cases/${world.supported.file.id}`
    expectStatus(await other.desk.get(`${caseUrl}/report-recipients`), 404)
    expectStatus(
      await other.desk.post(`${caseUrl}/reports/preview`, request(world, 'supported', 'attendance')),
      404,
    )
    expectStatus(await other.desk.post(`${caseUrl}/reports`, request(world, 'supported', 'attendance')), 404)
    expectStatus(await other.desk.get(`${caseUrl}/reports`), 404)
    const query = new URLSearchParams(request(world, 'supported', 'attendance')).toString()
    expectStatus(await other.desk.get(`${caseUrl}/reports/preview.pdf?${query}`), 404)
    expectStatus(await other.desk.get(`/api/report-releases/${release.id}/pdf`), 404)
    expect((await other.desk.get('/api/report-releases')).json()).toEqual({ releases: [] })
  })
})
