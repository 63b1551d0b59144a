import type { Db } from '../../db/connect'
import { findCase, updateCase } from '../../db/repositories/cases.repository'
import {
  findPlan,
  findSession,
  listSessionsOfCase,
  lockCentreForBooking,
  updateSessionAtVersion,
  type SessionListRow,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { findDeskCase } from '../cases/case-file'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import {
  assertReady,
  candidateOn,
  conflictsOf,
  loadBookingContext,
  namesFor,
  type Placement,
} from './booking'
import { notifyParentsOfBooking } from './notify-parents'
import { missedSince } from './plans'
import { presentSession, withNotice } from './schedule.presenter'
import { localParts, noticeHours } from './schedule.rules'
import { loadSchedulingSettings } from './scheduling-settings'
import {
  ArrivalRulesSchema,
  OffsiteSchema,
  type CancelSessionInput,
  type MoveSessionInput,
  type RecordOutcomeInput,
  type SessionView,
} from './scheduling.schemas'
import type { z } from 'zod'
import type { MoveCheckSchema } from './scheduling.schemas'

/** The session and its case, for desk work; another centre's session does not exist for the caller. */
async function findDeskSession(db: Db, actor: Actor, sessionId: string) {
  const session = await findSession(db, scopeOf(actor), sessionId)
  if (!session) throw notFound('Session')
  const { found, centre } = await findDeskCase(db, actor, session.case_id).catch(() => {
    throw notFound('Session')
  })
  return { session, found, centre }
}

async function present(deps: Deps, db: Db, actor: Actor, sessionId: string): Promise<SessionView> {
  const { session, found, centre } = await findDeskSession(db, actor, sessionId)
  const settings = await loadSchedulingSettings(db, scopeOf(actor))
  const names = await namesFor(db, actor, centre, [found])
  return withNotice(presentSession(session, names, deps.fieldCrypto), settings.cancellationNoticeHours)
}

export const getSession = (deps: Deps, actor: Actor, sessionId: string): Promise<SessionView> =>
  present(deps, deps.db, actor, sessionId)

const stale = () =>
  new AppError('CONFLICT', 'Someone else changed this session since you opened it; reload and try again', {
    rule: 'stale-version',
  })

/**
 * Moves one occurrence to another day, time or room. The rest of the series is untouched: the
 * session keeps its place in the plan (`occurrenceOn`), so the series never duplicates or breaks.
 * With `dryRun` it only answers what would clash.
 * @throws AppError CONFLICT with each clash, or `stale-version` when someone changed it first.
 */
export async function moveSession(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: MoveSessionInput,
): Promise<z.infer<typeof MoveCheckSchema>> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const { session, found, centre } = await findDeskSession(trx, actor, sessionId)
    // A check only reads: it need not queue behind other bookings of the centre.
    if (!input.dryRun) await lockCentreForBooking(trx, scopeOf(actor), centre.id)
    if (session.status !== 'scheduled')
      throw new AppError('CONFLICT', 'Only a booked session can be moved', { rule: 'session-not-scheduled' })
    if (session.version !== input.version) throw stale()
    const plan = await findPlan(trx, scopeOf(actor), session.plan_id)
    if (!plan) throw notFound('Session')
    const settings = await loadSchedulingSettings(trx, scopeOf(actor))
    const ctx = await loadBookingContext(trx, actor, centre, settings, input.date, input.date)
    const venueId = input.venueId !== undefined ? input.venueId : session.venue_id
    const roomId =
      input.roomId !== undefined ? input.roomId : venueId === session.venue_id ? session.room_id : null
    const arrival = ArrivalRulesSchema.parse(JSON.parse(plan.arrival))
    const sameVenue = venueId === session.venue_id
    const placement: Placement = {
      venueId,
      roomId,
      arrival: {
        ...arrival,
        resident: {
          entrance: session.resident_entrance,
          waitingRoomId: sameVenue ? session.resident_waiting_room_id : null,
        },
        nonResident: {
          entrance: session.non_resident_entrance,
          waitingRoomId: sameVenue ? session.non_resident_waiting_room_id : null,
        },
      },
      offsite: session.offsite_sealed !== null,
      // Off-site sessions keep their travel time either side, as the plan set it.
      travelMinutes: session.offsite_sealed
        ? OffsiteSchema.parse(JSON.parse(deps.fieldCrypto.decrypt(session.offsite_sealed))).travelMinutes
        : 0,
    }
    const duration =
      input.durationMinutes ??
      Math.round((Date.parse(session.ends_at) - Date.parse(session.starts_at)) / 60_000)
    const candidate = candidateOn(ctx, placement, input.date, input.startsAt, duration)
    const conflicts = conflictsOf(ctx, found, placement, candidate, new Set([session.id]))
    if (input.dryRun) {
      // A check is not a move: its own audit row says so (the route's would say session.move).
      await auditAs(trx, deps.clock, actor, {
        action: 'session.move.check',
        resourceType: 'session',
        resourceIds: [session.id, found.id],
        details: { to: input.date, conflicts: conflicts.length },
      })
      return { ok: conflicts.length === 0, conflicts, moved: false }
    }
    if (!input.reason) throw new AppError('INVALID_INPUT', 'Say why the session moves', { field: 'reason' })
    if (conflicts.length > 0)
      throw new AppError('CONFLICT', 'The session cannot move there; see why below', {
        rule: 'SCH',
        conflicts,
      })
    await assertReady(
      trx,
      actor,
      found,
      { ...ctx, sessions: ctx.sessions.filter((s) => s.id !== session.id) },
      input.date,
    )
    const now = deps.clock.now().toISOString()
    const { times } = candidate
    const updated = await updateSessionAtVersion(trx, scopeOf(actor), session.id, session.version, {
      local_date: input.date,
      venue_id: venueId,
      room_id: roomId,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      occupied_from: times.occupiedFrom,
      occupied_until: times.occupiedUntil,
      resident_arrives_at: times.resident.arrivesAt,
      resident_leaves_at: times.resident.leavesAt,
      resident_waiting_room_id: placement.arrival.resident.waitingRoomId,
      non_resident_arrives_at: times.nonResident.arrivesAt,
      non_resident_leaves_at: times.nonResident.leavesAt,
      non_resident_waiting_room_id: placement.arrival.nonResident.waitingRoomId,
      moved: 1,
      updated_at: now,
    })
    if (!updated) throw stale()
    await auditAs(trx, deps.clock, actor, {
      action: 'session.move',
      resourceType: 'session',
      resourceIds: [session.id, found.id],
      details: { from: session.local_date, to: input.date },
    })
    const moved = await findSession(trx, scopeOf(actor), session.id)
    if (moved)
      await notifyParentsOfBooking(
        deps,
        trx,
        actor,
        found,
        centre,
        ctx,
        [moved],
        'The contact centre has moved a session. Your new times are:',
      )
    return { ok: true, conflicts: [], moved: true }
  })
  return {
    ok: outcome.ok,
    conflicts: outcome.conflicts,
    session: outcome.moved ? await present(deps, deps.db, actor, sessionId) : null,
  }
}

