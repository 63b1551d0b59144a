import { describe, expect, it } from 'vitest'
import {
  canMove,
  clashingPreVisit,
  missingForIntake,
  missingPreVisits,
  REFERRAL_TRANSITIONS,
  supervisionConflict,
  type PartyFacts,
  type PreVisitFacts,
} from './referrals.rules'
import { REFERRAL_STATUSES } from './referrals.schemas'

const child: PartyFacts = { id: 'c', kind: 'child', role: 'child', fullName: 'Ava', contactFields: [] }
const mum: PartyFacts = {
  id: 'm',
  kind: 'adult',
  role: 'resident_parent',
  fullName: 'Maria',
  contactFields: ['phone'],
}
const dad: PartyFacts = {
  id: 'd',
  kind: 'adult',
  role: 'non_resident_parent',
  fullName: 'Dan',
  contactFields: ['address'],
}

const held = (partyId: string, kind: PreVisitFacts['kind'] = 'adult'): PreVisitFacts => ({
  partyId,
  kind,
  outcome: 'held',
  scheduledAt: '2030-01-07T10:00:00.000Z',
  heldOn: '2030-01-07',
})

describe('the intake state machine', () => {
  it('ends in accepted, declined, withdrawn or merged, with no way out', () => {
    for (const end of ['accepted', 'declined', 'withdrawn', 'merged'] as const)
      expect(REFERRAL_TRANSITIONS[end]).toEqual([])
  })

  it('reaches accepted only through a risk assessment or the waiting list', () => {
    const into = REFERRAL_STATUSES.filter((from) => canMove(from, 'accepted'))
    expect(into.sort()).toEqual(['risk_assessed', 'waitlisted'])
    expect(canMove('received', 'risk_assessed')).toBe(false)
    expect(canMove('received', 'pre_visits')).toBe(true)
  })

  it('lets any open referral be declined or withdrawn', () => {
    for (const from of ['received', 'pre_visits', 'risk_assessed', 'waitlisted'] as const) {
      expect(canMove(from, 'declined')).toBe(true)
      expect(canMove(from, 'withdrawn')).toBe(true)
    }
  })
})

describe('R-REF-3: what a referral needs before it is processed', () => {
  it('is complete with a child and a reachable parent on each side', () => {
    expect(missingForIntake([child, mum, dad])).toEqual([])
  })

  it('names each missing piece', () => {
    expect(missingForIntake([mum])).toEqual(['Add at least one child.', 'Add the visiting parent.'])
    expect(missingForIntake([child, mum, { ...dad, contactFields: ['school'] }])).toEqual([
      'Add contact details (phone, email or address) for Dan.',
    ])
  })
})

describe('R-INT-1 and R-INT-2: pre-visits', () => {
  const settings = { childFamiliarisationRequired: true }

  it('wants a held visit with each parent and the child', () => {
    expect(
      missingPreVisits(
        [child, mum, dad],
        [held('m'), held('d'), held('c', 'child_familiarisation')],
        settings,
      ),
    ).toEqual([])
    expect(
      missingPreVisits([child, mum, dad], [held('m'), { ...held('d'), outcome: 'did_not_attend' }], settings),
    ).toEqual(['Hold the pre-visit with Dan.', 'Hold the child’s familiarisation visit.'])
    expect(missingPreVisits([child, mum], [held('m')], { childFamiliarisationRequired: false })).toEqual([])
  })

  it('keeps adults apart by the gap, ignoring cancelled visits and the same adult', () => {
    const existing = [{ ...held('m'), outcome: 'scheduled' as const }]
    expect(
      clashingPreVisit({ partyId: 'd', scheduledAt: '2030-01-07T10:59:00.000Z' }, existing, 60),
    ).toBeDefined()
    expect(
      clashingPreVisit({ partyId: 'd', scheduledAt: '2030-01-07T11:00:00.000Z' }, existing, 60),
    ).toBeUndefined()
    expect(
      clashingPreVisit({ partyId: 'm', scheduledAt: '2030-01-07T10:30:00.000Z' }, existing, 60),
    ).toBeUndefined()
    const cancelled = [{ ...held('m'), outcome: 'cancelled' as const }]
    expect(
      clashingPreVisit({ partyId: 'd', scheduledAt: '2030-01-07T10:00:00.000Z' }, cancelled, 60),
    ).toBeUndefined()
  })
})

describe('supervised contact is never accepted as supported', () => {
  it('refuses a lighter level when supervised was asked for or recommended', () => {
    expect(supervisionConflict('supported', 'supervised', null)).toContain('asks for supervised')
    expect(supervisionConflict('handover', 'supported', 'supervised')).toContain('needs supervised')
    expect(supervisionConflict('supervised', 'supervised', 'supervised')).toBeNull()
    expect(supervisionConflict('supported', 'supported', 'supported')).toBeNull()
  })
})
