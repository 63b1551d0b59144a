import { describe, expect, it } from 'vitest'
import type { PartyRow } from '../../db/repositories/parties.repository'
import type { SessionListRow } from '../../db/repositories/schedule.repository'
import { sessionTimes } from '../scheduling/schedule.rules'
import { registerRows, registerTimes } from './demo-register'
import { feedbackRows } from './seed-demo-feedback'

const TZ = 'Europe/Jersey'

function sessionOf(
  first: 'resident' | 'non_resident',
  outcomes: { resident?: string; nonResident?: string } = {},
): SessionListRow {
  const times = sessionTimes('2026-11-22', '11:00', 60, TZ, {
    firstArrivingParty: first,
    arrivalOffsetMinutes: 15,
    departureHoldMinutes: 15,
  })
  return {
    id: 'session-1',
    organisation_id: 'org-1',
    centre_id: 'centre-1',
    case_id: 'case-1',
    case_reference: 'C-TEST01',
    local_date: '2026-11-22',
    status: 'completed',
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    occupied_from: times.occupiedFrom,
    occupied_until: times.occupiedUntil,
    resident_arrives_at: times.resident.arrivesAt,
    resident_leaves_at: times.resident.leavesAt,
    non_resident_arrives_at: times.nonResident.arrivesAt,
    non_resident_leaves_at: times.nonResident.leavesAt,
    resident_outcome: outcomes.resident ?? 'attended',
    non_resident_outcome: outcomes.nonResident ?? 'attended',
    first_party: first,
  } as SessionListRow
}

const person = (id: string, role: string, side: string | null, born: string | null = null): PartyRow =>
  ({
    id,
    kind: role === 'child' ? 'child' : 'adult',
    role,
    side,
    date_of_birth: born,
    case_id: 'case-1',
    user_id: null,
  }) as PartyRow

const FAMILY = [
  person('mum', 'resident_parent', 'resident'),
  person('dad', 'non_resident_parent', 'non_resident'),
  person('jayden', 'child', null, '2021-08-01'),
  person('skye', 'child', null, '2025-03-01'),
]
const minutes = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000

describe('the demo register', () => {
  it('has the visiting parent in first and out last, the children handed over once both are in', () => {
    for (let nth = 0; nth < 8; nth++) {
      const session = sessionOf('non_resident')
      const t = registerTimes(session, nth)
      expect(t.visitingArrives < t.residentArrives, `nth ${nth}`).toBe(true)
      expect(t.handedOver > t.residentArrives && t.handedOver > t.visitingArrives).toBe(true)
      expect(t.returned > session.ends_at).toBe(true)
      expect(t.residentLeaves > t.returned && t.residentLeaves < t.visitingLeaves).toBe(true)
      expect(Math.abs(minutes(session.non_resident_arrives_at, t.visitingArrives))).toBeLessThanOrEqual(4)
    }
  })

  it('keeps the resident parent first and last when the family’s plan says so', () => {
    const session = sessionOf('resident')
    const t = registerTimes(session, 3)
    expect(t.residentArrives < t.visitingArrives).toBe(true)
    expect(t.visitingLeaves < t.residentLeaves).toBe(true)
  })

  it('is the same every time for the same session, and shows a late parent late', () => {
    const session = sessionOf('non_resident')
    expect(registerTimes(session, 5)).toEqual(registerTimes(session, 5))
    const late = registerTimes(sessionOf('non_resident', { nonResident: 'late' }), 5)
    expect(minutes(registerTimes(session, 5).visitingArrives, late.visitingArrives)).toBe(20)
    expect(
      minutes(registerTimes(session, 5).visitingArrives, registerTimes(session, 5, 5).visitingArrives),
    ).toBe(5)
  })

  it('writes one tap per person and movement in time order, each with its own tablet id', () => {
    const session = sessionOf('non_resident')
    const rows = registerRows(session, FAMILY, registerTimes(session, 0), 'user-1')
    expect(rows.map((r) => `${r.party_id} ${r.kind}`)).toEqual([
      'dad arrived',
      'mum arrived',
      'jayden child_handed_over',
      'skye child_handed_over',
      'jayden child_returned',
      'skye child_returned',
      'mum left',
      'dad left',
    ])
    expect(rows.map((r) => r.side)).toEqual([
      'non_resident',
      'resident',
      null,
      null,
      null,
      null,
      'resident',
      'non_resident',
    ])
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(rows.length)
    expect(rows.every((r) => r.recorded_by_user_id === 'user-1' && r.recorded_at > r.at)).toBe(true)
  })

  it('records no taps for a parent who did not come, and no handover without both', () => {
    const session = sessionOf('non_resident', { nonResident: 'did_not_attend' })
    const rows = registerRows(session, FAMILY, registerTimes(session, 0), 'user-1')
    expect(rows.map((r) => `${r.party_id} ${r.kind}`)).toEqual(['mum arrived', 'mum left'])
  })
})

describe('the demo feedback', () => {
  const crypto = { encrypt: (text: string) => `sealed:${text}`, decrypt: (text: string) => text.slice(7) }
  const ctx = { crypto, tabletUserOn: () => 'desk-user' }

  it('asks the visiting parent every third session, the resident every fourth, a child of four or more every fifth', () => {
    const session = sessionOf('non_resident')
    const forms = (n: number) => feedbackRows(session, FAMILY, n, ctx).map((r) => `${r.form} ${r.party_id}`)
    expect(forms(0)).toEqual(['parent dad'])
    expect(forms(1)).toEqual(['parent mum'])
    expect(forms(2)).toEqual(['child jayden'])
    expect(forms(4)).toEqual([])
    expect(forms(9)).toEqual(['parent dad', 'parent mum'])
  })

  it('gives faces from 1 to 5, mostly happy, and seals any comment', () => {
    const session = sessionOf('non_resident')
    const rows = Array.from({ length: 60 }, (_, n) => feedbackRows(session, FAMILY, n, ctx)).flat()
    const scores = rows.flatMap((r) => Object.values(JSON.parse(r.answers) as Record<string, number>))
    expect(scores.every((s) => s >= 3 && s <= 5)).toBe(true)
    expect(scores.filter((s) => s >= 4).length / scores.length).toBeGreaterThan(0.9)
    const comments = rows.flatMap((r) => (r.comment_sealed ? [r.comment_sealed] : []))
    expect(comments.length).toBeGreaterThan(3)
    expect(comments.every((c) => c.startsWith('sealed:'))).toBe(true)
    expect(rows.filter((r) => r.form === 'child').every((r) => r.submitted_by_user_id === 'desk-user')).toBe(
      true,
    )
  })

  it('asks nothing of a parent who did not come, nor of the child that day', () => {
    const session = sessionOf('non_resident', { nonResident: 'did_not_attend' })
    expect(feedbackRows(session, FAMILY, 0, ctx)).toEqual([])
    expect(feedbackRows(session, FAMILY, 2, ctx)).toEqual([])
  })
})
