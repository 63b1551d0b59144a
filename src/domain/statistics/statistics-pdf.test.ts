import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  PDF_OUT as OUT,
  inkOnPage,
  keepPdf as keep,
  pdfInfo as infoOf,
  pdfPages as pagesOf,
  pdfText as textOf,
} from '../../../tests/support/pdf'
import {
  caseloadDocument,
  dashboardDocument,
  quarterlyReturnDocument,
  serviceReportDocument,
} from './statistics-export'
import { CASELOAD, DASHBOARD, HEADING, QUARTERLY, SERVICE } from './statistics-export.fixtures'
import { documentPdf, printedFigure } from './statistics-pdf'
import { monthsOf } from './statistics-scope'
import type { Caseload, Dashboard, StatDocument } from './statistics.schemas'

const CREATED = new Date('2026-11-26T14:05:00Z')

interface Word {
  text: string
  xMin: number
  xMax: number
  yMin: number
}

/** Every word on the first page with its box, from pdftotext -bbox. */
function wordsOf(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' }))
}

interface PageWords {
  width: number
  height: number
  words: Word[]
}

/** Every word of every page with its box, and each page's size, from pdftotext -bbox. */
function pagesWithWords(file: string): PageWords[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [
      ...(page[3] ?? '').matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' })),
  }))
}

const PPM_DPI = 36

/**
 * Coloured pixels of a page between two heights (in points from the top): drawn in colour (PNG kept
 * for people, PPM read here); a pixel is coloured when its red, green and blue differ notably.
 */
function colouredPixels(file: string, name: string, page: number, fromY = 0, toY = Infinity): number {
  const base = join(OUT, `${name}-page-${page}`)
  const pageArgs = ['-f', String(page), '-l', String(page), '-singlefile']
  execFileSync('pdftoppm', ['-png', '-r', '60', ...pageArgs, file, base])
  execFileSync('pdftoppm', ['-r', String(PPM_DPI), ...pageArgs, file, `${base}-colour`])
  const ppm = readFileSync(`${base}-colour.ppm`)
  const header = ppm
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('not a PPM')
  const width = Number(header[1])
  const height = Number(header[2])
  const pixels = ppm.subarray(header[0].length)
  expect(pixels.length).toBe(width * height * 3)
  const scale = PPM_DPI / 72
  const first = Math.max(0, Math.floor(fromY * scale))
  const last = Math.min(height, Math.ceil(toY * scale))
  let coloured = 0
  for (let row = first; row < last; row += 1)
    for (let col = 0; col < width; col += 1) {
      const at = (row * width + col) * 3
      const [r, g, b] = [pixels[at] ?? 0, pixels[at + 1] ?? 0, pixels[at + 2] ?? 0]
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1
    }
  return coloured
}

async function render(
  doc: StatDocument,
  name: string,
): Promise<{ file: string; text: string; pages: string[] }> {
  const bytes = await documentPdf(doc, { createdAt: CREATED })
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  const file = keep(bytes, name)
  const text = textOf(file)
  return { file, text, pages: pagesOf(text) }
}

/** A caseload with far more sources than fit on a page. */
const LONG: Caseload = {
  on: '2026-11-26',
  bySource: Array.from({ length: 70 }, (_, i) => ({
    source: `source_${i}`,
    label: `Referral source number ${i}`,
    children: i * 3,
    parents: i,
  })),
  total: { children: 7245, parents: 2415 },
}

/** A row of a table as pdftotext lays it out: its cells in order, spaces between. */
const rowPattern = (row: (string | number | null)[]): RegExp =>
  new RegExp(row.map((cell) => printedFigure(cell).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))

/** Ten years of figures, April 2026 to March 2036, with six sources. */
const TEN_YEARS: Dashboard = (() => {
  const months = monthsOf('2026-04-01', '2036-03-31')
  const sources = ['court', 'solicitor', 'social', 'self', 'school', 'health'].map((source) => ({
    source,
    label: source,
  }))
  return {
    ...DASHBOARD,
    period: { ...DASHBOARD.period, from: '2026-04-01', to: '2036-03-31', label: 'April 2026 to March 2036' },
    months,
    sources,
    referralsByMonth: months.map((month, m) => {
      const bySource = Object.fromEntries(sources.map((s, i) => [s.source, (m + i) % 7]))
      return { month, bySource, total: Object.values(bySource).reduce((a, b) => a + b, 0) }
    }),
    sessionsByMonth: months.map((month, m) => ({
      month,
      delivered: 40 + (m % 13),
      cancelled: m % 5,
      notAttended: m % 3,
    })),
    capacityByMonth: months.map((month, m) => ({
      month,
      available: 1200 + m,
      booked: 900 + ((m * 7) % 250),
    })),
    waitingByMonth: months.map((month, m) => ({
      month,
      waiting: m % 17,
      medianWaitDays: m % 4 === 0 ? null : m,
    })),
    volunteerHoursByMonth: months.map((month, m) => ({ month, hours: 100 + (m % 9) * 12.5 })),
  }
})()

