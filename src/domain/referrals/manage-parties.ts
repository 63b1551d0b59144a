import {
  findParty,
  insertParties,
  updateParty as updatePartyRow,
  type PartyRow,
} from '../../db/repositories/parties.repository'
import { findReferral } from '../../db/repositories/referrals.repository'
import { emailTaken, findUser, insertUser, replaceGrants } from '../../db/repositories/users.repository'
import { scopeOf, type Actor } from '../access/actor'
import { auditAs } from '../audit/audit'
import { createOneTimeLink } from '../auth/one-time-links'
import { spendPasswordCheck, verifyPassword } from '../auth/passwords'
import type { Deps } from '../context'
import { AppError, notFound } from '../errors'
import { enqueueEmail } from '../outbox/enqueue-email'
import { newId } from '../shared/ids'
import { presentParty, sealProtected, unsealProtected } from './parties.presenter'
import type {
  AddPartyInput,
  PartyView,
  ProtectedFieldsView,
  RevealInput,
  UpdatePartyInput,
} from './parties.schemas'
import { assertDesk } from './referrals.policy'
import { adultRow } from './workflow'

const STAFF = { kind: 'staff' } as const

async function deskParty(deps: Deps, actor: Actor, partyId: string): Promise<PartyRow> {
  const scope = scopeOf(actor)
  const party = await findParty(deps.db, scope, partyId)
  if (!party) throw notFound('Person')
  assertDesk(actor, await findReferral(deps.db, scope, party.referral_id))
  return party
}

/**
 * Adds a person to a referral or case: a named attendee (only people named on the referral or an
 * order may attend, R-ATT-1), someone who must not attend, or a professional.
 * @throws AppError NOT_FOUND outside the actor's centres.
 */
export async function addParty(
  deps: Deps,
  actor: Actor,
  referralId: string,
  input: AddPartyInput,
): Promise<PartyView> {
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    const referral = assertDesk(actor, await findReferral(trx, scope, referralId))
    const row = adultRow(input, {
      organisationId: actor.organisationId,
      referralId: referral.id,
      caseId: referral.case_id,
      now: deps.clock.now().toISOString(),
      crypto: deps.fieldCrypto,
    })
    await insertParties(trx, [row])
    await auditAs(trx, deps.clock, actor, {
      action: 'referral.party.add',
      resourceType: 'party',
      resourceIds: [row.id, referral.id],
      details: { role: input.role, attendance: row.attendance },
    })
    const stored = await findParty(trx, scope, row.id)
    if (!stored) throw notFound('Person')
    return presentParty(stored, STAFF, deps.fieldCrypto)
  })
}

/**
 * Corrects a person's details, who may attend and their safety flags. Protected fields given here
 * replace the stored ones field by field; an empty value removes one.
 * @throws AppError NOT_FOUND outside the actor's centres.
 */
export async function updateParty(
  deps: Deps,
  actor: Actor,
  partyId: string,
  input: UpdatePartyInput,
): Promise<PartyView> {
  const party = await deskParty(deps, actor, partyId)
  const scope = scopeOf(actor)
  const isChild = party.kind === 'child'
  if ((isChild && input.details) || (!isChild && input.needs))
    throw new AppError(
      'INVALID_INPUT',
      isChild ? 'A child has needs, not adult details.' : 'An adult has details, not a child’s needs.',
      {
        issues: [{ path: [isChild ? 'details' : 'needs'], message: 'Not for this person' }],
      },
    )
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString()
    const stored = JSON.parse(party.details) as Record<string, unknown>
    const sealed =
      input.protected === undefined
        ? {}
        : sealProtected(deps.fieldCrypto, {
            ...unsealProtected(deps.fieldCrypto, party.protected_sealed),
            ...input.protected,
          })
    const flags = input.safetyFlags === undefined ? undefined : new Set(input.safetyFlags)
    if (flags && input.attendance === 'not_allowed') flags.add('must_not_attend')
    await updatePartyRow(trx, scope, party.id, {
      ...(input.fullName !== undefined && {
        full_name: input.fullName,
        search_name: input.fullName.toLowerCase(),
      }),
      ...(input.dateOfBirth !== undefined && { date_of_birth: input.dateOfBirth }),
      ...(input.details !== undefined && { details: JSON.stringify({ ...stored, ...input.details }) }),
      ...(input.needs !== undefined && { details: JSON.stringify(input.needs) }),
      ...(input.attendance !== undefined && { attendance: input.attendance }),
      ...(input.authorisedBy !== undefined && { authorised_by: input.authorisedBy }),
      ...(flags !== undefined && { safety_flags: JSON.stringify([...flags]) }),
      ...sealed,
      updated_at: now,
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'party.update',
      resourceType: 'party',
      resourceIds: [party.id, party.referral_id],
      details: { fields: Object.keys(input), protectedFields: Object.keys(input.protected ?? {}) },
    })
    const updated = await findParty(trx, scope, party.id)
    if (!updated) throw notFound('Person')
    return presentParty(updated, STAFF, deps.fieldCrypto)
  })
}

