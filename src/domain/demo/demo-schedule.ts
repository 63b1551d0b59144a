import { addDays } from '../cases/cases.rules'
import { getCentre } from '../organisation/manage-centres'
import { createRoom, updateVenue } from '../organisation/manage-venues'
import { createClosure, createOpening } from '../scheduling/openings'
import { createPlan } from '../scheduling/plans'
import { cancelSession, moveSession, recordOutcome } from '../scheduling/sessions'
import { occurrenceDates } from '../scheduling/schedule.rules'
import {
  CancelSessionSchema,
  CreateClosureSchema,
  CreateOpeningSchema,
  CreatePlanSchema,
  MoveSessionSchema,
  RecordOutcomeSchema,
  type CreatePlanInput,
  type RecordOutcomeInput,
  type SessionView,
} from '../scheduling/scheduling.schemas'
import type { DemoFamily } from './demo-families'
import { pastSunday, type DemoDesk } from './demo-intake'
import {
  DEMO_ENTRANCES,
  DEMO_PLANS,
  LIBRARY,
  MAIN_ENTRANCE,
  PLAYGROUND_GATE,
  RESIDENT_WAITING_AREA,
  VISITING_WAITING_AREA,
  type DemoPattern,
  type DemoPlan,
} from './demo-schedule-plans'
import { on, type StoryStep } from './demo-story'

/** A family whose case the story opens, and that can be given a contact plan once it is open. */
export interface SchedulableFamily {
  family: DemoFamily
  /** The day its case opened. */
  opened: string
  caseId: () => string
}

export interface DemoScheduleSummary {
  contactPlans: number
  sessionsBooked: number
}

/** Sundays of history: the centre started booking in Kinbridge this many Sundays ago. */
export const HISTORY_SUNDAYS = 6

/** The first Sunday the demo centre booked through Kinbridge. */
export const firstScheduledSunday = (today: string): string => pastSunday(today, HISTORY_SUNDAYS - 1)

