import type { Side } from '../referrals/parties.schemas'
import { sideWords } from '../scheduling/schedule.rules'
import type { AttendanceKind, DoorWarning } from './session-day.schemas'

/** A person on the family's list, as the door knows them. */
export interface DoorPerson {
  id: string
  kind: 'adult' | 'child'
  /** Children count as the resident side: they come and go with the parent who brings them. */
  side: Side | null
  name: string
  attendance: 'allowed' | 'not_allowed' | 'not_applicable'
}

/** One line of the register as the rules read it (voided lines are left out by the caller). */
export interface RegisterEntry {
  kind: AttendanceKind
  /** The listed person, or null for someone who is not on the list. */
  partyId: string | null
  side: Side | null
  /** The listed person's name, or the name an unlisted visitor gave. */
  name: string
  at: string
}

/** The times of a session that the door works to. */
export interface DoorTimes {
  firstParty: Side
  startsAt: string
  endsAt: string
  arrivesAt: Record<Side, string>
}

export type Presence = 'expected' | 'in' | 'left'
export type Whereabouts = 'with_resident' | 'in_session' | 'returned'
export type Outcome = 'attended' | 'late' | 'did_not_attend'

export const otherSide = (side: Side): Side => (side === 'resident' ? 'non_resident' : 'resident')

/** Who a line is about: a listed person by id, an unlisted one by their side and the name they gave. */
export const personKey = (entry: Pick<RegisterEntry, 'partyId' | 'side' | 'name'>): string =>
  entry.partyId ?? `visitor:${entry.side ?? 'none'}:${entry.name.trim().toLowerCase()}`

const byTime = (entries: readonly RegisterEntry[]): RegisterEntry[] =>
  entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
    .map((x) => x.e)

/** The register up to and including an instant, in time order (lines of the same instant keep their order). */
export const entriesUntil = (entries: readonly RegisterEntry[], at: string): RegisterEntry[] =>
  byTime(entries).filter((e) => e.at <= at)

/** The people in the building after these lines: arrived and not yet left. */
export function inBuilding(entries: readonly RegisterEntry[]): Map<string, RegisterEntry> {
  const inside = new Map<string, RegisterEntry>()
  for (const entry of byTime(entries)) {
    if (entry.kind === 'arrived') inside.set(personKey(entry), entry)
    if (entry.kind === 'left') inside.delete(personKey(entry))
  }
  return inside
}

/** Where a child is: still with the parent who brought them, handed over into the session, or back. */
export function whereaboutsOf(entries: readonly RegisterEntry[], childId: string): Whereabouts {
  let state: Whereabouts = 'with_resident'
  for (const entry of byTime(entries)) {
    if (entry.partyId !== childId) continue
    if (entry.kind === 'child_handed_over') state = 'in_session'
    if (entry.kind === 'child_returned') state = 'returned'
  }
  return state
}

/** expected (no one of the side has come), in (someone of the side is inside), or left (came and went). */
export function presenceOf(entries: readonly RegisterEntry[], side: Side): Presence {
  if ([...inBuilding(entries).values()].some((e) => e.side === side)) return 'in'
  return entries.some((e) => e.kind === 'arrived' && e.side === side) ? 'left' : 'expected'
}

/** When the first listed adult of a side arrived, or null. */
export const firstArrivalOf = (entries: readonly RegisterEntry[], side: Side): string | null =>
  byTime(entries).find((e) => e.kind === 'arrived' && e.side === side && e.partyId !== null)?.at ?? null

/** Whole minutes after the due time, when they exceed the grace the centre allows; otherwise null. */
export function minutesLate(arrivedAt: string, dueAt: string, graceMinutes: number): number | null {
  const minutes = Math.floor((Date.parse(arrivedAt) - Date.parse(dueAt)) / 60_000)
  return minutes > graceMinutes ? minutes : null
}

/** What the door decides about a tap before it is written. */
export interface DoorDecision {
  /** Refused outright: the register does not change. */
  refusal: { code: 'INVALID_INPUT' | 'CONFLICT'; rule: string; field?: string; message: string } | null
  /** Warnings the volunteer must see and confirm before the line is written. */
  toConfirm: DoorWarning[]
  /** Warnings that go with the line once written. */
  notes: DoorWarning[]
}

export interface EntryFacts {
  entry: RegisterEntry
  /** The listed person, or null for someone not on the list. */
  person: DoorPerson | null
  /** The live register (any order); only lines up to the entry's time count. */
  register: readonly RegisterEntry[]
  people: readonly DoorPerson[]
  times: DoorTimes
  lateAfterMinutes: number
}

