import { listCentres } from '../../db/repositories/organisations.repository'
import {
  listAssignmentsOfVolunteer,
  listVolunteersOfUser,
  shiftPlaces,
} from '../../db/repositories/volunteers.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { localParts, plusDays } from '../scheduling/schedule.rules'
import { DUTY_LABELS } from './volunteer.rules'
import type { Duty } from './volunteers.schemas'

/**
 * The shifts a person works, as calendar events for their private feed: the duty, the place and,
 * for a supervisor or an escort, the case's reference only (calendars are copied to phones and clouds).
 */
export async function volunteerShifts(deps: Deps, actor: Actor) {
  if (!actor.userId) return []
  const scope = scopeOf(actor)
  const mine = await listVolunteersOfUser(deps.db, scope, actor.userId)
  if (mine.length === 0) return []
  const centres = new Map((await listCentres(deps.db, scope)).map((c) => [c.id, c]))
  const events = []
  for (const volunteer of mine) {
    const centre = centres.get(volunteer.centre_id)
    if (!centre) continue
    const today = localParts(deps.clock.now().toISOString(), centre.time_zone).date
    const assignments = await listAssignmentsOfVolunteer(
      deps.db,
      scope,
      volunteer.id,
      plusDays(today, -14),
      plusDays(today, 180),
    )
    const { venues, references } = await shiftPlaces(deps.db, scope, centre.id, assignments)
    for (const a of assignments) {
      const duty = DUTY_LABELS[a.duty as Duty]
      const reference = a.session_id ? references.get(a.session_id) : undefined
      const place = a.venue_id ? (venues.get(a.venue_id) ?? centre.name) : 'Off site'
      events.push({
        id: a.id,
        timeZone: centre.time_zone,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        body: {
          summary: `${duty}${reference ? ` · ${reference}` : ''} · ${centre.name}`,
          description: `Your shift as ${duty.toLowerCase()}${reference ? ` for ${reference}` : ''}. Arrive in time for the team briefing.`,
          location: place,
        },
      })
    }
  }
  return events
}
