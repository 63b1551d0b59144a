import type { Insertable } from 'kysely'
import type { Db } from '../../db/connect'
import type { SessionsTable } from '../../db/database'
import type { CaseRow } from '../../db/repositories/cases.repository'
import type { CentreRow } from '../../db/repositories/organisations.repository'
import {
  cancelPlanSessionsFrom,
  findPlan,
  insertPlan,
  insertSessions,
  listPlansOfCase,
  listSessionsOfCase,
  lockCentreForBooking,
  updatePlan,
  type PlanRow,
  type SessionListRow,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { findDeskCase } from '../cases/case-file'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { newId } from '../shared/ids'
import {
  assertPlacement,
  assertReady,
  readinessConflicts,
  candidateOn,
  conflictsOf,
  loadBookingContext,
  namesFor,
  type BookingContext,
  type Candidate,
  type Placement,
} from './booking'
import { notifyParentsOfBooking } from './notify-parents'
import { presentPlan, presentSession, sealOffsite, withNotice } from './schedule.presenter'
import { occurrenceDates, plusDays } from './schedule.rules'
import { loadSchedulingSettings } from './scheduling-settings'
import type {
  ArrivalRules,
  CaseSchedule,
  ChangePlanInput,
  Conflict,
  CreatePlanInput,
  EndPlanInput,
  PlanBooked,
  PlanPreview,
  SchedulingSettings,
} from './scheduling.schemas'

type PlanInput = Omit<CreatePlanInput, 'firstOn'> & { firstOn: string }

const arrivalOf = (input: PlanInput, settings: SchedulingSettings): ArrivalRules => ({
  firstArrivingParty: input.arrival.firstArrivingParty ?? settings.firstArrivingParty,
  arrivalOffsetMinutes: input.arrival.arrivalOffsetMinutes ?? settings.arrivalOffsetMinutes,
  departureHoldMinutes: input.arrival.departureHoldMinutes ?? settings.departureHoldMinutes,
  resident: input.arrival.resident,
  nonResident: input.arrival.nonResident,
})

const placementOf = (input: PlanInput, arrival: ArrivalRules): Placement => ({
  venueId: input.venueId,
  roomId: input.roomId,
  arrival,
  offsite: input.offsite !== null,
  travelMinutes: input.offsite?.travelMinutes ?? 0,
})

/** The dates a plan books now: up to its last date (two years at most), or the centre's booking horizon. */
function planDates(input: PlanInput, settings: SchedulingSettings): string[] {
  // A plan with an end, or on chosen dates, books to its end (two years at most); others to the horizon.
  const bounded = input.lastOn !== null || input.frequency === 'on_dates'
  const horizon = plusDays(input.firstOn, bounded ? 104 * 7 : settings.bookAheadWeeks * 7)
  if (input.frequency === 'on_dates' && input.dates.some((date) => date > horizon))
    throw new AppError('INVALID_INPUT', 'Choose dates within two years of the first', { field: 'dates' })
  const skip = new Set(input.skipDates)
  return occurrenceDates(
    {
      frequency: input.frequency,
      firstOn: input.firstOn,
      lastOn: input.lastOn,
      weekOfMonth: input.weekOfMonth,
      dates: input.dates,
    },
    horizon,
  ).filter((date) => !skip.has(date))
}

interface Checked {
  candidate: Candidate
  conflicts: Conflict[]
}

/**
 * Checks each occurrence against the centre and against the occurrences of this plan already
 * accepted, so a plan never clashes with itself.
 */
function checkOccurrences(
  ctx: BookingContext,
  found: CaseRow,
  placement: Placement,
  input: PlanInput,
  dates: readonly string[],
  ignoreIds: ReadonlySet<string>,
): Checked[] {
  const checked: Checked[] = []
  for (const date of dates) {
    const candidate = candidateOn(ctx, placement, date, input.startsAt, input.durationMinutes)
    const conflicts = conflictsOf(ctx, found, placement, candidate, ignoreIds)
    checked.push({ candidate, conflicts })
    if (conflicts.length === 0)
      ctx.sessions.push({
        id: `new:${date}`,
        caseId: found.id,
        roomId: placement.roomId,
        venueId: placement.venueId,
        startsAt: candidate.times.startsAt,
        endsAt: candidate.times.endsAt,
        occupiedFrom: candidate.times.occupiedFrom,
        occupiedUntil: candidate.times.occupiedUntil,
        capacityWeight: found.capacity_weight,
        reference: found.reference,
      })
  }
  return checked
}

async function prepare(
  trx: Db,
  actor: Actor,
  found: CaseRow,
  centre: CentreRow,
  input: PlanInput,
): Promise<{ ctx: BookingContext; placement: Placement; arrival: ArrivalRules; dates: string[] }> {
  if (input.lastOn !== null && input.lastOn < input.firstOn)
    throw new AppError('INVALID_INPUT', 'The last date is before the first', { field: 'lastOn' })
  if (input.frequency === 'on_dates' && input.dates.length === 0)
    throw new AppError('INVALID_INPUT', 'Give the dates the sessions are on', { field: 'dates' })
  if (input.frequency === 'on_dates' && input.dates.some((date) => date < input.firstOn))
    throw new AppError('INVALID_INPUT', 'A chosen date is before the plan’s first date', { field: 'dates' })
  if (input.frequency === 'monthly_weekday' && input.weekOfMonth === null)
    throw new AppError('INVALID_INPUT', 'Say which week of the month (1st to 4th, or last)', {
      field: 'weekOfMonth',
    })
  const settings = await loadSchedulingSettings(trx, scopeOf(actor))
  const dates = planDates(input, settings)
  if (dates.length === 0)
    throw new AppError('INVALID_INPUT', 'The plan has no dates between its first and last date', {
      field: 'firstOn',
    })
  const ctx = await loadBookingContext(
    trx,
    actor,
    centre,
    settings,
    dates[0] ?? input.firstOn,
    dates.at(-1) ?? input.firstOn,
  )
  const arrival = arrivalOf(input, settings)
  const placement = placementOf(input, arrival)
  assertPlacement(ctx, placement)
  return { ctx, placement, arrival, dates }
}

function sessionRow(
  actor: Actor,
  found: CaseRow,
  plan: PlanRow,
  placement: Placement,
  candidate: Candidate,
  status: 'scheduled' | 'skipped',
  now: string,
): Insertable<SessionsTable> {
  const { times } = candidate
  return {
    id: newId(),
    organisation_id: actor.organisationId,
    centre_id: found.centre_id,
    case_id: found.id,
    plan_id: plan.id,
    occurrence_on: candidate.date,
    local_date: candidate.date,
    service_type: plan.service_type,
    status,
    venue_id: placement.venueId,
    room_id: placement.roomId,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    occupied_from: times.occupiedFrom,
    occupied_until: times.occupiedUntil,
    capacity_weight: found.capacity_weight,
    first_party: placement.arrival.firstArrivingParty,
    resident_arrives_at: times.resident.arrivesAt,
    resident_leaves_at: times.resident.leavesAt,
    resident_entrance: placement.arrival.resident.entrance,
    resident_waiting_room_id: placement.arrival.resident.waitingRoomId,
    non_resident_arrives_at: times.nonResident.arrivesAt,
    non_resident_leaves_at: times.nonResident.leavesAt,
    non_resident_entrance: placement.arrival.nonResident.entrance,
    non_resident_waiting_room_id: placement.arrival.nonResident.waitingRoomId,
    offsite_sealed: plan.offsite_sealed,
    moved: 0,
    cancelled_by: null,
    cancelled_at: null,
    cancel_notice_hours: null,
    cancel_reason: status === 'skipped' ? 'Not booked: it clashed when the plan was made' : null,
    resident_outcome: null,
    non_resident_outcome: null,
    outcome_explained: null,
    outcome_reason: null,
    outcome_recorded_at: null,
    attendance_note: null,
    ended_early_at: null,
    ended_early_reason: null,
    suspension_id: null,
    outcome_source: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }
}

/** Writes a plan and its sessions; clashing occurrences refuse the whole plan unless told to skip them. */
async function bookPlan(
  deps: Deps,
  trx: Db,
  actor: Actor,
  found: CaseRow,
  centre: CentreRow,
  input: PlanInput,
  replaces: PlanRow | null,
  ignoreIds: ReadonlySet<string>,
): Promise<PlanBooked> {
  const { ctx, placement, arrival, dates } = await prepare(trx, actor, found, centre, input)
  const checked = checkOccurrences(ctx, found, placement, input, dates, ignoreIds)
  const clashing = checked.filter((c) => c.conflicts.length > 0)
  const booked = checked.filter((c) => c.conflicts.length === 0)
  if (clashing.length > 0 && !input.skipConflicting)
    throw new AppError(
      'CONFLICT',
      clashing.length === 1
        ? 'One date of this plan clashes; see why below'
        : `${clashing.length} dates of this plan clash; see why below`,
      { rule: 'SCH', conflicts: clashing.flatMap((c) => c.conflicts) },
    )
  if (booked.length === 0)
    throw new AppError('CONFLICT', 'Every date of this plan clashes', {
      rule: 'SCH',
      conflicts: clashing.flatMap((c) => c.conflicts),
    })
  await assertReady(trx, actor, found, ctx, booked[0]?.candidate.date ?? input.firstOn)
  const now = deps.clock.now().toISOString()
  const plan: PlanRow = {
    id: newId(),
    organisation_id: actor.organisationId,
    centre_id: found.centre_id,
    case_id: found.id,
    status: 'active',
    service_type: input.serviceType,
    frequency: input.frequency,
    week_of_month: input.frequency === 'monthly_weekday' ? input.weekOfMonth : null,
    on_dates: input.frequency === 'on_dates' ? JSON.stringify([...new Set(input.dates)].sort()) : null,
    first_on: input.firstOn,
    last_on: input.frequency === 'one_off' ? input.firstOn : input.lastOn,
    starts_at_time: input.startsAt,
    duration_minutes: input.durationMinutes,
    venue_id: input.venueId,
    room_id: input.roomId,
    arrival: JSON.stringify(arrival),
    offsite_sealed: sealOffsite(deps.fieldCrypto, input.offsite),
    notes_sealed: input.notes ? deps.fieldCrypto.encrypt(input.notes) : null,
    replaces_plan_id: replaces?.id ?? null,
    ended_reason: null,
    created_by_user_id: actor.userId,
    created_at: now,
    updated_at: now,
  }
  await insertPlan(trx, plan)
  const rows = [
    ...booked.map((c) => sessionRow(actor, found, plan, placement, c.candidate, 'scheduled', now)),
    ...clashing.map((c) => sessionRow(actor, found, plan, placement, c.candidate, 'skipped', now)),
  ]
  await insertSessions(trx, rows)
  await auditAs(trx, deps.clock, actor, {
    action: replaces ? 'plan.change' : 'plan.create',
    resourceType: 'case',
    resourceIds: [found.id, plan.id, ...(replaces ? [replaces.id] : [])],
    details: { frequency: plan.frequency, booked: booked.length, skipped: clashing.length },
  })
  const sessions = await listSessionsOfCase(trx, scopeOf(actor), found.id)
  const mine = sessions.filter((s) => s.plan_id === plan.id)
  await notifyParentsOfBooking(
    deps,
    trx,
    actor,
    found,
    centre,
    ctx,
    mine.filter((s) => s.status === 'scheduled'),
  )
  const names = await namesFor(trx, actor, centre, [found], ctx)
  return {
    plan: presentPlan(plan, deps.fieldCrypto),
    sessions: mine
      .filter((s) => s.status === 'scheduled')
      .map((s) => presentSession(s, names, deps.fieldCrypto)),
    skipped: clashing.map((c) => ({ date: c.candidate.date, conflicts: c.conflicts })),
  }
}

/**
 * Makes a contact plan and books its series (R-ARR, R-INT, capacity): a one-off is a plan of one.
 * @throws AppError CONFLICT listing each clash with its rule; INVALID_INPUT for places outside the centre.
 */
export async function createPlan(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: CreatePlanInput,
): Promise<PlanBooked> {
  return deps.db.transaction().execute(async (trx) => {
    const { found, centre } = await findDeskCase(trx, actor, caseId)
    await lockCentreForBooking(trx, scopeOf(actor), centre.id)
    return bookPlan(deps, trx, actor, found, centre, input, null, new Set())
  })
}

/** What a plan would book, and what clashes, without booking anything. */
export async function previewPlan(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: CreatePlanInput,
): Promise<PlanPreview> {
  const { found, centre } = await findDeskCase(deps.db, actor, caseId)
  const { ctx, placement, dates } = await prepare(deps.db, actor, found, centre, input)
  const readiness = await readinessConflicts(deps.db, actor, found, ctx, dates[0] ?? input.firstOn)
  const checked = checkOccurrences(ctx, found, placement, input, dates, new Set())
  return {
    readiness,
    occurrences: checked.map((c) => ({
      date: c.candidate.date,
      startsAt: c.candidate.times.startsAt,
      endsAt: c.candidate.times.endsAt,
      conflicts: c.conflicts,
    })),
  }
}

/**
 * The plan and its case, for changing or ending it. The plan is read again once the centre's booking
 * lock is held: a change or end that committed meanwhile is seen, never overwritten (PostgreSQL).
 */
async function findCasePlan(trx: Db, actor: Actor, planId: string) {
  const seen = await findPlan(trx, scopeOf(actor), planId)
  if (!seen) throw notFound('Plan')
  const { found, centre } = await findDeskCase(trx, actor, seen.case_id).catch(() => {
    throw notFound('Plan')
  })
  await lockCentreForBooking(trx, scopeOf(actor), centre.id)
  const plan = await findPlan(trx, scopeOf(actor), planId)
  if (!plan) throw notFound('Plan')
  return { plan, found, centre }
}

/** Ends a plan from a date: later occurrences are cancelled, earlier ones stay as history. */
async function endPlanFrom(
  deps: Deps,
  trx: Db,
  actor: Actor,
  target: { plan: PlanRow; found: CaseRow; centre: CentreRow },
  from: string,
  reason: string,
  heading: string,
): Promise<number> {
  const { plan, found, centre } = target
  if (plan.status === 'ended')
    throw new AppError('CONFLICT', 'The plan has already ended', { rule: 'plan-ended' })
  const now = deps.clock.now().toISOString()
  const going = (await listSessionsOfCase(trx, scopeOf(actor), found.id)).filter(
    (s) =>
      s.plan_id === plan.id && s.status === 'scheduled' && (s.local_date >= from || s.occurrence_on >= from),
  )
  const cancelled = await cancelPlanSessionsFrom(trx, scopeOf(actor), plan.id, from, reason, now)
  // Both parents are told by the centre (R-SES-6), each in their own times only.
  const names = await namesFor(trx, actor, centre, [])
  await notifyParentsOfBooking(deps, trx, actor, found, centre, names, going, heading, 'off')
  const lastOn = plusDays(from, -1)
  await updatePlan(trx, scopeOf(actor), plan.id, {
    status: 'ended',
    last_on: plan.last_on !== null && plan.last_on < lastOn ? plan.last_on : lastOn,
    ended_reason: reason,
    updated_at: now,
  })
  return cancelled
}

/**
 * Changes a plan from one date on (this and following occurrences): the old plan ends the day
 * before and a new plan takes over, checked for clashes in the same transaction.
 */
export async function changePlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: ChangePlanInput,
): Promise<PlanBooked> {
  return deps.db.transaction().execute(async (trx) => {
    const { plan, found, centre } = await findCasePlan(trx, actor, planId)
    if (input.from < plan.first_on)
      throw new AppError('INVALID_INPUT', 'A change starts on or after the plan’s first date', {
        field: 'from',
      })
    const replaced = (await listSessionsOfCase(trx, scopeOf(actor), found.id)).filter(
      (s) => s.plan_id === plan.id && (s.local_date >= input.from || s.occurrence_on >= input.from),
    )
    await endPlanFrom(
      deps,
      trx,
      actor,
      { plan, found, centre },
      input.from,
      input.reason,
      'The centre has changed your sessions. These times no longer apply (your new times follow in another message):',
    )
    return bookPlan(
      deps,
      trx,
      actor,
      found,
      centre,
      { ...input, firstOn: input.from },
      plan,
      new Set(replaced.map((s) => s.id)),
    )
  })
}

