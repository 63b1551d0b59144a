import {
  findCentre,
  findRoom,
  findVenue,
  insertRoom,
  insertVenue,
  listRoomsOfVenues,
  updateRoom as updateRoomRow,
  updateVenue as updateVenueRow,
} from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { newId } from '../shared/ids'
import { assertCan, canManageCentrePremises, canSeeCentre } from './organisation.policy'
import { presentRoom, presentVenue } from './organisation.presenter'
import type {
  CreateRoomInput,
  CreateVenueInput,
  RoomView,
  UpdateRoomInput,
  UpdateVenueInput,
  VenueView,
} from './organisation.schemas'

const archivedAt = (archived: boolean | undefined, now: string): { archived_at?: string | null } =>
  archived === undefined ? {} : { archived_at: archived ? now : null }

/** @throws AppError NOT_FOUND for a centre outside the organisation; FORBIDDEN unless admin or its coordinator. */
export async function createVenue(
  deps: Deps,
  actor: Actor,
  centreId: string,
  input: CreateVenueInput,
): Promise<VenueView> {
  return deps.db.transaction().execute(async (trx) => {
    const centre = await findCentre(trx, scopeOf(actor), centreId)
    if (!centre || !canSeeCentre(actor, centre.id)) throw notFound('Centre')
    assertCan(canManageCentrePremises(actor, centre.id))
    const now = deps.clock.now().toISOString()
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: centre.id,
      name: input.name,
      address: input.address,
      has_separate_entrances: input.hasSeparateEntrances || (input.entrances?.length ?? 0) > 1 ? 1 : 0,
      entrances: input.entrances ? JSON.stringify(input.entrances) : null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    }
    await insertVenue(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'venue.create',
      resourceType: 'venue',
      resourceIds: [row.id, centre.id],
    })
    return presentVenue(row, [])
  })
}

/** Renames, re-addresses or archives a venue (archived venues keep their history). */
export async function updateVenue(
  deps: Deps,
  actor: Actor,
  venueId: string,
  input: UpdateVenueInput,
): Promise<VenueView> {
  return deps.db.transaction().execute(async (trx) => {
    const venue = await findVenue(trx, scopeOf(actor), venueId)
    if (!venue || !canSeeCentre(actor, venue.centre_id)) throw notFound('Venue')
    assertCan(canManageCentrePremises(actor, venue.centre_id))
    const now = deps.clock.now().toISOString()
    await updateVenueRow(trx, scopeOf(actor), venueId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.hasSeparateEntrances !== undefined && {
        has_separate_entrances: input.hasSeparateEntrances ? 1 : 0,
      }),
      ...(input.entrances !== undefined && {
        entrances: JSON.stringify(input.entrances),
        has_separate_entrances: input.entrances.length > 1 ? 1 : 0,
      }),
      ...archivedAt(input.archived, now),
      updated_at: now,
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'venue.update',
      resourceType: 'venue',
      resourceIds: [venueId],
      details: { fields: Object.keys(input) },
    })
    const updated = await findVenue(trx, scopeOf(actor), venueId)
    if (!updated) throw notFound('Venue')
    return presentVenue(updated, await listRoomsOfVenues(trx, scopeOf(actor), [venueId]))
  })
}

export async function createRoom(
  deps: Deps,
  actor: Actor,
  venueId: string,
  input: CreateRoomInput,
): Promise<RoomView> {
  return deps.db.transaction().execute(async (trx) => {
    const venue = await findVenue(trx, scopeOf(actor), venueId)
    if (!venue || !canSeeCentre(actor, venue.centre_id)) throw notFound('Venue')
    assertCan(canManageCentrePremises(actor, venue.centre_id))
    const now = deps.clock.now().toISOString()
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      venue_id: venue.id,
      name: input.name,
      kind: input.kind,
      capacity_families: input.capacityFamilies,
      archived_at: null,
      created_at: now,
      updated_at: now,
    }
    await insertRoom(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'room.create',
      resourceType: 'room',
      resourceIds: [row.id, venue.id],
    })
    return presentRoom(row)
  })
}

export async function updateRoom(
  deps: Deps,
  actor: Actor,
  roomId: string,
  input: UpdateRoomInput,
): Promise<RoomView> {
  return deps.db.transaction().execute(async (trx) => {
    const room = await findRoom(trx, scopeOf(actor), roomId)
    const venue = room ? await findVenue(trx, scopeOf(actor), room.venue_id) : undefined
    if (!room || !venue || !canSeeCentre(actor, venue.centre_id)) throw notFound('Room')
    assertCan(canManageCentrePremises(actor, venue.centre_id))
    const now = deps.clock.now().toISOString()
    await updateRoomRow(trx, scopeOf(actor), roomId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.capacityFamilies !== undefined && { capacity_families: input.capacityFamilies }),
      ...archivedAt(input.archived, now),
      updated_at: now,
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'room.update',
      resourceType: 'room',
      resourceIds: [roomId],
      details: { fields: Object.keys(input) },
    })
    const updated = await findRoom(trx, scopeOf(actor), roomId)
    if (!updated) throw notFound('Room')
    return presentRoom(updated)
  })
}
