import type { Side } from '../../api/types'
import { SERVICE_LABELS } from '../referrals/labels'
import { windowIn } from './calendar-dates'
import type { PartyTimes, SessionStatus, SessionView } from './types'

// The words the calendar and the day sheet use for a session. Plain words for volunteers at the
// door: "Visiting parent" and "Resident parent", "arrives" and "leaves".

export const PARTY_LABELS: Record<Side, string> = {
  non_resident: 'Visiting parent',
  resident: 'Resident parent',
}

export const STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Booked',
  cancelled: 'Cancelled',
  skipped: 'Skipped',
  completed: 'Held',
  did_not_attend: 'Did not happen',
  suspended: 'Suspended',
}

export const CANCELLER_LABELS: Record<NonNullable<SessionView['cancellation']>['by'], string> = {
  centre: 'The centre',
  resident: 'The resident parent',
  non_resident: 'The visiting parent',
}

export const OUTCOME_LABELS: Record<NonNullable<NonNullable<SessionView['outcome']>['resident']>, string> = {
  attended: 'Came',
  late: 'Came late',
  did_not_attend: 'Did not come',
}

/** Nobody is expected for a cancelled or skipped session. */
export const isCalledOff = (session: Pick<SessionView, 'status'>): boolean =>
  session.status === 'cancelled' || session.status === 'skipped'

/** The two parties in the order they arrive. */
export function partiesInOrder(session: Pick<SessionView, 'firstParty'>): Side[] {
  return session.firstParty === 'resident' ? ['resident', 'non_resident'] : ['non_resident', 'resident']
}

export const partyTimes = (session: SessionView, side: Side): PartyTimes =>
  side === 'resident' ? session.resident : session.nonResident

/** Where a party comes in: their own entrance, or the venue's main one. */
export const entranceOf = (times: PartyTimes, mainEntrance: string): string => times.entrance ?? mainEntrance

/** "Side door, Blue room": the party's entrance, and where they wait when they have a set place. */
export function placeOf(times: PartyTimes, mainEntrance: string): string {
  const entrance = entranceOf(times, mainEntrance)
  return times.waitingRoom ? `${entrance}, ${times.waitingRoom}` : entrance
}

/** "Visiting parent 09:45–12:15 (Side door, Blue room)". */
export function partyLine(session: SessionView, side: Side, timeZone: string, mainEntrance: string): string {
  const times = partyTimes(session, side)
  return `${PARTY_LABELS[side]} ${windowIn(times.arrivesAt, times.leavesAt, timeZone)} (${placeOf(times, mainEntrance)})`
}

/** "C-0012 · Amelia, Noah": the case and, when known, the children's names. */
export function familyOf(session: Pick<SessionView, 'caseReference' | 'familyName'>): string {
  return session.familyName ? `${session.caseReference} · ${session.familyName}` : session.caseReference
}

/** "10:00–12:00" for the session itself, in the centre's zone. */
export const sessionWindow = (session: SessionView, timeZone: string): string =>
  windowIn(session.startsAt, session.endsAt, timeZone)

export const serviceOf = (session: Pick<SessionView, 'serviceType'>): string =>
  SERVICE_LABELS[session.serviceType]

/** Where the session is held: its room, or the off-site place. */
export function whereOf(session: SessionView): string {
  if (session.offsite) return `Away: ${session.offsite.place}`
  return session.roomName ?? 'No room chosen'
}
