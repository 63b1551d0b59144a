import { describe, expect, it } from 'vitest'
import {
  availabilityLines,
  deadlineWords,
  endOfMonth,
  formatDay,
  gatesWords,
  isProblem,
  isUrgent,
  moveLabel,
  niceMax,
  parseAlertDays,
  shortTitle,
  todayLocal,
  validityWords,
} from './volunteer-words'

describe('volunteer words', () => {
  it('says a local date the same in every time zone', () => {
    expect(formatDay('2026-12-01')).toBe('1 Dec 2026')
    expect(formatDay(null)).toBe('—')
    expect(todayLocal(new Date(2027, 0, 5))).toBe('2027-01-05')
  })

  it('finds the end of this month and of next month, across a year and in a leap year', () => {
    expect(endOfMonth('2026-11-14')).toBe('2026-11-30')
    expect(endOfMonth('2026-12-14', 1)).toBe('2027-01-31')
    expect(endOfMonth('2028-01-31', 1)).toBe('2028-02-29')
  })

  it('shortens long requirement titles for a matrix column', () => {
    expect(shortTitle('NACCC 1: The volunteer’s role and NACCC values')).toBe('NACCC 1')
    expect(shortTitle('First aid')).toBe('First aid')
    expect(shortTitle('Review with mentor, 90 days after starting')).toBe('Review with mentor, 90…')
    expect(shortTitle('Supervisor qualification (Level 3 Diploma or equivalent)').length).toBeLessThanOrEqual(
      24,
    )
  })

  it('says validity, deadlines and gates in words', () => {
    expect(validityWords(36)).toBe('3 years')
    expect(validityWords(12)).toBe('1 year')
    expect(validityWords(18)).toBe('18 months')
    expect(validityWords(null)).toBe('Does not expire')
    expect(deadlineWords(null)).toBe('Before starting')
    expect(deadlineWords(90)).toBe('Within 90 days of starting')
    expect(gatesWords(['*'])).toBe('Every shift')
    expect(gatesWords(['supervisor', 'escort'])).toBe('Supervisor, Escort')
    expect(gatesWords([])).toBe('Nothing: kept for the record')
  })

  it('names each move', () => {
    expect(moveLabel('training', 'active')).toBe('Move to Active')
    expect(moveLabel('references', 'withdrawn')).toBe('Mark as withdrawn')
    expect(moveLabel('left', 'enquiry')).toBe('Start again as an enquiry')
    expect(moveLabel('leaving', 'active')).toBe('Staying on: back to Active')
  })

  it('groups a weekly pattern by day', () => {
    expect(
      availabilityLines([
        { weekday: 6, from: '14:00', to: '16:00' },
        { weekday: 6, from: '09:30', to: '13:00' },
        { weekday: 1, from: '18:00', to: '20:00' },
      ]),
    ).toEqual(['Mondays 18:00–20:00', 'Saturdays 09:30–13:00 and 14:00–16:00'])
  })

  it('rounds a chart scale up and tells problems from what is fine', () => {
    expect(niceMax(18)).toBe(20)
    expect(niceMax(7)).toBe(8)
    expect(niceMax(130)).toBe(150)
    expect(niceMax(0)).toBe(1)
    expect(isProblem('expiring')).toBe(true)
    expect(isProblem('ok')).toBe(false)
    expect(isProblem('optional')).toBe(false)
    expect(isUrgent('due')).toBe(false)
    expect(isUrgent('renewal')).toBe(true)
  })

  it('reads reminder days typed as a list', () => {
    expect(parseAlertDays('7, 60 30')).toEqual([60, 30, 7])
    expect(parseAlertDays('30,30')).toEqual([30])
    expect(parseAlertDays('')).toBeNull()
    expect(parseAlertDays('0, 30')).toBeNull()
    expect(parseAlertDays('a week')).toBeNull()
  })
})
