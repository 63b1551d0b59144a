// Monthly column charts in numbers: the series and their colours, where each rectangle goes, how
// wide a column must be for its number, and the chart said in words for a screen reader.

import { niceMax } from '../../volunteering-words'
import { monthLong } from './statistics-dates'
import { formatHours } from './statistics-words'

/**
 * Colours for series, each at least 3:1 against white; neighbours in a stack are kept apart by a
 * white line, and every value is in the legend and the table as well.
 */
export const PALETTE = [
  'var(--mantine-color-kin-7)',
  'var(--mantine-color-blue-8)',
  'var(--mantine-color-orange-9)',
  'var(--mantine-color-grape-8)',
  'var(--mantine-color-gray-7)',
  'var(--mantine-color-red-9)',
  'var(--mantine-color-cyan-9)',
  'var(--mantine-color-lime-9)',
  'var(--mantine-color-pink-9)',
  'var(--mantine-color-indigo-9)',
] as const

export const colorAt = (index: number): string => PALETTE[index % PALETTE.length] ?? PALETTE[0]

export interface Series {
  label: string
  color: string
  /** Drawn as a dashed outline behind the others: room rather than use. */
  outline?: boolean
  /** The series' total over the period, written in the legend; omitted where a total means nothing. */
  total?: string
}

export interface MonthlyChart {
  months: string[]
  series: Series[]
  /** values[month][series]. */
  values: number[][]
  /** 'stack' piles the series up; 'overlay' draws each series from the bottom, the outline behind. */
  layout: 'stack' | 'overlay'
  /** The number written above each column. */
  above: string[]
  /** What the number above the column is, for the legend. */
  aboveMeaning: string
  /** Each month's figures in words for a screen reader, when the values alone would mislead. */
  spoken?: string[]
}

export interface TableSpec {
  caption: string
  head: string[]
  rows: (string | number)[][]
  /** A last row in bold, such as the totals. */
  foot?: (string | number)[]
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)

/** The number above a column: whole, without separators to keep it narrow; a dash for none. */
export const aboveOf = (value: number | null): string => (value === null ? '–' : String(Math.round(value)))

/** One series' rectangle in a column, in a 100-high drawing with 0 at the top. */
export interface Shape {
  label: string
  color: string
  outline: boolean
  y: number
  height: number
}

/** The top of the scale: a round number at or above the tallest column (a stack's sum, else its largest). */
export function chartTop(chart: Pick<MonthlyChart, 'values' | 'layout'>): number {
  const heights = chart.values.map((v) => (chart.layout === 'stack' ? sum(v) : Math.max(0, ...v)))
  return niceMax(Math.max(0, ...heights))
}

/** The rectangles of one month's column: stacked upwards, or each from the bottom when they overlap. */
export function columnShapes(
  chart: Pick<MonthlyChart, 'values' | 'layout' | 'series'>,
  month: number,
  top: number,
): Shape[] {
  const shapes: Shape[] = []
  let base = 100
  chart.series.forEach((series, i) => {
    const height = ((chart.values[month]?.[i] ?? 0) / top) * 100
    if (height <= 0) return
    const y = chart.layout === 'stack' && !series.outline ? base - height : 100 - height
    if (chart.layout === 'stack' && !series.outline) base = y
    shapes.push({ label: series.label, color: series.color, outline: series.outline ?? false, y, height })
  })
  return shapes
}

/** A column wide enough for the number written above it: 24 px holds three digits. */
export function columnWidth(above: readonly string[]): number {
  const longest = Math.max(0, ...above.map((text) => text.length))
  return Math.max(24, Math.ceil(longest * 6.5 + 4))
}

/** The chart's text alternative: its sentence, then each month's figures. */
export function chartLabel(title: string, summary: string, chart: MonthlyChart): string {
  const months = chart.months.map((month, i) => {
    const spoken = chart.spoken?.[i]
    if (spoken !== undefined) return `${monthLong(month)}: ${spoken}`
    const values = chart.series.map((s, j) => `${s.label} ${formatHours(chart.values[i]?.[j] ?? 0)}`)
    return `${monthLong(month)}: ${values.join(', ')}`
  })
  return [`${title}.`, summary, `${months.join('; ')}.`].filter(Boolean).join(' ')
}
