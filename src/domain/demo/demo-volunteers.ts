import type { AvailabilityWindow, Duty, VolunteerStage } from '../volunteers/volunteers.schemas'

/**
 * The demo centre's volunteers, shaped like the reference centre (docs: centre facts): a target of
 * 18, 13 on the team (two of them in their mentored first year), 5 of whom are leaving at the end of
 * long terms, and six people on the way in. Every name is made up, and none is a family's.
 *
 * Dates are relative to the day the demo is seeded. A volunteer "started" on their first shift: the
 * usual path before it (enquiry twelve weeks earlier, a meeting about the role, the application and
 * agreement, two references, a DBS check three weeks before starting, the child protection course,
 * the policies read) and after it (first aid within six weeks, the 11 NACCC modules across the first
 * year, the 90-day review with their mentor, active a year on, then each three-yearly check and
 * course renewed three months before it runs out) is worked out by the seed.
 */

/** ISO weekdays: the school opens on Sundays and every other Saturday; prison visits are on Wednesdays. */
const SATURDAY: AvailabilityWindow = { weekday: 6, from: '09:30', to: '13:30' }
const SUNDAY: AvailabilityWindow = { weekday: 7, from: '09:30', to: '16:30' }
const WEDNESDAY_AFTER_SCHOOL: AvailabilityWindow = { weekday: 3, from: '14:30', to: '19:00' }
const WEEKENDS = [SATURDAY, SUNDAY]

export type SpecialistCourse = 'whole_family' | 'putting_children_first' | 'parental_alienation'

export interface DemoVolunteer {
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
  /** Their first shift: this many months (and days) before the demo is seeded. */
  started: { monthsAgo: number; plusDays?: number }
  /** Who mentored their first year; null for the founding volunteer, whose year was signed off. */
  mentor: string | null
  /** Where they are now: mentored means still in the first year. */
  stage: Extract<VolunteerStage, 'mentored' | 'active' | 'leaving'>
  duties: Duty[]
  availability: AvailabilityWindow[]
  /** Shifts a month they are asked for at most; null keeps the centre's default (2). */
  maxShiftsPerMonth: number | null
  leaving?: { toldWeeksAgo: number; lastDayInWeeks: number; reason: string }
  /** The supervisor qualification, seen when they joined. */
  qualification?: { title: string; yearsBeforeStarting: number }
  specialist?: readonly SpecialistCourse[]
  /** Only when it differs from the usual: the DBS check runs out this many days from today. */
  dbs?: { expiresInDays: number; renewalStartedDaysAgo?: number }
  /** Only when it differs from the usual: a first aid certificate from work, running out soon. */
  firstAid?: { expiresInDays: number; provider: string }
  /** Came to the training evening three weeks ago (NACCC modules 5 and 6). */
  trainingEvening?: boolean
  /** Came to the Putting Children First day seven weeks ago. */
  puttingChildrenFirstDay?: boolean
  /** The demo volunteer login is theirs. */
  demoLogin?: boolean
  notes: string
}

/** The Portuguese-speaking volunteer on the rota for Mr Rodrigues’s Sundays (see demo-schedule-plans). */
export const PORTUGUESE_SPEAKER = 'Carla Ferreira'

/** The volunteer the demo volunteer login is linked to: she escorts Kayden to his prison visits. */
export const DEMO_VOLUNTEER_NAME = 'Joanna Baudains'