/** Cancels the series from a date, keeping every earlier session and what happened at it. */
export async function endPlan(
  deps: Deps,
  actor: Actor,
  planId: string,
  input: EndPlanInput,
): Promise<CaseSchedule> {
  await deps.db.transaction().execute(async (trx) => {
    const { plan, found, centre } = await findCasePlan(trx, actor, planId)
    const cancelled = await endPlanFrom(
      deps,
      trx,
      actor,
      { plan, found, centre },
      input.from,
      input.reason,
      'These sessions are cancelled and will not take place. Please do not come to the centre:',
    )
    await auditAs(trx, deps.clock, actor, {
      action: 'plan.end',
      resourceType: 'case',
      resourceIds: [found.id, plan.id],
      details: { from: input.from, cancelled },
    })
  })
  const plan = await findPlan(deps.db, scopeOf(actor), planId)
  return getCaseSchedule(deps, actor, plan?.case_id ?? '')
}

/** Counts each side's unexplained missed sessions since the case's last review (R-SES-4). */
export function missedSince(sessions: readonly SessionListRow[], since: string | null) {
  const counted = sessions.filter(
    (s) =>
      s.outcome_recorded_at !== null && s.outcome_explained !== 1 && (since === null || s.local_date > since),
  )
  return {
    resident: counted.filter((s) => s.resident_outcome === 'did_not_attend').length,
    nonResident: counted.filter((s) => s.non_resident_outcome === 'did_not_attend').length,
  }
}

