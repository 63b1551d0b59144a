import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { median, monthsOf, periodBounds, periodOf, quarterDates, quarterOf } from './statistics-scope'

describe('NACCC quarters of the April–March financial year', () => {
  it('runs Q1 April–June to Q4 January–March of the next calendar year', () => {
    expect(quarterDates('2026-Q1')).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      label: 'Q1 2026/27 (April to June 2026)',
    })
    expect(quarterDates('2026-Q3')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' })
    expect(quarterDates('2026-Q4')).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
      label: 'Q4 2026/27 (January to March 2027)',
    })
    expect(quarterDates('2099-Q2').label).toBe('Q2 2099/00 (July to September 2099)')
  })

  it('names the quarter a day falls in, the way quarterDates reads it back', () => {
    expect(quarterOf('2026-11-26')).toBe('2026-Q3')
    expect(quarterOf('2027-03-31')).toBe('2026-Q4')
    expect(quarterOf('2026-04-01')).toBe('2026-Q1')
    expect(quarterOf('2026-06-30')).toBe('2026-Q1')
    expect(quarterOf('2026-07-01')).toBe('2026-Q2')
    for (const day of ['2025-01-15', '2025-05-31', '2025-09-30', '2025-12-01']) {
      const { from, to } = quarterDates(quarterOf(day))
      expect(day >= from && day <= to, day).toBe(true)
    }
  })

  it('refuses anything that is not YYYY-Qn', () => {
    for (const bad of ['2026-Q5', '2026Q1', 'Q1-2026', '26-Q1', '']) {
      expect(() => quarterDates(bad), bad).toThrow(AppError)
    }
  })
})

describe('a period’s bounds', () => {
  it('runs from the first midnight to the midnight after the last day, in the centre’s calendar', () => {
    // Jersey keeps summer time (UTC+1) from 1 July to 30 September, and GMT after 25 October.
    expect(periodBounds('2026-07-01', '2026-09-30', 'Europe/Jersey')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      fromInstant: '2026-06-30T23:00:00.000Z',
      toInstant: '2026-09-30T23:00:00.000Z',
    })
    expect(periodBounds('2026-10-01', '2026-12-31', 'Europe/Jersey').toInstant).toBe(
      '2027-01-01T00:00:00.000Z',
    )
  })

  it('accepts a single day and ten years, and refuses a period backwards or longer than ten years', () => {
    expect(periodBounds('2026-01-01', '2026-01-01', 'UTC').toInstant).toBe('2026-01-02T00:00:00.000Z')
    expect(() => periodBounds('2016-01-01', '2026-01-01', 'UTC')).not.toThrow()
    const backwards = (() => {
      try {
        periodBounds('2026-02-01', '2026-01-31', 'UTC')
      } catch (error) {
        return error
      }
      return null
    })()
    expect(backwards).toMatchObject({ code: 'INVALID_INPUT' })
    expect(() => periodBounds('2010-01-01', '2026-01-01', 'UTC')).toThrow(/ten years/)
  })

  it('is said in words', () => {
    const bounds = periodBounds('2026-01-01', '2026-03-31', 'UTC')
    expect(periodOf(bounds, 'UTC').label).toBe('1 January 2026 to 31 March 2026')
    expect(periodOf(bounds, 'UTC', 'Q4 2025/26').label).toBe('Q4 2025/26')
  })
})

describe('months and medians', () => {
  it('lists every month a period touches', () => {
    expect(monthsOf('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthsOf('2026-01-31', '2026-01-31')).toEqual(['2026-01'])
  })

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([30, 2, 9])).toBe(9)
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(median([1, 2])).toBe(1.5)
  })
})
