/**
 * The demo centre's timetable: when and where each family's parenting time happens at Grands Vaux
 * School. It opens every Sunday 10:00–16:00 and every other Saturday 10:00–13:00; a visiting parent
 * comes 15 minutes before the session and leaves 15 minutes after it (the centre's default), so a
 * session runs from 10:15 at the earliest and ends by 15:45.
 *
 * Rooms hold a few families at once (family room 6, library 4, quiet room and reception 1), so the
 * day runs in three waves that never overlap: mornings (ending by 12:15), midday (12:15–14:15) and
 * afternoons (from 14:15). Fortnightly families come on "A" Sundays (the first Sunday of the
 * schedule, and every other one after it) or "B" Sundays (the others).
 */

export const MAIN_ENTRANCE = 'Main entrance'
export const PLAYGROUND_GATE = 'Playground gate'
export const DEMO_ENTRANCES = [MAIN_ENTRANCE, PLAYGROUND_GATE] as const

/** Rooms the coordinator adds to the school when the centre starts scheduling in Kinbridge. */
export const LIBRARY = 'Library'
export const VISITING_WAITING_AREA = 'Visiting parent waiting area'
export const RESIDENT_WAITING_AREA = 'Resident parent waiting area'

export type DemoRoom = 'Family room' | typeof LIBRARY | 'Quiet room' | 'Reception'

export type DemoPattern =
  | { kind: 'weekly' }
  | { kind: 'fortnightly'; week: 'A' | 'B' }
  /** The nth Sunday of each month. */
  | { kind: 'monthly'; weekOfMonth: 1 | 2 | 3 | 4 }
  /** Every Saturday the centre opens. */
  | { kind: 'saturdays' }
  /** Fortnightly on Wednesdays after school, away from the centre. */
  | { kind: 'prison' }

/**
 * How the parties come and go: each by their own door (the resident parent by the playground gate,
 * the visiting parent by the main entrance), with or without the resident parent waiting on site;
 * or both by the main entrance, kept apart by the stagger alone.
 */
export type DemoDoors = 'separate' | 'separate_waiting' | 'shared'

export interface DemoPlan {
  /** The visiting parent, who names the family. */
  visiting: string
  pattern: DemoPattern
  room: DemoRoom | null
  startsAt: string
  durationMinutes: number
  doors: DemoDoors
  /** The resident parent brings the children 15 minutes early (supervised contact). */
  residentFirst?: boolean
  notes?: string
  /** Why the visiting parent cannot come once: the series leaves out its third date after today. */
  awayOnce?: string
}

const plan = (
  visiting: string,
  pattern: DemoPattern,
  room: DemoRoom | null,
  startsAt: string,
  durationMinutes: number,
  doors: DemoDoors,
  more: Pick<DemoPlan, 'notes' | 'residentFirst' | 'awayOnce'> = {},
): DemoPlan => ({ visiting, pattern, room, startsAt, durationMinutes, doors, ...more })

const weekly = { kind: 'weekly' } as const
const weekA = { kind: 'fortnightly', week: 'A' } as const
const weekB = { kind: 'fortnightly', week: 'B' } as const
const firstOfMonth = { kind: 'monthly', weekOfMonth: 1 } as const
const secondOfMonth = { kind: 'monthly', weekOfMonth: 2 } as const
const thirdOfMonth = { kind: 'monthly', weekOfMonth: 3 } as const

