import type { PlanRow, SessionListRow } from '../../db/repositories/schedule.repository'
import type { RoomRow, VenueRow } from '../../db/repositories/organisations.repository'
import type { FieldCrypto } from '../shared/field-crypto'
import type { Side } from '../referrals/parties.schemas'
import {
  ArrivalRulesSchema,
  OffsiteSchema,
  type MySession,
  type PlanView,
  type SessionView,
} from './scheduling.schemas'
import { localParts } from './schedule.rules'

/** Names the presenter needs: rooms, venues and each case's children, looked up once per answer. */
export interface Names {
  timeZone: string
  rooms: ReadonlyMap<string, Pick<RoomRow, 'name'>>
  venues: ReadonlyMap<string, Pick<VenueRow, 'name' | 'address'>>
  /** Case id → the children's names, as the desk knows the family. */
  families: ReadonlyMap<string, string>
}

const unsealOffsite = (crypto: FieldCrypto, sealed: string | null) =>
  sealed ? OffsiteSchema.parse(JSON.parse(crypto.decrypt(sealed))) : null

export const sealOffsite = (crypto: FieldCrypto, offsite: unknown): string | null =>
  offsite ? crypto.encrypt(JSON.stringify(offsite)) : null

const roomName = (names: Names, id: string | null) => (id ? (names.rooms.get(id)?.name ?? null) : null)

/** A session as the centre's staff see it, with both parties' windows. */
export function presentSession(row: SessionListRow, names: Names, crypto: FieldCrypto): SessionView {
  const start = localParts(row.starts_at, names.timeZone)
  const end = localParts(row.ends_at, names.timeZone)
  const outcomeRecorded = row.outcome_recorded_at !== null
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    familyName: names.families.get(row.case_id) ?? null,
    planId: row.plan_id,
    occurrenceOn: row.occurrence_on,
    date: row.local_date,
    serviceType: row.service_type as SessionView['serviceType'],
    status: row.status as SessionView['status'],
    venueId: row.venue_id,
    venueName: row.venue_id ? (names.venues.get(row.venue_id)?.name ?? null) : null,
    roomId: row.room_id,
    roomName: roomName(names, row.room_id),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    localStart: start.time,
    localEnd: end.time,
    firstParty: row.first_party as Side,
    resident: {
      arrivesAt: row.resident_arrives_at,
      leavesAt: row.resident_leaves_at,
      entrance: row.resident_entrance,
      waitingRoom: roomName(names, row.resident_waiting_room_id),
    },
    nonResident: {
      arrivesAt: row.non_resident_arrives_at,
      leavesAt: row.non_resident_leaves_at,
      entrance: row.non_resident_entrance,
      waitingRoom: roomName(names, row.non_resident_waiting_room_id),
    },
    offsite: unsealOffsite(crypto, row.offsite_sealed),
    moved: row.moved === 1,
    capacityWeight: row.capacity_weight,
    cancellation:
      row.cancelled_by && row.cancelled_at
        ? {
            by: row.cancelled_by as 'centre' | 'resident' | 'non_resident',
            at: row.cancelled_at,
            noticeHours: row.cancel_notice_hours ?? 0,
            shortNotice: false,
            reason: row.cancel_reason ?? '',
          }
        : null,
    outcome: outcomeRecorded
      ? {
          resident: (row.resident_outcome as 'attended' | 'late' | 'did_not_attend' | null) ?? null,
          nonResident: (row.non_resident_outcome as 'attended' | 'late' | 'did_not_attend' | null) ?? null,
          explained: row.outcome_explained === 1,
          reason: row.outcome_reason,
        }
      : null,
    version: row.version,
  }
}

/** Marks cancellations that came with less notice than the centre asks for (R-SES-3). */
export function withNotice(view: SessionView, noticeHoursRequired: number): SessionView {
  if (!view.cancellation) return view
  return {
    ...view,
    cancellation: {
      ...view.cancellation,
      shortNotice: view.cancellation.by !== 'centre' && view.cancellation.noticeHours < noticeHoursRequired,
    },
  }
}

export function presentPlan(row: PlanRow, crypto: FieldCrypto): PlanView {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status === 'ended' ? 'ended' : 'active',
    serviceType: row.service_type as PlanView['serviceType'],
    frequency: row.frequency as PlanView['frequency'],
    weekOfMonth: row.week_of_month,
    dates: row.on_dates ? (JSON.parse(row.on_dates) as string[]) : [],
    firstOn: row.first_on,
    lastOn: row.last_on,
    startsAt: row.starts_at_time,
    durationMinutes: row.duration_minutes,
    venueId: row.venue_id,
    roomId: row.room_id,
    arrival: ArrivalRulesSchema.parse(JSON.parse(row.arrival)),
    offsite: unsealOffsite(crypto, row.offsite_sealed),
    notes: row.notes_sealed ? crypto.decrypt(row.notes_sealed) : null,
    endedReason: row.ended_reason,
    replacesPlanId: row.replaces_plan_id,
  }
}

const PARENT_STATUSES: Record<string, MySession['status']> = {
  scheduled: 'scheduled',
  cancelled: 'cancelled',
  completed: 'completed',
  did_not_attend: 'did_not_attend',
}

/**
 * A session as one parent sees it: their own arrival, departure, entrance and waiting area, and
 * nothing of the other party's (R-CONF-1). Off-site details stay with the desk.
 */
export function presentSessionForParent(
  row: SessionListRow,
  side: Side,
  names: Names,
  childrenNames: string[],
): MySession | null {
  const status = PARENT_STATUSES[row.status]
  if (!status) return null
  const own =
    side === 'resident'
      ? {
          arrivesAt: row.resident_arrives_at,
          leavesAt: row.resident_leaves_at,
          entrance: row.resident_entrance,
          waiting: row.resident_waiting_room_id,
        }
      : {
          arrivesAt: row.non_resident_arrives_at,
          leavesAt: row.non_resident_leaves_at,
          entrance: row.non_resident_entrance,
          waiting: row.non_resident_waiting_room_id,
        }
  const venue = row.venue_id ? names.venues.get(row.venue_id) : undefined
  return {
    id: row.id,
    date: row.local_date,
    status,
    serviceType: row.service_type as MySession['serviceType'],
    arrivesAt: own.arrivesAt,
    leavesAt: own.leavesAt,
    localArrival: localParts(own.arrivesAt, names.timeZone).time,
    localDeparture: localParts(own.leavesAt, names.timeZone).time,
    place:
      venue?.name ??
      (row.offsite_sealed ? 'Away from the centre: the centre will tell you where' : 'The centre'),
    address: venue?.address ?? null,
    entrance: own.entrance,
    waitingRoom: roomName(names, own.waiting),
    childrenNames,
  }
}
