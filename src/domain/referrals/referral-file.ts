import type { Db } from '../../db/connect'
import {
  listCourtOrders,
  listDocuments,
  listPreVisits,
  listRiskAssessments,
  type RiskAssessmentRow,
} from '../../db/repositories/intake-records.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { listTransitions, listUserNames, type ReferralRow } from '../../db/repositories/referrals.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { localDateIn } from '../cases/cases.rules'
import { loadGroundRulesStatus } from '../intake/ground-rules'
import { loadIntakeSettings } from '../intake/intake-settings'
import type { IntakeSettings } from '../intake/intake.schemas'
import { presentParty, type Viewer } from './parties.presenter'
import type { ReferralDetail } from './referrals.schemas'
import { missingForIntake, missingPreVisits, type PartyFacts, type PreVisitFacts } from './referrals.rules'
import {
  partyFacts,
  preVisitFacts,
  presentCourtOrder,
  presentDocument,
  presentPreVisit,
  presentReferralSummary,
  presentRiskAssessment,
  presentTransition,
} from './referrals.presenter'

/** The steps a coordinator can take next, each with what still stands in its way. */
function nextSteps(
  row: ReferralRow,
  parties: PartyFacts[],
  preVisits: PreVisitFacts[],
  assessments: readonly RiskAssessmentRow[],
  settings: IntakeSettings,
): ReferralDetail['nextSteps'] {
  switch (row.status) {
    case 'received': {
      const steps: ReferralDetail['nextSteps'] = [
        {
          action: 'start_intake',
          label: 'Start intake and arrange pre-visits',
          blockers: missingForIntake(parties),
        },
      ]
      const parents = parties.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
      if (row.channel === 'self' && parents.length < 2)
        steps.push({ action: 'link', label: 'Join the other parent’s application', blockers: [] })
      return steps
    }
    case 'pre_visits':
      return [
        { action: 'schedule_pre_visits', label: 'Arrange and record pre-visits', blockers: [] },
        {
          action: 'assess_risk',
          label: 'Record the risk assessment',
          blockers: missingPreVisits(parties, preVisits, settings),
        },
      ]
    case 'risk_assessed':
      return [
        {
          action: 'decide',
          label: 'Decide: accept, waiting list or decline',
          blockers: assessments.length === 0 ? ['Record the risk assessment.'] : [],
        },
      ]
    case 'waitlisted':
      return [{ action: 'offer_place', label: 'Offer a place when one comes free', blockers: [] }]
    default:
      return []
  }
}

/** Loads everything about a referral and presents it for this viewer. */
export async function loadReferralDetail(
  db: Db,
  deps: Pick<Deps, 'clock' | 'fieldCrypto'>,
  actor: Actor,
  row: ReferralRow,
  viewer: Viewer,
  timeZone: string,
): Promise<ReferralDetail> {
  const scope = scopeOf(actor)
  const staff = viewer.kind === 'staff'
  const [settings, parties, orders, documents, preVisits, assessments, transitions] = await Promise.all([
    loadIntakeSettings(db, scope),
    listPartiesOfReferrals(db, scope, [row.id]),
    listCourtOrders(db, scope, row.id),
    listDocuments(db, scope, row.id),
    staff ? listPreVisits(db, scope, row.id) : Promise.resolve([]),
    staff ? listRiskAssessments(db, scope, row.id) : Promise.resolve([]),
    listTransitions(db, scope, [row.id]),
  ])
  const today = localDateIn(timeZone, deps.clock.now())
  const facts = partyFacts(parties)
  const visitFacts = preVisitFacts(preVisits)
  const names = await listUserNames(
    db,
    scope,
    assessments.flatMap((a) => (a.assessed_by_user_id ? [a.assessed_by_user_id] : [])),
  )
  return {
    ...presentReferralSummary(row, parties, viewer, settings, today),
    frequencyRequested: row.frequency_requested,
    referrer:
      row.referrer_name === null
        ? null
        : {
            name: row.referrer_name,
            organisation: row.referrer_organisation,
            role: row.referrer_role,
            email: row.referrer_email,
            phone: row.referrer_phone,
            actingFor:
              row.referrer_acting_for === 'resident' || row.referrer_acting_for === 'non_resident'
                ? row.referrer_acting_for
                : 'both',
          },
    parties: parties.map((p) => presentParty(p, viewer, deps.fieldCrypto)),
    courtOrders: orders.map(presentCourtOrder),
    documents: documents.map(presentDocument),
    riskNarrative: staff && row.risk_sealed ? deps.fieldCrypto.decrypt(row.risk_sealed) : null,
    preVisits: preVisits.map((v) => presentPreVisit(v, parties, deps.fieldCrypto)),
    riskAssessments: assessments.map((a) => presentRiskAssessment(a, deps.fieldCrypto, names)),
    transitions: transitions.map((t) => presentTransition(t, viewer)),
    decisionReason: staff || row.status === 'declined' ? row.decision_reason : null,
    decidedAt: row.decided_at,
    waitlistedAt: row.waitlisted_at,
    mergedIntoId: staff ? row.merged_into_id : null,
    groundRules: staff ? await loadGroundRulesStatus(db, scope, parties) : null,
    nextSteps: staff ? nextSteps(row, facts, visitFacts, assessments, settings) : [],
    missing: staff && row.status === 'received' ? missingForIntake(facts) : [],
  }
}
