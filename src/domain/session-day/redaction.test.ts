import { describe, expect, it } from 'vitest'
import {
  addressParts,
  checkRedaction,
  containsWords,
  normalise,
  phoneDigits,
  type ProtectedValues,
} from './redaction'

const RESIDENT: ProtectedValues = {
  side: 'resident',
  role: 'resident_parent',
  values: {
    address: '14 Larkspur Close, St Brelade, JE3 8QT',
    phone: '07700 900001',
    email: 'Rita.Example@example.org',
    school: null,
    newPartner: 'Sam Partner',
  },
}
const CHILD: ProtectedValues = {
  side: 'resident',
  role: 'child',
  values: { school: 'St Mary’s Primary', address: '14 Larkspur Close, St Brelade, JE3 8QT' },
}
const VISITING: ProtectedValues = {
  side: 'non_resident',
  role: 'non_resident_parent',
  values: { address: 'Flat 3, 9 Quay Street\nSt Helier JE2 4WE', phone: '+44 7700 900777', email: null },
}
const PEOPLE = [RESIDENT, CHILD, VISITING]

const check = (text: string, heading = 'Arrival, Saturday 5 December 2026', people = PEOPLE) =>
  checkRedaction(people, [{ heading, text }])

const fields = (text: string, people = PEOPLE) =>
  check(text, undefined, people).findings.map((f) => `${f.side ?? 'none'}:${f.field}`)

describe('comparing text', () => {
  it('ignores case, curly quotes, commas and spacing', () => {
    expect(normalise('  St  Mary’s,\nPrimary ')).toBe("st mary's primary")
  })

  it('matches whole words only, and never a value shorter than four characters', () => {
    expect(containsWords('They live at 14 LARKSPUR close now', '14 Larkspur Close')).toBe(true)
    expect(containsWords('the Larkspurs were out', 'Larkspur')).toBe(false)
    expect(containsWords('Sam Partnership', 'Sam Partner')).toBe(false)
    expect(containsWords('Flat 2 was mentioned', 'Ab')).toBe(false)
    expect(containsWords('anything', '   ')).toBe(false)
  })

  it('reads a phone number’s digits without the country code or trunk zero', () => {
    expect(phoneDigits('07700 900001')).toBe('7700900001')
    expect(phoneDigits('+44 (0)7700 900-001')).toBe('7700900001')
    expect(phoneDigits('0044 7700 900001')).toBe('7700900001')
    expect(phoneDigits('447700900001')).toBe('7700900001')
    expect(phoneDigits('01534 123456')).toBe('1534123456')
  })

  it('looks for an address whole, by its postcode and by its first line', () => {
    expect(addressParts('14 Larkspur Close, St Brelade, JE3 8QT')).toEqual([
      { part: '14 Larkspur Close, St Brelade, JE3 8QT', words: 'it' },
      { part: 'JE3 8QT', words: 'its postcode' },
      { part: '14 Larkspur Close', words: 'its first line' },
    ])
    expect(addressParts('Rue des Pres')).toEqual([{ part: 'Rue des Pres', words: 'it' }])
    expect(addressParts('2A, Long Lane')).toEqual([{ part: '2A, Long Lane', words: 'it' }])
  })
})

