import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { Db } from '../../db/connect'
import type { CaseRow } from '../../db/repositories/cases.repository'
import type { PartyRow } from '../../db/repositories/parties.repository'
import { listSessionsOfCase, type SessionListRow } from '../../db/repositories/schedule.repository'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { findDeskCase } from '../cases/case-file'
import { addMonths, localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { sideOf, unsealProtected } from '../referrals/parties.presenter'
import { SideSchema, type Side } from '../referrals/parties.schemas'
import { deskCentreIds, isDesk } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { OutcomeSchema } from '../scheduling/scheduling.schemas'
import { newId } from '../shared/ids'
import { isObserved } from './observation.rules'
import { checkRedaction, type ProtectedValues, type RedactionResult } from './redaction'
import {
  buildAttendanceReport,
  buildSupervisedReport,
  linesOf,
  type AttendanceSessionFacts,
  type ObservationFacts,
  type ReportContent,
  type ReportHeading,
} from './report-content'
import { renderReportPdf } from './report-pdf'
import { loadSessionDaySettings } from './session-day-settings'
import {
  ObservationSectionsSchema,
  type ReleaseView,
  type ReportPreview,
  type ReportRecipientsSchema,
  type ReportRequest,
} from './session-day.schemas'

type Recipient = z.infer<typeof ReportRecipientsSchema>['recipients'][number] & { userId: string | null }

const sideOrNull = (value: string | null): Side | null => SideSchema.nullable().catch(null).parse(value)

/** The professional referrers of a case: its own referral and any referral since joined to it. */
async function recipientsOf(db: Db, actor: Actor, found: CaseRow): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('referrals')
    .select([
      'id',
      'channel',
      'referrer_name',
      'referrer_organisation',
      'referrer_acting_for',
      'referrer_user_id',
    ])
    .where('organisation_id', '=', actor.organisationId)
    .where((eb) => eb.or([eb('case_id', '=', found.id), eb('id', '=', found.referral_id)]))
    .orderBy('received_at')
    .orderBy('id')
    .execute()
  // A parent who referred themselves is a party, not a recipient of reports about the family.
  return rows.flatMap((r) => {
    const label = [r.referrer_name, r.referrer_organisation]
      .filter((part) => part && part.trim() !== '')
      .join(', ')
    if (r.channel === 'self' || label === '') return []
    return [
      {
        referralId: r.id,
        label,
        side: sideOrNull(r.referrer_acting_for),
        hasAccount: r.referrer_user_id !== null,
        userId: r.referrer_user_id,
      },
    ]
  })
}

/**
 * Who a case's reports can go to.
 * @throws AppError NOT_FOUND for a case outside the actor's desk.
 */
