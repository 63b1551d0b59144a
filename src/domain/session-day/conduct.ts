import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/connect'
import type { SuspensionsTable, WarningsTable } from '../../db/database'
import { listPartiesOfReferrals, type PartyRow } from '../../db/repositories/parties.repository'
import {
  listSessionsOfCase,
  lockCentreForBooking,
  updateSessionAtVersion,
  type SessionListRow,
} from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import { findDeskCase } from '../cases/case-file'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { sideOf } from '../referrals/parties.presenter'
import { namesFor } from '../scheduling/booking'
import { notifyParentsOfBooking } from '../scheduling/notify-parents'
import { noticeHours } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { sayDay } from '../shared/wording'
import {
  WarningLevelSchema,
  type ConductSchema,
  type IssueWarningSchema,
  type LiftSuspensionSchema,
  type SuspendSchema,
  type SuspensionView,
} from './session-day.schemas'

export type WarningRow = Selectable<WarningsTable>
export type SuspensionRow = Selectable<SuspensionsTable>
type WarningView = z.infer<typeof ConductSchema>['warnings'][number]

/** Display names of users by id, for "issued by" and "reported by". */
export async function userNames(db: Db, scope: Scope, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map<string, string>()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', scope.organisationId)
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

export const listWarningsOfCases = (db: Db, scope: Scope, caseIds: readonly string[]) =>
  caseIds.length === 0
    ? Promise.resolve([] as WarningRow[])
    : db
        .selectFrom('warnings')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('case_id', 'in', caseIds)
        .orderBy('issued_at', 'desc')
        .orderBy('id')
        .execute()

export const listSuspensionsOfCases = (db: Db, scope: Scope, caseIds: readonly string[]) =>
  caseIds.length === 0
    ? Promise.resolve([] as SuspensionRow[])
    : db
        .selectFrom('suspensions')
        .selectAll()
        .where('organisation_id', '=', scope.organisationId)
        .where('case_id', 'in', caseIds)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute()

export function presentWarning(
  row: WarningRow,
  parties: ReadonlyMap<string, PartyRow>,
  names: ReadonlyMap<string, string>,
): WarningView {
  const party = parties.get(row.party_id)
  return {
    id: row.id,
    caseId: row.case_id,
    partyId: row.party_id,
    personName: party?.full_name ?? 'Someone no longer on the case',
    side: party ? sideOf(party) : null,
    level: WarningLevelSchema.parse(row.level),
    reason: row.reason,
    incidentId: row.incident_id,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by_user_id ? (names.get(row.issued_by_user_id) ?? null) : null,
  }
}

export const presentSuspension = (row: SuspensionRow): SuspensionView => ({
  id: row.id,
  caseId: row.case_id,
  incidentId: row.incident_id,
  from: row.from_on,
  conditions: row.conditions,
  status: row.status,
  sessionsSuspended: row.sessions_suspended,
  createdAt: row.created_at,
  liftedAt: row.lifted_at,
  liftNote: row.lift_note,
})

/** Checks that an incident belongs to the case; a stranger's id is bad input, not a lookup. */
async function assertIncidentOfCase(db: Db, scope: Scope, caseId: string, incidentId: string | null) {
  if (!incidentId) return
  const found = await db
    .selectFrom('incidents')
    .select('id')
    .where('organisation_id', '=', scope.organisationId)
    .where('case_id', '=', caseId)
    .where('id', '=', incidentId)
    .executeTakeFirst()
  if (!found)
    throw new AppError('INVALID_INPUT', 'That incident is not one of this case’s', { field: 'incidentId' })
}

/**
 * Records a warning or sanction given to an adult of the case (domain rules 3.15).
 * @throws AppError NOT_FOUND for a case outside the actor's centres; INVALID_INPUT when the person
 *   is not an adult of the case or the incident is not the case's.
 */
export async function issueWarning(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof IssueWarningSchema>,
): Promise<WarningView> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const { found } = await findDeskCase(trx, actor, caseId)
    const parties = await listPartiesOfReferrals(trx, scope, [found.referral_id])
    const person = parties.find((p) => p.id === input.partyId && p.kind === 'adult')
    if (!person) throw new AppError('INVALID_INPUT', 'Choose an adult of this case', { field: 'partyId' })
    await assertIncidentOfCase(trx, scope, found.id, input.incidentId ?? null)
    const row: WarningRow = {
      id: newId(),
      organisation_id: scope.organisationId,
      case_id: found.id,
      party_id: person.id,
      incident_id: input.incidentId ?? null,
      level: input.level,
      reason: input.reason,
      issued_by_user_id: actor.userId,
      issued_at: deps.clock.now().toISOString(),
    }
    await trx.insertInto('warnings').values(row).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'warning.create',
      resourceType: 'warning',
      resourceIds: [row.id, found.id, person.id],
      details: { level: input.level, incidentId: row.incident_id },
    })
    return presentWarning(
      row,
      new Map(parties.map((p) => [p.id, p])),
      await userNames(trx, scope, [actor.userId]),
    )
  })
}

const stale = () =>
  new AppError('CONFLICT', 'Someone changed one of these sessions at the same time; try again', {
    rule: 'stale-version',
  })

/** Tells both parents of sessions, each in their own times only (R-CONF-1). */
async function tellParents(
  deps: Deps,
  db: Db,
  actor: Actor,
  desk: Awaited<ReturnType<typeof findDeskCase>>,
  sessions: readonly SessionListRow[],
  heading: string,
  mode: 'booked' | 'off',
): Promise<void> {
  if (sessions.length === 0) return
  const names = await namesFor(db, actor, desk.centre, [desk.found])
  // Each parent's lines are built from their own side of a session as if it were booked.
  const asBooked = sessions.map((s) => ({ ...s, status: 'scheduled' }))
  await notifyParentsOfBooking(deps, db, actor, desk.found, desk.centre, names, asBooked, heading, mode)
}

