import { addDays } from '../cases/cases.rules'
import type { CLOSURE_OUTCOMES } from '../cases/cases.schemas'
import { addCaseNote, changeContactLevel, closeCase, recordReview } from '../cases/manage-case'
import { recordGroundRulesSignature } from '../intake/ground-rules'
import { recordRiskAssessment } from '../referrals/assess-risk'
import { decideReferral } from '../referrals/decide-referral'
import type { ReferralDetail, ServiceType } from '../referrals/referrals.schemas'
import type { DemoFamily } from './demo-families'
import {
  afterVisits,
  arrangePreVisits,
  holdPreVisits,
  pastSunday,
  riskInput,
  type ArrangedVisit,
  type DemoDesk,
} from './demo-intake'
import { on, type StoryStep } from './demo-story'

/** A step of a referral's arrival; the one that answers the referral hands it on. */
export interface ArrivalStep {
  at: string
  run: () => Promise<ReferralDetail | undefined>
}

export interface CasePlan {
  family: DemoFamily
  /** The pre-visits were held this many weeks before the last Sunday; the case opened that week. */
  weeksAgo: number
  /** How the referral arrived, given the Sunday of the pre-visits. */
  arrive: (sunday: string) => ArrivalStep[]
  groundRulesVersionId: () => string
  /** A parent left to sign the ground rules online. */
  unsignedRole?: string
  /** Done once the case is open, such as linking the demo parent login. */
  whenOpen?: (accepted: ReferralDetail) => Promise<void>
  closure?: { outcome: (typeof CLOSURE_OUTCOMES)[number]; reason: string }
}

const ACCEPT_REASONS: Partial<Record<ServiceType, string>> = {
  supported:
    'Pre-visits held and ground rules explained: suitable for supported parenting time in the family room.',
  handover:
    'Suitable for handover: the parents never meet, with separate entrances and times 15 minutes apart.',
  supervised:
    'Accepted for supervised contact, one to one in the quiet room, as the risk assessment recommends.',
  escorted: 'Accepted for the escorted service to prison visits, arranged with the social worker.',
}

const REVIEW_NOTES = {
  continue: 'Sessions going well; both parents keep to their arrival times. Continue as now.',
  move_to_handover: 'Three months of settled sessions: both parents agree to move to handover.',
  plan_exit: 'The parents now talk about arrangements themselves: plan to move on within two months.',
}

/** Reviews, a change of level and closure, after the case opened. */
function afterOpening(desk: DemoDesk, plan: CasePlan, opened: string, caseId: () => string): StoryStep[] {
  const { deps, actor } = desk
  const review = (weeks: number, outcome: keyof typeof REVIEW_NOTES): StoryStep => ({
    at: on(addDays(opened, weeks * 7), '15:00'),
    run: () =>
      recordReview(deps, actor, caseId(), {
        heldOn: addDays(opened, weeks * 7),
        outcome,
        notes: REVIEW_NOTES[outcome],
      }),
  })
  const later = (weeks: number, run: () => Promise<unknown>): StoryStep => ({
    at: on(addDays(opened, weeks * 7), '15:30'),
    run,
  })
  const { movesTo, missedReview } = plan.family
  if (movesTo)
    return [
      review(12, 'move_to_handover'),
      later(12, () =>
        changeContactLevel(deps, actor, caseId(), { level: movesTo, reason: REVIEW_NOTES.move_to_handover }),
      ),
    ]
  const { closure } = plan
  if (closure) return [review(16, 'plan_exit'), later(22, () => closeCase(deps, actor, caseId(), closure))]
  // A family with the centre for more than six months has had its six-monthly review (R-REV-1).
  if (missedReview || plan.weeksAgo <= 26) return []
  return [review(24, 'continue')]
}

/** The day a family's case opened: the Thursday after its pre-visits, `weeksAgo` weeks before the last Sunday. */
export const openedOn = (today: string, weeksAgo: number): string => addDays(pastSunday(today, weeksAgo), 4)

const isParent = (role: string) => role === 'resident_parent' || role === 'non_resident_parent'

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`demo: the ${what} is not there yet`)
  return value
}

/**
 * One family's story through the desk's use cases: the referral arrives, intake starts and the
 * pre-visits are arranged, held on a Sunday (where the parents sign the ground rules), the risk
 * assessed, the family accepted, and later reviewed, moved on or closed.
 */
export function caseStory(desk: DemoDesk, plan: CasePlan): StoryStep[] {
  const { deps, actor } = desk
  const { family } = plan
  const sunday = pastSunday(desk.today, plan.weeksAgo)
  const opened = openedOn(desk.today, plan.weeksAgo)
  const youngest = Math.min(...family.children.map(([, months]) => months))
  if (youngest * 30 < plan.weeksAgo * 7 + 28)
    throw new Error(`demo: a child of ${family.resident} was not born when the family was referred`)
  const state: { referral?: ReferralDetail; visits: ArrangedVisit[]; caseId?: string } = { visits: [] }
  const referral = () => need(state.referral, 'referral')
  const caseId = () => need(state.caseId, 'case')
  const signRules = async () => {
    const versionId = plan.groundRulesVersionId()
    const parents = referral().parties.filter((p) => isParent(p.role) && p.role !== plan.unsignedRole)
    for (const parent of parents)
      await recordGroundRulesSignature(deps, actor, parent.id, { versionId, method: 'in_person' })
  }
  const accept = async () => {
    const accepted = await decideReferral(deps, actor, referral().id, {
      decision: 'accept',
      reason: ACCEPT_REASONS[family.service] ?? 'Accepted after the pre-visits and the risk assessment.',
      serviceLevel: family.service,
    })
    state.caseId = need(accepted.caseId ?? undefined, 'case')
    if (family.note) await addCaseNote(deps, actor, caseId(), { body: family.note })
    await plan.whenOpen?.(accepted)
  }
  return [
    ...plan.arrive(sunday).map((step) => ({
      at: step.at,
      run: async () => {
        state.referral = (await step.run()) ?? state.referral
      },
    })),
    {
      at: on(addDays(sunday, -9), '10:30'),
      run: async () => {
        state.visits = await arrangePreVisits(desk, referral(), sunday, 0)
      },
    },
    {
      at: afterVisits(sunday, 0),
      run: async () => {
        await holdPreVisits(desk, state.visits)
        await signRules()
      },
    },
    {
      at: on(addDays(sunday, 2), '14:00'),
      run: () => recordRiskAssessment(deps, actor, referral().id, riskInput(family)),
    },
    { at: on(opened, '11:00'), run: accept },
    ...afterOpening(desk, plan, opened, caseId),
  ]
}
