import { cliOrigin, type Actor } from '../access/actor'
import { addDays } from '../cases/cases.rules'
import { recordRiskAssessment } from '../referrals/assess-risk'
import { createReferral } from '../referrals/create-referral'
import { decideReferral } from '../referrals/decide-referral'
import { listReferrals } from '../referrals/read-referrals'
import {
  ReferralListQuerySchema,
  type CreateReferralInput,
  type ReferralDetail,
  type SelfReferralInput,
} from '../referrals/referrals.schemas'
import { startIntake } from '../referrals/start-intake'
import { submitSelfReferral } from '../referrals/submit-self-referral'
import { referralInput, selfReferralInputs } from './demo-inputs'
import {
  afterVisits,
  arrangePreVisits,
  arrangeVisit,
  holdPreVisits,
  nextSunday,
  pastSunday,
  riskInput,
  type ArrangedVisit,
  type DemoDesk,
} from './demo-intake'
import { PENDING_REFERRALS, UNLINKED_SELF_REFERRAL, type PendingReferral } from './demo-pending-referrals'
import { on, type StoryStep } from './demo-story'

/**
 * A parent applies through the public form, which answers with a reference only; the desk finds
 * the application by it. Answers the referral's id.
 */
export async function applyAsParent(
  desk: DemoDesk,
  centreId: string,
  input: SelfReferralInput,
): Promise<string> {
  const receipt = await submitSelfReferral(desk.deps, cliOrigin(), centreId, input)
  const found = await listReferrals(
    desk.deps,
    desk.actor,
    ReferralListQuerySchema.parse({ q: receipt.reference }),
  )
  const id = found.referrals.find((r) => r.reference === receipt.reference)?.id
  if (!id) throw new Error(`demo: self-referral ${receipt.reference} not found`)
  return id
}

/** One referral's steps, up to the point of intake where the demo leaves it. */
function pendingStory(desk: DemoDesk, pending: PendingReferral, input: CreateReferralInput): StoryStep[] {
  const { deps, actor, today } = desk
  const state: { referral?: ReferralDetail; visits: ArrangedVisit[] } = { visits: [] }
  const referral = () => {
    if (!state.referral) throw new Error('demo: the referral is not there yet')
    return state.referral
  }
  const received = (at: string): StoryStep => ({
    at,
    run: async () => {
      state.referral = await createReferral(deps, actor, input)
    },
  })
  const reason = pending.reason ?? 'Decided after the pre-visits.'
  switch (pending.state) {
    case 'from_referrer':
      return []
    case 'declined':
      return [
        received(on(addDays(today, -30), '10:05')),
        {
          at: on(addDays(today, -23), '12:00'),
          run: () => decideReferral(deps, actor, referral().id, { decision: 'decline', reason }),
        },
      ]
    case 'pre_visits': {
      // One parent seen last Sunday; the other is booked for next Sunday.
      const last = pastSunday(today, 0)
      const arrange = async () => {
        await startIntake(deps, actor, referral().id)
        state.visits = [await arrangeVisit(desk, referral(), 'resident_parent', on(last, '10:00'))]
        await arrangeVisit(desk, referral(), 'non_resident_parent', on(nextSunday(today), '11:00'))
      }
      return [
        received(on(addDays(today, -12), '14:45')),
        { at: on(addDays(today, -10), '10:30'), run: arrange },
        { at: on(last, '11:00'), run: () => holdPreVisits(desk, state.visits) },
      ]
    }
    case 'risk_assessed':
    case 'waitlisted': {
      const sunday = pastSunday(today, pending.state === 'waitlisted' ? 7 : 1)
      const arrange = async () => {
        state.visits = await arrangePreVisits(desk, referral(), sunday, 1)
      }
      const steps: StoryStep[] = [
        received(on(addDays(sunday, -10), '09:40')),
        { at: on(addDays(sunday, -9), '11:00'), run: arrange },
        { at: afterVisits(sunday, 1), run: () => holdPreVisits(desk, state.visits) },
        {
          at: on(addDays(sunday, 2), '15:00'),
          run: () => recordRiskAssessment(deps, actor, referral().id, riskInput(pending.family)),
        },
      ]
      if (pending.state === 'waitlisted') {
        const waitlist = () =>
          decideReferral(deps, actor, referral().id, {
            decision: 'waitlist',
            reason,
            serviceLevel: 'supported',
          })
        steps.push({ at: on(addDays(sunday, 4), '12:00'), run: waitlist })
      }
      return steps
    }
  }
}

/**
 * The referrals still on the desk: one from the demo referrer's own login, one at each step of
 * intake, and the two applications of one family, each parent's, waiting to be joined.
 */
export function pendingStories(
  desk: DemoDesk,
  referrer: Actor,
  centreId: string,
  firstNumber: number,
): StoryStep[][] {
  const { deps, today } = desk
  const stories = PENDING_REFERRALS.map((pending, i) => {
    const input = referralInput(pending.family, firstNumber + i, today, centreId)
    if (pending.state !== 'from_referrer') return pendingStory(desk, pending, input)
    // The referrer's own details come from their login.
    const submit = () => createReferral(deps, referrer, { ...input, referrer: null })
    return [{ at: on(addDays(today, -2), '16:20'), run: submit }]
  })
  const [mother, father] = selfReferralInputs(
    UNLINKED_SELF_REFERRAL,
    firstNumber + PENDING_REFERRALS.length,
    today,
  )
  if (!mother || !father) throw new Error('demo: the two applications are missing')
  const applications: StoryStep[] = [
    { at: on(addDays(today, -5), '21:40'), run: () => applyAsParent(desk, centreId, mother) },
    { at: on(addDays(today, -3), '07:15'), run: () => applyAsParent(desk, centreId, father) },
  ]
  return [...stories, applications]
}