export const DEMO_VOLUNTEERS: readonly DemoVolunteer[] = [
  {
    fullName: 'Peter Le Boutillier',
    email: 'peter.leboutillier@example.org',
    phone: '07700 900114',
    dateOfBirth: '1951-03-14',
    started: { monthsAgo: 131 },
    mentor: null,
    stage: 'leaving',
    duties: ['team_leader'],
    availability: WEEKENDS,
    maxShiftsPerMonth: 4,
    leaving: {
      toldWeeksAgo: 9,
      lastDayInWeeks: 26,
      reason: 'Stepping down at the end of his term, after eleven years; stays on as a trustee',
    },
    specialist: ['whole_family'],
    notes:
      'One of the volunteers from the Town Church Hall days, before the move to Grands Vaux. Keeps the toy cupboard and the first aid box in order.',
  },
  {
    fullName: 'Jean Bisson',
    email: 'jean.bisson@example.org',
    phone: '07700 900127',
    dateOfBirth: '1953-09-02',
    started: { monthsAgo: 112, plusDays: 9 },
    mentor: 'Peter Le Boutillier',
    stage: 'leaving',
    duties: ['supervisor'],
    availability: WEEKENDS,
    maxShiftsPerMonth: 3,
    leaving: {
      toldWeeksAgo: 8,
      lastDayInWeeks: 10,
      reason: 'End of her third term; moving to Hampshire to be near her grandchildren',
    },
    qualification: {
      title: 'Level 3 Diploma in Children’s Care, Learning and Development (Highlands College)',
      yearsBeforeStarting: 12,
    },
    specialist: ['whole_family'],
    notes: 'A retired nursery manager. Supervises one-to-one sessions in the quiet room.',
  },
  {
    fullName: 'Margaret Le Couteur',
    email: 'margaret.lecouteur@example.org',
    phone: '07700 900135',
    dateOfBirth: '1949-11-20',
    started: { monthsAgo: 101, plusDays: 3 },
    mentor: 'Peter Le Boutillier',
    stage: 'leaving',
    duties: [],
    availability: [SUNDAY],
    maxShiftsPerMonth: 2,
    leaving: {
      toldWeeksAgo: 10,
      lastDayInWeeks: 5,
      reason: 'Retiring from volunteering after eight years of Sundays',
    },
    notes: 'Sundays only. Knows every family’s children by name; a calm presence in the family room.',
  },
  {
    fullName: 'Alan Le Rossignol',
    email: 'alan.lerossignol@example.org',
    phone: '07700 900142',
    dateOfBirth: '1955-06-08',
    started: { monthsAgo: 94, plusDays: 12 },
    mentor: 'Jean Bisson',
    stage: 'leaving',
    duties: ['escort'],
    availability: [WEDNESDAY_AFTER_SCHOOL, ...WEEKENDS],
    maxShiftsPerMonth: 3,
    leaving: {
      toldWeeksAgo: 6,
      lastDayInWeeks: 17,
      reason: 'End of his second three-year term; will still help at the fundraising events',
    },
    notes:
      'Second escort for the prison visits: has his own car and has done the visits-hall induction at HMP La Moye.',
  },
  {
    fullName: 'Susan Pipon',
    email: 'susan.pipon@example.org',
    phone: '07700 900158',
    dateOfBirth: '1958-01-30',
    started: { monthsAgo: 87, plusDays: 5 },
    mentor: 'Peter Le Boutillier',
    stage: 'leaving',
    duties: [],
    availability: WEEKENDS,
    maxShiftsPerMonth: 3,
    leaving: {
      toldWeeksAgo: 7,
      lastDayInWeeks: 8,
      reason: 'End of her term: she starts a part-time job with weekend shifts',
    },
    notes: 'Runs the Saturday craft table; good with the teenagers.',
  },
  {
    fullName: 'Marianne de Gruchy',
    email: 'marianne.degruchy@example.org',
    phone: '07700 900163',
    dateOfBirth: '1962-04-17',
    started: { monthsAgo: 80, plusDays: 2 },
    mentor: 'Margaret Le Couteur',
    stage: 'active',
    duties: ['team_leader'],
    availability: WEEKENDS,
    maxShiftsPerMonth: 4,
    puttingChildrenFirstDay: true,
    notes: 'Team leader; mentors Hannah Le Seelleur through her first year.',
  },
  {
    fullName: 'Richard Perchard',
    email: 'richard.perchard@example.org',
    phone: '07700 900171',
    dateOfBirth: '1957-12-05',
    started: { monthsAgo: 68, plusDays: 6 },
    mentor: 'Jean Bisson',
    stage: 'active',
    duties: ['supervisor'],
    availability: [SUNDAY],
    maxShiftsPerMonth: 4,
    qualification: {
      title: 'Qualified social worker (DipSW), registered with the Jersey Care Commission',
      yearsBeforeStarting: 30,
    },
    specialist: ['whole_family', 'parental_alienation'],
    notes: 'A retired children’s services social worker. Sundays only; supervises one-to-one sessions.',
  },
  {
    fullName: 'Catherine Labey',
    email: 'catherine.labey@example.org',
    phone: '07700 900186',
    dateOfBirth: '1974-08-22',
    started: { monthsAgo: 57, plusDays: 4 },
    mentor: 'Marianne de Gruchy',
    stage: 'active',
    duties: ['team_leader'],
    availability: WEEKENDS,
    maxShiftsPerMonth: 4,
    specialist: ['parental_alienation'],
    puttingChildrenFirstDay: true,
    notes: 'Team leader; mentors Rui Teixeira through his first year. Works at a bank in the week.',
  },
  {
    fullName: 'Anne Le Masurier',
    email: 'anne.lemasurier@example.org',
    phone: '07700 900192',
    dateOfBirth: '1968-02-11',
    started: { monthsAgo: 36, plusDays: -4 },
    mentor: 'Catherine Labey',
    stage: 'active',
    duties: [],
    availability: [SUNDAY],
    maxShiftsPerMonth: 2,
    dbs: { expiresInDays: -25, renewalStartedDaysAgo: 40 },
    notes:
      'Her DBS check ran out last month: the renewal was applied for in good time and the certificate is still awaited.',
  },
  {
    fullName: PORTUGUESE_SPEAKER,
    email: 'carla.ferreira@example.org',
    phone: '07700 900205',
    dateOfBirth: '1985-07-19',
    started: { monthsAgo: 36, plusDays: 41 },
    mentor: 'Marianne de Gruchy',
    stage: 'active',
    duties: [],
    availability: WEEKENDS,
    maxShiftsPerMonth: 3,
    dbs: { expiresInDays: 20 },
    notes: 'Speaks Portuguese: on the rota for Mr Rodrigues’s Sundays when she can.',
  },
  {
    fullName: DEMO_VOLUNTEER_NAME,
    email: 'joanna.baudains@example.org',
    phone: '07700 900213',
    dateOfBirth: '1979-10-03',
    started: { monthsAgo: 30, plusDays: 8 },
    mentor: 'Catherine Labey',
    stage: 'active',
    duties: ['escort'],
    availability: [WEDNESDAY_AFTER_SCHOOL, SUNDAY],
    maxShiftsPerMonth: 4,
    firstAid: { expiresInDays: 45, provider: 'St John Ambulance Jersey, through her employer' },
    demoLogin: true,
    notes:
      'Escorts Kayden to his visits at HMP La Moye: collects him from school, stays with him in the visits hall and takes him home.',
  },
  {
    fullName: 'Rui Teixeira',
    email: 'rui.teixeira@example.org',
    phone: '07700 900224',
    dateOfBirth: '1990-05-27',
    started: { monthsAgo: 9, plusDays: 3 },
    mentor: 'Catherine Labey',
    stage: 'mentored',
    duties: [],
    availability: [SUNDAY],
    maxShiftsPerMonth: 2,
    notes: 'In his mentored first year. Speaks Portuguese; a chef, so Sundays only.',
  },
  {
    fullName: 'Hannah Le Seelleur',
    email: 'hannah.leseelleur@example.org',
    phone: '07700 900238',
    dateOfBirth: '1998-12-12',
    started: { monthsAgo: 5, plusDays: 1 },
    mentor: 'Marianne de Gruchy',
    stage: 'mentored',
    duties: [],
    availability: WEEKENDS,
    maxShiftsPerMonth: 2,
    trainingEvening: true,
    notes: 'In her mentored first year. Studying for a social work degree with the Open University.',
  },
]

