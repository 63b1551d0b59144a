import type { AddPartyInput, SafetyFlag } from '../referrals/parties.schemas'
import type { Duty } from '../volunteers/volunteers.schemas'
import type { DemoRoom } from './demo-schedule-plans'

/**
 * The demo's session day: whatever day the demo is seeded, the school is open that day and three
 * families come, so the Today board, the register and the records can be tried. Two families have
 * supported parenting time in the family room in the morning, one supervised time in the quiet room
 * after lunch. Every name is made up.
 */

export interface TodayFamily {
  /** The visiting parent, who names the family. */
  visiting: string
  room: DemoRoom
  /** Start times to try, in order: the first that fits the day's opening hours and rooms is booked. */
  startsAt: readonly string[]
  durationMinutes: number
}

export const TODAY_FAMILIES: readonly TodayFamily[] = [
  {
    visiting: 'Jack Renouf',
    room: 'Family room',
    startsAt: ['10:00', '10:15', '10:30'],
    durationMinutes: 120,
  },
  {
    visiting: 'Scott Ahier',
    room: 'Family room',
    startsAt: ['10:00', '10:15', '10:30'],
    durationMinutes: 120,
  },
  {
    visiting: 'Wayne Tostevin',
    room: 'Quiet room',
    startsAt: ['13:00', '13:30', '11:00', '11:15'],
    durationMinutes: 60,
  },
]

/** The one-day opening when the school does not open on the day anyway. */
export const EXTRA_OPENING = { startsAt: '09:30', endsAt: '16:00', capacityUnits: 30 } as const

export const EXTRA_SESSION_NOTE =
  'An extra session, agreed with both parents, on a day the school opens for the centre.'

/** How the door recognises each parent of the day's families (no photographs are kept). */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Sarah Mauger': 'Short, dark curly hair tied back; usually a navy raincoat and a changing bag',
  'Jack Renouf': 'Medium height, shaved head, a swallow tattoo on his right hand; often in work boots',
  'Nicola Ahier': 'Long fair hair and glasses; carries Ellie in a grey sling',
  'Scott Ahier': 'Tall and thin, short ginger beard; often wears a green Jersey Reds jacket',
  'Kerry Mallet': 'Slight, red hair in a ponytail; comes with a double buggy',
  'Wayne Tostevin': 'Stocky, dark stubble, black cap; usually a grey hooded top',
}

/** Safety flags the door must see on the supervised family. */
export const SAFETY_FLAGS: Readonly<Record<string, readonly SafetyFlag[]>> = {
  'Wayne Tostevin': ['substance_misuse'],
  'Kerry Mallet': ['address_confidential'],
}

/** Someone the door must recognise and turn away: on the case of the first morning family. */
export const NOT_ALLOWED: { visiting: string; person: AddPartyInput } = {
  visiting: 'Jack Renouf',
  person: {
    role: 'other',
    side: 'resident',
    fullName: 'Darren Hacquoil',
    dateOfBirth: null,
    details: {
      relationshipToChild: 'None: Ms Mauger’s former partner',
      interpreterNeeded: false,
      description: 'Tall, grey beard, often wears a red jacket; drives a white van',
    },
    protected: {},
    attendance: 'not_allowed',
    authorisedBy: null,
    safetyFlags: ['non_molestation_order'],
  },
}

/**
 * Who the coordinator asks to work an extra day, by duty, in order. Mentees are left out (they
 * work beside their mentor), and so is anyone whose DBS check has run out.
 */
export const EXTRA_DAY_CREW: Readonly<Record<Duty, readonly string[]>> = {
  team_leader: ['Catherine Labey', 'Marianne de Gruchy', 'Peter Le Boutillier'],
  supervisor: ['Richard Perchard', 'Jean Bisson'],
  reception: ['Susan Pipon', 'Carla Ferreira', 'Alan Le Rossignol'],
  floor: ['Carla Ferreira', 'Margaret Le Couteur', 'Susan Pipon', 'Alan Le Rossignol'],
  escort: [],
}

export const EXTRA_DAY_NOTE = 'Offered to help on this day as a one-off'

/** The families whose sessions of the last weeks have a full register, tap by tap. */
export const REGISTERED_FAMILIES = ['Jack Renouf', 'Scott Ahier', 'Wayne Tostevin'] as const

/** The supervised family whose records were written, checked and released. */
export const OBSERVED_FAMILY = 'Wayne Tostevin'

/** A rule broken a fortnight ago: photographs taken in the family room. */
export const RULE_BREACH = {
  visiting: 'Callum Du Feu',
  daysAgo: 14,
  minutesIn: 50,
  location: 'Family room',
  whatHappened:
    'At about {time} Mr Du Feu took photographs of Evie and Archie on his mobile phone in the family room. The floor volunteer reminded him that the ground rules do not allow photographs unless both parents and the coordinator agree. Mr Du Feu said “I didn’t know, they’re my kids.” He deleted the photographs while the volunteer watched and put his phone away. The session carried on and ended on time.',
  witnesses: 'Floor volunteer',
  warning: 'Took photographs of the children in the family room, against ground rule 3',
  reviewNote:
    'Verbal warning stands. The coordinator went through the ground rules on photographs with Mr Du Feu by telephone; he understood. No further action.',
  caseReview:
    'Review after the incident with photographs: Mr Du Feu has accepted the verbal warning and knows the rule. Sessions continue as now.',
} as const

/** The most recent incident: aggression towards a volunteer, and the family's sessions suspended. */
export const AGGRESSION = {
  visiting: 'Aaron Mourant',
  minutesIn: 50,
  location: 'Library',
  whatHappened:
    'At about {time} the team leader told Mr Mourant that the session would end at {end}, as booked. Mr Mourant shouted at her, swore, and kicked a plastic chair across the library. Olivia was on the play mat about two metres away and began to cry. The team leader asked Mr Mourant to leave and ended the session. He left by the main entrance a few minutes later. The floor volunteer comforted Olivia and took her to her mother in the resident parent waiting area.',
  injuries: 'None seen. Olivia was upset and settled with her mother within ten minutes.',
  witnesses: 'Team leader and floor volunteer; the parents of two other families in the library',
  endedEarly: 'Mr Mourant shouted, swore and kicked a chair; he was asked to leave.',
  warning: 'Shouted and swore at the team leader and kicked a chair in the library; sessions suspended',
  conditions:
    'Mr Mourant meets the coordinator and agrees in writing to keep the ground rules. The family court adviser is told and asked whether sessions should resume at the supported level.',
  reviewNote:
    'Sessions suspended from the next one. Both parents told by telephone. To be reviewed once Mr Mourant has met the coordinator.',
} as const

/** Parents' comments on the feedback form; no names, as they are shown together. */
export const PARENT_COMMENTS = [
  'The volunteers were kind and the room was warm and clean.',
  'Having our own entrances made it much easier for me to come.',
  'My daughter loved the train set and asked to come back.',
  'It would help if sessions started a little later on Sundays because of the buses.',
  'Thank you for being so patient with us.',
  'Could there be more things for older children to do?',
] as const

/** What children chose to say on the faces form. */
export const CHILD_COMMENTS = [
  'I liked the Lego.',
  'Can we play the dinosaur game again?',
  'I was a bit shy at the start.',
] as const
