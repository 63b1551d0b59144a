import type { z } from 'zod'
import type { Db } from '../../db/connect'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import {
  VolunteeringSettingsSchema,
  type UpdateVolunteeringSettingsSchema,
  type VolunteeringSettings,
} from './volunteers.schemas'

/** The organisation's volunteering rules, with the documented default for anything never set. */
export async function loadVolunteeringSettings(db: Db, scope: Scope): Promise<VolunteeringSettings> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('volunteering')
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  const parsed = VolunteeringSettingsSchema.safeParse(row?.volunteering ? JSON.parse(row.volunteering) : {})
  return parsed.success ? parsed.data : VolunteeringSettingsSchema.parse({})
}

export const getVolunteeringSettings = (deps: Deps, actor: Actor): Promise<VolunteeringSettings> =>
  loadVolunteeringSettings(deps.db, scopeOf(actor))

/** Changes some volunteering rules; the rest keep their values. */
export async function updateVolunteeringSettings(
  deps: Deps,
  actor: Actor,
  changes: z.infer<typeof UpdateVolunteeringSettingsSchema>,
): Promise<VolunteeringSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const next = VolunteeringSettingsSchema.parse({
      ...(await loadVolunteeringSettings(trx, scope)),
      ...changes,
    })
    next.alertDays = [...new Set(next.alertDays)].sort((a, b) => b - a)
    const now = deps.clock.now().toISOString()
    const volunteering = JSON.stringify(next)
    await trx
      .insertInto('organisation_settings')
      .values({ organisation_id: scope.organisationId, intake: '{}', volunteering, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ volunteering, updated_at: now }))
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'volunteering.settings.update',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { fields: Object.keys(changes) },
    })
    return next
  })
}
