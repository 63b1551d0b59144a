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
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type AuthSessionRow = Selectable<AuthSessionsTable>
export type AuditRow = Selectable<AuditLogTable>
export type OutboxRow = Selectable<OutboxTable>
