import { Temporal } from 'temporal-polyfill'
import { plusDays, weekdayOf, zonedInstant, localParts } from '../scheduling/schedule.rules'
import { sayDay, sayMoment } from '../shared/wording'
import type {
  IncidentCategory,
  SessionDaySettings,
  Severity,
  WarningLevel,
  INCIDENT_ACTIONS,
} from './session-day.schemas'

// Pure incident rules: what is critical, when the referrer must hear of it, what the ladder
// suggests next, and the words of the messages that leave the system. No database here.

export type IncidentAction = (typeof INCIDENT_ACTIONS)[number]

export const CATEGORY_WORDS: Record<IncidentCategory, string> = {
  rule_breach: 'Breach of the ground rules',
  aggression: 'Aggression or intimidation',
  intoxication: 'Under the influence of alcohol or drugs',
  unauthorised_person: 'Unauthorised person',
  child_distress: 'Child distressed',
  injury: 'Injury or accident',
  safeguarding_concern: 'Safeguarding concern',
  disclosure_by_child: 'Disclosure by a child',
  attempted_abduction: 'Attempt to take a child',
  allegation_against_staff: 'Allegation against staff or a volunteer',
  property_damage: 'Damage to property',
  late_or_no_show: 'Late arrival or no-show',
}

export const SEVERITY_WORDS: Record<Severity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  serious: 'Serious',
  critical: 'Critical',
}

export const ACTION_WORDS: Record<IncidentAction, string> = {
  verbal_warning_given: 'a verbal warning was given',
  session_ended_early: 'the session was ended early',
  asked_to_leave: 'a person was asked to leave',
  refused_entry: 'a person was refused entry',
  police_called: 'the police were called',
  local_authority_referral: 'a referral was made to the local authority',
  first_aid: 'first aid was given',
  parents_informed: 'the parents were informed',
  accident_book: 'the accident book was filled in',
}

export const LEVEL_WORDS: Record<WarningLevel, string> = {
  verbal_warning: 'Verbal warning',
  written_warning: 'Written warning',
  session_ended: 'Session ended',
  service_suspended: 'Service suspended',
  place_withdrawn: 'Place withdrawn',
  permanent_exclusion: 'Permanent exclusion',
}

/** Categories that are critical whatever the severity given (SVN: threatens safety, needs police or CPS). */
const ALWAYS_CRITICAL: readonly IncidentCategory[] = [
  'safeguarding_concern',
  'disclosure_by_child',
  'attempted_abduction',
]

/** A critical incident: critical severity, a safeguarding matter, or a serious injury (domain rules 3.14). */
export function isCritical(category: IncidentCategory, severity: Severity): boolean {
  if (severity === 'critical') return true
  if (ALWAYS_CRITICAL.includes(category)) return true
  return category === 'injury' && severity === 'serious'
}

const isWorkingDay = (date: string): boolean => weekdayOf(date) <= 5

/**
 * When the referrer must have heard of an incident: the notice time on the n-th working day (Monday
 * to Friday) after the local date it happened, in the centre's zone. With n = 0, the same day when
 * it is a working day (else the next one), and never before the incident itself.
 */
export function referrerDueAt(
  occurredAt: string,
  timeZone: string,
  settings: Pick<SessionDaySettings, 'referrerNoticeTime' | 'referrerNoticeWorkingDays'>,
): string {
  let day = localParts(occurredAt, timeZone).date
  if (settings.referrerNoticeWorkingDays === 0) {
    while (!isWorkingDay(day)) day = plusDays(day, 1)
  }
  for (let counted = 0; counted < settings.referrerNoticeWorkingDays;) {
    day = plusDays(day, 1)
    if (isWorkingDay(day)) counted += 1
  }
  const due = zonedInstant(day, settings.referrerNoticeTime, timeZone)
  return due < occurredAt ? occurredAt : due
}