/** Easter Sunday of a year (the anonymous Gregorian computus). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The closures ahead of the day the demo is seeded: Christmas, and the school's Easter weekend. */
export function demoClosureDays(today: string): { christmas: string; easter: string } {
  const year = Number(today.slice(0, 4))
  const christmasYear = today.slice(5) <= '12-26' ? year : year + 1
  const easter = easterSunday(year) >= today ? easterSunday(year) : easterSunday(year + 1)
  return { christmas: `${christmasYear}-12-25`, easter }
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
const later = (a: string, b: string): string => (a > b ? a : b)

/** Where a pattern's dates are counted from, and how far apart they can fall. */
function anchorOf(pattern: DemoPattern, firstSunday: string): { anchor: string; step: number } {
  switch (pattern.kind) {
    case 'weekly':
    case 'monthly':
      return { anchor: firstSunday, step: 7 }
    case 'fortnightly':
      return { anchor: addDays(firstSunday, pattern.week === 'A' ? 0 : 7), step: 14 }
    case 'saturdays':
      return { anchor: addDays(firstSunday, -1), step: 14 }
    case 'prison':
      return { anchor: addDays(firstSunday, 3), step: 14 }
  }
}

/** The plan's first date: its pattern's first day on or after `from`. */
function firstDateOf(pattern: DemoPattern, firstSunday: string, from: string): string {
  const { anchor, step } = anchorOf(pattern, firstSunday)
  if (from <= anchor) return anchor
  return addDays(anchor, Math.ceil(daysBetween(anchor, from) / step) * step)
}

const FREQUENCY: Record<DemoPattern['kind'], CreatePlanInput['frequency']> = {
  weekly: 'weekly',
  fortnightly: 'fortnightly',
  monthly: 'monthly_weekday',
  saturdays: 'fortnightly',
  prison: 'fortnightly',
}

const ATTENDED: RecordOutcomeInput = RecordOutcomeSchema.parse({
  resident: 'attended',
  nonResident: 'attended',
})

/** What happened at a few of the past sessions; every other one was attended by both parents. */
const EVENTS: readonly { visiting: string; nth: number; outcome: RecordOutcomeInput }[] = [
  // Two unexplained misses in a row: the case is flagged for review (R-SES-4).
  ...[-2, -1].map((nth) => ({
    visiting: 'Liam Rondel',
    nth,
    outcome: RecordOutcomeSchema.parse({ resident: 'attended', nonResident: 'did_not_attend' }),
  })),
  {
    visiting: 'João Rodrigues',
    nth: -2,
    outcome: RecordOutcomeSchema.parse({
      resident: 'attended',
      nonResident: 'late',
      reason: 'Twenty minutes late: the bus from St Brelade did not come.',
    }),
  },
  {
    visiting: 'Lee Journeaux',
    nth: 0,
    outcome: RecordOutcomeSchema.parse({
      resident: 'late',
      nonResident: 'attended',
      reason: 'Ms Amy’s bus was late: Ruby came in ten minutes after her father had arrived.',
    }),
  },
  {
    visiting: 'Ross Picot',
    nth: -1,
    outcome: RecordOutcomeSchema.parse({
      resident: 'attended',
      nonResident: 'did_not_attend',
      explained: true,
      reason: 'Mr Picot was admitted to hospital on the Saturday; his social worker rang the centre.',
    }),
  },
]

/** A parent who rang on the morning of a session to cancel it. */
const SHORT_NOTICE = {
  visiting: 'Connor Whelan',
  nth: -2,
  input: CancelSessionSchema.parse({
    by: 'resident',
    reason: 'Ms Arthur rang at breakfast time: Harvey has a temperature and is staying at home.',
  }),
}

/** The supervised family’s next session moves to the afternoon. */
const MOVED = {
  visiting: 'Wayne Tostevin',
  startsAt: '13:00',
  reason: 'Mr Tostevin is on the early shift that Sunday: the session moves to the afternoon.',
}

/**
 * The demo centre's schedule as dated story steps: the coordinator names the school's entrances,
 * adds a library and a waiting area, sets the opening sessions and closures, and books a contact
 * plan for each family ready for one (HISTORY_SUNDAYS ago, or once its case opened). The sessions
 * already held have their attendance recorded that evening; one was cancelled by a parent on the
 * morning itself; one session ahead has been moved.
 * @param volunteer The name of the volunteer who escorts the prison visits.
 */
export function scheduleStory(
  desk: DemoDesk,
  centreId: string,
  families: readonly SchedulableFamily[],
  until: Date,
  volunteer: string,
): { steps: StoryStep[][]; summary: () => DemoScheduleSummary } {
  const { deps, actor, today } = desk
  const firstSunday = firstScheduledSunday(today)
  const place: { venueId?: string; rooms: Map<string, string> } = { rooms: new Map() }
  const booked: { visiting: string; session: SessionView }[] = []
  let plans = 0
  const at = (date: string, time: string, minutes = 0) =>
    new Date(Date.parse(on(date, time)) + minutes * 60_000).toISOString()
  const isPast = (at: string) => Date.parse(at) <= until.getTime()
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo: ${what} is missing`)
    return value
  }

  const setUp: StoryStep = {
    at: at(addDays(firstSunday, -9), '10:00'),
    run: async () => {
      const centre = await getCentre(deps, actor, centreId)
      const school = need(
        centre.venues.find((v) => !v.archived),
        'the school',
      )
      await updateVenue(deps, actor, school.id, { entrances: [...DEMO_ENTRANCES] })
      const added = [
        await createRoom(deps, actor, school.id, { name: LIBRARY, kind: 'family_room', capacityFamilies: 4 }),
        await createRoom(deps, actor, school.id, {
          name: VISITING_WAITING_AREA,
          kind: 'waiting_area',
          capacityFamilies: 1,
        }),
      ]
      place.venueId = school.id
      for (const room of [...school.rooms, ...added]) place.rooms.set(room.name, room.id)
      await createOpening(
        deps,
        actor,
        school.id,
        CreateOpeningSchema.parse({
          weekday: 7,
          startsAt: '10:00',
          endsAt: '16:00',
          firstOn: firstSunday,
          capacityUnits: 30,
        }),
      )
      await createOpening(
        deps,
        actor,
        school.id,
        CreateOpeningSchema.parse({
          weekday: 6,
          startsAt: '10:00',
          endsAt: '13:00',
          everyWeeks: 2,
          firstOn: addDays(firstSunday, -1),
          capacityUnits: 8,
        }),
      )
      const { christmas, easter } = demoClosureDays(today)
      await createClosure(
        deps,
        actor,
        centreId,
        CreateClosureSchema.parse({
          firstDay: christmas,
          lastDay: addDays(christmas, 1),
          reason: 'Christmas Day and Boxing Day',
        }),
      )
      await createClosure(
        deps,
        actor,
        centreId,
        CreateClosureSchema.parse({
          venueId: school.id,
          firstDay: addDays(easter, -2),
          lastDay: addDays(easter, 1),
          reason: 'Easter weekend: the school is closed',
        }),
      )
    },
  }

  const planInput = (spec: DemoPlan, family: DemoFamily, firstOn: string): CreatePlanInput => {
    const offsite = spec.pattern.kind === 'prison'
    const room = (name: string) => need(place.rooms.get(name), `the ${name}`)
    const separate = spec.doors !== 'shared'
    const frequency = FREQUENCY[spec.pattern.kind]
    const weekOfMonth = spec.pattern.kind === 'monthly' ? spec.pattern.weekOfMonth : null
    let notes = spec.notes ?? null
    const skipDates: string[] = []
    if (spec.awayOnce) {
      const ahead = occurrenceDates({ frequency, firstOn, lastOn: null, weekOfMonth }, addDays(today, 200))
      const away = need(ahead.filter((date) => date > today)[2], `a date ${spec.visiting} is away`)
      skipDates.push(away)
      notes = `${notes ?? ''} No session on ${away}: ${spec.awayOnce}.`.trim()
    }
    return CreatePlanSchema.parse({
      serviceType: family.movesTo ?? family.service,
      frequency,
      weekOfMonth,
      firstOn,
      startsAt: spec.startsAt,
      durationMinutes: spec.durationMinutes,
      venueId: offsite ? null : place.venueId,
      roomId: spec.room ? room(spec.room) : null,
      arrival: {
        ...(spec.residentFirst ? { firstArrivingParty: 'resident' } : {}),
        resident: {
          entrance: separate ? PLAYGROUND_GATE : null,
          waitingRoomId: spec.doors === 'separate_waiting' ? room(RESIDENT_WAITING_AREA) : null,
        },
        nonResident: {
          entrance: separate ? MAIN_ENTRANCE : null,
          waitingRoomId: separate && !offsite ? room(VISITING_WAITING_AREA) : null,
        },
      },
      offsite: offsite
        ? {
            place: 'HM Prison La Moye',
            travelMinutes: 30,
            escort: volunteer,
            visitingOrderReference: 'VO-LM-4417',
          }
        : null,
      skipDates,
      // Dates the centre is closed are skipped (and shown as such); any other clash is a mistake.
      skipConflicting: true,
      notes,
    })
  }

  const planSteps = DEMO_PLANS.map((spec, i): StoryStep[] => {
    const found = need(
      families.find((f) => f.family.visiting === spec.visiting),
      `the family of ${spec.visiting}`,
    )
    const bookedOn = later(addDays(firstSunday, -6), addDays(found.opened, 1))
    const firstOn = firstDateOf(spec.pattern, firstSunday, addDays(bookedOn, 1))
    return [
      {
        at: at(bookedOn, '10:00', 3 * i),
        run: async () => {
          const result = await createPlan(deps, actor, found.caseId(), planInput(spec, found.family, firstOn))
          const clashes = result.skipped.flatMap((s) => s.conflicts).filter((c) => c.rule !== 'SCH-CLOSED')
          if (clashes.length > 0)
            throw new Error(
              `demo: the plan for ${spec.visiting} clashes: ${clashes.map((c) => `${c.date} ${c.message}`).join('; ')}`,
            )
          plans += 1
          booked.push(...result.sessions.map((session) => ({ visiting: spec.visiting, session })))
        },
      },
    ]
  })

  // Attendance is recorded on the evening of each day the centre has sessions.
  const recordedAt = (date: string) => at(date, '18:00')
  const pastOf = (visiting: string) =>
    booked
      .filter((b) => b.visiting === visiting && isPast(recordedAt(b.session.date)))
      .map((b) => b.session)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const cancelled = new Set<string>()
  const days: StoryStep[] = []
  for (let date = addDays(firstSunday, -1); date <= today; date = addDays(date, 1)) {
    const day = date
    const morning = at(day, '07:30')
    if (isPast(morning))
      days.push({
        at: morning,
        run: async () => {
          const session = pastOf(SHORT_NOTICE.visiting).at(SHORT_NOTICE.nth)
          if (session?.date !== day) return
          await cancelSession(deps, actor, session.id, SHORT_NOTICE.input)
          cancelled.add(session.id)
        },
      })
    if (isPast(recordedAt(day)))
      days.push({
        at: recordedAt(day),
        run: async () => {
          for (const { visiting, session } of booked) {
            if (session.date !== day || cancelled.has(session.id)) continue
            const past = pastOf(visiting)
            const event = EVENTS.find((e) => e.visiting === visiting && past.at(e.nth)?.id === session.id)
            await recordOutcome(deps, actor, session.id, event?.outcome ?? ATTENDED)
          }
        },
      })
  }

  const moveStep: StoryStep = {
    at: at(addDays(today, -1), '11:00'),
    run: async () => {
      const session = need(
        booked
          .filter((b) => b.visiting === MOVED.visiting && b.session.date > today)
          .map((b) => b.session)
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0],
        `${MOVED.visiting}’s next session`,
      )
      await moveSession(
        deps,
        actor,
        session.id,
        MoveSessionSchema.parse({
          date: session.date,
          startsAt: MOVED.startsAt,
          version: session.version,
          reason: MOVED.reason,
        }),
      )
    },
  }

  return {
    steps: [[setUp], ...planSteps, days, [moveStep]],
    summary: () => ({ contactPlans: plans, sessionsBooked: booked.length }),
  }
}
