import type { z } from 'zod'
import type { Db } from '../../db/connect'
import { findSession, updateSessionAtVersion } from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { localParts } from '../scheduling/schedule.rules'
import { writeOutcome } from '../scheduling/sessions'
import { newId } from '../shared/ids'
import { findDaySession, type DaySession } from './door-access'
import { decideEntry, isRegisterComplete, outcomeOf, type RegisterEntry } from './door.rules'
import { loadSessionDaySettings } from './session-day-settings'
import type {
  AttendanceNoteSchema,
  AttendanceRecordedSchema,
  EndEarlySchema,
  RecordAttendanceInput,
  TodaySession,
} from './session-day.schemas'
import { DOOR_STATUSES, doorPersonOf, doorTimesOf, entryOf, listEventsOf, presentDaySessions } from './today'

/** A tablet's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000

type Recorded = z.infer<typeof AttendanceRecordedSchema>

/** The session as the door sees it now. */
async function presentOne(deps: Deps, db: Db, actor: Actor, day: DaySession): Promise<TodaySession> {
  const session = await findSession(db, scopeOf(actor), day.session.id)
  if (!session) throw notFound('Session')
  const [view] = await presentDaySessions(deps, db, scopeOf(actor), day.centre, [session])
  if (!view) throw notFound('Session')
  return view
}

function assertTakesEvents(day: DaySession): void {
  if (!(DOOR_STATUSES as readonly string[]).includes(day.session.status))
    throw new AppError('CONFLICT', `This session is ${day.session.status}: no one is expected at the door`, {
      rule: 'DOOR-SESSION-STATUS',
    })
}

/** A time at the door: now by default, never ahead of now beyond a tablet's clock, and on the session's day. */
function doorTime(deps: Deps, day: DaySession, given: string | undefined, field = 'at'): string {
  const now = deps.clock.now().getTime()
  const at = given ? new Date(given).toISOString() : new Date(now).toISOString()
  if (Date.parse(at) > now + CLOCK_SKEW_MS)
    throw new AppError('INVALID_INPUT', 'That time has not come yet', { field })
  if (localParts(at, day.centre.time_zone).date !== day.session.local_date)
    throw new AppError('INVALID_INPUT', 'The time must be on the day of the session', { field })
  return at
}