/**
 * Cancels one session, recording who cancelled, when the centre was told, the notice given and why
 * (R-SES-3). Both parents are told by the centre (R-SES-6), without saying who cancelled.
 */
export async function cancelSession(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: CancelSessionInput,
): Promise<SessionView> {
  await deps.db.transaction().execute(async (trx) => {
    const { session, found, centre } = await findDeskSession(trx, actor, sessionId)
    if (session.status !== 'scheduled')
      throw new AppError('CONFLICT', 'Only a booked session can be cancelled', {
        rule: 'session-not-scheduled',
      })
    if (session.starts_at <= deps.clock.now().toISOString())
      throw new AppError('CONFLICT', 'The session has started: record who came instead', {
        rule: 'session-started',
      })
    const now = deps.clock.now().toISOString()
    const toldAt = input.toldAt ? new Date(input.toldAt).toISOString() : now
    if (toldAt > now)
      throw new AppError('INVALID_INPUT', 'The centre cannot have been told in the future', {
        field: 'toldAt',
      })
    if (toldAt < session.created_at)
      throw new AppError('INVALID_INPUT', 'The centre cannot have been told before the session was booked', {
        field: 'toldAt',
      })
    const updated = await updateSessionAtVersion(trx, scopeOf(actor), session.id, session.version, {
      status: 'cancelled',
      cancelled_by: input.by,
      cancelled_at: toldAt,
      cancel_notice_hours: noticeHours(toldAt, session.starts_at),
      cancel_reason: input.reason,
      updated_at: now,
    })
    if (!updated) throw stale()
    await auditAs(trx, deps.clock, actor, {
      action: 'session.cancel',
      resourceType: 'session',
      resourceIds: [session.id, found.id],
      details: { by: input.by, noticeHours: noticeHours(toldAt, session.starts_at) },
    })
    const ctx = await loadBookingContext(
      trx,
      actor,
      centre,
      await loadSchedulingSettings(trx, scopeOf(actor)),
      session.local_date,
      session.local_date,
    )
    await notifyParentsOfBooking(
      deps,
      trx,
      actor,
      found,
      centre,
      ctx,
      [{ ...session, status: 'scheduled' }],
      'This session is cancelled and will not take place. Please do not come to the centre:',
      'off',
    )
  })
  return present(deps, deps.db, actor, sessionId)
}

