import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SERVICE_TYPES } from '../referrals/referrals.schemas'
import { weekdayOf } from '../scheduling/schedule.rules'
import {
  emptyRequiredSections,
  isObserved,
  mergeSections,
  observationCan,
  observationDueOn,
  observationRefusal,
  plusWorkingDays,
  wasHeld,
  type ObservationStatus,
} from './observation.rules'

// 2027-03-05 is a Friday, 2027-03-06 a Saturday, 2027-03-08 a Monday.

describe('which sessions may have an observation record (domain rules 6.1)', () => {
  it('supervised and escorted sessions only', () => {
    expect(SERVICE_TYPES.filter(isObserved)).toEqual(['supervised', 'escorted'])
    expect(observationRefusal('supervised')).toBeNull()
    expect(observationRefusal('escorted')).toBeNull()
  })

  it('says why every other kind of session keeps attendance only', () => {
    expect(observationRefusal('supported')).toBe(
      'A supported session keeps attendance only: no record of what happened is kept',
    )
    for (const type of ['handover', 'indirect', 'virtual'])
      expect(observationRefusal(type)).toMatch(/keeps attendance only: no record of what happened is kept$/)
  })

  it('a session that did not go ahead has nothing to record', () => {
    expect(['cancelled', 'skipped', 'suspended'].map(wasHeld)).toEqual([false, false, false])
    expect(['scheduled', 'completed', 'did_not_attend'].map(wasHeld)).toEqual([true, true, true])
  })
})

describe('plusWorkingDays and the due date (domain rules 4.4)', () => {
  it('counts Monday to Friday only, across a weekend', () => {
    expect(plusWorkingDays('2027-03-05', 1)).toBe('2027-03-08') // Friday → Monday
    expect(plusWorkingDays('2027-03-08', 4)).toBe('2027-03-12') // Monday → Friday
    expect(plusWorkingDays('2027-03-08', 5)).toBe('2027-03-15') // Monday → next Monday
    expect(plusWorkingDays('2027-03-12', 3)).toBe('2027-03-17') // Friday → Wednesday
  })

  it('a Saturday session is due on the Friday after with the default five days', () => {
    expect(observationDueOn('2027-03-06', 5)).toBe('2027-03-12')
    // Sunday counts the same as Saturday: the week starts on Monday.
    expect(observationDueOn('2027-03-07', 5)).toBe('2027-03-12')
    expect(observationDueOn('2027-03-06', 1)).toBe('2027-03-08')
  })

  it('across a month and a year end', () => {
    expect(plusWorkingDays('2027-12-31', 1)).toBe('2028-01-03') // Friday → Monday
    expect(plusWorkingDays('2027-02-26', 2)).toBe('2027-03-02')
  })

  it('always lands on a weekday, at least the number of days later and at most the weeks it spans', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        (date, days) => {
          const from = date.toISOString().slice(0, 10)
          const due = plusWorkingDays(from, days)
          const gap = (Date.parse(due) - Date.parse(from)) / 86_400_000
          expect(weekdayOf(due)).toBeLessThanOrEqual(5)
          expect(gap).toBeGreaterThanOrEqual(days)
          expect(gap).toBeLessThanOrEqual(Math.ceil(days / 5) * 7 + 2)
        },
      ),
    )
  })
})

describe('the sections', () => {
  it('sent sections replace saved ones; the others keep what was saved', () => {
    expect(
      mergeSections({ arrival: 'Came by bus', play: 'Lego' }, { play: 'Lego and drawing', ending: 'Waved' }),
    ).toEqual({ arrival: 'Came by bus', play: 'Lego and drawing', ending: 'Waved' })
    // A section sent empty is cleared, not kept.
    expect(mergeSections({ quotes: '"Bye"' }, { quotes: '' })).toEqual({ quotes: '' })
  })

  it('names the required sections still empty, blank ones included', () => {
    expect(emptyRequiredSections({})).toEqual(['arrival', 'greeting', 'play', 'childResponses', 'ending'])
    expect(
      emptyRequiredSections({
        arrival: 'On time',
        greeting: '   ',
        play: 'Cards',
        care: 'Snack',
        ending: 'Hug',
      }),
    ).toEqual(['greeting', 'childResponses'])
    expect(
      emptyRequiredSections({ arrival: 'a', greeting: 'g', play: 'p', childResponses: 'c', ending: 'e' }),
    ).toEqual([])
  })
})

describe('observationCan: what the caller may do now', () => {
  const held = (status: ObservationStatus) => ({ status, sessionHeld: true })
  const author = { isAuthor: true, isDesk: false }
  const deskAuthor = { isAuthor: true, isDesk: true }
  const checker = { isAuthor: false, isDesk: true }
  const onDuty = { isAuthor: false, isDesk: false }

  it('the author edits and submits a draft or a returned record, and nothing else', () => {
    for (const status of ['draft', 'returned'] as const)
      expect(observationCan(held(status), author)).toEqual({
        edit: true,
        submit: true,
        release: false,
        return: false,
      })
    for (const status of ['submitted', 'released'] as const)
      expect(observationCan(held(status), author)).toEqual({
        edit: false,
        submit: false,
        release: false,
        return: false,
      })
  })

  it('someone at the desk other than the author releases or returns a submitted record', () => {
    expect(observationCan(held('submitted'), checker)).toEqual({
      edit: false,
      submit: false,
      release: true,
      return: true,
    })
    for (const status of ['draft', 'returned', 'released'] as const)
      expect(observationCan(held(status), checker)).toEqual({
        edit: false,
        submit: false,
        release: false,
        return: false,
      })
  })

  it('a coordinator who wrote the record never checks it', () => {
    expect(observationCan(held('submitted'), deskAuthor)).toMatchObject({ release: false, return: false })
    expect(observationCan(held('draft'), deskAuthor)).toMatchObject({ edit: true, submit: true })
  })

  it('a volunteer on duty who did not write it may do nothing with it', () => {
    for (const status of ['draft', 'submitted', 'returned', 'released'] as const)
      expect(Object.values(observationCan(held(status), onDuty))).toEqual([false, false, false, false])
  })

  it('no one writes more on the record of a session that was cancelled afterwards', () => {
    expect(observationCan({ status: 'draft', sessionHeld: false }, author)).toMatchObject({
      edit: false,
      submit: false,
    })
  })
})
