import { performance } from 'node:perf_hooks'
import type { Db } from '../../db/connect'
import { listVenues } from '../../db/repositories/organisations.repository'
import {
  findOpening,
  listClosures,
  listOpenings,
  listSessionsOfCentres,
  lockCentreForBooking,
} from '../../db/repositories/schedule.repository'
import {
  findAssignment,
  findSwap,
  findVolunteer,
  insertAssignments,
  listAssignments,
  listOpenSwaps,
  updateAssignment,
  type AssignmentRow,
} from '../../db/repositories/volunteers.repository'
import { findVenue } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { localParts, plusDays } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import {
  enumerateShifts,
  placementProblems,
  positionOf,
  suggestRota,
  type AssignmentFacts,
  type RotaWorld,
  type ShiftFacts,
} from './rota.rules'
import { canManageVolunteers, loadTeam, type Team } from './team'
import { ROSTERABLE_STAGES } from './volunteer.rules'
import {
  StaffingSchema,
  type AssignInput,
  type Duty,
  type RotaProblem,
  type Staffing,
} from './volunteers.schemas'

const MAX_DAYS = 92

export const assignmentFacts = (row: AssignmentRow): AssignmentFacts => ({
  id: row.id,
  shiftKey: row.shift_key,
  date: row.on_date,
  duty: row.duty as Duty,
  sessionId: row.session_id,
  volunteerId: row.volunteer_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
})

const staffingOf = (json: string | null, fallback: Staffing): Staffing => {
  const parsed = StaffingSchema.safeParse(json ? JSON.parse(json) : null)
  return parsed.success ? parsed.data : fallback
}

/** Everything about a centre's rota for a period: its shifts, the team and who is on what. */
export interface RotaContext {
  team: Team
  shifts: ShiftFacts[]
  assignments: AssignmentRow[]
  world: RotaWorld
}

export async function loadRotaContext(
  db: Db,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  centreId: string,
  from: string,
  to: string,
): Promise<RotaContext> {
  const scope = scopeOf(actor)
  const team = await loadTeam(db, deps.clock, actor, centreId)
  const venues = (await listVenues(db, scope, centreId)).filter((v) => v.archived_at === null)
  const venueNames = new Map(venues.map((v) => [v.id, v.name]))
  const [openings, closures, sessions, assignments] = await Promise.all([
    listOpenings(
      db,
      scope,
      venues.map((v) => v.id),
    ),
    listClosures(db, scope, centreId, from),
    listSessionsOfCentres(db, scope, [centreId], from, to),
    // A month either side, for the monthly limit and the overlap rule.
    listAssignments(db, scope, centreId, plusDays(from, -31), plusDays(to, 31)),
  ])
  const shifts = enumerateShifts({
    from,
    to,
    timeZone: team.centre.time_zone,
    openings: openings
      .filter((o) => o.archived_at === null)
      .map((o) => ({
        id: o.id,
        venueId: o.venue_id,
        venueName: venueNames.get(o.venue_id) ?? 'Venue',
        weekday: o.weekday,
        startsAt: o.starts_at_time,
        endsAt: o.ends_at_time,
        everyWeeks: o.every_weeks,
        firstOn: o.first_on,
        lastOn: o.last_on,
        staffing: staffingOf(o.staffing, team.settings.staffing),
        ownStaffing: StaffingSchema.safeParse(o.staffing ? JSON.parse(o.staffing) : null).success,
      })),
    closures: closures.map((c) => ({ venueId: c.venue_id, firstDay: c.first_day, lastDay: c.last_day })),
    sessions: sessions
      .filter((s) => s.status === 'scheduled' || s.status === 'completed' || s.status === 'did_not_attend')
      .map((s) => ({
        id: s.id,
        venueId: s.venue_id,
        localDate: s.local_date,
        serviceType: s.service_type,
        startsAt: s.occupied_from,
        endsAt: s.occupied_until,
        label: s.case_reference,
      })),
    escortsPerVisit: team.settings.escortsPerVisit,
  })
  const volunteers = new Map(
    team.volunteers
      .filter((v) => !['left', 'withdrawn'].includes(v.stage))
      .map((v) => [v.id, team.facts(v.id)] as const),
  )
  const world: RotaWorld = {
    volunteers,
    statesOn: team.statesOn,
    assignments: assignments.map(assignmentFacts),
  }
  return { team, shifts, assignments, world }
}

