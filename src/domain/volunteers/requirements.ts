import type { z } from 'zod'
import {
  findRecord,
  insertRecord,
  listRecords,
  listRequirements,
  updateRecord,
  updateRequirement,
  type RecordRow,
} from '../../db/repositories/volunteers.repository'
import { scopeOf, hasRole, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { assertCan } from '../organisation/organisation.policy'
import { newId } from '../shared/ids'
import { ensureVolunteeringDefaults } from './defaults'
import { canManageVolunteers, loadTeam, namesOf, presentRequirement, summarise } from './team'
import { defaultExpiry } from './volunteer.rules'
import { managedVolunteer } from './volunteers'
import {
  DbsDetailSchema,
  REQUIREMENT_STATUSES,
  type CreateRequirementSchema,
  type Matrix,
  type RecordEvidenceInput,
  type RequirementStatus,
  type UpdateRequirementSchema,
} from './volunteers.schemas'

const presentRecord = (row: RecordRow) => ({
  id: row.id,
  requirementId: row.requirement_id,
  completedOn: row.completed_on,
  expiresOn: row.expires_on,
  passed: row.passed === 1,
  provider: row.provider,
  note: row.note,
  renewalStartedOn: row.renewal_started_on,
  hasDbsDetail: row.dbs_sealed !== null,
  recordedAt: row.created_at,
})

/** The organisation's requirements, with the UK defaults the first time. */
export async function listRequirementsOf(deps: Deps, actor: Actor) {
  await ensureVolunteeringDefaults(deps.db, deps.clock, actor.organisationId)
  return { requirements: (await listRequirements(deps.db, scopeOf(actor))).map(presentRequirement) }
}

/** Adds a requirement (a specialist course, a local qualification...). Admins only: it is policy. */
export async function createRequirement(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof CreateRequirementSchema>,
) {
  assertCan(hasRole(actor, 'admin'))
  return deps.db.transaction().execute(async (trx) => {
    await ensureVolunteeringDefaults(trx, deps.clock, actor.organisationId)
    const existing = await listRequirements(trx, scopeOf(actor))
    if (existing.some((r) => r.code === input.code))
      throw new AppError('CONFLICT', 'A requirement already has that code', { field: 'code' })
    if (input.kind === 'policies' || input.kind === 'dbs')
      if (existing.some((r) => r.kind === input.kind && r.archived_at === null))
        throw new AppError(
          'CONFLICT',
          `There is already a ${input.kind === 'dbs' ? 'DBS' : 'policies'} requirement`,
          {
            field: 'kind',
          },
        )
    const now = deps.clock.now().toISOString()
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      code: input.code,
      title: input.title,
      kind: input.kind,
      mandatory: input.mandatory ? 1 : 0,
      valid_months: input.validMonths,
      due_days: input.dueDays,
      gates: JSON.stringify([...new Set(input.gates)]),
      sort_order: Math.max(0, ...existing.map((r) => r.sort_order)) + 10,
      archived_at: null,
      created_at: now,
      updated_at: now,
    }
    await trx.insertInto('volunteer_requirements').values(row).execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'requirement.create',
      resourceType: 'requirement',
      resourceIds: [row.id],
    })
    return presentRequirement(row)
  })
}

/** Changes a requirement's numbers or what it gates; every volunteer's status follows at once. */
export async function changeRequirement(
  deps: Deps,
  actor: Actor,
  requirementId: string,
  input: z.infer<typeof UpdateRequirementSchema>,
) {
  assertCan(hasRole(actor, 'admin'))
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const row = (await listRequirements(trx, scope)).find((r) => r.id === requirementId)
    if (!row) throw notFound('Requirement')
    const now = deps.clock.now().toISOString()
    const changes = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.mandatory !== undefined && { mandatory: input.mandatory ? 1 : 0 }),
      ...(input.validMonths !== undefined && { valid_months: input.validMonths }),
      ...(input.dueDays !== undefined && { due_days: input.dueDays }),
      ...(input.gates !== undefined && { gates: JSON.stringify([...new Set(input.gates)]) }),
      ...(input.archived !== undefined && { archived_at: input.archived ? (row.archived_at ?? now) : null }),
      updated_at: now,
    }
    await updateRequirement(trx, scope, row.id, changes)
    await auditAs(trx, deps.clock, actor, {
      action: 'requirement.update',
      resourceType: 'requirement',
      resourceIds: [row.id],
      details: { fields: Object.keys(input) },
    })
    return presentRequirement({ ...row, ...changes })
  })
}

/**
 * Records that a volunteer met a requirement: a course done, a qualification seen, a DBS check
 * cleared. A DBS record keeps only what the DBS Code of Practice allows (level, certificate number,
 * update-service check), sealed at rest; never the certificate's content. A new record replaces the
 * old one as the latest, which also ends any renewal in flight.
 */
