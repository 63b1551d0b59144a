import PDFDocument from 'pdfkit'
import { printable } from '../session-day/report-pdf'
import type { StatDocument, StatTable } from './statistics.schemas'

// Prints a report on A4 with the PDF standard fonts (no font files): the title, the lines under it,
// each table with ruled rows and its figures right-aligned, the definitions at the end, and on
// every page the title and "Page n of m". A table that runs onto another page repeats its heading
// and column headings there.

type Doc = PDFKit.PDFDocument
type Cell = string | number | null

export interface StatPdfOptions {
  /** Stamped in the document's information, so the same report renders to the same bytes. */
  createdAt?: Date
}

const MARGIN = 56
const BODY = 10.5
const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#bbbbbb'
const REGULAR = 'Helvetica'
const BOLD = 'Helvetica-Bold'
/** Space either side of a cell's text, and above and below it. */
const PAD_X = 4
const PAD_Y = 4
/** Room a table needs below its heading before it starts: its column headings and two rows. */
const TABLE_START = 90

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom

/** A figure as printed: thousands separated, one decimal place at most, a dash when it does not apply. */
export function printedFigure(value: Cell): string {
  if (value === null) return '–'
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 1 })
  return printable(value)
}

/** Columns holding only figures are narrow and right-aligned; the others share what is left. */
function layoutColumns(doc: Doc, table: StatTable): { widths: number[]; numeric: boolean[] } {
  const numeric = table.columns.map(
    (_, i) => i > 0 && table.rows.every((row) => row[i] === undefined || typeof row[i] !== 'string'),
  )
  doc.font(BOLD).fontSize(BODY)
  const natural = table.columns.map((heading, i) => {
    const cells = [printable(heading), ...table.rows.map((row) => printedFigure(row[i] ?? null))]
    return Math.max(...cells.map((cell) => doc.widthOfString(cell))) + 2 * PAD_X + 2
  })
  const total = contentWidth(doc)
  const figures = natural.reduce((sum, w, i) => (numeric[i] ? sum + Math.min(w, 90) : sum), 0)
  const texts = natural.reduce((sum, w, i) => (numeric[i] ? sum : sum + w), 0)
  if (texts === 0 || figures >= total * 0.7) {
    const all = natural.reduce((a, b) => a + b, 0)
    return {
      widths: atLeastWidestWord(
        doc,
        table,
        natural.map((w) => (w / all) * total),
      ),
      numeric,
    }
  }
  const left = total - figures
  return {
    widths: natural.map((w, i) => (numeric[i] ? Math.min(w, 90) : (w / texts) * left)),
    numeric,
  }
}

/**
 * Widens a column narrower than its longest word (so "Total" or "September" never breaks inside),
 * taking the room from the columns that have some to spare.
 */
function atLeastWidestWord(doc: Doc, table: StatTable, widths: number[]): number[] {
  const least = table.columns.map((heading, i) => {
    doc.font(BOLD).fontSize(BODY)
    const words = printable(heading).split(/\s+/)
    const cells = table.rows.flatMap((row) => printedFigure(row[i] ?? null).split(/\s+/))
    const widest = Math.max(
      ...words.map((w) => doc.widthOfString(w)),
      ...cells.map((w) => doc.widthOfString(w)),
    )
    return widest + 2 * PAD_X + 2
  })
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, (least[i] ?? 0) - w), 0)
  const spare = widths.reduce((sum, w, i) => sum + Math.max(0, w - (least[i] ?? 0)), 0)
  if (short === 0 || spare < short) return widths
  return widths.map((w, i) => {
    const floor = least[i] ?? 0
    return w < floor ? floor : w - ((w - floor) / spare) * short
  })
}

interface Layout {
  widths: number[]
  numeric: boolean[]
}

function rowHeight(doc: Doc, cells: string[], layout: Layout): number {
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell, { width: (layout.widths[i] ?? 0) - 2 * PAD_X }),
  )
  return Math.max(...heights) + 2 * PAD_Y
}

