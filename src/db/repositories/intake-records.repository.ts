import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type { CourtOrdersTable, DocumentsTable, PreVisitsTable, RiskAssessmentsTable } from '../database'
import type { OrgScope } from './users.repository'

// The records intake makes on a referral: pre-visits, risk assessments, documents and court orders.

export type PreVisitRow = Selectable<PreVisitsTable>
export type RiskAssessmentRow = Selectable<RiskAssessmentsTable>
export type DocumentRow = Omit<Selectable<DocumentsTable>, 'content_sealed'>
export type CourtOrderRow = Selectable<CourtOrdersTable>

export const listPreVisits = (db: Db, scope: OrgScope, referralId: string): Promise<PreVisitRow[]> =>
  db
    .selectFrom('pre_visits')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', referralId)
    .orderBy('scheduled_at')
    .execute()

export const findPreVisit = (db: Db, scope: OrgScope, id: string): Promise<PreVisitRow | undefined> =>
  db
    .selectFrom('pre_visits')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertPreVisit(db: Db, row: Insertable<PreVisitsTable>): Promise<void> {
  await db.insertInto('pre_visits').values(row).execute()
}

export async function updatePreVisit(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<PreVisitsTable>,
): Promise<void> {
  await db
    .updateTable('pre_visits')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

export const listRiskAssessments = (
  db: Db,
  scope: OrgScope,
  referralId: string,
): Promise<RiskAssessmentRow[]> =>
  db
    .selectFrom('risk_assessments')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', referralId)
    .orderBy('assessed_at')
    .execute()

export async function insertRiskAssessment(db: Db, row: Insertable<RiskAssessmentsTable>): Promise<void> {
  await db.insertInto('risk_assessments').values(row).execute()
}

export const listDocuments = (db: Db, scope: OrgScope, referralId: string): Promise<DocumentRow[]> =>
  db
    .selectFrom('documents')
    .select([
      'id',
      'organisation_id',
      'referral_id',
      'kind',
      'title',
      'content_type',
      'size_bytes',
      'uploaded_by_user_id',
      'created_at',
    ])
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .execute()

export const findDocument = (db: Db, scope: OrgScope, id: string) =>
  db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertDocument(db: Db, row: Insertable<DocumentsTable>): Promise<void> {
  await db.insertInto('documents').values(row).execute()
}

export const listCourtOrders = (db: Db, scope: OrgScope, referralId: string): Promise<CourtOrderRow[]> =>
  db
    .selectFrom('court_orders')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .execute()

export async function insertCourtOrders(db: Db, rows: Insertable<CourtOrdersTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('court_orders').values(rows).execute()
}

export async function moveReferralRecords(
  db: Db,
  scope: OrgScope,
  fromId: string,
  toId: string,
): Promise<void> {
  for (const table of ['court_orders', 'documents'] as const) {
    await db
      .updateTable(table)
      .set({ referral_id: toId })
      .where('organisation_id', '=', scope.organisationId)
      .where('referral_id', '=', fromId)
      .execute()
  }
}
