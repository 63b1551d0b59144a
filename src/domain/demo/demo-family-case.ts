import type { Db } from '../../db/connect'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import { listSessionsOfCase, type SessionListRow } from '../../db/repositories/schedule.repository'
import { cliOrigin, type Actor } from '../access/actor'
import type { Role } from '../access/roles'

/** Who the session day is seeded for: the demo organisation, its centre and the demo logins. */
export interface SessionDayCrew {
  organisationId: string
  centreId: string
  /** The demo accounts' user ids, by role. */
  userIds: Record<Role, string>
}

/** A demo account acting at the demo centre (admins across the organisation). */
export const crewActor = (crew: SessionDayCrew, role: Role): Actor => ({
  kind: 'cli',
  userId: crew.userIds[role],
  organisationId: crew.organisationId,
  grants: [{ role, centreId: role === 'admin' ? null : crew.centreId }],
  sessionId: null,
  origin: cliOrigin(),
})

/** A family's active case, its people and every session it has had or has booked. */
export interface FamilyCase {
  id: string
  referralId: string
  reference: string
  parties: PartyRow[]
  sessions: SessionListRow[]
}

/** The active case of the family a visiting parent names. */
export async function familyCase(db: Db, crew: SessionDayCrew, visiting: string): Promise<FamilyCase> {
  const scope = { organisationId: crew.organisationId }
  const found = await db
    .selectFrom('parties')
    .innerJoin('cases', 'cases.id', 'parties.case_id')
    .select(['cases.id', 'cases.referral_id', 'cases.reference'])
    .where('cases.organisation_id', '=', crew.organisationId)
    .where('cases.status', '=', 'active')
    .where('parties.role', '=', 'non_resident_parent')
    .where('parties.full_name', '=', visiting)
    .executeTakeFirst()
  if (!found) throw new Error(`demo: the case of ${visiting} is missing`)
  const [parties, sessions] = await Promise.all([
    listPartiesOfReferrals(db, scope, [found.referral_id]),
    listSessionsOfCase(db, scope, found.id),
  ])
  return { id: found.id, referralId: found.referral_id, reference: found.reference, parties, sessions }
}

/** One person of a family by role (the parents); a case always has both. */
export function personOf(family: FamilyCase, role: 'resident_parent' | 'non_resident_parent'): PartyRow {
  const found = family.parties.find((p) => p.role === role)
  if (!found) throw new Error(`demo: case ${family.reference} has no ${role}`)
  return found
}

/** The sessions held and completed between two local days (inclusive), oldest first. */
export const completedBetween = (family: FamilyCase, from: string, to: string): SessionListRow[] =>
  family.sessions.filter((s) => s.status === 'completed' && s.local_date >= from && s.local_date <= to)
