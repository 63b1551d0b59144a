import type { Db } from '../../db/connect'
import { findIntakeSettings, saveIntakeSettings } from '../../db/repositories/intake.repository'
import { listCentres } from '../../db/repositories/organisations.repository'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { canSeeCentre } from '../organisation/organisation.policy'
import { hasRole } from '../access/actor'
import { IntakeSettingsSchema, type IntakeSettings } from './intake.schemas'

/** The organisation's intake rules, with the documented default for anything never set. */
export async function loadIntakeSettings(db: Db, scope: Scope): Promise<IntakeSettings> {
  const stored = await findIntakeSettings(db, scope)
  const parsed = IntakeSettingsSchema.safeParse(stored ? JSON.parse(stored) : {})
  return parsed.success ? parsed.data : IntakeSettingsSchema.parse({})
}

export const sourceLabel = (settings: IntakeSettings, code: string): string =>
  settings.referralSources.find((s) => s.code === code)?.label ?? code

export async function getIntakeSettings(deps: Deps, actor: Actor): Promise<IntakeSettings> {
  return loadIntakeSettings(deps.db, scopeOf(actor))
}

/**
 * Changes some of the intake rules; the rest keep their values.
 * @throws AppError INVALID_INPUT when a source code appears twice.
 */
export async function updateIntakeSettings(
  deps: Deps,
  actor: Actor,
  changes: Partial<IntakeSettings>,
): Promise<IntakeSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await loadIntakeSettings(trx, scopeOf(actor))
    const next = IntakeSettingsSchema.parse({ ...current, ...changes })
    const codes = next.referralSources.map((s) => s.code)
    if (new Set(codes).size !== codes.length)
      throw new AppError('INVALID_INPUT', 'Each referral source needs its own code', {
        field: 'referralSources',
      })
    await saveIntakeSettings(trx, scopeOf(actor), JSON.stringify(next), deps.clock.now().toISOString())
    await auditAs(trx, deps.clock, actor, {
      action: 'intake.settings.update',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { fields: Object.keys(changes) },
    })
    return next
  })
}

/** What a referral form offers: the centres this person may refer to and the sources. */
export async function getIntakeOptions(
  deps: Deps,
  actor: Actor,
): Promise<{ centres: { id: string; name: string }[]; referralSources: IntakeSettings['referralSources'] }> {
  const scope = scopeOf(actor)
  const settings = await loadIntakeSettings(deps.db, scope)
  const centres = (await listCentres(deps.db, scope)).filter(
    (centre) => hasRole(actor, 'referrer') || canSeeCentre(actor, centre.id),
  )
  return {
    centres: centres.map((c) => ({ id: c.id, name: c.name })),
    referralSources: settings.referralSources,
  }
}
