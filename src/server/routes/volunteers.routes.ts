import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import { LocalDateSchema } from '../../domain/referrals/parties.schemas'
import { sendComplianceAlerts } from '../../domain/volunteers/alerts'
import { decideHours, hoursTotals, listHoursOf, logHours, logRotaDay } from '../../domain/volunteers/hours'
import {
  acknowledgePolicy,
  createPolicy,
  listPoliciesOf,
  publishPolicyVersion,
  readPolicy,
} from '../../domain/volunteers/policies'
import {
  changeRequirement,
  complianceMatrix,
  createRequirement,
  listRequirementsOf,
  listVolunteerRecords,
  recordEvidence,
  revealDbs,
  startRenewal,
} from '../../domain/volunteers/requirements'
import {
  assignVolunteer,
  candidatesFor,
  decideSwap,
  getRota,
  requestSwap,
  setOpeningStaffing,
  suggest,
  unassign,
} from '../../domain/volunteers/rota'
import {
  addException,
  getAvailability,
  myVolunteering,
  removeException,
  setAvailability,
} from '../../domain/volunteers/self-service'
import { staffingOverview } from '../../domain/volunteers/staffing'
import {
  getVolunteeringSettings,
  updateVolunteeringSettings,
} from '../../domain/volunteers/volunteering-settings'
import {
  board,
  createVolunteer,
  getVolunteerFile,
  inviteVolunteer,
  listTeam,
  moveStage,
  updateVolunteer,
} from '../../domain/volunteers/volunteers'
import {
  AddExceptionSchema,
  AssignmentSchema,
  AssignSchema,
  AvailabilityExceptionSchema,
  AvailabilitySchema,
  BoardSchema,
  CandidateListSchema,
  CandidatesQuerySchema,
  CreatePolicySchema,
  CreateRequirementSchema,
  CreateVolunteerSchema,
  DbsRevealSchema,
  DecideHoursSchema,
  DecideSwapSchema,
  HoursEntrySchema,
  HoursListSchema,
  HoursQuerySchema,
  HoursTotalsSchema,
  LogHoursSchema,
  LogRotaHoursSchema,
  MatrixSchema,
  MoveStageSchema,
  MyVolunteeringSchema,
  PolicyListSchema,
  PolicyTextSchema,
  PublishPolicyVersionSchema,
  RecordEvidenceSchema,
  RecordListSchema,
  RecordSchema,
  RequestSwapSchema,
  RequirementListSchema,
  RequirementSchema,
  RotaQuerySchema,
  RotaSchema,
  SetAvailabilitySchema,
  StaffingOverviewSchema,
  StaffingUpdateSchema,
  StaffingSchema,
  StartRenewalSchema,
  SuggestionSchema,
  SuggestSchema,
  SwapSchema,
  UpdateRequirementSchema,
  UpdateVolunteeringSettingsSchema,
  UpdateVolunteerSchema,
  VolunteerFileSchema,
  VolunteeringSettingsSchema,
  VolunteerListSchema,
  VolunteerStageSchema,
} from '../../domain/volunteers/volunteers.schemas'
import { idParam, NoContent, routeDeclarer } from './route-helpers'

const CentreQuery = z.object({ centreId: z.uuid().optional() })
const TeamQuery = CentreQuery.extend({ stage: VolunteerStageSchema.optional() })
const AsOfQuery = z.object({ asOf: LocalDateSchema.optional() })
const TotalsQuery = CentreQuery.extend({ from: LocalDateSchema, to: LocalDateSchema })
const AcknowledgeSchema = z.object({ versionId: z.uuid() }).strip()
const AcknowledgedSchema = z.object({
  policyId: z.string(),
  versionId: z.string(),
  acknowledgedAt: z.string(),
  on: LocalDateSchema,
})
const CreatedPolicySchema = z.object({ id: z.string(), versionId: z.string() })
const PublishedSchema = CreatedPolicySchema.extend({ version: z.number() })
const LoggedSchema = z.object({ logged: z.number() })
const AlertsRunSchema = z.object({ alerts: z.number(), emails: z.number() })
const StaffingResultSchema = z.object({ staffing: StaffingSchema.nullable() })

