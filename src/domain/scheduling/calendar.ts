import { findCentre, findVenue, listCentres } from '../../db/repositories/organisations.repository'
import { findCase } from '../../db/repositories/cases.repository'
import { listPartiesOfReferrals, listPartiesOfUser } from '../../db/repositories/parties.repository'
import {
  listCasesByIds,
  listPlansOfCase,
  listSessionsOfCases,
  listSessionsOfVenue,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { findDeskCase } from '../cases/case-file'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { isDesk } from '../referrals/referrals.policy'
import { sideOf } from '../referrals/parties.presenter'
import {
  childrenNames,
  candidateOn,
  conflictsOf,
  loadBookingContext,
  namesFor,
  type Placement,
} from './booking'
import { presentSession, presentSessionForParent, withNotice } from './schedule.presenter'
import { addToTime, localParts, openingRunsOn, plusDays, zonedInstant } from './schedule.rules'
import { loadSchedulingSettings } from './scheduling-settings'
import { ArrivalRulesSchema, type CalendarView, type MySession } from './scheduling.schemas'
import type { z } from 'zod'
import type { SlotsQuerySchema, SlotsSchema } from './scheduling.schemas'

const MAX_CALENDAR_DAYS = 42

/**
 * A venue's days, by room: opening sessions with capacity used, closures, and every session with
 * both parties' windows. For the centre's desk (volunteers get the door list of the day).
 */
export async function venueCalendar(
  deps: Deps,
  actor: Actor,
  venueId: string,
  range: { from: string; to: string },
): Promise<CalendarView> {
  const scope = scopeOf(actor)
  const venue = await findVenue(deps.db, scope, venueId)
  if (!venue || !isDesk(actor, venue.centre_id)) throw notFound('Venue')
  const centre = await findCentre(deps.db, scope, venue.centre_id)
  if (!centre) throw notFound('Venue')
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1
  if (days < 1 || days > MAX_CALENDAR_DAYS)
    throw new AppError('INVALID_INPUT', `Show between 1 and ${MAX_CALENDAR_DAYS} days at a time`, {
      field: 'to',
    })
  const settings = await loadSchedulingSettings(deps.db, scope)
  const ctx = await loadBookingContext(deps.db, actor, centre, settings, range.from, range.to)
  const rows = await listSessionsOfVenue(deps.db, scope, centre.id, venue.id, range.from, range.to)
  const caseIds = [...new Set(rows.map((r) => r.case_id))]
  const cases = await listCasesByIds(deps.db, scope, caseIds)
  const names = await namesFor(deps.db, actor, centre, cases, ctx)
  const dayList: CalendarView['days'] = []
  for (let i = 0; i < days; i++) {
    const date = plusDays(range.from, i)
    const closed = ctx.closures.find(
      (c) => c.firstDay <= date && date <= c.lastDay && (c.venueId === null || c.venueId === venue.id),
    )
    const openings = ctx.openings
      .filter((o) => o.venueId === venue.id && openingRunsOn(o, date))
      .map((o) => {
        const openFrom = zonedInstant(date, o.startsAt, centre.time_zone)
        const openTo = zonedInstant(date, o.endsAt, centre.time_zone)
        const used = ctx.sessions
          .filter((s) => s.venueId === venue.id && s.occupiedFrom < openTo && openFrom < s.occupiedUntil)
          .reduce((sum, s) => sum + s.capacityWeight, 0)
        return {
          openingId: o.id,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          capacityUnits: o.capacityUnits,
          usedUnits: used,
        }
      })
    dayList.push({ date, closed: closed?.reason ?? null, openings })
  }
  return {
    venueId: venue.id,
    venueName: venue.name,
    timeZone: centre.time_zone,
    from: range.from,
    to: range.to,
    rooms: [...ctx.rooms.values()]
      .filter((r) => r.venue_id === venue.id && r.archived_at === null)
      .map((r) => ({ id: r.id, name: r.name, kind: r.kind, capacityFamilies: r.capacity_families })),
    days: dayList,
    sessions: rows
      .filter((r) => r.status !== 'skipped')
      .map((r) => withNotice(presentSession(r, names, deps.fieldCrypto), settings.cancellationNoticeHours)),
  }
}

/**
 * The next times a case's session would fit: inside an opening, room free, capacity left, parties'
 * doors apart. Uses the case's active plan's arrival rules, or the centre's defaults.
 */
export async function nextSlots(
  deps: Deps,
  actor: Actor,
  caseId: string,
  query: z.infer<typeof SlotsQuerySchema>,
): Promise<z.infer<typeof SlotsSchema>> {
  const { found, centre } = await findDeskCase(deps.db, actor, caseId)
  const scope = scopeOf(actor)
  const settings = await loadSchedulingSettings(deps.db, scope)
  const until = plusDays(query.from, 56)
  const ctx = await loadBookingContext(deps.db, actor, centre, settings, query.from, until)
  const plan = (await listPlansOfCase(deps.db, scope, found.id)).filter((p) => p.status === 'active').at(-1)
  const arrival = plan
    ? ArrivalRulesSchema.parse(JSON.parse(plan.arrival))
    : {
        firstArrivingParty: settings.firstArrivingParty,
        arrivalOffsetMinutes: settings.arrivalOffsetMinutes,
        departureHoldMinutes: settings.departureHoldMinutes,
        resident: { entrance: null, waitingRoomId: null },
        nonResident: { entrance: null, waitingRoomId: null },
      }
  const venueId = query.venueId ?? plan?.venue_id ?? null
  const rooms = [...ctx.rooms.values()].filter(
    (r) =>
      r.archived_at === null &&
      (query.roomId ? r.id === query.roomId : r.kind === 'family_room' || r.kind === 'private_room') &&
      (venueId === null || r.venue_id === venueId),
  )
  const now = deps.clock.now().toISOString()
  const slots: z.infer<typeof SlotsSchema>['slots'] = []
  for (let i = 0; i <= 56 && slots.length < query.limit; i++) {
    const date = plusDays(query.from, i)
    for (const opening of ctx.openings.filter((o) => openingRunsOn(o, date))) {
      for (const room of rooms.filter((r) => r.venue_id === opening.venueId)) {
        const placement: Placement = {
          venueId: opening.venueId,
          roomId: room.id,
          arrival,
          offsite: false,
          travelMinutes: 0,
        }
        for (
          let start = addToTime(opening.startsAt, arrival.arrivalOffsetMinutes);
          start < opening.endsAt && slots.length < query.limit;
          start = addToTime(start, settings.slotStepMinutes)
        ) {
          const candidate = candidateOn(ctx, placement, date, start, query.durationMinutes)
          if (candidate.times.occupiedFrom <= now) continue
          if (conflictsOf(ctx, found, placement, candidate).length > 0) continue
          slots.push({
            date,
            startsAt: start,
            venueId: opening.venueId,
            roomId: room.id,
            roomName: room.name,
          })
          break
        }
        if (slots.length >= query.limit) break
      }
    }
  }
  return { slots }
}

/**
 * A parent's own sessions, from a month ago on: their own times, door and waiting area only
 * (R-CONF-1). Sessions the centre skipped are not shown.
 */
export async function mySessions(
  deps: Deps,
  actor: Actor,
): Promise<{ timeZone: string | null; sessions: MySession[] }> {
  if (!actor.userId) return { timeZone: null, sessions: [] }
  const scope = scopeOf(actor)
  const mine = (await listPartiesOfUser(deps.db, scope, actor.userId)).filter(
    (p) => p.case_id !== null && (p.role === 'resident_parent' || p.role === 'non_resident_parent'),
  )
  const centres = await listCentres(deps.db, scope)
  const out: MySession[] = []
  let timeZone: string | null = null
  for (const me of mine) {
    const side = sideOf(me)
    const found = me.case_id ? await findCase(deps.db, scope, me.case_id) : undefined
    if (!side || !found) continue
    const centre = centres.find((c) => c.id === found.centre_id)
    if (!centre) continue
    timeZone = centre.time_zone
    const today = localParts(deps.clock.now().toISOString(), centre.time_zone).date
    const rows = await listSessionsOfCases(deps.db, scope, [found.id], plusDays(today, -31))
    const names = await namesFor(deps.db, actor, centre, [])
    const children = childrenNames(await listPartiesOfReferrals(deps.db, scope, [found.referral_id]))
    for (const row of rows) {
      const view = presentSessionForParent(row, side, names, children)
      if (view) out.push(view)
    }
  }
  out.sort((a, b) => a.arrivesAt.localeCompare(b.arrivesAt))
  return { timeZone, sessions: out }
}
