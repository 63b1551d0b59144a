import { addDays } from '../cases/cases.rules'
import type { CLOSURE_OUTCOMES, ContactLevel, REVIEW_OUTCOMES } from '../cases/cases.schemas'
import type { DemoFamily } from './demo-families'
import { pastSunday } from './demo-intake'
import { easterSunday, HISTORY_SUNDAYS } from './demo-schedule'
import { on } from './demo-story'

/**
 * The demo centre's past at the church hall, worked out from the day the demo is seeded: the Sundays
 * the hall opened, its closures, and each family's dates from referral to closure. Pure: no database.
 * A week number counts Sundays back from the last Sunday before today (see pastSunday).
 */

/** The first Sunday the hall opened in this history, and its last before the move to the school. */
export const HALL_FIRST_WEEK = 66
/** The Sunday before the school's first (the centre started booking there HISTORY_SUNDAYS ago). */
export const HALL_LAST_WEEK = HISTORY_SUNDAYS
/** The Sunday a burst pipe shut the hall on the Saturday evening (the first open Sunday from here back). */
const PIPE_WEEK = 40

/**
 * Family places the hall offered each Sunday (a supervised family takes three): its main hall, upper
 * and small halls, the vestry and the parish room, several times a day.
 */
export const HALL_CAPACITY_UNITS = 36
export const HALL_ROOM = 'Main hall'
export const VESTRY = 'Vestry'
/** Sessions at the hall: mornings, midday and afternoons in the main hall; supervised in the vestry. */
const HALL_TIMES = [
  { startsAt: '10:15', durationMinutes: 120 },
  { startsAt: '12:30', durationMinutes: 90 },
  { startsAt: '14:15', durationMinutes: 90 },
] as const
const VESTRY_TIMES = ['11:00', '13:00', '14:30'] as const
const HANDOVER = { startsAt: '10:15', durationMinutes: 30 } as const

export type HistoryLevel = 'supervised' | 'supported' | 'handover'

/** What happened at one session, when it was not simply attended by both parents. */
export type HistoryEvent =
  /** The resident parent rang that morning: the child is ill (a late cancellation). */
  | 'child_ill'
  /** The visiting parent rang that morning: stuck in France, the ferry cancelled (late). */
  | 'missed_ferry'
  /** The visiting parent gave most of a week's notice: working away. */
  | 'working_away'
  /** The resident parent gave a fortnight's notice: a family holiday. */
  | 'holiday'
  /** The visiting parent did not come, and gave no reason. */
  | 'no_show'
  /** The resident parent could not bring the child, who was in hospital: explained. */
  | 'hospital'
  /** The visiting parent arrived twenty minutes late: the session still took place. */
  | 'late_bus'

export interface HistoryReview {
  /** Weeks after the case opened; held on that Thursday. */
  week: number
  outcome: Extract<
    (typeof REVIEW_OUTCOMES)[number],
    'continue' | 'change_level' | 'move_to_handover' | 'plan_exit'
  >
  /** The level the family moves to, decided at this review. */
  to?: HistoryLevel
}

/** A family that came to the hall and moved on (or left) before today. */
export interface HistoryCase {
  family: DemoFamily & { service: HistoryLevel }
  /** The first session: this many weeks back. */
  firstWeek: number
  /** Sessions booked, from the first. */
  sessions: number
  fortnightly?: boolean
  /** Morning, midday or afternoon. */
  wave: 0 | 1 | 2
  /** Weeks on the waiting list after the risk assessment, when the centre was full. */
  waitlistWeeks?: number
  reviews: readonly HistoryReview[]
  /** What happened at some sessions, by the booked session's number (0 = the first). */
  events?: Readonly<Record<number, HistoryEvent>>
  closure: { outcome: (typeof CLOSURE_OUTCOMES)[number]; reason: string }
}

/** The hall's first and last Sundays in this history, when it was set up and when the centre moved. */
export function hallDates(today: string) {
  const firstOn = pastSunday(today, HALL_FIRST_WEEK)
  const lastOn = pastSunday(today, HALL_LAST_WEEK)
  return {
    firstOn,
    lastOn,
    setUpAt: on(addDays(firstOn, -28), '09:00'),
    movedAt: on(addDays(lastOn, 1), '10:00'),
  }
}

export interface HallClosure {
  firstDay: string
  lastDay: string
  reason: string
}

/** Christmas to New Year, and the Easter weekend, while the centre was at the hall. */
export function hallClosures(today: string): HallClosure[] {
  const first = pastSunday(today, HALL_FIRST_WEEK)
  const last = pastSunday(today, HALL_LAST_WEEK)
  const closures: HallClosure[] = []
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
    const easter = easterSunday(year)
    closures.push(
      {
        firstDay: `${year - 1}-12-24`,
        lastDay: `${year}-01-01`,
        reason: 'Christmas and New Year: the church needs the hall',
      },
      {
        firstDay: addDays(easter, -2),
        lastDay: addDays(easter, 1),
        reason: 'Easter weekend: the church needs the hall',
      },
    )
  }
  return closures.filter((c) => c.lastDay >= first && c.firstDay <= last)
}

export const isClosedOn = (closures: readonly HallClosure[], date: string): boolean =>
  closures.some((c) => c.firstDay <= date && date <= c.lastDay)

/** The Sunday the burst pipe cancelled every session: the first open Sunday from PIPE_WEEK back. */
export function pipeSunday(today: string, closures: readonly HallClosure[]): string {
  for (let week = PIPE_WEEK; ; week += 1) {
    const sunday = pastSunday(today, week)
    if (!isClosedOn(closures, sunday)) return sunday
  }
}