export async function listReportRecipients(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<z.infer<typeof ReportRecipientsSchema>> {
  const { found } = await findDeskCase(deps.db, actor, caseId)
  const recipients = await recipientsOf(deps.db, actor, found)
  return { recipients: recipients.map(({ userId: _userId, ...shown }) => shown) }
}

function checkPeriod(input: ReportRequest): void {
  if (input.from > input.to)
    throw new AppError('INVALID_INPUT', 'The period must end on or after the day it starts', { field: 'to' })
  if (input.to > addMonths(input.from, 24))
    throw new AppError('INVALID_INPUT', 'A report covers two years at most', { field: 'to' })
}

const partiesOfCase = (db: Db, actor: Actor, found: CaseRow): Promise<PartyRow[]> =>
  db
    .selectFrom('parties')
    .selectAll()
    .where('organisation_id', '=', actor.organisationId)
    .where((eb) => eb.or([eb('referral_id', '=', found.referral_id), eb('case_id', '=', found.id)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute()

/** Every person's protected details, opened only for the redaction check. */
const protectedOf = (deps: Deps, parties: PartyRow[]): ProtectedValues[] =>
  parties
    .filter((p) => p.protected_sealed)
    .map((p) => ({
      side: sideOf(p),
      role: p.role,
      values: unsealProtected(deps.fieldCrypto, p.protected_sealed),
    }))

async function attendanceFacts(
  deps: Deps,
  db: Db,
  actor: Actor,
  sessions: SessionListRow[],
  timeZone: string,
): Promise<AttendanceSessionFacts[]> {
  const events =
    sessions.length === 0
      ? []
      : await db
          .selectFrom('attendance_events as e')
          .leftJoin('parties as p', 'p.id', 'e.party_id')
          .select([
            'e.session_id',
            'e.kind',
            'e.side',
            'e.at',
            'e.voided_at',
            'p.role',
            'p.side as party_side',
          ])
          .where('e.organisation_id', '=', actor.organisationId)
          .where(
            'e.session_id',
            'in',
            sessions.map((s) => s.id),
          )
          .execute()
  const now = deps.clock.now().toISOString()
  const time = (instant: string) => localParts(instant, timeZone).time
  return sessions.map((s) => {
    const recorded = s.resident_outcome !== null || s.non_resident_outcome !== null
    return {
      date: s.local_date,
      localStart: time(s.starts_at),
      localEnd: time(s.ends_at),
      status: s.status,
      started: s.starts_at <= now,
      arrivesAt: { resident: time(s.resident_arrives_at), non_resident: time(s.non_resident_arrives_at) },
      cancellation:
        s.status === 'cancelled'
          ? { by: s.cancelled_by ?? 'centre', noticeHours: s.cancel_notice_hours }
          : null,
      outcome: recorded
        ? {
            resident: OutcomeSchema.nullable().catch(null).parse(s.resident_outcome),
            nonResident: OutcomeSchema.nullable().catch(null).parse(s.non_resident_outcome),
            explained: s.outcome_explained === 1,
          }
        : null,
      register: events
        .filter((e) => e.session_id === s.id)
        .map((e) => ({
          kind: e.kind,
          side: sideOrNull(e.side) ?? sideOrNull(e.party_side ?? null),
          role: e.role ?? null,
          time: time(e.at),
          at: e.at,
          voided: e.voided_at !== null,
        })),
      endedEarlyAt: s.ended_early_at ? time(s.ended_early_at) : null,
    }
  })
}

/** The observation records of the period's sessions: the released ones as facts, and how many are not. */
async function observationFacts(
  deps: Deps,
  db: Db,
  actor: Actor,
  sessions: SessionListRow[],
  timeZone: string,
): Promise<{ records: ObservationFacts[]; unreleased: number }> {
  if (sessions.length === 0) return { records: [], unreleased: 0 }
  const rows = await db
    .selectFrom('observation_records as o')
    .leftJoin('users as author', 'author.id', 'o.author_user_id')
    .leftJoin('users as checker', 'checker.id', 'o.checked_by_user_id')
    .select([
      'o.session_id',
      'o.status',
      'o.sections_sealed',
      'author.display_name as author_name',
      'checker.display_name as checker_name',
    ])
    .where('o.organisation_id', '=', actor.organisationId)
    .where(
      'o.session_id',
      'in',
      sessions.map((s) => s.id),
    )
    .execute()
  const records: ObservationFacts[] = []
  for (const row of rows) {
    const session = sessions.find((s) => s.id === row.session_id)
    if (row.status !== 'released' || !session) continue
    const sections = ObservationSectionsSchema.safeParse(
      JSON.parse(deps.fieldCrypto.decrypt(row.sections_sealed)),
    )
    records.push({
      date: session.local_date,
      localStart: localParts(session.starts_at, timeZone).time,
      localEnd: localParts(session.ends_at, timeZone).time,
      author: row.author_name ?? 'not recorded',
      checkedBy: row.checker_name ?? null,
      sections: sections.success ? sections.data : {},
    })
  }
  return { records, unreleased: rows.length - records.length }
}

interface Report {
  found: CaseRow
  centre: { id: string; name: string; time_zone: string }
  recipient: Recipient
  content: ReportContent
  sessions: number
  unreleased: number
  redaction: RedactionResult
  today: string
}

/** Refuses a supervised report for a family whose sessions in the period were only supported (R-CONF-2). */
function assertObserved(found: CaseRow, sessions: SessionListRow[]): void {
  const observed =
    sessions.length > 0 ? sessions.some((s) => isObserved(s.service_type)) : isObserved(found.service_level)
  if (!observed)
    throw new AppError(
      'CONFLICT',
      'Supported contact centres disclose only dates and times of attendance: this family had no supervised sessions in the period',
      { rule: 'RPT-SUPPORTED' },
    )
}

/** Builds a report as it would go out today, with its redaction check. */
async function prepare(
  deps: Deps,
  db: Db,
  actor: Actor,
  caseId: string,
  input: ReportRequest,
): Promise<Report> {
  checkPeriod(input)
  const { found, centre } = await findDeskCase(db, actor, caseId)
  const recipient = (await recipientsOf(db, actor, found)).find((r) => r.referralId === input.referralId)
  if (!recipient)
    throw new AppError('INVALID_INPUT', 'Choose one of the referrers of this case', { field: 'referralId' })
  const [parties, all] = await Promise.all([
    partiesOfCase(db, actor, found),
    listSessionsOfCase(db, scopeOf(actor), found.id),
  ])
  const sessions = all.filter(
    (s) => s.local_date >= input.from && s.local_date <= input.to && s.status !== 'skipped',
  )
  const today = localDateIn(centre.time_zone, deps.clock.now())
  const heading: ReportHeading = {
    centreName: centre.name,
    caseReference: found.reference,
    children: parties
      .filter((p) => p.kind === 'child')
      .map((p) => ({ fullName: p.full_name, dateOfBirth: p.date_of_birth })),
    from: input.from,
    to: input.to,
    recipient: recipient.label,
    releasedOn: today,
  }
  let content: ReportContent
  let count = sessions.length
  let unreleased = 0
  if (input.kind === 'attendance') {
    const settings = await loadSessionDaySettings(db, scopeOf(actor))
    const facts = await attendanceFacts(deps, db, actor, sessions, centre.time_zone)
    content = buildAttendanceReport(heading, facts, settings.lateAfterMinutes)
  } else {
    assertObserved(found, sessions)
    const observed = sessions.filter((s) => isObserved(s.service_type))
    const facts = await observationFacts(deps, db, actor, observed, centre.time_zone)
    content = buildSupervisedReport(heading, facts.records, facts.unreleased)
    count = facts.records.length
    unreleased = facts.unreleased
  }
  const redaction = checkRedaction(protectedOf(deps, parties), linesOf(content), [found.reference])
  return { found, centre, recipient, content, sessions: count, unreleased, redaction, today }
}

/**
 * What a report would say if released now, line by line, with the redaction check's findings.
 * @throws AppError NOT_FOUND (case), INVALID_INPUT (period, recipient), CONFLICT RPT-SUPPORTED.
 */
export async function previewReport(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: ReportRequest,
): Promise<ReportPreview> {
  const report = await prepare(deps, deps.db, actor, caseId, input)
  const { userId: _userId, ...recipient } = report.recipient
  return {
    kind: input.kind,
    from: input.from,
    to: input.to,
    recipient,
    lines: linesOf(report.content),
    sessions: report.sessions,
    unreleased: report.unreleased,
    redaction: report.redaction,
  }
}

const fileName = (reference: string, kind: string, from: string, to: string) =>
  `${reference}-${kind === 'attendance' ? 'dates-and-times' : 'supervised-contact'}-${from}-to-${to}.pdf`

/**
 * The report as a PDF marked "PREVIEW – NOT RELEASED" on every page, for the desk to look over.
 * @throws AppError as previewReport.
 */
export async function previewReportPdf(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: ReportRequest,
): Promise<{ bytes: Buffer; filename: string }> {
  const report = await prepare(deps, deps.db, actor, caseId, input)
  const pdf = await renderReportPdf(report.content, { preview: true, createdAt: deps.clock.now() })
  return {
    bytes: pdf.bytes,
    filename: `preview-${fileName(report.found.reference, input.kind, input.from, input.to)}`,
  }
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

const releaseQuery = (db: Db, organisationId: string) =>
  db
    .selectFrom('report_releases as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('users as u', 'u.id', 'r.released_by_user_id')
    .select([
      'r.id',
      'r.case_id',
      'r.centre_id',
      'r.kind',
      'r.from_on',
      'r.to_on',
      'r.recipient_label',
      'r.recipient_side',
      'r.recipient_user_id',
      'r.released_at',
      'r.sha256',
      'r.size_bytes',
      'r.pages',
      'r.first_downloaded_at',
      'r.downloads',
      'c.reference as case_reference',
      'u.display_name as released_by',
    ])
    .where('r.organisation_id', '=', organisationId)

type ReleaseRow = Awaited<ReturnType<ReturnType<typeof releaseQuery>['executeTakeFirstOrThrow']>>

const presentRelease = (row: ReleaseRow): ReleaseView => ({
  id: row.id,
  caseId: row.case_id,
  caseReference: row.case_reference,
  kind: row.kind,
  from: row.from_on,
  to: row.to_on,
  recipient: row.recipient_label,
  recipientSide: sideOrNull(row.recipient_side),
  releasedAt: row.released_at,
  releasedBy: row.released_by ?? null,
  sha256: row.sha256,
  sizeBytes: row.size_bytes,
  pages: row.pages,
  firstDownloadedAt: row.first_downloaded_at,
  downloads: row.downloads,
})

/**
 * Releases a report to a referrer: checks it once more, prints it, keeps the exact PDF sealed with
 * its SHA-256, logs the release and tells a recipient with a sign-in that it is there (no content
 * in the email: only the case reference).
 * @throws AppError as previewReport, and CONFLICT RPT-REDACTION with the findings.
 */
export async function releaseReport(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: ReportRequest,
): Promise<ReleaseView> {
  const id = newId()
  await deps.db.transaction().execute(async (trx) => {
    const report = await prepare(deps, trx, actor, caseId, input)
    if (!report.redaction.ok)
      throw new AppError('CONFLICT', 'The report holds details that must not go out; take them out first', {
        rule: 'RPT-REDACTION',
        findings: report.redaction.findings,
      })
    const now = deps.clock.now()
    const pdf = await renderReportPdf(report.content, { preview: false, createdAt: now })
    const digest = sha256(pdf.bytes)
    await trx
      .insertInto('report_releases')
      .values({
        id,
        organisation_id: actor.organisationId,
        centre_id: report.centre.id,
        case_id: report.found.id,
        kind: input.kind,
        from_on: input.from,
        to_on: input.to,
        referral_id: report.recipient.referralId,
        recipient_user_id: report.recipient.userId,
        recipient_label: report.recipient.label,
        recipient_side: report.recipient.side,
        content_sealed: deps.fieldCrypto.encrypt(pdf.bytes.toString('base64')),
        sha256: digest,
        size_bytes: pdf.bytes.length,
        pages: pdf.pages,
        redaction: JSON.stringify(report.redaction),
        released_by_user_id: actor.userId,
        released_at: now.toISOString(),
        first_downloaded_at: null,
        downloads: 0,
      })
      .execute()
    await tellRecipient(deps, trx, actor, report)
    await auditAs(trx, deps.clock, actor, {
      action: 'report.release',
      resourceType: 'report_release',
      resourceIds: [id, report.found.id],
      details: {
        kind: input.kind,
        from: input.from,
        to: input.to,
        recipientSide: report.recipient.side,
        hasAccount: report.recipient.hasAccount,
        sha256: digest,
        pages: pdf.pages,
        checked: report.redaction.checked.length,
      },
    })
  })
  const row = await releaseQuery(deps.db, actor.organisationId)
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()
  return presentRelease(row)
}

async function tellRecipient(deps: Deps, trx: Db, actor: Actor, report: Report): Promise<void> {
  if (!report.recipient.userId) return
  const user = await trx
    .selectFrom('users')
    .select(['email', 'status'])
    .where('id', '=', report.recipient.userId)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirst()
  if (!user || user.status === 'disabled') return
  await enqueueEmail(trx, deps.clock, {
    organisationId: actor.organisationId,
    to: user.email,
    subject: 'A report is ready for you to download in Kinbridge',
    text: [
      `A report is ready for you to download in Kinbridge, for case ${report.found.reference}.`,
      '',
      `Sign in to download it from Reports: ${new URL('/reports', deps.publicUrl).toString()}`,
    ].join('\n'),
  })
}

/**
 * The release log of a case: what went out, to whom, when, by whom, and whether it was downloaded.
 * @throws AppError NOT_FOUND for a case outside the actor's desk.
 */
export async function listCaseReleases(
  deps: Deps,
  actor: Actor,
  caseId: string,
): Promise<{ releases: ReleaseView[] }> {
  const { found } = await findDeskCase(deps.db, actor, caseId)
  const rows = await releaseQuery(deps.db, actor.organisationId)
    .where('r.case_id', '=', found.id)
    .orderBy('r.released_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  return { releases: rows.map(presentRelease) }
}

/** Released reports the actor may download: a referrer's own, and every one of the desk's centres. */
export async function listReleases(deps: Deps, actor: Actor): Promise<{ releases: ReleaseView[] }> {
  const centres = hasRole(actor, 'admin', 'coordinator') ? deskCentreIds(actor) : []
  const ownUser = hasRole(actor, 'referrer') ? actor.userId : null
  if (centres !== null && centres.length === 0 && ownUser === null) return { releases: [] }
  const rows = await releaseQuery(deps.db, actor.organisationId)
    .where((eb) => {
      const allowed = []
      if (centres === null) allowed.push(eb.lit(true))
      else if (centres.length > 0) allowed.push(eb('r.centre_id', 'in', centres))
      if (ownUser !== null) allowed.push(eb('r.recipient_user_id', '=', ownUser))
      return eb.or(allowed)
    })
    .orderBy('r.released_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(500)
    .execute()
  return { releases: rows.map(presentRelease) }
}

/**
 * The exact PDF that was released. The desk of its centre and its recipient may download it; a
 * download by the recipient (or by the desk, for a recipient without a sign-in, who gets it from
 * the desk) is counted, so the log shows whether it reached them.
 * @throws AppError NOT_FOUND for anyone else; INTERNAL when the stored bytes no longer match their hash.
 */
export async function downloadRelease(
  deps: Deps,
  actor: Actor,
  releaseId: string,
): Promise<{ bytes: Buffer; filename: string }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('report_releases as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select([
        'r.id',
        'r.centre_id',
        'r.kind',
        'r.from_on',
        'r.to_on',
        'r.recipient_user_id',
        'r.content_sealed',
        'r.sha256',
        'c.reference',
      ])
      .where('r.organisation_id', '=', actor.organisationId)
      .where('r.id', '=', releaseId)
      .executeTakeFirst()
    if (!row) throw notFound('Report')
    const isRecipient =
      hasRole(actor, 'referrer') && actor.userId !== null && row.recipient_user_id === actor.userId
    const desk = isDesk(actor, row.centre_id)
    if (!isRecipient && !desk) throw notFound('Report')
    const bytes = Buffer.from(deps.fieldCrypto.decrypt(row.content_sealed), 'base64')
    if (sha256(bytes) !== row.sha256)
      throw new AppError('INTERNAL', 'The stored report does not match its checksum')
    if (isRecipient || row.recipient_user_id === null) {
      const now = deps.clock.now().toISOString()
      await trx
        .updateTable('report_releases')
        .set((eb) => ({
          downloads: eb('downloads', '+', 1),
          first_downloaded_at: eb.fn.coalesce('first_downloaded_at', eb.val(now)),
        }))
        .where('id', '=', row.id)
        .execute()
    }
    return { bytes, filename: fileName(row.reference, row.kind, row.from_on, row.to_on) }
  })
}
