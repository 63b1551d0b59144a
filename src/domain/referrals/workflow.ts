import { randomInt } from 'node:crypto'
import type { Db } from '../../db/connect'
import type { PartiesTable, ReferralsTable } from '../../db/database'
import { insertTransition } from '../../db/repositories/referrals.repository'
import type { Insertable, Selectable } from 'kysely'
import type { Actor } from '../access/actor'
import type { Clock } from '../shared/clock'
import type { FieldCrypto } from '../shared/field-crypto'
import { newId } from '../shared/ids'
import { sealProtected } from './parties.presenter'
import type { AdultInput, ChildInput } from './parties.schemas'

/** Letters and digits that cannot be mistaken for each other when read out on the phone. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A short reference people can read out, such as R-7K3M9Q; unique within the organisation by index. */
export function newReference(prefix: 'R' | 'C'): string {
  let code = ''
  for (let i = 0; i < 6; i += 1) code += ALPHABET.charAt(randomInt(ALPHABET.length))
  return `${prefix}-${code}`
}

/** Writes one step of a referral's or case's history: who, when, from what to what, and why. */
export async function recordTransition(
  db: Db,
  clock: Clock,
  who: { actor: Actor | null; label: string },
  move: {
    organisationId: string
    subjectType: 'referral' | 'case' | 'volunteer'
    subjectId: string
    from: string | null
    to: string
    reason: string | null
  },
): Promise<void> {
  await insertTransition(db, {
    id: newId(),
    organisation_id: move.organisationId,
    subject_type: move.subjectType,
    subject_id: move.subjectId,
    from_status: move.from,
    to_status: move.to,
    reason: move.reason,
    actor_user_id: who.actor?.userId ?? null,
    actor_label: who.label,
    at: clock.now().toISOString(),
  })
}

const DEFAULT_ATTENDANCE: Record<string, 'allowed' | 'not_applicable'> = {
  resident_parent: 'allowed',
  non_resident_parent: 'allowed',
  grandparent: 'allowed',
  named_attendee: 'allowed',
  new_partner: 'allowed',
  other_relative: 'allowed',
  foster_carer: 'allowed',
}

interface PartyContext {
  organisationId: string
  referralId: string
  caseId: string | null
  now: string
  crypto: FieldCrypto
}

export function childRow(child: ChildInput, ctx: PartyContext): Insertable<PartiesTable> & { id: string } {
  return {
    id: newId(),
    organisation_id: ctx.organisationId,
    referral_id: ctx.referralId,
    case_id: ctx.caseId,
    kind: 'child',
    role: 'child',
    side: null,
    full_name: child.fullName,
    search_name: child.fullName.toLowerCase(),
    date_of_birth: child.dateOfBirth,
    details: JSON.stringify(child.needs),
    ...sealProtected(ctx.crypto, child.protected),
    attendance: 'not_applicable',
    authorised_by: null,
    safety_flags: '[]',
    user_id: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  }
}

export function adultRow(adult: AdultInput, ctx: PartyContext): Insertable<PartiesTable> & { id: string } {
  const attendance = adult.attendance ?? DEFAULT_ATTENDANCE[adult.role] ?? 'not_applicable'
  const side =
    adult.role === 'resident_parent'
      ? 'resident'
      : adult.role === 'non_resident_parent'
        ? 'non_resident'
        : adult.side
  const flags = new Set(adult.safetyFlags)
  if (attendance === 'not_allowed') flags.add('must_not_attend')
  return {
    id: newId(),
    organisation_id: ctx.organisationId,
    referral_id: ctx.referralId,
    case_id: ctx.caseId,
    kind: 'adult',
    role: adult.role,
    side,
    full_name: adult.fullName,
    search_name: adult.fullName.toLowerCase(),
    date_of_birth: adult.dateOfBirth ?? null,
    details: JSON.stringify(adult.details),
    ...sealProtected(ctx.crypto, adult.protected),
    attendance,
    authorised_by: attendance === 'allowed' ? (adult.authorisedBy ?? 'referral') : null,
    safety_flags: JSON.stringify([...flags]),
    user_id: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  }
}

type ReferralStart = Pick<
  Selectable<ReferralsTable>,
  'organisation_id' | 'centre_id' | 'channel' | 'source_code' | 'service_requested' | 'frequency_requested'
> &
  Partial<
    Pick<
      Selectable<ReferralsTable>,
      | 'referrer_user_id'
      | 'referrer_name'
      | 'referrer_organisation'
      | 'referrer_role'
      | 'referrer_email'
      | 'referrer_phone'
      | 'referrer_acting_for'
    >
  >

/** A referral as it is received, whichever way it came in: no decision, no case, its risk sealed. */
export function receivedReferralRow(
  start: ReferralStart,
  risk: { flags: readonly string[]; narrative?: string | null | undefined },
  crypto: FieldCrypto,
  now: string,
): Selectable<ReferralsTable> {
  return {
    referrer_user_id: null,
    referrer_name: null,
    referrer_organisation: null,
    referrer_role: null,
    referrer_email: null,
    referrer_phone: null,
    referrer_acting_for: null,
    ...start,
    id: newId(),
    reference: newReference('R'),
    status: 'received',
    risk_flags: JSON.stringify(risk.flags),
    risk_sealed: risk.narrative ? crypto.encrypt(risk.narrative) : null,
    received_at: now,
    status_changed_at: now,
    decision_reason: null,
    decided_by_user_id: null,
    decided_at: null,
    accepted_level: null,
    waitlisted_at: null,
    case_id: null,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
  }
}
