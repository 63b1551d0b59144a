import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../connect'
import type { GroundRulesSignaturesTable, GroundRulesVersionsTable } from '../database'
import type { OrgScope } from './users.repository'

export type GroundRulesRow = Selectable<GroundRulesVersionsTable>
export type SignatureRow = Selectable<GroundRulesSignaturesTable>

export const findIntakeSettings = async (db: Db, scope: OrgScope): Promise<string | undefined> =>
  (
    await db
      .selectFrom('organisation_settings')
      .select('intake')
      .where('organisation_id', '=', scope.organisationId)
      .executeTakeFirst()
  )?.intake

export async function saveIntakeSettings(
  db: Db,
  scope: OrgScope,
  intake: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('organisation_settings')
    .values({ organisation_id: scope.organisationId, intake, updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ intake, updated_at: now }))
    .execute()
}

export const findCurrentGroundRules = (db: Db, scope: OrgScope): Promise<GroundRulesRow | undefined> =>
  db
    .selectFrom('ground_rules_versions')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()

export const findGroundRules = (db: Db, scope: OrgScope, id: string): Promise<GroundRulesRow | undefined> =>
  db
    .selectFrom('ground_rules_versions')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function insertGroundRules(db: Db, row: Insertable<GroundRulesVersionsTable>): Promise<void> {
  await db.insertInto('ground_rules_versions').values(row).execute()
}

export const listSignatures = (
  db: Db,
  scope: OrgScope,
  partyIds: readonly string[],
): Promise<SignatureRow[]> =>
  db
    .selectFrom('ground_rules_signatures')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('party_id', 'in', [...partyIds, ''])
    .execute()

/** Records a signature once; signing the same version twice changes nothing. */
export async function insertSignature(db: Db, row: Insertable<GroundRulesSignaturesTable>): Promise<void> {
  await db
    .insertInto('ground_rules_signatures')
    .values(row)
    .onConflict((oc) => oc.columns(['party_id', 'version_id']).doNothing())
    .execute()
}
