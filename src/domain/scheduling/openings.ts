import type { Db } from '../../db/connect'
import {
  findCentre,
  findVenue,
  listRoomsOfVenues,
  type VenueRow,
} from '../../db/repositories/organisations.repository'
import { findCase } from '../../db/repositories/cases.repository'
import {
  deleteClosure,
  findClosure,
  findOpening,
  insertClosure,
  insertOpening,
  listActivePlansOfVenue,
  listClosures,
  listFutureSessionsOfVenue,
  listOpenings,
  lockCentreForBooking,
  updateOpening,
  updatePlan,
  type ClosureRow,
  type OpeningRow,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { assertCan, canManageCentrePremises, canSeeCentre } from '../organisation/organisation.policy'
import { venueEntrances } from '../organisation/organisation.presenter'
import { newId } from '../shared/ids'
import { conflictsOf, loadBookingContext, type Placement } from './booking'
import { localParts, plusDays, weekdayOf } from './schedule.rules'
import { loadSchedulingSettings } from './scheduling-settings'
import type {
  ClosureView,
  CreateClosureInput,
  CreateOpeningInput,
  OpeningView,
  RehomeInput,
  UpdateOpeningInput,
} from './scheduling.schemas'
import { ArrivalRulesSchema } from './scheduling.schemas'

export const presentOpening = (row: OpeningRow): OpeningView => ({
  id: row.id,
  venueId: row.venue_id,
  weekday: row.weekday,
  startsAt: row.starts_at_time,
  endsAt: row.ends_at_time,
  everyWeeks: row.every_weeks,
  firstOn: row.first_on,
  lastOn: row.last_on,
  capacityUnits: row.capacity_units,
  archived: row.archived_at !== null,
})

export const presentClosure = (row: ClosureRow): ClosureView => ({
  id: row.id,
  centreId: row.centre_id,
  venueId: row.venue_id,
  firstDay: row.first_day,
  lastDay: row.last_day,
  reason: row.reason,
})

/** The venue, when the actor may see its centre; others get NOT_FOUND. */
async function visibleVenue(db: Db, actor: Actor, venueId: string): Promise<VenueRow> {
  const venue = await findVenue(db, scopeOf(actor), venueId)
  if (!venue || !canSeeCentre(actor, venue.centre_id)) throw notFound('Venue')
  return venue
}

const assertTimes = (startsAt: string, endsAt: string) => {
  if (endsAt <= startsAt)
    throw new AppError('INVALID_INPUT', 'An opening session ends after it starts', { field: 'endsAt' })
}

/** When a venue opens, and the centre's closures from today on. */
export async function listVenueOpenings(
  deps: Deps,
  actor: Actor,
  venueId: string,
): Promise<{ openings: OpeningView[]; closures: ClosureView[] }> {
  const venue = await visibleVenue(deps.db, actor, venueId)
  const centre = await findCentre(deps.db, scopeOf(actor), venue.centre_id)
  const today = localParts(deps.clock.now().toISOString(), centre?.time_zone ?? 'UTC').date
  const [openings, closures] = await Promise.all([
    listOpenings(deps.db, scopeOf(actor), [venue.id]),
    listClosures(deps.db, scopeOf(actor), venue.centre_id, today),
  ])
  return {
    openings: openings.map(presentOpening),
    closures: closures.filter((c) => c.venue_id === null || c.venue_id === venue.id).map(presentClosure),
  }
}

/** Adds an opening session (e.g. every other Saturday 10:00–16:00). */
export async function createOpening(
  deps: Deps,
  actor: Actor,
  venueId: string,
  input: CreateOpeningInput,
): Promise<OpeningView> {
  return deps.db.transaction().execute(async (trx) => {
    const venue = await visibleVenue(trx, actor, venueId)
    assertCan(canManageCentrePremises(actor, venue.centre_id))
    assertTimes(input.startsAt, input.endsAt)
    if (input.lastOn !== null && input.lastOn < input.firstOn)
      throw new AppError('INVALID_INPUT', 'The last date is before the first', { field: 'lastOn' })
    // The first date moves on to the opening's weekday: every other week counts from a day it runs.
    const firstOn = plusDays(input.firstOn, (input.weekday - weekdayOf(input.firstOn) + 7) % 7)
    if (input.lastOn !== null && input.lastOn < firstOn)
      throw new AppError('INVALID_INPUT', 'The last date is before the first day the opening runs', {
        field: 'lastOn',
      })
    const now = deps.clock.now().toISOString()
    const row: OpeningRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      venue_id: venue.id,
      weekday: input.weekday,
      starts_at_time: input.startsAt,
      ends_at_time: input.endsAt,
      every_weeks: input.everyWeeks,
      first_on: firstOn,
      last_on: input.lastOn,
      capacity_units: input.capacityUnits,
      staffing: null,
      archived_at: null,
      created_at: now,
      updated_at: now,
    }
    await insertOpening(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'opening.create',
      resourceType: 'venue',
      resourceIds: [venue.id, row.id],
    })
    return presentOpening(row)
  })
}