const findByClientId = (db: Db, actor: Actor, clientId: string) =>
  db
    .selectFrom('attendance_events')
    .select(['id', 'session_id'])
    .where('organisation_id', '=', actor.organisationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst()

/** The answer for a tap already recorded: the stored line, nothing new written. */
async function replay(deps: Deps, actor: Actor, day: DaySession, eventId: string): Promise<Recorded> {
  const session = await presentOne(deps, deps.db, actor, day)
  const event = session.events.find((e) => e.id === eventId)
  if (!event) throw notFound('Attendance event')
  return { event, created: false, warnings: [], session }
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  /unique|duplicate key/i.test(`${error.message} ${(error as { code?: string }).code}`)

/**
 * Records one tap at the door: someone arrived or left, a child was handed over or returned, someone
 * was turned away. The same clientId records once. Warnings that need a second look (an unlisted
 * person, the parties meeting, the wrong order) are answered without writing until confirmed. When
 * everyone has gone, the session's outcome is recorded from the register.
 * @throws AppError NOT_FOUND for a session or person the actor may not see; FORBIDDEN for an off-duty
 *   volunteer; INVALID_INPUT for a bad time or a missing name; CONFLICT for a refused tap
 *   (DOOR-NOT-ALLOWED, DOOR-ALREADY-IN, DOOR-NOT-IN...), `needs-confirmation`, or a reused clientId.
 */
export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: RecordAttendanceInput,
): Promise<Recorded> {
  const day = await findDaySession(deps.db, actor, sessionId)
  const seen = await findByClientId(deps.db, actor, input.clientId)
  if (seen) return replayOrRefuse(deps, actor, day, seen)
  try {
    const written = await deps.db.transaction().execute((trx) => writeTap(deps, trx, actor, sessionId, input))
    const session = await presentOne(deps, deps.db, actor, day)
    const event = session.events.find((e) => e.id === written.id)
    if (!event) throw notFound('Attendance event')
    return { event, created: true, warnings: written.warnings, session }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const again = await findByClientId(deps.db, actor, input.clientId)
    if (!again) throw error
    return replayOrRefuse(deps, actor, day, again)
  }
}

function replayOrRefuse(
  deps: Deps,
  actor: Actor,
  day: DaySession,
  seen: { id: string; session_id: string },
): Promise<Recorded> {
  if (seen.session_id !== day.session.id)
    throw new AppError('CONFLICT', 'This tap was already recorded for another session', {
      rule: 'client-id-reused',
    })
  return replay(deps, actor, day, seen.id)
}

async function writeTap(deps: Deps, trx: Db, actor: Actor, sessionId: string, input: RecordAttendanceInput) {
  const day = await findDaySession(trx, actor, sessionId)
  assertTakesEvents(day)
  const at = doorTime(deps, day, input.at)
  const person = input.partyId ? day.parties.find((p) => p.id === input.partyId) : undefined
  if (input.partyId && !person) throw notFound('Person')
  if (!input.partyId && (input.kind === 'child_handed_over' || input.kind === 'child_returned'))
    throw new AppError('INVALID_INPUT', 'Choose the child who is handed over or returned', {
      field: 'partyId',
    })
  const visitor = input.visitorName?.trim() ?? ''
  if (!person && !visitor)
    throw new AppError('INVALID_INPUT', 'Enter the name the person gave', { field: 'visitorName' })
  if (!person && !input.side)
    throw new AppError('INVALID_INPUT', 'Say whose side the person came with', { field: 'side' })
  const doorPerson = person ? doorPersonOf(person) : null
  const entry: RegisterEntry = {
    kind: input.kind,
    partyId: person?.id ?? null,
    side: doorPerson ? doorPerson.side : (input.side ?? null),
    name: doorPerson?.name ?? visitor,
    at,
  }
  const scope = scopeOf(actor)
  const byId = new Map(day.parties.map((p) => [p.id, p]))
  const rows = (await listEventsOf(trx, scope, [sessionId])).filter((e) => e.voided_at === null)
  const register = rows.map((e) => entryOf(e, byId, deps.fieldCrypto))
  const people = day.parties.map(doorPersonOf)
  const times = doorTimesOf(day.session)
  const settings = await loadSessionDaySettings(trx, scope)
  const decision = decideEntry({
    entry,
    person: doorPerson,
    register,
    people,
    times,
    lateAfterMinutes: settings.lateAfterMinutes,
  })
  if (decision.refusal) {
    const { code, rule, field, message } = decision.refusal
    throw new AppError(code, message, { rule, ...(field && { field }) })
  }
  const unconfirmed = decision.toConfirm.filter((w) => !input.confirmed.includes(w.code))
  if (unconfirmed.length > 0)
    throw new AppError('CONFLICT', unconfirmed.map((w) => w.message).join(' '), {
      rule: 'needs-confirmation',
      warnings: decision.toConfirm,
    })
  const id = newId()
  const now = deps.clock.now().toISOString()
  await trx
    .insertInto('attendance_events')
    .values({
      id,
      organisation_id: actor.organisationId,
      centre_id: day.centre.id,
      session_id: sessionId,
      case_id: day.found.id,
      party_id: entry.partyId,
      side: entry.side,
      kind: entry.kind,
      visitor_name_sealed: person ? null : deps.fieldCrypto.encrypt(visitor),
      note: input.note ?? null,
      at,
      client_id: input.clientId,
      recorded_by_user_id: actor.userId,
      recorded_at: now,
    })
    .execute()
  const warnings = [...decision.toConfirm, ...decision.notes]
  await auditAs(trx, deps.clock, actor, {
    action: 'attendance.record',
    resourceType: 'session',
    resourceIds: [sessionId, id],
    details: { kind: entry.kind, listed: person !== undefined, warnings: warnings.map((w) => w.code) },
  })
  await settleOutcome(deps, trx, actor, day, [...register, entry], settings.lateAfterMinutes)
  return { id, warnings }
}

/**
 * Works the session's outcome out from its register, with no form to fill: once everyone who came
 * has gone and every child is back (and both sides came, or the session's time is over). An outcome
 * the register gave is worked out again as the register changes (a late tap, an undo), and taken
 * back when the register is no longer complete; the desk's own record is never overwritten.
 */
async function settleOutcome(
  deps: Deps,
  trx: Db,
  actor: Actor,
  day: DaySession,
  register: readonly RegisterEntry[],
  lateAfterMinutes: number,
): Promise<void> {
  const { session } = day
  if (session.outcome_recorded_at !== null && session.outcome_source !== 'register') return
  const now = deps.clock.now().toISOString()
  if (session.starts_at > now) return
  const people = day.parties.map(doorPersonOf)
  if (isRegisterComplete(register, people, { now, endsAt: session.ends_at })) {
    const outcome = outcomeOf(register, doorTimesOf(session), lateAfterMinutes)
    const same =
      session.outcome_recorded_at !== null &&
      session.resident_outcome === outcome.resident &&
      session.non_resident_outcome === outcome.non_resident
    if (same) return
    await writeOutcome(
      deps,
      trx,
      actor,
      { session, caseId: day.found.id, timeZone: day.centre.time_zone, source: 'register' },
      { resident: outcome.resident, nonResident: outcome.non_resident, explained: false, reason: null },
    )
    return
  }
  if (session.outcome_source !== 'register') return
  const updated = await updateSessionAtVersion(trx, scopeOf(actor), session.id, session.version, {
    status: 'scheduled',
    resident_outcome: null,
    non_resident_outcome: null,
    outcome_explained: null,
    outcome_reason: null,
    outcome_recorded_at: null,
    outcome_source: null,
    updated_at: now,
  })
  if (!updated) throw stale()
  await auditAs(trx, deps.clock, actor, {
    action: 'session.outcome.withdrawn',
    resourceType: 'session',
    resourceIds: [session.id, day.found.id],
    details: { source: 'register' },
  })
}

/**
 * Strikes out a line of the register (taps are never deleted): the undo at the door.
 * @throws AppError NOT_FOUND for a line the actor may not see; FORBIDDEN for an off-duty volunteer.
 */
export async function voidAttendance(deps: Deps, actor: Actor, eventId: string): Promise<TodaySession> {
  const scope = scopeOf(actor)
  const event = await deps.db
    .selectFrom('attendance_events')
    .select(['id', 'session_id', 'voided_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('id', '=', eventId)
    .executeTakeFirst()
  if (!event) throw notFound('Attendance event')
  const day = await findDaySession(deps.db, actor, event.session_id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Attendance event')
    throw error
  })
  if (event.voided_at === null)
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('attendance_events')
        .set({ voided_at: deps.clock.now().toISOString(), voided_by_user_id: actor.userId })
        .where('organisation_id', '=', scope.organisationId)
        .where('id', '=', event.id)
        .where('voided_at', 'is', null)
        .execute()
      await auditAs(trx, deps.clock, actor, {
        action: 'attendance.void',
        resourceType: 'attendance_event',
        resourceIds: [event.id, event.session_id],
      })
      // The register changed: an outcome worked out from it is worked out again.
      const fresh = await findDaySession(trx, actor, event.session_id)
      const byId = new Map(fresh.parties.map((p) => [p.id, p]))
      const register = (await listEventsOf(trx, scope, [event.session_id]))
        .filter((e) => e.voided_at === null)
        .map((e) => entryOf(e, byId, deps.fieldCrypto))
      const settings = await loadSessionDaySettings(trx, scope)
      await settleOutcome(deps, trx, actor, fresh, register, settings.lateAfterMinutes)
    })
  return presentOne(deps, deps.db, actor, day)
}

