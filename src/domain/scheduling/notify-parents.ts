import type { Db } from '../../db/connect'
import type { CaseRow } from '../../db/repositories/cases.repository'
import type { CentreRow } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import { findUser } from '../../db/repositories/users.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { enqueueEmail } from '../outbox/enqueue-email'
import { sideOf, unsealProtected } from '../referrals/parties.presenter'
import type { Side } from '../referrals/parties.schemas'
import { sayDay } from '../shared/wording'
import { childrenNames } from './booking'
import { presentSessionForParent, type Names } from './schedule.presenter'
import type { MySession } from './scheduling.schemas'

const PARENT_ROLES = ['resident_parent', 'non_resident_parent']

/** Where a parent's email goes: their account's address, else the address the centre holds. */
async function emailOf(deps: Deps, db: Db, actor: Actor, party: PartyRow): Promise<string | null> {
  if (party.user_id) {
    const user = await findUser(db, scopeOf(actor), party.user_id)
    if (user && user.status !== 'disabled') return user.email
  }
  return unsealProtected(deps.fieldCrypto, party.protected_sealed).email
}

/** One line per session that will not take place: the day and the parent's own time. */
const offLine = (session: MySession): string =>
  `- ${sayDay(session.date)} (you were due at ${session.localArrival})`

/** One line per session, in the parent's own times only. */
export function sessionLine(session: MySession): string {
  const door = session.entrance ? ` by the ${session.entrance}` : ''
  const wait = session.waitingRoom ? `, and wait in the ${session.waitingRoom}` : ''
  return `- ${sayDay(session.date)}: arrive at ${session.localArrival}${door}${wait}; you can leave at ${session.localDeparture}.`
}

/**
 * Tells each parent of their own new sessions. Every line is built from that parent's side of the
 * session (presentSessionForParent), so the other parent's times, door and name never reach them.
 */
export async function notifyParentsOfBooking(
  deps: Deps,
  db: Db,
  actor: Actor,
  found: CaseRow,
  centre: CentreRow,
  ctx: Pick<Names, 'rooms' | 'venues'>,
  sessions: readonly SessionListRow[],
  heading = 'The contact centre has booked these sessions for you:',
  mode: 'booked' | 'off' = 'booked',
): Promise<void> {
  if (sessions.length === 0) return
  const parties = await listPartiesOfReferrals(db, scopeOf(actor), [found.referral_id])
  const names: Names = {
    timeZone: centre.time_zone,
    rooms: ctx.rooms,
    venues: ctx.venues,
    families: new Map(),
  }
  const children = childrenNames(parties)
  for (const parent of parties.filter((p) => PARENT_ROLES.includes(p.role))) {
    const side: Side | null = sideOf(parent)
    if (!side) continue
    const to = await emailOf(deps, db, actor, parent)
    if (!to) continue
    const own = sessions
      .map((s) => presentSessionForParent(s, side, names, children))
      .filter((s): s is MySession => s !== null)
    if (own.length === 0) continue
    const place = own[0]?.place ?? centre.name
    await enqueueEmail(db, deps.clock, {
      organisationId: actor.organisationId,
      to,
      subject: `Your sessions at ${place}`,
      text: [
        `Hello ${parent.full_name},`,
        '',
        heading,
        '',
        ...own.slice(0, 30).map(mode === 'booked' ? sessionLine : offLine),
        ...(own.length > 30 ? [`…and ${own.length - 30} more, which you can see in your parent area.`] : []),
        '',
        ...(mode === 'booked'
          ? [
              'Please arrive and leave at your own times: they keep everyone safe. If you cannot come, tell the',
              'centre at least a day before.',
            ]
          : ['If you have any questions, please contact the centre.']),
      ].join('\n'),
    })
  }
}
