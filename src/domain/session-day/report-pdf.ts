import PDFDocument from 'pdfkit'
import type { ReportContent, ReportTable, ReportText } from './report-content'

// Prints a report's lines on A4 with the PDF standard fonts (no font files): a title, the heading
// facts, sections and tables, and on every page the footer and "Page n of m". A preview carries a
// visible "PREVIEW – NOT RELEASED" line at the top of each page.

export interface RenderedPdf {
  bytes: Buffer
  pages: number
}

export interface RenderOptions {
  preview: boolean
  /** Stamped in the document's information, so the same report renders to the same bytes. */
  createdAt: Date
}

type Doc = PDFKit.PDFDocument

export const PREVIEW_MARK = 'PREVIEW – NOT RELEASED'

const MARGIN = 56
const BODY = 11
const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#bbbbbb'
const REGULAR = 'Helvetica'
const BOLD = 'Helvetica-Bold'

/** The characters the standard fonts can print (Windows-1252), beyond plain ASCII and Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
/** Letters that do not decompose into a base letter and an accent. */
const LOOKALIKE: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  ŀ: 'l',
  Ŀ: 'L',
}

const isPrintable = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
}

/**
 * Text the standard fonts can print: a letter they lack loses its accent (ą → a, Ł → L) and
 * anything else they cannot draw becomes "?", rather than printing as garbage.
 */
export function printable(text: string): string {
  let out = ''
  for (const char of text) {
    if (char === '\n' || isPrintable(char)) {
      out += char
      continue
    }
    // A decomposed letter is one base character and its accents; the accents go.
    const base = char.normalize('NFD').replace(/\p{M}/gu, '')
    if (base.length === 1 && isPrintable(base)) out += base
    else out += LOOKALIKE[char] ?? '?'
  }
  return out
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom

/** Starts a new page when less than `height` is left on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

function writeFacts(doc: Doc, content: ReportContent): void {
  doc.font(BOLD).fontSize(20).fillColor(INK).text(content.title)
  doc.moveDown(0.6)
  for (const fact of content.facts) {
    if (fact.label) doc.font(BOLD).fontSize(BODY).text(`${fact.label}: `, { continued: true })
    doc.font(REGULAR).fontSize(BODY).text(fact.value)
  }
  doc.moveDown(0.8)
}

function writeText(doc: Doc, section: ReportText): void {
  const size = section.level === 1 ? 14 : 12
  doc.font(BOLD).fontSize(size)
  ensureRoom(doc, doc.currentLineHeight(true) * 3)
  doc.moveDown(section.level === 1 ? 0.6 : 0.3)
  doc.fillColor(INK).text(section.heading, doc.page.margins.left)
  doc.moveDown(0.2)
  doc.font(REGULAR).fontSize(BODY)
  for (const paragraph of section.paragraphs) {
    doc.text(paragraph, { width: contentWidth(doc), lineGap: 1.5 })
    doc.moveDown(0.3)
  }
}

/** The height a table row needs: its tallest cell. */
function rowHeight(doc: Doc, cells: string[], widths: number[]): number {
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 6 }))) + 8
}

function writeRow(doc: Doc, cells: string[], widths: number[], bold: boolean): void {
  doc.font(bold ? BOLD : REGULAR).fontSize(BODY)
  const height = rowHeight(doc, cells, widths)
  ensureRoom(doc, height)
  const top = doc.y
  let x = doc.page.margins.left
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0
    doc.fillColor(INK).text(cell, x + 3, top + 4, { width: width - 6 })
    x += width
  })
  doc
    .moveTo(doc.page.margins.left, top + height)
    .lineTo(doc.page.margins.left + contentWidth(doc), top + height)
    .lineWidth(bold ? 1 : 0.5)
    .strokeColor(RULE)
    .stroke()
  doc.x = doc.page.margins.left
  doc.y = top + height
}

function writeTable(doc: Doc, table: ReportTable): void {
  const widths = table.widths.map((share) => share * contentWidth(doc))
  doc.font(BOLD).fontSize(14)
  ensureRoom(doc, 80)
  doc.moveDown(0.6)
  doc.fillColor(INK).text(table.heading, doc.page.margins.left)
  doc.moveDown(0.3)
  writeRow(doc, table.columns, widths, true)
  for (const row of table.rows) {
    doc.font(REGULAR).fontSize(BODY)
    // A row that starts a new page repeats the column headings above it.
    if (doc.y + rowHeight(doc, row, widths) > bottom(doc)) {
      doc.addPage()
      writeRow(doc, table.columns, widths, true)
    }
    writeRow(doc, row, widths, false)
  }
}

/** Writes in the margins of every page: the preview mark, the footer and the page number. */
function writeMargins(doc: Doc, content: ReportContent, preview: boolean): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i)
    const { left } = doc.page.margins
    const width = contentWidth(doc)
    // Writing below the bottom margin would start another page; it is lifted while the margins are written.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    if (preview)
      doc
        .font(BOLD)
        .fontSize(12)
        .fillColor('#b00020')
        .text(PREVIEW_MARK, left, 24, { width, align: 'center', lineBreak: false })
    const footY = doc.page.height - 44
    doc.font(REGULAR).fontSize(9).fillColor(MUTED)
    doc.text(content.footer, left, footY, { width: width - 80, lineBreak: false, ellipsis: true })
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, left + width - 80, footY, {
      width: 80,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins.bottom = margin
  }
}

/** The whole report in characters the standard fonts can print. */
const printableContent = (content: ReportContent): ReportContent => ({
  title: printable(content.title),
  facts: content.facts.map((fact) => ({
    label: fact.label === null ? null : printable(fact.label),
    value: printable(fact.value),
  })),
  sections: content.sections.map((section) =>
    section.kind === 'table'
      ? {
          ...section,
          heading: printable(section.heading),
          columns: section.columns.map(printable),
          rows: section.rows.map((row) => row.map(printable)),
        }
      : { ...section, heading: printable(section.heading), paragraphs: section.paragraphs.map(printable) },
  ),
  footer: printable(content.footer),
})

/** Renders a report to PDF bytes and says how many pages it has. */
export function renderReportPdf(report: ReportContent, options: RenderOptions): Promise<RenderedPdf> {
  const content = printableContent(report)
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: content.title,
      Author: 'Kinbridge',
      Creator: 'Kinbridge',
      Producer: 'Kinbridge',
      CreationDate: options.createdAt,
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  writeFacts(doc, content)
  for (const section of content.sections) {
    if (section.kind === 'table') writeTable(doc, section)
    else writeText(doc, section)
  }
  const pages = doc.bufferedPageRange().count
  writeMargins(doc, content, options.preview)
  doc.end()
  return done.then((bytes) => ({ bytes, pages }))
}
