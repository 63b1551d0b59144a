import type { Insertable } from 'kysely'
import type { AttendanceEventsTable } from '../../db/database'
import type { PartyRow } from '../../db/repositories/parties.repository'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import { addMinutes } from '../scheduling/schedule.rules'
import type { AttendanceKind } from '../session-day/session-day.schemas'
import { newId } from '../shared/ids'

/** When each tap of a session's register happened at the door. */
export interface RegisterTimes {
  residentArrives: string
  visitingArrives: string
  /** The children pass from the parent who brought them to the centre. */
  handedOver: string
  /** The children are back with that parent. */
  returned: string
  residentLeaves: string
  visitingLeaves: string
}

/** A few minutes either side of the time given, the same every time the demo is seeded. */
const DRIFT = [-3, -1, 0, 2, -2, 1, 3, -4] as const
const drift = (nth: number, k: number): number => DRIFT[(nth * 3 + k) % DRIFT.length] ?? 0
const later = (a: string, b: string): string => (a > b ? a : b)
const LATE_MINUTES = 20

/**
 * The register of a session held, around its own arrival and departure times (R-ARR-1/2): the first
 * party comes before the session and leaves after it; the children are handed over once both
 * parents are in, and returned at the end. `visitingLateBy` delays the visiting parent further.
 */
export function registerTimes(session: SessionListRow, nth: number, visitingLateBy = 0): RegisterTimes {
  const lateness = (outcome: string | null) => (outcome === 'late' ? LATE_MINUTES : 0)
  const visitingArrives = addMinutes(
    session.non_resident_arrives_at,
    drift(nth, 0) + visitingLateBy + lateness(session.non_resident_outcome),
  )
  const residentArrives = addMinutes(
    session.resident_arrives_at,
    drift(nth, 1) + lateness(session.resident_outcome),
  )
  const handedOver = addMinutes(later(residentArrives, visitingArrives), 2)
  const returned = addMinutes(session.ends_at, 1)
  const afterReturn = addMinutes(returned, 2)
  const residentLeaves = later(addMinutes(session.resident_leaves_at, Math.abs(drift(nth, 2))), afterReturn)
  const visitingLeaves = later(
    addMinutes(session.non_resident_leaves_at, Math.abs(drift(nth, 3))),
    afterReturn,
  )
  return { residentArrives, visitingArrives, handedOver, returned, residentLeaves, visitingLeaves }
}

/** Who tapped, and for whom; one row per tap, each with the tablet's own id. */
export function registerRows(
  session: SessionListRow,
  parties: readonly PartyRow[],
  times: RegisterTimes,
  recordedBy: string,
): Insertable<AttendanceEventsTable>[] {
  const came = (outcome: string | null) => outcome !== 'did_not_attend'
  const resident = parties.find((p) => p.role === 'resident_parent')
  const visiting = parties.find((p) => p.role === 'non_resident_parent')
  const children = parties.filter((p) => p.kind === 'child')
  const taps: [PartyRow, AttendanceKind, string][] = []
  if (resident && came(session.resident_outcome))
    taps.push([resident, 'arrived', times.residentArrives], [resident, 'left', times.residentLeaves])
  if (visiting && came(session.non_resident_outcome))
    taps.push([visiting, 'arrived', times.visitingArrives], [visiting, 'left', times.visitingLeaves])
  if (came(session.resident_outcome) && came(session.non_resident_outcome))
    for (const child of children)
      taps.push([child, 'child_handed_over', times.handedOver], [child, 'child_returned', times.returned])
  return taps
    .sort((a, b) => a[2].localeCompare(b[2]))
    .map(([party, kind, at]) => ({
      id: newId(),
      organisation_id: session.organisation_id,
      centre_id: session.centre_id,
      session_id: session.id,
      case_id: session.case_id,
      party_id: party.id,
      side: party.side,
      kind,
      visitor_name_sealed: null,
      note: null,
      at,
      client_id: newId(),
      recorded_by_user_id: recordedBy,
      recorded_at: new Date(Date.parse(at) + 15_000).toISOString(),
      voided_at: null,
      voided_by_user_id: null,
    }))
}
