import type { Db } from '../../db/connect'
import { listTransitions } from '../../db/repositories/referrals.repository'
import { findUser, listGrants } from '../../db/repositories/users.repository'
import {
  findVolunteer,
  insertVolunteer,
  updateVolunteerAtVersion,
  type VolunteerRow,
} from '../../db/repositories/volunteers.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { deskCentreIds } from '../referrals/referrals.policy'
import { recordTransition } from '../referrals/workflow'
import { newId } from '../shared/ids'
import { insertInvitedUser } from '../users/manage-users'
import { findCentre, listCentres } from '../../db/repositories/organisations.repository'
import { canManageVolunteers, availabilityOf, loadTeam, namesOf, summarise, type Team } from './team'
import {
  ageOn,
  blockingFor,
  plusMonths,
  ROSTERABLE_STAGES,
  STAGE_LABELS,
  STAGE_MOVES,
} from './volunteer.rules'
import {
  VOLUNTEER_STAGES,
  type CreateVolunteerInput,
  type MoveStageInput,
  type UpdateVolunteerInput,
  type VolunteerFile,
  type VolunteerStage,
  type VolunteerSummary,
} from './volunteers.schemas'

const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details)

/** The volunteer, when the actor runs their centre's volunteers; everyone else gets NOT_FOUND. */
export async function managedVolunteer(db: Db, actor: Actor, volunteerId: string): Promise<VolunteerRow> {
  const row = await findVolunteer(db, scopeOf(actor), volunteerId)
  if (!row || !canManageVolunteers(actor, row.centre_id)) throw notFound('Volunteer')
  return row
}

/** The centres whose volunteers the actor runs. */
async function managedCentreIds(db: Db, actor: Actor): Promise<string[]> {
  const ids = deskCentreIds(actor)
  if (ids !== null) return ids
  return (await listCentres(db, scopeOf(actor))).map((c) => c.id)
}

async function teamsOf(deps: Deps, actor: Actor, centreId: string | undefined): Promise<Team[]> {
  const centreIds = centreId ? [centreId] : await managedCentreIds(deps.db, actor)
  if (centreId && !canManageVolunteers(actor, centreId)) throw notFound('Centre')
  return Promise.all(centreIds.map((id) => loadTeam(deps.db, deps.clock, actor, id)))
}

/** The volunteers of the actor's centres (or one centre), optionally at some stages. */
export async function listTeam(
  deps: Deps,
  actor: Actor,
  query: { centreId?: string; stage?: VolunteerStage },
): Promise<{ volunteers: VolunteerSummary[] }> {
  const teams = await teamsOf(deps, actor, query.centreId)
  const volunteers = teams.flatMap((team) => {
    const names = namesOf(team)
    return team.volunteers
      .filter((v) => !query.stage || v.stage === query.stage)
      .map((v) => summarise(team, v, names))
  })
  return { volunteers }
}

/** The recruitment board: a column per stage. */
export async function board(deps: Deps, actor: Actor, centreId: string | undefined) {
  const { volunteers } = await listTeam(deps, actor, { centreId })
  return {
    columns: VOLUNTEER_STAGES.map((stage) => ({
      stage,
      volunteers: volunteers.filter((v) => v.stage === stage),
    })),
  }
}

/**
 * A person who uses the centre cannot volunteer there (domain rules 3.20, conflicts of interest):
 * their sign-in is a parent's, or a party of one of the centre's referrals has their name and birthday.
 */
