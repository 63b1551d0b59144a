import type { z } from 'zod'
import type { Actor } from '../access/actor'
import type { Deps } from '../context'
import { assignVolunteer, candidatesFor, getRota, unassign } from '../volunteers/rota'
import { addException } from '../volunteers/self-service'
import {
  AddExceptionSchema,
  AssignSchema,
  type Duty,
  type RotaProblem,
  type RotaSchema,
} from '../volunteers/volunteers.schemas'
import { crewActor, type SessionDayCrew } from './demo-family-case'
import { EXTRA_DAY_CREW, EXTRA_DAY_NOTE } from './demo-session-day'

type Shift = z.infer<typeof RotaSchema>['shifts'][number]
type Position = Shift['positions'][number]

interface Day {
  deps: Deps
  desk: Actor
  crew: SessionDayCrew
  today: string
  openingId: string
}

async function shiftOf(day: Day): Promise<Shift> {
  const rota = await getRota(day.deps, day.desk, day.crew.centreId, day.today, day.today)
  const shift = rota.shifts.find((s) => s.openingId === day.openingId)
  if (!shift) throw new Error('demo: today’s shift at the school is missing')
  return shift
}

async function problemsOf(day: Day, shift: Shift, position: Position, volunteerId: string) {
  const { candidates } = await candidatesFor(day.deps, day.desk, day.crew.centreId, {
    shiftKey: shift.key,
    duty: position.duty,
    ...(position.sessionId ? { sessionId: position.sessionId } : {}),
  })
  return candidates.find((c) => c.volunteerId === volunteerId)?.problems ?? null
}

/** Places a volunteer whom no hard rule stops; one who had not said they are free that day offers to. */
async function place(
  day: Day,
  shift: Shift,
  position: Position,
  volunteerId: string,
  problems: RotaProblem[],
) {
  if (problems.some((p) => p.rule === 'ROTA-AVAILABILITY'))
    await addException(
      day.deps,
      day.desk,
      volunteerId,
      AddExceptionSchema.parse({
        firstDay: day.today,
        lastDay: day.today,
        kind: 'available',
        note: EXTRA_DAY_NOTE,
      }),
    )
  await assignVolunteer(
    day.deps,
    day.desk,
    day.crew.centreId,
    AssignSchema.parse({
      shiftKey: shift.key,
      duty: position.duty,
      sessionId: position.sessionId,
      volunteerId,
      override: true,
    }),
  )
}

/** Frees a floor place for the demo volunteer: someone who mentors no one on the shift stands down. */
async function makeRoom(day: Day, shift: Shift, position: Position): Promise<void> {
  const onShift = shift.positions.flatMap((p) => p.assigned.map((a) => a.volunteerId))
  const mentors = await day.deps.db
    .selectFrom('volunteers')
    .select('mentor_id')
    .where('organisation_id', '=', day.crew.organisationId)
    .where('id', 'in', onShift)
    .execute()
  const mentoring = new Set(mentors.map((m) => m.mentor_id))
  const standing = position.assigned
    .filter((a) => !mentoring.has(a.volunteerId))
    .sort((a, b) => a.fullName.localeCompare(b.fullName))
    .at(-1)
  if (standing) await unassign(day.deps, day.desk, standing.assignmentId)
}

/** The demo volunteer's own place: team leader if she leads teams, else on the floor. */
async function placeDemoVolunteer(day: Day, volunteerId: string): Promise<void> {
  const duties: Duty[] = ['team_leader', 'floor']
  for (const duty of duties) {
    const shift = await shiftOf(day)
    if (shift.positions.some((p) => p.assigned.some((a) => a.volunteerId === volunteerId))) return
    const position = shift.positions.find((p) => p.duty === duty && p.sessionId === null)
    if (!position) continue
    let problems = (await problemsOf(day, shift, position, volunteerId)) ?? []
    const hard = problems.filter((p) => p.hard)
    if (duty === 'floor' && hard.length > 0 && hard.every((p) => p.rule === 'ROTA-FULL')) {
      await makeRoom(day, shift, position)
      problems = (await problemsOf(day, await shiftOf(day), position, volunteerId)) ?? []
    }
    if (problems.some((p) => p.hard)) continue
    await place(day, await shiftOf(day), position, volunteerId, problems)
    return
  }
  // On a prison-visit Wednesday she is escorting instead: that shift opens the board to her too.
  const elsewhere = await day.deps.db
    .selectFrom('rota_assignments')
    .select('id')
    .where('organisation_id', '=', day.crew.organisationId)
    .where('volunteer_id', '=', volunteerId)
    .where('on_date', '=', day.today)
    .where('status', '=', 'assigned')
    .executeTakeFirst()
  if (!elsewhere) throw new Error('demo: the demo volunteer cannot be put on today’s rota')
}

/** Fills each open place of the shift from the colleagues asked first for that duty. */
async function fillPlaces(day: Day): Promise<void> {
  const initial = await shiftOf(day)
  for (const [index, initialPosition] of initial.positions.entries()) {
    const shift = await shiftOf(day)
    const position = shift.positions[index] ?? initialPosition
    let open = position.needed - position.assigned.length
    if (open <= 0) continue
    const { candidates } = await candidatesFor(day.deps, day.desk, day.crew.centreId, {
      shiftKey: shift.key,
      duty: position.duty,
      ...(position.sessionId ? { sessionId: position.sessionId } : {}),
    })
    for (const name of EXTRA_DAY_CREW[position.duty]) {
      const candidate = candidates.find((c) => c.fullName === name)
      if (open <= 0 || !candidate?.allowed) continue
      await place(day, shift, position, candidate.volunteerId, candidate.problems)
      open -= 1
    }
  }
}

/**
 * The day's team at the school: the demo volunteer (so her login opens the Today board), then
 * colleagues in every place still open, through the rota's own rules. Someone asked to work a day
 * they had not offered records that they offered this one.
 */
export async function staffToday(
  deps: Deps,
  crew: SessionDayCrew,
  today: string,
  openingId: string,
): Promise<void> {
  const day: Day = { deps, desk: crewActor(crew, 'coordinator'), crew, today, openingId }
  const demoVolunteer = await deps.db
    .selectFrom('volunteers')
    .select('id')
    .where('organisation_id', '=', crew.organisationId)
    .where('centre_id', '=', crew.centreId)
    .where('user_id', '=', crew.userIds.volunteer)
    .executeTakeFirst()
  if (!demoVolunteer) throw new Error('demo: the demo volunteer is missing')
  await placeDemoVolunteer(day, demoVolunteer.id)
  await fillPlaces(day)
}