describe('the redaction check', () => {
  it('passes a report that holds nothing private, and lists what it looked for without the values', () => {
    const result = check('M arrived at 12:58 and ran to the play mat. Session 13:00–14:00 on 2026-12-05.')
    expect(result.ok).toBe(true)
    expect(result.findings).toEqual([])
    expect(result.checked).toEqual([
      'address of the resident parent on the resident parent’s side',
      'phone number of the resident parent on the resident parent’s side',
      'email address of the resident parent on the resident parent’s side',
      'new partner’s details of the resident parent on the resident parent’s side',
      'school of a child on the resident parent’s side',
      'address of a child on the resident parent’s side',
      'address of the visiting parent on the visiting parent’s side',
      'phone number of the visiting parent on the visiting parent’s side',
      'any UK postcode',
      'any phone number (10 digits or more)',
      'any email address',
    ])
    expect(JSON.stringify(result.checked)).not.toMatch(/Larkspur|7700|example\.org|Mary/)
  })

  it('finds a whole address, its first line or its postcode, however it is written', () => {
    expect(fields('They live at 14 Larkspur Close, St Brelade, JE3 8QT.')).toEqual(['resident:address'])
    expect(fields('Mother said they walked from 14 larkspur close.')).toEqual(['resident:address'])
    expect(fields('Postcode je38qt was on the bag')).toEqual(['resident:address'])
    expect(fields('near flat 3 today')).toEqual(['non_resident:address'])
    expect(fields('Flat 3, 9 Quay Street, St Helier JE2 4WE')).toEqual(['non_resident:address'])
  })

  it('says which part of the address it found, whose it is and where, never the value', () => {
    const [finding] = check('Postcode JE3 8QT', 'Concerns, Saturday 5 December 2026').findings
    expect(finding).toEqual({
      side: 'resident',
      field: 'address',
      where: 'Concerns, Saturday 5 December 2026',
      message:
        'The address of the resident parent on the resident parent’s side (its postcode) appears under “Concerns, Saturday 5 December 2026”. Take it out before the report is released.',
    })
    expect(finding?.message).not.toMatch(/JE3|8QT|Larkspur/i)
  })

  it('finds a phone number written any way, but not other numbers', () => {
    expect(fields('Call 07700900001 later')).toEqual(['resident:phone'])
    expect(fields('Call +44 7700 900 001 later')).toEqual(['resident:phone'])
    expect(fields('Call (07700) 900-777')).toEqual(['non_resident:phone'])
    expect(fields('Session from 10:00 to 12:00 on 5/12/2026, 2 children, room 14')).toEqual([])
  })

  it('finds an email address in any case, a school and a new partner', () => {
    expect(fields('wrote to rita.example@EXAMPLE.org')).toEqual(['resident:email'])
    expect(fields('She talked about St Mary’s Primary and her teacher')).toEqual(['resident:school'])
    expect(fields("She talked about st mary's primary")).toEqual(['resident:school'])
    expect(fields('Sam Partner collected them')).toEqual(['resident:newPartner'])
  })

  it('ignores protected values too short to look for', () => {
    const short: ProtectedValues = {
      side: 'resident',
      role: 'resident_parent',
      values: { school: 'Abc', phone: '123' },
    }
    expect(fields('Abc school, ext 123', [short])).toEqual([])
  })

  it('finds anything shaped like a postcode, a phone number or an email address', () => {
    const none: ProtectedValues[] = []
    expect(check('A new address in SW1A 1AA', undefined, none).findings).toEqual([
      expect.objectContaining({ side: null, field: 'postcode' }),
    ])
    expect(fields('ring 01534 123456', none)).toEqual(['none:phone'])
    expect(fields('ring 0153 412 345', none)).toEqual(['none:phone'])
    expect(fields('a 9-digit 123 456 789 is not a phone', none)).toEqual([])
    expect(fields('mail someone@elsewhere.net', none)).toEqual(['none:email'])
    const [email] = check('mail someone@elsewhere.net', undefined, none).findings
    expect(email?.message).not.toContain('elsewhere')
  })

  it('does not report a protected detail twice as a pattern too', () => {
    expect(
      fields('from 14 Larkspur Close, St Brelade, JE3 8QT; rita.example@example.org; 07700 900001'),
    ).toEqual(['resident:address', 'resident:phone', 'resident:email'])
  })

  it('reports each detail once per place, and again in another place', () => {
    const result = checkRedaction(PEOPLE, [
      { heading: 'Arrival', text: 'JE3 8QT' },
      { heading: 'Arrival', text: '14 Larkspur Close again' },
      { heading: 'Concerns', text: 'JE3 8QT' },
    ])
    expect(result.findings.map((f) => `${f.where}:${f.field}`)).toEqual([
      'Arrival:address',
      'Concerns:address',
    ])
    expect(result.ok).toBe(false)
  })

  it('leaves out values the report must print, such as a case reference that looks like a postcode', () => {
    expect(check('Case reference: C-AB12CD', 'Heading', []).findings).toHaveLength(1)
    const known = checkRedaction([], [{ heading: 'Heading', text: 'Case reference: C-AB12CD' }], ['C-AB12CD'])
    expect(known.ok).toBe(true)
    const stillChecked = checkRedaction(
      [RESIDENT],
      [{ heading: 'Heading', text: 'C-AB12CD and JE3 8QT' }],
      ['C-AB12CD'],
    )
    expect(stillChecked.findings.map((f) => f.field)).toEqual(['address'])
  })

  it('names a person with no side plainly', () => {
    const worker: ProtectedValues = { side: null, role: 'social_worker', values: { phone: '01534 445566' } }
    const [finding] = check('call 01534 445566', 'Intervention', [worker]).findings
    expect(finding).toMatchObject({ side: null, field: 'phone' })
    expect(finding?.message).toBe(
      'The phone number of someone appears under “Intervention”. Take it out before the report is released.',
    )
  })
})
