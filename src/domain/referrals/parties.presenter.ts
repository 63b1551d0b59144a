import type { PartyRow } from '../../db/repositories/parties.repository'
import type { FieldCrypto } from '../shared/field-crypto'
import {
  AttendanceSchema,
  AuthorisedBySchema,
  PartyRoleSchema,
  PROTECTED_FIELDS,
  SafetyFlagSchema,
  SideSchema,
  type PartyView,
  type ProtectedField,
  type ProtectedFieldsView,
  type Side,
} from './parties.schemas'

/**
 * Who is looking. This is the one place that decides what of a person's record a viewer sees
 * (R-CONF-1, AZ-2): every API answer, list, export and email about parties goes through it.
 */
export type Viewer =
  /** The centre's coordinators and admins: everything except protected values, which they reveal on purpose. */
  | { kind: 'staff' }
  /** A referrer sees their own client's side (or both, for a neutral professional such as a court adviser). */
  | { kind: 'referrer'; sides: readonly Side[] }
  /** A parent sees themselves, and their children's details only when the children live with them. */
  | { kind: 'parent'; partyIds: ReadonlySet<string>; side: Side | null }

/** Children live with the resident parent, so their protected details (school, address) are that side's. */
export const sideOf = (party: Pick<PartyRow, 'kind' | 'side'>): Side | null =>
  party.kind === 'child' ? 'resident' : (SideSchema.nullable().catch(null).parse(party.side) ?? null)

const EMPTY: ProtectedFieldsView = { address: null, phone: null, email: null, school: null, newPartner: null }

export function unsealProtected(crypto: FieldCrypto, sealed: string | null): ProtectedFieldsView {
  if (!sealed) return { ...EMPTY }
  const parsed = JSON.parse(crypto.decrypt(sealed)) as Partial<ProtectedFieldsView>
  return { ...EMPTY, ...parsed }
}

export function sealProtected(
  crypto: FieldCrypto,
  values: Partial<Record<ProtectedField, string | null | undefined>>,
): { protected_sealed: string | null; protected_present: string } {
  const kept = Object.fromEntries(
    PROTECTED_FIELDS.flatMap((field) => {
      const value = values[field]
      return value ? [[field, value]] : []
    }),
  )
  const present = Object.keys(kept)
  return {
    protected_sealed: present.length > 0 ? crypto.encrypt(JSON.stringify(kept)) : null,
    protected_present: JSON.stringify(present),
  }
}

export const presentFields = (row: Pick<PartyRow, 'protected_present'>): ProtectedField[] =>
  (JSON.parse(row.protected_present) as string[]).filter((f): f is ProtectedField =>
    (PROTECTED_FIELDS as readonly string[]).includes(f),
  )

/** True when the viewer may see this party's protected details. Staff never do without a reveal. */
export function maySeeProtected(party: Pick<PartyRow, 'id' | 'kind' | 'side'>, viewer: Viewer): boolean {
  const side = sideOf(party)
  switch (viewer.kind) {
    case 'staff':
      return false
    case 'referrer':
      return side !== null && viewer.sides.includes(side)
    case 'parent':
      return (
        viewer.partyIds.has(party.id) || (party.kind === 'child' && side !== null && viewer.side === side)
      )
  }
}

/** True when the viewer is on this party's side of the family (or is staff). */
function isOwnSide(party: Pick<PartyRow, 'id' | 'kind' | 'side'>, viewer: Viewer): boolean {
  if (viewer.kind === 'staff') return true
  if (viewer.kind === 'parent') return viewer.partyIds.has(party.id)
  const side = sideOf(party)
  return side !== null && viewer.sides.includes(side)
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** A person as this viewer may see them. */
export function presentParty(row: PartyRow, viewer: Viewer, crypto: FieldCrypto): PartyView {
  const own = isOwnSide(row, viewer)
  const isChild = row.kind === 'child'
  const flags = parseJson<string[]>(row.safety_flags, []).flatMap((f) => {
    const parsed = SafetyFlagSchema.safeParse(f)
    return parsed.success ? [parsed.data] : []
  })
  return {
    id: row.id,
    kind: isChild ? 'child' : 'adult',
    role: PartyRoleSchema.catch('other').parse(row.role),
    side: SideSchema.nullable().catch(null).parse(row.side),
    fullName: row.full_name,
    dateOfBirth: own || isChild ? row.date_of_birth : null,
    details: own || (isChild && viewer.kind !== 'referrer') ? parseJson(row.details, {}) : {},
    attendance: AttendanceSchema.catch('not_applicable').parse(row.attendance),
    authorisedBy: AuthorisedBySchema.nullable().catch(null).parse(row.authorised_by),
    safetyFlags: viewer.kind === 'staff' ? flags : [],
    protected: maySeeProtected(row, viewer) ? unsealProtected(crypto, row.protected_sealed) : null,
    withheld: viewer.kind === 'staff' ? presentFields(row) : [],
    hasPortalAccount: viewer.kind === 'staff' ? row.user_id !== null : false,
  }
}
