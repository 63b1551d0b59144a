import {
  countOrganisations,
  findCentre,
  findOrganisation,
} from '../../db/repositories/organisations.repository'
import { listOrganisationIds } from '../../db/repositories/organisation-listing.repository'
import { findUserByEmailForLogin, listGrants } from '../../db/repositories/users.repository'
import { cliOrigin, type Actor } from '../access/actor'
import type { Role } from '../access/roles'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'

/** How many organisations the database holds: set-up commands refuse to add a second by accident. */
export const countAllOrganisations = (deps: Deps): Promise<number> => countOrganisations(deps.db)

/**
 * The organisation a command line operation works in: the one named, or the only one there is.
 * @throws AppError NOT_FOUND for an unknown id or an empty database; INVALID_INPUT when several exist and none is named.
 */
export async function resolveCommandLineOrganisation(deps: Deps, organisationId?: string): Promise<string> {
  if (organisationId !== undefined) {
    if (!(await findOrganisation(deps.db, { organisationId }))) throw notFound('Organisation')
    return organisationId
  }
  const ids = await listOrganisationIds(deps.db, 2)
  const [only] = ids
  if (only === undefined)
    throw new AppError('NOT_FOUND', 'There is no organisation yet: run "kinbridge init" first')
  if (ids.length > 1)
    throw new AppError('INVALID_INPUT', 'There are several organisations: name one with --organisation <id>')
  return only
}

/** @throws AppError NOT_FOUND when the centre is not in the organisation. */
export async function assertCentreInOrganisation(
  deps: Deps,
  organisationId: string,
  centreId: string,
): Promise<void> {
  if (!(await findCentre(deps.db, { organisationId }, centreId))) throw notFound('Centre')
}

/**
 * The command line acting as one user, with that user's roles (so the audit trail names them).
 * @throws AppError NOT_FOUND for an unknown email; CONFLICT when the account is not active.
 */
export async function commandLineActorFor(deps: Deps, email: string): Promise<Actor> {
  const user = await findUserByEmailForLogin(deps.db, email.trim())
  if (!user) throw new AppError('NOT_FOUND', `No account has the email ${email}`)
  if (user.status !== 'active')
    throw new AppError('CONFLICT', `The account ${email} is ${user.status}, not active`)
  const scope = { organisationId: user.organisation_id }
  const grants = (await listGrants(deps.db, scope, user.id)).map((row) => ({
    role: row.role as Role,
    centreId: row.centre_id,
  }))
  return {
    kind: 'cli',
    userId: user.id,
    organisationId: user.organisation_id,
    grants,
    sessionId: null,
    origin: cliOrigin(),
  }
}