describe('printing a statistics report', () => {
  it('prints the quarterly return on A4: heading, the lines under it, every table, the definitions, page numbers', async () => {
    const { file, text, pages } = await render(
      quarterlyReturnDocument(QUARTERLY, HEADING),
      'statistics-quarterly-return',
    )
    const info = infoOf(file)
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(info).toMatch(/Title:\s+NACCC quarterly return/)
    for (const wanted of [
      'NACCC quarterly return',
      'Organisation: St Helier Family Hub',
      'Centre: St Helier Child Contact Centre',
      'Period: Q3 2026/27 (October to December 2026)',
      'Made: Thursday 26 November 2026 at 14:05',
      'Referrals received by source',
      'Cancellations and no-shows',
      'Volunteers and staff',
      'Definitions',
      'Sessions booked: Family sessions booked, except those the centre called off.',
    ])
      expect(text.replace(/ +/g, ' ')).toContain(wanted)
    expect(text).toMatch(/Sessions available\s+1,200/)
    expect(text).toMatch(/Late cancellations\s+5/)
    expect(text).toMatch(/Measure\s+Number/)
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(page).toContain('NACCC quarterly return')
    })
    // The definitions come after the last table.
    expect(text.indexOf('Definitions')).toBeGreaterThan(text.indexOf('Volunteers who left'))
    for (let page = 1; page <= pages.length; page += 1)
      expect(inkOnPage(file, 'statistics-quarterly-return', page)).toBeGreaterThan(0.002)
  })

  it('right-aligns the figures of a column and leaves labels on the left', async () => {
    const { file } = await render(caseloadDocument(CASELOAD, HEADING), 'statistics-caseload')
    const words = wordsOf(file)
    const rowOf = (label: string) => {
      const first = words.find((w) => w.text === label)
      if (!first) throw new Error(`no ${label}`)
      return words.filter((w) => Math.abs(w.yMin - first.yMin) < 1)
    }
    const figures = ['court_adviser', 'social_services', 'self', 'Total'].map((label) =>
      rowOf(label).filter((w) => /^\d+$/.test(w.text)),
    )
    // Children 25, 5, 9, 39 and parents 22, 4, 7, 33: the right edges line up, the left ones do not.
    for (const column of [0, 1]) {
      const boxes = figures.map((row) => row[column])
      const rights = boxes.map((b) => b?.xMax ?? 0)
      expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(0.5)
      const lefts = boxes.map((b) => b?.xMin ?? 0)
      expect(Math.max(...lefts) - Math.min(...lefts)).toBeGreaterThan(2)
    }
    const labels = ['court_adviser', 'social_services', 'self'].map((label) => rowOf(label)[1]?.xMin ?? 0)
    expect(Math.max(...labels) - Math.min(...labels)).toBeLessThan(0.5)
  })

  it('breaks a long table onto the next page and repeats its heading and column headings there', async () => {
    const { file, text, pages } = await render(caseloadDocument(LONG, HEADING), 'statistics-caseload-long')
    expect(pages.length).toBeGreaterThan(1)
    expect(pages[0]).toMatch(/Code\s+Referral source\s+Children\s+Parents/)
    expect(pages[1]).toContain('Children and parents with an open case, by referral source (continued)')
    expect(pages[1]).toMatch(/Code\s+Referral source\s+Children\s+Parents/)
    for (let i = 0; i < LONG.bySource.length; i += 1)
      expect(text).toMatch(new RegExp(`source_${i}\\s+Referral source number ${i}\\s`))
    expect(text).toMatch(/Total\s+7,245\s+2,415/)
    expect(pages.at(-1)).toContain('Definitions')
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))
    for (let page = 1; page <= pages.length; page += 1)
      expect(inkOnPage(file, 'statistics-caseload-long', page)).toBeGreaterThan(0.002)
  })

  it('prints the commissioner’s report and the dashboard, a figure that does not apply as a dash', async () => {
    const service = await render(serviceReportDocument(SERVICE, HEADING), 'statistics-service-report')
    for (const wanted of ['Service level agreement report', 'For: the commissioner', 'Contact level changes'])
      expect(service.text).toContain(wanted)
    expect(service.text).toMatch(/From supervised contact to supported contact\s+2/)
    expect(service.text).toMatch(/Capacity used \(%\)\s+–/)
    expect(service.text).toMatch(/Approved volunteer hours\s+312\.5/)
    expect(inkOnPage(service.file, 'statistics-service-report', 1)).toBeGreaterThan(0.002)

    const dashboard = await render(dashboardDocument(DASHBOARD, HEADING), 'statistics-dashboard')
    expect(dashboard.text).toMatch(/April 2026\s+3\s+1\s+4/)
    expect(dashboard.text).toMatch(/May 2026\s+4\s+–/)
    expect(inkOnPage(dashboard.file, 'statistics-dashboard', 1)).toBeGreaterThan(0.002)
  })

  it('draws a chart above each dashboard table and keeps every figure of the table', async () => {
    const doc = dashboardDocument(DASHBOARD, HEADING)
    const { file, text, pages } = await render(doc, 'statistics-dashboard-charts')
    const flat = text.replace(/ +/g, ' ')
    for (const table of doc.tables) {
      expect(table.chart).toBeDefined()
      expect(flat).toContain(table.title)
      for (const row of table.rows) expect(text).toMatch(rowPattern(row))
    }
    const [first] = pagesWithWords(file)
    const heading = first?.words.find((w) => w.text === 'Referrals')
    const month = first?.words.find((w) => w.text === 'Month')
    if (!heading || !month) throw new Error('no referrals table on the first page')
    // Between them: the legend, naming each source, and the months under the columns.
    const chartWords = (first?.words ?? [])
      .filter((w) => w.yMin > heading.yMin + 5 && w.yMin < month.yMin)
      .map((w) => w.text)
      .join(' ')
    for (const name of ['Family court adviser (JFCAS)', 'Self-referral', 'April 2026', 'May 2026'])
      expect(chartWords).toContain(name)
    // The chart sits between the table's heading and its column headings, in colour.
    expect(month.yMin - heading.yMin).toBeGreaterThan(120)
    expect(colouredPixels(file, 'statistics-dashboard-charts', 1, heading.yMin, month.yMin)).toBeGreaterThan(
      300,
    )
    for (let page = 2; page <= pages.length; page += 1)
      colouredPixels(file, 'statistics-dashboard-charts', page)
  })

  it('draws ten years of months without leaving the page, labelling every few months', async () => {
    const doc = dashboardDocument(TEN_YEARS, HEADING)
    const { file, text, pages } = await render(doc, 'statistics-dashboard-ten-years')
    expect(pages.length).toBeGreaterThan(7)
    expect(pages.length).toBeLessThan(40)
    for (const table of doc.tables) for (const row of table.rows) expect(text).toMatch(rowPattern(row))
    const laidOut = pagesWithWords(file)
    expect(laidOut.length).toBe(pages.length)
    for (const page of laidOut)
      for (const word of page.words) {
        expect(word.xMin).toBeGreaterThanOrEqual(0)
        expect(word.xMax).toBeLessThanOrEqual(page.width)
        expect(word.yMin).toBeGreaterThanOrEqual(0)
        expect(word.yMin).toBeLessThanOrEqual(page.height)
      }
    // Every chart's page holds its heading and the start of its table, and shows colour.
    for (const table of doc.tables) {
      const at = pages.findIndex((page) => page.includes(table.title))
      const after = pages[at]?.slice(pages[at]?.indexOf(table.title)) ?? ''
      expect(after).toMatch(new RegExp(`\\n *${table.columns[0] ?? ''} `))
      expect(colouredPixels(file, 'statistics-dashboard-ten-years', at + 1)).toBeGreaterThan(300)
    }
    // A label every six months under the 120 columns: "Apr" and "Oct", never "May".
    const chartPage = laidOut[0]?.words ?? []
    const month = chartPage.find((w) => w.text === 'Month')
    const under = chartPage.filter((w) => month && w.yMin < month.yMin).map((w) => w.text)
    expect(under.filter((w) => w === 'Apr').length).toBe(10)
    expect(under.filter((w) => w === 'Oct').length).toBe(10)
    expect(under).not.toContain('May')
  })

  it('draws a table without a chart as before, in black and grey only', async () => {
    const { file } = await render(caseloadDocument(CASELOAD, HEADING), 'statistics-dashboard-no-chart')
    expect(colouredPixels(file, 'statistics-dashboard-no-chart', 1)).toBe(0)
    const words = wordsOf(file)
    const title = words.find((w) => w.text === 'Children')
    const code = words.find((w) => w.text === 'Code')
    if (!title || !code) throw new Error('no caseload table')
    expect(code.yMin - title.yMin).toBeLessThan(30)
  })

  it('prints letters the standard fonts lack without their accent, and never as garbage', async () => {
    const caseload: Caseload = {
      on: '2026-11-26',
      bySource: [{ source: 'pl', label: 'Łódź społeczna 😀', children: 1, parents: 1 }],
      total: { children: 1, parents: 1 },
    }
    const { text } = await render(
      caseloadDocument(caseload, { ...HEADING, organisationName: 'Żółć Hub' }),
      'statistics-caseload-letters',
    )
    expect(text).toContain('Organisation: Zólc Hub')
    expect(text).toContain('Lódz spoleczna ?')
  })

  it('renders the same report to the same bytes', async () => {
    const doc = quarterlyReturnDocument(QUARTERLY, HEADING)
    const first = await documentPdf(doc, { createdAt: CREATED })
    const second = await documentPdf(doc, { createdAt: CREATED })
    expect(first.equals(second)).toBe(true)
  })

  it('prints figures with thousands separated and at most one decimal place', () => {
    expect(printedFigure(1234567)).toBe('1,234,567')
    expect(printedFigure(47.25)).toBe('47.3')
    expect(printedFigure(0)).toBe('0')
    expect(printedFigure(null)).toBe('–')
    expect(printedFigure('Łukasz')).toBe('Lukasz')
  })
})
