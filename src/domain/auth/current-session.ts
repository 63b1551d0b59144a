import { findOrganisation } from '../../db/repositories/organisations.repository'
import type { Deps } from '../context'
import { notFound } from '../errors'
import type { CurrentSession } from './auth.schemas'
import type { Principal } from './resolve-session'

/** What the web app needs to know about who is signed in, at which stage, and its CSRF token. */
export async function describeSession(deps: Deps, principal: Principal): Promise<CurrentSession> {
  const { user, session, actor } = principal
  const organisation = await findOrganisation(deps.db, { organisationId: user.organisation_id })
  if (!organisation || !session) throw notFound('Session')
  return {
    stage: session.stage,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
    idleSeconds: session.idle_seconds,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      hasTwoFactor: user.totp_enabled_at !== null,
    },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      requireStaffTwoFactor: organisation.require_staff_mfa === 1,
    },
    roles: actor.grants.map((g) => ({ role: g.role, centreId: g.centreId })),
  }
}
