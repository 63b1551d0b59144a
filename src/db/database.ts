import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** An instant in UTC, always read and written as `YYYY-MM-DDTHH:mm:ss.sssZ` (docs/decisions/0003). */
export type Instant = string
/** SQLite has no boolean: 0 or 1 on both back ends. */
export type Flag = number

export interface OrganisationsTable {
  id: string
  name: string
  require_staff_mfa: Flag
  created_at: Instant
  updated_at: Instant
}

export interface CentresTable {
  id: string
  organisation_id: string
  name: string
  time_zone: string
  /** How many volunteers the centre aims to have; null uses the organisation's setting. */
  target_volunteers: number | null
  created_at: Instant
  updated_at: Instant
}

export interface VenuesTable {
  id: string
  organisation_id: string
  centre_id: string
  name: string
  address: string | null
  has_separate_entrances: Flag
  /** JSON array of entrance names; null means one main entrance. */
  entrances: string | null
  archived_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface RoomsTable {
  id: string
  organisation_id: string
  venue_id: string
  name: string
  kind: string
  capacity_families: number
  archived_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface UsersTable {
  id: string
  organisation_id: string
  email: string
  display_name: string
  password_hash: string | null
  status: 'invited' | 'active' | 'disabled'
  /** AES-256-GCM ciphertext of the TOTP secret; the key lives outside the database. */
  totp_secret: string | null
  totp_enabled_at: Instant | null
  totp_last_step: number | null
  last_login_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface RoleAssignmentsTable {
  id: string
  organisation_id: string
  user_id: string
  role: string
  centre_id: string | null
  created_at: Instant
}

export interface RecoveryCodesTable {
  id: string
  user_id: string
  code_hash: string
  used_at: Instant | null
  created_at: Instant
}

export interface AuthSessionsTable {
  id: string
  token_hash: string
  user_id: string
  organisation_id: string
  stage: 'second_factor' | 'enrol_second_factor' | 'active'
  csrf_token: string
  ip: string | null
  user_agent: string | null
  created_at: Instant
  last_seen_at: Instant
  expires_at: Instant
  idle_seconds: number
  reauthenticated_at: Instant | null
}

export interface OneTimeLinksTable {
  id: string
  token_hash: string
  user_id: string
  organisation_id: string
  purpose: 'password_reset' | 'invitation'
  created_at: Instant
  expires_at: Instant
  used_at: Instant | null
}

export interface ApiTokensTable {
  id: string
  organisation_id: string
  user_id: string
  name: string
  token_hash: string
  token_prefix: string
  created_at: Instant
  expires_at: Instant
  revoked_at: Instant | null
  last_used_at: Instant | null
}

export interface OutboxTable {
  id: string
  organisation_id: string | null
  to_address: string
  subject: string
  text_body: string
  status: 'pending' | 'sent' | 'failed'
  attempts: ColumnType<number, number | undefined, number>
  last_error: string | null
  created_at: Instant
  next_attempt_at: Instant
  sent_at: Instant | null
}

export interface AuditLogTable {
  seq: Generated<number>
  id: string
  at: Instant
  organisation_id: string | null
  actor_user_id: string | null
  actor_role: string | null
  action: string
  resource_type: string | null
  /** JSON array of record ids. */
  resource_ids: string
  ip: string | null
  outcome: 'success' | 'denied' | 'failure'
  request_id: string | null
  /** JSON object; never holds protected field values. */
  details: string
  prev_hash: string
  hash: string
}

/** A local calendar date, `YYYY-MM-DD` (docs/decisions/0003). */
export type LocalDate = string

export interface OrganisationSettingsTable {
  organisation_id: string
  /** JSON, parsed with defaults by the domain (IntakeSettingsSchema). */
  intake: string
  /** JSON, parsed with defaults by the domain (SchedulingSettingsSchema). */
  scheduling: string | null
  /** JSON, parsed with defaults by the domain (VolunteeringSettingsSchema). */
  volunteering: string | null
  /** JSON, parsed with defaults by the domain (SessionDaySettingsSchema). */
  session_day: string | null
  updated_at: Instant
}

export interface ReferralsTable {
  id: string
  organisation_id: string
  centre_id: string
  reference: string
  status: string
  channel: string
  source_code: string
  service_requested: string
  frequency_requested: string | null
  referrer_user_id: string | null
  referrer_name: string | null
  referrer_organisation: string | null
  referrer_role: string | null
  referrer_email: string | null
  referrer_phone: string | null
  referrer_acting_for: string | null
  /** JSON array of risk codes; the narrative is sealed in risk_sealed. */
  risk_flags: string
  risk_sealed: string | null
  received_at: Instant
  status_changed_at: Instant
  decision_reason: string | null
  decided_by_user_id: string | null
  decided_at: Instant | null
  accepted_level: string | null
  waitlisted_at: Instant | null
  case_id: string | null
  merged_into_id: string | null
  created_at: Instant
  updated_at: Instant
}

export interface CasesTable {
  id: string
  organisation_id: string
  centre_id: string
  referral_id: string
  reference: string
  status: string
  service_level: string
  capacity_weight: number
  opened_at: Instant
  review_due_on: LocalDate
  risk_flags: string
  closed_at: Instant | null
  closure_outcome: string | null
  closure_reason: string | null
  /** Why the case needs a review before its due date (e.g. two unexplained missed sessions). */
  review_flag: string | null
  review_flag_raised_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface PartiesTable {
  id: string
  organisation_id: string
  referral_id: string
  case_id: string | null
  kind: string
  role: string
  side: string | null
  full_name: string
  search_name: string
  date_of_birth: LocalDate | null
  /** JSON of the details that are not protected (language, needs, relationship...). */
  details: string
  /** Sealed JSON of the protected fields (address, phone, email, school, new partner). */
  protected_sealed: string | null
  /** JSON array naming which protected fields hold a value, so staff see what is withheld. */
  protected_present: string
  attendance: string
  authorised_by: string | null
  safety_flags: string
  user_id: string | null
  created_at: Instant
  updated_at: Instant
}

export interface DocumentsTable {
  id: string
  organisation_id: string
  referral_id: string
  kind: string
  title: string
  content_type: string
  size_bytes: number
  content_sealed: string
  uploaded_by_user_id: string | null
  created_at: Instant
}

export interface CourtOrdersTable {
  id: string
  organisation_id: string
  referral_id: string
  order_type: string
  made_on: LocalDate | null
  court: string | null
  conditions: string | null
  named_people: string | null
  expires_on: LocalDate | null
  document_id: string | null
  created_at: Instant
}

export interface PreVisitsTable {
  id: string
  organisation_id: string
  referral_id: string
  party_id: string
  kind: string
  scheduled_at: Instant
  held_on: LocalDate | null
  outcome: string
  checklist: string
  notes_sealed: string | null
  conducted_by_user_id: string | null
  created_at: Instant
  updated_at: Instant
}

export interface RiskAssessmentsTable {
  id: string
  organisation_id: string
  referral_id: string
  kind: string
  level: string
  recommended_service: string
  factors: string
  conditions: string
  answers_sealed: string
  assessed_by_user_id: string | null
  assessed_at: Instant
  review_due_on: LocalDate
}

export interface GroundRulesVersionsTable {
  id: string
  organisation_id: string
  version: number
  title: string
  body: string
  published_by_user_id: string | null
  published_at: Instant
}

export interface GroundRulesSignaturesTable {
  id: string
  organisation_id: string
  party_id: string
  version_id: string
  method: string
  recorded_by_user_id: string | null
  signed_at: Instant
}

export interface CaseLevelChangesTable {
  id: string
  organisation_id: string
  case_id: string
  level: string
  previous_level: string | null
  reason: string
  changed_by_user_id: string | null
  changed_at: Instant
}

export interface CaseReviewsTable {
  id: string
  organisation_id: string
  case_id: string
  held_on: LocalDate
  outcome: string
  notes_sealed: string | null
  next_review_due_on: LocalDate
  /** The date the review was due when it was held; null for a first review recorded before this was kept. */
  due_on: LocalDate | null
  reviewed_by_user_id: string | null
  created_at: Instant
}

export interface CaseNotesTable {
  id: string
  organisation_id: string
  case_id: string
  body_sealed: string
  author_user_id: string | null
  created_at: Instant
}

export interface WorkflowTransitionsTable {
  id: string
  organisation_id: string
  subject_type: 'referral' | 'case' | 'volunteer'
  subject_id: string
  from_status: string | null
  to_status: string
  reason: string | null
  actor_user_id: string | null
  /** Who acted, as the history shows it: a person's name, "Public form" or "Command line". */
  actor_label: string
  at: Instant
}

export interface OpeningSessionsTable {
  id: string
  organisation_id: string
  venue_id: string
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number
  /** Local wall-clock time in the centre's zone, `HH:mm`. */
  starts_at_time: string
  ends_at_time: string
  /** 1 = every week, 2 = every other week (counted from first_on). */
  every_weeks: number
  first_on: LocalDate
  last_on: LocalDate | null
  capacity_units: number
  /** JSON: team leaders, floor and reception volunteers each occurrence needs; null uses the defaults. */
  staffing: string | null
  archived_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface ClosuresTable {
  id: string
  organisation_id: string
  centre_id: string
  /** null: every venue of the centre is closed. */
  venue_id: string | null
  first_day: LocalDate
  last_day: LocalDate
  reason: string
  created_by_user_id: string | null
  created_at: Instant
}

export interface ContactPlansTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  status: string
  service_type: string
  frequency: string
  /** For `monthly_weekday`: 1-4, or -1 for the last such weekday of the month. */
  week_of_month: number | null
  /** JSON array of local dates for `on_dates` plans; null otherwise. */
  on_dates: string | null
  first_on: LocalDate
  last_on: LocalDate | null
  starts_at_time: string
  duration_minutes: number
  venue_id: string | null
  room_id: string | null
  /** JSON ArrivalRules. */
  arrival: string
  offsite_sealed: string | null
  notes_sealed: string | null
  replaces_plan_id: string | null
  ended_reason: string | null
  created_by_user_id: string | null
  created_at: Instant
  updated_at: Instant
}

export interface SessionsTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  plan_id: string
  occurrence_on: LocalDate
  local_date: LocalDate
  service_type: string
  status: string
  venue_id: string | null
  room_id: string | null
  starts_at: Instant
  ends_at: Instant
  occupied_from: Instant
  occupied_until: Instant
  capacity_weight: number
  first_party: string
  resident_arrives_at: Instant
  resident_leaves_at: Instant
  resident_entrance: string | null
  resident_waiting_room_id: string | null
  non_resident_arrives_at: Instant
  non_resident_leaves_at: Instant
  non_resident_entrance: string | null
  non_resident_waiting_room_id: string | null
  offsite_sealed: string | null
  moved: Flag
  cancelled_by: string | null
  cancelled_at: Instant | null
  cancel_notice_hours: number | null
  cancel_reason: string | null
  resident_outcome: string | null
  non_resident_outcome: string | null
  outcome_explained: Flag | null
  outcome_reason: string | null
  outcome_recorded_at: Instant | null
  /** Supported sessions: a practical note on attendance only, never what happened in the session. */
  attendance_note: string | null
  ended_early_at: Instant | null
  ended_early_reason: string | null
  /** Set while the session is suspended by this suspension. */
  suspension_id: string | null
  /** 'desk' or 'register': an outcome from the register is worked out again while the register changes. */
  outcome_source: string | null
  version: number
  created_at: Instant
  updated_at: Instant
}

export interface CalendarFeedsTable {
  id: string
  organisation_id: string
  user_id: string
  /** SHA-256 of the secret in the feed's address; the address itself is shown once. */
  token_hash: string
  label: string
  created_at: Instant
  last_used_at: Instant | null
  revoked_at: Instant | null
}

export interface VolunteersTable {
  id: string
  organisation_id: string
  centre_id: string
  /** The volunteer's sign-in, once they have one; enquiries have none. */
  user_id: string | null
  full_name: string
  search_name: string
  email: string | null
  phone: string | null
  date_of_birth: LocalDate | null
  stage: string
  stage_changed_at: Instant
  /** JSON array of the duties beyond the floor they may take (team_leader, supervisor, escort...). */
  duties: string
  mentor_id: string | null
  started_on: LocalDate | null
  mentoring_until: LocalDate | null
  planned_end_on: LocalDate | null
  left_on: LocalDate | null
  references_received: number
  /** JSON array of weekly windows: { weekday, from, to }. */
  availability: string
  max_shifts_per_month: number | null
  notes: string | null
  version: number
  created_at: Instant
  updated_at: Instant
}

export interface VolunteerRequirementsTable {
  id: string
  organisation_id: string
  code: string
  title: string
  kind: string
  mandatory: Flag
  valid_months: number | null
  due_days: number | null
  /** JSON array: '*' gates every shift, otherwise the duties it gates. */
  gates: string
  sort_order: number
  archived_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface VolunteerRecordsTable {
  id: string
  organisation_id: string
  volunteer_id: string
  requirement_id: string
  completed_on: LocalDate
  expires_on: LocalDate | null
  passed: Flag
  provider: string | null
  note: string | null
  /** Sealed JSON of DBS certificate metadata (level, number, update-service check); never the content. */
  dbs_sealed: string | null
  renewal_started_on: LocalDate | null
  recorded_by_user_id: string | null
  created_at: Instant
  updated_at: Instant
}

export interface PoliciesTable {
  id: string
  organisation_id: string
  title: string
  must_read: Flag
  sort_order: number
  archived_at: Instant | null
  created_at: Instant
}

export interface PolicyVersionsTable {
  id: string
  organisation_id: string
  policy_id: string
  version: number
  body: string
  changes: string | null
  published_on: LocalDate
  published_by_user_id: string | null
  created_at: Instant
}

export interface PolicyAcknowledgementsTable {
  id: string
  organisation_id: string
  volunteer_id: string
  policy_version_id: string
  user_id: string | null
  acknowledged_at: Instant
}

export interface AvailabilityExceptionsTable {
  id: string
  organisation_id: string
  volunteer_id: string
  first_day: LocalDate
  last_day: LocalDate
  kind: 'unavailable' | 'available'
  note: string | null
  created_at: Instant
}

export interface RotaAssignmentsTable {
  id: string
  organisation_id: string
  centre_id: string
  venue_id: string | null
  opening_id: string | null
  session_id: string | null
  /** `opening:<id>:<date>` for an opening's shift, `session:<id>` for an escorted visit. */
  shift_key: string
  on_date: LocalDate
  duty: string
  volunteer_id: string
  starts_at: Instant
  ends_at: Instant
  status: 'assigned' | 'cancelled'
  suggested: Flag
  assigned_by_user_id: string | null
  version: number
  created_at: Instant
  updated_at: Instant
}

export interface RotaSwapsTable {
  id: string
  organisation_id: string
  centre_id: string
  assignment_id: string
  from_volunteer_id: string
  to_volunteer_id: string
  status: 'requested' | 'approved' | 'declined' | 'withdrawn'
  note: string | null
  requested_by_user_id: string | null
  requested_at: Instant
  decided_by_user_id: string | null
  decided_at: Instant | null
  decision_note: string | null
}

export interface VolunteerHoursTable {
  id: string
  organisation_id: string
  centre_id: string
  volunteer_id: string
  assignment_id: string | null
  kind: string
  on_date: LocalDate
  minutes: number
  miles: number | null
  expenses_pence: number | null
  description: string | null
  status: 'submitted' | 'approved' | 'declined'
  submitted_by_user_id: string | null
  decided_by_user_id: string | null
  decided_at: Instant | null
  decision_note: string | null
  created_at: Instant
}

export interface ComplianceAlertsTable {
  id: string
  organisation_id: string
  volunteer_id: string
  requirement_id: string
  due_on: LocalDate
  days_before: number
  sent_at: Instant
}

export interface AttendanceEventsTable {
  id: string
  organisation_id: string
  centre_id: string
  session_id: string
  case_id: string
  party_id: string | null
  side: string | null
  kind: string
  visitor_name_sealed: string | null
  note: string | null
  at: Instant
  client_id: string
  recorded_by_user_id: string | null
  recorded_at: Instant
  voided_at: Instant | null
  voided_by_user_id: string | null
}

export interface ObservationRecordsTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  session_id: string
  author_user_id: string
  sections_sealed: string
  status: 'draft' | 'submitted' | 'returned' | 'released'
  version: number
  submitted_at: Instant | null
  checked_by_user_id: string | null
  checked_at: Instant | null
  return_note: string | null
  released_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface IncidentsTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  session_id: string | null
  category: string
  severity: string
  occurred_at: Instant
  location: string | null
  people: string
  actions: string
  account_sealed: string
  status: 'open' | 'reviewed' | 'closed'
  reported_by_user_id: string | null
  coordinator_notified_at: Instant | null
  referrer_due_at: Instant | null
  referrer_notified_at: Instant | null
  reviewed_by_user_id: string | null
  reviewed_at: Instant | null
  review_note: string | null
  created_at: Instant
  updated_at: Instant
}

export interface WarningsTable {
  id: string
  organisation_id: string
  case_id: string
  party_id: string
  incident_id: string | null
  level: string
  reason: string
  issued_by_user_id: string | null
  issued_at: Instant
}

export interface SuspensionsTable {
  id: string
  organisation_id: string
  case_id: string
  incident_id: string | null
  from_on: LocalDate
  conditions: string
  status: 'active' | 'lifted'
  sessions_suspended: number
  created_by_user_id: string | null
  created_at: Instant
  lifted_at: Instant | null
  lifted_by_user_id: string | null
  lift_note: string | null
}

export interface ReportReleasesTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  kind: 'attendance' | 'supervised'
  from_on: LocalDate
  to_on: LocalDate
  referral_id: string | null
  recipient_user_id: string | null
  recipient_label: string
  recipient_side: string | null
  content_sealed: string
  sha256: string
  size_bytes: number
  pages: number
  redaction: string
  released_by_user_id: string | null
  released_at: Instant
  first_downloaded_at: Instant | null
  downloads: number
}

export interface FeedbackTable {
  id: string
  organisation_id: string
  centre_id: string
  case_id: string
  session_id: string
  party_id: string
  form: 'parent' | 'child'
  answers: string
  comment_sealed: string | null
  submitted_by_user_id: string | null
  submitted_at: Instant
}

export interface DB {
  organisations: OrganisationsTable
  centres: CentresTable
  venues: VenuesTable
  rooms: RoomsTable
  users: UsersTable
  role_assignments: RoleAssignmentsTable
  recovery_codes: RecoveryCodesTable
  auth_sessions: AuthSessionsTable
  one_time_links: OneTimeLinksTable
  api_tokens: ApiTokensTable
  outbox: OutboxTable
  audit_log: AuditLogTable
  organisation_settings: OrganisationSettingsTable
  referrals: ReferralsTable
  cases: CasesTable
  parties: PartiesTable
  documents: DocumentsTable
  court_orders: CourtOrdersTable
  pre_visits: PreVisitsTable
  risk_assessments: RiskAssessmentsTable
  ground_rules_versions: GroundRulesVersionsTable
  ground_rules_signatures: GroundRulesSignaturesTable
  case_level_changes: CaseLevelChangesTable
  case_reviews: CaseReviewsTable
  case_notes: CaseNotesTable
  workflow_transitions: WorkflowTransitionsTable
  opening_sessions: OpeningSessionsTable
  closures: ClosuresTable
  contact_plans: ContactPlansTable
  sessions: SessionsTable
  calendar_feeds: CalendarFeedsTable
  volunteers: VolunteersTable
  volunteer_requirements: VolunteerRequirementsTable
  volunteer_records: VolunteerRecordsTable
  policies: PoliciesTable
  policy_versions: PolicyVersionsTable
  policy_acknowledgements: PolicyAcknowledgementsTable
  availability_exceptions: AvailabilityExceptionsTable
  rota_assignments: RotaAssignmentsTable
  rota_swaps: RotaSwapsTable
  volunteer_hours: VolunteerHoursTable
  compliance_alerts: ComplianceAlertsTable
  attendance_events: AttendanceEventsTable
  observation_records: ObservationRecordsTable
  incidents: IncidentsTable
  warnings: WarningsTable
  suspensions: SuspensionsTable
  report_releases: ReportReleasesTable
  feedback: FeedbackTable
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type AuthSessionRow = Selectable<AuthSessionsTable>
export type AuditRow = Selectable<AuditLogTable>
export type OutboxRow = Selectable<OutboxTable>