export async function recordEvidence(
  deps: Deps,
  actor: Actor,
  volunteerId: string,
  input: RecordEvidenceInput,
) {
  return deps.db.transaction().execute(async (trx) => {
    const volunteer = await managedVolunteer(trx, actor, volunteerId)
    const team = await loadTeam(trx, deps.clock, actor, volunteer.centre_id, { volunteerIds: [volunteer.id] })
    const requirement = team.requirements.find((r) => r.id === input.requirementId)
    if (!requirement) throw new AppError('INVALID_INPUT', 'No such requirement', { field: 'requirementId' })
    if (requirement.kind === 'policies')
      throw new AppError('INVALID_INPUT', 'Policies are read and acknowledged by the volunteer in the app', {
        field: 'requirementId',
      })
    if (input.completedOn > team.today)
      throw new AppError('INVALID_INPUT', 'The date it was done cannot be in the future', {
        field: 'completedOn',
      })
    if (requirement.kind !== 'dbs' && input.dbs)
      throw new AppError('INVALID_INPUT', 'Only a DBS check has certificate details', { field: 'dbs' })
    const expiresOn =
      input.expiresOn ?? defaultExpiry({ validMonths: requirement.valid_months }, input.completedOn)
    if (expiresOn !== null && expiresOn < input.completedOn)
      throw new AppError('INVALID_INPUT', 'It cannot expire before it was done', { field: 'expiresOn' })
    const now = deps.clock.now().toISOString()
    const row: RecordRow = {
      id: newId(),
      organisation_id: actor.organisationId,
      volunteer_id: volunteer.id,
      requirement_id: requirement.id,
      completed_on: input.completedOn,
      expires_on: expiresOn,
      passed: input.passed ? 1 : 0,
      provider: input.provider,
      note: input.note,
      dbs_sealed: input.dbs ? deps.fieldCrypto.encrypt(JSON.stringify(input.dbs)) : null,
      renewal_started_on: null,
      recorded_by_user_id: actor.userId,
      created_at: now,
      updated_at: now,
    }
    await insertRecord(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.record',
      resourceType: 'volunteer',
      resourceIds: [volunteer.id, row.id],
      details: { requirement: requirement.code },
    })
    return presentRecord(row)
  })
}

/** A volunteer's records, newest first; DBS certificate details stay behind their own route. */
export async function listVolunteerRecords(deps: Deps, actor: Actor, volunteerId: string) {
  const volunteer = await managedVolunteer(deps.db, actor, volunteerId)
  return { records: (await listRecords(deps.db, scopeOf(actor), [volunteer.id])).map(presentRecord) }
}

/**
 * A DBS record's certificate details. Every reveal is written to the audit trail by its route
 * (DBS-1): the Police Act asks for a record of everyone to whom certificate information is revealed.
 */
export async function revealDbs(deps: Deps, actor: Actor, recordId: string) {
  const record = await findRecord(deps.db, scopeOf(actor), recordId)
  if (!record) throw notFound('Record')
  await managedVolunteer(deps.db, actor, record.volunteer_id)
  const parsed = record.dbs_sealed
    ? DbsDetailSchema.safeParse(JSON.parse(deps.fieldCrypto.decrypt(record.dbs_sealed)))
    : null
  return {
    recordId: record.id,
    completedOn: record.completed_on,
    expiresOn: record.expires_on,
    passed: record.passed === 1,
    detail: parsed?.success ? parsed.data : null,
  }
}

/** Marks a renewal as in flight (applied for, course booked): it pauses the reminders, not the expiry. */
export async function startRenewal(
  deps: Deps,
  actor: Actor,
  recordId: string,
  input: { startedOn: string; note: string | null },
) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const record = await findRecord(trx, scope, recordId)
    if (!record) throw notFound('Record')
    await managedVolunteer(trx, actor, record.volunteer_id)
    const latest = (await listRecords(trx, scope, [record.volunteer_id])).find(
      (r) => r.requirement_id === record.requirement_id,
    )
    if (latest?.id !== record.id)
      throw new AppError('CONFLICT', 'A newer record replaces this one; renew that instead', {
        rule: 'STALE',
      })
    const now = deps.clock.now().toISOString()
    const note = input.note ? [record.note, `Renewal: ${input.note}`].filter(Boolean).join('\n') : record.note
    await updateRecord(trx, scope, record.id, { renewal_started_on: input.startedOn, note, updated_at: now })
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteer.record.renewal',
      resourceType: 'volunteer',
      resourceIds: [record.volunteer_id, record.id],
    })
    return presentRecord({ ...record, renewal_started_on: input.startedOn, note })
  })
}

/**
 * The compliance matrix: each volunteer still with the centre against each requirement, as of a day
 * (today by default, or a day ahead to see what will have lapsed by then).
 */
export async function complianceMatrix(
  deps: Deps,
  actor: Actor,
  centreId: string,
  asOf: string | undefined,
): Promise<Matrix> {
  if (!canManageVolunteers(actor, centreId)) throw notFound('Centre')
  const team = await loadTeam(deps.db, deps.clock, actor, centreId)
  const day = asOf ?? team.today
  const names = namesOf(team)
  // The team and those about to join it; earlier stages are followed on the recruitment board, where
  // a check not yet done is the next step, not a lapse.
  const current = team.volunteers.filter((v) =>
    ['cleared', 'training', 'mentored', 'active', 'leaving'].includes(v.stage),
  )
  const counts = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<
    RequirementStatus,
    number
  >
  const rows = current.map((v) => {
    const cells = team.statesOn(v.id, day)
    for (const cell of cells) counts[cell.status] += 1
    return { volunteer: summarise(team, v, names), cells }
  })
  return { asOf: day, requirements: team.requirements.map(presentRequirement), rows, counts }
}
