import type { z } from 'zod'
import {
  findAssignment,
  findVolunteer,
  listHours,
  listVolunteers,
  type HoursRow,
} from '../../db/repositories/volunteers.repository'
import { findCentre, listCentres } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { deskCentreIds } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { myVolunteerRows } from './policies'
import { canManageVolunteers } from './team'
import { loadVolunteeringSettings } from './volunteering-settings'
import type { LogHoursSchema } from './volunteers.schemas'

type Kind = 'session' | 'training' | 'escort' | 'other'

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000)

export function presentHours(row: HoursRow, name: string, pencePerMile: number) {
  return {
    id: row.id,
    volunteerId: row.volunteer_id,
    fullName: name,
    kind: row.kind as Kind,
    onDate: row.on_date,
    minutes: row.minutes,
    miles: row.miles,
    expensesPence: row.expenses_pence,
    mileagePence: row.miles === null ? null : Math.round(row.miles * pencePerMile),
    description: row.description,
    assignmentId: row.assignment_id,
    status: row.status,
    decisionNote: row.decision_note,
  }
}

/**
 * Logs time given (a shift, training, an escorted journey with its mileage and expenses). A volunteer
 * logs their own and it waits for approval; the desk can log for anyone, approved at once. A shift
 * can be logged once, and only on or after its day; its minutes default to the rota's.
 */
export async function logHours(deps: Deps, actor: Actor, input: z.infer<typeof LogHoursSchema>) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    let volunteer
    let byDesk = false
    if (input.volunteerId) {
      volunteer = await findVolunteer(trx, scope, input.volunteerId)
      if (!volunteer) throw notFound('Volunteer')
      byDesk = canManageVolunteers(actor, volunteer.centre_id)
      const own = volunteer.user_id !== null && volunteer.user_id === actor.userId
      if (!byDesk && !own) throw notFound('Volunteer')
    } else {
      volunteer = (await myVolunteerRows(trx, actor))[0]
      if (!volunteer) throw notFound('Volunteer')
    }
    const centre = await findCentre(trx, scope, volunteer.centre_id)
    const today = localParts(deps.clock.now().toISOString(), centre?.time_zone ?? 'UTC').date
    if (input.onDate > today)
      throw new AppError('INVALID_INPUT', 'Hours are logged on or after the day', { field: 'onDate' })
    let minutes = input.minutes ?? null
    if (input.assignmentId) {
      const assignment = await findAssignment(trx, scope, input.assignmentId)
      if (!assignment || assignment.volunteer_id !== volunteer.id || assignment.status !== 'assigned')
        throw new AppError('INVALID_INPUT', 'That shift is not one of theirs', { field: 'assignmentId' })
      if (assignment.on_date > today)
        throw new AppError('INVALID_INPUT', 'A shift is logged on or after its day', {
          field: 'assignmentId',
        })
      if (assignment.on_date !== input.onDate)
        throw new AppError('INVALID_INPUT', 'The date is not the shift’s date', { field: 'onDate' })
      minutes = input.minutes ?? minutesBetween(assignment.starts_at, assignment.ends_at)
      const logged = await trx
        .selectFrom('volunteer_hours')
        .select('id')
        .where('assignment_id', '=', assignment.id)
        .executeTakeFirst()
      if (logged)
        throw new AppError('CONFLICT', 'This shift has already been logged', { rule: 'HOURS-TWICE' })
    }
    if (minutes === null) throw new AppError('INVALID_INPUT', 'Say how long it took', { field: 'minutes' })
    if (
      (input.miles !== null || input.expensesPence !== null) &&
      input.kind !== 'escort' &&
      input.kind !== 'training'
    )
      throw new AppError(
        'INVALID_INPUT',
        'Mileage and expenses are claimed for escorted visits and training',
        {
          field: 'miles',
        },
      )
    const now = deps.clock.now().toISOString()
    const row: HoursRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: volunteer.centre_id,
      volunteer_id: volunteer.id,
      assignment_id: input.assignmentId,
      kind: input.kind,
      on_date: input.onDate,
      minutes,
      miles: input.miles,
      expenses_pence: input.expensesPence,
      description: input.description,
      status: byDesk ? 'approved' : 'submitted',
      submitted_by_user_id: actor.userId,
      decided_by_user_id: byDesk ? actor.userId : null,
      decided_at: byDesk ? now : null,
      decision_note: null,
      created_at: now,
    }
    await trx.insertInto('volunteer_hours').values(row).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'hours.log',
      resourceType: 'volunteer',
      resourceIds: [volunteer.id, row.id],
    })
    const settings = await loadVolunteeringSettings(trx, scope)
    return presentHours(row, volunteer.full_name, settings.mileagePencePerMile)
  })
}

