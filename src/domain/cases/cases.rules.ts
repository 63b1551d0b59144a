import type { IntakeSettings } from '../intake/intake.schemas'
import type { PartyFacts, PreVisitFacts } from '../referrals/referrals.rules'
import { missingPreVisits } from '../referrals/referrals.rules'
import { sayDay } from '../shared/wording'
import type { ContactLevel, Readiness } from './cases.schemas'

const DAY = 86_400_000

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`)
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The calendar date it is now in a time zone (a centre's day, not the server's). */
export function localDateIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY)

export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY)

/** Adds calendar months, keeping to the last day of a shorter month (31 August + 6 months = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return fromUtc(target.getTime())
}

/** Whole years of age on a date, or null without a date of birth. */
export function ageOn(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * How much of the centre's capacity a family takes (R-STF-4): a weight per contact level, plus extra
 * for each child who needs help with feeding or changing.
 */
export function capacityWeight(
  level: ContactLevel,
  childrenNeedingCare: number,
  settings: Pick<IntakeSettings, 'levelWeights' | 'babyExtraWeight'>,
): number {
  const base = settings.levelWeights[level]
  if (base === 0) return 0
  return base + childrenNeedingCare * settings.babyExtraWeight
}

/**
 * The expected wait, in weeks, for the family at a position on the waiting list: places come free as
 * active families reach the typical length of stay.
 */
export function expectedWaitWeeks(
  position: number,
  activeCaseOpenedOn: readonly string[],
  today: string,
  typicalCaseWeeks: number,
): number {
  const freeOn = activeCaseOpenedOn
    .map((opened) => addDays(opened, typicalCaseWeeks * 7))
    .sort()
    .map((date) => Math.max(0, daysBetween(today, date)))
  const days = freeOn[position - 1] ?? (freeOn.at(-1) ?? 0) + typicalCaseWeeks * 7
  return Math.ceil(days / 7)
}

export interface SignatureFacts {
  partyId: string
  versionId: string
}

/**
 * Whether a first session can be held on a date (R-INT-1..4): a held pre-visit for each parent and
 * the child, none of them on the day itself or fewer than the set days before, and the current
 * ground rules signed by each parent.
 */
export function firstSessionReadiness(
  firstSessionOn: string,
  parties: readonly PartyFacts[],
  preVisits: readonly PreVisitFacts[],
  signatures: readonly SignatureFacts[],
  currentRulesVersionId: string | null,
  settings: Pick<IntakeSettings, 'childFamiliarisationRequired' | 'preVisitMinDaysBeforeFirstSession'>,
): Readiness {
  const blockers: Readiness['blockers'] = missingPreVisits(parties, preVisits, settings).map((message) => ({
    rule: 'R-INT-1',
    message,
  }))
  const minDays = settings.preVisitMinDaysBeforeFirstSession
  const latest = addDays(firstSessionOn, -minDays)
  for (const visit of preVisits) {
    if (visit.outcome !== 'held' || !visit.heldOn || visit.heldOn <= latest) continue
    const who = parties.find((p) => p.id === visit.partyId)?.fullName ?? 'the family'
    blockers.push({
      rule: 'R-INT-3',
      message: `The pre-visit with ${who} was on ${sayDay(visit.heldOn)}; the first session must be at least ${minDays === 1 ? 'a day' : `${minDays} days`} later, never the same day.`,
    })
  }
  const parents = parties.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
  if (!currentRulesVersionId) {
    blockers.push({
      rule: 'R-INT-4',
      message: 'Publish the centre’s ground rules, then have each parent sign them.',
    })
  } else {
    for (const parent of parents) {
      const signed = signatures.some((s) => s.partyId === parent.id && s.versionId === currentRulesVersionId)
      if (!signed)
        blockers.push({
          rule: 'R-INT-4',
          message: `${parent.fullName} has not signed the current ground rules.`,
        })
    }
  }
  return { ready: blockers.length === 0, blockers }
}
