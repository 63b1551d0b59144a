import { findCentre } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { localParts, plusDays, weekdayOf } from '../scheduling/schedule.rules'
import { loadRotaContext } from './rota'
import { canManageVolunteers } from './team'
import { blockingFor, PIPELINE_STAGES, ROSTERABLE_STAGES } from './volunteer.rules'
import { VOLUNTEER_STAGES, type RequirementStatus, type VolunteerStage } from './volunteers.schemas'

const HORIZON_WEEKS = 8
const EXPIRING_DAYS = 90

/**
 * Staffing at a glance: the team against its target, who is leaving and who is on the way in, places
 * on shifts unfilled in the next eight weeks, and requirements lapsing in the next ninety days.
 */
export async function staffingOverview(deps: Deps, actor: Actor, centreId: string) {
  if (!canManageVolunteers(actor, centreId)) throw notFound('Centre')
  const centre = await findCentre(deps.db, scopeOf(actor), centreId)
  if (!centre) throw notFound('Centre')
  const today = localParts(deps.clock.now().toISOString(), centre.time_zone).date
  const until = plusDays(today, HORIZON_WEEKS * 7 - 1)
  const { team, shifts, world } = await loadRotaContext(deps.db, deps, actor, centreId, today, until)
  const stageOf = (v: { stage: string }) => v.stage as VolunteerStage
  const count = (stages: readonly VolunteerStage[]) =>
    team.volunteers.filter((v) => stages.includes(stageOf(v))).length
  const weekOf = (date: string) => plusDays(date, 1 - weekdayOf(date))
  const weeks = new Map<string, { positions: number; unfilled: number }>()
  for (let d = weekOf(today); d <= until; d = plusDays(d, 7)) weeks.set(d, { positions: 0, unfilled: 0 })
  let unfilledShifts = 0
  for (const shift of shifts) {
    const week = weeks.get(weekOf(shift.date))
    for (const position of shift.positions) {
      const filled = world.assignments.filter(
        (a) => a.shiftKey === shift.key && a.duty === position.duty && a.sessionId === position.sessionId,
      ).length
      const open = Math.max(0, position.needed - filled)
      unfilledShifts += open
      if (week) {
        week.positions += position.needed
        week.unfilled += open
      }
    }
  }
  const horizon = plusDays(today, EXPIRING_DAYS)
  const expiring: {
    volunteerId: string
    fullName: string
    requirement: string
    status: RequirementStatus
    on: string
  }[] = []
  let blocked = 0
  for (const v of team.volunteers) {
    if (!ROSTERABLE_STAGES.includes(stageOf(v)) && stageOf(v) !== 'training') continue
    const states = team.statesOn(v.id, today)
    if (
      ROSTERABLE_STAGES.includes(stageOf(v)) &&
      blockingFor(states, 'floor').some((s) => s.gates.includes('*'))
    )
      blocked += 1
    for (const s of states) {
      const on = s.status === 'due' || s.status === 'overdue' ? s.dueOn : s.expiresOn
      if (!on || on > horizon) continue
      if (['expiring', 'expired', 'renewal', 'due', 'overdue', 'ok'].includes(s.status))
        expiring.push({
          volunteerId: v.id,
          fullName: v.full_name,
          requirement: s.title,
          status: s.status,
          on,
        })
    }
  }
  expiring.sort((a, b) => a.on.localeCompare(b.on) || a.fullName.localeCompare(b.fullName))
  return {
    asOf: today,
    target: team.centre.target_volunteers ?? team.settings.targetHeadcount,
    active: count(['mentored', 'active']),
    leaving: count(['leaving']),
    pipeline: count(PIPELINE_STAGES),
    byStage: VOLUNTEER_STAGES.map((stage) => ({ stage, count: count([stage]) })),
    unfilledShifts,
    unfilledByWeek: [...weeks.entries()].map(([weekOf, w]) => ({ weekOf, ...w })),
    expiring,
    blocked,
  }
}