export interface HistoryPlan {
  level: ContactLevel
  firstOn: string
  lastOn: string
  /** The hall room's name. */
  room: string
  startsAt: string
  durationMinutes: number
  bookedAt: string
}

export interface HistorySession {
  date: string
  /** Which of the family's plans booked it. */
  plan: number
  /** Not booked: the hall was closed that day. */
  skipped: boolean
  /** The centre called it off (the burst pipe). */
  calledOff: boolean
  event: HistoryEvent | null
}

export interface HistoryTimeline {
  receivedAt: string
  intakeAt: string
  /** The Sunday of the pre-visits. */
  preVisitsOn: string
  assessedAt: string
  waitlistedAt: string | null
  openedAt: string
  plans: HistoryPlan[]
  sessions: HistorySession[]
  reviews: { heldOn: string; at: string; review: HistoryReview }[]
  closedAt: string
}

/** Where and when a family at a level met at the hall, by its time of day. */
export function placeOf(
  level: HistoryLevel,
  wave: 0 | 1 | 2,
): Pick<HistoryPlan, 'room' | 'startsAt' | 'durationMinutes'> {
  if (level === 'supervised') return { room: VESTRY, startsAt: VESTRY_TIMES[wave], durationMinutes: 60 }
  if (level === 'handover') return { room: HALL_ROOM, ...HANDOVER }
  return { room: HALL_ROOM, ...HALL_TIMES[wave] }
}

/** Each plan the family had: one per level, the next starting the Sunday after the review that moved it. */
function plansOf(
  spec: HistoryCase,
  dates: readonly string[],
  reviews: HistoryTimeline['reviews'],
): HistoryPlan[] {
  const first = dates[0] ?? ''
  const plans: HistoryPlan[] = [
    {
      level: spec.family.service,
      firstOn: first,
      lastOn: dates.at(-1) ?? first,
      ...placeOf(spec.family.service, spec.wave),
      bookedAt: on(addDays(first, -9), '10:00'),
    },
  ]
  for (const { heldOn, review } of reviews) {
    const from = dates.find((d) => d > heldOn)
    const current = plans.at(-1)
    if (!review.to || !from || !current) continue
    current.lastOn = addDays(from, -1)
    plans.push({
      level: review.to,
      firstOn: from,
      lastOn: dates.at(-1) ?? from,
      ...placeOf(review.to, spec.wave),
      bookedAt: on(heldOn, '15:45'),
    })
  }
  return plans
}

/**
 * One family's dates: referred ten days before its pre-visits (a Sunday), intake started the next
 * day, risk assessed on the Tuesday, then (after any time on the waiting list) accepted on the
 * Thursday ten days before its first session; sessions every week or fortnight at the hall (none on
 * closed days), reviews on Thursdays, and the case closed the Thursday after its last session.
 */
export function historyTimeline(
  spec: HistoryCase,
  today: string,
  closures: readonly HallClosure[],
): HistoryTimeline {
  const firstSunday = pastSunday(today, spec.firstWeek)
  const preVisitsOn = addDays(firstSunday, -14 - 7 * (spec.waitlistWeeks ?? 0))
  const opened = addDays(firstSunday, -10)
  const step = spec.fortnightly ? 14 : 7
  const dates = Array.from({ length: spec.sessions }, (_, i) => addDays(firstSunday, i * step))
  const reviews = spec.reviews.map((review) => {
    const heldOn = addDays(opened, review.week * 7)
    return { heldOn, at: on(heldOn, '15:00'), review }
  })
  const plans = plansOf(spec, dates, reviews)
  const pipe = pipeSunday(today, closures)
  let booked = 0
  const sessions = dates.map((date): HistorySession => {
    const skipped = isClosedOn(closures, date)
    const event = skipped ? null : (spec.events?.[booked] ?? null)
    if (!skipped) booked += 1
    const plan = plans.findIndex((p) => p.firstOn <= date && date <= p.lastOn)
    return { date, plan, skipped, calledOff: !skipped && date === pipe, event }
  })
  const lastSession = dates.at(-1) ?? firstSunday
  return {
    receivedAt: on(addDays(preVisitsOn, -10), '09:15'),
    intakeAt: on(addDays(preVisitsOn, -9), '10:30'),
    preVisitsOn,
    assessedAt: on(addDays(preVisitsOn, 2), '14:00'),
    waitlistedAt: spec.waitlistWeeks ? on(addDays(preVisitsOn, 2), '14:30') : null,
    openedAt: on(opened, '11:00'),
    plans,
    sessions,
    reviews,
    closedAt: on(addDays(lastSession, 4), '16:00'),
  }
}

/** A referral that never became a case: declined, or withdrawn by the family or the referrer. */
export interface HistoryReferral {
  family: DemoFamily
  /** Received on the Monday of this many weeks back. */
  week: number
  /** The coordinator started intake (arranging pre-visits) before the decision. */
  intake?: boolean
  decision: 'decline' | 'withdraw'
  /** Days after it was received. */
  decidedAfterDays: number
  reason: string
}

export const referralDates = (referral: HistoryReferral, today: string) => {
  const monday = addDays(pastSunday(today, referral.week), 1)
  return {
    receivedAt: on(monday, '09:30'),
    intakeAt: on(addDays(monday, 1), '11:00'),
    decidedAt: on(addDays(monday, referral.decidedAfterDays), '16:00'),
  }
}