/** Categories about how an adult behaved: the ladder applies to these (and to any zero-tolerance one). */
const CONDUCT_CATEGORIES: readonly IncidentCategory[] = [
  'rule_breach',
  'aggression',
  'intoxication',
  'unauthorised_person',
  'attempted_abduction',
  'property_damage',
  'late_or_no_show',
]

const ZERO_TOLERANCE_BECAUSE: Partial<Record<IncidentCategory, string>> = {
  aggression: 'Violence, aggression or intimidation costs the place at once (R-INC-2)',
  intoxication: 'Attending under the influence of alcohol or drugs costs the place at once (R-INC-2)',
  attempted_abduction: 'An attempt to take a child costs the place at once (R-INC-2)',
}

export interface LadderWarning {
  level: WarningLevel
  issuedAt: string
  incidentId: string | null
}

export interface Suggestion {
  level: WarningLevel
  because: string
}

/** The year before an instant, as a calendar year in UTC (a leap day falls back to 28 February). */
const yearBefore = (instant: string): string =>
  Temporal.Instant.from(instant).toZonedDateTimeISO('UTC').subtract({ years: 1 }).toInstant().toString()

/**
 * What the centre's ladder suggests next for the person an incident concerns (domain rules 3.15,
 * R-INC-2, R-INC-3): a zero-tolerance category withdraws the place at once; otherwise a verbal
 * warning, then written warnings, then suspension once the written warnings of the last twelve
 * months reach the setting, and withdrawal after a suspension. Warnings given for this incident
 * itself do not count. Incidents that say nothing about an adult's conduct suggest nothing.
 */
export function suggestSanction(
  settings: Pick<SessionDaySettings, 'zeroToleranceCategories' | 'warningsBeforeSuspension'>,
  incident: { id: string; category: IncidentCategory; occurredAt: string },
  warnings: readonly LadderWarning[],
): Suggestion | null {
  if (settings.zeroToleranceCategories.includes(incident.category))
    return {
      level: 'place_withdrawn',
      because:
        ZERO_TOLERANCE_BECAUSE[incident.category] ??
        `${CATEGORY_WORDS[incident.category]} costs the place at once under the centre’s rules (R-INC-2)`,
    }
  if (!CONDUCT_CATEGORIES.includes(incident.category)) return null
  const since = yearBefore(incident.occurredAt)
  const prior = warnings.filter(
    (w) =>
      w.incidentId !== incident.id &&
      Date.parse(w.issuedAt) < Date.parse(incident.occurredAt) &&
      Date.parse(w.issuedAt) >= Date.parse(since),
  )
  const count = (...levels: WarningLevel[]) => prior.filter((w) => levels.includes(w.level)).length
  if (count('service_suspended', 'place_withdrawn', 'permanent_exclusion') > 0)
    return {
      level: 'place_withdrawn',
      because:
        'A further breach within a year of a suspension: the next step is withdrawing the place (R-INC-3)',
    }
  const written = count('written_warning')
  if (written >= settings.warningsBeforeSuspension)
    return {
      level: 'service_suspended',
      because: `${written} written warning${written === 1 ? '' : 's'} in the last twelve months: the next step is suspending the service (R-INC-3)`,
    }
  if (written > 0 || count('verbal_warning', 'session_ended') > 0)
    return {
      level: 'written_warning',
      because: 'Warned before in the last twelve months: the next step is a written warning (R-INC-3)',
    }
  return {
    level: 'verbal_warning',
    because: 'No warning in the last twelve months: a verbal warning first (R-INC-3)',
  }
}

/** The person an incident concerns most: the first of the people involved who is an adult. */
export function concernedAdult(
  peopleInvolved: readonly string[],
  adultIds: ReadonlySet<string>,
): string | null {
  return peopleInvolved.find((id) => adultIds.has(id)) ?? null
}

/** The listed people involved in an incident, and the adult it concerns most (whom the ladder looks at). */
export interface People {
  ids: string[]
  concerns: string | null
}

