import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file must keep describing the schema as it was on the day it was written.
// Referrals, their parties, pre-visits, risk assessments, ground rules, documents and the case file.
// Columns ending in _sealed hold AES-256-GCM ciphertext made by the application (docs/decisions/0011).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  const instant = pg ? sql`timestamptz` : sql`text`
  const localDate = pg ? sql`date` : sql`text`

  await db.schema
    .createTable('organisation_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('intake', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('source_code', 'text', (c) => c.notNull())
    .addColumn('service_requested', 'text', (c) => c.notNull())
    .addColumn('frequency_requested', 'text')
    .addColumn('referrer_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('referrer_name', 'text')
    .addColumn('referrer_organisation', 'text')
    .addColumn('referrer_role', 'text')
    .addColumn('referrer_email', 'text')
    .addColumn('referrer_phone', 'text')
    .addColumn('referrer_acting_for', 'text')
    .addColumn('risk_flags', 'text', (c) => c.notNull())
    .addColumn('risk_sealed', 'text')
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('status_changed_at', instant, (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', instant)
    .addColumn('accepted_level', 'text')
    .addColumn('waitlisted_at', instant)
    .addColumn('case_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('referrals_reference_idx')
    .on('referrals')
    .columns(['organisation_id', 'reference'])
    .unique()
    .execute()
  await db.schema
    .createIndex('referrals_status_idx')
    .on('referrals')
    .columns(['organisation_id', 'status', 'received_at'])
    .execute()
  await db.schema
    .createIndex('referrals_referrer_idx')
    .on('referrals')
    .columns(['organisation_id', 'referrer_user_id', 'received_at'])
    .execute()
  await db.schema
    .createIndex('referrals_waitlist_idx')
    .on('referrals')
    .columns(['organisation_id', 'centre_id', 'status', 'waitlisted_at'])
    .execute()

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('service_level', 'text', (c) => c.notNull())
    .addColumn('capacity_weight', 'real', (c) => c.notNull())
    .addColumn('opened_at', instant, (c) => c.notNull())
    .addColumn('review_due_on', localDate, (c) => c.notNull())
    .addColumn('risk_flags', 'text', (c) => c.notNull())
    .addColumn('closed_at', instant)
    .addColumn('closure_outcome', 'text')
    .addColumn('closure_reason', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('cases_status_level_idx')
    .on('cases')
    .columns(['organisation_id', 'status', 'service_level'])
    .execute()
  await db.schema
    .createIndex('cases_review_idx')
    .on('cases')
    .columns(['organisation_id', 'status', 'review_due_on'])
    .execute()
  await db.schema.createIndex('cases_centre_idx').on('cases').columns(['centre_id', 'status']).execute()

  await db.schema
    .createTable('parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('side', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', localDate)
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('protected_sealed', 'text')
    .addColumn('protected_present', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addColumn('authorised_by', 'text')
    .addColumn('safety_flags', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('parties_referral_idx')
    .on('parties')
    .columns(['organisation_id', 'referral_id'])
    .execute()
  await db.schema
    .createIndex('parties_case_idx')
    .on('parties')
    .columns(['organisation_id', 'case_id'])
    .execute()
  await db.schema
    .createIndex('parties_search_idx')
    .on('parties')
    .columns(['organisation_id', 'search_name'])
    .execute()
  await db.schema.createIndex('parties_user_idx').on('parties').columns(['user_id']).execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content_sealed', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('documents_referral_idx')
    .on('documents')
    .columns(['organisation_id', 'referral_id'])
    .execute()

  await db.schema
    .createTable('court_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('order_type', 'text', (c) => c.notNull())
    .addColumn('made_on', localDate)
    .addColumn('court', 'text')
    .addColumn('conditions', 'text')
    .addColumn('named_people', 'text')
    .addColumn('expires_on', localDate)
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('court_orders_referral_idx')
    .on('court_orders')
    .columns(['organisation_id', 'referral_id'])
    .execute()

  await db.schema
    .createTable('pre_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', instant, (c) => c.notNull())
    .addColumn('held_on', localDate)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('notes_sealed', 'text')
    .addColumn('conducted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('pre_visits_referral_idx')
    .on('pre_visits')
    .columns(['organisation_id', 'referral_id'])
    .execute()

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('recommended_service', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('answers_sealed', 'text', (c) => c.notNull())
    .addColumn('assessed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('assessed_at', instant, (c) => c.notNull())
    .addColumn('review_due_on', localDate, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('risk_assessments_referral_idx')
    .on('risk_assessments')
    .columns(['organisation_id', 'referral_id', 'assessed_at'])
    .execute()

  await db.schema
    .createTable('ground_rules_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('published_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ground_rules_versions_idx')
    .on('ground_rules_versions')
    .columns(['organisation_id', 'version'])
    .unique()
    .execute()

  await db.schema
    .createTable('ground_rules_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('ground_rules_versions.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ground_rules_signatures_idx')
    .on('ground_rules_signatures')
    .columns(['party_id', 'version_id'])
    .unique()
    .execute()

  await db.schema
    .createTable('case_level_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('previous_level', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('changed_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('case_level_changes_idx')
    .on('case_level_changes')
    .columns(['organisation_id', 'case_id', 'changed_at'])
    .execute()

  await db.schema
    .createTable('case_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('held_on', localDate, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notes_sealed', 'text')
    .addColumn('next_review_due_on', localDate, (c) => c.notNull())
    .addColumn('reviewed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('case_reviews_idx')
    .on('case_reviews')
    .columns(['organisation_id', 'case_id', 'held_on'])
    .execute()

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('body_sealed', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('case_notes_idx')
    .on('case_notes')
    .columns(['organisation_id', 'case_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('workflow_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('workflow_transitions_idx')
    .on('workflow_transitions')
    .columns(['organisation_id', 'subject_id', 'at'])
    .execute()
}

export function down(): Promise<void> {
  return Promise.reject(new Error('This migration cannot be reverted: restore a backup instead.'))
}
