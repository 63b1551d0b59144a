import type { Db } from '../../db/connect'
import type { CentreRow } from '../../db/repositories/organisations.repository'
import {
  listAcknowledgements,
  listExceptions,
  listPolicies,
  listPolicyVersions,
  listRecords,
  listRequirements,
  listVolunteers,
  type PolicyRow,
  type PolicyVersionRow,
  type RecordRow,
  type RequirementRow,
  type VolunteerRow,
} from '../../db/repositories/volunteers.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import { isDesk } from '../referrals/referrals.policy'
import type { Clock } from '../shared/clock'
import { notFound } from '../errors'
import { localParts } from '../scheduling/schedule.rules'
import { ensureVolunteeringDefaults } from './defaults'
import { loadVolunteeringSettings } from './volunteering-settings'
import {
  blockingFor,
  requirementState,
  ROSTERABLE_STAGES,
  stageProblem,
  type PolicyFacts,
  type RecordFacts,
  type RequirementFacts,
  type VolunteerFacts,
} from './volunteer.rules'
import {
  AvailabilityWindowSchema,
  DutySchema,
  GateSchema,
  type AvailabilityWindow,
  type Duty,
  type Gate,
  type RequirementState,
  type RequirementView,
  type VolunteerStage,
  type VolunteerSummary,
  type VolunteeringSettings,
} from './volunteers.schemas'
import { z } from 'zod'

/** The centre's desk (admins and its coordinators) runs its volunteers and sees their DBS details. */
export const canManageVolunteers = (actor: Actor, centreId: string): boolean => isDesk(actor, centreId)

const parseList = <T>(schema: z.ZodType<T>, json: string | null): T[] => {
  const parsed = z.array(schema).safeParse(json ? JSON.parse(json) : [])
  return parsed.success ? parsed.data : []
}
export const dutiesOf = (row: Pick<VolunteerRow, 'duties'>): Duty[] => parseList(DutySchema, row.duties)
export const gatesOf = (row: Pick<RequirementRow, 'gates'>): Gate[] => parseList(GateSchema, row.gates)
export const availabilityOf = (row: Pick<VolunteerRow, 'availability'>): AvailabilityWindow[] =>
  parseList(AvailabilityWindowSchema, row.availability)

export const requirementFacts = (row: RequirementRow): RequirementFacts => ({
  id: row.id,
  code: row.code,
  title: row.title,
  kind: row.kind as RequirementFacts['kind'],
  mandatory: row.mandatory === 1,
  validMonths: row.valid_months,
  dueDays: row.due_days,
  gates: gatesOf(row),
})

export const presentRequirement = (row: RequirementRow): RequirementView => ({
  ...requirementFacts(row),
  gates: gatesOf(row),
  archived: row.archived_at !== null,
})

const recordFacts = (row: RecordRow): RecordFacts => ({
  requirementId: row.requirement_id,
  completedOn: row.completed_on,
  expiresOn: row.expires_on,
  passed: row.passed === 1,
  renewalStartedOn: row.renewal_started_on,
})

/**
 * A centre's volunteers with everything needed to say where each stands: requirements, their
 * latest records, policies and acknowledgements, availability exceptions and the settings.
 */
export interface Team {
  centre: CentreRow
  today: string
  settings: VolunteeringSettings
  volunteers: VolunteerRow[]
  requirements: RequirementRow[]
  /** The latest record of each volunteer for each requirement. */
  latest: Map<string, RecordRow>
  records: RecordRow[]
  policies: PolicyRow[]
  currentVersions: Map<string, PolicyVersionRow>
  /** volunteerId → policy ids of which they acknowledged the current version / an earlier one. */
  acknowledged: Map<string, { current: Set<string>; earlier: Set<string> }>
  exceptions: Map<string, VolunteerFacts['exceptions'][number][]>
  statesOn(volunteerId: string, date: string): RequirementState[]
  facts(volunteerId: string): VolunteerFacts
}