/**
 * Shows staff a person's protected details once they confirm their password and say why: a
 * deliberate, audited act (AZ-6), never a side effect of opening a page.
 * @throws AppError STEP_UP_REQUIRED when the password is wrong.
 */
export async function revealParty(
  deps: Deps,
  actor: Actor,
  partyId: string,
  input: RevealInput,
): Promise<ProtectedFieldsView> {
  const party = await deskParty(deps, actor, partyId)
  const scope = scopeOf(actor)
  const me = actor.userId ? await findUser(deps.db, scope, actor.userId) : undefined
  const confirmed = me?.password_hash ? await verifyPassword(me.password_hash, input.password) : false
  if (!me?.password_hash) await spendPasswordCheck(input.password)
  // Its own row, committed before answering: a refused reveal is on the trail as surely as a granted one.
  await auditAs(deps.db, deps.clock, actor, {
    action: 'party.reveal',
    resourceType: 'party',
    resourceIds: [party.id, party.referral_id],
    outcome: confirmed ? 'success' : 'denied',
    details: { reason: input.reason },
  })
  if (!confirmed)
    throw new AppError('STEP_UP_REQUIRED', 'Your password was not right; the details stay hidden.')
  return unsealProtected(deps.fieldCrypto, party.protected_sealed)
}

/**
 * Gives a parent their own account, to see their bookings and sign the ground rules online; the
 * invitation goes to the parent's own email address.
 * @throws AppError CONFLICT for a non-parent, a parent without an email, or an email already in use.
 */
export async function invitePartyToPortal(deps: Deps, actor: Actor, partyId: string): Promise<PartyView> {
  const party = await deskParty(deps, actor, partyId)
  if (party.role !== 'resident_parent' && party.role !== 'non_resident_parent')
    throw new AppError('CONFLICT', 'Only parents are invited to the parent area.')
  if (party.user_id) throw new AppError('CONFLICT', 'This parent already has an account.')
  const email = unsealProtected(deps.fieldCrypto, party.protected_sealed).email
  if (!email)
    throw new AppError('CONFLICT', 'Add the parent’s email address first.', { rule: 'portal-email' })
  const scope = scopeOf(actor)
  return deps.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, email))
      throw new AppError('CONFLICT', 'Someone already has an account with this email.')
    const now = deps.clock.now().toISOString()
    const user = {
      id: newId(),
      organisation_id: actor.organisationId,
      email,
      display_name: party.full_name,
      password_hash: null,
      status: 'invited' as const,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    }
    await insertUser(trx, user)
    await replaceGrants(trx, scope, user.id, [
      { id: newId(), role: 'parent', centreId: null, createdAt: now },
    ])
    await updatePartyRow(trx, scope, party.id, { user_id: user.id, updated_at: now })
    const link = await createOneTimeLink(trx, deps.clock, deps.publicUrl, user, 'invitation')
    await enqueueEmail(trx, deps.clock, {
      organisationId: actor.organisationId,
      to: email,
      subject: 'Your place in the contact centre’s parent area',
      text: [
        `Hello ${party.full_name},`,
        '',
        'The contact centre has made you an account, where you can see your own bookings and read and sign',
        'the ground rules. Open this link within 7 days to choose your password:',
        '',
        link,
      ].join('\n'),
    })
    await auditAs(trx, deps.clock, actor, {
      action: 'party.portal_invite',
      resourceType: 'party',
      resourceIds: [party.id, user.id],
    })
    const updated = await findParty(trx, scope, party.id)
    if (!updated) throw notFound('Person')
    return presentParty(updated, STAFF, deps.fieldCrypto)
  })
}
