import type { Insertable } from 'kysely'
import type { ContactPlansTable, SessionsTable } from '../../db/database'
import type { ArrivalRules } from '../scheduling/scheduling.schemas'
import { noticeHours, plusDays, sessionTimes, zonedInstant } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import type { HistoryDesk } from './demo-history-rows'
import type { HistoryEvent, HistoryPlan, HistorySession } from './demo-history-timeline'

/**
 * A family's plans and sessions at the hall, written as rows: booking checks today's venues, and
 * the hall is archived. Each row has the shape createPlan, cancelSession and recordOutcome leave.
 */
export interface HallSeries {
  caseId: string
  /** Whose series it is, for errors. */
  label: string
  frequency: 'weekly' | 'fortnightly' | 'monthly_weekday'
  weekOfMonth: number | null
  /** One plan per level, in order; each later one replaces the one before. */
  plans: readonly HistoryPlan[]
  sessions: readonly HistorySession[]
  /** Why the last plan ended, and when. */
  ended: { reason: string; at: string }
  /** Who comes first at each plan (the other party brings or collects the child). */
  firstParty: (plan: HistoryPlan) => ArrivalRules['firstArrivingParty']
  /** The family's capacity weight on a day (it follows the level). */
  weight: (date: string) => number
}

export interface HallPlace {
  venueId: string
  /** Room ids by name. */
  rooms: Record<string, string>
}

const CANCELLED: Partial<
  Record<HistoryEvent, { by: 'resident' | 'non_resident'; daysBefore: number; time: string; reason: string }>
> = {
  child_ill: {
    by: 'resident',
    daysBefore: 0,
    time: '07:45',
    reason: 'Rang at breakfast time: the child has a temperature.',
  },
  missed_ferry: {
    by: 'non_resident',
    daysBefore: 0,
    time: '08:20',
    reason: 'Rang that morning from St Malo: the ferry back was cancelled.',
  },
  working_away: {
    by: 'non_resident',
    daysBefore: 6,
    time: '18:30',
    reason: 'Working away that weekend; rang the Monday before.',
  },
  holiday: {
    by: 'resident',
    daysBefore: 13,
    time: '12:00',
    reason: 'A family holiday booked before the referral.',
  },
}
const CALLED_OFF = {
  by: 'centre',
  daysBefore: 1,
  time: '16:00',
  reason:
    'A burst pipe flooded the hall kitchen on the Saturday evening: every session that Sunday was called off.',
}

type Outcome = Pick<
  Insertable<SessionsTable>,
  'status' | 'resident_outcome' | 'non_resident_outcome' | 'outcome_explained' | 'outcome_reason'
>
const outcome = (
  status: string,
  resident: string,
  nonResident: string,
  explained: 0 | 1 = 0,
  reason: string | null = null,
): Outcome => ({
  status,
  resident_outcome: resident,
  non_resident_outcome: nonResident,
  outcome_explained: explained,
  outcome_reason: reason,
})
const ATTENDED = outcome('completed', 'attended', 'attended')
const OUTCOMES: Partial<Record<HistoryEvent, Outcome>> = {
  late_bus: outcome(
    'completed',
    'attended',
    'late',
    0,
    'Twenty minutes late: the bus from Gorey did not come.',
  ),
  no_show: outcome('did_not_attend', 'attended', 'did_not_attend'),
  hospital: outcome(
    'did_not_attend',
    'did_not_attend',
    'attended',
    1,
    'The child was kept in hospital overnight; the mother rang after the session.',
  ),
}

/** What became of one session: not booked (the hall was closed), cancelled, or who came. */
function whatHappened(
  session: HistorySession,
  startsAt: string,
  timeZone: string,
): Partial<Insertable<SessionsTable>> {
  if (session.skipped)
    return { status: 'skipped', cancel_reason: 'Not booked: it clashed when the plan was made' }
  const byParent = session.event ? CANCELLED[session.event] : undefined
  const cancel = session.calledOff ? CALLED_OFF : byParent
  if (cancel) {
    const toldAt = zonedInstant(plusDays(session.date, -cancel.daysBefore), cancel.time, timeZone)
    return {
      status: 'cancelled',
      cancelled_by: cancel.by,
      cancelled_at: toldAt,
      cancel_notice_hours: noticeHours(toldAt, startsAt),
      cancel_reason: cancel.reason,
      version: 2,
      updated_at: toldAt,
    }
  }
  const recordedAt = zonedInstant(session.date, '18:00', timeZone)
  const happened = (session.event && OUTCOMES[session.event]) ?? ATTENDED
  return {
    ...happened,
    outcome_recorded_at: recordedAt,
    outcome_source: 'desk',
    version: 2,
    updated_at: recordedAt,
  }
}