function assertPeriod(from: string, to: string) {
  if (to < from) throw new AppError('INVALID_INPUT', 'The period ends before it starts', { field: 'to' })
  if (to > plusDays(from, MAX_DAYS))
    throw new AppError('INVALID_INPUT', `Ask for at most ${MAX_DAYS} days at a time`, { field: 'to' })
}

function assertDesk(actor: Actor, centreId: string) {
  if (!canManageVolunteers(actor, centreId)) throw notFound('Centre')
}

const names = (ctx: RotaContext) => new Map(ctx.team.volunteers.map((v) => [v.id, v.full_name]))

/** The rota for a period: each shift's places, who is on them (with any soft-rule warnings) and open swaps. */
export async function getRota(deps: Deps, actor: Actor, centreId: string, from: string, to: string) {
  assertDesk(actor, centreId)
  assertPeriod(from, to)
  const ctx = await loadRotaContext(deps.db, deps, actor, centreId, from, to)
  const nameOf = names(ctx)
  const swaps = await listOpenSwaps(deps.db, scopeOf(actor), centreId)
  const byId = new Map(ctx.assignments.map((a) => [a.id, a]))
  // Every open swap of the centre, each checked against the rules on its own day, even outside the period.
  const presentedSwaps = []
  for (const swap of swaps) {
    const assignment =
      byId.get(swap.assignment_id) ?? (await findAssignment(deps.db, scopeOf(actor), swap.assignment_id))
    if (!assignment || assignment.status !== 'assigned') continue
    const own = ctx.shifts.some((s) => s.key === assignment.shift_key)
      ? { ctx, shift: ctx.shifts.find((s) => s.key === assignment.shift_key) }
      : await findShift(deps.db, deps, actor, centreId, assignment.shift_key).catch(() => null)
    const shift = own?.shift
    const position = shift ? positionOf(shift, assignment.duty as Duty, assignment.session_id) : undefined
    const colleague = own?.ctx.world.volunteers.get(swap.to_volunteer_id)
    presentedSwaps.push({
      id: swap.id,
      assignmentId: assignment.id,
      date: assignment.on_date,
      shiftLabel: shift?.label ?? 'A shift that no longer exists',
      duty: assignment.duty as Duty,
      fromVolunteer: nameOf.get(swap.from_volunteer_id) ?? 'Unknown',
      toVolunteer: nameOf.get(swap.to_volunteer_id) ?? 'Unknown',
      note: swap.note,
      requestedAt: swap.requested_at,
      problems:
        own && shift && position && colleague
          ? placementProblems(own.ctx.world, shift, position, colleague, assignment.id)
          : [],
    })
  }
  const places = new Set(
    ctx.shifts.flatMap((s) => s.positions.map((p) => `${s.key}|${p.duty}|${p.sessionId ?? ''}`)),
  )
  const orphaned = ctx.assignments.filter(
    (a) =>
      a.on_date >= from && a.on_date <= to && !places.has(`${a.shift_key}|${a.duty}|${a.session_id ?? ''}`),
  )
  return {
    centreId,
    orphaned: orphaned.map((a) => ({
      assignmentId: a.id,
      date: a.on_date,
      duty: a.duty as Duty,
      volunteerId: a.volunteer_id,
      fullName: nameOf.get(a.volunteer_id) ?? 'Unknown',
    })),
    timeZone: ctx.team.centre.time_zone,
    from,
    to,
    shifts: ctx.shifts.map((shift) => presentShift(ctx, shift, nameOf)),
    swaps: presentedSwaps,
  }
}

