import { describe, expect, it } from 'vitest'
import { chartLabel, chartTop, colorAt, columnShapes, columnWidth, PALETTE } from './chart-shapes'
import {
  capacityChart,
  hoursChart,
  referralsChart,
  sessionsChart,
  waitChart,
  waitingTable,
} from './dashboard-charts'
import type { Dashboard } from './statistics-types'

const dashboard: Dashboard = {
  period: {
    from: '2026-04-01',
    to: '2026-05-31',
    label: '1 April 2026 to 31 May 2026',
    timeZone: 'Europe/Jersey',
  },
  centres: [{ id: 'c1', name: 'St Helier' }],
  months: ['2026-04', '2026-05'],
  sources: [
    { source: 'court_adviser', label: 'Court adviser' },
    { source: 'self', label: 'Self-referral' },
    { source: 'mediator', label: 'Mediator' },
  ],
  referralsByMonth: [
    { month: '2026-04', bySource: { court_adviser: 3, self: 1 }, total: 4 },
    { month: '2026-05', bySource: { self: 2 }, total: 2 },
  ],
  childrenByAge: [{ band: '5_to_7', label: '5 to 7', children: 4 }],
  sessionsByMonth: [
    { month: '2026-04', delivered: 10, cancelled: 2, notAttended: 1 },
    { month: '2026-05', delivered: 8, cancelled: 0, notAttended: 0 },
  ],
  capacityByMonth: [
    { month: '2026-04', available: 20, booked: 13 },
    { month: '2026-05', available: 0, booked: 0 },
  ],
  waitingByMonth: [
    { month: '2026-04', waiting: 3, medianWaitDays: null },
    { month: '2026-05', waiting: 2, medianWaitDays: 1 },
  ],
  outcomes: [],
  volunteerHoursByMonth: [
    { month: '2026-04', hours: 12.5 },
    { month: '2026-05', hours: 1500 },
  ],
}

describe('referrals by source and month', () => {
  it('stacks each month by source, a missing source counting nought, with totals in the key and the table', () => {
    // The mediator referred no one: a column in the table, but no colour in the chart.
    const { chart, table, summary } = referralsChart(dashboard)
    expect(chart.values).toEqual([
      [3, 1],
      [0, 2],
    ])
    expect(chart.above).toEqual(['4', '2'])
    expect(chart.series.map((s) => [s.label, s.total])).toEqual([
      ['Court adviser', '3'],
      ['Self-referral', '3'],
    ])
    expect(table.head).toEqual(['Month', 'Court adviser', 'Self-referral', 'Mediator', 'Total'])
    expect(table.rows).toEqual([
      ['April 2026', 3, 1, 0, 4],
      ['May 2026', 0, 2, 0, 2],
    ])
    expect(table.foot).toEqual(['Total', 3, 3, 0, 6])
    expect(summary).toBe('6 referrals. The largest source was Court adviser, with 3.')
  })

  it('gives each source its own colour until the palette runs out', () => {
    expect(new Set(PALETTE.map((_, i) => colorAt(i))).size).toBe(PALETTE.length)
    expect(colorAt(PALETTE.length)).toBe(PALETTE[0])
  })
})

describe('sessions and capacity', () => {
  it('writes the sessions delivered above each column and totals every kind', () => {
    const { chart, table } = sessionsChart(dashboard)
    expect(chart.above).toEqual(['10', '8'])
    expect(chart.series.map((s) => s.total)).toEqual(['18', '2', '1'])
    expect(table.foot).toEqual(['Total', 18, 2, 1])
  })

  it('draws available places as an outline behind the booked, with the share used above', () => {
    const { chart, table, summary } = capacityChart(dashboard)
    expect(chart.layout).toBe('overlay')
    expect(chart.series[0]?.outline).toBe(true)
    expect(chart.above).toEqual(['65', '–'])
    expect(table.foot).toEqual(['Total', 20, 13, '65%'])
    expect(summary).toBe('65% of places used: 13 booked of 20 available.')
  })
})

describe('waiting and hours', () => {
  it('marks a month when no one left the list, rather than a wait of nought', () => {
    const chart = waitChart(dashboard)
    expect(chart.above).toEqual(['–', '1'])
    expect(
      waitChart({ ...dashboard, waitingByMonth: [{ month: '2026-04', waiting: 1, medianWaitDays: 30.5 }] })
        .above,
    ).toEqual(['31'])
    expect(chart.spoken).toEqual(['no one left the list', '1 day'])
    expect(waitingTable(dashboard).rows).toEqual([
      ['April 2026', 3, 'No one left the list'],
      ['May 2026', 2, '1'],
    ])
  })

  it('rounds hours above the columns and keeps one decimal in the table', () => {
    const { chart, table } = hoursChart(dashboard)
    expect(chart.above).toEqual(['13', '1500'])
    expect(table.rows).toEqual([
      ['April 2026', '12.5'],
      ['May 2026', '1,500'],
    ])
    expect(table.foot).toEqual(['Total', '1,512.5'])
  })
})

describe('drawing the columns', () => {
  it('stacks the series upwards from the bottom, on a round scale', () => {
    const { chart } = sessionsChart(dashboard)
    const top = chartTop(chart)
    expect(top).toBe(15)
    expect(columnShapes(chart, 0, top).map((s) => [s.label, Math.round(s.y), Math.round(s.height)])).toEqual([
      ['Delivered', 33, 67],
      ['Cancelled', 20, 13],
      ['Not attended', 13, 7],
    ])
  })

  it('draws overlapping series from the bottom, the outline behind, and nothing for nought', () => {
    const { chart } = capacityChart(dashboard)
    const top = chartTop(chart)
    expect(top).toBe(20)
    expect(columnShapes(chart, 0, top)).toEqual([
      { label: 'Available', color: 'var(--mantine-color-gray-7)', outline: true, y: 0, height: 100 },
      { label: 'Booked', color: 'var(--mantine-color-kin-7)', outline: false, y: 35, height: 65 },
    ])
    expect(columnShapes(chart, 1, top)).toEqual([])
  })
})

describe('column widths', () => {
  it('widens a column for a number longer than three digits', () => {
    expect(columnWidth(['1', '999'])).toBe(24)
    expect(columnWidth(['1500'])).toBe(30)
    expect(columnWidth([])).toBe(24)
  })
})

describe('the text alternative', () => {
  it('says the title, the sentence and every month’s figures', () => {
    const built = sessionsChart(dashboard)
    expect(chartLabel('Sessions by month', built.summary, built.chart)).toBe(
      'Sessions by month. 18 sessions delivered, 2 cancelled and 1 not attended. April 2026: Delivered 10, Cancelled 2, Not attended 1; May 2026: Delivered 8, Cancelled 0, Not attended 0.',
    )
    expect(chartLabel('Median wait', '', waitChart(dashboard))).toBe(
      'Median wait. April 2026: no one left the list; May 2026: 1 day.',
    )
  })
})
