import {
  findCurrentGroundRules,
  insertGroundRules,
  insertSignature,
  listSignatures,
  type GroundRulesRow,
} from '../../db/repositories/intake.repository'
import type { Db } from '../../db/connect'
import { findParty, type PartyRow } from '../../db/repositories/parties.repository'
import { findReferral } from '../../db/repositories/referrals.repository'
import { scopeOf, type Actor, type Scope } from '../access/actor'
import { auditAs } from '../audit/audit'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { assertDesk } from '../referrals/referrals.policy'
import type { GroundRulesStatus } from '../referrals/referrals.schemas'
import { newId } from '../shared/ids'

const present = (row: GroundRulesRow) => ({
  id: row.id,
  version: row.version,
  title: row.title,
  body: row.body,
  publishedAt: row.published_at,
})

/** Whether each parent among these people has signed the ground rules in force, and when. */
export async function loadGroundRulesStatus(
  db: Db,
  scope: Scope,
  parties: readonly PartyRow[],
): Promise<GroundRulesStatus> {
  const parents = parties.filter((p) => p.role === 'resident_parent' || p.role === 'non_resident_parent')
  const [rules, signatures] = await Promise.all([
    findCurrentGroundRules(db, scope),
    listSignatures(
      db,
      scope,
      parents.map((p) => p.id),
    ),
  ])
  return {
    currentVersion: rules?.version ?? null,
    adults: parents.map((p) => {
      const signed = signatures.find((s) => s.party_id === p.id && s.version_id === rules?.id)
      return {
        partyId: p.id,
        name: p.full_name,
        signedCurrent: signed !== undefined,
        signedAt: signed?.signed_at ?? null,
      }
    }),
  }
}

/** The ground rules in force, or null before the centre has published any. */
export async function getCurrentGroundRules(deps: Deps, actor: Actor) {
  const row = await findCurrentGroundRules(deps.db, scopeOf(actor))
  return row ? present(row) : null
}

/** Publishes a new version of the ground rules; signatures of earlier versions no longer count (R-INT-4). */
export async function publishGroundRules(deps: Deps, actor: Actor, input: { title: string; body: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findCurrentGroundRules(trx, scopeOf(actor))
    const row = {
      id: newId(),
      organisation_id: actor.organisationId,
      version: (current?.version ?? 0) + 1,
      title: input.title,
      body: input.body,
      published_by_user_id: actor.userId,
      published_at: deps.clock.now().toISOString(),
    }
    await insertGroundRules(trx, row)
    await auditAs(trx, deps.clock, actor, {
      action: 'ground_rules.publish',
      resourceType: 'ground_rules',
      resourceIds: [row.id],
      details: { version: row.version },
    })
    return present(row)
  })
}

/** @throws AppError CONFLICT when the version is not the one in force. */
async function assertCurrent(deps: Deps, actor: Actor, versionId: string): Promise<GroundRulesRow> {
  const current = await findCurrentGroundRules(deps.db, scopeOf(actor))
  if (!current || current.id !== versionId)
    throw new AppError(
      'CONFLICT',
      'These are not the ground rules in force; reload to read the current version.',
      {
        rule: 'R-INT-4',
        currentVersionId: current?.id ?? null,
      },
    )
  return current
}

/**
 * Records that an adult signed the current ground rules, at their pre-visit or on paper sent in (R-INT-4).
 * @throws AppError NOT_FOUND outside the actor's centres; CONFLICT for a child or an old version.
 */
export async function recordGroundRulesSignature(
  deps: Deps,
  actor: Actor,
  partyId: string,
  input: { versionId: string; method: 'in_person' | 'online' },
): Promise<void> {
  const scope = scopeOf(actor)
  const party = await findParty(deps.db, scope, partyId)
  if (!party) throw notFound('Person')
  assertDesk(actor, await findReferral(deps.db, scope, party.referral_id))
  if (party.kind !== 'adult') throw new AppError('CONFLICT', 'Only adults sign the ground rules.')
  const version = await assertCurrent(deps, actor, input.versionId)
  await deps.db.transaction().execute(async (trx) => {
    await insertSignature(trx, {
      id: newId(),
      organisation_id: actor.organisationId,
      party_id: party.id,
      version_id: version.id,
      method: input.method,
      recorded_by_user_id: actor.userId,
      signed_at: deps.clock.now().toISOString(),
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'party.ground_rules.sign',
      resourceType: 'party',
      resourceIds: [party.id, version.id],
      details: { version: version.version },
    })
  })
}

/** Records a parent's own online signature for each of their records in the organisation. */
export async function signGroundRulesAsParty(
  deps: Deps,
  actor: Actor,
  partyIds: readonly string[],
  versionId: string,
): Promise<void> {
  const version = await assertCurrent(deps, actor, versionId)
  await deps.db.transaction().execute(async (trx) => {
    for (const partyId of partyIds) {
      await insertSignature(trx, {
        id: newId(),
        organisation_id: actor.organisationId,
        party_id: partyId,
        version_id: version.id,
        method: 'online',
        recorded_by_user_id: actor.userId,
        signed_at: deps.clock.now().toISOString(),
      })
    }
    await auditAs(trx, deps.clock, actor, {
      action: 'my_family.ground_rules.sign',
      resourceType: 'party',
      resourceIds: [...partyIds, version.id],
      details: { version: version.version },
    })
  })
}