/**
 * Volunteers: the recruitment pipeline, requirements and evidence (DBS details behind their own,
 * audited route), policies and acknowledgements, availability, the rota with suggestions and swaps,
 * hours and expenses, staffing at a glance and the volunteer's own page.
 */
export function volunteerRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['volunteers']
  const desk = policies.roles('admin', 'coordinator')
  const admin = policies.roles('admin')
  const team = policies.roles('admin', 'coordinator', 'volunteer')

  const route = routeDeclarer(app, tags)

  // ---------- settings ----------
  route(
    'get',
    '/api/volunteering-settings',
    {
      policy: desk,
      action: 'volunteering.settings.read',
      summary: 'Alert days, references, mentoring, staffing defaults and the other volunteering rules',
      response: VolunteeringSettingsSchema,
    },
    (actor) => getVolunteeringSettings(deps, actor),
  )
  route<unknown, unknown, z.infer<typeof UpdateVolunteeringSettingsSchema>>(
    'patch',
    '/api/volunteering-settings',
    {
      policy: admin,
      action: 'volunteering.settings.update',
      summary: 'Change some volunteering rules',
      body: UpdateVolunteeringSettingsSchema,
      response: VolunteeringSettingsSchema,
    },
    (actor, { body }) => updateVolunteeringSettings(deps, actor, body),
  )

  // ---------- the pipeline ----------
  route<unknown, z.infer<typeof TeamQuery>, unknown>(
    'get',
    '/api/volunteers',
    {
      policy: desk,
      action: 'volunteer.list',
      summary: 'The volunteers of your centres, optionally at one stage',
      querystring: TeamQuery,
      response: VolunteerListSchema,
    },
    (actor, { query }) => listTeam(deps, actor, query),
  )
  route<unknown, z.infer<typeof CentreQuery>, unknown>(
    'get',
    '/api/volunteers/board',
    {
      policy: desk,
      action: 'volunteer.board.read',
      summary: 'The recruitment board: a column per stage',
      querystring: CentreQuery,
      response: BoardSchema,
    },
    (actor, { query }) => board(deps, actor, query.centreId),
  )
  route<unknown, unknown, z.infer<typeof CreateVolunteerSchema>>(
    'post',
    '/api/volunteers',
    {
      policy: desk,
      action: 'volunteer.create',
      resourceType: 'volunteer',
      summary: 'Record an enquiry from someone who would like to volunteer',
      body: CreateVolunteerSchema,
      response: VolunteerFileSchema,
    },
    (actor, { body }) => createVolunteer(deps, actor, body),
  )
  route<{ volunteerId: string }, unknown, unknown>(
    'get',
    '/api/volunteers/:volunteerId',
    {
      policy: desk,
      action: 'volunteer.read',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'A volunteer’s file: details, requirements and the pipeline history',
      params: idParam('volunteerId'),
      response: VolunteerFileSchema,
    },
    (actor, { params }) => getVolunteerFile(deps, actor, params.volunteerId),
  )
  route<{ volunteerId: string }, unknown, z.infer<typeof UpdateVolunteerSchema>>(
    'patch',
    '/api/volunteers/:volunteerId',
    {
      policy: desk,
      action: 'volunteer.update',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Change a volunteer’s details, duties, mentor or references',
      params: idParam('volunteerId'),
      body: UpdateVolunteerSchema,
      response: VolunteerFileSchema,
    },
    (actor, { params, body }) => updateVolunteer(deps, actor, params.volunteerId, body),
  )
  route<{ volunteerId: string }, unknown, unknown>(
    'post',
    '/api/volunteers/:volunteerId/sign-in',
    {
      policy: desk,
      action: 'volunteer.invite',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Invite the volunteer to sign in: an email with a link to choose a password',
      params: idParam('volunteerId'),
      response: VolunteerFileSchema,
    },
    (actor, { params }) => inviteVolunteer(deps, actor, params.volunteerId),
  )
  route<{ volunteerId: string }, unknown, z.infer<typeof MoveStageSchema>>(
    'post',
    '/api/volunteers/:volunteerId/stage',
    {
      policy: desk,
      action: 'volunteer.stage',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Move a volunteer along the pipeline (each move checked against its rule)',
      params: idParam('volunteerId'),
      body: MoveStageSchema,
      response: VolunteerFileSchema,
      status: 200,
    },
    (actor, { params, body }) => moveStage(deps, actor, params.volunteerId, body),
  )

  // ---------- requirements and evidence ----------
  route(
    'get',
    '/api/volunteer-requirements',
    {
      policy: desk,
      action: 'requirement.list',
      summary: 'What volunteers must have: checks, training, qualifications and policies, with their numbers',
      response: RequirementListSchema,
    },
    (actor) => listRequirementsOf(deps, actor),
  )
  route<unknown, unknown, z.infer<typeof CreateRequirementSchema>>(
    'post',
    '/api/volunteer-requirements',
    {
      policy: admin,
      action: 'requirement.create',
      resourceType: 'requirement',
      summary: 'Add a requirement',
      body: CreateRequirementSchema,
      response: RequirementSchema,
    },
    (actor, { body }) => createRequirement(deps, actor, body),
  )
  route<{ requirementId: string }, unknown, z.infer<typeof UpdateRequirementSchema>>(
    'patch',
    '/api/volunteer-requirements/:requirementId',
    {
      policy: admin,
      action: 'requirement.update',
      resourceType: 'requirement',
      idParams: ['requirementId'],
      summary: 'Change a requirement’s validity, deadline or what it gates, or retire it',
      params: idParam('requirementId'),
      body: UpdateRequirementSchema,
      response: RequirementSchema,
    },
    (actor, { params, body }) => changeRequirement(deps, actor, params.requirementId, body),
  )
  route<{ volunteerId: string }, unknown, unknown>(
    'get',
    '/api/volunteers/:volunteerId/records',
    {
      policy: desk,
      action: 'volunteer.records.read',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'A volunteer’s records, newest first (DBS certificate details are not included)',
      params: idParam('volunteerId'),
      response: RecordListSchema,
    },
    (actor, { params }) => listVolunteerRecords(deps, actor, params.volunteerId),
  )
  route<{ volunteerId: string }, unknown, z.infer<typeof RecordEvidenceSchema>>(
    'post',
    '/api/volunteers/:volunteerId/records',
    {
      policy: desk,
      action: 'volunteer.record',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Record a check, course or qualification (DBS: only the metadata the law allows)',
      params: idParam('volunteerId'),
      body: RecordEvidenceSchema,
      response: RecordSchema,
    },
    (actor, { params, body }) => recordEvidence(deps, actor, params.volunteerId, body),
  )
  route<{ recordId: string }, unknown, unknown>(
    'get',
    '/api/volunteer-records/:recordId/dbs',
    {
      policy: desk,
      action: 'volunteer.dbs.read',
      resourceType: 'volunteer_record',
      idParams: ['recordId'],
      summary: 'Reveal a DBS record’s certificate details; every reveal is logged (DBS-1)',
      params: idParam('recordId'),
      response: DbsRevealSchema,
    },
    (actor, { params }) => revealDbs(deps, actor, params.recordId),
  )
  route<{ recordId: string }, unknown, z.infer<typeof StartRenewalSchema>>(
    'post',
    '/api/volunteer-records/:recordId/renewal',
    {
      policy: desk,
      action: 'volunteer.record.renewal',
      resourceType: 'volunteer_record',
      idParams: ['recordId'],
      summary: 'Mark a renewal as in flight: it pauses reminders, not the expiry',
      params: idParam('recordId'),
      body: StartRenewalSchema,
      response: RecordSchema,
      status: 200,
    },
    (actor, { params, body }) => startRenewal(deps, actor, params.recordId, body),
  )
  route<{ centreId: string }, z.infer<typeof AsOfQuery>, unknown>(
    'get',
    '/api/centres/:centreId/compliance',
    {
      policy: desk,
      action: 'volunteer.compliance.read',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'The compliance matrix: each volunteer against each requirement, as of a day',
      params: idParam('centreId'),
      querystring: AsOfQuery,
      response: MatrixSchema,
    },
    (actor, { params, query }) => complianceMatrix(deps, actor, params.centreId, query.asOf),
  )

  // ---------- policies ----------
  route(
    'get',
    '/api/policies',
    {
      policy: desk,
      action: 'policy.list',
      summary: 'The centre’s policies, their current versions and who has read them',
      response: PolicyListSchema,
    },
    (actor) => listPoliciesOf(deps, actor),
  )
  route<unknown, unknown, z.infer<typeof CreatePolicySchema>>(
    'post',
    '/api/policies',
    {
      policy: admin,
      action: 'policy.create',
      resourceType: 'policy',
      summary: 'Add a policy with its first version',
      body: CreatePolicySchema,
      response: CreatedPolicySchema,
    },
    (actor, { body }) => createPolicy(deps, actor, body),
  )
  route<{ policyId: string }, unknown, z.infer<typeof PublishPolicyVersionSchema>>(
    'post',
    '/api/policies/:policyId/versions',
    {
      policy: admin,
      action: 'policy.publish',
      resourceType: 'policy',
      idParams: ['policyId'],
      summary: 'Publish a new version: every volunteer is asked to read it again',
      params: idParam('policyId'),
      body: PublishPolicyVersionSchema,
      response: PublishedSchema,
    },
    (actor, { params, body }) => publishPolicyVersion(deps, actor, params.policyId, body),
  )
  route<{ policyId: string }, unknown, unknown>(
    'get',
    '/api/policies/:policyId',
    {
      policy: team,
      action: 'policy.read',
      resourceType: 'policy',
      idParams: ['policyId'],
      summary: 'The current text of a policy',
      params: idParam('policyId'),
      response: PolicyTextSchema,
    },
    (actor, { params }) => readPolicy(deps, actor, params.policyId),
  )
  route<{ policyId: string }, unknown, z.infer<typeof AcknowledgeSchema>>(
    'post',
    '/api/policies/:policyId/acknowledge',
    {
      policy: team,
      action: 'policy.acknowledge',
      resourceType: 'policy',
      idParams: ['policyId'],
      summary: 'I have read and understood the current version',
      params: idParam('policyId'),
      body: AcknowledgeSchema,
      response: AcknowledgedSchema,
      status: 200,
    },
    (actor, { params, body }) => acknowledgePolicy(deps, actor, params.policyId, body.versionId),
  )

  // ---------- availability ----------
  route<{ volunteerId: string }, unknown, unknown>(
    'get',
    '/api/volunteers/:volunteerId/availability',
    {
      policy: team,
      action: 'volunteer.availability.read',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'When a volunteer can work: a weekly pattern and exceptions',
      params: idParam('volunteerId'),
      response: AvailabilitySchema,
    },
    (actor, { params }) => getAvailability(deps, actor, params.volunteerId),
  )
  route<{ volunteerId: string }, unknown, z.infer<typeof SetAvailabilitySchema>>(
    'put',
    '/api/volunteers/:volunteerId/availability',
    {
      policy: team,
      action: 'volunteer.availability',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Replace a volunteer’s weekly availability',
      params: idParam('volunteerId'),
      body: SetAvailabilitySchema,
      response: AvailabilitySchema,
    },
    (actor, { params, body }) => setAvailability(deps, actor, params.volunteerId, body),
  )
  route<{ volunteerId: string }, unknown, z.infer<typeof AddExceptionSchema>>(
    'post',
    '/api/volunteers/:volunteerId/availability/exceptions',
    {
      policy: team,
      action: 'volunteer.availability.exception',
      resourceType: 'volunteer',
      idParams: ['volunteerId'],
      summary: 'Add dates away (or an extra day free)',
      params: idParam('volunteerId'),
      body: AddExceptionSchema,
      response: AvailabilityExceptionSchema,
    },
    (actor, { params, body }) => addException(deps, actor, params.volunteerId, body),
  )
  route<{ exceptionId: string }, unknown, unknown>(
    'delete',
    '/api/availability-exceptions/:exceptionId',
    {
      policy: team,
      action: 'volunteer.availability.exception.remove',
      resourceType: 'availability_exception',
      idParams: ['exceptionId'],
      summary: 'Remove dates away',
      params: idParam('exceptionId'),
      response: NoContent,
      status: 204,
    },
    (actor, { params }) => removeException(deps, actor, params.exceptionId),
  )

  // ---------- the rota ----------
  route<{ centreId: string }, z.infer<typeof RotaQuerySchema>, unknown>(
    'get',
    '/api/centres/:centreId/rota',
    {
      policy: desk,
      action: 'rota.read',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'The rota for a period: each shift’s places, who is on them and open swaps',
      params: idParam('centreId'),
      querystring: RotaQuerySchema,
      response: RotaSchema,
    },
    (actor, { params, query }) => getRota(deps, actor, params.centreId, query.from, query.to),
  )
  route<{ centreId: string }, z.infer<typeof CandidatesQuerySchema>, unknown>(
    'get',
    '/api/centres/:centreId/rota/candidates',
    {
      policy: desk,
      action: 'rota.candidates.list',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'Who could take a place on a shift, and why others cannot',
      params: idParam('centreId'),
      querystring: CandidatesQuerySchema,
      response: CandidateListSchema,
    },
    (actor, { params, query }) => candidatesFor(deps, actor, params.centreId, query),
  )
  route<{ centreId: string }, unknown, z.infer<typeof AssignSchema>>(
    'post',
    '/api/centres/:centreId/rota/assignments',
    {
      policy: desk,
      action: 'rota.assign',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'Put a volunteer on a shift (hard rules refuse; soft ones need an override)',
      params: idParam('centreId'),
      body: AssignSchema,
      response: AssignmentSchema,
    },
    (actor, { params, body }) => assignVolunteer(deps, actor, params.centreId, body),
  )
  route<{ assignmentId: string }, unknown, unknown>(
    'delete',
    '/api/rota-assignments/:assignmentId',
    {
      policy: desk,
      action: 'rota.unassign',
      resourceType: 'rota_assignment',
      idParams: ['assignmentId'],
      summary: 'Take a volunteer off a shift',
      params: idParam('assignmentId'),
      response: NoContent,
      status: 204,
    },
    (actor, { params }) => unassign(deps, actor, params.assignmentId),
  )
  route<{ centreId: string }, unknown, z.infer<typeof SuggestSchema>>(
    'post',
    '/api/centres/:centreId/rota/suggest',
    {
      policy: desk,
      action: 'rota.suggest',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'Suggest a rota for the period (and apply it), explaining places it could not fill',
      params: idParam('centreId'),
      body: SuggestSchema,
      response: SuggestionSchema,
      status: 200,
    },
    (actor, { params, body }) => suggest(deps, actor, params.centreId, body),
  )
  route<{ openingId: string }, unknown, z.infer<typeof StaffingUpdateSchema>>(
    'put',
    '/api/openings/:openingId/staffing',
    {
      policy: desk,
      action: 'opening.staffing',
      resourceType: 'opening',
      idParams: ['openingId'],
      summary: 'How many team leaders, floor and reception volunteers an opening needs',
      params: idParam('openingId'),
      body: StaffingUpdateSchema,
      response: StaffingResultSchema,
    },
    (actor, { params, body }) => setOpeningStaffing(deps, actor, params.openingId, body.staffing),
  )
  route<{ assignmentId: string }, unknown, z.infer<typeof RequestSwapSchema>>(
    'post',
    '/api/rota-assignments/:assignmentId/swap',
    {
      policy: team,
      action: 'rota.swap.request',
      resourceType: 'rota_assignment',
      idParams: ['assignmentId'],
      summary: 'Ask to hand a shift to a colleague; the coordinator approves',
      params: idParam('assignmentId'),
      body: RequestSwapSchema,
      response: SwapSchema,
    },
    (actor, { params, body }) => requestSwap(deps, actor, params.assignmentId, body),
  )
  route<{ swapId: string }, unknown, z.infer<typeof DecideSwapSchema>>(
    'post',
    '/api/rota-swaps/:swapId/decision',
    {
      policy: desk,
      action: 'rota.swap.decide',
      resourceType: 'rota_swap',
      idParams: ['swapId'],
      summary: 'Approve or decline a swap (approval re-checks every rule for the colleague)',
      params: idParam('swapId'),
      body: DecideSwapSchema,
      response: SwapSchema,
      status: 200,
    },
    (actor, { params, body }) => decideSwap(deps, actor, params.swapId, body),
  )

  // ---------- hours and expenses ----------
  route<unknown, z.infer<typeof HoursQuerySchema> & { centreId?: string }, unknown>(
    'get',
    '/api/volunteer-hours',
    {
      policy: desk,
      action: 'hours.list',
      summary: 'Hours, mileage and expenses logged in a period',
      querystring: HoursQuerySchema.extend({ centreId: z.uuid().optional() }),
      response: HoursListSchema,
    },
    (actor, { query }) => listHoursOf(deps, actor, query),
  )
  route<unknown, unknown, z.infer<typeof LogHoursSchema>>(
    'post',
    '/api/volunteer-hours',
    {
      policy: team,
      action: 'hours.log',
      resourceType: 'volunteer',
      summary: 'Log hours (a shift, training, an escorted journey with mileage and expenses)',
      body: LogHoursSchema,
      response: HoursEntrySchema,
    },
    (actor, { body }) => logHours(deps, actor, body),
  )
  route<{ hoursId: string }, unknown, z.infer<typeof DecideHoursSchema>>(
    'post',
    '/api/volunteer-hours/:hoursId/decision',
    {
      policy: desk,
      action: 'hours.decide',
      resourceType: 'volunteer_hours',
      idParams: ['hoursId'],
      summary: 'Approve or decline logged hours (never deleted)',
      params: idParam('hoursId'),
      body: DecideHoursSchema,
      response: HoursEntrySchema,
      status: 200,
    },
    (actor, { params, body }) => decideHours(deps, actor, params.hoursId, body),
  )
  route<unknown, z.infer<typeof TotalsQuery>, unknown>(
    'get',
    '/api/volunteer-hours/totals',
    {
      policy: desk,
      action: 'hours.totals.read',
      summary: 'Approved hours, miles and expenses per volunteer and in total over a period',
      querystring: TotalsQuery,
      response: HoursTotalsSchema,
    },
    (actor, { query }) => hoursTotals(deps, actor, query),
  )
  route<{ centreId: string }, unknown, z.infer<typeof LogRotaHoursSchema>>(
    'post',
    '/api/centres/:centreId/rota/log-hours',
    {
      policy: desk,
      action: 'hours.log_rota',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'Log every shift of a day from the rota, approved',
      params: idParam('centreId'),
      body: LogRotaHoursSchema,
      response: LoggedSchema,
      status: 200,
    },
    (actor, { params, body }) => logRotaDay(deps, actor, params.centreId, body.onDate),
  )

  // ---------- at a glance, the volunteer's own page, alerts ----------
  route<{ centreId: string }, unknown, unknown>(
    'get',
    '/api/centres/:centreId/staffing',
    {
      policy: desk,
      action: 'staffing.read',
      resourceType: 'centre',
      idParams: ['centreId'],
      summary: 'Staffing at a glance: team against target, unfilled places, what lapses soon',
      params: idParam('centreId'),
      response: StaffingOverviewSchema,
    },
    (actor, { params }) => staffingOverview(deps, actor, params.centreId),
  )
  route(
    'get',
    '/api/my/volunteering',
    {
      policy: team,
      action: 'volunteer.self.read',
      summary: 'My shifts, what is due, policies to read and my availability',
      response: MyVolunteeringSchema,
    },
    (actor) => myVolunteering(deps, actor),
  )
  route(
    'post',
    '/api/volunteering/alerts',
    {
      policy: admin,
      action: 'volunteer.alerts.run',
      summary: 'Send the compliance reminders now (they also run every hour)',
      response: AlertsRunSchema,
      status: 200,
    },
    (actor) => sendComplianceAlerts(deps, { organisationId: actor.organisationId }),
  )
}
