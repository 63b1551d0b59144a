import type { IntakeSettings } from '../intake/intake.schemas'
import type { ReferralStatus, ServiceType } from './referrals.schemas'

/**
 * The intake state machine (domain rules 4.1). Each move is one of these; anything else is refused
 * with the list of moves that are possible from where the referral stands.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ['pre_visits', 'declined', 'withdrawn', 'merged'],
  pre_visits: ['risk_assessed', 'declined', 'withdrawn'],
  risk_assessed: ['accepted', 'waitlisted', 'declined', 'withdrawn'],
  waitlisted: ['accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
  merged: [],
}

export const canMove = (from: ReferralStatus, to: ReferralStatus): boolean =>
  REFERRAL_TRANSITIONS[from].includes(to)

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  received: 'Received',
  pre_visits: 'Pre-visits',
  risk_assessed: 'Risk assessed',
  waitlisted: 'Waiting list',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  merged: 'Joined to another referral',
}

export interface PartyFacts {
  id: string
  kind: 'child' | 'adult'
  role: string
  fullName: string
  /** Which protected fields hold a value (never the values). */
  contactFields: readonly string[]
}

const isParent = (p: PartyFacts) => p.role === 'resident_parent' || p.role === 'non_resident_parent'

/**
 * What must be on a referral before the centre processes it (R-REF-3): at least one child, both
 * parents, and a way to reach each of them.
 */
export function missingForIntake(parties: readonly PartyFacts[]): string[] {
  const missing: string[] = []
  if (!parties.some((p) => p.kind === 'child')) missing.push('Add at least one child.')
  for (const role of ['resident_parent', 'non_resident_parent'] as const) {
    const parent = parties.find((p) => p.role === role)
    const label = role === 'resident_parent' ? 'the parent the child lives with' : 'the visiting parent'
    if (!parent) {
      missing.push(`Add ${label}.`)
      continue
    }
    const reachable = ['address', 'phone', 'email'].some((f) => parent.contactFields.includes(f))
    if (!reachable) missing.push(`Add contact details (phone, email or address) for ${parent.fullName}.`)
  }
  return missing
}

export interface PreVisitFacts {
  partyId: string
  kind: 'adult' | 'child_familiarisation'
  outcome: 'scheduled' | 'held' | 'did_not_attend' | 'cancelled'
  scheduledAt: string
  heldOn: string | null
}

/** R-INT-1 and R-INT-2: a held pre-visit for each parent, and the child's visit when the centre asks for it. */
export function missingPreVisits(
  parties: readonly PartyFacts[],
  preVisits: readonly PreVisitFacts[],
  settings: Pick<IntakeSettings, 'childFamiliarisationRequired'>,
): string[] {
  const missing: string[] = []
  for (const parent of parties.filter(isParent)) {
    const held = preVisits.some((v) => v.partyId === parent.id && v.kind === 'adult' && v.outcome === 'held')
    if (!held) missing.push(`Hold the pre-visit with ${parent.fullName}.`)
  }
  if (settings.childFamiliarisationRequired && parties.some((p) => p.kind === 'child')) {
    const held = preVisits.some((v) => v.kind === 'child_familiarisation' && v.outcome === 'held')
    if (!held) missing.push('Hold the child’s familiarisation visit.')
  }
  return missing
}

/**
 * R-INT-1: adults are seen separately, never at the same time. Returns the clashing visit, if any,
 * when another adult's visit on the same referral falls within the gap.
 */
export function clashingPreVisit(
  candidate: { partyId: string; scheduledAt: string },
  existing: readonly PreVisitFacts[],
  gapMinutes: number,
): PreVisitFacts | undefined {
  const at = Date.parse(candidate.scheduledAt)
  return existing.find(
    (v) =>
      v.partyId !== candidate.partyId &&
      v.kind === 'adult' &&
      v.outcome !== 'cancelled' &&
      Math.abs(Date.parse(v.scheduledAt) - at) < gapMinutes * 60_000,
  )
}

const SUPERVISED_ONLY = new Set<string>(['supervised', 'escorted'])

/**
 * R-REF-10 / domain rules 1.2: a family that needs supervised contact cannot be placed in supported
 * contact (or handover). Returns the reason it cannot, or null.
 */
export function supervisionConflict(
  level: ServiceType,
  requested: ServiceType,
  latestRecommendation: string | null,
): string | null {
  const lighter = level === 'supported' || level === 'handover' || level === 'virtual' || level === 'indirect'
  if (!lighter) return null
  if (SUPERVISED_ONLY.has(requested))
    return `The referral asks for ${requested} contact; it cannot be accepted for ${level} contact.`
  if (latestRecommendation === 'supervised')
    return `The risk assessment says this family needs supervised contact; it cannot be accepted for ${level} contact.`
  return null
}