export async function changeOpening(
  deps: Deps,
  actor: Actor,
  openingId: string,
  input: UpdateOpeningInput,
): Promise<OpeningView> {
  return deps.db.transaction().execute(async (trx) => {
    const opening = await findOpening(trx, scopeOf(actor), openingId)
    if (!opening) throw notFound('Opening session')
    const venue = await visibleVenue(trx, actor, opening.venue_id).catch(() => {
      throw notFound('Opening session')
    })
    assertCan(canManageCentrePremises(actor, venue.centre_id))
    assertTimes(input.startsAt ?? opening.starts_at_time, input.endsAt ?? opening.ends_at_time)
    const now = deps.clock.now().toISOString()
    const centre = await findCentre(trx, scopeOf(actor), venue.centre_id)
    const yesterday = plusDays(localParts(now, centre?.time_zone ?? 'UTC').date, -1)
    // Retiring ends the opening yesterday: the days it was open stay in the calendar's history.
    const retire = input.archived === true && opening.archived_at === null
    const retiredLastOn =
      opening.last_on !== null && opening.last_on < yesterday ? opening.last_on : yesterday
    const lastOn = retire ? retiredLastOn : input.archived === false ? (input.lastOn ?? null) : input.lastOn
    const changes = {
      ...(input.startsAt !== undefined && { starts_at_time: input.startsAt }),
      ...(input.endsAt !== undefined && { ends_at_time: input.endsAt }),
      ...(lastOn !== undefined && { last_on: lastOn }),
      ...(input.capacityUnits !== undefined && { capacity_units: input.capacityUnits }),
      ...(input.archived !== undefined && {
        archived_at: input.archived ? (opening.archived_at ?? now) : null,
      }),
      updated_at: now,
    }
    await updateOpening(trx, scopeOf(actor), opening.id, changes)
    await auditAs(trx, deps.clock, actor, {
      action: 'opening.update',
      resourceType: 'venue',
      resourceIds: [venue.id, opening.id],
      details: { fields: Object.keys(input) },
    })
    return presentOpening({ ...opening, ...changes })
  })
}

/**
 * Closes the centre (or one venue) for some days: a bank holiday, the summer break. Sessions already
 * booked then are listed so the coordinator can move or cancel them; nothing is cancelled silently.
 */
