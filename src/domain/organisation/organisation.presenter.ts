import type {
  CentreRow,
  OrganisationRow,
  RoomRow,
  VenueRow,
} from '../../db/repositories/organisations.repository'
import type { CentreView, OrganisationView, RoomView, VenueView } from './organisation.schemas'
import { RoomKindSchema } from './organisation.schemas'

export const presentOrganisation = (row: OrganisationRow): OrganisationView => ({
  id: row.id,
  name: row.name,
  requireStaffTwoFactor: row.require_staff_mfa === 1,
})

export const presentCentre = (row: CentreRow): CentreView => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
})

export const presentRoom = (row: RoomRow): RoomView => ({
  id: row.id,
  venueId: row.venue_id,
  name: row.name,
  kind: RoomKindSchema.catch('other').parse(row.kind),
  capacityFamilies: row.capacity_families,
  archived: row.archived_at !== null,
})

/** A venue's named entrances; one that never named them has a main entrance (and a second when it has two). */
export function venueEntrances(row: Pick<VenueRow, 'entrances' | 'has_separate_entrances'>): string[] {
  if (row.entrances) return JSON.parse(row.entrances) as string[]
  return row.has_separate_entrances === 1 ? ['Main entrance', 'Second entrance'] : ['Main entrance']
}

export const presentVenue = (row: VenueRow, rooms: RoomRow[]): VenueView => ({
  id: row.id,
  centreId: row.centre_id,
  name: row.name,
  address: row.address,
  hasSeparateEntrances: row.has_separate_entrances === 1,
  entrances: venueEntrances(row),
  archived: row.archived_at !== null,
  rooms: rooms.filter((room) => room.venue_id === row.id).map(presentRoom),
})