async function assertNotAUser(
  db: Db,
  actor: Actor,
  centreId: string,
  person: { userId: string | null; fullName: string; dateOfBirth: string | null; email: string | null },
): Promise<void> {
  const scope = scopeOf(actor)
  const refuse = () =>
    conflict('This person uses the centre and cannot volunteer there', { rule: 'VOL-USES-CENTRE' })
  if (person.userId) {
    const grants = await listGrants(db, scope, person.userId)
    if (grants.some((g) => g.role === 'parent')) throw refuse()
    const party = await db
      .selectFrom('parties')
      .innerJoin('referrals', 'referrals.id', 'parties.referral_id')
      .select('parties.id')
      .where('parties.organisation_id', '=', scope.organisationId)
      .where('referrals.centre_id', '=', centreId)
      .where('parties.user_id', '=', person.userId)
      .executeTakeFirst()
    if (party) throw refuse()
  }
  if (person.email) {
    const parent = await db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select('users.id')
      .where('users.organisation_id', '=', scope.organisationId)
      .where('users.email', '=', person.email.toLowerCase())
      .where('role_assignments.role', '=', 'parent')
      .executeTakeFirst()
    if (parent) throw refuse()
  }
  if (person.dateOfBirth) {
    const party = await db
      .selectFrom('parties')
      .innerJoin('referrals', 'referrals.id', 'parties.referral_id')
      .select('parties.id')
      .where('parties.organisation_id', '=', scope.organisationId)
      .where('referrals.centre_id', '=', centreId)
      .where('parties.kind', '=', 'adult')
      .where('parties.search_name', '=', person.fullName.toLowerCase())
      .where('parties.date_of_birth', '=', person.dateOfBirth)
      .executeTakeFirst()
    if (party) throw refuse()
  }
}

/** Records an enquiry: the first step of the pipeline. */
export async function createVolunteer(
  deps: Deps,
  actor: Actor,
  input: CreateVolunteerInput,
): Promise<VolunteerFile> {
  const id = await deps.db.transaction().execute(async (trx) => {
    // The centre must be one of the organisation's: an org-wide desk may manage any centre id it names.
    const centre = await findCentre(trx, scopeOf(actor), input.centreId)
    if (!centre || !canManageVolunteers(actor, centre.id)) throw notFound('Centre')
    await assertNotAUser(trx, actor, input.centreId, { userId: null, ...input })
    const now = deps.clock.now().toISOString()
    const row: VolunteerRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      centre_id: input.centreId,
      user_id: null,
      full_name: input.fullName,
      search_name: input.fullName.toLowerCase(),
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone,
      date_of_birth: input.dateOfBirth,
      stage: 'enquiry',
      stage_changed_at: now,
      duties: '[]',
      mentor_id: null,
      started_on: null,
      mentoring_until: null,
      planned_end_on: null,
      left_on: null,
      references_received: 0,
      availability: '[]',
      max_shifts_per_month: null,
      notes: input.notes,
      version: 1,
      created_at: now,
      updated_at: now,
    }
    await insertVolunteer(trx, row)
    await recordTransition(
      trx,
      deps.clock,
      { actor, label: await actorLabel(trx, actor) },
      {
        organisationId: actor.organisationId,
        subjectType: 'volunteer',
        subjectId: row.id,
        from: null,
        to: 'enquiry',
        reason: null,
      },
    )
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.create',
      resourceType: 'volunteer',
      resourceIds: [row.id],
    })
    return row.id
  })
  return getVolunteerFile(deps, actor, id)
}

async function actorLabel(db: Db, actor: Actor): Promise<string> {
  if (!actor.userId) return actor.kind === 'cli' ? 'Command line' : 'API token'
  return (await findUser(db, scopeOf(actor), actor.userId))?.display_name ?? 'Unknown'
}

/** A volunteer's file: details, where they stand on every requirement, and the pipeline history. */
export async function getVolunteerFile(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
): Promise<VolunteerFile> {
  const row = await managedVolunteer(deps.db, actor, volunteerId)
  const team = await loadTeam(deps.db, deps.clock, actor, row.centre_id)
  return presentFile(deps.db, actor, team, row)
}

