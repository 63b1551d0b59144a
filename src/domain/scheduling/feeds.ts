import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalEventStatus } from 'ical-generator'
import { Temporal } from 'temporal-polyfill'
import { listCentres } from '../../db/repositories/organisations.repository'
import {
  findFeedByHash,
  insertFeed,
  listFeedsOfUser,
  listSessionsOfCentres,
  updateFeed,
  type FeedRow,
} from '../../db/repositories/schedule.repository'
import { findUser, listGrants } from '../../db/repositories/users.repository'
import { hasRole, scopeOf, type Actor, type RequestOrigin } from '../access/actor'
import { auditAs } from '../audit/audit'
import { toGrants } from '../auth/resolve-session'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { isDesk } from '../referrals/referrals.policy'
import { volunteerShifts } from '../volunteers/shift-feed'
import { newId } from '../shared/ids'
import { hashSecret, newSecret } from '../shared/secrets'
import { namesFor } from './booking'
import { mySessions } from './calendar'
import { presentSession } from './schedule.presenter'
import { localParts, plusDays } from './schedule.rules'
import type { MySession, SessionView } from './scheduling.schemas'

const presentFeed = (row: FeedRow) => ({
  id: row.id,
  label: row.label,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revoked: row.revoked_at !== null,
})

const feedUrl = (deps: Deps, token: string) => new URL(`/api/feeds/${token}.ics`, deps.publicUrl).toString()

/** Makes a private calendar address for the signed-in person; the secret is shown once. */
export async function createFeed(deps: Deps, actor: Actor, label: string) {
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Only a person can have a calendar feed')
  const userId = actor.userId
  return deps.db.transaction().execute(async (trx) => {
    const token = newSecret()
    const row: FeedRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      user_id: userId,
      token_hash: hashSecret(token),
      label,
      created_at: deps.clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    }
    await insertFeed(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'calendar_feed.create',
      resourceType: 'calendar_feed',
      resourceIds: [row.id],
    })
    return { feed: presentFeed(row), url: feedUrl(deps, token) }
  })
}

export async function listMyFeeds(deps: Deps, actor: Actor) {
  if (!actor.userId) return { feeds: [] }
  return { feeds: (await listFeedsOfUser(deps.db, scopeOf(actor), actor.userId)).map(presentFeed) }
}

/** Stops a feed at once: its address answers 404 from then on. Only its owner can revoke it. */
export async function revokeFeed(deps: Deps, actor: Actor, feedId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const mine = actor.userId ? await listFeedsOfUser(trx, scopeOf(actor), actor.userId) : []
    const feed = mine.find((f) => f.id === feedId)
    if (!feed) throw notFound('Calendar feed')
    const now = deps.clock.now().toISOString()
    if (!feed.revoked_at) await updateFeed(trx, feed.id, { revoked_at: now })
    await auditAs(trx, deps.clock, actor, {
      action: 'calendar_feed.revoke',
      resourceType: 'calendar_feed',
      resourceIds: [feed.id],
    })
    return presentFeed({ ...feed, revoked_at: feed.revoked_at ?? now })
  })
}

const zoned = (instant: string, timeZone: string) =>
  Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone)

function parentEvent(session: MySession) {
  const door = session.entrance ? ` by the ${session.entrance}` : ''
  const wait = session.waitingRoom ? ` Wait in the ${session.waitingRoom}.` : ''
  return {
    summary: session.status === 'cancelled' ? 'Cancelled: contact centre session' : 'Contact centre session',
    description: `Arrive at ${session.localArrival}${door}.${wait} You can leave at ${session.localDeparture}.`,
    location: [session.place, session.address].filter(Boolean).join(', '),
  }
}