function presentShift(ctx: RotaContext, shift: ShiftFacts, nameOf: Map<string, string>) {
  let unfilled = 0
  const positions = shift.positions.map((position) => {
    const here = ctx.assignments.filter(
      (a) => a.shift_key === shift.key && a.duty === position.duty && a.session_id === position.sessionId,
    )
    unfilled += Math.max(0, position.needed - here.length)
    return {
      duty: position.duty,
      sessionId: position.sessionId,
      sessionLabel: position.sessionLabel,
      needed: position.needed,
      localStart: position.localStart,
      localEnd: position.localEnd,
      assigned: here.map((a) => {
        const volunteer = ctx.world.volunteers.get(a.volunteer_id)
        const warnings = volunteer
          ? placementProblems(ctx.world, shift, position, volunteer, a.id).filter(
              (p) => p.rule !== 'ROTA-FULL',
            )
          : []
        return {
          assignmentId: a.id,
          volunteerId: a.volunteer_id,
          fullName: nameOf.get(a.volunteer_id) ?? 'Unknown',
          suggested: a.suggested === 1,
          warnings,
        }
      }),
    }
  })
  return {
    key: shift.key,
    date: shift.date,
    venueId: shift.venueId,
    venueName: shift.venueName,
    openingId: shift.openingId,
    sessionId: shift.sessionId,
    label: shift.label,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    localStart: shift.localStart,
    localEnd: shift.localEnd,
    staffing: shift.staffing,
    ownStaffing: shift.ownStaffing,
    positions,
    unfilled,
  }
}

/** The date a shift key falls on, read from the key or its session. */
async function shiftDate(db: Db, actor: Actor, centreId: string, key: string): Promise<string> {
  const opening = /^opening:[0-9a-f-]{36}:(\d{4}-\d{2}-\d{2})$/.exec(key)
  if (opening?.[1]) return opening[1]
  const session = /^session:([0-9a-f-]{36})$/.exec(key)
  if (session?.[1]) {
    const row = await db
      .selectFrom('sessions')
      .select(['local_date', 'centre_id'])
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', session[1])
      .executeTakeFirst()
    if (row && row.centre_id === centreId) return row.local_date
  }
  throw notFound('Shift')
}

async function findShift(db: Db, deps: Pick<Deps, 'clock'>, actor: Actor, centreId: string, key: string) {
  const date = await shiftDate(db, actor, centreId, key)
  const ctx = await loadRotaContext(db, deps, actor, centreId, date, date)
  const shift = ctx.shifts.find((s) => s.key === key)
  if (!shift) throw notFound('Shift')
  return { ctx, shift }
}

/** Each volunteer of the team for one place on a shift, with whatever stops or warns against them. */
export async function candidatesFor(
  deps: Deps,
  actor: Actor,
  centreId: string,
  query: { shiftKey: string; duty: Duty; sessionId?: string },
) {
  assertDesk(actor, centreId)
  const { ctx, shift } = await findShift(deps.db, deps, actor, centreId, query.shiftKey)
  const position = positionOf(shift, query.duty, query.sessionId ?? null)
  if (!position) throw notFound('Place on this shift')
  const month = shift.date.slice(0, 7)
  const candidates = [...ctx.world.volunteers.values()]
    .filter((v) => ROSTERABLE_STAGES.includes(v.stage) || v.stage === 'training')
    .map((v) => {
      const problems = placementProblems(ctx.world, shift, position, v)
      return {
        volunteerId: v.id,
        fullName: v.fullName,
        allowed: problems.every((p) => !p.hard),
        problems,
        shiftsThisMonth: new Set(
          ctx.world.assignments
            .filter((a) => a.volunteerId === v.id && a.date.slice(0, 7) === month)
            .map((a) => a.shiftKey),
        ).size,
      }
    })
    .sort(
      (a, b) =>
        Number(b.allowed) - Number(a.allowed) ||
        a.problems.length - b.problems.length ||
        a.shiftsThisMonth - b.shiftsThisMonth ||
        a.fullName.localeCompare(b.fullName),
    )
  return { candidates }
}

const refuse = (problems: RotaProblem[], canOverride: boolean) =>
  new AppError('CONFLICT', problems.map((p) => p.message).join('. '), {
    rule: problems[0]?.rule,
    problems,
    canOverride,
  })