const arrivalOf = (first: ArrivalRules['firstArrivingParty']): ArrivalRules => ({
  firstArrivingParty: first,
  arrivalOffsetMinutes: 15,
  departureHoldMinutes: 15,
  // The hall has one door: the parties are kept apart by the 15 minutes alone.
  resident: { entrance: null, waitingRoomId: null },
  nonResident: { entrance: null, waitingRoomId: null },
})

function planRows(desk: HistoryDesk, place: HallPlace, series: HallSeries): Insertable<ContactPlansTable>[] {
  const rows = series.plans.map((plan, i) => {
    const next = series.plans[i + 1]
    const roomId = place.rooms[plan.room]
    if (!roomId) throw new Error(`demo: the hall has no ${plan.room}`)
    return {
      id: newId(),
      organisation_id: desk.organisationId,
      centre_id: desk.centreId,
      case_id: series.caseId,
      status: 'ended',
      service_type: plan.level,
      frequency: series.frequency,
      week_of_month: series.weekOfMonth,
      on_dates: null,
      first_on: plan.firstOn,
      last_on: plan.lastOn,
      starts_at_time: plan.startsAt,
      duration_minutes: plan.durationMinutes,
      venue_id: place.venueId,
      room_id: roomId,
      arrival: JSON.stringify(arrivalOf(series.firstParty(plan))),
      offsite_sealed: null,
      notes_sealed: null,
      replaces_plan_id: null,
      ended_reason: next ? `Moved to ${next.level} contact at the review` : series.ended.reason,
      created_by_user_id: desk.coordinatorId,
      created_at: plan.bookedAt,
      updated_at: next ? next.bookedAt : series.ended.at,
    }
  })
  return rows.map((row, i) => ({ ...row, replaces_plan_id: rows[i - 1]?.id ?? null }))
}

/** The family's plans at the hall (each ended) and every session they booked, with what became of it. */
export function hallRows(
  desk: HistoryDesk,
  place: HallPlace,
  series: HallSeries,
): { plans: Insertable<ContactPlansTable>[]; sessions: Insertable<SessionsTable>[] } {
  const plans = planRows(desk, place, series)
  const sessions = series.sessions.map((session): Insertable<SessionsTable> => {
    const plan = series.plans[session.plan]
    const row = plans[session.plan]
    if (!plan || !row) throw new Error(`demo: no plan for ${series.label} on ${session.date}`)
    const arrival = arrivalOf(series.firstParty(plan))
    const times = sessionTimes(session.date, plan.startsAt, plan.durationMinutes, desk.timeZone, arrival)
    return {
      id: newId(),
      organisation_id: desk.organisationId,
      centre_id: desk.centreId,
      case_id: series.caseId,
      plan_id: row.id,
      occurrence_on: session.date,
      local_date: session.date,
      service_type: plan.level,
      status: 'scheduled',
      venue_id: place.venueId,
      room_id: row.room_id,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      occupied_from: times.occupiedFrom,
      occupied_until: times.occupiedUntil,
      capacity_weight: series.weight(session.date),
      first_party: arrival.firstArrivingParty,
      resident_arrives_at: times.resident.arrivesAt,
      resident_leaves_at: times.resident.leavesAt,
      resident_entrance: null,
      resident_waiting_room_id: null,
      non_resident_arrives_at: times.nonResident.arrivesAt,
      non_resident_leaves_at: times.nonResident.leavesAt,
      non_resident_entrance: null,
      non_resident_waiting_room_id: null,
      offsite_sealed: null,
      moved: 0,
      cancelled_by: null,
      cancelled_at: null,
      cancel_notice_hours: null,
      cancel_reason: null,
      resident_outcome: null,
      non_resident_outcome: null,
      outcome_explained: null,
      outcome_reason: null,
      outcome_recorded_at: null,
      attendance_note: null,
      ended_early_at: null,
      ended_early_reason: null,
      suspension_id: null,
      outcome_source: null,
      version: 1,
      created_at: plan.bookedAt,
      updated_at: plan.bookedAt,
      ...whatHappened(session, times.startsAt, desk.timeZone),
    }
  })
  return { plans, sessions }
}
