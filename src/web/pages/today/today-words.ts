import type {
  AttendanceKind,
  DoorChild,
  IncidentAction,
  IncidentCategory,
  ObservationStatus,
  Severity,
  Side,
} from './types'

// The door's words. Plain words for volunteers: "Visiting parent", "In the building", "Turned away".
// Records keyed by the API's types, so a new code fails the type check until it has words.

export const SIDE_NAMES: Record<Side, string> = {
  non_resident: 'Visiting parent',
  resident: 'Resident parent',
}

/** "Nick Example arrived", "Amy handed over": what a line of the register says. */
export const KIND_WORDS: Record<AttendanceKind, string> = {
  arrived: 'arrived',
  left: 'left',
  child_handed_over: 'handed over',
  child_returned: 'returned',
  refused_entry: 'turned away',
}

export const WHEREABOUTS_WORDS: Record<DoorChild['whereabouts'], string> = {
  with_resident: 'With the resident parent',
  in_session: 'In the session',
  returned: 'Back with the resident parent',
}

export const INCIDENT_CATEGORY_WORDS: Record<IncidentCategory, string> = {
  rule_breach: 'A centre rule was broken',
  aggression: 'Aggression or threats',
  intoxication: 'Drunk or on drugs',
  unauthorised_person: 'Someone came who is not allowed',
  child_distress: 'The child was very upset',
  injury: 'Someone was hurt',
  safeguarding_concern: 'Worried about a child’s safety',
  disclosure_by_child: 'The child told us something worrying',
  attempted_abduction: 'Someone tried to take the child',
  allegation_against_staff: 'A complaint about a volunteer or staff member',
  property_damage: 'Something was damaged',
  late_or_no_show: 'Very late or did not come',
}

export const SEVERITY_WORDS: Record<Severity, { label: string; hint: string }> = {
  low: { label: 'Low', hint: 'Sorted out on the spot' },
  moderate: { label: 'Moderate', hint: 'Needs the coordinator to follow up' },
  serious: { label: 'Serious', hint: 'Someone was at risk, or the session had to stop' },
  critical: { label: 'Critical', hint: 'Police or children’s services needed, or someone was hurt' },
}

export const INCIDENT_ACTION_WORDS: Record<IncidentAction, string> = {
  verbal_warning_given: 'Gave a spoken warning',
  session_ended_early: 'Ended the session early',
  asked_to_leave: 'Asked someone to leave',
  refused_entry: 'Turned someone away at the door',
  police_called: 'Called the police',
  local_authority_referral: 'Told children’s services',
  first_aid: 'Gave first aid',
  parents_informed: 'Told the parents',
  accident_book: 'Wrote it in the accident book',
}

export const OBSERVATION_WORDS: Record<ObservationStatus, string> = {
  none: 'Not started',
  draft: 'Draft saved',
  submitted: 'Waiting to be checked',
  returned: 'Sent back for changes',
  released: 'Checked and released',
}

/** "1 tap", "3 taps". */
export const tapsWords = (count: number): string => `${count} tap${count === 1 ? '' : 's'}`
