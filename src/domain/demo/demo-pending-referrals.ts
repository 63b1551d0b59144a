import type { DemoFamily } from './demo-families'

/** How far along intake a referral the demo leaves open has come. */
export type PendingState = 'from_referrer' | 'pre_visits' | 'risk_assessed' | 'waitlisted' | 'declined'

export interface PendingReferral {
  state: PendingState
  family: DemoFamily
  /** The decision's reason, for the waiting list and the declined referral. */
  reason?: string
}

/** Referrals on the coordinator's desk, one at each step of intake; none of them counts as a case. */
export const PENDING_REFERRALS: readonly PendingReferral[] = [
  {
    state: 'from_referrer',
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Fortnightly, Sunday mornings',
      resident: 'Carly Hacquoil',
      visiting: 'Stuart Hacquoil',
      children: [
        ['Alice Hacquoil', 57],
        ['Teddy Hacquoil', 13],
      ],
    },
  },
  {
    state: 'pre_visits',
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Fortnightly, Sunday mornings',
      resident: 'Kim Pallot',
      visiting: 'Darren Pallot',
      children: [['Jessica Pallot', 69]],
    },
  },
  {
    state: 'risk_assessed',
    family: {
      source: 'court_adviser',
      service: 'supported',
      frequency: 'Weekly, Sunday mornings',
      resident: 'Lucy Gavey',
      visiting: 'Owen Gavey',
      children: [['Bella Gavey', 47]],
    },
  },
  {
    state: 'waitlisted',
    family: {
      source: 'mediator',
      service: 'supported',
      frequency: 'Fortnightly, Sunday afternoons',
      resident: 'Hayley Priaulx',
      visiting: 'Tom Priaulx',
      children: [['Jack Priaulx', 24]],
    },
    reason:
      'Suitable for supported parenting time, but Sunday afternoons are full: the family takes the first place that comes free.',
  },
  {
    state: 'declined',
    family: {
      source: 'solicitor',
      service: 'handover',
      frequency: 'Weekly handover, Sunday mornings',
      resident: 'Karen Le Riche',
      visiting: 'Gary Le Riche',
      children: [['Sienna Le Riche', 58]],
      flags: ['domestic_abuse', 'non_molestation_order'],
    },
    reason:
      'The non-molestation order forbids Mr Le Riche from coming within 100 metres of Ms Le Riche, which the centre cannot ensure at a handover. Referred back to the solicitor to ask the court about handover through a named third party, or supervised contact.',
  },
]

/** One family whose parents have each applied through the public form; the coordinator has yet to join them. */
export const UNLINKED_SELF_REFERRAL: DemoFamily = {
  source: 'self',
  service: 'supported',
  frequency: 'Fortnightly, Sunday mornings',
  resident: 'Ana Gouveia',
  visiting: 'Marco Freitas',
  children: [
    ['Lara Freitas', 39],
    ['Tiago Freitas', 10],
  ],
  language: 'Portuguese',
}
