import {
  findOrganisation,
  updateOrganisation as updateOrganisationRow,
} from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { assertCan, canManageOrganisation } from './organisation.policy'
import { presentOrganisation } from './organisation.presenter'
import type { OrganisationView, UpdateOrganisationInput } from './organisation.schemas'

/** The actor's own organisation. */
export async function getOrganisation(deps: Deps, actor: Actor): Promise<OrganisationView> {
  const row = await findOrganisation(deps.db, scopeOf(actor))
  if (!row) throw notFound('Organisation')
  return presentOrganisation(row)
}

/**
 * Renames the organisation or changes whether staff must use two-factor authentication.
 * @throws AppError FORBIDDEN unless the actor is an admin.
 */
export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  input: UpdateOrganisationInput,
): Promise<OrganisationView> {
  assertCan(canManageOrganisation(actor))
  return deps.db.transaction().execute(async (trx) => {
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.requireStaffTwoFactor !== undefined && {
        require_staff_mfa: input.requireStaffTwoFactor ? 1 : 0,
      }),
      updated_at: deps.clock.now().toISOString(),
    }
    await updateOrganisationRow(trx, scopeOf(actor), changes)
    const row = await findOrganisation(trx, scopeOf(actor))
    if (!row) throw notFound('Organisation')
    await auditAs(trx, deps.clock, actor, {
      action: 'organisation.update',
      resourceType: 'organisation',
      resourceIds: [row.id],
      details: { fields: Object.keys(input) },
    })
    return presentOrganisation(row)
  })
}