function writeRow(doc: Doc, cells: string[], layout: Layout, heading: boolean): void {
  doc.font(heading ? BOLD : REGULAR).fontSize(BODY)
  const height = rowHeight(doc, cells, layout)
  const top = doc.y
  let x = doc.page.margins.left
  cells.forEach((cell, i) => {
    const width = layout.widths[i] ?? 0
    doc.fillColor(INK).text(cell, x + PAD_X, top + PAD_Y, {
      width: width - 2 * PAD_X,
      align: layout.numeric[i] ? 'right' : 'left',
    })
    x += width
  })
  doc
    .moveTo(doc.page.margins.left, top + height)
    .lineTo(doc.page.margins.left + contentWidth(doc), top + height)
    .lineWidth(heading ? 1 : 0.5)
    .strokeColor(heading ? MUTED : RULE)
    .stroke()
  doc.x = doc.page.margins.left
  doc.y = top + height
}

function writeTableHeading(doc: Doc, title: string, continued: boolean): void {
  doc.font(BOLD).fontSize(13).fillColor(INK)
  doc.text(continued ? `${title} (continued)` : title, doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
  })
  doc.moveDown(0.3)
}

// ---------- Charts ----------

/** How a series is filled: three colours far apart in lightness, then the same with hatching. */
interface SeriesStyle {
  fill: string
  hatch?: string
}
const NAVY = '#0b3c5d'
const ORANGE = '#d9760c'
const SKY = '#9ecae1'
const PALETTE: SeriesStyle[] = [
  { fill: NAVY },
  { fill: ORANGE },
  { fill: SKY },
  { fill: NAVY, hatch: '#ffffff' },
  { fill: ORANGE, hatch: '#ffffff' },
  { fill: SKY, hatch: NAVY },
]
const styleOf = (series: number): SeriesStyle => PALETTE[series % PALETTE.length] ?? { fill: NAVY }

const SMALL = 7
/** Height of the plotting area of a column chart, and the room above it for the tallest figure. */
const PLOT_HEIGHT = 130
const VALUE_ROOM = 10
const BAR_THICKNESS = 12
const BAR_GAP = 5
/** Months a label may stand for: every month, every other, each quarter, each half year, each year… */
const LABEL_STEPS = [1, 2, 3, 6, 12, 24, 60, 120]

type Chart = NonNullable<StatTable['chart']>