function staffEvent(session: SessionView, timeZone: string) {
  const at = (instant: string) => localParts(instant, timeZone).time
  const first = session.firstParty === 'resident' ? session.resident : session.nonResident
  const second = session.firstParty === 'resident' ? session.nonResident : session.resident
  const firstWho = session.firstParty === 'resident' ? 'Resident parent' : 'Visiting parent'
  const secondWho = session.firstParty === 'resident' ? 'visiting parent' : 'resident parent'
  return {
    summary: `${session.status === 'cancelled' ? 'Cancelled: ' : ''}${session.caseReference} · ${session.serviceType}${session.roomName ? ` · ${session.roomName}` : ''}`,
    description: `${firstWho} arrives ${at(first.arrivesAt)}${first.entrance ? ` (${first.entrance})` : ''}, ${secondWho} ${at(second.arrivesAt)}${second.entrance ? ` (${second.entrance})` : ''}. ${secondWho[0]?.toUpperCase()}${secondWho.slice(1)} leaves ${at(second.leavesAt)}, ${firstWho.toLowerCase()} ${at(first.leavesAt)}.`,
    location: session.venueName ?? 'Off site',
  }
}

/**
 * The iCalendar (RFC 5545) text behind a feed address, or null when the address is unknown, revoked
 * or its owner disabled. A parent's feed holds only their own sessions and times; staff feeds name
 * cases by reference only, never a person, because calendars are copied to phones and clouds.
 */
export async function renderFeed(deps: Deps, token: string, origin: RequestOrigin): Promise<string | null> {
  const feed = await findFeedByHash(deps.db, hashSecret(token))
  if (!feed || feed.revoked_at) return null
  const scope = { organisationId: feed.organisation_id }
  const user = await findUser(deps.db, scope, feed.user_id)
  if (user?.status !== 'active') return null
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    organisationId: user.organisation_id,
    grants: toGrants(await listGrants(deps.db, scope, user.id)),
    sessionId: null,
    origin,
  }
  const centres = await listCentres(deps.db, scope)
  const calendar = ical({ name: 'Contact centre', prodId: '//Kinbridge//Calendar feed//EN', ttl: 60 * 60 })
  // Each event names its zone (DTSTART;TZID=...) and the zone's VTIMEZONE is written out. No calendar
  // zone: with one, ical-generator writes DTSTAMP as a floating local time, which RFC 5545 forbids.
  calendar.timezone({ name: null, generator: getVtimezoneComponent })
  // Each event keeps the wall-clock time of its own centre's zone.
  const event = (
    timeZone: string,
    id: string,
    start: string,
    end: string,
    status: string,
    body: { summary: string; description: string; location: string },
  ) =>
    calendar.createEvent({
      id: `${id}@kinbridge`,
      start: zoned(start, timeZone),
      end: zoned(end, timeZone),
      timezone: timeZone,
      stamp: zoned(deps.clock.now().toISOString(), 'UTC'),
      status: status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...body,
    })
  // The desk sees every session of its centres; a volunteer sees the shifts they work.
  const deskCentres = centres.filter((c) => isDesk(actor, c.id))
  const shifts = await volunteerShifts(deps, actor)
  for (const shift of shifts)
    event(shift.timeZone, shift.id, shift.startsAt, shift.endsAt, 'confirmed', shift.body)
  if (deskCentres.length > 0) {
    for (const centre of deskCentres) {
      const today = localParts(deps.clock.now().toISOString(), centre.time_zone).date
      const rows = (
        await listSessionsOfCentres(deps.db, scope, [centre.id], plusDays(today, -14), plusDays(today, 120))
      ).filter((r) => r.status !== 'skipped')
      const names = await namesFor(deps.db, actor, centre, [])
      for (const row of rows) {
        const view = presentSession(row, names, deps.fieldCrypto)
        event(
          centre.time_zone,
          row.id,
          row.occupied_from,
          row.occupied_until,
          row.status,
          staffEvent(view, centre.time_zone),
        )
      }
    }
  } else if (shifts.length === 0 && hasRole(actor, 'parent')) {
    const mine = await mySessions(deps, actor)
    for (const session of mine.sessions)
      event(
        mine.timeZone ?? 'UTC',
        session.id,
        session.arrivesAt,
        session.leavesAt,
        session.status,
        parentEvent(session),
      )
  }
  const now = deps.clock.now().toISOString()
  await updateFeed(deps.db, feed.id, { last_used_at: now })
  await auditAs(deps.db, deps.clock, actor, {
    action: 'calendar_feed.read',
    resourceType: 'calendar_feed',
    resourceIds: [feed.id],
  })
  return calendar.toString()
}
