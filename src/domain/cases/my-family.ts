import { findCurrentGroundRules, listSignatures } from '../../db/repositories/intake.repository'
import { listCentres } from '../../db/repositories/organisations.repository'
import { findReferral, type ReferralRow } from '../../db/repositories/referrals.repository'
import { findCase } from '../../db/repositories/cases.repository'
import { listPartiesOfReferrals, listPartiesOfUser } from '../../db/repositories/parties.repository'
import { scopeOf, type Actor } from '../access/actor'
import type { Deps } from '../context'
import { AppError } from '../errors'
import { signGroundRulesAsParty } from '../intake/ground-rules'
import { presentParty, sideOf, type Viewer } from '../referrals/parties.presenter'
import type { MyFamily } from './cases.schemas'

const INTAKE_STATES = [
  'received',
  'pre_visits',
  'risk_assessed',
  'waitlisted',
  'declined',
  'withdrawn',
  'merged',
] as const

async function familyStatus(
  deps: Deps,
  actor: Actor,
  referral: ReferralRow,
): Promise<MyFamily['families'][number]['status']> {
  if (referral.case_id) {
    const found = await findCase(deps.db, scopeOf(actor), referral.case_id)
    return found?.status === 'closed' ? 'case_closed' : 'case_active'
  }
  return INTAKE_STATES.find((s) => s === referral.status) ?? 'received'
}

/**
 * What a parent sees of their family: their own record, their children, where the referral stands
 * and the ground rules to sign. Nothing of the other parent (R-CONF-1).
 */
export async function getMyFamily(deps: Deps, actor: Actor): Promise<MyFamily> {
  if (!actor.userId) return { families: [] }
  const scope = scopeOf(actor)
  const mine = await listPartiesOfUser(deps.db, scope, actor.userId)
  const [centres, rules, signatures] = await Promise.all([
    listCentres(deps.db, scope),
    findCurrentGroundRules(deps.db, scope),
    listSignatures(
      deps.db,
      scope,
      mine.map((p) => p.id),
    ),
  ])
  const families: MyFamily['families'] = []
  for (const me of mine) {
    const referral = await findReferral(deps.db, scope, me.referral_id)
    if (!referral) continue
    const viewer: Viewer = { kind: 'parent', partyIds: new Set([me.id]), side: sideOf(me) }
    const children = (await listPartiesOfReferrals(deps.db, scope, [referral.id])).filter(
      (p) => p.kind === 'child',
    )
    families.push({
      referralReference: referral.reference,
      status: await familyStatus(deps, actor, referral),
      centreName: centres.find((c) => c.id === referral.centre_id)?.name ?? '',
      me: presentParty(me, viewer, deps.fieldCrypto),
      children: children.map((c) => presentParty(c, viewer, deps.fieldCrypto)),
      groundRules: rules
        ? {
            versionId: rules.id,
            version: rules.version,
            title: rules.title,
            body: rules.body,
            signed: signatures.some((s) => s.party_id === me.id && s.version_id === rules.id),
          }
        : null,
    })
  }
  return { families }
}

/**
 * A parent signs the current ground rules online, for each family they are part of.
 * @throws AppError CONFLICT when the parent has no family record or the version is not current.
 */
export async function signOwnGroundRules(
  deps: Deps,
  actor: Actor,
  input: { versionId: string },
): Promise<void> {
  const mine = actor.userId ? await listPartiesOfUser(deps.db, scopeOf(actor), actor.userId) : []
  if (mine.length === 0)
    throw new AppError('CONFLICT', 'The centre has not linked your account to a family yet.')
  await signGroundRulesAsParty(
    deps,
    actor,
    mine.map((p) => p.id),
    input.versionId,
  )
}