/**
 * Puts a volunteer on a shift. Hard rules always refuse (an expired DBS check, the wrong duty, already
 * on elsewhere, the place full, not rosterable); soft ones (availability, mentor, monthly limit)
 * refuse unless the coordinator overrides. Serialised per centre, like bookings.
 */
export async function assignVolunteer(deps: Deps, actor: Actor, centreId: string, input: AssignInput) {
  assertDesk(actor, centreId)
  return deps.db.transaction().execute(async (trx) => {
    await lockCentreForBooking(trx, scopeOf(actor), centreId)
    const { ctx, shift } = await findShift(trx, deps, actor, centreId, input.shiftKey)
    const position = positionOf(shift, input.duty, input.sessionId)
    if (!position) throw notFound('Place on this shift')
    const volunteer = ctx.world.volunteers.get(input.volunteerId)
    if (!volunteer)
      throw new AppError('INVALID_INPUT', 'Choose someone from this centre’s team', { field: 'volunteerId' })
    const problems = placementProblems(ctx.world, shift, position, volunteer)
    const hard = problems.filter((p) => p.hard)
    if (hard.length > 0) throw refuse(problems, false)
    if (problems.length > 0 && !input.override) throw refuse(problems, true)
    const row = assignmentRow(
      actor,
      centreId,
      shift,
      position,
      volunteer.id,
      false,
      deps.clock.now().toISOString(),
    )
    await insertAssignments(trx, [row])
    await auditAs(trx, deps.clock, actor, {
      action: 'rota.assign',
      resourceType: 'volunteer',
      resourceIds: [volunteer.id, row.id],
      details: { shift: shift.key, duty: position.duty, overridden: problems.map((p) => p.rule) },
    })
    return presentAssignment(row, problems)
  })
}

function assignmentRow(
  actor: Actor,
  centreId: string,
  shift: ShiftFacts,
  position: { duty: Duty; sessionId: string | null; startsAt: string; endsAt: string },
  volunteerId: string,
  suggested: boolean,
  now: string,
): AssignmentRow {
  return {
    id: newId(),
    organisation_id: actor.organisationId,
    centre_id: centreId,
    venue_id: shift.venueId,
    opening_id: shift.openingId,
    session_id: position.sessionId,
    shift_key: shift.key,
    on_date: shift.date,
    duty: position.duty,
    volunteer_id: volunteerId,
    starts_at: position.startsAt,
    ends_at: position.endsAt,
    status: 'assigned',
    suggested: suggested ? 1 : 0,
    assigned_by_user_id: actor.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  }
}

const presentAssignment = (row: AssignmentRow, warnings: RotaProblem[]) => ({
  id: row.id,
  shiftKey: row.shift_key,
  date: row.on_date,
  duty: row.duty as Duty,
  volunteerId: row.volunteer_id,
  sessionId: row.session_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  warnings,
})

/** Takes a volunteer off a shift. */
export async function unassign(deps: Deps, actor: Actor, assignmentId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findAssignment(trx, scopeOf(actor), assignmentId)
    if (!row || !canManageVolunteers(actor, row.centre_id)) throw notFound('Assignment')
    const now = deps.clock.now().toISOString()
    if (row.status === 'assigned') {
      await updateAssignment(trx, scopeOf(actor), row.id, {
        status: 'cancelled',
        updated_at: now,
        version: row.version + 1,
      })
      await trx
        .updateTable('rota_swaps')
        .set({ status: 'withdrawn', decided_at: now, decided_by_user_id: actor.userId })
        .where('organisation_id', '=', actor.organisationId)
        .where('assignment_id', '=', row.id)
        .where('status', '=', 'requested')
        .execute()
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'rota.unassign',
      resourceType: 'volunteer',
      resourceIds: [row.volunteer_id, row.id],
    })
  })
}

/**
 * A suggested rota for the period, on top of what is already assigned. With `apply`, the placements
 * are written (re-checked inside the transaction under the centre's lock), marked as suggested.
 */
