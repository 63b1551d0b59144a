import type {
  IncidentAction,
  IncidentCategory,
  IncidentStatus,
  IncidentSummary,
  Severity,
  WarningLevel,
} from '../../api/types'

// The centres' words for incidents, warnings and suspensions (domain rules 3.14, 3.15, 5.8).

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
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
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as IncidentCategory[]

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  serious: 'Serious',
  critical: 'Critical',
}
export const SEVERITIES = Object.keys(SEVERITY_LABELS) as Severity[]

export const ACTION_LABELS: Record<IncidentAction, string> = {
  verbal_warning_given: 'Verbal warning given',
  session_ended_early: 'Session ended early',
  asked_to_leave: 'Asked to leave',
  refused_entry: 'Refused entry',
  police_called: 'Police called',
  local_authority_referral: 'Referred to children’s services',
  first_aid: 'First aid given',
  parents_informed: 'Parents told',
  accident_book: 'Written in the accident book',
}
export const ACTIONS = Object.keys(ACTION_LABELS) as IncidentAction[]

export const LEVEL_LABELS: Record<WarningLevel, string> = {
  verbal_warning: 'Verbal warning',
  written_warning: 'Written warning',
  session_ended: 'Session ended',
  service_suspended: 'Service suspended',
  place_withdrawn: 'Place withdrawn',
  permanent_exclusion: 'Permanent exclusion',
}
export const LEVELS = Object.keys(LEVEL_LABELS) as WarningLevel[]

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  open: 'Open',
  reviewed: 'Reviewed',
  closed: 'Closed',
}

/** Badge colours dark enough for white text; words always go with them. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  low: 'gray.7',
  moderate: '#8a5100',
  serious: '#b03a0a',
  critical: 'red.9',
}

const moment = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "Mon 30 Nov, 10:00": the day and time, in the reader's clock. */
export const formatMoment = (iso: string): string => {
  const parts = moment.formatToParts(new Date(iso))
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? ''
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')}`
}

export interface ReferrerNotice {
  words: string
  /** The deadline has passed and the referrer has not been told. */
  late: boolean
}

/** Whether the referrer has been told of the incident, or by when they must be. */
export function referrerNotice(
  incident: Pick<IncidentSummary, 'referrerDueAt' | 'referrerNotifiedAt'>,
  now: number,
): ReferrerNotice | null {
  if (incident.referrerNotifiedAt)
    return { words: `Referrer told ${formatMoment(incident.referrerNotifiedAt)}`, late: false }
  if (!incident.referrerDueAt) return null
  const late = Date.parse(incident.referrerDueAt) < now
  const due = formatMoment(incident.referrerDueAt)
  return { words: late ? `Referrer not told yet: was due by ${due}` : `Referrer to be told by ${due}`, late }
}

const STATUS_ORDER: Record<IncidentStatus, number> = { open: 0, reviewed: 1, closed: 2 }

/** Open incidents first, critical ones first among them, then the newest. */
export function byUrgency(a: IncidentSummary, b: IncidentSummary): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    Number(b.critical) - Number(a.critical) ||
    b.occurredAt.localeCompare(a.occurredAt)
  )
}
