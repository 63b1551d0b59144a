import { findParty, updateParty } from '../../db/repositories/parties.repository'
import type { Scope } from '../access/actor'
import type { Deps } from '../context'

/**
 * Links the demo parent login to a parent's record, so it sees "My family". A real parent gets an
 * account by invitation (invitePartyToPortal), which makes a new user; the demo's parent account
 * already exists, with the published password, and no use case links an existing user to a party.
 */
export async function linkDemoParent(
  deps: Deps,
  scope: Scope,
  partyId: string,
  userId: string,
): Promise<void> {
  const party = await findParty(deps.db, scope, partyId)
  if (party?.role !== 'resident_parent' && party?.role !== 'non_resident_parent')
    throw new Error('demo: the parent login must be linked to a parent')
  await updateParty(deps.db, scope, party.id, { user_id: userId, updated_at: deps.clock.now().toISOString() })
}
