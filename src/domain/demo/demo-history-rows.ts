import type { Db } from '../../db/connect'
import { insertCase, insertLevelChange } from '../../db/repositories/cases.repository'
import { insertPreVisit } from '../../db/repositories/intake-records.repository'
import { attachPartiesToCase, listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { insertTransition, updateReferral } from '../../db/repositories/referrals.repository'
import { addMonths, capacityWeight } from '../cases/cases.rules'
import type { IntakeSettings } from '../intake/intake.schemas'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import { newReference } from '../referrals/workflow'
import { zonedInstant } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import type { HistoryLevel } from './demo-history-timeline'

/**
 * The intake rows the centre's past is written as where a use case cannot be told in the past, or
 * would be slow to: the pre-visits held, and the case opening (acceptance checks the centre's
 * capacity against today's caseload, which the past cannot pass). Each row has the shape the use
 * case would have written.
 */

/** The desk the history is written by: the demo organisation, centre and coordinator. */
export interface HistoryDesk {
  organisationId: string
  centreId: string
  timeZone: string
  coordinatorId: string
  coordinatorName: string
  settings: IntakeSettings
}

const ACCEPTED: Record<HistoryLevel, string> = {
  supported: 'Pre-visits held and ground rules explained: suitable for supported parenting time at the hall.',
  supervised: 'Accepted for supervised contact, one to one in the vestry, as the risk assessment recommends.',
  handover: 'Suitable for handover: the parents never meet, with arrival times 15 minutes apart.',
}

const transition = (
  desk: HistoryDesk,
  subject: 'referral' | 'case',
  id: string,
  from: string | null,
  to: string,
  reason: string,
  at: string,
) => ({
  id: newId(),
  organisation_id: desk.organisationId,
  subject_type: subject,
  subject_id: id,
  from_status: from,
  to_status: to,
  reason,
  actor_user_id: desk.coordinatorId,
  actor_label: desk.coordinatorName,
  at,
})

/** Accepts the referral and opens its case, as decideReferral does (without the capacity check). */
export async function openHistoryCase(
  db: Db,
  desk: HistoryDesk,
  referral: { id: string; status: 'risk_assessed' | 'waitlisted'; riskFlags: string },
  level: HistoryLevel,
  at: string,
): Promise<string> {
  const scope = { organisationId: desk.organisationId }
  const parties = await listPartiesOfReferrals(db, scope, [referral.id])
  const babies = parties.filter((p) => {
    const needs = JSON.parse(p.details) as { feedingHelp?: boolean; changingHelp?: boolean }
    return p.kind === 'child' && (needs.feedingHelp === true || needs.changingHelp === true)
  }).length
  const caseId = newId()
  const reason = ACCEPTED[level]
  await insertCase(db, {
    id: caseId,
    organisation_id: desk.organisationId,
    centre_id: desk.centreId,
    referral_id: referral.id,
    reference: newReference('C'),
    status: 'active',
    service_level: level,
    capacity_weight: capacityWeight(level, babies, desk.settings),
    opened_at: at,
    review_due_on: addMonths(at.slice(0, 10), desk.settings.reviewIntervalMonths),
    risk_flags: referral.riskFlags,
    closed_at: null,
    closure_outcome: null,
    closure_reason: null,
    created_at: at,
    updated_at: at,
  })
  await attachPartiesToCase(db, scope, referral.id, caseId)
  await insertLevelChange(db, {
    id: newId(),
    organisation_id: desk.organisationId,
    case_id: caseId,
    level,
    previous_level: null,
    reason,
    changed_by_user_id: desk.coordinatorId,
    changed_at: at,
  })
  await updateReferral(db, scope, referral.id, {
    status: 'accepted',
    status_changed_at: at,
    decision_reason: reason,
    decided_by_user_id: desk.coordinatorId,
    decided_at: at,
    accepted_level: level,
    case_id: caseId,
    updated_at: at,
  })
  await insertTransition(
    db,
    transition(desk, 'referral', referral.id, referral.status, 'accepted', reason, at),
  )
  await insertTransition(db, transition(desk, 'case', caseId, null, 'active', reason, at))
  return caseId
}

const CHECKLIST = JSON.stringify({
  identityChecked: true,
  detailsConfirmed: true,
  rulesExplained: true,
  recordingExplained: true,
  meetingPreferenceRecorded: true,
  arrivalPlanAgreed: true,
  feesExplained: true,
  tourGiven: true,
  emergencyContactTaken: true,
})

/**
 * The pre-visits held on a Sunday, as arranging and recording them would have left them: the
 * resident parent, the child's familiarisation visit, then the visiting parent 90 minutes after the
 * first (adults are seen separately, R-INT-1).
 */
export async function holdHistoryPreVisits(
  db: Db,
  desk: HistoryDesk,
  referral: ReferralDetail,
  sunday: string,
  arrangedAt: string,
): Promise<void> {
  const visits = [
    ['resident_parent', '11:30'],
    ['child', '12:00'],
    ['non_resident_parent', '13:00'],
  ] as const
  for (const [role, time] of visits) {
    const party = referral.parties.find((p) => p.role === role)
    if (!party) throw new Error(`demo: referral ${referral.reference} has no ${role}`)
    await insertPreVisit(db, {
      id: newId(),
      organisation_id: desk.organisationId,
      referral_id: referral.id,
      party_id: party.id,
      kind: party.kind === 'child' ? 'child_familiarisation' : 'adult',
      scheduled_at: zonedInstant(sunday, time, desk.timeZone),
      held_on: sunday,
      outcome: 'held',
      checklist: CHECKLIST,
      notes_sealed: null,
      conducted_by_user_id: desk.coordinatorId,
      created_at: arrangedAt,
      updated_at: zonedInstant(sunday, '14:00', desk.timeZone),
    })
  }
}
