import type { Actor } from '../access/actor'
import { addDays } from '../cases/cases.rules'
import type { Deps } from '../context'
import type { PartyView } from '../referrals/parties.schemas'
import { recordPreVisit, schedulePreVisit } from '../referrals/pre-visits'
import type { ReferralDetail, RiskAssessmentInput, ServiceType } from '../referrals/referrals.schemas'
import { startIntake } from '../referrals/start-intake'
import type { DemoFamily } from './demo-families'
import { on } from './demo-story'

/** The coordinator at the demo centre's desk, on the day the demo is seeded. */
export interface DemoDesk {
  deps: Deps
  actor: Actor
  today: string
}

const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay()

/** The Sunday `weeksAgo` weeks before the last Sunday before today (the centre opens on Sundays). */
export function pastSunday(today: string, weeksAgo: number): string {
  const last = addDays(today, weekday(today) === 0 ? -7 : -weekday(today))
  return addDays(last, -7 * weeksAgo)
}

export const nextSunday = (today: string): string => addDays(today, 7 - weekday(today))

const CHECKLIST = {
  identityChecked: true,
  detailsConfirmed: true,
  rulesExplained: true,
  recordingExplained: true,
  meetingPreferenceRecorded: true,
  arrivalPlanAgreed: true,
  feesExplained: true,
  tourGiven: true,
  emergencyContactTaken: true,
}

const NOTES: Record<string, string> = {
  resident_parent:
    'Seen alone. Ground rules and the staggered arrival explained: brings the children in by the playground gate as the session starts, and collects them there when it ends.',
  non_resident_parent:
    'Seen alone. Ground rules explained, with some ideas for play (no screens at the centre). Arrives by the main entrance 15 minutes before the session and leaves 15 minutes after it.',
  child:
    'Visited the family room with the resident parent, played with the train set and met the Sunday volunteers.',
}

/** A pre-visit arranged, and whose it is. */
export interface ArrangedVisit {
  id: string
  role: string
}

const partyOf = (referral: ReferralDetail, role: string): PartyView => {
  const party = referral.parties.find((p) => p.role === role)
  if (!party) throw new Error(`demo: referral ${referral.reference} has no ${role}`)
  return party
}

/** Arranges one pre-visit (an adult's, or the child's familiarisation visit) for an instant. */
export async function arrangeVisit(
  desk: DemoDesk,
  referral: ReferralDetail,
  role: string,
  at: string,
): Promise<ArrangedVisit> {
  const party = partyOf(referral, role)
  const kind = party.kind === 'child' ? 'child_familiarisation' : 'adult'
  const scheduledAt = new Date(at).toISOString()
  const scheduled = await schedulePreVisit(desk.deps, desk.actor, referral.id, {
    partyId: party.id,
    kind,
    scheduledAt,
  })
  const visit = scheduled.preVisits.find((v) => v.partyId === party.id && v.scheduledAt === scheduledAt)
  if (!visit) throw new Error(`demo: the pre-visit with ${party.fullName} was not arranged`)
  return { id: visit.id, role }
}

/**
 * Starts intake and arranges the pre-visits for one Sunday: the resident parent, the child, then the
 * visiting parent an hour and a half after the first (adults are seen separately, R-INT-1).
 */
export async function arrangePreVisits(
  desk: DemoDesk,
  referral: ReferralDetail,
  sunday: string,
  slot: number,
): Promise<ArrangedVisit[]> {
  await startIntake(desk.deps, desk.actor, referral.id)
  const start = Date.parse(on(sunday, '09:00')) + slot * 150 * 60_000
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
  return [
    await arrangeVisit(desk, referral, 'resident_parent', at(0)),
    await arrangeVisit(desk, referral, 'child', at(30)),
    await arrangeVisit(desk, referral, 'non_resident_parent', at(90)),
  ]
}

/** The instant, on the Sunday, by which a slot's pre-visits are over and can be written up. */
export const afterVisits = (sunday: string, slot: number): string =>
  new Date(Date.parse(on(sunday, '11:00')) + slot * 150 * 60_000).toISOString()

/** Records the pre-visits as held, with the checklist and the coordinator's notes. */
export async function holdPreVisits(desk: DemoDesk, visits: readonly ArrangedVisit[]): Promise<void> {
  for (const visit of visits)
    await recordPreVisit(desk.deps, desk.actor, visit.id, {
      outcome: 'held',
      checklist: CHECKLIST,
      notes: NOTES[visit.role] ?? null,
    })
}

const isClose = (service: ServiceType): boolean => service === 'supervised' || service === 'escorted'

/** The coordinator's structured risk assessment after the pre-visits (domain rules 3.7). */
export function riskInput(family: DemoFamily): RiskAssessmentInput {
  const flags = [...(family.flags ?? [])]
  const hasBaby = family.children.some(([, months]) => months < 30)
  return {
    level: isClose(family.service) ? 'medium' : 'low',
    recommendedService: isClose(family.service)
      ? 'supervised'
      : family.service === 'handover'
        ? 'handover'
        : 'supported',
    factors: flags,
    conditions: isClose(family.service)
      ? ['One-to-one supervision throughout', 'Visiting parent arrives 15 minutes after the child']
      : ['Staggered arrival and departure, 15 minutes apart', 'Separate entrances'],
    sections: [
      {
        title: 'Safety',
        answers: [
          {
            question: 'Any domestic abuse, protective orders or allegations?',
            answer:
              flags.length > 0
                ? `Yes (${flags.join(', ')}): see the referral.`
                : 'None disclosed by either parent or the referrer.',
          },
          {
            question: 'Can the parents be kept apart on arrival and departure?',
            answer: 'Yes: separate entrances and staggered times.',
          },
        ],
      },
      {
        title: 'The child',
        answers: [
          {
            question: 'Needs and wishes',
            answer: hasBaby
              ? 'A baby who needs feeding and changing: the parent does this; volunteers help only when asked, two together.'
              : 'Looking forward to seeing their parent; no additional needs.',
          },
        ],
      },
    ],
  }
}