/**
 * Logs every shift of one day from the rota in one go (after the session, the team leader's tick):
 * each assigned volunteer's hours, approved, skipping shifts already logged.
 */
export async function logRotaDay(deps: Deps, actor: Actor, centreId: string, onDate: string) {
  if (!canManageVolunteers(actor, centreId)) throw notFound('Centre')
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const centre = await findCentre(trx, scope, centreId)
    if (!centre) throw notFound('Centre')
    const today = localParts(deps.clock.now().toISOString(), centre.time_zone).date
    if (onDate > today)
      throw new AppError('INVALID_INPUT', 'Hours are logged on or after the day', { field: 'onDate' })
    const assignments = await trx
      .selectFrom('rota_assignments')
      .leftJoin('volunteer_hours', 'volunteer_hours.assignment_id', 'rota_assignments.id')
      .selectAll('rota_assignments')
      .where('rota_assignments.organisation_id', '=', scope.organisationId)
      .where('rota_assignments.centre_id', '=', centreId)
      .where('rota_assignments.on_date', '=', onDate)
      .where('rota_assignments.status', '=', 'assigned')
      .where('volunteer_hours.id', 'is', null)
      .execute()
    const now = deps.clock.now().toISOString()
    const rows: HoursRow[] = assignments.map((a) => ({
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: centreId,
      volunteer_id: a.volunteer_id,
      assignment_id: a.id,
      kind: a.duty === 'escort' ? 'escort' : 'session',
      on_date: onDate,
      minutes: minutesBetween(a.starts_at, a.ends_at),
      miles: null,
      expenses_pence: null,
      description: null,
      status: 'approved',
      submitted_by_user_id: actor.userId,
      decided_by_user_id: actor.userId,
      decided_at: now,
      decision_note: null,
      created_at: now,
    }))
    if (rows.length > 0) await trx.insertInto('volunteer_hours').values(rows).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'hours.log_rota',
      resourceType: 'centre',
      resourceIds: [centreId],
      details: { onDate, logged: rows.length },
    })
    return { logged: rows.length }
  })
}

async function centresOf(deps: Deps, actor: Actor, centreId: string | undefined): Promise<string[]> {
  if (centreId) {
    const centre = await findCentre(deps.db, scopeOf(actor), centreId)
    if (!centre || !canManageVolunteers(actor, centre.id)) throw notFound('Centre')
    return [centre.id]
  }
  return deskCentreIds(actor) ?? (await listCentres(deps.db, scopeOf(actor))).map((c) => c.id)
}

/** Hours in a period, for approval and review. */
export async function listHoursOf(
  deps: Deps,
  actor: Actor,
  query: { centreId?: string; from: string; to: string; status?: 'submitted' | 'approved' | 'declined' },
) {
  if (query.to < query.from)
    throw new AppError('INVALID_INPUT', 'The period ends before it starts', { field: 'to' })
  const scope = scopeOf(actor)
  const centreIds = await centresOf(deps, actor, query.centreId)
  const [rows, volunteers, settings] = await Promise.all([
    listHours(deps.db, scope, centreIds, query.from, query.to),
    listVolunteers(deps.db, scope, centreIds),
    loadVolunteeringSettings(deps.db, scope),
  ])
  const names = new Map(volunteers.map((v) => [v.id, v.full_name]))
  return {
    entries: rows
      .filter((r) => !query.status || r.status === query.status)
      .map((r) => presentHours(r, names.get(r.volunteer_id) ?? 'Unknown', settings.mileagePencePerMile)),
  }
}