/** A cell as a length to draw: figures only, never below nought. */
const amount = (value: Cell | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : 0

function fillBox(doc: Doc, x: number, y: number, width: number, height: number, style: SeriesStyle): void {
  if (width <= 0 || height <= 0) return
  doc.rect(x, y, width, height).fillColor(style.fill).fill()
  if (style.hatch === undefined) return
  doc.save()
  doc.rect(x, y, width, height).clip()
  for (let d = -height; d < width; d += 4) {
    doc
      .moveTo(x + d, y + height)
      .lineTo(x + d + height, y)
      .lineWidth(1)
      .strokeColor(style.hatch)
      .stroke()
  }
  doc.restore()
}

/** Writes one line of small text at a point, never wrapping. */
function smallText(doc: Doc, text: string, x: number, y: number, colour = MUTED): void {
  doc.font(REGULAR).fontSize(SMALL).fillColor(colour)
  doc.text(text, x, y, { lineBreak: false })
}

/** A round step for the scale: 1, 2 or 5 times a power of ten, about a fifth of the largest value. */
function scaleStep(largest: number): number {
  if (largest <= 0) return 1
  const rough = largest / 5
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power
  return Math.max(step, largest >= 4 ? 1 : step)
}

/** "April 2026" → ["Apr", "2026"]; any other label stays whole. */
function shortMonth(label: string): string[] {
  const match = /^(\p{L}+) (\d{4})$/u.exec(label)
  return match ? [(match[1] ?? '').slice(0, 3), match[2] ?? ''] : [label]
}

function legendHeight(doc: Doc, names: string[]): number {
  return legendLines(doc, names).length * 12
}

/** The legend's entries laid out in lines across the page: a swatch and the series' name each. */
function legendLines(doc: Doc, names: string[]): { index: number; x: number }[][] {
  doc.font(REGULAR).fontSize(SMALL + 1)
  const lines: { index: number; x: number }[][] = [[]]
  let x = 0
  names.forEach((name, index) => {
    const width = 12 + Math.min(doc.widthOfString(name), contentWidth(doc) - 12) + 14
    if (x > 0 && x + width > contentWidth(doc)) {
      lines.push([])
      x = 0
    }
    lines.at(-1)?.push({ index, x })
    x += width
  })
  return lines
}

function writeLegend(doc: Doc, names: string[], top: number): void {
  const left = doc.page.margins.left
  legendLines(doc, names).forEach((line, row) => {
    for (const { index, x } of line) {
      const y = top + row * 12
      fillBox(doc, left + x, y + 1, 8, 8, styleOf(index))
      doc
        .rect(left + x, y + 1, 8, 8)
        .lineWidth(0.5)
        .strokeColor(MUTED)
        .stroke()
      doc
        .font(REGULAR)
        .fontSize(SMALL + 1)
        .fillColor(INK)
      doc.text(names[index] ?? '', left + x + 12, y, {
        lineBreak: false,
        width: contentWidth(doc) - x - 12,
        ellipsis: true,
      })
    }
  })
}

interface MonthLabels {
  step: number
  lines: string[][]
}

/** The labels under the columns: whole when they fit, else shortened, else one every few months. */
function monthLabels(doc: Doc, labels: string[], slot: number): MonthLabels {
  doc.font(REGULAR).fontSize(SMALL)
  const widest = (lines: string[][]) =>
    Math.max(0, ...lines.flatMap((parts) => parts.map((part) => doc.widthOfString(part))))
  const whole = labels.map((label) => [label])
  if (labels.length <= 24 && widest(whole) + 2 <= slot) return { step: 1, lines: whole }
  const short = labels.map((label) => shortMonth(label).join(' ')).map((label) => [label])
  if (labels.length <= 24 && widest(short) + 2 <= slot) return { step: 1, lines: short }
  const stacked = labels.map(shortMonth)
  const need = widest(stacked) + 3
  const smallest = labels.length > 24 ? 2 : 1
  const step = LABEL_STEPS.find((s) => s >= smallest && s * slot >= need) ?? labels.length
  return { step, lines: stacked }
}

/** The height a chart takes, legend and labels included. */
function chartHeight(doc: Doc, table: StatTable, chart: Chart): number {
  if (chart.kind === 'bars') {
    const band = chart.series.length * BAR_THICKNESS + BAR_GAP
    return (
      table.rows.length * band +
      (chart.series.length > 1 ? legendHeight(doc, seriesNames(table, chart)) : 0) +
      8
    )
  }
  return legendHeight(doc, seriesNames(table, chart)) + VALUE_ROOM + PLOT_HEIGHT + 2 * 9 + 8
}

const seriesNames = (table: StatTable, chart: Chart): string[] =>
  chart.series.map((i) => printable(table.columns[i] ?? ''))

/** Upright columns, one a row (a month): piled up or side by side, a scale on the left. */
function writeColumns(doc: Doc, table: StatTable, chart: Chart): void {
  const names = seriesNames(table, chart)
  const top = doc.y
  writeLegend(doc, names, top)
  const plotTop = top + legendHeight(doc, names) + VALUE_ROOM
  const baseline = plotTop + PLOT_HEIGHT
  const heights = table.rows.map((row) => chart.series.map((i) => amount(row[i])))
  const largest = Math.max(
    0,
    ...heights.map((values) => (chart.stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values))),
  )
  const step = scaleStep(largest)
  const ceiling = Math.max(step, Math.ceil(largest / step) * step)
  doc.font(REGULAR).fontSize(SMALL)
  const ticks = Array.from({ length: Math.round(ceiling / step) + 1 }, (_, i) => i * step)
  const axisRoom = Math.max(...ticks.map((t) => doc.widthOfString(printedFigure(t)))) + 4
  const left = doc.page.margins.left + axisRoom
  const width = contentWidth(doc) - axisRoom
  const y = (value: number) => baseline - (value / ceiling) * PLOT_HEIGHT
  for (const tick of ticks) {
    doc
      .moveTo(left, y(tick))
      .lineTo(left + width, y(tick))
      .lineWidth(tick === 0 ? 0.8 : 0.4)
      .strokeColor(tick === 0 ? MUTED : RULE)
      .stroke()
    const text = printedFigure(tick)
    smallText(doc, text, left - 3 - doc.widthOfString(text), y(tick) - 3)
  }
  const slot = width / Math.max(1, table.rows.length)
  const group = Math.min(slot * 0.75, chart.stacked ? 48 : 26 * chart.series.length)
  const labels = monthLabels(
    doc,
    table.rows.map((row) => printable(String(row[0] ?? ''))),
    slot,
  )
  table.rows.forEach((row, r) => {
    const x = left + r * slot + (slot - group) / 2
    const values = heights[r] ?? []
    doc.font(REGULAR).fontSize(SMALL)
    if (chart.stacked) {
      let reached = 0
      values.forEach((value, s) => {
        fillBox(doc, x, y(reached + value), group, y(reached) - y(reached + value), styleOf(s))
        // A hairline between the pieces keeps neighbours apart in grey.
        if (value > 0 && reached > 0 && group >= 3)
          doc
            .moveTo(x, y(reached))
            .lineTo(x + group, y(reached))
            .lineWidth(0.5)
            .strokeColor('#ffffff')
            .stroke()
        reached += value
      })
      const text = printedFigure(reached)
      if (doc.widthOfString(text) <= slot)
        smallText(doc, text, x + group / 2 - doc.widthOfString(text) / 2, y(reached) - 8, INK)
    } else {
      const each = group / Math.max(1, values.length)
      values.forEach((value, s) => {
        fillBox(doc, x + s * each, y(value), each, y(0) - y(value), styleOf(s))
        const text = printedFigure(row[chart.series[s] ?? 0] ?? null)
        const room = values.length === 1 ? slot : each + 1
        if (doc.widthOfString(text) <= room)
          smallText(doc, text, x + s * each + each / 2 - doc.widthOfString(text) / 2, y(value) - 8, INK)
      })
    }
    if (r % labels.step === 0) {
      const centre = left + r * slot + slot / 2
      if (labels.step > 1)
        doc
          .moveTo(centre, baseline)
          .lineTo(centre, baseline + 2)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke()
      ;(labels.lines[r] ?? []).forEach((part, line) => {
        const w = doc.widthOfString(part)
        const lx = Math.min(Math.max(centre - w / 2, doc.page.margins.left), left + width - w)
        smallText(doc, part, lx, baseline + 3 + line * 9)
      })
    }
  })
  doc.x = doc.page.margins.left
  doc.y = baseline + 2 * 9 + 8
}

