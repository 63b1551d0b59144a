import {
  findCentre,
  insertCentre,
  listCentres as listCentreRows,
  listRoomsOfVenues,
  listVenues,
  updateCentre as updateCentreRow,
} from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { newId } from '../shared/ids'
import { assertCan, canManageOrganisation, canSeeCentre } from './organisation.policy'
import { presentCentre, presentVenue } from './organisation.presenter'
import type { CentreDetail, CentreView, CreateCentreInput, UpdateCentreInput } from './organisation.schemas'

/** The centres the actor works in. */
export async function listCentres(deps: Deps, actor: Actor): Promise<CentreView[]> {
  const rows = await listCentreRows(deps.db, scopeOf(actor))
  return rows.filter((row) => canSeeCentre(actor, row.id)).map(presentCentre)
}

/**
 * One centre with its venues and rooms.
 * @throws AppError NOT_FOUND when the centre is not in the actor's organisation or not theirs to see.
 */
export async function getCentre(deps: Deps, actor: Actor, centreId: string): Promise<CentreDetail> {
  const row = await findCentre(deps.db, scopeOf(actor), centreId)
  if (!row || !canSeeCentre(actor, row.id)) throw notFound('Centre')
  const venues = await listVenues(deps.db, scopeOf(actor), row.id)
  const rooms = await listRoomsOfVenues(
    deps.db,
    scopeOf(actor),
    venues.map((v) => v.id),
  )
  return { ...presentCentre(row), venues: venues.map((v) => presentVenue(v, rooms)) }
}

/** @throws AppError FORBIDDEN unless the actor is an admin. */
export async function createCentre(deps: Deps, actor: Actor, input: CreateCentreInput): Promise<CentreView> {
  assertCan(canManageOrganisation(actor))
  const now = deps.clock.now().toISOString()
  const row = {
    id: newId(),
    organisation_id: actor.organisationId,
    name: input.name,
    time_zone: input.timeZone,
    target_volunteers: null,
    created_at: now,
    updated_at: now,
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertCentre(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'centre.create',
      resourceType: 'centre',
      resourceIds: [row.id],
    })
  })
  return presentCentre(row)
}

/** @throws AppError NOT_FOUND for a centre outside the organisation; FORBIDDEN unless an admin. */
export async function updateCentre(
  deps: Deps,
  actor: Actor,
  centreId: string,
  input: UpdateCentreInput,
): Promise<CentreView> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await findCentre(trx, scopeOf(actor), centreId)
    if (!found) throw notFound('Centre')
    assertCan(canManageOrganisation(actor))
    await updateCentreRow(trx, scopeOf(actor), centreId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
      updated_at: deps.clock.now().toISOString(),
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'centre.update',
      resourceType: 'centre',
      resourceIds: [centreId],
      details: { fields: Object.keys(input) },
    })
    const updated = await findCentre(trx, scopeOf(actor), centreId)
    if (!updated) throw notFound('Centre')
    return presentCentre(updated)
  })
}
