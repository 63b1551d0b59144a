import { describe, expect, it } from 'vitest'
import {
  inkOnPage,
  keepPdf as keep,
  pdfInfo as infoOf,
  pdfPages as pagesOf,
  pdfText as textOf,
} from '../../../tests/support/pdf'
import {
  buildAttendanceReport,
  buildSupervisedReport,
  CAUTION,
  type AttendanceSessionFacts,
  type ReportHeading,
} from './report-content'
import { PREVIEW_MARK, printable, renderReportPdf } from './report-pdf'

const HEADING: ReportHeading = {
  centreName: 'Harbour Contact Centre',
  caseReference: 'C-7K2M9Q',
  children: [{ fullName: 'Mia Example', dateOfBirth: '2020-06-01' }],
  from: '2026-01-01',
  to: '2026-12-31',
  recipient: 'Fran Adviser, JFCAS',
  releasedOn: '2027-01-04',
}

const session = (date: string, status = 'completed'): AttendanceSessionFacts => ({
  date,
  localStart: '10:00',
  localEnd: '12:00',
  status,
  started: true,
  arrivesAt: { non_resident: '09:45', resident: '10:00' },
  cancellation: status === 'cancelled' ? { by: 'resident', noticeHours: 30 } : null,
  outcome: null,
  register: [
    {
      kind: 'arrived',
      side: 'non_resident',
      role: 'non_resident_parent',
      time: '09:47',
      at: '1',
      voided: false,
    },
    {
      kind: 'left',
      side: 'non_resident',
      role: 'non_resident_parent',
      time: '12:03',
      at: '2',
      voided: false,
    },
  ],
  endedEarlyAt: null,
})

/** A year of fortnightly sessions: enough rows to need more than one page. */
const YEAR = Array.from({ length: 26 }, (_, i) =>
  session(
    new Date(Date.UTC(2026, 0, 3 + 14 * i)).toISOString().slice(0, 10),
    i % 6 === 5 ? 'cancelled' : 'completed',
  ),
)
const CREATED = new Date('2027-01-04T10:00:00Z')

describe('printing a report', () => {
  it('prints a released dates-and-times report on A4 with its heading, rows, footer and page numbers', async () => {
    const pdf = await renderReportPdf(buildAttendanceReport(HEADING, YEAR, 10), {
      preview: false,
      createdAt: CREATED,
    })
    const file = keep(pdf.bytes, 'unit-attendance')
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const info = infoOf(file)
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    expect(info).toMatch(/Title:\s+Dates and times report/)
    expect(info).toMatch(new RegExp(`Pages:\\s+${pdf.pages}\\n`))
    expect(pdf.pages).toBeGreaterThan(1)

    const text = textOf(file)
    const pages = pagesOf(text)
    expect(pages).toHaveLength(pdf.pages)
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pdf.pages}`)
      expect(page).toContain('Supported contact centres disclose dates and times of attendance only.')
      // The column headings stand above the rows on every page.
      expect(page).toMatch(/Date\s+Booked\s+Visiting parent\s+Resident parent\s+Notes/)
      expect(page).not.toContain('PREVIEW')
    })
    for (const wanted of [
      'Dates and times report',
      'Centre: Harbour Contact Centre',
      'Case reference: C-7K2M9Q',
      'Child: M. E., born 2020',
      'Period: Thursday 1 January 2026 to Thursday 31 December 2026',
      'Released to Fran Adviser, JFCAS on Monday 4 January 2027',
      'Sat 3 Jan 2026',
      'Sat 19 Dec 2026',
      'Yes, 09:47–12:03',
    ])
      expect(text).toContain(wanted)
    expect(text.match(/10:00–12:00/g)).toHaveLength(YEAR.length)
    expect(inkOnPage(file, 'unit-attendance')).toBeGreaterThan(0.002)
  })

  it('marks every page of a preview “PREVIEW – NOT RELEASED”', async () => {
    const pdf = await renderReportPdf(buildAttendanceReport(HEADING, YEAR, 10), {
      preview: true,
      createdAt: CREATED,
    })
    const file = keep(pdf.bytes, 'unit-attendance-preview')
    const pages = pagesOf(textOf(file))
    expect(pages).toHaveLength(pdf.pages)
    for (const page of pages) expect(page).toContain(PREVIEW_MARK)
    expect(PREVIEW_MARK).toBe('PREVIEW – NOT RELEASED')
    expect(inkOnPage(file, 'unit-attendance-preview')).toBeGreaterThan(0.002)
  })

  it('prints a supervised contact report with its sections, the caution and the distribution', async () => {
    const content = buildSupervisedReport(
      HEADING,
      [
        {
          date: '2026-12-05',
          localStart: '13:00',
          localEnd: '14:00',
          author: 'Dora Door',
          checkedBy: 'Carl Checker',
          sections: {
            arrival: 'M arrived with her mother at 12:58.',
            play: 'They built a tower. '.repeat(40).trim(),
            quotes: '“Can we build the tower again?”',
          },
        },
      ],
      1,
    )
    const pdf = await renderReportPdf(content, { preview: false, createdAt: CREATED })
    const file = keep(pdf.bytes, 'unit-supervised')
    const text = textOf(file).replace(/\s+/g, ' ')
    for (const wanted of [
      'Supervised contact report',
      CAUTION,
      'One record of this period is still being checked and is not included.',
      'Saturday 5 December 2026, 13:00 to 14:00',
      'Supervised by: Dora Door',
      'Checked by: Carl Checker',
      'Arrival M arrived with her mother at 12:58.',
      'Play and interaction They built a tower.',
      'Direct quotes “Can we build the tower again?”',
      'Distribution Fran Adviser, JFCAS, Monday 4 January 2027',
      `Page 1 of ${pdf.pages}`,
    ])
      expect(text).toContain(wanted)
    expect(inkOnPage(file, 'unit-supervised')).toBeGreaterThan(0.002)
  })

  it('prints letters the standard fonts lack without their accent, and never as garbage', async () => {
    expect(printable('Łukasz Żółć, São, café “quoted” – €5…')).toBe('Lukasz Zólc, São, café “quoted” – €5…')
    expect(printable('Ana 😀 中文\nnext')).toBe('Ana ? ??\nnext')
    const content = buildSupervisedReport(
      { ...HEADING, children: [{ fullName: 'Łucja Wąs', dateOfBirth: null }] },
      [
        {
          date: '2026-12-05',
          localStart: '13:00',
          localEnd: '14:00',
          author: 'Zoë Żak',
          checkedBy: 'Carl Checker',
          sections: { arrival: 'Łucja said “cześć” to her dad.' },
        },
      ],
      0,
    )
    const pdf = await renderReportPdf(content, { preview: false, createdAt: CREATED })
    const text = textOf(keep(pdf.bytes, 'unit-letters'))
    expect(text).toContain('Child: L. W.')
    expect(text).toContain('Supervised by: Zoë Zak')
    expect(text).toContain('Lucja said “czesc” to her dad.')
  })

  it('renders the same report to the same bytes, so its checksum means something', async () => {
    const content = buildAttendanceReport(HEADING, YEAR.slice(0, 3), 10)
    const first = await renderReportPdf(content, { preview: false, createdAt: CREATED })
    const second = await renderReportPdf(content, { preview: false, createdAt: CREATED })
    expect(first.bytes.equals(second.bytes)).toBe(true)
    expect(first.pages).toBe(1)
  })
})