export async function createClosure(
  deps: Deps,
  actor: Actor,
  centreId: string,
  input: CreateClosureInput,
): Promise<{ closure: ClosureView; affectedSessionIds: string[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const centre = await findCentre(trx, scopeOf(actor), centreId)
    if (!centre || !canSeeCentre(actor, centre.id)) throw notFound('Centre')
    assertCan(canManageCentrePremises(actor, centre.id))
    if (input.lastDay < input.firstDay)
      throw new AppError('INVALID_INPUT', 'The last day is before the first', { field: 'lastDay' })
    if (input.venueId !== null) {
      const venue = await findVenue(trx, scopeOf(actor), input.venueId)
      if (!venue || venue.centre_id !== centre.id)
        throw new AppError('INVALID_INPUT', 'That venue is not one of this centre’s', { field: 'venueId' })
    }
    const now = deps.clock.now().toISOString()
    const row: ClosureRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: centre.id,
      venue_id: input.venueId,
      first_day: input.firstDay,
      last_day: input.lastDay,
      reason: input.reason,
      created_by_user_id: actor.userId,
      created_at: now,
    }
    await insertClosure(trx, row)
    const affected = await trx
      .selectFrom('sessions')
      .select('id')
      .where('organisation_id', '=', actor.organisationId)
      .where('centre_id', '=', centre.id)
      .where('status', '=', 'scheduled')
      .where('local_date', '>=', input.firstDay)
      .where('local_date', '<=', input.lastDay)
      .$if(input.venueId !== null, (q) => q.where('venue_id', '=', input.venueId ?? ''))
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'closure.create',
      resourceType: 'centre',
      resourceIds: [centre.id, row.id],
      details: { affected: affected.length },
    })
    return { closure: presentClosure(row), affectedSessionIds: affected.map((s) => s.id) }
  })
}

export async function removeClosure(deps: Deps, actor: Actor, closureId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const closure = await findClosure(trx, scopeOf(actor), closureId)
    if (!closure || !canSeeCentre(actor, closure.centre_id)) throw notFound('Closure')
    assertCan(canManageCentrePremises(actor, closure.centre_id))
    await deleteClosure(trx, scopeOf(actor), closure.id)
    await auditAs(trx, deps.clock, actor, {
      action: 'closure.delete',
      resourceType: 'centre',
      resourceIds: [closure.centre_id, closure.id],
      details: { firstDay: closure.first_day, lastDay: closure.last_day },
    })
  })
}

/**
 * Moves a venue's future sessions and active plans to a new venue of the same centre, room by room.
 * Past sessions keep the old venue, so history is not rewritten. Every re-homed session is checked
 * against the new venue's hours and rooms; any clash refuses the whole move.
 */
