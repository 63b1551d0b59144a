import type { z } from 'zod'
import type { Db } from '../../db/connect'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import {
  SessionDaySettingsSchema,
  type SessionDaySettings,
  type UpdateSessionDaySettingsSchema,
} from './session-day.schemas'

/** The documented defaults (domain rules 3.14, 4.4, 5.2, 5.8): every one is a setting. */
export const SESSION_DAY_DEFAULTS: SessionDaySettings = {
  referrerNoticeTime: '10:00',
  referrerNoticeWorkingDays: 1,
  observationDueWorkingDays: 5,
  lateAfterMinutes: 10,
  zeroToleranceCategories: ['aggression', 'intoxication', 'attempted_abduction'],
  warningsBeforeSuspension: 2,
  feedbackOn: true,
}

/** The organisation's session-day rules, with the default for anything never set. */
export async function loadSessionDaySettings(db: Db, scope: Scope): Promise<SessionDaySettings> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('session_day')
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst()
  const stored: unknown = row?.session_day ? JSON.parse(row.session_day) : {}
  const parsed = SessionDaySettingsSchema.safeParse({ ...SESSION_DAY_DEFAULTS, ...(stored as object) })
  return parsed.success ? parsed.data : SESSION_DAY_DEFAULTS
}

export const getSessionDaySettings = (deps: Deps, actor: Actor): Promise<SessionDaySettings> =>
  loadSessionDaySettings(deps.db, scopeOf(actor))

/** Changes some session-day rules; the rest keep their values. */
export async function updateSessionDaySettings(
  deps: Deps,
  actor: Actor,
  changes: z.infer<typeof UpdateSessionDaySettingsSchema>,
): Promise<SessionDaySettings> {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const next = SessionDaySettingsSchema.parse({ ...(await loadSessionDaySettings(trx, scope)), ...changes })
    const now = deps.clock.now().toISOString()
    const sessionDay = JSON.stringify(next)
    await trx
      .insertInto('organisation_settings')
      .values({
        organisation_id: scope.organisationId,
        intake: '{}',
        session_day: sessionDay,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('organisation_id').doUpdateSet({ session_day: sessionDay, updated_at: now }),
      )
      .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'session_day.settings.update',
      resourceType: 'organisation',
      resourceIds: [actor.organisationId],
      details: { fields: Object.keys(changes) },
    })
    return next
  })
}