/** Level bars, one a row: its label on the left, the bar, and its figure after it. */
function writeBars(doc: Doc, table: StatTable, chart: Chart): void {
  const names = seriesNames(table, chart)
  let top = doc.y
  if (chart.series.length > 1) {
    writeLegend(doc, names, top)
    top += legendHeight(doc, names)
  }
  const labels = table.rows.map((row) => printable(String(row[0] ?? '')))
  doc.font(REGULAR).fontSize(SMALL + 1)
  const labelRoom = Math.min(
    Math.max(0, ...labels.map((label) => doc.widthOfString(label))) + 8,
    contentWidth(doc) * 0.4,
  )
  const figures = table.rows.flatMap((row) => chart.series.map((i) => printedFigure(row[i] ?? null)))
  const figureRoom = Math.max(0, ...figures.map((f) => doc.widthOfString(f))) + 6
  const left = doc.page.margins.left + labelRoom
  const width = contentWidth(doc) - labelRoom - figureRoom
  const largest = Math.max(1, ...table.rows.flatMap((row) => chart.series.map((i) => amount(row[i]))))
  const band = chart.series.length * BAR_THICKNESS + BAR_GAP
  table.rows.forEach((row, r) => {
    const y = top + r * band
    doc
      .font(REGULAR)
      .fontSize(SMALL + 1)
      .fillColor(INK)
    doc.text(labels[r] ?? '', doc.page.margins.left, y + (band - BAR_GAP) / 2 - 4, {
      width: labelRoom - 8,
      lineBreak: false,
      ellipsis: true,
    })
    chart.series.forEach((column, s) => {
      const length = (amount(row[column]) / largest) * width
      const barTop = y + s * BAR_THICKNESS + 1
      fillBox(doc, left, barTop, length, BAR_THICKNESS - 2, styleOf(s))
      doc
        .font(REGULAR)
        .fontSize(SMALL + 1)
        .fillColor(INK)
      doc.text(printedFigure(row[column] ?? null), left + length + 4, barTop + 1, { lineBreak: false })
    })
  })
  doc
    .moveTo(left, top)
    .lineTo(left, top + table.rows.length * band - BAR_GAP)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke()
  doc.x = doc.page.margins.left
  doc.y = top + table.rows.length * band + 8
}

