import { listPlansOfCase } from '../../db/repositories/schedule.repository'
import { scopeOf, type Actor } from '../access/actor'
import { localDateIn } from '../cases/cases.rules'
import type { Deps } from '../context'
import { getCentre } from '../organisation/manage-centres'
import type { VenueView } from '../organisation/organisation.schemas'
import { addParty, updateParty } from '../referrals/manage-parties'
import { AddPartySchema, UpdatePartySchema, type SafetyFlag } from '../referrals/parties.schemas'
import { createOpening, listVenueOpenings } from '../scheduling/openings'
import { createPlan, previewPlan } from '../scheduling/plans'
import { openingRunsOn, weekdayOf } from '../scheduling/schedule.rules'
import {
  ArrivalRulesSchema,
  CreateOpeningSchema,
  CreatePlanSchema,
  type CreatePlanInput,
  type OpeningView,
} from '../scheduling/scheduling.schemas'
import { setOpeningStaffing } from '../volunteers/rota'
import { crewActor, familyCase, type FamilyCase, type SessionDayCrew } from './demo-family-case'
import { DEMO_ORGANISATION } from './demo-organisation'
import {
  DESCRIPTIONS,
  EXTRA_OPENING,
  EXTRA_SESSION_NOTE,
  NOT_ALLOWED,
  SAFETY_FLAGS,
  TODAY_FAMILIES,
  type TodayFamily,
} from './demo-session-day'
import { SUNDAY_STAFFING } from './demo-volunteers'
import { seedSessionHistory, type DemoSessionHistorySummary } from './seed-demo-session-history'
import { staffToday } from './seed-demo-today-rota'

export interface DemoSessionDaySummary {
  date: string
  /** The opening the day's sessions fall in; null when the centre is closed that day. */
  openingId: string | null
  /** True when the school does not open that day anyway and a one-day opening was added. */
  extraOpening: boolean
  /** The day's sessions of the families on the board, booked for the day or already in their series. */
  sessionIds: string[]
  history: DemoSessionHistorySummary
}

const HELD = new Set(['scheduled', 'completed', 'did_not_attend'])

/** The school's opening that runs today: its own, or a one-day opening with the Sunday team. */
async function openingOfToday(
  deps: Deps,
  desk: Actor,
  school: VenueView,
  today: string,
): Promise<{ opening: OpeningView; extra: boolean } | null> {
  const { openings, closures } = await listVenueOpenings(deps, desk, school.id)
  if (closures.some((c) => c.firstDay <= today && today <= c.lastDay)) return null
  const running = openings.find((o) => !o.archived && openingRunsOn(o, today))
  if (running) return { opening: running, extra: false }
  const opening = await createOpening(
    deps,
    desk,
    school.id,
    CreateOpeningSchema.parse({
      weekday: weekdayOf(today),
      startsAt: EXTRA_OPENING.startsAt,
      endsAt: EXTRA_OPENING.endsAt,
      firstOn: today,
      lastOn: today,
      capacityUnits: EXTRA_OPENING.capacityUnits,
    }),
  )
  await setOpeningStaffing(deps, desk, opening.id, { ...SUNDAY_STAFFING })
  return { opening, extra: true }
}