export async function rehomeVenue(
  deps: Deps,
  actor: Actor,
  venueId: string,
  input: RehomeInput,
): Promise<{ sessionsMoved: number; plansMoved: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const from = await visibleVenue(trx, actor, venueId)
    assertCan(canManageCentrePremises(actor, from.centre_id))
    const to = await findVenue(trx, scope, input.toVenueId)
    if (!to || to.centre_id !== from.centre_id || to.archived_at !== null || to.id === from.id)
      throw new AppError('INVALID_INPUT', 'Choose another open venue of the same centre', {
        field: 'toVenueId',
      })
    const centre = await findCentre(trx, scope, from.centre_id)
    if (!centre) throw notFound('Venue')
    await lockCentreForBooking(trx, scope, centre.id)
    const newRooms = new Set((await listRoomsOfVenues(trx, scope, [to.id])).map((r) => r.id))
    for (const [oldRoom, newRoom] of Object.entries(input.rooms))
      if (!newRooms.has(newRoom))
        throw new AppError('INVALID_INPUT', 'Each room must map to a room of the new venue', {
          field: `rooms.${oldRoom}`,
        })
    const now = deps.clock.now().toISOString()
    // A session whose first party has already arrived took place where it was booked: it stays.
    const sessions = (await listFutureSessionsOfVenue(trx, scope, from.id, input.from)).filter(
      (s) => s.occupied_from > now,
    )
    // Plans still running on or after the date move with their sessions; finished ones stay as history.
    const plans = await listActivePlansOfVenue(trx, scope, from.id, input.from)
    const unmapped = [...sessions, ...plans].filter((s) => s.room_id && !input.rooms[s.room_id])
    if (unmapped.length > 0)
      throw new AppError('INVALID_INPUT', 'Say which new room each booked room moves to', {
        field: 'rooms',
        missing: [...new Set(unmapped.map((s) => s.room_id))],
      })
    const settings = await loadSchedulingSettings(trx, scope)
    const lastDay =
      sessions
        .map((s) => s.local_date)
        .sort()
        .at(-1) ?? input.from
    const ctx = await loadBookingContext(trx, actor, centre, settings, input.from, lastDay)
    const moving = new Set(sessions.map((s) => s.id))
    ctx.sessions = ctx.sessions.filter((s) => !moving.has(s.id))
    const doors = venueEntrances(to)
    const keepDoor = (door: string | null) => (door && doors.includes(door) ? door : null)
    const mapRoom = (id: string | null) => (id ? (input.rooms[id] ?? null) : null)
    const conflicts = []
    for (const session of sessions) {
      const found = await findCase(trx, scope, session.case_id)
      if (!found) continue
      const roomId = session.room_id ? (input.rooms[session.room_id] ?? null) : null
      const placement: Placement = {
        venueId: to.id,
        roomId,
        arrival: {
          ...ArrivalRulesSchema.parse({
            firstArrivingParty: session.first_party,
            arrivalOffsetMinutes: 0,
            departureHoldMinutes: 0,
            resident: { entrance: null, waitingRoomId: null },
            nonResident: { entrance: null, waitingRoomId: null },
          }),
          resident: {
            entrance: keepDoor(session.resident_entrance),
            waitingRoomId: mapRoom(session.resident_waiting_room_id),
          },
          nonResident: {
            entrance: keepDoor(session.non_resident_entrance),
            waitingRoomId: mapRoom(session.non_resident_waiting_room_id),
          },
        },
        offsite: false,
        travelMinutes: 0,
      }
      const candidate = {
        date: session.local_date,
        times: {
          startsAt: session.starts_at,
          endsAt: session.ends_at,
          occupiedFrom: session.occupied_from,
          occupiedUntil: session.occupied_until,
          resident: { arrivesAt: session.resident_arrives_at, leavesAt: session.resident_leaves_at },
          nonResident: {
            arrivesAt: session.non_resident_arrives_at,
            leavesAt: session.non_resident_leaves_at,
          },
        },
      }
      const clashes = conflictsOf(ctx, found, placement, candidate)
      conflicts.push(...clashes)
      ctx.sessions.push({
        id: session.id,
        caseId: session.case_id,
        roomId,
        venueId: to.id,
        startsAt: session.starts_at,
        endsAt: session.ends_at,
        occupiedFrom: session.occupied_from,
        occupiedUntil: session.occupied_until,
        capacityWeight: session.capacity_weight,
        reference: found.reference,
      })
      await trx
        .updateTable('sessions')
        .set({
          venue_id: to.id,
          room_id: roomId,
          resident_entrance: placement.arrival.resident.entrance,
          resident_waiting_room_id: placement.arrival.resident.waitingRoomId,
          non_resident_entrance: placement.arrival.nonResident.entrance,
          non_resident_waiting_room_id: placement.arrival.nonResident.waitingRoomId,
          version: session.version + 1,
          updated_at: now,
        })
        .where('id', '=', session.id)
        .where('organisation_id', '=', scope.organisationId)
        .execute()
    }
    if (conflicts.length > 0)
      throw new AppError('CONFLICT', 'Some sessions would not fit at the new venue; nothing was moved', {
        rule: 'SCH',
        conflicts,
      })
    // A plan's own doors and waiting areas follow the same map as its sessions'.
    const place = (p: { entrance: string | null; waitingRoomId: string | null }) => ({
      entrance: keepDoor(p.entrance),
      waitingRoomId: mapRoom(p.waitingRoomId),
    })
    for (const plan of plans) {
      const arrival = ArrivalRulesSchema.parse(JSON.parse(plan.arrival))
      await updatePlan(trx, scope, plan.id, {
        venue_id: to.id,
        room_id: mapRoom(plan.room_id),
        arrival: JSON.stringify({
          ...arrival,
          resident: place(arrival.resident),
          nonResident: place(arrival.nonResident),
        }),
        updated_at: now,
      })
    }
    const plansMoved = plans.length
    await auditAs(trx, deps.clock, actor, {
      action: 'venue.rehome',
      resourceType: 'venue',
      resourceIds: [from.id, to.id],
      details: { from: input.from, sessions: sessions.length, plans: plansMoved },
    })
    return { sessionsMoved: sessions.length, plansMoved }
  })
}