/** Someone on the way in: the stage they have reached, and when each step was taken (days ago). */
export interface DemoApplicant {
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
  stage: Extract<
    VolunteerStage,
    'enquiry' | 'role_meeting' | 'application' | 'references' | 'dbs_applied' | 'training'
  >
  /** Days ago of each step taken, from the enquiry on. */
  enquiredDaysAgo: number
  steps: readonly { to: VolunteerStage; daysAgo: number }[]
  /** References back, and when the last came in. */
  references?: { received: number; daysAgo: number }
  /** For the one in training: the DBS check, the child protection course and NACCC 1 and 2. */
  cleared?: { dbsDaysAgo: number; childProtectionDaysAgo: number; inductionDaysAgo: number }
  availability?: AvailabilityWindow[]
  trainingEvening?: boolean
  notes: string
}

export const DEMO_APPLICANTS: readonly DemoApplicant[] = [
  {
    fullName: 'Philippa Le Bas',
    email: 'philippa.lebas@example.org',
    phone: '07700 900246',
    dateOfBirth: '1971-03-09',
    stage: 'training',
    enquiredDaysAgo: 119,
    steps: [
      { to: 'role_meeting', daysAgo: 112 },
      { to: 'application', daysAgo: 105 },
      { to: 'references', daysAgo: 98 },
      { to: 'dbs_applied', daysAgo: 77 },
      { to: 'cleared', daysAgo: 41 },
      { to: 'training', daysAgo: 35 },
    ],
    references: { received: 2, daysAgo: 78 },
    cleared: { dbsDaysAgo: 43, childProtectionDaysAgo: 36, inductionDaysAgo: 34 },
    availability: [SUNDAY],
    trainingEvening: true,
    notes: 'A primary school teacher. Shadowing on Sundays while she finishes the induction training.',
  },
  {
    fullName: 'Nadia Cornick',
    email: 'nadia.cornick@example.org',
    phone: '07700 900251',
    dateOfBirth: '1983-06-21',
    stage: 'dbs_applied',
    enquiredDaysAgo: 77,
    steps: [
      { to: 'role_meeting', daysAgo: 70 },
      { to: 'application', daysAgo: 63 },
      { to: 'references', daysAgo: 56 },
      { to: 'dbs_applied', daysAgo: 17 },
    ],
    references: { received: 2, daysAgo: 18 },
    notes: 'Heard about the centre from her church. DBS application sent through the umbrella body.',
  },
  {
    fullName: 'Christopher Le Blancq',
    email: 'chris.leblancq@example.org',
    phone: '07700 900267',
    dateOfBirth: '1964-10-14',
    stage: 'references',
    enquiredDaysAgo: 56,
    steps: [
      { to: 'role_meeting', daysAgo: 49 },
      { to: 'application', daysAgo: 42 },
      { to: 'references', daysAgo: 35 },
    ],
    references: { received: 1, daysAgo: 14 },
    notes: 'Recently retired from the police. Second reference chased by email.',
  },
  {
    fullName: 'Ewa Kamińska',
    email: 'ewa.kaminska@example.org',
    phone: '07700 900272',
    dateOfBirth: '1992-01-05',
    stage: 'application',
    enquiredDaysAgo: 40,
    steps: [
      { to: 'role_meeting', daysAgo: 33 },
      { to: 'application', daysAgo: 21 },
    ],
    notes: 'Speaks Polish. Application form and volunteer agreement received; references to ask for.',
  },
  {
    fullName: 'James de la Mare',
    email: 'james.delamare@example.org',
    phone: '07700 900288',
    dateOfBirth: '1996-08-30',
    stage: 'role_meeting',
    enquiredDaysAgo: 20,
    steps: [{ to: 'role_meeting', daysAgo: 10 }],
    notes: 'Met the coordinator at the school on a Sunday to hear about the role; thinking it over.',
  },
  {
    fullName: 'Laura Becquet',
    email: 'laura.becquet@example.org',
    phone: '07700 900293',
    dateOfBirth: '1988-04-02',
    stage: 'enquiry',
    enquiredDaysAgo: 4,
    steps: [],
    notes: 'Emailed after the centre’s stall at the Family Fun Day in Howard Davis Park.',
  },
]