/**
 * Suspends a case's future sessions from a date (domain rules 5.8): each booked session on or after
 * it that has not started keeps its place but is marked suspended, and both parents are told not to
 * come. The conditions say what must happen before the family is re-admitted.
 * @throws AppError NOT_FOUND; CONFLICT (SUSPENSION-ACTIVE) while another suspension is in force.
 */
export async function suspendCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof SuspendSchema>,
): Promise<SuspensionView> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const desk = await findDeskCase(trx, actor, caseId)
    const { found } = desk
    // One change to a centre's bookings at a time: two suspensions of a case cannot cross.
    await lockCentreForBooking(trx, scope, desk.centre.id)
    const active = await trx
      .selectFrom('suspensions')
      .select('id')
      .where('organisation_id', '=', scope.organisationId)
      .where('case_id', '=', found.id)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (active)
      throw new AppError('CONFLICT', 'This case’s sessions are already suspended: lift that first', {
        rule: 'SUSPENSION-ACTIVE',
        suspensionId: active.id,
      })
    await assertIncidentOfCase(trx, scope, found.id, input.incidentId ?? null)
    const now = deps.clock.now().toISOString()
    const sessions = (await listSessionsOfCase(trx, scope, found.id)).filter(
      (s) => s.status === 'scheduled' && s.local_date >= input.from && s.starts_at > now,
    )
    const row: SuspensionRow = {
      id: newId(),
      organisation_id: scope.organisationId,
      case_id: found.id,
      incident_id: input.incidentId ?? null,
      from_on: input.from,
      conditions: input.conditions,
      status: 'active',
      sessions_suspended: sessions.length,
      created_by_user_id: actor.userId,
      created_at: now,
      lifted_at: null,
      lifted_by_user_id: null,
      lift_note: null,
    }
    await trx.insertInto('suspensions').values(row).execute()
    for (const session of sessions) {
      const changed = await updateSessionAtVersion(trx, scope, session.id, session.version, {
        status: 'suspended',
        suspension_id: row.id,
        updated_at: now,
      })
      if (!changed) throw stale()
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'suspension.create',
      resourceType: 'suspension',
      resourceIds: [row.id, found.id, ...(row.incident_id ? [row.incident_id] : [])],
      details: { from: input.from, sessions: sessions.length },
    })
    await tellParents(
      deps,
      trx,
      actor,
      desk,
      sessions,
      `The centre has suspended your sessions from ${sayDay(input.from)}. Please do not come to the centre for these sessions until the centre tells you they are back on:`,
      'off',
    )
    return presentSuspension(row)
  })
}

/**
 * Lifts a suspension once its conditions are met (re-admission): the sessions it suspended that are
 * still ahead are booked again and both parents are told; those whose time has passed are recorded
 * as cancelled by the centre.
 * @throws AppError NOT_FOUND; CONFLICT (SUSPENSION-LIFTED) when it was lifted already.
 */
export async function liftSuspension(
  deps: Deps,
  actor: Actor,
  suspensionId: string,
  input: z.infer<typeof LiftSuspensionSchema>,
): Promise<SuspensionView> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const suspension = await trx
      .selectFrom('suspensions')
      .selectAll()
      .where('organisation_id', '=', scope.organisationId)
      .where('id', '=', suspensionId)
      .executeTakeFirst()
    if (!suspension) throw notFound('Suspension')
    const desk = await findDeskCase(trx, actor, suspension.case_id).catch(() => {
      throw notFound('Suspension')
    })
    await lockCentreForBooking(trx, scope, desk.centre.id)
    // Read again under the lock: someone may have lifted it a moment ago.
    const current = await trx
      .selectFrom('suspensions')
      .select('status')
      .where('id', '=', suspension.id)
      .executeTakeFirstOrThrow()
    if (current.status === 'lifted')
      throw new AppError('CONFLICT', 'This suspension has been lifted already', { rule: 'SUSPENSION-LIFTED' })
    const now = deps.clock.now().toISOString()
    const held = (await listSessionsOfCase(trx, scope, suspension.case_id)).filter(
      (s) => s.status === 'suspended' && s.suspension_id === suspension.id,
    )
    const restored = held.filter((s) => s.starts_at > now)
    for (const session of held) {
      const back = session.starts_at > now
      const changed = await updateSessionAtVersion(
        trx,
        scope,
        session.id,
        session.version,
        back
          ? { status: 'scheduled', suspension_id: null, updated_at: now }
          : {
              status: 'cancelled',
              suspension_id: null,
              cancelled_by: 'centre',
              cancelled_at: suspension.created_at,
              cancel_notice_hours: noticeHours(suspension.created_at, session.starts_at),
              cancel_reason: 'Suspended after an incident',
              updated_at: now,
            },
      )
      if (!changed) throw stale()
    }
    const lifted: SuspensionRow = {
      ...suspension,
      status: 'lifted',
      lifted_at: now,
      lifted_by_user_id: actor.userId,
      lift_note: input.note,
    }
    await trx
      .updateTable('suspensions')
      .set({ status: 'lifted', lifted_at: now, lifted_by_user_id: actor.userId, lift_note: input.note })
      .where('organisation_id', '=', scope.organisationId)
      .where('id', '=', suspension.id)
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'suspension.lift',
      resourceType: 'suspension',
      resourceIds: [suspension.id, suspension.case_id],
      details: { restored: restored.length, cancelled: held.length - restored.length },
    })
    await tellParents(
      deps,
      trx,
      actor,
      desk,
      restored,
      'The centre has lifted the suspension of your sessions. These sessions are back on:',
      'booked',
    )
    return presentSuspension(lifted)
  })
}