const stale = () =>
  new AppError('CONFLICT', 'Someone else changed this session since you opened it; reload and try again', {
    rule: 'stale-version',
  })

/**
 * Ends a session before its time (R-INC-1): the child's distress, a broken rule, someone at risk.
 * Only this session ends; the family's place and later sessions are untouched.
 * @throws AppError CONFLICT DOOR-SESSION-STATUS or `stale-version`; INVALID_INPUT for a bad time.
 */
export async function endSessionEarly(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: z.infer<typeof EndEarlySchema>,
): Promise<TodaySession> {
  const day = await deps.db.transaction().execute(async (trx) => {
    const found = await findDaySession(trx, actor, sessionId)
    assertTakesEvents(found)
    const at = doorTime(deps, found, input.at)
    if (at >= found.session.ends_at)
      throw new AppError('INVALID_INPUT', 'The session had already ended by then', { field: 'at' })
    if (found.session.version !== input.version) throw stale()
    const updated = await updateSessionAtVersion(trx, scopeOf(actor), sessionId, input.version, {
      ended_early_at: at,
      ended_early_reason: input.reason,
      updated_at: deps.clock.now().toISOString(),
    })
    if (!updated) throw stale()
    await auditAs(trx, deps.clock, actor, {
      action: 'session.end_early',
      resourceType: 'session',
      resourceIds: [sessionId, found.found.id],
      details: { at },
    })
    return found
  })
  return presentOne(deps, deps.db, actor, day)
}

/**
 * Keeps a short practical note on the session's attendance ("came by bus, ten minutes late").
 * @throws AppError CONFLICT DOOR-SESSION-STATUS or `stale-version`.
 */
export async function setAttendanceNote(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  input: z.infer<typeof AttendanceNoteSchema>,
): Promise<TodaySession> {
  const day = await deps.db.transaction().execute(async (trx) => {
    const found = await findDaySession(trx, actor, sessionId)
    assertTakesEvents(found)
    if (found.session.version !== input.version) throw stale()
    const updated = await updateSessionAtVersion(trx, scopeOf(actor), sessionId, input.version, {
      attendance_note: input.note,
      updated_at: deps.clock.now().toISOString(),
    })
    if (!updated) throw stale()
    await auditAs(trx, deps.clock, actor, {
      action: 'session.attendance_note',
      resourceType: 'session',
      resourceIds: [sessionId, found.found.id],
      details: { cleared: input.note === null },
    })
    return found
  })
  return presentOne(deps, deps.db, actor, day)
}
