import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type { ReferralsTable, WorkflowTransitionsTable } from '../database'
import type { OrgScope } from './users.repository'

export type ReferralRow = Selectable<ReferralsTable>
export type TransitionRow = Selectable<WorkflowTransitionsTable> & { actor_name: string | null }

export interface ReferralFilter {
  status?: string | undefined
  channel?: string | undefined
  centreIds?: readonly string[] | null
  sourceCode?: string | undefined
  receivedBefore?: string | undefined
  referrerUserId?: string | undefined
  /** Lower-case text matched against people's names and the reference. */
  q?: string | undefined
}

export const findReferral = (db: Db, scope: OrgScope, id: string): Promise<ReferralRow | undefined> =>
  db
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertReferral(db: Db, row: Insertable<ReferralsTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute()
}

export async function updateReferral(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<ReferralsTable>,
): Promise<void> {
  await db
    .updateTable('referrals')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

// People matching a name or a flag are found once (one pass over the organisation's people), then
// joined by id, rather than probed again for every referral or case on the way to the page.
function filtered(db: Db, scope: OrgScope, filter: ReferralFilter) {
  let query = db.selectFrom('referrals').where('referrals.organisation_id', '=', scope.organisationId)
  if (filter.status) query = query.where('referrals.status', '=', filter.status)
  if (filter.channel) query = query.where('referrals.channel', '=', filter.channel)
  if (filter.centreIds) query = query.where('referrals.centre_id', 'in', [...filter.centreIds, ''])
  if (filter.sourceCode) query = query.where('referrals.source_code', '=', filter.sourceCode)
  if (filter.receivedBefore) query = query.where('referrals.received_at', '<=', filter.receivedBefore)
  if (filter.referrerUserId) query = query.where('referrals.referrer_user_id', '=', filter.referrerUserId)
  const q = filter.q
  if (q) {
    query = query.where((eb) =>
      eb.or([
        eb('referrals.reference', '=', q.toUpperCase()),
        eb(
          'referrals.id',
          'in',
          eb
            .selectFrom('parties')
            .select('parties.referral_id')
            .where('parties.organisation_id', '=', scope.organisationId)
            .where('parties.search_name', 'like', `%${q.replace(/[%_\\]/g, '')}%`),
        ),
      ]),
    )
  }
  return query
}

/** The inbox query, unexecuted, so its plan can be checked (no full scans on hot routes). */
export const referralListQuery = (
  db: Db,
  scope: OrgScope,
  filter: ReferralFilter,
  page: { limit: number; offset: number },
) =>
  filtered(db, scope, filter)
    .selectAll('referrals')
    .orderBy('referrals.received_at', 'desc')
    .orderBy('referrals.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)

export const listReferrals = (
  db: Db,
  scope: OrgScope,
  filter: ReferralFilter,
  page: { limit: number; offset: number },
): Promise<ReferralRow[]> => referralListQuery(db, scope, filter, page).execute()

export async function countReferrals(db: Db, scope: OrgScope, filter: ReferralFilter): Promise<number> {
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export async function countReferralsByStatus(
  db: Db,
  scope: OrgScope,
  filter: Omit<ReferralFilter, 'status'>,
): Promise<Record<string, number>> {
  const rows = await filtered(db, scope, filter)
    .select(['referrals.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('referrals.status')
    .execute()
  return Object.fromEntries(rows.map((row) => [row.status, row.n]))
}

export const listWaitlisted = (db: Db, scope: OrgScope, centreId: string): Promise<ReferralRow[]> =>
  db
    .selectFrom('referrals')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlisted_at')
    .orderBy('id')
    .execute()

export async function countReferralsSince(db: Db, scope: OrgScope, since: string): Promise<number> {
  const row = await db
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', scope.organisationId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertTransition(db: Db, row: Insertable<WorkflowTransitionsTable>): Promise<void> {
  await db.insertInto('workflow_transitions').values(row).execute()
}

export const listTransitions = (
  db: Db,
  scope: OrgScope,
  subjectIds: readonly string[],
): Promise<TransitionRow[]> =>
  db
    .selectFrom('workflow_transitions')
    .leftJoin('users', 'users.id', 'workflow_transitions.actor_user_id')
    .selectAll('workflow_transitions')
    .select('users.display_name as actor_name')
    .where('workflow_transitions.organisation_id', '=', scope.organisationId)
    .where('workflow_transitions.subject_id', 'in', [...subjectIds, ''])
    .orderBy('workflow_transitions.at')
    .orderBy('workflow_transitions.id')
    .execute()

/** Display names of staff who acted, for histories. */
export async function listUserNames(
  db: Db,
  scope: OrgScope,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', scope.organisationId)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}
