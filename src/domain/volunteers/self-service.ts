import type { z } from 'zod'
import type { Db } from '../../db/connect'
import {
  findVolunteer,
  listAssignmentsOfVolunteer,
  shiftPlaces,
  listExceptions,
  listHours,
  listSwapsOfAssignments,
  updateVolunteer,
  type VolunteerRow,
} from '../../db/repositories/volunteers.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { localParts, plusDays } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { presentHours } from './hours'
import { myVolunteerRows } from './policies'
import { availabilityOf, canManageVolunteers, loadTeam, namesOf, summarise } from './team'
import { ROSTERABLE_STAGES } from './volunteer.rules'
import type { AddExceptionSchema, SetAvailabilitySchema, VolunteerStage } from './volunteers.schemas'

/** The volunteer record of the signed-in person, or NOT_FOUND for someone who does not volunteer. */
async function myVolunteer(db: Db, actor: Actor): Promise<VolunteerRow> {
  const mine = (await myVolunteerRows(db, actor))[0]
  if (!mine) throw notFound('Volunteer record')
  return mine
}

/** The volunteer themself, or the desk of their centre; others get NOT_FOUND. */
async function volunteerFor(db: Db, actor: Actor, volunteerId: string): Promise<VolunteerRow> {
  const row = await findVolunteer(db, scopeOf(actor), volunteerId)
  const own = row?.user_id !== null && row?.user_id === actor.userId
  if (!row || (!own && !canManageVolunteers(actor, row.centre_id))) throw notFound('Volunteer')
  return row
}

async function presentAvailability(db: Db, actor: Actor, row: VolunteerRow, today: string) {
  const exceptions = await listExceptions(db, scopeOf(actor), [row.id], today)
  return {
    weekly: availabilityOf(row),
    maxShiftsPerMonth: row.max_shifts_per_month,
    exceptions: exceptions.map((e) => ({
      id: e.id,
      firstDay: e.first_day,
      lastDay: e.last_day,
      kind: e.kind,
      note: e.note,
    })),
  }
}

/**
 * Everything a volunteer needs on their phone: shifts ahead (and recent ones to log), where they stand
 * on each requirement and what is due, policies to read, their availability and colleagues for swaps.
 */