async function presentFile(db: Db, actor: Actor, team: Team, row: VolunteerRow): Promise<VolunteerFile> {
  const names = namesOf(team)
  const transitions = (await listTransitions(db, scopeOf(actor), [row.id])).filter(
    (t) => t.subject_type === 'volunteer',
  )
  return {
    ...summarise(team, row, names),
    email: row.email,
    phone: row.phone,
    dateOfBirth: row.date_of_birth,
    notes: row.notes,
    referencesReceived: row.references_received,
    referencesRequired: team.settings.referencesRequired,
    maxShiftsPerMonth: row.max_shifts_per_month,
    leftOn: row.left_on,
    userId: row.user_id,
    version: row.version,
    nextStages: [...STAGE_MOVES[row.stage as VolunteerStage]],
    requirements: team.statesOn(row.id, team.today),
    history: transitions.map((t) => ({
      from: t.from_status,
      to: t.to_status,
      reason: t.reason,
      by: t.actor_name ?? t.actor_label,
      at: t.at,
    })),
    availability: availabilityOf(row),
    mentees: team.volunteers
      .filter((v) => v.mentor_id === row.id && ROSTERABLE_STAGES.includes(v.stage as VolunteerStage))
      .map((v) => ({ id: v.id, fullName: v.full_name })),
  }
}

/** Changes a volunteer's details, duties, mentor or references (optimistic: at the version read). */
export async function updateVolunteer(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  input: UpdateVolunteerInput,
): Promise<VolunteerFile> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedVolunteer(trx, actor, volunteerId)
    const scope = scopeOf(actor)
    if (input.mentorId !== undefined && input.mentorId !== null)
      await assertMentor(trx, actor, row, input.mentorId)
    if (input.userId !== undefined && input.userId !== null) {
      const user = await findUser(trx, scope, input.userId)
      if (!user) throw new AppError('INVALID_INPUT', 'No such sign-in', { field: 'userId' })
    }
    const fullName = input.fullName ?? row.full_name
    const next = {
      userId: input.userId === undefined ? row.user_id : input.userId,
      fullName,
      dateOfBirth: input.dateOfBirth === undefined ? row.date_of_birth : input.dateOfBirth,
      email: input.email === undefined ? row.email : input.email,
    }
    if (
      input.userId !== undefined ||
      input.dateOfBirth !== undefined ||
      input.email !== undefined ||
      input.fullName
    )
      await assertNotAUser(trx, actor, row.centre_id, next)
    const changed = await updateVolunteerAtVersion(trx, scope, row.id, input.version, {
      ...(input.fullName !== undefined && { full_name: fullName, search_name: fullName.toLowerCase() }),
      ...(input.email !== undefined && { email: input.email?.toLowerCase() ?? null }),
      ...(input.phone !== undefined && { phone: input.phone || null }),
      ...(input.dateOfBirth !== undefined && { date_of_birth: input.dateOfBirth }),
      ...(input.notes !== undefined && { notes: input.notes || null }),
      ...(input.duties !== undefined && { duties: JSON.stringify([...new Set(input.duties)]) }),
      ...(input.mentorId !== undefined && { mentor_id: input.mentorId }),
      ...(input.referencesReceived !== undefined && { references_received: input.referencesReceived }),
      ...(input.maxShiftsPerMonth !== undefined && { max_shifts_per_month: input.maxShiftsPerMonth }),
      ...(input.userId !== undefined && { user_id: input.userId }),
      updated_at: deps.clock.now().toISOString(),
    })
    if (!changed) throw staleVolunteer()
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.update',
      resourceType: 'volunteer',
      resourceIds: [row.id],
      details: { fields: Object.keys(input).filter((k) => k !== 'version') },
    })
  })
  return getVolunteerFile(deps, actor, volunteerId)
}

const staleVolunteer = () =>
  conflict('Someone else changed this volunteer first. Reload to see their change.', { rule: 'STALE' })