/**
 * Records whether each party came. An unexplained miss counts towards R-SES-4: at the centre's
 * threshold since the last review, the case is flagged for review.
 */
export async function recordOutcome(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: RecordOutcomeInput,
): Promise<SessionView> {
  await deps.db.transaction().execute(async (trx) => {
    const { session, found, centre } = await findDeskSession(trx, actor, sessionId)
    if (session.status === 'cancelled' || session.status === 'skipped')
      throw new AppError('CONFLICT', 'A cancelled session has no attendance to record', {
        rule: 'session-cancelled',
      })
    const now = deps.clock.now().toISOString()
    if (session.starts_at > now)
      throw new AppError('CONFLICT', 'Attendance can be recorded once the session has started', {
        rule: 'session-in-future',
      })
    await writeOutcome(deps, trx, actor, { session, caseId: found.id, timeZone: centre.time_zone }, input)
  })
  return present(deps, deps.db, actor, sessionId)
}

/**
 * Writes whether each party came, inside the caller's transaction, once the caller has checked who
 * may record it and that the session has started: the desk's own record, or the register at the door
 * once everyone has gone. An unexplained miss counts towards R-SES-4.
 * @throws AppError INVALID_INPUT for an explained miss without a reason; CONFLICT `stale-version`.
 */
export async function writeOutcome(
  deps: Deps,
  trx: Db,
  actor: Actor,
  target: {
    session: Pick<SessionListRow, 'id' | 'version'>
    caseId: string
    timeZone: string
    /** The desk's own record, or the register's (worked out again while the register changes). */
    source?: 'desk' | 'register'
  },
  input: RecordOutcomeInput,
): Promise<void> {
  const { session, caseId } = target
  const now = deps.clock.now().toISOString()
  const missed = input.resident === 'did_not_attend' || input.nonResident === 'did_not_attend'
  if (missed && input.explained && !input.reason)
    throw new AppError('INVALID_INPUT', 'Give the reason that explains the missed session', {
      field: 'reason',
    })
  const updated = await updateSessionAtVersion(trx, scopeOf(actor), session.id, session.version, {
    status: missed ? 'did_not_attend' : 'completed',
    resident_outcome: input.resident,
    non_resident_outcome: input.nonResident,
    outcome_explained: input.explained ? 1 : 0,
    outcome_reason: input.reason,
    outcome_recorded_at: now,
    outcome_source: target.source ?? 'desk',
    updated_at: now,
  })
  if (!updated) throw stale()
  const flag = await reviewFlagAfterMiss(trx, actor, caseId, target.timeZone, now)
  await auditAs(trx, deps.clock, actor, {
    action: 'session.outcome',
    resourceType: 'session',
    resourceIds: [session.id, caseId],
    details: {
      resident: input.resident,
      nonResident: input.nonResident,
      explained: input.explained,
      flagged: flag,
      source: target.source ?? 'desk',
    },
  })
}

/** Raises the case's review flag once a side reaches the unexplained-miss threshold (R-SES-4). */
async function reviewFlagAfterMiss(
  trx: Db,
  actor: Actor,
  caseId: string,
  timeZone: string,
  now: string,
): Promise<boolean> {
  const scope = scopeOf(actor)
  const [found, settings, sessions, review] = await Promise.all([
    findCase(trx, scope, caseId),
    loadSchedulingSettings(trx, scope),
    listSessionsOfCase(trx, scope, caseId),
    trx
      .selectFrom('case_reviews')
      .select((eb) => eb.fn.max('held_on').as('held_on'))
      .where('organisation_id', '=', scope.organisationId)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
  ])
  if (!found || found.review_flag) return false
  const misses = missedSince(sessions, (review?.held_on as string | null | undefined) ?? null)
  const side =
    misses.nonResident >= settings.missesBeforeReview
      ? 'visiting parent'
      : misses.resident >= settings.missesBeforeReview
        ? 'resident parent'
        : null
  if (!side) return false
  await updateCase(trx, scope, caseId, {
    review_flag: `The ${side} has missed ${settings.missesBeforeReview} sessions without a reason since ${review?.held_on ? `the review on ${review.held_on}` : 'the case opened'} (as of ${localParts(now, timeZone).date}).`,
    review_flag_raised_at: now,
    updated_at: now,
  })
  return true
}
