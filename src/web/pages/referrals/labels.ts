import type {
  Attendance,
  AuthorisedBy,
  ClosureOutcome,
  ContactLevel,
  CourtOrderType,
  PartyRole,
  PreVisitChecklist,
  PreVisitOutcome,
  ProtectedField,
  Recommendation,
  ReferralStatus,
  ReviewOutcome,
  RiskFlag,
  RiskLevel,
  SafetyFlag,
  ServiceType,
  Side,
} from '../../api/types'

// The centres' own words for every code the API uses (docs/glossary.md). Records keyed by the API's
// types, so a new code fails the type check until it has a label.

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  received: 'Received',
  pre_visits: 'Pre-visits',
  risk_assessed: 'Risk assessed',
  waitlisted: 'Waiting list',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  merged: 'Joined to another referral',
}

export const STATUS_ORDER: ReferralStatus[] = [
  'received',
  'pre_visits',
  'risk_assessed',
  'waitlisted',
  'accepted',
  'declined',
  'withdrawn',
  'merged',
]

/** Badge colours dark enough for white text. */
export const STATUS_COLORS: Record<ReferralStatus, string> = {
  received: 'blue.8',
  pre_visits: 'indigo.8',
  risk_assessed: 'violet.8',
  waitlisted: '#8a5100',
  accepted: 'kin',
  declined: 'red.8',
  withdrawn: 'gray.7',
  merged: 'gray.7',
}

export const SERVICE_LABELS: Record<ServiceType, string> = {
  supported: 'Supported contact',
  supervised: 'Supervised contact',
  handover: 'Handover',
  indirect: 'Indirect contact',
  escorted: 'Escorted contact',
  virtual: 'Video contact',
}
export const SERVICES = Object.keys(SERVICE_LABELS) as ServiceType[]

export const LEVEL_LABELS: Record<ContactLevel, string> = {
  ...SERVICE_LABELS,
  self_managed: 'Self-managed (no centre)',
}
export const LEVELS = Object.keys(LEVEL_LABELS) as ContactLevel[]

export const RISK_FLAG_LABELS: Record<RiskFlag, string> = {
  domestic_abuse: 'Domestic abuse',
  non_molestation_order: 'Non-molestation order',
  other_protective_order: 'Other protective order',
  substance_misuse: 'Drugs or alcohol',
  abduction_risk: 'Risk of abduction',
  allegations: 'Allegations',
  child_protection: 'Child protection',
  convictions: 'Convictions',
  mental_health: 'Mental health',
}
export const RISK_FLAGS = Object.keys(RISK_FLAG_LABELS) as RiskFlag[]

export const SAFETY_FLAG_LABELS: Record<SafetyFlag, string> = {
  domestic_abuse: 'Domestic abuse',
  non_molestation_order: 'Non-molestation order',
  abduction_risk: 'Risk of abduction',
  substance_misuse: 'Drugs or alcohol',
  allegations: 'Allegations',
  child_protection: 'Child protection',
  mental_health: 'Mental health',
  address_confidential: 'Address confidential',
  must_not_attend: 'Must not attend',
}
export const SAFETY_FLAGS = Object.keys(SAFETY_FLAG_LABELS) as SafetyFlag[]

export const ROLE_LABELS: Record<PartyRole, string> = {
  child: 'Child',
  resident_parent: 'Parent the child lives with',
  non_resident_parent: 'Visiting parent',
  grandparent: 'Grandparent',
  foster_carer: 'Foster carer',
  new_partner: 'New partner',
  other_relative: 'Other relative',
  named_attendee: 'Named attendee',
  social_worker: 'Social worker',
  referrer: 'Referrer',
  other: 'Other',
}
export const ADULT_ROLES = (Object.keys(ROLE_LABELS) as PartyRole[]).filter((role) => role !== 'child')

export const SIDE_LABELS: Record<Side, string> = {
  resident: 'With the parent the child lives with',
  non_resident: 'With the visiting parent',
}

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  allowed: 'May attend',
  not_allowed: 'Must not attend',
  not_applicable: 'Does not attend',
}

export const AUTHORISED_BY_LABELS: Record<AuthorisedBy, string> = {
  referral: 'Named on the referral',
  court_order: 'Court order',
  written_agreement: 'Written agreement of both parents',
}

export const FIELD_LABELS: Record<ProtectedField, string> = {
  address: 'address',
  phone: 'phone',
  email: 'email',
  school: 'school',
  newPartner: 'new partner',
}

export const COURT_ORDER_LABELS: Record<CourtOrderType, string> = {
  child_arrangements: 'Child arrangements order',
  non_molestation: 'Non-molestation order',
  prohibited_steps: 'Prohibited steps order',
  specific_issue: 'Specific issue order',
  occupation: 'Occupation order',
  restraining: 'Restraining order',
  bail_conditions: 'Bail conditions',
  other: 'Other order',
}
export const COURT_ORDER_TYPES = Object.keys(COURT_ORDER_LABELS) as CourtOrderType[]

export const PRE_VISIT_OUTCOME_LABELS: Record<PreVisitOutcome, string> = {
  scheduled: 'Arranged',
  held: 'Held',
  did_not_attend: 'Did not come',
  cancelled: 'Cancelled',
}

export const CHECKLIST_LABELS: Record<keyof PreVisitChecklist, string> = {
  identityChecked: 'Identity checked',
  detailsConfirmed: 'Referral details confirmed',
  rulesExplained: 'Ground rules explained',
  recordingExplained: 'What we record, and who sees it, explained',
  meetingPreferenceRecorded: 'Wish to meet (or not meet) the other parent noted',
  arrivalPlanAgreed: 'Arrival and leaving times agreed',
  feesExplained: 'Fees explained',
  interpreterUsed: 'Interpreter used',
  tourGiven: 'Shown round the centre',
  emergencyContactTaken: 'Emergency contact taken',
}

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
}

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  supported: 'Supported contact',
  supervised: 'Supervised contact',
  handover: 'Handover',
  indirect: 'Indirect contact',
  decline: 'Decline: the centre cannot manage the risk',
}

export const CLOSURE_LABELS: Record<ClosureOutcome, string> = {
  moved_on_own_arrangements: 'Moved on to their own arrangements',
  moved_on_handover_community: 'Moved on to handovers in the community',
  stepped_down_to_supported: 'Stepped down to supported contact elsewhere',
  transferred_to_other_centre: 'Transferred to another centre',
  court_order_changed_or_ended: 'Court order changed or ended',
  referrer_ended: 'The referrer ended the service',
  no_show_never_started: 'Never started (did not come)',
  place_reallocated_non_attendance: 'Place given to another family after non-attendance',
  withdrawn_rule_breach: 'Place withdrawn: ground rules broken',
  terminated_safety_unmanageable: 'Ended: safety could not be managed',
  parent_withdrew: 'A parent withdrew',
  other: 'Other',
}

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  continue: 'Continue as now',
  change_level: 'Change the contact level',
  change_frequency: 'Change how often',
  move_to_handover: 'Move to handovers',
  plan_exit: 'Plan the move on',
  close: 'Close the case',
}

/** Options for a Mantine Select or Radio group from a label record. */
export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
}

/** Any status code from a history row, including ones this build does not know. */
export function statusLabel(code: string | null): string {
  if (!code) return 'New'
  const labels: Record<string, string> = { ...STATUS_LABELS, active: 'Case open', closed: 'Case closed' }
  return labels[code] ?? code.replaceAll('_', ' ')
}
