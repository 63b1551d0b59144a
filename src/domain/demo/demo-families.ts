import type { RiskFlag, ServiceType } from '../referrals/referrals.schemas'

/**
 * A child: full name and age in months on the day the demo is seeded, so babies stay babies. Under
 * 30 months a child needs help with changing, under 12 months with feeding too.
 */
export type DemoChild = readonly [name: string, ageMonths: number]

/** One fictional family; every name is made up, any likeness to a real family is chance. */
export interface DemoFamily {
  source: 'court_adviser' | 'social_services' | 'self' | 'solicitor' | 'mediator'
  service: ServiceType
  frequency: string
  resident: string
  visiting: string
  children: readonly DemoChild[]
  flags?: readonly RiskFlag[]
  /** Where the visiting parent lives, when it is not St Helier. */
  visitingAddress?: string
  /** The visiting parent's first language, when it is not English. */
  language?: string
  /** The resident parent's new partner (kept from the other side). */
  partner?: string
  /** A note for the case file. */
  note?: string
  /** The mother is the visiting parent (most visiting parents are fathers). */
  visitingMother?: boolean
  /** The level the family moved to at its review, three months in. */
  movesTo?: ServiceType
  /** The six-monthly review has not been held yet: it shows as overdue. */
  missedReview?: boolean
}

/** Referred by social services: 4 families, 5 children, among them the prison visits. */
export const SOCIAL_FAMILIES: readonly DemoFamily[] = [
  {
    source: 'social_services',
    service: 'escorted',
    frequency: 'Fortnightly prison visits at HMP La Moye; a volunteer escorts Kayden and stays with him',
    resident: 'Donna Le Quesne',
    visiting: 'Shane Le Quesne',
    children: [['Kayden Le Quesne', 100]],
    flags: ['convictions'],
    visitingAddress: 'HMP La Moye, St Brelade (prison number held by the social worker)',
    note: 'Escorted service: the social worker books each prison visit; a volunteer collects Kayden from school, stays with him in the visits hall and brings him home.',
  },
  {
    source: 'social_services',
    service: 'supervised',
    frequency: 'Weekly, one hour, supervised in the quiet room',
    resident: 'Kerry Mallet',
    visiting: 'Wayne Tostevin',
    children: [
      ['Jayden Tostevin', 63],
      ['Skye Tostevin', 20],
    ],
    flags: ['child_protection', 'substance_misuse'],
    note: 'Supervised one to one, with the supervisor in sight and sound throughout. Mr Tostevin is breath-tested on arrival, as agreed with the social worker.',
  },
  {
    source: 'social_services',
    service: 'supported',
    frequency: 'Fortnightly, Sunday mornings',
    resident: 'Charlotte Picot',
    visiting: 'Ross Picot',
    children: [['Millie Picot', 36]],
    flags: ['mental_health'],
  },
  {
    source: 'social_services',
    service: 'supported',
    frequency: 'Weekly, Sunday 10:00 to 11:30',
    resident: 'Jade Arthur',
    visiting: 'Connor Whelan',
    children: [['Harvey Whelan', 11]],
    partner: 'Partner, Luke Renouf, stays most weekends',
  },
]

/**
 * Self-referrals: 7 families, 9 children. The first applied through the public form, each parent
 * separately, and the coordinator joined the two; its mother holds the demo parent login.
 */
export const SELF_FAMILIES: readonly DemoFamily[] = [
  {
    source: 'self',
    service: 'supported',
    frequency: 'Fortnightly, Sunday mornings',
    resident: 'Sophie Vibert',
    visiting: 'Nathan Vibert',
    children: [
      ['Jasmine Vibert', 62],
      ['Leo Vibert', 26],
    ],
  },
  {
    source: 'self',
    service: 'supported',
    frequency: 'Weekly, Sunday mornings',
    resident: 'Holly Pinel',
    visiting: 'Josh Pinel',
    children: [['Ivy Pinel', 49]],
  },
  {
    source: 'self',
    service: 'supported',
    frequency: 'Fortnightly, Sunday afternoons',
    resident: 'Megan Le Cocq',
    visiting: 'Sam Binet',
    children: [
      ['Logan Binet', 74],
      ['Ava Binet', 37],
    ],
  },
  {
    source: 'self',
    service: 'supported',
    frequency: 'Weekly, Sunday 10:00 to 11:00',
    resident: 'Chantelle Bichard',
    visiting: 'Dylan Bichard',
    children: [['Rosie Bichard', 10]],
  },
  {
    source: 'self',
    service: 'handover',
    frequency: 'Fortnightly handover, Sunday 10:00 and back at 16:00',
    resident: 'Leanne Mahy',
    visiting: 'Mike Egré',
    children: [['Finley Egré', 66]],
  },
  {
    source: 'self',
    service: 'supported',
    frequency: 'Fortnightly, Sunday mornings',
    resident: 'Rob Le Gresley',
    visiting: 'Tanya Le Gresley',
    visitingMother: true,
    children: [['Daisy Le Gresley', 88]],
  },
  {
    source: 'self',
    service: 'supported',
    frequency: 'Weekly, Sunday afternoons',
    resident: 'Jenny Vautier',
    visiting: 'Kyle Vautier',
    children: [['Max Vautier', 41]],
  },
]

/**
 * A family that has moved on (the reference centre's measure of success): supported parenting time
 * for five months, then arrangements of their own. Its case is closed, so it counts in no figure.
 */
export const CLOSED_FAMILY: DemoFamily = {
  source: 'court_adviser',
  service: 'supported',
  frequency: 'Fortnightly, Sunday mornings',
  resident: 'Zoe Le Moignan',
  visiting: 'Nick Le Moignan',
  children: [['Freya Le Moignan', 64]],
}