const refuse = (
  rule: string,
  message: string,
  code: 'INVALID_INPUT' | 'CONFLICT' = 'CONFLICT',
  field?: string,
): DoorDecision => ({
  refusal: { code, rule, message, ...(field && { field }) },
  toConfirm: [],
  notes: [],
})

const namesOf = (entries: readonly RegisterEntry[]): string => entries.map((e) => e.name).join(' and ')

/**
 * Decides whether a tap at the door may be written: who must not come in (R-ATT-1), that the parties
 * do not meet (R-ARR-1, R-ARR-3), that people leave only once they came, and children are handed
 * back only once they were handed over.
 */
export function decideEntry(facts: EntryFacts): DoorDecision {
  const { entry, person } = facts
  if (person?.attendance === 'not_allowed' && entry.kind !== 'refused_entry')
    return refuse(
      'DOOR-NOT-ALLOWED',
      `${person.name} is not allowed at this family's sessions and must not come in. Record them as refused entry.`,
    )
  const childKind = entry.kind === 'child_handed_over' || entry.kind === 'child_returned'
  if (childKind && person?.kind !== 'child')
    return refuse(
      'DOOR-CHILD-ONLY',
      'Choose the child who is handed over or returned',
      'INVALID_INPUT',
      'partyId',
    )
  if (!childKind && person?.kind === 'child')
    return refuse(
      'DOOR-CHILD-ONLY',
      'A child comes and goes with an adult: record the handover and the return instead',
      'INVALID_INPUT',
      'kind',
    )
  const before = entriesUntil(facts.register, entry.at)
  switch (entry.kind) {
    case 'arrived':
      return decideArrival(facts, before)
    case 'left':
      return decideLeaving(facts, before)
    case 'child_handed_over':
      return whereaboutsOf(before, entry.partyId ?? '') === 'in_session'
        ? refuse('DOOR-CHILD-HANDED-OVER', `${entry.name} is already handed over`)
        : { refusal: null, toConfirm: [], notes: [] }
    case 'child_returned':
      return whereaboutsOf(before, entry.partyId ?? '') === 'in_session'
        ? { refusal: null, toConfirm: [], notes: [] }
        : refuse(
            'DOOR-CHILD-NOT-HANDED-OVER',
            `${entry.name} has not been handed over, so cannot be returned`,
          )
    case 'refused_entry':
      return { refusal: null, toConfirm: [], notes: [] }
  }
}

function decideArrival(facts: EntryFacts, before: RegisterEntry[]): DoorDecision {
  const { entry, times } = facts
  const inside = inBuilding(before)
  if (inside.has(personKey(entry)))
    return refuse('DOOR-ALREADY-IN', `${entry.name} is already in the building`)
  const toConfirm: DoorWarning[] = []
  const notes: DoorWarning[] = []
  if (!facts.person)
    toConfirm.push({
      code: 'DOOR-UNLISTED',
      message: `${entry.name} is not on this family's list. Only the people named for the family may come in.`,
    })
  const side = entry.side
  if (side) {
    const others = [...inside.values()].filter((e) => e.side === otherSide(side))
    if (others.length > 0)
      toConfirm.push({
        code: 'DOOR-BOTH-IN',
        message: `${namesOf(others)} of the ${sideWords(otherSide(side))}'s side ${others.length > 1 ? 'are' : 'is'} in the building. Keep ${entry.name} apart so the parties do not meet.`,
      })
    const first = times.firstParty
    if (side !== first && !before.some((e) => e.kind === 'arrived' && e.side === first))
      toConfirm.push({
        code: 'DOOR-ORDER',
        message: `The ${sideWords(first)} arrives first and has not arrived yet.`,
      })
    const cameBefore = before.some((e) => e.kind === 'arrived' && personKey(e) === personKey(entry))
    const late = minutesLate(entry.at, times.arrivesAt[side], facts.lateAfterMinutes)
    if (facts.person && !cameBefore && late !== null)
      notes.push({ code: 'DOOR-LATE', message: `${entry.name} arrived ${late} minutes after their time.` })
  }
  return { refusal: null, toConfirm, notes }
}

