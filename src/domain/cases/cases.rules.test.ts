import { describe, expect, it } from 'vitest'
import type { PartyFacts, PreVisitFacts } from '../referrals/referrals.rules'
import {
  addMonths,
  ageOn,
  capacityWeight,
  expectedWaitWeeks,
  firstSessionReadiness,
  localDateIn,
} from './cases.rules'

const SETTINGS = {
  levelWeights: {
    supported: 1,
    supervised: 3,
    handover: 0.5,
    indirect: 0,
    escorted: 3,
    virtual: 1,
    self_managed: 0,
  },
  babyExtraWeight: 0.5,
  childFamiliarisationRequired: true,
  preVisitMinDaysBeforeFirstSession: 1,
}

describe('dates', () => {
  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })

  it('knows the centre’s date, not the server’s, across midnight', () => {
    const lateNightUtc = new Date('2026-06-30T23:30:00Z')
    expect(localDateIn('Europe/Jersey', lateNightUtc)).toBe('2026-07-01')
    expect(localDateIn('UTC', lateNightUtc)).toBe('2026-06-30')
  })

  it('counts whole years of age', () => {
    expect(ageOn('2020-06-01', '2026-05-31')).toBe(5)
    expect(ageOn('2020-06-01', '2026-06-01')).toBe(6)
    expect(ageOn(null, '2026-06-01')).toBeNull()
  })
})

describe('capacity', () => {
  it('weighs a family by contact level and by babies who need feeding or changing', () => {
    expect(capacityWeight('supported', 0, SETTINGS)).toBe(1)
    expect(capacityWeight('supported', 2, SETTINGS)).toBe(2)
    expect(capacityWeight('supervised', 1, SETTINGS)).toBe(3.5)
    expect(capacityWeight('indirect', 3, SETTINGS)).toBe(0)
  })

  it('expects the wait at each position from when active families reach the typical stay', () => {
    const opened = ['2026-01-01', '2026-03-01']
    expect(expectedWaitWeeks(1, opened, '2026-06-01', 26)).toBe(5)
    expect(expectedWaitWeeks(2, opened, '2026-06-01', 26)).toBe(13)
    expect(expectedWaitWeeks(3, opened, '2026-06-01', 26)).toBe(39)
    expect(expectedWaitWeeks(1, [], '2026-06-01', 26)).toBe(26)
  })
})

describe('readiness for a first session (R-INT-1..4)', () => {
  const parties: PartyFacts[] = [
    { id: 'c', kind: 'child', role: 'child', fullName: 'Ava', contactFields: [] },
    { id: 'm', kind: 'adult', role: 'resident_parent', fullName: 'Maria', contactFields: ['phone'] },
    { id: 'd', kind: 'adult', role: 'non_resident_parent', fullName: 'Dan', contactFields: ['phone'] },
  ]
  const visit = (partyId: string, heldOn: string, kind: PreVisitFacts['kind'] = 'adult'): PreVisitFacts => ({
    partyId,
    kind,
    outcome: 'held',
    scheduledAt: `${heldOn}T10:00:00.000Z`,
    heldOn,
  })
  const visits = [
    visit('m', '2030-01-05'),
    visit('d', '2030-01-06'),
    visit('c', '2030-01-05', 'child_familiarisation'),
  ]
  const signed = [
    { partyId: 'm', versionId: 'v2' },
    { partyId: 'd', versionId: 'v2' },
  ]

  it('is ready the day after the last pre-visit with the current rules signed by both parents', () => {
    expect(firstSessionReadiness('2030-01-07', parties, visits, signed, 'v2', SETTINGS)).toEqual({
      ready: true,
      blockers: [],
    })
  })

  it('never on the same day as a pre-visit, nor fewer days after than the centre sets', () => {
    const sameDay = firstSessionReadiness('2030-01-06', parties, visits, signed, 'v2', SETTINGS)
    expect(sameDay.blockers).toEqual([expect.objectContaining({ rule: 'R-INT-3' })])
    const week = firstSessionReadiness('2030-01-10', parties, visits, signed, 'v2', {
      ...SETTINGS,
      preVisitMinDaysBeforeFirstSession: 7,
    })
    expect(week.blockers.map((b) => b.rule)).toEqual(['R-INT-3', 'R-INT-3', 'R-INT-3'])
  })

  it('wants the current version signed by each parent', () => {
    const old = firstSessionReadiness('2030-01-07', parties, visits, signed, 'v3', SETTINGS)
    expect(old.blockers.map((b) => b.message)).toEqual([
      'Maria has not signed the current ground rules.',
      'Dan has not signed the current ground rules.',
    ])
    expect(firstSessionReadiness('2030-01-07', parties, visits, [], null, SETTINGS).blockers[0]?.rule).toBe(
      'R-INT-4',
    )
  })
})
