import type { GrantRow } from '../../db/repositories/users.repository'
import type { UserRow } from '../../db/database'
import type { Role } from '../access/roles'
import type { UserView } from './users.schemas'

/** What an admin sees of a user: never the password hash, TOTP secret or recovery codes. */
export const presentUser = (row: UserRow, grants: GrantRow[]): UserView => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  status: row.status,
  twoFactorEnabled: row.totp_enabled_at !== null,
  lastLoginAt: row.last_login_at,
  roles: grants.map((g) => ({ role: g.role as Role, centreId: g.centre_id })),
})
