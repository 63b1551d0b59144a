import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type {
  AvailabilityExceptionsTable,
  PoliciesTable,
  PolicyAcknowledgementsTable,
  PolicyVersionsTable,
  RotaAssignmentsTable,
  RotaSwapsTable,
  VolunteerHoursTable,
  VolunteerRecordsTable,
  VolunteerRequirementsTable,
  VolunteersTable,
} from '../database'
import type { OrgScope } from './users.repository'

export type VolunteerRow = Selectable<VolunteersTable>
export type RequirementRow = Selectable<VolunteerRequirementsTable>
export type RecordRow = Selectable<VolunteerRecordsTable>
export type PolicyRow = Selectable<PoliciesTable>
export type PolicyVersionRow = Selectable<PolicyVersionsTable>
export type AcknowledgementRow = Selectable<PolicyAcknowledgementsTable>
export type ExceptionRow = Selectable<AvailabilityExceptionsTable>
export type AssignmentRow = Selectable<RotaAssignmentsTable>
export type SwapRow = Selectable<RotaSwapsTable>
export type HoursRow = Selectable<VolunteerHoursTable>

// ---------- volunteers ----------

export const listVolunteers = (
  db: Db,
  scope: OrgScope,
  centreIds: readonly string[],
): Promise<VolunteerRow[]> =>
  centreIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteers')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('centre_id', 'in', centreIds)
        .orderBy('search_name')
        .orderBy('id')
        .execute()

export const findVolunteer = (db: Db, scope: OrgScope, id: string): Promise<VolunteerRow | undefined> =>
  db
    .selectFrom('volunteers')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export const listVolunteersOfUser = (db: Db, scope: OrgScope, userId: string): Promise<VolunteerRow[]> =>
  db
    .selectFrom('volunteers')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', userId)
    .where('stage', 'not in', ['left', 'withdrawn'])
    .orderBy('created_at')
    .execute()

export async function insertVolunteer(db: Db, row: Insertable<VolunteersTable>): Promise<void> {
  await db.insertInto('volunteers').values(row).execute()
}

