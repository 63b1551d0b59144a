import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file must keep describing the schema as it was on the day it was written.
// The session day: who came through the door and when (an append-only register that a tablet can
// fill offline and send later), observation records with a second-person release, incidents with
// warnings and suspensions, reports released to referrers (the exact PDF kept, sealed) and
// feedback from parents and children.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  const instant = pg ? sql`timestamptz` : sql`text`
  const localDate = pg ? sql`date` : sql`text`

  await db.schema.alterTable('organisation_settings').addColumn('session_day', 'text').execute()
  // A practical note on a supported session's attendance ("came by bus, 10 min late"): never content.
  await db.schema.alterTable('sessions').addColumn('attendance_note', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('ended_early_at', instant).execute()
  await db.schema.alterTable('sessions').addColumn('ended_early_reason', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('suspension_id', 'text').execute()
  // Who recorded the outcome: 'desk', or 'register' (worked out from the taps at the door, and
  // worked out again while the register changes).
  await db.schema.alterTable('sessions').addColumn('outcome_source', 'text').execute()

  await db.schema
    .createTable('attendance_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // The listed person, or null for someone who is not on the case's list.
    .addColumn('party_id', 'text', (c) => c.references('parties.id'))
    .addColumn('side', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visitor_name_sealed', 'text')
    .addColumn('note', 'text')
    // When it happened at the door, as the tablet saw it (it may be sent later, after a dropout).
    .addColumn('at', instant, (c) => c.notNull())
    // The tablet's own id for the event, so a retried send records it once.
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('voided_at', instant)
    .addColumn('voided_by_user_id', 'text', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('attendance_events_client_idx')
    .on('attendance_events')
    .columns(['organisation_id', 'client_id'])
    .unique()
    .execute()
  // Led by the organisation, as every read is: without statistics SQLite would otherwise walk the
  // whole organisation through the client-id index for a day's registers.
  await db.schema
    .createIndex('attendance_events_session_idx')
    .on('attendance_events')
    .columns(['organisation_id', 'session_id', 'at'])
    .execute()

  await db.schema
    .createTable('observation_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().unique().references('sessions.id'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sections_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', instant)
    .addColumn('checked_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('checked_at', instant)
    .addColumn('return_note', 'text')
    .addColumn('released_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('observation_records_case_idx')
    .on('observation_records')
    .columns(['case_id', 'status'])
    .execute()

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('occurred_at', instant, (c) => c.notNull())
    .addColumn('location', 'text')
    // JSON: the ids of the listed people involved, and who it concerns most.
    .addColumn('people', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    // JSON, sealed: what happened, the child's own words, injuries, witnesses, reasons not to act.
    .addColumn('account_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('coordinator_notified_at', instant)
    .addColumn('referrer_due_at', instant)
    .addColumn('referrer_notified_at', instant)
    .addColumn('reviewed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', instant)
    .addColumn('review_note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('incidents_case_idx')
    .on('incidents')
    .columns(['case_id', 'occurred_at'])
    .execute()
  await db.schema
    .createIndex('incidents_session_idx')
    .on('incidents')
    .columns(['organisation_id', 'session_id'])
    .execute()
  await db.schema
    .createIndex('incidents_referrer_due_idx')
    .on('incidents')
    .columns(['organisation_id', 'referrer_notified_at', 'referrer_due_at'])
    .execute()

  await db.schema
    .createTable('warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('issued_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('issued_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('warnings_party_idx')
    .on('warnings')
    .columns(['party_id', 'issued_at'])
    .execute()

  await db.schema
    .createTable('suspensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('from_on', localDate, (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sessions_suspended', 'integer', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('lifted_at', instant)
    .addColumn('lifted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('lift_note', 'text')
    .execute()
  await db.schema
    .createIndex('suspensions_case_idx')
    .on('suspensions')
    .columns(['case_id', 'status'])
    .execute()

  await db.schema
    .createTable('report_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_on', localDate, (c) => c.notNull())
    .addColumn('to_on', localDate, (c) => c.notNull())
    .addColumn('referral_id', 'text', (c) => c.references('referrals.id'))
    .addColumn('recipient_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('recipient_label', 'text', (c) => c.notNull())
    .addColumn('recipient_side', 'text')
    .addColumn('content_sealed', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    // JSON: what the redaction check looked for and what it found (nothing, or the release is refused).
    .addColumn('redaction', 'text', (c) => c.notNull())
    .addColumn('released_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('released_at', instant, (c) => c.notNull())
    .addColumn('first_downloaded_at', instant)
    .addColumn('downloads', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_releases_case_idx')
    .on('report_releases')
    .columns(['case_id', 'released_at'])
    .execute()
  await db.schema
    .createIndex('report_releases_recipient_idx')
    .on('report_releases')
    .columns(['recipient_user_id', 'released_at'])
    .execute()

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id'))
    // The parent or child it comes from.
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('comment_sealed', 'text')
    .addColumn('submitted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('feedback_session_party_idx')
    .on('feedback')
    .columns(['session_id', 'party_id'])
    .unique()
    .execute()
  await db.schema
    .createIndex('feedback_centre_idx')
    .on('feedback')
    .columns(['centre_id', 'submitted_at'])
    .execute()
}

export function down(): Promise<void> {
  return Promise.reject(new Error('This migration cannot be reverted: restore a backup instead.'))
}