export async function loadTeam(
  db: Db,
  clock: Clock,
  actor: Actor,
  centreId: string,
  options: { volunteerIds?: readonly string[] } = {},
): Promise<Team> {
  const scope = scopeOf(actor)
  const centre = await findCentre(db, scope, centreId)
  if (!centre) throw notFound('Centre')
  await ensureVolunteeringDefaults(db, clock, actor.organisationId)
  const today = localParts(clock.now().toISOString(), centre.time_zone).date
  const all = await listVolunteers(db, scope, [centre.id])
  const volunteers = options.volunteerIds ? all.filter((v) => options.volunteerIds?.includes(v.id)) : all
  const ids = volunteers.map((v) => v.id)
  const [settings, requirementRows, records, policies, versions, acks, exceptionRows] = await Promise.all([
    loadVolunteeringSettings(db, scope),
    listRequirements(db, scope),
    listRecords(db, scope, ids),
    listPolicies(db, scope),
    listPolicyVersions(db, scope),
    listAcknowledgements(db, scope, ids),
    listExceptions(db, scope, ids, '0001-01-01'),
  ])
  const requirements = requirementRows.filter((r) => r.archived_at === null)
  const latest = new Map<string, RecordRow>()
  for (const record of records) {
    const key = `${record.volunteer_id}:${record.requirement_id}`
    if (!latest.has(key)) latest.set(key, record)
  }
  const currentVersions = new Map<string, PolicyVersionRow>()
  for (const version of versions)
    if (!currentVersions.has(version.policy_id)) currentVersions.set(version.policy_id, version)
  const versionPolicy = new Map(versions.map((v) => [v.id, v.policy_id]))
  const acknowledged = new Map<string, { current: Set<string>; earlier: Set<string> }>()
  for (const ack of acks) {
    const policyId = versionPolicy.get(ack.policy_version_id)
    if (!policyId) continue
    const entry = acknowledged.get(ack.volunteer_id) ?? { current: new Set(), earlier: new Set() }
    if (currentVersions.get(policyId)?.id === ack.policy_version_id) entry.current.add(policyId)
    else entry.earlier.add(policyId)
    acknowledged.set(ack.volunteer_id, entry)
  }
  const exceptions = new Map<string, VolunteerFacts['exceptions'][number][]>()
  for (const e of exceptionRows) {
    const list = exceptions.get(e.volunteer_id) ?? []
    list.push({ firstDay: e.first_day, lastDay: e.last_day, kind: e.kind })
    exceptions.set(e.volunteer_id, list)
  }
  const facts = requirements.map(requirementFacts)
  const byId = new Map(volunteers.map((v) => [v.id, v]))
  const options_ = {
    expiringWithinDays: Math.max(...settings.alertDays),
    policyGraceDays: settings.policyGraceDays,
  }
  const mustRead = policies.filter((p) => p.must_read === 1 && currentVersions.has(p.id))
  const policyFactsOf = (volunteerId: string): PolicyFacts[] => {
    const mine = acknowledged.get(volunteerId)
    return mustRead.map((p) => ({
      title: p.title,
      currentPublishedOn: currentVersions.get(p.id)?.published_on ?? today,
      acknowledgedCurrent: mine?.current.has(p.id) ?? false,
      acknowledgedEarlier: mine?.earlier.has(p.id) ?? false,
    }))
  }
  const memo = new Map<string, RequirementState[]>()
  const statesOn = (volunteerId: string, date: string): RequirementState[] => {
    const key = `${volunteerId}:${date}`
    const hit = memo.get(key)
    if (hit) return hit
    const volunteer = byId.get(volunteerId)
    const policyFacts = policyFactsOf(volunteerId)
    const states = facts.map((req) => {
      const record = latest.get(`${volunteerId}:${req.id}`)
      return requirementState(
        req,
        record ? recordFacts(record) : undefined,
        volunteer?.started_on ?? null,
        date,
        options_,
        policyFacts,
      )
    })
    memo.set(key, states)
    return states
  }
  const factsOf = (volunteerId: string): VolunteerFacts => {
    const row = byId.get(volunteerId)
    if (!row) throw notFound('Volunteer')
    return {
      id: row.id,
      fullName: row.full_name,
      stage: row.stage as VolunteerStage,
      duties: dutiesOf(row),
      mentorId: row.mentor_id,
      startedOn: row.started_on,
      mentoringUntil: row.mentoring_until,
      plannedEndOn: row.planned_end_on,
      availability: availabilityOf(row),
      exceptions: exceptions.get(row.id) ?? [],
      maxShiftsPerMonth: row.max_shifts_per_month ?? settings.maxShiftsPerMonth,
    }
  }
  return {
    centre,
    today,
    settings,
    volunteers,
    requirements,
    latest,
    records,
    policies,
    currentVersions,
    acknowledged,
    exceptions,
    statesOn,
    facts: factsOf,
  }
}

/** A volunteer in a list: their stage, and whether anything stops them being rostered today. */
export function summarise(
  team: Team,
  row: VolunteerRow,
  names: ReadonlyMap<string, string>,
): VolunteerSummary {
  const facts = team.facts(row.id)
  const blockers: string[] = []
  const stage = stageProblem(facts, team.today)
  if (stage && ROSTERABLE_STAGES.includes(facts.stage)) blockers.push(stage)
  // For those about to start, the same list says what is still needed before the first shift.
  if (ROSTERABLE_STAGES.includes(facts.stage) || facts.stage === 'cleared' || facts.stage === 'training')
    for (const s of blockingFor(team.statesOn(row.id, team.today), 'floor'))
      blockers.push(`${s.title}: ${s.detail}`)
  return {
    id: row.id,
    centreId: row.centre_id,
    fullName: row.full_name,
    stage: facts.stage,
    stageChangedAt: row.stage_changed_at,
    duties: [...facts.duties],
    mentorId: row.mentor_id,
    // The mentor matters in the mentored year; the link is kept for the history.
    mentorName: row.mentor_id && facts.stage === 'mentored' ? (names.get(row.mentor_id) ?? null) : null,
    startedOn: row.started_on,
    mentoringUntil: row.mentoring_until,
    plannedEndOn: row.planned_end_on,
    rosterable: ROSTERABLE_STAGES.includes(facts.stage) && blockers.length === 0,
    blockers,
    hasSignIn: row.user_id !== null,
  }
}

export const namesOf = (team: Pick<Team, 'volunteers'>): Map<string, string> =>
  new Map(team.volunteers.map((v) => [v.id, v.full_name]))