/** Writes when the row is still at `version`; false when someone else changed it first. */
export async function updateVolunteerAtVersion(
  db: Db,
  scope: OrgScope,
  id: string,
  version: number,
  changes: Updateable<VolunteersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('volunteers')
    .set({ ...changes, version: version + 1 })
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function updateVolunteer(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<VolunteersTable>,
): Promise<void> {
  await db
    .updateTable('volunteers')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

// ---------- requirements and records ----------

export const listRequirements = (db: Db, scope: OrgScope): Promise<RequirementRow[]> =>
  db
    .selectFrom('volunteer_requirements')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute()

export async function insertRequirements(
  db: Db,
  rows: Insertable<VolunteerRequirementsTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('volunteer_requirements').values(rows).execute()
}

export async function updateRequirement(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<VolunteerRequirementsTable>,
): Promise<void> {
  await db
    .updateTable('volunteer_requirements')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

export const listRecords = (
  db: Db,
  scope: OrgScope,
  volunteerIds: readonly string[],
): Promise<RecordRow[]> =>
  volunteerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteer_records')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('volunteer_id', 'in', volunteerIds)
        .orderBy('completed_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute()

export const findRecord = (db: Db, scope: OrgScope, id: string): Promise<RecordRow | undefined> =>
  db
    .selectFrom('volunteer_records')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function insertRecord(db: Db, row: Insertable<VolunteerRecordsTable>): Promise<void> {
  await db.insertInto('volunteer_records').values(row).execute()
}

export async function updateRecord(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<VolunteerRecordsTable>,
): Promise<void> {
  await db
    .updateTable('volunteer_records')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

// ---------- policies ----------

export const listPolicies = (db: Db, scope: OrgScope): Promise<PolicyRow[]> =>
  db
    .selectFrom('policies')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('title')
    .execute()

export const listPolicyVersions = (db: Db, scope: OrgScope): Promise<PolicyVersionRow[]> =>
  db
    .selectFrom('policy_versions')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('policy_id')
    .orderBy('version', 'desc')
    .execute()

export const listAcknowledgements = (
  db: Db,
  scope: OrgScope,
  volunteerIds: readonly string[],
): Promise<AcknowledgementRow[]> =>
  volunteerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('policy_acknowledgements')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('volunteer_id', 'in', volunteerIds)
        .execute()

// ---------- availability ----------

export const listExceptions = (
  db: Db,
  scope: OrgScope,
  volunteerIds: readonly string[],
  fromDay: string,
): Promise<ExceptionRow[]> =>
  volunteerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('availability_exceptions')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('volunteer_id', 'in', volunteerIds)
        .where('last_day', '>=', fromDay)
        .orderBy('first_day')
        .execute()

// ---------- rota ----------

export const listAssignments = (
  db: Db,
  scope: OrgScope,
  centreId: string,
  fromDay: string,
  toDay: string,
): Promise<AssignmentRow[]> =>
  db
    .selectFrom('rota_assignments')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .where('on_date', '>=', fromDay)
    .where('on_date', '<=', toDay)
    .where('status', '=', 'assigned')
    .orderBy('starts_at')
    .orderBy('id')
    .execute()

export const listAssignmentsOfVolunteer = (
  db: Db,
  scope: OrgScope,
  volunteerId: string,
  fromDay: string,
  toDay: string,
): Promise<AssignmentRow[]> =>
  db
    .selectFrom('rota_assignments')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('volunteer_id', '=', volunteerId)
    .where('on_date', '>=', fromDay)
    .where('on_date', '<=', toDay)
    .where('status', '=', 'assigned')
    .orderBy('starts_at')
    .execute()

export const findAssignment = (db: Db, scope: OrgScope, id: string): Promise<AssignmentRow | undefined> =>
  db
    .selectFrom('rota_assignments')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

export async function insertAssignments(db: Db, rows: Insertable<RotaAssignmentsTable>[]): Promise<void> {
  // Chunks keep well inside SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('rota_assignments')
      .values(rows.slice(i, i + 200))
      .execute()
}

export async function updateAssignment(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<RotaAssignmentsTable>,
): Promise<void> {
  await db
    .updateTable('rota_assignments')
    .set(changes)
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .execute()
}

export const listOpenSwaps = (db: Db, scope: OrgScope, centreId: string): Promise<SwapRow[]> =>
  db
    .selectFrom('rota_swaps')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .where('status', '=', 'requested')
    .orderBy('requested_at')
    .execute()

export const listSwapsOfAssignments = (
  db: Db,
  scope: OrgScope,
  assignmentIds: readonly string[],
): Promise<SwapRow[]> =>
  assignmentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('rota_swaps')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('assignment_id', 'in', assignmentIds)
        .orderBy('requested_at', 'desc')
        .execute()

export const findSwap = (db: Db, scope: OrgScope, id: string): Promise<SwapRow | undefined> =>
  db
    .selectFrom('rota_swaps')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', id)
    .executeTakeFirst()

// ---------- hours ----------

export const listHours = (
  db: Db,
  scope: OrgScope,
  centreIds: readonly string[],
  fromDay: string,
  toDay: string,
): Promise<HoursRow[]> =>
  centreIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteer_hours')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('centre_id', 'in', centreIds)
        .where('on_date', '>=', fromDay)
        .where('on_date', '<=', toDay)
        .orderBy('on_date')
        .orderBy('created_at')
        .execute()

/**
 * What a volunteer's shifts need to be shown: the centre's venue names, and the case reference of
 * each session a supervisor or escort covers (references only: never a person's name).
 */
export async function shiftPlaces(
  db: Db,
  scope: OrgScope,
  centreId: string,
  assignments: readonly Pick<AssignmentRow, 'session_id'>[],
): Promise<{ venues: Map<string, string>; references: Map<string, string> }> {
  const sessionIds = assignments.flatMap((a) => (a.session_id ? [a.session_id] : []))
  const [venues, sessions] = await Promise.all([
    db
      .selectFrom('venues')
      .select(['id', 'name'])
      .where('organisation_id', '=', scope.organisationId)
      .where('centre_id', '=', centreId)
      .execute(),
    sessionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('sessions')
          .innerJoin('cases', 'cases.id', 'sessions.case_id')
          .select(['sessions.id', 'cases.reference'])
          .where('sessions.organisation_id', '=', scope.organisationId)
          .where('sessions.id', 'in', sessionIds)
          .execute(),
  ])
  return {
    venues: new Map(venues.map((v) => [v.id, v.name])),
    references: new Map(sessions.map((s) => [s.id, s.reference])),
  }
}
