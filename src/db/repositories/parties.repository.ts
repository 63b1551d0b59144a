import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type { PartiesTable } from '../database'
import type { OrgScope } from './users.repository'

export type PartyRow = Selectable<PartiesTable>

export const listPartiesOfReferrals = (
  db: Db,
  scope: OrgScope,
  referralIds: readonly string[],
): Promise<PartyRow[]> =>
  referralIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('parties')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('referral_id', 'in', referralIds)
        .orderBy('kind', 'desc')
        .orderBy('created_at')
        .orderBy('id')
        .execute()

export const findParty = (db: Db, scope: OrgScope, id: string): Promise<PartyRow | undefined> =>
  db
    .selectFrom('parties')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export const listPartiesOfUser = (db: Db, scope: OrgScope, userId: string): Promise<PartyRow[]> =>
  db
    .selectFrom('parties')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', userId)
    .execute()

export async function insertParties(db: Db, rows: Insertable<PartiesTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('parties').values(rows).execute()
}

export async function updateParty(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<PartiesTable>,
): Promise<void> {
  await db
    .updateTable('parties')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

export async function moveParties(
  db: Db,
  scope: OrgScope,
  fromReferralId: string,
  toReferralId: string,
  partyIds: readonly string[],
): Promise<void> {
  if (partyIds.length === 0) return
  await db
    .updateTable('parties')
    .set({ referral_id: toReferralId })
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', fromReferralId)
    .where('id', 'in', partyIds)
    .execute()
}

export async function attachPartiesToCase(
  db: Db,
  scope: OrgScope,
  referralId: string,
  caseId: string,
): Promise<void> {
  await db
    .updateTable('parties')
    .set({ case_id: caseId })
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', referralId)
    .execute()
}