export const DEMO_PLANS: readonly DemoPlan[] = [
  // Every Sunday.
  plan('Jack Renouf', weekly, 'Family room', '10:15', 120, 'separate_waiting'),
  plan('João Rodrigues', weekly, 'Family room', '10:15', 120, 'separate', {
    notes: 'Mr Rodrigues speaks Portuguese: a Portuguese-speaking volunteer is on the rota for his Sundays.',
  }),
  plan('Connor Whelan', weekly, 'Family room', '10:15', 90, 'separate_waiting'),
  plan('Dylan Bichard', weekly, 'Family room', '10:30', 60, 'separate'),
  plan('Scott Ahier', weekly, LIBRARY, '10:30', 60, 'separate_waiting', {
    notes: 'Ms Ahier feeds Ellie before the session and waits on site in case she is needed.',
  }),
  plan('Josh Pinel', weekly, LIBRARY, '10:45', 90, 'separate'),
  plan('Adam Noel', weekly, 'Family room', '12:30', 90, 'separate'),
  plan('Callum Du Feu', weekly, 'Family room', '12:30', 90, 'separate_waiting'),
  plan('Liam Rondel', weekly, 'Family room', '12:45', 60, 'separate'),
  plan('Aaron Mourant', weekly, LIBRARY, '12:30', 90, 'separate_waiting'),
  plan('Kyle Vautier', weekly, 'Family room', '14:15', 90, 'separate'),
  plan('Ryan Le Cornu', weekly, 'Reception', '10:15', 30, 'separate', {
    notes: 'Handover since the review: Oscar goes with his father for the day and is brought home by 17:00.',
  }),
  plan('Wayne Tostevin', weekly, 'Quiet room', '11:00', 60, 'separate_waiting', {
    residentFirst: true,
    notes:
      'Supervised one to one. Ms Mallet brings the children 15 minutes early to settle them; Mr Tostevin is breath-tested on arrival.',
  }),
  // "A" Sundays.
  plan('Daniel Le Brocq', weekA, 'Family room', '10:45', 90, 'separate'),
  plan('Chris Gallichan', weekA, LIBRARY, '10:15', 120, 'separate'),
  plan('Jordan Querée', weekA, 'Family room', '12:15', 90, 'separate_waiting'),
  plan('Danielle Le Feuvre', weekA, LIBRARY, '12:45', 90, 'separate'),
  plan('Lee Journeaux', weekA, 'Family room', '14:15', 90, 'shared'),
  plan('Matthew Blampied', weekA, 'Reception', '10:45', 30, 'separate', {
    notes: 'Handover for the weekend: Harry comes back to his mother’s home on Monday after school.',
  }),
  plan('Dean Cabot', weekA, 'Reception', '11:15', 30, 'separate', {
    notes: 'Handover for the day: the children are brought back to their grandmother’s at 17:00.',
  }),
  // "B" Sundays.
  plan('Piotr Kowalski', weekB, 'Family room', '10:45', 90, 'separate'),
  plan('Jamie Syvret', weekB, LIBRARY, '10:15', 120, 'separate_waiting'),
  plan('Ashley Dorey', weekB, 'Family room', '12:15', 90, 'separate'),
  plan('Ross Picot', weekB, LIBRARY, '12:30', 90, 'separate_waiting'),
  plan('Tanya Le Gresley', weekB, 'Family room', '12:45', 60, 'separate'),
  plan('Sam Binet', weekB, 'Family room', '14:15', 90, 'shared'),
  plan('Mike Egré', weekB, 'Reception', '10:45', 30, 'separate', {
    notes: 'Handover out: Finley spends the day with his father and comes back through reception at 15:15.',
  }),
  plan('Mike Egré', weekB, 'Reception', '15:15', 30, 'separate', {
    notes: 'Handover back: Mr Egré brings Finley in first; Ms Mahy collects him from reception.',
  }),
  // Once a month.
  plan('Gareth Hughes', firstOfMonth, 'Family room', '10:15', 120, 'separate_waiting', {
    notes: 'Mr Hughes flies in from Cardiff on the Saturday and takes the Sunday afternoon flight home.',
    awayOnce: 'he is working offshore that month',
  }),
  plan('Craig Poingdestre', secondOfMonth, LIBRARY, '14:15', 90, 'separate', {
    notes: 'On a fine day a volunteer takes the session out to the school field, with Ethan’s football.',
  }),
  plan('Paul Le Sueur', thirdOfMonth, 'Quiet room', '14:00', 60, 'separate', {
    notes: 'Kept to an hour in the quiet room for now; Chloe may end a session whenever she wishes.',
  }),
  // Every other Saturday.
  plan('Ben Carter', { kind: 'saturdays' }, 'Family room', '10:30', 120, 'shared', {
    notes: 'Mr Carter flies in from London on the first Saturday flight and home the same evening.',
  }),
  // Away from the centre.
  plan('Shane Le Quesne', { kind: 'prison' }, null, '16:00', 60, 'shared', {
    notes: 'The volunteer collects Kayden from school, stays with him in the visits hall and takes him home.',
  }),
]
