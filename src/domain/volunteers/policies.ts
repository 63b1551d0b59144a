import type { z } from 'zod'
import type { Db } from '../../db/connect'
import {
  listAcknowledgements,
  listPolicies,
  listPolicyVersions,
  listVolunteers,
  listVolunteersOfUser,
  type VolunteerRow,
} from '../../db/repositories/volunteers.repository'
import { listCentres } from '../../db/repositories/organisations.repository'
import { hasRole, scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { assertCan } from '../organisation/organisation.policy'
import { deskCentreIds } from '../referrals/referrals.policy'
import { localParts } from '../scheduling/schedule.rules'
import { newId } from '../shared/ids'
import { ensureVolunteeringDefaults } from './defaults'
import type { CreatePolicySchema, PublishPolicyVersionSchema } from './volunteers.schemas'

const isAnyDesk = (actor: Actor) => hasRole(actor, 'admin', 'coordinator')

/** The volunteer records of the signed-in person, still with a centre. */
export async function myVolunteerRows(db: Db, actor: Actor): Promise<VolunteerRow[]> {
  if (!actor.userId) return []
  return listVolunteersOfUser(db, scopeOf(actor), actor.userId)
}

/** Policies with their current version and how many of the team have acknowledged it. */
export async function listPoliciesOf(deps: Deps, actor: Actor) {
  assertCan(isAnyDesk(actor))
  const scope = scopeOf(actor)
  await ensureVolunteeringDefaults(deps.db, deps.clock, actor.organisationId)
  const centreIds = deskCentreIds(actor) ?? (await listCentres(deps.db, scope)).map((c) => c.id)
  const team = (await listVolunteers(deps.db, scope, centreIds)).filter((v) =>
    ['training', 'mentored', 'active', 'leaving'].includes(v.stage),
  )
  const [policies, versions, acks] = await Promise.all([
    listPolicies(deps.db, scope),
    listPolicyVersions(deps.db, scope),
    listAcknowledgements(
      deps.db,
      scope,
      team.map((v) => v.id),
    ),
  ])
  return {
    policies: policies.map((p) => {
      const current = versions.find((v) => v.policy_id === p.id)
      const acknowledged = new Set(
        acks.filter((a) => a.policy_version_id === current?.id).map((a) => a.volunteer_id),
      )
      return {
        id: p.id,
        title: p.title,
        mustRead: p.must_read === 1,
        currentVersion: current
          ? {
              id: current.id,
              version: current.version,
              publishedOn: current.published_on,
              changes: current.changes,
            }
          : null,
        acknowledged: acknowledged.size,
        outstanding: team.filter((v) => !acknowledged.has(v.id)).length,
      }
    }),
  }
}

/** Adds a policy with its first version. */
export async function createPolicy(deps: Deps, actor: Actor, input: z.infer<typeof CreatePolicySchema>) {
  assertCan(hasRole(actor, 'admin'))
  return deps.db.transaction().execute(async (trx) => {
    await ensureVolunteeringDefaults(trx, deps.clock, actor.organisationId)
    const now = deps.clock.now().toISOString()
    const policyId = newId()
    const existing = await listPolicies(trx, scopeOf(actor))
    await trx
      .insertInto('policies')
      .values({
        id: policyId,
        organisation_id: actor.organisationId,
        title: input.title,
        must_read: input.mustRead ? 1 : 0,
        sort_order: Math.max(0, ...existing.map((p) => p.sort_order)) + 10,
        archived_at: null,
        created_at: now,
      })
      .execute()
    const versionId = await insertVersion(trx, actor, policyId, 1, input.body, null, now)
    await auditAs(trx, deps.clock, actor, {
      action: 'policy.create',
      resourceType: 'policy',
      resourceIds: [policyId, versionId],
    })
    return { id: policyId, versionId }
  })
}

async function insertVersion(
  db: Db,
  actor: Actor,
  policyId: string,
  version: number,
  body: string,
  changes: string | null,
  now: string,
): Promise<string> {
  const id = newId()
  await db
    .insertInto('policy_versions')
    .values({
      id,
      organisation_id: actor.organisationId,
      policy_id: policyId,
      version,
      body,
      changes,
      published_on: now.slice(0, 10),
      published_by_user_id: actor.userId,
      created_at: now,
    })
    .execute()
  return id
}

/** Publishes a new version: every volunteer is asked to read and acknowledge it again. */
export async function publishPolicyVersion(
  deps: Deps,
  actor: Actor,
  policyId: string,
  input: z.infer<typeof PublishPolicyVersionSchema>,
) {
  assertCan(hasRole(actor, 'admin'))
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const policy = (await listPolicies(trx, scope)).find((p) => p.id === policyId)
    if (!policy) throw notFound('Policy')
    const latest = (await listPolicyVersions(trx, scope)).find((v) => v.policy_id === policyId)
    const now = deps.clock.now().toISOString()
    const version = (latest?.version ?? 0) + 1
    const versionId = await insertVersion(trx, actor, policyId, version, input.body, input.changes, now)
    await auditAs(trx, deps.clock, actor, {
      action: 'policy.publish',
      resourceType: 'policy',
      resourceIds: [policyId, versionId],
      details: { version },
    })
    return { id: policyId, versionId, version }
  })
}