/** Why the coordinator opens up two places on the rota in weeks six to eight. */
export const AWAY_NOTES = [
  'Away that weekend after all: a family wedding in Devon',
  'Rang to say they are away that weekend, visiting family in Guernsey',
] as const

/** Holidays and a one-off extra day, told to the coordinator (days relative to today). */
export const DEMO_EXCEPTIONS: readonly {
  volunteer: string
  toldDaysAgo: number
  fromDay: number
  toDay: number
  kind: 'unavailable' | 'available'
  note: string
}[] = [
  {
    volunteer: 'Peter Le Boutillier',
    toldDaysAgo: 60,
    fromDay: -33,
    toDay: -24,
    kind: 'unavailable',
    note: 'Walking holiday on Sark',
  },
  {
    volunteer: 'Catherine Labey',
    toldDaysAgo: 16,
    fromDay: 38,
    toDay: 46,
    kind: 'unavailable',
    note: 'Family holiday',
  },
  {
    volunteer: 'Susan Pipon',
    toldDaysAgo: 12,
    fromDay: 8,
    toDay: 16,
    kind: 'unavailable',
    note: 'Visiting her daughter in Southampton',
  },
  {
    volunteer: 'Richard Perchard',
    toldDaysAgo: 9,
    fromDay: 47,
    toDay: 50,
    kind: 'unavailable',
    note: 'His grandson’s christening in Cheshire',
  },
]