/** A mentor is another volunteer of the same centre, active (not in their own first year). */
async function assertMentor(db: Db, actor: Actor, mentee: VolunteerRow, mentorId: string): Promise<void> {
  const mentor = await findVolunteer(db, scopeOf(actor), mentorId)
  if (!mentor || mentor.centre_id !== mentee.centre_id || mentor.id === mentee.id)
    throw new AppError('INVALID_INPUT', 'Choose a mentor from this centre’s team', { field: 'mentorId' })
  if (mentor.stage !== 'active')
    throw conflict(`${mentor.full_name} is not an active volunteer, so cannot mentor`, { rule: 'VOL-MENTOR' })
}

/**
 * Moves a volunteer along the pipeline. Each move is checked against its rule, with a `rule` code:
 * - VOL-REFERENCES: the DBS check is applied for only after the references (R-REC-1);
 * - VOL-DBS: cleared needs a cleared, in-date DBS record (R-DBS-1);
 * - VOL-AGE: they are old enough when they start;
 * - VOL-MENTOR: the mentored year starts with a named, active mentor (centre facts);
 * - VOL-BLOCKED: nothing that gates every shift is missing or expired when they start working;
 * - VOL-MENTORING: active once the mentored year is out, or the coordinator signs it off early;
 * - VOL-LEAVING: leaving names the planned last day.
 */
export async function moveStage(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  input: MoveStageInput,
): Promise<VolunteerFile> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedVolunteer(trx, actor, volunteerId)
    const from = row.stage as VolunteerStage
    const to = input.to
    if (!STAGE_MOVES[from].includes(to))
      throw conflict(`A volunteer at “${STAGE_LABELS[from]}” cannot move to “${STAGE_LABELS[to]}”`, {
        rule: 'VOL-STAGE',
        allowed: STAGE_MOVES[from],
      })
    const team = await loadTeam(trx, deps.clock, actor, row.centre_id)
    const today = team.today
    const changes: Partial<VolunteerRow> = {}
    if (to === 'dbs_applied' && row.references_received < team.settings.referencesRequired)
      throw conflict(
        `${team.settings.referencesRequired} references are needed before the DBS check; ${row.references_received} received`,
        { rule: 'VOL-REFERENCES' },
      )
    if (to === 'cleared') {
      const dbs = team
        .statesOn(row.id, today)
        .find((s) => team.requirements.find((r) => r.id === s.requirementId)?.kind === 'dbs')
      if (!dbs || !['ok', 'expiring', 'renewal'].includes(dbs.status))
        throw conflict('Record a cleared, in-date DBS check first', {
          rule: 'VOL-DBS',
          detail: dbs?.detail ?? null,
        })
    }
    if (to === 'mentored' || (to === 'active' && from !== 'leaving')) {
      if (row.date_of_birth && ageOn(row.date_of_birth, today) < team.settings.minimumAge)
        throw conflict(`Volunteers must be at least ${team.settings.minimumAge}`, { rule: 'VOL-AGE' })
      const blocking = blockingFor(team.statesOn(row.id, today), 'floor').filter((s) => s.gates.includes('*'))
      if (blocking.length > 0)
        throw conflict('Some requirements stop this volunteer working', {
          rule: 'VOL-BLOCKED',
          blockers: blocking.map((s) => `${s.title}: ${s.detail}`),
        })
    }
    if (to === 'mentored') {
      const mentorId = input.mentorId ?? row.mentor_id
      if (!mentorId) throw conflict('Name the senior volunteer who mentors them', { rule: 'VOL-MENTOR' })
      await assertMentor(trx, actor, row, mentorId)
      const startedOn = row.started_on ?? today
      Object.assign(changes, {
        mentor_id: mentorId,
        started_on: startedOn,
        mentoring_until: plusMonths(startedOn, team.settings.mentoringMonths),
      })
    }
    if (to === 'active' && (from === 'mentored' || from === 'training')) {
      // Straight from training only when the centre has no mentored year, or it is signed off (an
      // experienced volunteer joining from another centre).
      const until =
        from === 'training'
          ? plusMonths(today, team.settings.mentoringMonths)
          : (row.mentoring_until ?? today)
      if (until > today && !input.signOffEarly)
        throw conflict(
          from === 'training'
            ? 'New volunteers spend their first year mentored; sign it off to make them active now'
            : `The mentored year runs until ${until}; sign it off early to make them active now`,
          { rule: 'VOL-MENTORING', mentoringUntil: until },
        )
      if (until > today && !input.reason)
        throw new AppError('INVALID_INPUT', 'Say why the mentored year is signed off early', {
          field: 'reason',
        })
    }
    if (to === 'active' && row.started_on === null) changes.started_on = today
    if (to === 'leaving') {
      if (!input.plannedEndOn || input.plannedEndOn < today)
        throw new AppError('INVALID_INPUT', 'Give the planned last day, today or later', {
          field: 'plannedEndOn',
          rule: 'VOL-LEAVING',
        })
      changes.planned_end_on = input.plannedEndOn
    }
    if (to === 'active' && from === 'leaving') changes.planned_end_on = null
    if (to === 'left') changes.left_on = today
    if (to === 'enquiry') Object.assign(changes, { left_on: null, planned_end_on: null })
    const now = deps.clock.now().toISOString()
    const changed = await updateVolunteerAtVersion(trx, scopeOf(actor), row.id, input.version, {
      ...changes,
      stage: to,
      stage_changed_at: now,
      updated_at: now,
    })
    if (!changed) throw staleVolunteer()
    if (to === 'left' || to === 'withdrawn') await dropFutureShifts(trx, actor, row.id, today, now)
    await recordTransition(
      trx,
      deps.clock,
      { actor, label: await actorLabel(trx, actor) },
      {
        organisationId: actor.organisationId,
        subjectType: 'volunteer',
        subjectId: row.id,
        from,
        to,
        reason:
          input.reason ?? (to === 'active' && input.signOffEarly ? 'Mentored year signed off early' : null),
      },
    )
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.stage',
      resourceType: 'volunteer',
      resourceIds: [row.id],
      details: { from, to },
    })
  })
  return getVolunteerFile(deps, actor, volunteerId)
}

