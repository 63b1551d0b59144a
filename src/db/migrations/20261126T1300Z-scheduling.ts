import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file must keep describing the schema as it was on the day it was written.
// Two-party scheduling: when each venue opens, closures, contact plans, sessions with each party's
// own arrival and departure, cancellations and outcomes, and private calendar feeds.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  const instant = pg ? sql`timestamptz` : sql`text`
  const localDate = pg ? sql`date` : sql`text`

  await db.schema.alterTable('organisation_settings').addColumn('scheduling', 'text').execute()
  // JSON array of entrance names; a venue with two or more can keep the parties apart at the door.
  await db.schema.alterTable('venues').addColumn('entrances', 'text').execute()
  await db.schema.alterTable('cases').addColumn('review_flag', 'text').execute()
  await db.schema.alterTable('cases').addColumn('review_flag_raised_at', instant).execute()

  await db.schema
    .createTable('opening_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('starts_at_time', 'text', (c) => c.notNull())
    .addColumn('ends_at_time', 'text', (c) => c.notNull())
    .addColumn('every_weeks', 'integer', (c) => c.notNull())
    .addColumn('first_on', localDate, (c) => c.notNull())
    .addColumn('last_on', localDate)
    .addColumn('capacity_units', 'real', (c) => c.notNull())
    .addColumn('archived_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('opening_sessions_venue_idx')
    .on('opening_sessions')
    .columns(['venue_id', 'weekday'])
    .execute()

  await db.schema
    .createTable('closures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('first_day', localDate, (c) => c.notNull())
    .addColumn('last_day', localDate, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('closures_centre_idx')
    .on('closures')
    .columns(['centre_id', 'first_day'])
    .execute()

  await db.schema
    .createTable('contact_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('week_of_month', 'integer')
    /** JSON array of local dates, for a plan on chosen dates (a parent who flies in). */
    .addColumn('on_dates', 'text')
    .addColumn('first_on', localDate, (c) => c.notNull())
    .addColumn('last_on', localDate)
    .addColumn('starts_at_time', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
    /** JSON: who arrives first, the minutes between arrivals, the hold after; entrances and waiting areas. */
    .addColumn('arrival', 'text', (c) => c.notNull())
    /** Sealed JSON for off-site and escorted sessions: place, travel, escort, visiting order. */
    .addColumn('offsite_sealed', 'text')
    .addColumn('notes_sealed', 'text')
    .addColumn('replaces_plan_id', 'text')
    .addColumn('ended_reason', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contact_plans_case_idx').on('contact_plans').columns(['case_id']).execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('contact_plans.id'))
    /** The date the plan generated; a moved occurrence keeps it, so the series never duplicates. */
    .addColumn('occurrence_on', localDate, (c) => c.notNull())
    .addColumn('local_date', localDate, (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    /** The first instant either party is due and the last either may leave: the building is in use. */
    .addColumn('occupied_from', instant, (c) => c.notNull())
    .addColumn('occupied_until', instant, (c) => c.notNull())
    .addColumn('capacity_weight', 'real', (c) => c.notNull())
    .addColumn('first_party', 'text', (c) => c.notNull())
    .addColumn('resident_arrives_at', instant, (c) => c.notNull())
    .addColumn('resident_leaves_at', instant, (c) => c.notNull())
    .addColumn('resident_entrance', 'text')
    .addColumn('resident_waiting_room_id', 'text', (c) => c.references('rooms.id'))
    .addColumn('non_resident_arrives_at', instant, (c) => c.notNull())
    .addColumn('non_resident_leaves_at', instant, (c) => c.notNull())
    .addColumn('non_resident_entrance', 'text')
    .addColumn('non_resident_waiting_room_id', 'text', (c) => c.references('rooms.id'))
    .addColumn('offsite_sealed', 'text')
    .addColumn('moved', 'integer', (c) => c.notNull())
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_at', instant)
    .addColumn('cancel_notice_hours', 'real')
    .addColumn('cancel_reason', 'text')
    .addColumn('resident_outcome', 'text')
    .addColumn('non_resident_outcome', 'text')
    .addColumn('outcome_explained', 'integer')
    .addColumn('outcome_reason', 'text')
    .addColumn('outcome_recorded_at', instant)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sessions_plan_occurrence_idx')
    .on('sessions')
    .columns(['plan_id', 'occurrence_on'])
    .unique()
    .execute()
  await db.schema
    .createIndex('sessions_room_time_idx')
    .on('sessions')
    .columns(['room_id', 'starts_at'])
    .execute()
  await db.schema
    .createIndex('sessions_centre_day_idx')
    .on('sessions')
    .columns(['centre_id', 'local_date'])
    .execute()
  await db.schema.createIndex('sessions_case_idx').on('sessions').columns(['case_id', 'starts_at']).execute()

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .addColumn('revoked_at', instant)
    .execute()
  await db.schema.createIndex('calendar_feeds_user_idx').on('calendar_feeds').columns(['user_id']).execute()
}

export function down(): Promise<void> {
  return Promise.reject(new Error('This migration cannot be reverted: restore a backup instead.'))
}
