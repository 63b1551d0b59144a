import type { Db } from '../../db/connect'
import { findCase, type CaseRow } from '../../db/repositories/cases.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import { findSession, type SessionListRow } from '../../db/repositories/schedule.repository'
import { hasRoleInCentre, scopeOf, type Actor } from '../access/actor'
import { AppError, notFound } from '../errors'
import { isDesk } from '../referrals/referrals.policy'

/**
 * Who may work a centre's door on a day:
 * - `desk`: the centre's coordinators and the organisation's admins, on any day;
 * - `on_duty`: a volunteer of the centre with a shift on the rota that day.
 * A volunteer of the centre who is not on the rota that day is refused (403, DOOR-OFF-DUTY): the
 * door list names families and who must not come, so it is shown only to the people at the door.
 */
export type DoorRole = 'desk' | 'on_duty'

/** The volunteer ids this user holds at a centre (a person may volunteer at more than one). */
async function volunteerIdsAt(db: Db, actor: Actor, centreId: string): Promise<string[]> {
  if (!actor.userId || !hasRoleInCentre(actor, centreId, 'volunteer')) return []
  const rows = await db
    .selectFrom('volunteers')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('centre_id', '=', centreId)
    .where('user_id', '=', actor.userId)
    .where('stage', 'not in', ['left', 'withdrawn'])
    .execute()
  return rows.map((r) => r.id)
}

/** Whether the actor may see the centre at all: the desk, or one of its volunteers. */
export async function knowsCentre(db: Db, actor: Actor, centreId: string): Promise<boolean> {
  if (isDesk(actor, centreId)) return true
  return (await volunteerIdsAt(db, actor, centreId)).length > 0
}

/**
 * The actor's role at the door of a centre on a local date.
 * @throws AppError NOT_FOUND when the actor has nothing to do with the centre, FORBIDDEN
 *   (rule DOOR-OFF-DUTY) for a volunteer of the centre who has no shift that day.
 */
export async function doorRoleOn(db: Db, actor: Actor, centreId: string, date: string): Promise<DoorRole> {
  if (isDesk(actor, centreId)) return 'desk'
  const volunteerIds = await volunteerIdsAt(db, actor, centreId)
  if (volunteerIds.length === 0) throw notFound('Centre')
  const shift = await db
    .selectFrom('rota_assignments')
    .select('id')
    .where('organisation_id', '=', actor.organisationId)
    .where('centre_id', '=', centreId)
    .where('volunteer_id', 'in', volunteerIds)
    .where('on_date', '=', date)
    .where('status', '=', 'assigned')
    .executeTakeFirst()
  if (!shift)
    throw new AppError(
      'FORBIDDEN',
      'You are not on the rota at this centre that day, so its door list is not open to you',
      {
        rule: 'DOOR-OFF-DUTY',
      },
    )
  return 'on_duty'
}

export interface DaySession {
  session: SessionListRow
  found: CaseRow
  centre: NonNullable<Awaited<ReturnType<typeof findCentre>>>
  parties: PartyRow[]
  role: DoorRole
}

/**
 * A session with its case, centre and people, for the people working its day.
 * @throws AppError NOT_FOUND for a session of another organisation or of a centre the actor has
 *   nothing to do with; FORBIDDEN (DOOR-OFF-DUTY) for a volunteer not on the rota that day.
 */
export async function findDaySession(db: Db, actor: Actor, sessionId: string): Promise<DaySession> {
  const scope = scopeOf(actor)
  const session = await findSession(db, scope, sessionId)
  if (!session) throw notFound('Session')
  const role = await doorRoleOn(db, actor, session.centre_id, session.local_date).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Session')
    throw error
  })
  const [found, centre] = await Promise.all([
    findCase(db, scope, session.case_id),
    findCentre(db, scope, session.centre_id),
  ])
  if (!found || !centre) throw notFound('Session')
  const parties = await listPartiesOfReferrals(db, scope, [found.referral_id])
  return { session, found, centre, parties, role }
}
