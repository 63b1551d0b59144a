// The dashboard's answer laid out for its charts and tables: series, the number written above each
// column, and the sentence that says what the chart shows.

import { monthLong } from './statistics-dates'
import type { Dashboard } from './statistics-types'
import {
  capacitySummary,
  daysWords,
  formatCount,
  formatHours,
  hoursSummary,
  percentOf,
  percentWords,
  referralsSummary,
  sessionsSummary,
} from './statistics-words'
import { aboveOf, colorAt, sum, type MonthlyChart, type TableSpec } from './chart-shapes'

/**
 * Referrals received each month, stacked by source in the order of the centre's settings. Sources
 * with none in the period stay in the table but are left out of the chart and its key.
 */
export function referralsChart(d: Dashboard): { chart: MonthlyChart; table: TableSpec; summary: string } {
  const totals = d.sources.map((s) => ({
    label: s.label,
    count: sum(d.referralsByMonth.map((m) => m.bySource[s.source] ?? 0)),
  }))
  const values = d.referralsByMonth.map((m) => d.sources.map((s) => m.bySource[s.source] ?? 0))
  const shown = d.sources.flatMap((s, i) => ((totals[i]?.count ?? 0) > 0 ? [i] : []))
  return {
    summary: referralsSummary(totals),
    chart: {
      months: d.referralsByMonth.map((m) => m.month),
      series: shown.map((i) => ({
        label: d.sources[i]?.label ?? '',
        color: colorAt(i),
        total: formatCount(totals[i]?.count ?? 0),
      })),
      values: values.map((row) => shown.map((i) => row[i] ?? 0)),
      layout: 'stack',
      above: d.referralsByMonth.map((m) => aboveOf(m.total)),
      aboveMeaning: 'Number above each column: referrals that month',
    },
    table: {
      caption: `Referrals by source and month, ${d.period.label}`,
      head: ['Month', ...d.sources.map((s) => s.label), 'Total'],
      rows: d.referralsByMonth.map((m, i) => [monthLong(m.month), ...(values[i] ?? []), m.total]),
      foot: ['Total', ...totals.map((t) => t.count), sum(d.referralsByMonth.map((m) => m.total))],
    },
  }
}

const SESSION_SERIES: { key: 'delivered' | 'cancelled' | 'notAttended'; label: string; color: string }[] = [
  { key: 'delivered', label: 'Delivered', color: 'var(--mantine-color-kin-7)' },
  { key: 'cancelled', label: 'Cancelled', color: 'var(--mantine-color-orange-9)' },
  { key: 'notAttended', label: 'Not attended', color: 'var(--mantine-color-grape-8)' },
]

/** Sessions each month: delivered at the bottom, then cancelled, then not attended. */
export function sessionsChart(d: Dashboard): { chart: MonthlyChart; table: TableSpec; summary: string } {
  const rows = d.sessionsByMonth
  const totals = {
    delivered: sum(rows.map((m) => m.delivered)),
    cancelled: sum(rows.map((m) => m.cancelled)),
    notAttended: sum(rows.map((m) => m.notAttended)),
  }
  return {
    summary: sessionsSummary(totals),
    chart: {
      months: rows.map((m) => m.month),
      series: SESSION_SERIES.map((s) => ({ ...s, total: formatCount(totals[s.key]) })),
      values: rows.map((m) => SESSION_SERIES.map((s) => m[s.key])),
      layout: 'stack',
      above: rows.map((m) => aboveOf(m.delivered)),
      aboveMeaning: 'Number above each column: sessions delivered',
    },
    table: {
      caption: `Sessions by month, ${d.period.label}`,
      head: ['Month', 'Delivered', 'Cancelled', 'Not attended'],
      rows: rows.map((m) => [monthLong(m.month), m.delivered, m.cancelled, m.notAttended]),
      foot: ['Total', totals.delivered, totals.cancelled, totals.notAttended],
    },
  }
}

