// Names for the shapes the API answers with; types only, so no schema code reaches the bundle.
export type { Account, AccountSession, ApiTokenView, CurrentSession } from '../../domain/auth/auth.schemas'
export type {
  CentreDetail,
  CentreView,
  RoomView,
  VenueView,
} from '../../domain/organisation/organisation.schemas'
export type { UserView } from '../../domain/users/users.schemas'
export type { OutboxMessageView } from '../../domain/outbox/outbox.schemas'
export type { AuditEntryView } from '../../domain/audit/audit.schemas'

import type { CurrentSession } from '../../domain/auth/auth.schemas'
import type { RoomView } from '../../domain/organisation/organisation.schemas'

export type Role = CurrentSession['roles'][number]['role']
export type RoleGrant = CurrentSession['roles'][number]
export type RoomKind = RoomView['kind']