/** Reads the stored people: `{ ids, concerns }`, or a bare list of ids (the adult is then found). */
export function readPeople(raw: string, adultIds: ReadonlySet<string>): People {
  const value = JSON.parse(raw) as Partial<People> | string[]
  const ids = Array.isArray(value) ? value : (value.ids ?? [])
  const concerns = Array.isArray(value) ? null : (value.concerns ?? null)
  return { ids, concerns: concerns ?? concernedAdult(ids, adultIds) }
}

/** "aggression or intimidation": a category as part of a sentence. */
export const categoryInSentence = (category: IncidentCategory): string =>
  CATEGORY_WORDS[category].toLowerCase()

/** Actions taken, as one sentence; "No action was recorded." when there were none. */
export function actionsSentence(actions: readonly IncidentAction[]): string {
  if (actions.length === 0) return 'No action was recorded.'
  const words = actions.map((a) => ACTION_WORDS[a])
  const last = words.pop() ?? ''
  const sentence = words.length > 0 ? `${words.join(', ')} and ${last}` : last
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
}

/** The case's review flag after an incident. */
export const incidentFlag = (category: IncidentCategory, localDate: string): string =>
  `An incident (${categoryInSentence(category)}) on ${sayDay(localDate)} needs a review of the case.`

export interface Message {
  subject: string
  text: string
}

/** The facts of an incident that may leave the system: no names, no narrative, no contact details. */
export interface IncidentFacts {
  centreName: string
  caseReference: string
  occurredAt: string
  timeZone: string
  category: IncidentCategory
  severity: Severity
  actions: readonly IncidentAction[]
}

/** The email that tells the centre's coordinators at once; the account itself stays in Kinbridge. */
export function coordinatorAlertFor(facts: IncidentFacts & { critical: boolean; link: string }): Message {
  return {
    subject: `Incident at ${facts.centreName}: ${categoryInSentence(facts.category)} (${facts.caseReference})`,
    text: [
      `An incident has been reported at ${facts.centreName}.`,
      '',
      `Case: ${facts.caseReference}`,
      `When: ${sayMoment(facts.occurredAt, facts.timeZone)}`,
      `What kind: ${CATEGORY_WORDS[facts.category]}`,
      `Severity: ${SEVERITY_WORDS[facts.severity]}${facts.critical ? ' (critical incident)' : ''}`,
      `Action taken: ${actionsSentence(facts.actions)}`,
      '',
      `Read the report and decide what happens next in Kinbridge: ${facts.link}`,
    ].join('\n'),
  }
}

/**
 * The one notice a referrer receives about an incident. It is built only from what may be disclosed
 * (R-CONF-1, R-CONF-2): the case reference, when, what kind, how serious, what was done and whether
 * sessions are suspended. Nothing about where anyone lives or how to reach them, and no account.
 */
export function referrerNoticeFor(
  facts: IncidentFacts & { suspendedFrom: string | null; recipientName: string | null },
): Message {
  return {
    subject: `Incident at ${facts.centreName} (${facts.caseReference})`,
    text: [
      facts.recipientName ? `Dear ${facts.recipientName},` : 'Hello,',
      '',
      `We are letting you know, as the referrer, of an incident at ${facts.centreName} concerning the family you referred.`,
      '',
      `Case: ${facts.caseReference}`,
      `When: ${sayMoment(facts.occurredAt, facts.timeZone)}`,
      `What kind: ${CATEGORY_WORDS[facts.category]}`,
      `Severity: ${SEVERITY_WORDS[facts.severity]}`,
      `Action taken: ${actionsSentence(facts.actions)}`,
      facts.suspendedFrom
        ? `Sessions: the family’s sessions are suspended from ${sayDay(facts.suspendedFrom)}.`
        : 'Sessions: no sessions are suspended at present.',
      '',
      'The centre will be in touch with you about what happens next.',
    ].join('\n'),
  }
}
