import type { Db } from '../../db/connect'
import type { CaseRow } from '../../db/repositories/cases.repository'
import {
  listRoomsOfVenues,
  listVenues,
  type CentreRow,
  type RoomRow,
  type VenueRow,
} from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import {
  listClosures,
  listLiveSessionsBetween,
  listOpenings,
  type SessionListRow,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { readinessOf } from '../cases/case-file'
import { AppError } from '../errors'
import { venueEntrances } from '../organisation/organisation.presenter'
import type { Names } from './schedule.presenter'
import {
  addMinutes,
  bookingConflicts,
  localParts,
  plusDays,
  sessionTimes,
  zonedInstant,
  type BookingFacts,
  type ClosureFacts,
  type ExistingSession,
  type OpeningFacts,
  type SessionTimes,
} from './schedule.rules'
import type { ArrivalRules, Conflict, SchedulingSettings } from './scheduling.schemas'

/** Everything a booking is checked against, loaded once inside the booking transaction. */
export interface BookingContext {
  centre: CentreRow
  settings: SchedulingSettings
  venues: Map<string, VenueRow>
  rooms: Map<string, RoomRow>
  openings: OpeningFacts[]
  closures: ClosureFacts[]
  sessions: ExistingSession[]
}

export const toExisting = (row: SessionListRow): ExistingSession => ({
  id: row.id,
  caseId: row.case_id,
  roomId: row.room_id,
  venueId: row.venue_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  occupiedFrom: row.occupied_from,
  occupiedUntil: row.occupied_until,
  capacityWeight: row.capacity_weight,
  reference: row.case_reference,
})

/** Loads the centre's premises, opening hours, closures and live sessions between two local days. */
export async function loadBookingContext(
  db: Db,
  actor: Actor,
  centre: CentreRow,
  settings: SchedulingSettings,
  fromDay: string,
  toDay: string,
): Promise<BookingContext> {
  const scope = scopeOf(actor)
  const venues = await listVenues(db, scope, centre.id)
  const venueIds = venues.map((v) => v.id)
  const [rooms, openings, closures, sessions] = await Promise.all([
    listRoomsOfVenues(db, scope, venueIds),
    listOpenings(db, scope, venueIds),
    listClosures(db, scope, centre.id, fromDay),
    listLiveSessionsBetween(
      db,
      scope,
      centre.id,
      zonedInstant(plusDays(fromDay, -1), '00:00', centre.time_zone),
      zonedInstant(plusDays(toDay, 2), '00:00', centre.time_zone),
    ),
  ])
  return {
    centre,
    settings,
    venues: new Map(venues.map((v) => [v.id, v])),
    rooms: new Map(rooms.map((r) => [r.id, r])),
    // A retired opening ends on its last day: it still counts for the days it was open.
    openings: openings.map((o) => ({
      id: o.id,
      venueId: o.venue_id,
      weekday: o.weekday,
      startsAt: o.starts_at_time,
      endsAt: o.ends_at_time,
      everyWeeks: o.every_weeks,
      firstOn: o.first_on,
      lastOn: o.last_on,
      capacityUnits: o.capacity_units,
    })),
    closures: closures.map((c) => ({
      id: c.id,
      venueId: c.venue_id,
      firstDay: c.first_day,
      lastDay: c.last_day,
      reason: c.reason,
    })),
    sessions: sessions.map(toExisting),
  }
}

/** Where and how a case's sessions happen: venue, room, arrival protocol, travel. */
export interface Placement {
  venueId: string | null
  roomId: string | null
  arrival: ArrivalRules
  offsite: boolean
  travelMinutes: number
}

/**
 * Checks that the venue, rooms and entrances belong to the centre, and that an off-site session is
 * the only kind without a venue. @throws AppError INVALID_INPUT naming the field.
 */
export function assertPlacement(ctx: BookingContext, placement: Placement): void {
  const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', message, { field })
  if (!placement.offsite && !placement.venueId)
    throw invalid(
      'venueId',
      'Choose the venue, or give the off-site place for a session away from the centre',
    )
  const venue = placement.venueId ? ctx.venues.get(placement.venueId) : undefined
  if (placement.venueId && (!venue || venue.archived_at !== null))
    throw invalid('venueId', 'That venue is not one of this centre’s open venues')
  const inVenue = (roomId: string | null, field: string) => {
    if (roomId === null) return
    const room = ctx.rooms.get(roomId)
    if (!room || room.venue_id !== placement.venueId || room.archived_at !== null)
      throw invalid(field, 'That room is not in the chosen venue')
  }
  if (!placement.offsite && !placement.roomId) throw invalid('roomId', 'Choose the room the family will use')
  inVenue(placement.roomId, 'roomId')
  inVenue(placement.arrival.resident.waitingRoomId, 'arrival.resident.waitingRoomId')
  inVenue(placement.arrival.nonResident.waitingRoomId, 'arrival.nonResident.waitingRoomId')
  const doors = venue ? venueEntrances(venue) : []
  for (const [field, entrance] of [
    ['arrival.resident.entrance', placement.arrival.resident.entrance],
    ['arrival.nonResident.entrance', placement.arrival.nonResident.entrance],
  ] as const)
    if (entrance !== null && !doors.includes(entrance))
      throw invalid(field, `The venue’s entrances are: ${doors.join(', ') || 'none named'}`)
}

export interface Candidate {
  date: string
  times: SessionTimes
}

/** A candidate's times from a local date and time, with the placement's arrival protocol. */
export function candidateOn(
  ctx: BookingContext,
  placement: Placement,
  date: string,
  startsAt: string,
  durationMinutes: number,
): Candidate {
  return {
    date,
    times: sessionTimes(
      date,
      startsAt,
      durationMinutes,
      ctx.centre.time_zone,
      placement.arrival,
      placement.travelMinutes,
    ),
  }
}

/** The rules one candidate breaks against the centre's other live sessions (minus `ignoreIds`). */
export function conflictsOf(
  ctx: BookingContext,
  found: Pick<CaseRow, 'id' | 'capacity_weight'>,
  placement: Placement,
  candidate: Candidate,
  ignoreIds: ReadonlySet<string> = new Set(),
): Conflict[] {
  const room = placement.roomId ? ctx.rooms.get(placement.roomId) : undefined
  const facts: BookingFacts = {
    date: candidate.date,
    times: candidate.times,
    caseId: found.id,
    roomId: placement.roomId,
    roomName: room?.name ?? null,
    roomCapacity: room?.capacity_families ?? 1,
    venueId: placement.venueId,
    offsite: placement.offsite,
    capacityWeight: found.capacity_weight,
    entrances: {
      resident: placement.arrival.resident.entrance,
      nonResident: placement.arrival.nonResident.entrance,
    },
  }
  // Only the sessions of that day matter; the bounds are computed once, not per session.
  const from = addMinutes(candidate.times.occupiedFrom, -24 * 60)
  const to = addMinutes(candidate.times.occupiedUntil, 24 * 60)
  const others = ctx.sessions.filter(
    (s) => s.occupiedFrom < to && s.occupiedUntil > from && !ignoreIds.has(s.id),
  )
  return bookingConflicts(facts, others, ctx.openings, ctx.closures, ctx.centre.time_zone, ctx.settings)
}

/**
 * R-INT-1 to 4 inside the booking transaction: no session before the pre-visits and signed ground
 * rules. The earliest live session of the case is the one the readiness rules are about.
 * @throws AppError CONFLICT with each blocker's rule.
 */
export async function readinessConflicts(
  db: Db,
  actor: Actor,
  found: CaseRow,
  ctx: BookingContext,
  earliestNewDate: string,
): Promise<Conflict[]> {
  if (found.status !== 'active')
    return [{ rule: 'case-closed', message: 'The case is closed.', date: earliestNewDate, clashesWith: [] }]
  const earlierLive = ctx.sessions
    .filter((s) => s.caseId === found.id)
    .map((s) => localParts(s.startsAt, ctx.centre.time_zone).date)
  const first = [earliestNewDate, ...earlierLive].sort()[0] ?? earliestNewDate
  const readiness = await readinessOf(db, actor, found, first)
  return readiness.blockers.map((b) => ({ rule: b.rule, message: b.message, date: first, clashesWith: [] }))
}

export async function assertReady(
  db: Db,
  actor: Actor,
  found: CaseRow,
  ctx: BookingContext,
  earliestNewDate: string,
): Promise<void> {
  const conflicts = await readinessConflicts(db, actor, found, ctx, earliestNewDate)
  if (conflicts.some((c) => c.rule === 'case-closed'))
    throw new AppError('CONFLICT', 'The case is closed', { rule: 'case-closed' })
  if (conflicts.length > 0)
    throw new AppError('CONFLICT', 'The family is not ready for a first session yet', {
      rule: 'R-INT',
      conflicts,
    })
}

/** Names for presenting a centre's sessions: rooms, venues and each family's children. */
export async function namesFor(
  db: Db,
  actor: Actor,
  centre: CentreRow,
  cases: readonly Pick<CaseRow, 'id' | 'referral_id'>[],
  ctx?: Pick<BookingContext, 'rooms' | 'venues'>,
): Promise<Names> {
  const scope = scopeOf(actor)
  let venues = ctx?.venues
  let rooms = ctx?.rooms
  if (!venues || !rooms) {
    const list = await listVenues(db, scope, centre.id)
    venues = new Map(list.map((v) => [v.id, v]))
    rooms = new Map(
      (
        await listRoomsOfVenues(
          db,
          scope,
          list.map((v) => v.id),
        )
      ).map((r) => [r.id, r]),
    )
  }
  const parties = await listPartiesOfReferrals(
    db,
    scope,
    cases.map((c) => c.referral_id),
  )
  const families = new Map<string, string>()
  for (const c of cases)
    families.set(c.id, childrenNames(parties.filter((p) => p.referral_id === c.referral_id)).join(', '))
  return { timeZone: centre.time_zone, rooms, venues, families }
}

export const childrenNames = (parties: readonly PartyRow[]): string[] =>
  parties.filter((p) => p.kind === 'child').map((p) => p.full_name)