/** The coordinator approves or declines a submitted entry. Entries are never deleted, only declined. */
export async function decideHours(
  deps: Deps,
  actor: Actor,
  hoursId: string,
  input: { approve: boolean; note: string | null },
) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const row = await trx
      .selectFrom('volunteer_hours')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('id', '=', hoursId)
      .executeTakeFirst()
    if (!row || !canManageVolunteers(actor, row.centre_id)) throw notFound('Hours')
    if (row.status !== 'submitted')
      throw new AppError('CONFLICT', 'These hours have already been decided', { rule: 'HOURS-DECIDED' })
    const now = deps.clock.now().toISOString()
    const status = input.approve ? ('approved' as const) : ('declined' as const)
    await trx
      .updateTable('volunteer_hours')
      .set({ status, decided_by_user_id: actor.userId, decided_at: now, decision_note: input.note })
      .where('id', '=', row.id)
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: input.approve ? 'hours.approve' : 'hours.decline',
      resourceType: 'volunteer',
      resourceIds: [row.volunteer_id, row.id],
    })
    const volunteer = await findVolunteer(trx, scope, row.volunteer_id)
    const settings = await loadVolunteeringSettings(trx, scope)
    return presentHours(
      { ...row, status, decision_note: input.note },
      volunteer?.full_name ?? 'Unknown',
      settings.mileagePencePerMile,
    )
  })
}

/** Approved hours, miles and expenses per volunteer and in total over a period: what funders ask for. */
export async function hoursTotals(
  deps: Deps,
  actor: Actor,
  query: { centreId?: string; from: string; to: string },
) {
  const { entries } = await listHoursOf(deps, actor, { ...query, status: 'approved' })
  const per = new Map<
    string,
    {
      volunteerId: string
      fullName: string
      sessionMinutes: number
      trainingMinutes: number
      otherMinutes: number
      totalMinutes: number
      miles: number
      expensesPence: number
      mileagePence: number
    }
  >()
  let mileagePence = 0
  for (const e of entries) {
    const t = per.get(e.volunteerId) ?? {
      volunteerId: e.volunteerId,
      fullName: e.fullName,
      sessionMinutes: 0,
      trainingMinutes: 0,
      otherMinutes: 0,
      totalMinutes: 0,
      miles: 0,
      expensesPence: 0,
      mileagePence: 0,
    }
    if (e.kind === 'session' || e.kind === 'escort') t.sessionMinutes += e.minutes
    else if (e.kind === 'training') t.trainingMinutes += e.minutes
    else t.otherMinutes += e.minutes
    t.totalMinutes += e.minutes
    t.miles += e.miles ?? 0
    t.expensesPence += e.expensesPence ?? 0
    t.mileagePence += e.mileagePence ?? 0
    mileagePence += e.mileagePence ?? 0
    per.set(e.volunteerId, t)
  }
  const volunteers = [...per.values()].sort(
    (a, b) => b.totalMinutes - a.totalMinutes || a.fullName.localeCompare(b.fullName),
  )
  return {
    from: query.from,
    to: query.to,
    volunteers,
    total: {
      minutes: volunteers.reduce((s, v) => s + v.totalMinutes, 0),
      miles: Math.round(volunteers.reduce((s, v) => s + v.miles, 0) * 10) / 10,
      expensesPence: volunteers.reduce((s, v) => s + v.expensesPence, 0),
      mileagePence,
      volunteers: volunteers.length,
    },
  }
}
