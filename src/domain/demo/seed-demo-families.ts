import { cliOrigin, type Actor } from '../access/actor'
import type { Role } from '../access/roles'
import { addDays, localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { publishGroundRules } from '../intake/ground-rules'
import { updateIntakeSettings } from '../intake/intake-settings'
import { createReferral } from '../referrals/create-referral'
import { linkSelfReferrals } from '../referrals/link-self-referrals'
import { updateParty } from '../referrals/manage-parties'
import type { ReferralDetail } from '../referrals/referrals.schemas'
import { caseStory, openedOn, type ArrivalStep } from './demo-case-story'
import { COURT_FAMILIES } from './demo-court-families'
import { CLOSED_FAMILY, SELF_FAMILIES, SOCIAL_FAMILIES } from './demo-families'
import { DEMO_GROUND_RULES, DEMO_INTAKE_SETTINGS } from './demo-ground-rules'
import { referralInput, selfReferralInputs } from './demo-inputs'
import type { DemoDesk } from './demo-intake'
import { DEMO_ORGANISATION } from './demo-organisation'
import { PENDING_REFERRALS } from './demo-pending-referrals'
import { scheduleStory, type DemoScheduleSummary, type SchedulableFamily } from './demo-schedule'
import { on, StoryClock, tellStory, type StoryStep } from './demo-story'
import { DEMO_VOLUNTEER_NAME } from './demo-volunteers'
import { linkDemoParent } from './link-demo-parent'
import { applyAsParent, pendingStories } from './seed-demo-pending'
import { volunteerStory, type DemoVolunteersSummary } from './seed-demo-volunteers'

export interface DemoPeople {
  organisationId: string
  centreId: string
  /** The demo accounts' user ids, by role. */
  userIds: Record<Role, string>
}

export interface DemoFamiliesSummary extends DemoScheduleSummary {
  activeCases: number
  openReferrals: number
  volunteers: DemoVolunteersSummary
}

const actorFor = (people: DemoPeople, role: Role, centreId: string | null): Actor => ({
  kind: 'cli',
  userId: people.userIds[role],
  organisationId: people.organisationId,
  grants: [{ role, centreId }],
  sessionId: null,
  origin: cliOrigin(),
})

/** The family that moved on: its case opened eight months ago and closed after five. */
const MOVED_ON = {
  outcome: 'moved_on_own_arrangements',
  reason: 'Moved on: the parents now arrange handovers themselves, at the grandparents’ home.',
} as const

/** Cases opened between 3 and 40 weeks ago, one family's pre-visits per Sunday. */
const weeksAgoOf = (n: number): number => 3 + ((n * 7) % 38)

/**
 * The demo parent's family applied through the public form, each parent on their own, and the
 * coordinator joined the two. The mother, whose record the demo parent login is linked to, has yet
 * to sign the ground rules: she does it online.
 */
function parentsFamilyStory(
  desk: DemoDesk,
  people: DemoPeople,
  groundRulesVersionId: () => string,
): StoryStep[] {
  const [family] = SELF_FAMILIES
  if (!family) throw new Error('demo: no self-referral family')
  const [mother, father] = selfReferralInputs(family, 0, desk.today)
  if (!mother || !father) throw new Error('demo: the two applications are missing')
  const ids: string[] = []
  const apply = (input: typeof mother) => async () => {
    ids.push(await applyAsParent(desk, people.centreId, input))
    return undefined
  }
  // The form does not ask for the children's school or address: the coordinator adds them once joined.
  const childDetails = referralInput(family, 0, desk.today, people.centreId).children
  const join = async (): Promise<ReferralDetail> => {
    const [first, second] = ids
    if (!first || !second) throw new Error('demo: the two applications were not made')
    const joined = await linkSelfReferrals(desk.deps, desk.actor, first, { otherReferralId: second })
    for (const child of joined.parties.filter((p) => p.kind === 'child')) {
      const details = childDetails.find((c) => c.fullName === child.fullName)
      if (details) await updateParty(desk.deps, desk.actor, child.id, { protected: details.protected })
    }
    return joined
  }
  const arrive = (sunday: string): ArrivalStep[] => [
    { at: on(addDays(sunday, -12), '21:30'), run: apply(mother) },
    { at: on(addDays(sunday, -11), '07:45'), run: apply(father) },
    { at: on(addDays(sunday, -10), '09:15'), run: join },
  ]
  const whenOpen = async (accepted: ReferralDetail) => {
    const resident = accepted.parties.find((p) => p.role === 'resident_parent')
    if (!resident) throw new Error('demo: the demo parent’s family has no resident parent')
    await linkDemoParent(
      desk.deps,
      { organisationId: people.organisationId },
      resident.id,
      people.userIds.parent,
    )
  }
  const unsignedRole = 'resident_parent'
  return caseStory(desk, {
    family,
    weeksAgo: weeksAgoOf(0),
    arrive,
    groundRulesVersionId,
    unsignedRole,
    whenOpen,
  })
}

/**
 * Fills the demo centre through the desk's own use cases, as a dated story so it has a past: intake
 * settings and ground rules a year ago; 33 active cases shaped like the reference centre (39
 * children, 33 visiting parents) opened over the last nine months, one closed; referrals at every
 * step of intake; the demo parent login linked to a mother in an active case; a schedule (opening
 * sessions, closures, a contact plan for each family ready for one, six Sundays of attendance); and,
 * told alongside, the volunteer team with its rota, hours and the demo volunteer login (see
 * volunteerStory). `deps.db` must be the seed's transaction, joined (see joinTransaction).
 */
export async function seedDemoFamilies(deps: Deps, people: DemoPeople): Promise<DemoFamiliesSummary> {
  const until = deps.clock.now()
  const today = localDateIn(DEMO_ORGANISATION.timeZone, until)
  const clock = new StoryClock()
  const story: Deps = { ...deps, clock }
  const desk: DemoDesk = { deps: story, actor: actorFor(people, 'coordinator', people.centreId), today }
  let groundRules: { id: string } | undefined
  const groundRulesVersionId = () => {
    if (!groundRules) throw new Error('demo: the ground rules are not published yet')
    return groundRules.id
  }
  const opening: StoryStep = {
    at: on(addDays(today, -364), '09:00'),
    run: async () => {
      await updateIntakeSettings(story, actorFor(people, 'admin', null), DEMO_INTAKE_SETTINGS)
      groundRules = await publishGroundRules(story, desk.actor, DEMO_GROUND_RULES)
    },
  }
  const families = [...COURT_FAMILIES, ...SOCIAL_FAMILIES, ...SELF_FAMILIES.slice(1)]
  const schedulable: SchedulableFamily[] = []
  const cases = [...families, CLOSED_FAMILY].map((family, index) => {
    const n = index + 1
    const arrive = (sunday: string): ArrivalStep[] => [
      {
        at: on(addDays(sunday, -10), '09:15'),
        run: () => createReferral(story, desk.actor, referralInput(family, n, today, people.centreId)),
      },
    ]
    const opened: { caseId?: string } = {}
    const whenOpen = (accepted: ReferralDetail): Promise<void> => {
      opened.caseId = accepted.caseId ?? undefined
      return Promise.resolve()
    }
    const plan = { family, weeksAgo: weeksAgoOf(n), arrive, groundRulesVersionId, whenOpen }
    if (family === CLOSED_FAMILY) return caseStory(desk, { ...plan, weeksAgo: 34, closure: MOVED_ON })
    schedulable.push({
      family,
      opened: openedOn(today, plan.weeksAgo),
      caseId: () => {
        if (!opened.caseId) throw new Error(`demo: the case of ${family.visiting} is not open yet`)
        return opened.caseId
      },
    })
    return caseStory(desk, plan)
  })
  const referrer = actorFor(people, 'referrer', null)
  const pending = pendingStories(desk, referrer, people.centreId, families.length + 2)
  const schedule = scheduleStory(desk, people.centreId, schedulable, until, DEMO_VOLUNTEER_NAME)
  // The volunteers' story runs alongside: their rota steps come once the schedule has been set up.
  const volunteers = volunteerStory(desk, people)
  await tellStory(
    clock,
    [
      [opening],
      parentsFamilyStory(desk, people, groundRulesVersionId),
      ...cases,
      ...pending,
      ...schedule.steps,
      ...volunteers.steps,
    ],
    until,
  )
  return {
    activeCases: 1 + families.length,
    openReferrals: PENDING_REFERRALS.length + 2,
    ...schedule.summary(),
    volunteers: volunteers.summary(),
  }
}