/** Someone who has left is taken off every shift from today on. */
async function dropFutureShifts(db: Db, actor: Actor, volunteerId: string, today: string, now: string) {
  await db
    .updateTable('rota_assignments')
    .set({ status: 'cancelled', updated_at: now })
    .where('organisation_id', '=', actor.organisationId)
    .where('volunteer_id', '=', volunteerId)
    .where('on_date', '>=', today)
    .where('status', '=', 'assigned')
    .execute()
}

/**
 * Gives a volunteer their own sign-in (the volunteer role, for their centre) and links it to their
 * record: they get an email with a link to choose a password, then see their shifts, what is due and
 * the policies to read. For the desk of their centre; the volunteer needs an email and no sign-in yet.
 */
export async function inviteVolunteer(deps: Deps, actor: Actor, volunteerId: string): Promise<VolunteerFile> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await managedVolunteer(trx, actor, volunteerId)
    if (row.user_id) throw conflict('This volunteer already has a sign-in', { rule: 'VOL-SIGN-IN' })
    if (!row.email)
      throw new AppError('INVALID_INPUT', 'Add their email address first: the invitation goes there', {
        field: 'email',
      })
    if (row.stage === 'left' || row.stage === 'withdrawn')
      throw conflict('Someone who has left or withdrawn is not given a sign-in', { rule: 'VOL-SIGN-IN' })
    const user = await insertInvitedUser({ ...deps, db: trx }, actor, {
      email: row.email,
      displayName: row.full_name,
      roles: [{ role: 'volunteer', centreId: row.centre_id }],
    })
    const changed = await updateVolunteerAtVersion(trx, scopeOf(actor), row.id, row.version, {
      user_id: user.id,
      updated_at: deps.clock.now().toISOString(),
    })
    if (!changed) throw staleVolunteer()
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.invite',
      resourceType: 'volunteer',
      resourceIds: [row.id, user.id],
    })
  })
  return getVolunteerFile(deps, actor, volunteerId)
}
