import { describe, expect, it } from 'vitest'
import {
  capacitySummary,
  childrenSummary,
  countWords,
  formatHours,
  hoursSummary,
  largest,
  outcomesSummary,
  percentOf,
  referralsSummary,
  reportUrl,
  sessionsSummary,
  waitingSummary,
} from './statistics-words'

describe('numbers in words', () => {
  it('groups thousands and keeps one decimal of hours', () => {
    expect(countWords(1, 'referral')).toBe('1 referral')
    expect(countWords(1234, 'child', 'children')).toBe('1,234 children')
    expect(formatHours(1234.5)).toBe('1,234.5')
    expect(formatHours(12)).toBe('12')
  })

  it('gives a whole percentage, or nothing when there is nothing to divide by', () => {
    expect(percentOf(2, 3)).toBe(67)
    expect(percentOf(5, 0)).toBeNull()
  })

  it('finds the largest count, the first of equals, and none among noughts', () => {
    const items = [
      { label: 'A', count: 2 },
      { label: 'B', count: 5 },
      { label: 'C', count: 5 },
    ]
    expect(largest(items)?.label).toBe('B')
    expect(largest([{ label: 'A', count: 0 }])).toBeNull()
  })
})

describe('the sentence under each chart', () => {
  it('names the total referrals and the largest source', () => {
    expect(
      referralsSummary([
        { label: 'Court adviser', count: 25 },
        { label: 'Social services', count: 5 },
        { label: 'Self-referral', count: 12 },
      ]),
    ).toBe('42 referrals. The largest source was Court adviser, with 25.')
    expect(referralsSummary([{ label: 'Self-referral', count: 1 }])).toBe(
      '1 referral, all from Self-referral.',
    )
    expect(referralsSummary([{ label: 'Self-referral', count: 0 }])).toBe(
      'No referrals were received in this period.',
    )
  })

  it('names the children on the last day and the largest age group', () => {
    expect(
      childrenSummary(
        [
          { label: 'Under 2', count: 3 },
          { label: '5 to 7', count: 14 },
        ],
        '2027-03-31',
      ),
    ).toBe('17 children in active cases on 31 March 2027. The largest age group: 5 to 7 (14).')
    expect(childrenSummary([], '2027-03-31')).toBe('No children were in active cases on 31 March 2027.')
  })

  it('says sessions delivered, cancelled and not attended', () => {
    expect(sessionsSummary({ delivered: 120, cancelled: 14, notAttended: 6 })).toBe(
      '120 sessions delivered, 14 cancelled and 6 not attended.',
    )
    expect(sessionsSummary({ delivered: 0, cancelled: 0, notAttended: 0 })).toBe(
      'No sessions were booked in this period.',
    )
  })

  it('says the share of places used', () => {
    expect(capacitySummary({ available: 650, booked: 420 })).toBe(
      '65% of places used: 420 booked of 650 available.',
    )
    expect(capacitySummary({ available: 0, booked: 2 })).toBe('No places were open in this period; 2 booked.')
  })

  it('compares the waiting list at the end with the start, and gives the last median wait known', () => {
    expect(
      waitingSummary([
        { month: '2026-04', waiting: 8, medianWaitDays: 30 },
        { month: '2026-05', waiting: 12, medianWaitDays: 41.5 },
        { month: '2026-06', waiting: 1, medianWaitDays: null },
      ]),
    ).toBe(
      '1 family on the waiting list at the end of June 2026, against 8 at the end of April 2026. Families who left the list in May 2026 had waited 41.5 days (median).',
    )
    expect(waitingSummary([{ month: '2026-04', waiting: 0, medianWaitDays: null }])).toBe(
      '0 families on the waiting list at the end of April 2026.',
    )
  })

  it('names the closures and the commonest outcome', () => {
    expect(
      outcomesSummary([
        { label: 'Moved on to own arrangements', count: 7 },
        { label: 'Other', count: 8 },
      ]),
    ).toBe('15 cases closed. The most common outcome was Other, with 8.')
    expect(outcomesSummary([])).toBe('No cases were closed in this period.')
  })

  it('adds up the hours and names the busiest month', () => {
    expect(
      hoursSummary([
        { month: '2026-04', hours: 10.5 },
        { month: '2026-05', hours: 20 },
      ]),
    ).toBe('30.5 volunteer hours. The busiest month was May 2026, with 20.')
    expect(hoursSummary([{ month: '2026-04', hours: 0 }])).toBe('No approved volunteer hours in this period.')
  })
})

describe('download addresses', () => {
  it('carries the choices and leaves out the empty ones', () => {
    expect(reportUrl('caseload', 'csv', { on: '2026-11-26', centreId: undefined })).toBe(
      '/api/reports/caseload.csv?on=2026-11-26',
    )
    expect(
      reportUrl('service', 'pdf', {
        audience: 'trustees',
        from: '2026-04-01',
        to: '2026-06-30',
        centreId: 'c1',
      }),
    ).toBe('/api/reports/service.pdf?audience=trustees&from=2026-04-01&to=2026-06-30&centreId=c1')
    expect(reportUrl('dashboard', 'csv', {})).toBe('/api/reports/dashboard.csv')
  })
})
