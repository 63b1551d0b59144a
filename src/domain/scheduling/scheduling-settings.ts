import type { Db } from '../../db/connect'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import {
  SchedulingSettingsSchema,
  type SchedulingSettings,
  type UpdateSchedulingSettingsSchema,
} from './scheduling.schemas'
import type { z } from 'zod'

/** The organisation's scheduling rules, with the documented default for anything never set. */
export async function loadSchedulingSettings(db: Db, scope: Scope): Promise<SchedulingSettings> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('scheduling')
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  const parsed = SchedulingSettingsSchema.safeParse(row?.scheduling ? JSON.parse(row.scheduling) : {})
  return parsed.success ? parsed.data : SchedulingSettingsSchema.parse({})
}

export const getSchedulingSettings = (deps: Deps, actor: Actor): Promise<SchedulingSettings> =>
  loadSchedulingSettings(deps.db, scopeOf(actor))

/** Changes some scheduling rules; the rest keep their values. */
export async function updateSchedulingSettings(
  deps: Deps,
  actor: Actor,
  changes: z.infer<typeof UpdateSchedulingSettingsSchema>,
): Promise<SchedulingSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const next = SchedulingSettingsSchema.parse({ ...(await loadSchedulingSettings(trx, scope)), ...changes })
    const now = deps.clock.now().toISOString()
    const scheduling = JSON.stringify(next)
    await trx
      .insertInto('organisation_settings')
      .values({ organisation_id: scope.organisationId, intake: '{}', scheduling, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ scheduling, updated_at: now }))
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'scheduling.settings.update',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { fields: Object.keys(changes) },
    })
    return next
  })
}
