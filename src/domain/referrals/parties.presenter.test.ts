import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { PartyRow } from '../../db/repositories/parties.repository'
import { createFieldCrypto } from '../shared/field-crypto'
import { presentParty, sealProtected, type Viewer } from './parties.presenter'

const crypto = createFieldCrypto(randomBytes(32))

function row(
  overrides: Partial<PartyRow> & Pick<PartyRow, 'id' | 'kind' | 'role' | 'side'>,
  secret: Record<string, string>,
): PartyRow {
  return {
    organisation_id: 'o',
    referral_id: 'r',
    case_id: null,
    full_name: 'Someone',
    search_name: 'someone',
    date_of_birth: '1990-01-01',
    details: JSON.stringify({ language: 'Polish' }),
    ...sealProtected(crypto, secret),
    attendance: 'allowed',
    authorised_by: 'referral',
    safety_flags: JSON.stringify(['domestic_abuse']),
    user_id: null,
    created_at: '',
    updated_at: '',
    ...overrides,
  }
}

const mum = row(
  { id: 'm', kind: 'adult', role: 'resident_parent', side: 'resident' },
  { address: 'MUM-ADDRESS', phone: 'MUM-PHONE' },
)
const dad = row(
  { id: 'd', kind: 'adult', role: 'non_resident_parent', side: 'non_resident' },
  { email: 'DAD-EMAIL' },
)
const child = row({ id: 'c', kind: 'child', role: 'child', side: null }, { school: 'CHILD-SCHOOL' })
const worker = row({ id: 'w', kind: 'adult', role: 'social_worker', side: null }, { phone: 'WORKER-PHONE' })

const shown = (viewer: Viewer) =>
  [mum, dad, child, worker].filter((p) => presentParty(p, viewer, crypto).protected !== null).map((p) => p.id)

describe('who sees whose protected details (R-CONF-1)', () => {
  it('staff see that details exist, never their values without a reveal', () => {
    const view = presentParty(mum, { kind: 'staff' }, crypto)
    expect(view.protected).toBeNull()
    expect(view.withheld).toEqual(['address', 'phone'])
    expect(view.safetyFlags).toEqual(['domestic_abuse'])
  })

  it("a parent sees their own, and their children's only when the children live with them", () => {
    expect(shown({ kind: 'parent', partyIds: new Set(['m']), side: 'resident' })).toEqual(['m', 'c'])
    expect(shown({ kind: 'parent', partyIds: new Set(['d']), side: 'non_resident' })).toEqual(['d'])
  })

  it("a referrer sees their client's side only, never a third party's", () => {
    expect(shown({ kind: 'referrer', sides: ['non_resident'] })).toEqual(['d'])
    expect(shown({ kind: 'referrer', sides: ['resident'] })).toEqual(['m', 'c'])
    expect(shown({ kind: 'referrer', sides: [] })).toEqual([])
  })

  it("the other side's personal details, flags and withheld list are empty for everyone but staff", () => {
    const asDad = presentParty(
      mum,
      { kind: 'parent', partyIds: new Set(['d']), side: 'non_resident' },
      crypto,
    )
    expect(asDad).toMatchObject({
      protected: null,
      withheld: [],
      safetyFlags: [],
      details: {},
      dateOfBirth: null,
      fullName: 'Someone',
    })
  })
})