function decideLeaving(facts: EntryFacts, before: RegisterEntry[]): DoorDecision {
  const { entry } = facts
  if (!inBuilding(before).has(personKey(entry)))
    return refuse('DOOR-NOT-IN', `${entry.name} is not in the building`)
  const notes: DoorWarning[] = []
  if (entry.side === 'resident') {
    const handedOver = facts.people.filter(
      (p) => p.kind === 'child' && whereaboutsOf(before, p.id) === 'in_session',
    )
    if (handedOver.length > 0)
      notes.push({
        code: 'DOOR-CHILD-NOT-RETURNED',
        message: `${handedOver.map((c) => c.name).join(' and ')} ${handedOver.length > 1 ? 'have' : 'has'} not been returned yet.`,
      })
  }
  return { refusal: null, toConfirm: [], notes }
}

/**
 * True once the family has been and gone: someone listed came, everyone who came has left, and every
 * child handed over is back.
 */
export function isRegisterComplete(
  register: readonly RegisterEntry[],
  people: readonly DoorPerson[],
  clock: { now: string; endsAt: string },
): boolean {
  if (!register.some((e) => e.kind === 'arrived' && e.partyId !== null)) return false
  if (inBuilding(register).size > 0) return false
  if (people.some((p) => p.kind === 'child' && whereaboutsOf(register, p.id) === 'in_session')) return false
  // One side came and went: the other may still be on the way until the session's end.
  const bothCame =
    firstArrivalOf(register, 'resident') !== null && firstArrivalOf(register, 'non_resident') !== null
  return bothCame || clock.now >= clock.endsAt
}

/** Each side's outcome from the register: no listed arrival is a missed session, a late one is late. */
export function outcomeOf(
  register: readonly RegisterEntry[],
  times: DoorTimes,
  lateAfterMinutes: number,
): Record<Side, Outcome> {
  const of = (side: Side): Outcome => {
    const arrived = firstArrivalOf(register, side)
    if (arrived === null) return 'did_not_attend'
    return minutesLate(arrived, times.arrivesAt[side], lateAfterMinutes) === null ? 'attended' : 'late'
  }
  return { resident: of('resident'), non_resident: of('non_resident') }
}

/** What the door should know now about a session, from its register and the clock. */
export function standingWarnings(
  register: readonly RegisterEntry[],
  people: readonly DoorPerson[],
  times: DoorTimes,
  now: string,
  lateAfterMinutes: number,
): DoorWarning[] {
  const warnings: DoorWarning[] = []
  const inside = [...inBuilding(register).values()]
  const resident = inside.filter((e) => e.side === 'resident')
  const visiting = inside.filter((e) => e.side === 'non_resident')
  if (resident.length > 0 && visiting.length > 0)
    warnings.push({
      code: 'DOOR-BOTH-IN',
      message: `Both parties are in the building (${namesOf(resident)}; ${namesOf(visiting)}): keep them apart.`,
    })
  const barred = people.filter(
    (p) => p.attendance === 'not_allowed' && inside.some((e) => e.partyId === p.id),
  )
  for (const p of barred)
    warnings.push({ code: 'DOOR-NOT-ALLOWED', message: `${p.name} is in the building but must not come in.` })
  const unlisted = inside.filter((e) => e.partyId === null)
  if (unlisted.length > 0)
    warnings.push({
      code: 'DOOR-UNLISTED',
      message: `${namesOf(unlisted)} ${unlisted.length > 1 ? 'are' : 'is'} in the building but not on the family's list.`,
    })
  const first = times.firstParty
  if (presenceOf(register, first) === 'expected' && presenceOf(register, otherSide(first)) === 'in')
    warnings.push({
      code: 'DOOR-ORDER',
      message: `The ${sideWords(otherSide(first))} is in before the ${sideWords(first)}, who arrives first.`,
    })
  for (const side of [first, otherSide(first)]) {
    const late = minutesLate(now, times.arrivesAt[side], lateAfterMinutes)
    if (presenceOf(register, side) === 'expected' && late !== null && now < times.endsAt)
      warnings.push({ code: 'DOOR-LATE', message: `The ${sideWords(side)} is ${late} minutes late.` })
  }
  const out = people.filter((p) => p.kind === 'child' && whereaboutsOf(register, p.id) === 'in_session')
  if (out.length > 0 && now > times.endsAt)
    warnings.push({
      code: 'DOOR-CHILD-NOT-RETURNED',
      message: `The session has ended and ${out.map((c) => c.name).join(' and ')} ${out.length > 1 ? 'have' : 'has'} not been returned.`,
    })
  return warnings
}
