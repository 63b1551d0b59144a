import { describe, expect, it } from 'vitest'
import { endOfMonth, formatDay, formatMonth, monthStart, shiftMonth, todayLocal } from './volunteering-dates'

describe('volunteering dates', () => {
  it('says a local date the same in every time zone', () => {
    expect(formatDay('2026-12-01')).toBe('1 Dec 2026')
    expect(formatDay('2026-09-30')).toBe('30 Sep 2026')
    expect(formatDay(null)).toBe('—')
    expect(todayLocal(new Date(2027, 0, 5))).toBe('2027-01-05')
  })

  it('finds the end of this month and of next month, across a year and in a leap year', () => {
    expect(endOfMonth('2026-11-14')).toBe('2026-11-30')
    expect(endOfMonth('2026-12-14', 1)).toBe('2027-01-31')
    expect(endOfMonth('2028-01-31', 1)).toBe('2028-02-29')
  })

  it('moves by whole months from the first of the month, and names the month', () => {
    expect(monthStart('2026-08-17')).toBe('2026-08-01')
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12-01')
    expect(shiftMonth('2026-12-15', 2)).toBe('2027-02-01')
    expect(formatMonth('2026-08-17')).toBe('August 2026')
  })
})