/** The case's plans and every session, past and future, as the desk sees them. */
export async function getCaseSchedule(deps: Deps, actor: Actor, caseId: string): Promise<CaseSchedule> {
  const { found, centre } = await findDeskCase(deps.db, actor, caseId)
  const scope = scopeOf(actor)
  const [plans, sessions, settings, lastReview] = await Promise.all([
    listPlansOfCase(deps.db, scope, found.id),
    listSessionsOfCase(deps.db, scope, found.id),
    loadSchedulingSettings(deps.db, scope),
    deps.db
      .selectFrom('case_reviews')
      .select((eb) => eb.fn.max('held_on').as('held_on'))
      .where('organisation_id', '=', scope.organisationId)
      .where('case_id', '=', found.id)
      .executeTakeFirst(),
  ])
  const names = await namesFor(deps.db, actor, centre, [found])
  return {
    caseId: found.id,
    timeZone: centre.time_zone,
    plans: plans.map((p) => presentPlan(p, deps.fieldCrypto)),
    sessions: sessions.map((s) =>
      withNotice(presentSession(s, names, deps.fieldCrypto), settings.cancellationNoticeHours),
    ),
    missedUnexplained: missedSince(sessions, (lastReview?.held_on as string | null | undefined) ?? null),
    reviewFlag: found.review_flag,
  }
}
