// The statistics said in plain words: one sentence per chart, numbers written the British way, and
// where each report's downloads are.

import { longDay, monthLong } from './statistics-dates'

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** "1,234". */
export const formatCount = (count: number): string => whole.format(count)

/** "1,234.5" hours, or "12" when whole. */
export const formatHours = (hours: number): string => oneDecimal.format(hours)

/** "1 day", "41.5 days". */
export const daysWords = (days: number): string => `${formatHours(days)} ${days === 1 ? 'day' : 'days'}`

/** "3 referrals", with thousands grouped. */
export const countWords = (count: number, one: string, many = `${one}s`): string =>
  `${formatCount(count)} ${count === 1 ? one : many}`

/** booked ÷ available as a whole percentage, or null when nothing was available. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((part / whole) * 100)
}

/** "64%", or a dash when there is nothing to divide by. */
export const percentWords = (percent: number | null): string => (percent === null ? '—' : `${percent}%`)

export interface Counted {
  label: string
  count: number
}

/** The item with the largest count (the first of equals), or null when every count is nought. */
export function largest<T extends Counted>(items: readonly T[]): T | null {
  let best: T | null = null
  for (const item of items) if (item.count > 0 && (best === null || item.count > best.count)) best = item
  return best
}

/** "42 referrals. The largest source was Self-referral, with 25." */
export function referralsSummary(sources: readonly Counted[]): string {
  const total = sources.reduce((sum, s) => sum + s.count, 0)
  const top = largest(sources)
  if (total === 0 || top === null) return 'No referrals were received in this period.'
  if (top.count === total) return `${countWords(total, 'referral')}, all from ${top.label}.`
  return `${countWords(total, 'referral')}. The largest source was ${top.label}, with ${formatCount(top.count)}.`
}

/** "39 children in active cases on 31 March 2027. The largest age group: 5 to 7 (14)." */
export function childrenSummary(bands: readonly Counted[], on: string): string {
  const total = bands.reduce((sum, b) => sum + b.count, 0)
  const top = largest(bands)
  if (total === 0 || top === null) return `No children were in active cases on ${longDay(on)}.`
  return `${countWords(total, 'child', 'children')} in active cases on ${longDay(on)}. The largest age group: ${top.label} (${formatCount(top.count)}).`
}

/** "120 sessions delivered, 14 cancelled and 6 not attended." */
export function sessionsSummary(totals: {
  delivered: number
  cancelled: number
  notAttended: number
}): string {
  const { delivered, cancelled, notAttended } = totals
  if (delivered + cancelled + notAttended === 0) return 'No sessions were booked in this period.'
  return `${countWords(delivered, 'session')} delivered, ${formatCount(cancelled)} cancelled and ${formatCount(notAttended)} not attended.`
}

/** "64% of places used: 420 booked of 650 available." */
export function capacitySummary(totals: { available: number; booked: number }): string {
  const percent = percentOf(totals.booked, totals.available)
  if (percent === null) return `No places were open in this period; ${formatCount(totals.booked)} booked.`
  return `${percent}% of places used: ${formatCount(totals.booked)} booked of ${formatCount(totals.available)} available.`
}

/** The waiting list at the period's end, against its start, and the last median wait known. */
export function waitingSummary(
  months: readonly { month: string; waiting: number; medianWaitDays: number | null }[],
): string {
  const first = months[0]
  const last = months.at(-1)
  if (!first || !last) return 'No months in this period.'
  const end = `${countWords(last.waiting, 'family', 'families')} on the waiting list at the end of ${monthLong(last.month)}`
  const change =
    months.length > 1 ? `, against ${formatCount(first.waiting)} at the end of ${monthLong(first.month)}` : ''
  const lastWait = [...months].reverse().find((m) => m.medianWaitDays !== null)
  const wait = lastWait
    ? ` Families who left the list in ${monthLong(lastWait.month)} had waited ${daysWords(lastWait.medianWaitDays ?? 0)} (median).`
    : ''
  return `${end}${change}.${wait}`
}

/** "15 cases closed. The most common outcome was Moved on to own arrangements, with 7." */
export function outcomesSummary(outcomes: readonly Counted[]): string {
  const total = outcomes.reduce((sum, o) => sum + o.count, 0)
  const top = largest(outcomes)
  if (total === 0 || top === null) return 'No cases were closed in this period.'
  return `${countWords(total, 'case')} closed. The most common outcome was ${top.label}, with ${formatCount(top.count)}.`
}

/** "1,234.5 volunteer hours. The busiest month was March 2027, with 150." */
export function hoursSummary(months: readonly { month: string; hours: number }[]): string {
  const total = months.reduce((sum, m) => sum + m.hours, 0)
  const top = largest(months.map((m) => ({ label: monthLong(m.month), count: m.hours })))
  if (total === 0 || top === null) return 'No approved volunteer hours in this period.'
  const hours = `${formatHours(total)} volunteer ${total === 1 ? 'hour' : 'hours'}`
  return `${hours}. The busiest month was ${top.label}, with ${formatHours(top.count)}.`
}

export type ReportPath = 'caseload' | 'quarterly-return' | 'service' | 'dashboard'

/** Where a report's CSV or PDF is: "/api/reports/caseload.csv?on=2026-11-26", empty values left out. */
export function reportUrl(
  path: ReportPath,
  format: 'csv' | 'pdf',
  query: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  const search = params.toString()
  return `/api/reports/${path}.${format}${search ? `?${search}` : ''}`
}