export async function suggest(
  deps: Deps,
  actor: Actor,
  centreId: string,
  input: { from: string; to: string; apply: boolean },
) {
  assertDesk(actor, centreId)
  assertPeriod(input.from, input.to)
  const run = async (db: Db) => {
    if (input.apply) await lockCentreForBooking(db, scopeOf(actor), centreId)
    const ctx = await loadRotaContext(db, deps, actor, centreId, input.from, input.to)
    const today = localParts(deps.clock.now().toISOString(), ctx.team.centre.time_zone).date
    const started = performance.now()
    const result = suggestRota(
      ctx.world,
      ctx.shifts.filter((s) => s.date >= today),
    )
    const millis = Math.round((performance.now() - started) * 10) / 10
    const nameOf = names(ctx)
    if (input.apply && result.placements.length > 0) {
      const now = deps.clock.now().toISOString()
      const byKey = new Map(ctx.shifts.map((s) => [s.key, s]))
      const rows = result.placements.flatMap((p) => {
        const shift = byKey.get(p.shiftKey)
        return shift ? [assignmentRow(actor, centreId, shift, p, p.volunteerId, true, now)] : []
      })
      await insertAssignments(db, rows)
    }
    await auditAs(db, deps.clock, actor, {
      action: input.apply ? 'rota.suggest.apply' : 'rota.suggest',
      resourceType: 'centre',
      resourceIds: [centreId],
      details: {
        from: input.from,
        to: input.to,
        placed: result.placements.length,
        unfilled: result.unfilled.length,
      },
    })
    return {
      applied: input.apply,
      placements: result.placements.map((p) => ({
        shiftKey: p.shiftKey,
        date: p.date,
        duty: p.duty,
        sessionId: p.sessionId,
        volunteerId: p.volunteerId,
        fullName: nameOf.get(p.volunteerId) ?? 'Unknown',
      })),
      unfilled: result.unfilled,
      positions: result.positions,
      filled: result.placements.length,
      millis,
    }
  }
  return input.apply ? deps.db.transaction().execute(run) : run(deps.db)
}

/** Sets how many team leaders, floor and reception volunteers an opening needs; null for the defaults. */
export async function setOpeningStaffing(
  deps: Deps,
  actor: Actor,
  openingId: string,
  staffing: Staffing | null,
) {
  return deps.db.transaction().execute(async (trx) => {
    const opening = await findOpening(trx, scopeOf(actor), openingId)
    const venue = opening ? await findVenue(trx, scopeOf(actor), opening.venue_id) : undefined
    if (!opening || !venue || !canManageVolunteers(actor, venue.centre_id)) throw notFound('Opening')
    await trx
      .updateTable('opening_sessions')
      .set({
        staffing: staffing ? JSON.stringify(staffing) : null,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', opening.id)
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'opening.staffing',
      resourceType: 'venue',
      resourceIds: [venue.id, opening.id],
    })
    return { staffing }
  })
}

// ---------- Swaps ----------

const presentSwap = (
  row: {
    id: string
    assignment_id: string
    status: string
    from_volunteer_id: string
    to_volunteer_id: string
  },
  problems: RotaProblem[],
) => ({
  id: row.id,
  assignmentId: row.assignment_id,
  status: row.status as 'requested' | 'approved' | 'declined' | 'withdrawn',
  fromVolunteerId: row.from_volunteer_id,
  toVolunteerId: row.to_volunteer_id,
  problems,
})

/**
 * A volunteer asks to hand a shift to a colleague (or the desk records it). It waits for the
 * coordinator's approval; the problems the colleague would meet are shown now.
 */
