import { listActiveLoad } from '../../db/repositories/cases.repository'
import { findCentre } from '../../db/repositories/organisations.repository'
import { listPartiesOfReferrals } from '../../db/repositories/parties.repository'
import { listWaitlisted } from '../../db/repositories/referrals.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { notFound } from '../errors'
import { loadIntakeSettings } from '../intake/intake-settings'
import { familyLabel } from '../referrals/referrals.presenter'
import { isDesk } from '../referrals/referrals.policy'
import { ContactLevelSchema, type WaitingList } from './cases.schemas'
import { capacityWeight, expectedWaitWeeks, localDateIn } from './cases.rules'

const needsCare = (details: string): boolean => {
  const needs = JSON.parse(details) as { feedingHelp?: boolean; changingHelp?: boolean }
  return needs.feedingHelp === true || needs.changingHelp === true
}

/**
 * The families waiting for a place at a centre, in the order they joined, with the capacity the
 * centre has (weighted by the input each family needs) and the expected wait for each.
 * @throws AppError NOT_FOUND outside the actor's centres.
 */
export async function getWaitingList(deps: Deps, actor: Actor, centreId: string): Promise<WaitingList> {
  const scope = scopeOf(actor)
  const centre = await findCentre(deps.db, scope, centreId)
  if (!centre || !isDesk(actor, centre.id)) throw notFound('Centre')
  const [settings, load, waiting] = await Promise.all([
    loadIntakeSettings(deps.db, scope),
    listActiveLoad(deps.db, scope, centre.id),
    listWaitlisted(deps.db, scope, centre.id),
  ])
  const parties = await listPartiesOfReferrals(
    deps.db,
    scope,
    waiting.map((w) => w.id),
  )
  const today = localDateIn(centre.time_zone, deps.clock.now())
  const used = load.reduce((sum, c) => sum + c.capacity_weight, 0)
  const available = Math.max(0, settings.centreCapacityUnits - used)
  const opened = load.map((c) => localDateIn(centre.time_zone, new Date(c.opened_at)))
  return {
    centreId: centre.id,
    capacity: { units: settings.centreCapacityUnits, used, available },
    entries: waiting.map((row, index) => {
      const own = parties.filter((p) => p.referral_id === row.id)
      const level = ContactLevelSchema.catch('supported').parse(row.accepted_level ?? row.service_requested)
      const weight = capacityWeight(
        level,
        own.filter((p) => p.kind === 'child' && needsCare(p.details)).length,
        settings,
      )
      return {
        referralId: row.id,
        reference: row.reference,
        position: index + 1,
        familyLabel: familyLabel(own),
        serviceRequested: level,
        waitlistedAt: row.waitlisted_at ?? row.status_changed_at,
        weight,
        expectedWaitWeeks:
          weight <= available ? 0 : expectedWaitWeeks(index + 1, opened, today, settings.typicalCaseWeeks),
        fitsNow: weight <= available,
      }
    }),
  }
}
