import { describe, expect, it } from 'vitest'
import {
  addDays,
  formatLongDay,
  formatWeek,
  isoWeekday,
  mondayOf,
  timeIn,
  todayIn,
  windowIn,
} from './calendar-dates'

describe('calendar dates', () => {
  it('finds the Monday of a week, across a month and a year', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(mondayOf('2027-01-02')).toBe('2026-12-28')
    expect(isoWeekday('2026-12-06')).toBe(7)
  })

  it('counts days through the clock change without losing one', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26')
  })

  it('names days and weeks in plain words, without a comma after the weekday', () => {
    expect(formatLongDay('2026-12-06')).toBe('Sunday 6 December 2026')
    expect(formatWeek('2026-11-30')).toBe('30 November to 6 December 2026')
  })

  it('shows instants in the centre’s zone, not the computer’s', () => {
    // 09:45 UTC is 10:45 in Jersey in summer (BST) and 09:45 in winter (GMT).
    expect(timeIn('2026-07-05T09:45:00Z', 'Europe/Jersey')).toBe('10:45')
    expect(timeIn('2026-12-06T09:45:00Z', 'Europe/Jersey')).toBe('09:45')
    expect(windowIn('2026-07-05T08:45:00Z', '2026-07-05T11:15:00Z', 'Europe/Jersey')).toBe('09:45–12:15')
  })

  it('knows the date where the centre is', () => {
    // 23:30 UTC on 5 July is already 6 July in Jersey (BST) but still 5 July in New York.
    const now = new Date('2026-07-05T23:30:00Z')
    expect(todayIn('Europe/Jersey', now)).toBe('2026-07-06')
    expect(todayIn('America/New_York', now)).toBe('2026-07-05')
  })
})
