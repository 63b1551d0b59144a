import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file must keep describing the schema as it was on the day it was written.
// Volunteers: the recruitment pipeline, requirements as policy with evidence and expiry, policy
// versions and acknowledgements, availability, the rota with swaps, hours and expenses, and the log
// of compliance alerts already sent.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  const instant = pg ? sql`timestamptz` : sql`text`
  const localDate = pg ? sql`date` : sql`text`

  await db.schema.alterTable('organisation_settings').addColumn('volunteering', 'text').execute()
  await db.schema.alterTable('centres').addColumn('target_volunteers', 'integer').execute()
  // JSON: how many team leaders, floor and reception volunteers each occurrence needs.
  await db.schema.alterTable('opening_sessions').addColumn('staffing', 'text').execute()

  await db.schema
    .createTable('volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('date_of_birth', localDate)
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_changed_at', instant, (c) => c.notNull())
    .addColumn('duties', 'text', (c) => c.notNull())
    .addColumn('mentor_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('started_on', localDate)
    .addColumn('mentoring_until', localDate)
    .addColumn('planned_end_on', localDate)
    .addColumn('left_on', localDate)
    .addColumn('references_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('max_shifts_per_month', 'integer')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('volunteers_centre_idx')
    .on('volunteers')
    .columns(['organisation_id', 'centre_id', 'stage'])
    .execute()
  await db.schema.createIndex('volunteers_user_idx').on('volunteers').columns(['user_id']).execute()

  await db.schema
    .createTable('volunteer_requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mandatory', 'integer', (c) => c.notNull())
    .addColumn('valid_months', 'integer')
    .addColumn('due_days', 'integer')
    /** JSON array: '*' gates every shift; otherwise the duties it gates (e.g. supervisor). */
    .addColumn('gates', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('archived_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('volunteer_requirements_code_uq', ['organisation_id', 'code'])
    .execute()

  await db.schema
    .createTable('volunteer_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('volunteer_requirements.id'))
    .addColumn('completed_on', localDate, (c) => c.notNull())
    .addColumn('expires_on', localDate)
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('note', 'text')
    /** Sealed JSON of the DBS certificate metadata the law allows: level, number, update-service check. */
    .addColumn('dbs_sealed', 'text')
    .addColumn('renewal_started_on', localDate)
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('volunteer_records_volunteer_idx')
    .on('volunteer_records')
    .columns(['organisation_id', 'volunteer_id', 'requirement_id'])
    .execute()

  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('must_read', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('archived_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('policy_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('changes', 'text')
    .addColumn('published_on', localDate, (c) => c.notNull())
    .addColumn('published_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('policy_versions_uq', ['policy_id', 'version'])
    .execute()
  await db.schema
    .createTable('policy_acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('policy_version_id', 'text', (c) => c.notNull().references('policy_versions.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', instant, (c) => c.notNull())
    .addUniqueConstraint('policy_acknowledgements_uq', ['volunteer_id', 'policy_version_id'])
    .execute()

  await db.schema
    .createTable('availability_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('first_day', localDate, (c) => c.notNull())
    .addColumn('last_day', localDate, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('availability_exceptions_volunteer_idx')
    .on('availability_exceptions')
    .columns(['volunteer_id', 'last_day'])
    .execute()

  await db.schema
    .createTable('rota_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('opening_id', 'text', (c) => c.references('opening_sessions.id'))
    .addColumn('session_id', 'text', (c) => c.references('sessions.id'))
    .addColumn('shift_key', 'text', (c) => c.notNull())
    .addColumn('on_date', localDate, (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('suggested', 'integer', (c) => c.notNull())
    .addColumn('assigned_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('rota_assignments_centre_idx')
    .on('rota_assignments')
    .columns(['organisation_id', 'centre_id', 'on_date'])
    .execute()
  await db.schema
    .createIndex('rota_assignments_volunteer_idx')
    .on('rota_assignments')
    .columns(['volunteer_id', 'on_date'])
    .execute()

  await db.schema
    .createTable('rota_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('rota_assignments.id'))
    .addColumn('from_volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('to_volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', instant)
    .addColumn('decision_note', 'text')
    .execute()
  await db.schema
    .createIndex('rota_swaps_centre_idx')
    .on('rota_swaps')
    .columns(['organisation_id', 'centre_id', 'status'])
    .execute()

  await db.schema
    .createTable('volunteer_hours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('assignment_id', 'text', (c) => c.references('rota_assignments.id').unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', localDate, (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('miles', 'real')
    .addColumn('expenses_pence', 'integer')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', instant)
    .addColumn('decision_note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('volunteer_hours_centre_idx')
    .on('volunteer_hours')
    .columns(['organisation_id', 'centre_id', 'on_date'])
    .execute()

  await db.schema
    .createTable('compliance_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('volunteer_requirements.id'))
    .addColumn('due_on', localDate, (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('sent_at', instant, (c) => c.notNull())
    .addUniqueConstraint('compliance_alerts_uq', ['volunteer_id', 'requirement_id', 'due_on', 'days_before'])
    .execute()
}

export function down(): Promise<void> {
  return Promise.reject(new Error('This migration cannot be reverted: restore a backup instead.'))
}
