import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file must keep describing the schema as it was on the day it was written.
// Statistics and returns are counted from the work already recorded. They add nothing to type:
// only the date each review was due (so "reviews on time" can be counted) and indexes that let a
// period's figures be read by date range within one organisation or centre, never by a whole table.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db)
  const localDate = pg ? sql`date` : sql`text`

  // The date the review was due when it was held. Earlier reviews take the previous review's
  // "next review due"; a case's first review before this change stays unknown.
  await db.schema.alterTable('case_reviews').addColumn('due_on', localDate).execute()
  await sql`
    update case_reviews set due_on = (
      select earlier.next_review_due_on from case_reviews earlier
      where earlier.case_id = case_reviews.case_id
        and (earlier.held_on < case_reviews.held_on
          or (earlier.held_on = case_reviews.held_on and earlier.created_at < case_reviews.created_at))
      order by earlier.held_on desc, earlier.created_at desc
      limit 1
    )`.execute(db)

  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute()

  await index('referrals_received_idx', 'referrals', ['organisation_id', 'centre_id', 'received_at'])
  await index('referrals_decided_idx', 'referrals', ['organisation_id', 'centre_id', 'decided_at'])
  await index('cases_opened_idx', 'cases', ['organisation_id', 'centre_id', 'opened_at'])
  await index('cases_closed_idx', 'cases', ['organisation_id', 'centre_id', 'closed_at'])
  await index('parties_case_kind_idx', 'parties', ['case_id', 'kind', 'role'])
  await index('sessions_organisation_day_idx', 'sessions', ['organisation_id', 'centre_id', 'local_date'])
  await index('sessions_case_day_idx', 'sessions', ['case_id', 'local_date', 'status'])
  await index('case_level_changes_at_idx', 'case_level_changes', ['organisation_id', 'changed_at'])
  await index('case_reviews_held_idx', 'case_reviews', ['organisation_id', 'held_on'])
  await index('incidents_occurred_idx', 'incidents', ['organisation_id', 'centre_id', 'occurred_at'])
  await index('workflow_transitions_at_idx', 'workflow_transitions', [
    'organisation_id',
    'subject_type',
    'to_status',
    'at',
  ])
  await index('opening_sessions_organisation_venue_idx', 'opening_sessions', ['organisation_id', 'venue_id'])
  await index('role_assignments_role_idx', 'role_assignments', ['organisation_id', 'role'])
}

export function down(): Promise<void> {
  return Promise.reject(new Error('This migration cannot be reverted: restore a backup instead.'))
}
