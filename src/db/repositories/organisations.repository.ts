import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../connect'
import type { CentresTable, OrganisationsTable, RoomsTable, VenuesTable } from '../database'
import type { OrgScope } from './users.repository'

export type OrganisationRow = Selectable<OrganisationsTable>
export type CentreRow = Selectable<CentresTable>
export type VenueRow = Selectable<VenuesTable>
export type RoomRow = Selectable<RoomsTable>

export const findOrganisation = (db: Db, scope: OrgScope): Promise<OrganisationRow | undefined> =>
  db.selectFrom('organisations').selectAll().where('id', '=', scope.organisationId).executeTakeFirst()

export async function insertOrganisation(db: Db, row: Insertable<OrganisationsTable>): Promise<void> {
  await db.insertInto('organisations').values(row).execute()
}

export async function updateOrganisation(
  db: Db,
  scope: OrgScope,
  changes: Updateable<OrganisationsTable>,
): Promise<void> {
  await db.updateTable('organisations').set(changes).where('id', '=', scope.organisationId).execute()
}

export const countOrganisations = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

export const listCentres = (db: Db, scope: OrgScope): Promise<CentreRow[]> =>
  db
    .selectFrom('centres')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('name')
    .execute()

export const findCentre = (db: Db, scope: OrgScope, id: string): Promise<CentreRow | undefined> =>
  db
    .selectFrom('centres')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertCentre(db: Db, row: Insertable<CentresTable>): Promise<void> {
  await db.insertInto('centres').values(row).execute()
}

export async function updateCentre(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<CentresTable>,
): Promise<void> {
  await db
    .updateTable('centres')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

export const listVenues = (db: Db, scope: OrgScope, centreId: string): Promise<VenueRow[]> =>
  db
    .selectFrom('venues')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .where('centre_id', '=', centreId)
    .orderBy('archived_at', 'desc')
    .orderBy('name')
    .execute()

export const findVenue = (db: Db, scope: OrgScope, id: string): Promise<VenueRow | undefined> =>
  db
    .selectFrom('venues')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertVenue(db: Db, row: Insertable<VenuesTable>): Promise<void> {
  await db.insertInto('venues').values(row).execute()
}

export async function updateVenue(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<VenuesTable>,
): Promise<void> {
  await db
    .updateTable('venues')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

export const listRoomsOfVenues = (db: Db, scope: OrgScope, venueIds: string[]): Promise<RoomRow[]> =>
  venueIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('rooms')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('venue_id', 'in', venueIds)
        .orderBy('name')
        .execute()

export const findRoom = (db: Db, scope: OrgScope, id: string): Promise<RoomRow | undefined> =>
  db
    .selectFrom('rooms')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()

export async function insertRoom(db: Db, row: Insertable<RoomsTable>): Promise<void> {
  await db.insertInto('rooms').values(row).execute()
}

export async function updateRoom(
  db: Db,
  scope: OrgScope,
  id: string,
  changes: Updateable<RoomsTable>,
): Promise<void> {
  await db
    .updateTable('rooms')
    .set(changes)
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .execute()
}

/** A centre and its organisation's name, for the public self-referral form (no one is signed in). */
export const findPublicCentre = (db: Db, centreId: string) =>
  db
    .selectFrom('centres')
    .innerJoin('organisations', 'organisations.id', 'centres.organisation_id')
    .select([
      'centres.id',
      'centres.name',
      'centres.time_zone',
      'centres.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where('centres.id', '=', centreId)
    .executeTakeFirst()