/** Places open each month as an outline, with the places booked drawn inside it. */
export function capacityChart(d: Dashboard): { chart: MonthlyChart; table: TableSpec; summary: string } {
  const rows = d.capacityByMonth
  const totals = { available: sum(rows.map((m) => m.available)), booked: sum(rows.map((m) => m.booked)) }
  const used = (booked: number, available: number) => percentWords(percentOf(booked, available))
  return {
    summary: capacitySummary(totals),
    chart: {
      months: rows.map((m) => m.month),
      series: [
        {
          label: 'Available',
          color: 'var(--mantine-color-gray-7)',
          outline: true,
          total: formatCount(totals.available),
        },
        { label: 'Booked', color: 'var(--mantine-color-kin-7)', total: formatCount(totals.booked) },
      ],
      values: rows.map((m) => [m.available, m.booked]),
      layout: 'overlay',
      above: rows.map((m) => aboveOf(percentOf(m.booked, m.available))),
      aboveMeaning: 'Number above each column: per cent of places used',
    },
    table: {
      caption: `Places available and booked by month, ${d.period.label}`,
      head: ['Month', 'Available', 'Booked', 'Used'],
      rows: rows.map((m) => [monthLong(m.month), m.available, m.booked, used(m.booked, m.available)]),
      foot: ['Total', totals.available, totals.booked, used(totals.booked, totals.available)],
    },
  }
}

/** Families on the waiting list at each month's end. */
export function waitingChart(d: Dashboard): MonthlyChart {
  const rows = d.waitingByMonth
  return {
    months: rows.map((m) => m.month),
    series: [{ label: 'Waiting at the month’s end', color: 'var(--mantine-color-blue-8)' }],
    values: rows.map((m) => [m.waiting]),
    layout: 'stack',
    above: rows.map((m) => aboveOf(m.waiting)),
    aboveMeaning: 'Number above each column: families waiting',
  }
}

/** The median wait, in days, of the families who left the list each month. */
export function waitChart(d: Dashboard): MonthlyChart {
  const rows = d.waitingByMonth
  return {
    months: rows.map((m) => m.month),
    series: [{ label: 'Median wait in days', color: 'var(--mantine-color-orange-9)' }],
    values: rows.map((m) => [m.medianWaitDays ?? 0]),
    layout: 'stack',
    above: rows.map((m) => aboveOf(m.medianWaitDays)),
    aboveMeaning:
      'Number above each column: median days waited, to the nearest day (– when no one left the list)',
    spoken: rows.map((m) =>
      m.medianWaitDays === null ? 'no one left the list' : daysWords(m.medianWaitDays),
    ),
  }
}

export function waitingTable(d: Dashboard): TableSpec {
  return {
    caption: `Waiting list by month, ${d.period.label}`,
    head: ['Month', 'Waiting at the month’s end', 'Median wait (days)'],
    rows: d.waitingByMonth.map((m) => [
      monthLong(m.month),
      m.waiting,
      m.medianWaitDays === null ? 'No one left the list' : formatHours(m.medianWaitDays),
    ]),
  }
}

/** Approved volunteer hours each month. */
export function hoursChart(d: Dashboard): { chart: MonthlyChart; table: TableSpec; summary: string } {
  const rows = d.volunteerHoursByMonth
  const total = sum(rows.map((m) => m.hours))
  return {
    summary: hoursSummary(rows),
    chart: {
      months: rows.map((m) => m.month),
      series: [{ label: 'Hours', color: 'var(--mantine-color-kin-7)', total: formatHours(total) }],
      values: rows.map((m) => [m.hours]),
      layout: 'stack',
      above: rows.map((m) => aboveOf(m.hours)),
      aboveMeaning: 'Number above each column: hours, to the nearest hour',
    },
    table: {
      caption: `Approved volunteer hours by month, ${d.period.label}`,
      head: ['Month', 'Hours'],
      rows: rows.map((m) => [monthLong(m.month), formatHours(m.hours)]),
      foot: ['Total', formatHours(total)],
    },
  }
}