/** The family's session today: the one its series already has, or an extra one booked for it. */
async function sessionOfToday(
  deps: Deps,
  desk: Actor,
  school: VenueView,
  today: string,
  spec: TodayFamily,
  family: FamilyCase,
): Promise<string> {
  const held = family.sessions.find(
    (s) => s.local_date === today && s.venue_id === school.id && HELD.has(s.status),
  )
  if (held) return held.id
  const plan = (await listPlansOfCase(deps.db, scopeOf(desk), family.id)).find((p) => p.status === 'active')
  if (!plan) throw new Error(`demo: ${spec.visiting} has no contact plan`)
  const room = school.rooms.find((r) => r.name === spec.room)
  if (!room) throw new Error(`demo: the ${spec.room} is missing`)
  // The family's own arrival plan: who comes first, and each parent's entrance and waiting area.
  const arrival = ArrivalRulesSchema.parse(JSON.parse(plan.arrival))
  const inputAt = (startsAt: string): CreatePlanInput =>
    CreatePlanSchema.parse({
      serviceType: plan.service_type,
      frequency: 'one_off',
      firstOn: today,
      lastOn: today,
      startsAt,
      durationMinutes: spec.durationMinutes,
      venueId: school.id,
      roomId: room.id,
      arrival: {
        firstArrivingParty: arrival.firstArrivingParty,
        resident: arrival.resident,
        nonResident: arrival.nonResident,
      },
      notes: EXTRA_SESSION_NOTE,
    })
  for (const startsAt of spec.startsAt) {
    const preview = await previewPlan(deps, desk, family.id, inputAt(startsAt))
    if (preview.readiness.length > 0 || preview.occurrences.some((o) => o.conflicts.length > 0)) continue
    const booked = await createPlan(deps, desk, family.id, inputAt(startsAt))
    const session = booked.sessions[0]
    if (session) return session.id
  }
  throw new Error(`demo: no time today suits the family of ${spec.visiting}`)
}

/** What the door needs to know about the day's families: descriptions, flags, who must not come. */
async function describePeople(deps: Deps, desk: Actor, families: readonly FamilyCase[]): Promise<void> {
  for (const family of families)
    for (const person of family.parties) {
      const description = DESCRIPTIONS[person.full_name]
      const flags = SAFETY_FLAGS[person.full_name]
      if (!description && !flags) continue
      const held = JSON.parse(person.safety_flags) as SafetyFlag[]
      await updateParty(
        deps,
        desk,
        person.id,
        UpdatePartySchema.parse({
          ...(description ? { details: { description } } : {}),
          ...(flags ? { safetyFlags: [...new Set([...held, ...flags])] } : {}),
        }),
      )
    }
  const barred = families.find((f) =>
    f.parties.some((p) => p.role === 'non_resident_parent' && p.full_name === NOT_ALLOWED.visiting),
  )
  if (!barred) throw new Error(`demo: the family of ${NOT_ALLOWED.visiting} is not on today’s board`)
  await addParty(deps, desk, barred.referralId, AddPartySchema.parse(NOT_ALLOWED.person))
}

/**
 * Makes the day the demo is seeded a session day at the school, whatever the weekday: a one-day
 * opening with the Sunday team unless the school opens anyway; two supported families in the family
 * room in the morning and a supervised family in the quiet room after lunch (their sessions that day
 * if their series has them, else an extra session each through the booking rules); who may and may
 * not come, with descriptions for the door; the demo volunteer and colleagues on the day's rota.
 * Then the weeks behind it (see seedSessionHistory). A day the centre is closed (Christmas, the
 * school's Easter weekend) stays closed: no opening, sessions or shifts are added that day.
 * `deps.db` must be the seed's transaction, joined (see joinTransaction).
 */
export async function seedDemoSessionDay(deps: Deps, crew: SessionDayCrew): Promise<DemoSessionDaySummary> {
  const today = localDateIn(DEMO_ORGANISATION.timeZone, deps.clock.now())
  const desk = crewActor(crew, 'coordinator')
  const centre = await getCentre(deps, desk, crew.centreId)
  const school = centre.venues.find((v) => !v.archived)
  if (!school) throw new Error('demo: the school is missing')
  const day = await openingOfToday(deps, desk, school, today)
  const sessionIds: string[] = []
  const families: FamilyCase[] = []
  for (const spec of TODAY_FAMILIES) {
    const family = await familyCase(deps.db, crew, spec.visiting)
    if (day) sessionIds.push(await sessionOfToday(deps, desk, school, today, spec, family))
    families.push(family)
  }
  await describePeople(deps, desk, families)
  if (day) await staffToday(deps, crew, today, day.opening.id)
  const history = await seedSessionHistory(deps, crew, today)
  return {
    date: today,
    openingId: day?.opening.id ?? null,
    extraOpening: day?.extra ?? false,
    sessionIds,
    history,
  }
}
