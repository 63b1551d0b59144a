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
    return { widths: natural.map((w) => (w / all) * total), numeric }
  }
  const left = total - figures
  return {
    widths: natural.map((w, i) => (numeric[i] ? Math.min(w, 90) : (w / texts) * left)),
    numeric,
  }
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

function writeTable(doc: Doc, table: StatTable): void {
  const layout = layoutColumns(doc, table)
  const columns = table.columns.map(printable)
  doc.font(BOLD).fontSize(13)
  if (doc.y + doc.currentLineHeight(true) + TABLE_START > bottom(doc)) doc.addPage()
  else doc.moveDown(0.8)
  writeTableHeading(doc, printable(table.title), false)
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