function writeChart(doc: Doc, table: StatTable, chart: Chart): void {
  if (table.rows.length === 0 || chart.series.length === 0) return
  doc.moveDown(0.3)
  if (chart.kind === 'bars') writeBars(doc, table, chart)
  else writeColumns(doc, table, chart)
}

function writeTable(doc: Doc, table: StatTable): void {
  const layout = layoutColumns(doc, table)
  const columns = table.columns.map(printable)
  const chart = table.rows.length > 0 && table.chart?.series.length ? table.chart : undefined
  // The heading, the chart and the start of the table move to the next page together.
  const chartRoom = chart ? chartHeight(doc, table, chart) + 10 : 0
  doc.font(BOLD).fontSize(13)
  if (doc.y + doc.currentLineHeight(true) + chartRoom + TABLE_START > bottom(doc)) doc.addPage()
  else doc.moveDown(0.8)
  writeTableHeading(doc, printable(table.title), false)
  if (chart) writeChart(doc, table, chart)
  writeRow(doc, columns, layout, true)
  for (const row of table.rows) {
    const cells = row.map(printedFigure)
    doc.font(REGULAR).fontSize(BODY)
    if (doc.y + rowHeight(doc, cells, layout) > bottom(doc)) {
      doc.addPage()
      writeTableHeading(doc, printable(table.title), true)
      writeRow(doc, columns, layout, true)
    }
    writeRow(doc, cells, layout, row.includes('Total'))
  }
  if (table.note !== undefined) {
    doc.moveDown(0.3)
    doc.font(REGULAR).fontSize(9).fillColor(MUTED)
    doc.text(printable(table.note), doc.page.margins.left, doc.y, { width: contentWidth(doc) })
  }
}

function writeDefinitions(doc: Doc, statDoc: StatDocument): void {
  if (statDoc.definitions.length === 0) return
  doc.font(BOLD).fontSize(14)
  if (doc.y + 80 > bottom(doc)) doc.addPage()
  else doc.moveDown(1.2)
  doc.fillColor(INK).text('Definitions', doc.page.margins.left, doc.y, { width: contentWidth(doc) })
  doc.moveDown(0.3)
  for (const definition of statDoc.definitions) {
    doc.font(BOLD).fontSize(BODY).fillColor(INK)
    doc.text(`${printable(definition.term)}: `, { continued: true, width: contentWidth(doc), lineGap: 1.5 })
    doc.font(REGULAR).text(printable(definition.meaning))
    doc.moveDown(0.35)
  }
}

/** Writes in the bottom margin of every page: the report's title and "Page n of m". */
function writeFooters(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i)
    const { left } = doc.page.margins
    const width = contentWidth(doc)
    // Writing below the bottom margin would start another page; it is lifted while the footer is written.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const footY = doc.page.height - 44
    doc.font(REGULAR).fontSize(9).fillColor(MUTED)
    doc.text(title, left, footY, { width: width - 90, lineBreak: false, ellipsis: true })
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left + width - 90, footY, {
      width: 90,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins.bottom = margin
  }
}

/** Prints a statistics report to PDF bytes. */
export function documentPdf(statDoc: StatDocument, options: StatPdfOptions = {}): Promise<Buffer> {
  const title = printable(statDoc.title)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: title,
      Author: 'Kinbridge',
      Creator: 'Kinbridge',
      Producer: 'Kinbridge',
      ...(options.createdAt && { CreationDate: options.createdAt }),
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font(BOLD).fontSize(20).fillColor(INK).text(title)
  doc.moveDown(0.4)
  doc.font(REGULAR).fontSize(BODY).fillColor(MUTED)
  for (const line of statDoc.subtitle) doc.text(printable(line), { width: contentWidth(doc) })
  for (const table of statDoc.tables) writeTable(doc, table)
  writeDefinitions(doc, statDoc)
  writeFooters(doc, title)
  doc.end()
  return done
}
