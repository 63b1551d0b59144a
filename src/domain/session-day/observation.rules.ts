import type { ServiceType } from '../referrals/referrals.schemas'
import { plusDays, weekdayOf } from '../scheduling/schedule.rules'
import {
  OBSERVATION_SECTIONS,
  type ObservationSection,
  type ObservationSections,
} from './session-day.schemas'

// Pure rules of observation records (domain rules 3.13, 4.4, 6.1): which sessions may have one,
// when it is due, what it must hold before it is submitted and who may do what with it.

export type ObservationStatus = 'draft' | 'submitted' | 'returned' | 'released'

/** Only supervised and escorted contact is observed; every other session keeps attendance only. */
export const OBSERVED_SERVICE_TYPES: readonly ServiceType[] = ['supervised', 'escorted']

export const isObserved = (serviceType: string): boolean =>
  (OBSERVED_SERVICE_TYPES as readonly string[]).includes(serviceType)

const UNOBSERVED_SUBJECT: Record<string, string> = {
  supported: 'A supported session',
  handover: 'A handover',
  indirect: 'Indirect contact',
  virtual: 'A virtual session',
}

/** Why a session may not have an observation record, or null when it may. */
export function observationRefusal(serviceType: string): string | null {
  if (isObserved(serviceType)) return null
  const subject = UNOBSERVED_SUBJECT[serviceType] ?? 'This kind of session'
  return `${subject} keeps attendance only: no record of what happened is kept`
}

/** Sessions that did not go ahead have nothing to observe. */
const NOT_HELD = ['cancelled', 'skipped', 'suspended']
export const wasHeld = (sessionStatus: string): boolean => !NOT_HELD.includes(sessionStatus)

/** The date a number of working days (Monday to Friday) after a local date. */
export function plusWorkingDays(date: string, workingDays: number): string {
  let day = date
  let left = workingDays
  while (left > 0) {
    day = plusDays(day, 1)
    if (weekdayOf(day) <= 5) left -= 1
  }
  return day
}

/** The day a session's record is due for release (domain rules 4.4: 5 working days by default). */
export const observationDueOn = (sessionDate: string, dueWorkingDays: number): string =>
  plusWorkingDays(sessionDate, dueWorkingDays)

/** What a record must say before it goes for checking. */
export const REQUIRED_SECTIONS: readonly ObservationSection[] = [
  'arrival',
  'greeting',
  'play',
  'childResponses',
  'ending',
]

/** The required sections still empty, in the order the form shows them. */
export const emptyRequiredSections = (sections: ObservationSections): ObservationSection[] =>
  REQUIRED_SECTIONS.filter((name) => (sections[name] ?? '').trim() === '')

/** The saved sections with the ones sent replacing theirs; sections not sent keep what was saved. */
export function mergeSections(saved: ObservationSections, sent: ObservationSections): ObservationSections {
  const merged: ObservationSections = {}
  for (const name of OBSERVATION_SECTIONS) {
    const value = sent[name] ?? saved[name]
    if (value !== undefined) merged[name] = value
  }
  return merged
}

/** Only the author writes, and only while the record is theirs to change. */
export const isOpenForAuthor = (status: ObservationStatus): boolean =>
  status === 'draft' || status === 'returned'

export interface ObservationCaller {
  isAuthor: boolean
  /** The centre's coordinators and the organisation's admins. */
  isDesk: boolean
}

export interface ObservationCan {
  edit: boolean
  submit: boolean
  release: boolean
  return: boolean
}

/**
 * What the caller may do with a record now. The author writes and submits; someone at the desk
 * other than the author checks it, then releases it or returns it for changes (domain rules 4.4).
 */
export function observationCan(
  record: { status: ObservationStatus; sessionHeld: boolean },
  caller: ObservationCaller,
): ObservationCan {
  const authorMay = caller.isAuthor && record.sessionHeld && isOpenForAuthor(record.status)
  const checkerMay = caller.isDesk && !caller.isAuthor && record.status === 'submitted'
  return { edit: authorMay, submit: authorMay, release: checkerMay, return: checkerMay }
}
