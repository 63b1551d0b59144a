import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type { CaseLevelChangesTable, CaseNotesTable, CaseReviewsTable, CasesTable } from '../database'
import type { OrgScope } from './users.repository'

export type CaseRow = Selectable<CasesTable>
export type LevelChangeRow = Selectable<CaseLevelChangesTable> & { actor_name: string | null }
export type ReviewRow = Selectable<CaseReviewsTable> & { actor_name: string | null }
export type NoteRow = Selectable<CaseNotesTable> & { actor_name: string | null }

export interface CaseFilter {
  status?: string | undefined
  level?: string | undefined
  centreIds?: readonly string[] | null
  reviewDueBefore?: string | undefined
  /** A safety flag (on a party) or a risk flag (on the case). */
  flag?: string | undefined
  q?: string | undefined
}

export const findCase = (db: Db, scope: OrgScope, id: string): Promise<CaseRow | undefined> =>
  db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertCase(db: Db, row: Insertable<CasesTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute()
}

export async function updateCase(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<CasesTable>,
): Promise<void> {
  await db
    .updateTable('cases')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

// People matching a name or a flag are found once (one pass over the organisation's people), then
// joined by id, rather than probed again for every referral or case on the way to the page.
function filtered(db: Db, scope: OrgScope, filter: CaseFilter) {
  let query = db.selectFrom('cases').where('cases.organisation_id', '=', scope.organisationId)
  if (filter.status) query = query.where('cases.status', '=', filter.status)
  if (filter.level) query = query.where('cases.service_level', '=', filter.level)
  if (filter.centreIds) query = query.where('cases.centre_id', 'in', [...filter.centreIds, ''])
  if (filter.reviewDueBefore) query = query.where('cases.review_due_on', '<=', filter.reviewDueBefore)
  const flag = filter.flag
  if (flag) {
    const quoted = `%"${flag}"%`
    query = query.where((eb) =>
      eb.or([
        eb('cases.risk_flags', 'like', quoted),
        eb(
          'cases.id',
          'in',
          eb
            .selectFrom('parties')
            .select('parties.case_id')
            .where('parties.organisation_id', '=', scope.organisationId)
            .where('parties.safety_flags', 'like', quoted),
        ),
      ]),
    )
  }
  const q = filter.q
  if (q) {
    query = query.where((eb) =>
      eb.or([
        eb('cases.reference', '=', q.toUpperCase()),
        eb(
          'cases.id',
          'in',
          eb
            .selectFrom('parties')
            .select('parties.case_id')
            .where('parties.organisation_id', '=', scope.organisationId)
            .where('parties.search_name', 'like', `%${q.replace(/[%_\\]/g, '')}%`),
        ),
      ]),
    )
  }
  return query
}

/** The case list query, unexecuted, so its plan can be checked. */
export const caseListQuery = (
  db: Db,
  scope: OrgScope,
  filter: CaseFilter,
  page: { limit: number; offset: number },
) =>
  filtered(db, scope, filter)
    .selectAll('cases')
    .orderBy('cases.review_due_on')
    .orderBy('cases.id')
    .limit(page.limit)
    .offset(page.offset)

export const listCases = (
  db: Db,
  scope: OrgScope,
  filter: CaseFilter,
  page: { limit: number; offset: number },
): Promise<CaseRow[]> => caseListQuery(db, scope, filter, page).execute()

export async function countCases(db: Db, scope: OrgScope, filter: CaseFilter): Promise<number> {
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** What the active families of a centre take of its capacity, and when each started. */
export const listActiveLoad = (db: Db, scope: OrgScope, centreId: string) =>
  db
    .selectFrom('cases')
    .select(['id', 'capacity_weight', 'opened_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .where('status', '=', 'active')
    .execute()

export async function insertLevelChange(db: Db, row: Insertable<CaseLevelChangesTable>): Promise<void> {
  await db.insertInto('case_level_changes').values(row).execute()
}

export const listLevelChanges = (db: Db, scope: OrgScope, caseId: string): Promise<LevelChangeRow[]> =>
  db
    .selectFrom('case_level_changes')
    .leftJoin('users', 'users.id', 'case_level_changes.changed_by_user_id')
    .selectAll('case_level_changes')
    .select('users.display_name as actor_name')
    .where('case_level_changes.organisation_id', '=', scope.organisationId)
    .where('case_level_changes.case_id', '=', caseId)
    .orderBy('case_level_changes.changed_at')
    .orderBy('case_level_changes.id')
    .execute()

export async function insertReview(db: Db, row: Insertable<CaseReviewsTable>): Promise<void> {
  await db.insertInto('case_reviews').values(row).execute()
}

export const listReviews = (db: Db, scope: OrgScope, caseId: string): Promise<ReviewRow[]> =>
  db
    .selectFrom('case_reviews')
    .leftJoin('users', 'users.id', 'case_reviews.reviewed_by_user_id')
    .selectAll('case_reviews')
    .select('users.display_name as actor_name')
    .where('case_reviews.organisation_id', '=', scope.organisationId)
    .where('case_reviews.case_id', '=', caseId)
    .orderBy('case_reviews.held_on', 'desc')
    .orderBy('case_reviews.id', 'desc')
    .execute()

export async function insertNote(db: Db, row: Insertable<CaseNotesTable>): Promise<void> {
  await db.insertInto('case_notes').values(row).execute()
}

export const listNotes = (db: Db, scope: OrgScope, caseId: string): Promise<NoteRow[]> =>
  db
    .selectFrom('case_notes')
    .leftJoin('users', 'users.id', 'case_notes.author_user_id')
    .selectAll('case_notes')
    .select('users.display_name as actor_name')
    .where('case_notes.organisation_id', '=', scope.organisationId)
    .where('case_notes.case_id', '=', caseId)
    .orderBy('case_notes.created_at', 'desc')
    .orderBy('case_notes.id', 'desc')
    .execute()