/** Margaret, a Sundays volunteer, offers to help on one Saturday (the next the school opens). */
export const EXTRA_SATURDAY = {
  volunteer: 'Margaret Le Couteur',
  toldDaysAgo: 11,
  note: 'Can help on this Saturday as a one-off',
} as const

/** The training evening three weeks ago, and the specialist day seven weeks ago. */
export const TRAINING_EVENING = {
  modules: ['naccc_05', 'naccc_06'],
  minutes: 150,
  provider: 'NACCC trainer, at Grands Vaux School',
  description: 'Training evening: NACCC modules 5 (conflict management) and 6 (equality and diversity)',
} as const
export const PUTTING_CHILDREN_FIRST_DAY = {
  minutes: 360,
  provider: 'National Network of Separated Family Centres',
  description: 'Specialist training day: Putting Children First',
} as const

/** The escort's claim for each prison visit: the school, La Moye and back to Kayden's home. */
export const ESCORT_JOURNEY = {
  miles: 16.4,
  expensesPence: 180,
  description:
    'School to HMP La Moye and Kayden home to First Tower: 16.4 miles. £1.80 for a drink and a snack for Kayden at the visits hall kiosk.',
} as const

/** A new version of one policy, a week ago: everyone but the demo volunteer has read it since. */
export const POLICY_UPDATE = {
  title: 'Confidentiality',
  daysAgo: 7,
  changes: 'Adds messaging apps and social media: never connect with a family, or accept a request, online.',
  body: 'What you see and hear at the centre stays at the centre. Never give a family’s details, including where anyone lives, to anyone, and never to the other parent. Never give out your own contact details or arrange to meet a family outside the centre, and never connect with a family member on social media or a messaging app, or accept a request from one. Tell the coordinator at once if you know a family, or if a family member contacts you.',
} as const

/** The Sunday opening's staffing: a team leader, someone on reception and two on the floor. */
export const SUNDAY_STAFFING = { teamLeaders: 1, floor: 2, reception: 1 } as const

/** The swap the demo volunteer has asked for, waiting for the coordinator. */
export const SWAP_NOTE = 'Family wedding in Devon that week; we have spoken and they are happy to take it.'