/** The current text of a policy, for the desk or a volunteer, with when the reader acknowledged it. */
export async function readPolicy(deps: Deps, actor: Actor, policyId: string) {
  const scope = scopeOf(actor)
  const mine = await myVolunteerRows(deps.db, actor)
  if (!isAnyDesk(actor) && mine.length === 0) throw notFound('Policy')
  const policy = (await listPolicies(deps.db, scope)).find((p) => p.id === policyId)
  const current = (await listPolicyVersions(deps.db, scope)).find((v) => v.policy_id === policyId)
  if (!policy || !current) throw notFound('Policy')
  const acks = await listAcknowledgements(
    deps.db,
    scope,
    mine.map((v) => v.id),
  )
  return {
    policyId: policy.id,
    title: policy.title,
    versionId: current.id,
    version: current.version,
    publishedOn: current.published_on,
    changes: current.changes,
    body: current.body,
    acknowledgedAt: acks.find((a) => a.policy_version_id === current.id)?.acknowledged_at ?? null,
  }
}

/**
 * The signed-in volunteer acknowledges the current version of a policy: "I have read and understood
 * it". Acknowledging an old version is refused, so what is recorded is what they were shown.
 */
export async function acknowledgePolicy(deps: Deps, actor: Actor, policyId: string, versionId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const scope = scopeOf(actor)
    const mine = await myVolunteerRows(trx, actor)
    if (mine.length === 0) throw notFound('Policy')
    const current = (await listPolicyVersions(trx, scope)).find((v) => v.policy_id === policyId)
    if (!current) throw notFound('Policy')
    if (current.id !== versionId)
      throw new AppError('CONFLICT', 'A newer version of this policy has been published; read that one', {
        rule: 'STALE',
        currentVersionId: current.id,
      })
    const now = deps.clock.now().toISOString()
    for (const volunteer of mine)
      await trx
        .insertInto('policy_acknowledgements')
        .values({
          id: newId(),
          organisation_id: actor.organisationId,
          volunteer_id: volunteer.id,
          policy_version_id: current.id,
          user_id: actor.userId,
          acknowledged_at: now,
        })
        .onConflict((oc) => oc.columns(['volunteer_id', 'policy_version_id']).doNothing())
        .execute()
    await auditAs(trx, deps.clock, actor, {
      action: 'policy.acknowledge',
      resourceType: 'policy',
      resourceIds: [policyId, current.id],
    })
    const centre = (await listCentres(trx, scope)).find((c) => c.id === mine[0]?.centre_id)
    return {
      policyId,
      versionId: current.id,
      acknowledgedAt: now,
      on: localParts(now, centre?.time_zone ?? 'UTC').date,
    }
  })
}
