import { PostgresAdapter, sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import type { Db } from '../connect'
import type {
  CalendarFeedsTable,
  ClosuresTable,
  ContactPlansTable,
  OpeningSessionsTable,
  SessionsTable,
} from '../database'
import type { OrgScope } from './users.repository'

export type OpeningRow = Selectable<OpeningSessionsTable>
export type ClosureRow = Selectable<ClosuresTable>
export type PlanRow = Selectable<ContactPlansTable>
export type SessionRow = Selectable<SessionsTable>
export type FeedRow = Selectable<CalendarFeedsTable>
/** A session with its case's reference, for lists and clash messages. */
export type SessionListRow = SessionRow & { case_reference: string }

/** Statuses that hold a room and a place in the centre. */
/** Sessions that hold their place; a suspended one is kept for the family's re-admission. */
export const LIVE_STATUSES = ['scheduled', 'completed', 'did_not_attend', 'suspended'] as const

/**
 * Serialises bookings for one centre. PostgreSQL locks the centre's row until the transaction ends;
 * SQLite transactions already hold the write lock from BEGIN IMMEDIATE (see connect.ts).
 */
export async function lockCentreForBooking(db: Db, scope: OrgScope, centreId: string): Promise<void> {
  await db
    .selectFrom('centres')
    .select('id')
    .where('id', '=', centreId)
    .where('organisation_id', '=', scope.organisationId)
    .$call((q) => (db.getExecutor().adapter instanceof PostgresAdapter ? q.forUpdate() : q))
    .execute()
}

// ---------- openings and closures ----------

export const listOpenings = (db: Db, scope: OrgScope, venueIds: readonly string[]): Promise<OpeningRow[]> =>
  venueIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('opening_sessions')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('venue_id', 'in', venueIds)
        .orderBy('weekday')
        .orderBy('starts_at_time')
        .execute()

export const findOpening = (db: Db, scope: OrgScope, id: string): Promise<OpeningRow | undefined> =>
  db
    .selectFrom('opening_sessions')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function insertOpening(db: Db, row: Insertable<OpeningSessionsTable>): Promise<void> {
  await db.insertInto('opening_sessions').values(row).execute()
}

export async function updateOpening(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<OpeningSessionsTable>,
): Promise<void> {
  await db
    .updateTable('opening_sessions')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

export const listClosures = (
  db: Db,
  scope: OrgScope,
  centreId: string,
  fromDay?: string,
): Promise<ClosureRow[]> =>
  db
    .selectFrom('closures')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .$if(fromDay !== undefined, (q) => q.where('last_day', '>=', fromDay ?? ''))
    .orderBy('first_day')
    .execute()

export const findClosure = (db: Db, scope: OrgScope, id: string): Promise<ClosureRow | undefined> =>
  db
    .selectFrom('closures')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function insertClosure(db: Db, row: Insertable<ClosuresTable>): Promise<void> {
  await db.insertInto('closures').values(row).execute()
}

export async function deleteClosure(db: Db, scope: OrgScope, id: string): Promise<void> {
  await db
    .deleteFrom('closures')
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

// ---------- plans ----------

export const findPlan = (db: Db, scope: OrgScope, id: string): Promise<PlanRow | undefined> =>
  db
    .selectFrom('contact_plans')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export const listPlansOfCase = (db: Db, scope: OrgScope, caseId: string): Promise<PlanRow[]> =>
  db
    .selectFrom('contact_plans')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('case_id', '=', caseId)
    .orderBy('first_on')
    .orderBy('created_at')
    .execute()

export async function insertPlan(db: Db, row: Insertable<ContactPlansTable>): Promise<void> {
  await db.insertInto('contact_plans').values(row).execute()
}

export async function updatePlan(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<ContactPlansTable>,
): Promise<void> {
  await db
    .updateTable('contact_plans')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

/** A venue's active plans that still run on or after a local day: what moving venue must re-home. */
export const listActivePlansOfVenue = (
  db: Db,
  scope: OrgScope,
  venueId: string,
  fromDay: string,
): Promise<PlanRow[]> =>
  db
    .selectFrom('contact_plans')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('venue_id', '=', venueId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('last_on', 'is', null), eb('last_on', '>=', fromDay)]))
    .orderBy('first_on')
    .execute()

// ---------- sessions ----------

const sessionsWithReference = (db: Db, scope: OrgScope) =>
  db
    .selectFrom('sessions')
    .innerJoin('cases', 'cases.id', 'sessions.case_id')
    .selectAll('sessions')
    .select('cases.reference as case_reference')
    .where('sessions.organisation_id', '=', scope.organisationId)

export const findSession = (db: Db, scope: OrgScope, id: string): Promise<SessionListRow | undefined> =>
  sessionsWithReference(db, scope).where('sessions.id', '=', id).executeTakeFirst()

/** The centre's sessions that hold a place between two instants (by occupied time), for clash checks. */
export const listLiveSessionsBetween = (
  db: Db,
  scope: OrgScope,
  centreId: string,
  from: string,
  to: string,
): Promise<SessionListRow[]> =>
  sessionsWithReference(db, scope)
    .where('sessions.centre_id', '=', centreId)
    .where('sessions.status', 'in', LIVE_STATUSES)
    .where('sessions.occupied_from', '<', to)
    .where('sessions.occupied_until', '>', from)
    .execute()

export const listSessionsOfCase = (db: Db, scope: OrgScope, caseId: string): Promise<SessionListRow[]> =>
  sessionsWithReference(db, scope)
    .where('sessions.case_id', '=', caseId)
    .orderBy('sessions.starts_at')
    .orderBy('sessions.id')
    .execute()

export const listSessionsOfCases = (
  db: Db,
  scope: OrgScope,
  caseIds: readonly string[],
  fromDay: string,
): Promise<SessionListRow[]> =>
  caseIds.length === 0
    ? Promise.resolve([])
    : sessionsWithReference(db, scope)
        .where('sessions.case_id', 'in', caseIds)
        .where('sessions.local_date', '>=', fromDay)
        .orderBy('sessions.starts_at')
        .execute()

/** Sessions at a venue on local days from..to inclusive, any status. */
export const listSessionsOfVenue = (
  db: Db,
  scope: OrgScope,
  centreId: string,
  venueId: string,
  fromDay: string,
  toDay: string,
): Promise<SessionListRow[]> =>
  sessionsWithReference(db, scope)
    .where('sessions.centre_id', '=', centreId)
    .where('sessions.venue_id', '=', venueId)
    .where('sessions.local_date', '>=', fromDay)
    .where('sessions.local_date', '<=', toDay)
    .orderBy('sessions.starts_at')
    .orderBy('sessions.id')
    .execute()

/** Sessions of the centres on local days from..to inclusive, any status (calendar feeds). */
export const listSessionsOfCentres = (
  db: Db,
  scope: OrgScope,
  centreIds: readonly string[] | null,
  fromDay: string,
  toDay: string,
): Promise<SessionListRow[]> =>
  sessionsWithReference(db, scope)
    .$if(centreIds !== null, (q) => q.where('sessions.centre_id', 'in', centreIds ?? []))
    .where('sessions.local_date', '>=', fromDay)
    .where('sessions.local_date', '<=', toDay)
    .orderBy('sessions.starts_at')
    .limit(2000)
    .execute()

export async function insertSessions(db: Db, rows: Insertable<SessionsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('sessions')
      .values(rows.slice(i, i + 50))
      .execute()
}

/** Updates a session only at the version the caller read; false when someone else changed it first. */
export async function updateSessionAtVersion(
  db: Db,
  scope: OrgScope,
  id: string,
  version: number,
  changes: Updateable<SessionsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ ...changes, version: version + 1 })
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Cancels a plan's live occurrences from a date: each due on or after it, or moved to a day on or
 * after it. Earlier ones stay as they were, so a moved occurrence is never kept twice.
 */
export async function cancelPlanSessionsFrom(
  db: Db,
  scope: OrgScope,
  planId: string,
  fromDay: string,
  reason: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({
      status: 'cancelled',
      cancelled_by: 'centre',
      cancelled_at: now,
      cancel_notice_hours: null,
      cancel_reason: reason,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('organisation_id', '=', scope.organisationId)
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('local_date', '>=', fromDay), eb('occurrence_on', '>=', fromDay)]))
    .where('status', '=', 'scheduled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Live sessions of a venue from a local day: what moving venue must re-home. */
export const listFutureSessionsOfVenue = (
  db: Db,
  scope: OrgScope,
  venueId: string,
  fromDay: string,
): Promise<SessionRow[]> =>
  db
    .selectFrom('sessions')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('venue_id', '=', venueId)
    .where('local_date', '>=', fromDay)
    .where('status', '=', 'scheduled')
    .execute()

// ---------- calendar feeds ----------

export async function insertFeed(db: Db, row: Insertable<CalendarFeedsTable>): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute()
}

export const listFeedsOfUser = (db: Db, scope: OrgScope, userId: string): Promise<FeedRow[]> =>
  db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()

/** A feed by the hash of its secret, across organisations: the address is the only credential. */
export const findFeedByHash = (db: Db, tokenHash: string): Promise<FeedRow | undefined> =>
  db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()

export async function updateFeed(db: Db, id: string, changes: Updateable<CalendarFeedsTable>): Promise<void> {
  await db.updateTable('calendar_feeds').set(changes).where('id', '=', id).execute()
}

/** The cases behind a calendar's sessions, in one query. */
export const listCasesByIds = (db: Db, scope: OrgScope, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('cases')
        .select(['id', 'referral_id'])
        .where('organisation_id', '=', scope.organisationId)
        .where('id', 'in', ids)
        .execute()