export async function requestSwap(
  deps: Deps,
  actor: Actor,
  assignmentId: string,
  input: { toVolunteerId: string; note: string | null },
) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const assignment = await findAssignment(trx, scope, assignmentId)
    if (!assignment || assignment.status !== 'assigned') throw notFound('Assignment')
    const owner = await findVolunteer(trx, scope, assignment.volunteer_id)
    const mine = owner?.user_id !== null && owner?.user_id === actor.userId
    if (!mine && !canManageVolunteers(actor, assignment.centre_id)) throw notFound('Assignment')
    const colleague = await findVolunteer(trx, scope, input.toVolunteerId)
    if (
      !colleague ||
      colleague.centre_id !== assignment.centre_id ||
      colleague.id === assignment.volunteer_id
    )
      throw new AppError('INVALID_INPUT', 'Choose a colleague from the same centre', {
        field: 'toVolunteerId',
      })
    const open = await trx
      .selectFrom('rota_swaps')
      .select('id')
      .where('organisation_id', '=', scope.organisationId)
      .where('assignment_id', '=', assignment.id)
      .where('status', '=', 'requested')
      .executeTakeFirst()
    if (open)
      throw new AppError('CONFLICT', 'A swap for this shift is already waiting for approval', {
        rule: 'ROTA-SWAP',
      })
    const { ctx, shift } = await findShift(trx, deps, actor, assignment.centre_id, assignment.shift_key)
    const position = positionOf(shift, assignment.duty as Duty, assignment.session_id)
    const to = ctx.world.volunteers.get(colleague.id)
    const problems = position && to ? placementProblems(ctx.world, shift, position, to, assignment.id) : []
    const now = deps.clock.now().toISOString()
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: assignment.centre_id,
      assignment_id: assignment.id,
      from_volunteer_id: assignment.volunteer_id,
      to_volunteer_id: colleague.id,
      status: 'requested' as const,
      note: input.note,
      requested_by_user_id: actor.userId,
      requested_at: now,
      decided_by_user_id: null,
      decided_at: null,
      decision_note: null,
    }
    await trx.insertInto('rota_swaps').values(row).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'rota.swap.request',
      resourceType: 'volunteer',
      resourceIds: [assignment.volunteer_id, colleague.id, row.id],
    })
    return presentSwap(row, problems)
  })
}

/** The coordinator approves (the colleague takes the place, every hard rule re-checked) or declines. */
export async function decideSwap(
  deps: Deps,
  actor: Actor,
  swapId: string,
  input: { approve: boolean; note: string | null },
) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const swap = await findSwap(trx, scope, swapId)
    if (!swap || !canManageVolunteers(actor, swap.centre_id)) throw notFound('Swap')
    if (swap.status !== 'requested')
      throw new AppError('CONFLICT', 'This swap has already been decided', { rule: 'ROTA-SWAP' })
    await lockCentreForBooking(trx, scope, swap.centre_id)
    const assignment = await findAssignment(trx, scope, swap.assignment_id)
    if (!assignment || assignment.status !== 'assigned')
      throw new AppError('CONFLICT', 'That shift is no longer assigned', { rule: 'ROTA-SWAP' })
    const now = deps.clock.now().toISOString()
    let problems: RotaProblem[] = []
    if (input.approve) {
      const { ctx, shift } = await findShift(trx, deps, actor, swap.centre_id, assignment.shift_key)
      const position = positionOf(shift, assignment.duty as Duty, assignment.session_id)
      const to = ctx.world.volunteers.get(swap.to_volunteer_id)
      if (!position || !to) throw notFound('Shift')
      problems = placementProblems(ctx.world, shift, position, to, assignment.id)
      if (problems.some((p) => p.hard)) throw refuse(problems, false)
      await updateAssignment(trx, scope, assignment.id, {
        status: 'cancelled',
        updated_at: now,
        version: assignment.version + 1,
      })
      await insertAssignments(trx, [assignmentRow(actor, swap.centre_id, shift, position, to.id, false, now)])
    }
    await trx
      .updateTable('rota_swaps')
      .set({
        status: input.approve ? 'approved' : 'declined',
        decided_by_user_id: actor.userId,
        decided_at: now,
        decision_note: input.note,
      })
      .where('organisation_id', '=', scope.organisationId)
      .where('id', '=', swap.id)
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: input.approve ? 'rota.swap.approve' : 'rota.swap.decline',
      resourceType: 'volunteer',
      resourceIds: [swap.from_volunteer_id, swap.to_volunteer_id, swap.id],
    })
    return presentSwap({ ...swap, status: input.approve ? 'approved' : 'declined' }, problems)
  })
}