export async function myVolunteering(deps: Deps, actor: Actor) {
  const row = await myVolunteer(deps.db, actor)
  const team = await loadTeam(deps.db, deps.clock, actor, row.centre_id)
  const today = team.today
  const scope = scopeOf(actor)
  const assignments = await listAssignmentsOfVolunteer(
    deps.db,
    scope,
    row.id,
    plusDays(today, -42),
    plusDays(today, 180),
  )
  const swaps = await listSwapsOfAssignments(
    deps.db,
    scope,
    assignments.map((a) => a.id),
  )
  const logged = new Set(
    (
      await deps.db
        .selectFrom('volunteer_hours')
        .select('assignment_id')
        .where('organisation_id', '=', scope.organisationId)
        .where('volunteer_id', '=', row.id)
        .where('assignment_id', 'is not', null)
        .execute()
    ).map((h) => h.assignment_id),
  )
  const names = namesOf(team)
  const { venues, references } = await shiftPlaces(deps.db, scope, row.centre_id, assignments)
  const settings = team.settings
  const hours = (
    await listHours(
      deps.db,
      scope,
      [row.centre_id],
      // The last six months, and at least the whole year so far.
      [plusDays(today, -183), `${today.slice(0, 4)}-01-01`].sort()[0] ?? today,
      today,
    )
  ).filter((h) => h.volunteer_id === row.id)
  const tz = team.centre.time_zone
  const shifts = assignments.map((a) => {
    const swap = swaps.find((s) => s.assignment_id === a.id && s.status === 'requested')
    return {
      assignmentId: a.id,
      shiftKey: a.shift_key,
      date: a.on_date,
      label:
        a.session_id && a.duty === 'escort' ? 'Escorted visit' : (venues.get(a.venue_id ?? '') ?? 'Centre'),
      duty: a.duty as 'team_leader' | 'supervisor' | 'escort' | 'reception' | 'floor',
      sessionId: a.session_id,
      sessionLabel: a.session_id ? (references.get(a.session_id) ?? null) : null,
      localStart: localParts(a.starts_at, tz).time,
      localEnd: localParts(a.ends_at, tz).time,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      swap: swap
        ? { id: swap.id, status: swap.status, toVolunteer: names.get(swap.to_volunteer_id) ?? 'a colleague' }
        : null,
      hoursLogged: logged.has(a.id),
    }
  })
  const states = team.statesOn(row.id, today)
  const mustRead = team.policies.filter((p) => p.must_read === 1)
  const mine = team.acknowledged.get(row.id)
  const acks = await deps.db
    .selectFrom('policy_acknowledgements')
    .select(['policy_version_id', 'acknowledged_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('volunteer_id', '=', row.id)
    .execute()
  return {
    volunteer: summarise(team, row, names),
    timeZone: tz,
    shifts: shifts.filter((s) => s.date >= today),
    pastShifts: shifts.filter((s) => s.date < today).reverse(),
    requirements: states,
    policies: mustRead.flatMap((p) => {
      const version = team.currentVersions.get(p.id)
      if (!version) return []
      const acknowledgedAt = acks.find((a) => a.policy_version_id === version.id)?.acknowledged_at ?? null
      return [
        {
          policyId: p.id,
          title: p.title,
          versionId: version.id,
          version: version.version,
          publishedOn: version.published_on,
          acknowledgedAt,
          dueOn:
            acknowledgedAt === null &&
            (mine?.earlier.has(p.id) || (row.started_on !== null && version.published_on > row.started_on))
              ? plusDays(version.published_on, team.settings.policyGraceDays)
              : null,
        },
      ]
    }),
    availability: await presentAvailability(deps.db, actor, row, today),
    colleagues: team.volunteers
      .filter((v) => v.id !== row.id && ROSTERABLE_STAGES.includes(v.stage as VolunteerStage))
      .map((v) => ({ id: v.id, fullName: v.full_name })),
    hours: hours.reverse().map((h) => presentHours(h, row.full_name, settings.mileagePencePerMile)),
  }
}

/** Reads a volunteer's availability: their own, or any of the centre's for the desk. */
export async function getAvailability(deps: Deps, actor: Actor, volunteerId: string) {
  const row = await volunteerFor(deps.db, actor, volunteerId)
  const team = await loadTeam(deps.db, deps.clock, actor, row.centre_id, { volunteerIds: [row.id] })
  return presentAvailability(deps.db, actor, row, team.today)
}

/** Replaces the weekly pattern of when a volunteer can work, and how many shifts a month they want. */
export async function setAvailability(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  input: z.infer<typeof SetAvailabilitySchema>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await volunteerFor(trx, actor, volunteerId)
    const now = deps.clock.now().toISOString()
    const weekly = [...input.weekly].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from))
    await updateVolunteer(trx, scopeOf(actor), row.id, {
      availability: JSON.stringify(weekly),
      max_shifts_per_month: input.maxShiftsPerMonth,
      updated_at: now,
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.availability',
      resourceType: 'volunteer',
      resourceIds: [row.id],
    })
    const today = localParts(now, 'UTC').date
    return presentAvailability(
      trx,
      actor,
      { ...row, availability: JSON.stringify(weekly), max_shifts_per_month: input.maxShiftsPerMonth },
      plusDays(today, -1),
    )
  })
}

/** A holiday or a one-off extra day: dates the weekly pattern does not describe. */
export async function addException(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  input: z.infer<typeof AddExceptionSchema>,
) {
  if (input.lastDay < input.firstDay)
    throw new AppError('INVALID_INPUT', 'The last day is before the first', { field: 'lastDay' })
  if (input.lastDay > plusDays(input.firstDay, 366))
    throw new AppError('INVALID_INPUT', 'An exception lasts at most a year', { field: 'lastDay' })
  return deps.db.transaction().execute(async (trx) => {
    const row = await volunteerFor(trx, actor, volunteerId)
    const now = deps.clock.now().toISOString()
    const exception = {
      id: newId(),
      organisation_id: actor.organisationId,
      volunteer_id: row.id,
      first_day: input.firstDay,
      last_day: input.lastDay,
      kind: input.kind,
      note: input.note,
      created_at: now,
    }
    await trx.insertInto('availability_exceptions').values(exception).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.availability.exception',
      resourceType: 'volunteer',
      resourceIds: [row.id, exception.id],
    })
    return {
      id: exception.id,
      firstDay: input.firstDay,
      lastDay: input.lastDay,
      kind: input.kind,
      note: input.note,
    }
  })
}

export async function removeException(deps: Deps, actor: Actor, exceptionId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const exception = await trx
      .selectFrom('availability_exceptions')
      .selectAll()
      .where('organisation_id', '=', actor.organisationId)
      .where('id', '=', exceptionId)
      .executeTakeFirst()
    if (!exception) throw notFound('Exception')
    await volunteerFor(trx, actor, exception.volunteer_id)
    await trx.deleteFrom('availability_exceptions').where('id', '=', exception.id).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.availability.exception.remove',
      resourceType: 'volunteer',
      resourceIds: [exception.volunteer_id, exception.id],
    })
  })
}
