import { describe, expect, it } from 'vitest'
import {
  buildAttendanceReport,
  buildSupervisedReport,
  CAUTION,
  childInitials,
  linesOf,
  registerTimes,
  shortDay,
  SUPPORTED_FOOTER,
  type AttendanceSessionFacts,
  type RegisterEntry,
  type ReportHeading,
  type ReportTable,
  type ReportText,
} from './report-content'

const HEADING: ReportHeading = {
  centreName: 'Harbour Contact Centre',
  caseReference: 'C-7K2M9Q',
  children: [
    { fullName: 'Mia Example', dateOfBirth: '2020-06-01' },
    { fullName: 'leo-james Example', dateOfBirth: null },
  ],
  from: '2026-12-01',
  to: '2026-12-31',
  recipient: 'Fran Adviser, JFCAS',
  releasedOn: '2027-01-04',
}

const tap = (
  kind: string,
  side: RegisterEntry['side'],
  time: string,
  extra: Partial<RegisterEntry> = {},
) => ({
  kind,
  side,
  role: side === 'resident' ? 'resident_parent' : 'non_resident_parent',
  time,
  at: `2026-12-05T${time}:00Z`,
  voided: false,
  ...extra,
})

const session = (overrides: Partial<AttendanceSessionFacts> = {}): AttendanceSessionFacts => ({
  date: '2026-12-05',
  localStart: '10:00',
  localEnd: '12:00',
  status: 'completed',
  started: true,
  arrivesAt: { non_resident: '09:45', resident: '10:00' },
  cancellation: null,
  outcome: null,
  register: [],
  endedEarlyAt: null,
  ...overrides,
})

const tableOf = (sessions: AttendanceSessionFacts[]) => {
  const content = buildAttendanceReport(HEADING, sessions, 10)
  const table = content.sections[0] as ReportTable
  expect(table.kind).toBe('table')
  return table
}

/** The cells of the one row of a one-session report, by column. */
const rowOf = (facts: AttendanceSessionFacts) => {
  const table = tableOf([facts])
  return Object.fromEntries(table.columns.map((column, i) => [column, table.rows[0]?.[i] ?? '']))
}

describe('children by initials', () => {
  it('keeps only initials and the year of birth', () => {
    expect(childInitials({ fullName: 'Mia Example', dateOfBirth: '2020-06-01' })).toBe('M. E., born 2020')
    expect(childInitials({ fullName: 'leo-james O’Brien', dateOfBirth: null })).toBe('L. J. O.')
    expect(childInitials({ fullName: '  Zoë   Ana  Łukasz ', dateOfBirth: '2019-01-01' })).toBe(
      'Z. A. Ł., born 2019',
    )
    expect(childInitials({ fullName: '', dateOfBirth: null })).toBe('A child')
  })
})

describe('the register of a side', () => {
  it('takes the first arrival and the last departure, leaving out voided taps and the other side', () => {
    const register = [
      tap('arrived', 'non_resident', '09:30', { voided: true }),
      tap('left', 'non_resident', '12:05'),
      tap('arrived', 'non_resident', '09:48'),
      tap('left', 'non_resident', '11:00'),
      tap('arrived', 'non_resident', '11:10'),
      tap('arrived', 'resident', '09:40'),
      tap('left', 'non_resident', '12:30', { voided: true }),
    ]
    expect(registerTimes(register, 'non_resident')).toEqual({ arrived: '09:48', left: '12:05' })
    expect(registerTimes(register, 'resident')).toEqual({ arrived: '09:40', left: null })
    expect(registerTimes([], 'resident')).toEqual({ arrived: null, left: null })
  })
})

describe('the dates and times report', () => {
  it('heads the report with the centre, case, children by initials, period and recipient', () => {
    const content = buildAttendanceReport(HEADING, [session()], 10)
    expect(content.title).toBe('Dates and times report')
    expect(content.facts).toEqual([
      { label: 'Centre', value: 'Harbour Contact Centre' },
      { label: 'Case reference', value: 'C-7K2M9Q' },
      { label: 'Children', value: 'M. E., born 2020; L. J. E.' },
      { label: 'Period', value: 'Tuesday 1 December 2026 to Thursday 31 December 2026' },
      { label: null, value: 'Released to Fran Adviser, JFCAS on Monday 4 January 2027' },
    ])
    expect(content.footer).toBe(SUPPORTED_FOOTER)
    expect(content.sections).toHaveLength(1)
  })

  it('names one child as "Child" and says when none are named', () => {
    const one = buildAttendanceReport({ ...HEADING, children: HEADING.children.slice(0, 1) }, [], 10)
    expect(one.facts[2]).toEqual({ label: 'Child', value: 'M. E., born 2020' })
    const none = buildAttendanceReport({ ...HEADING, children: [] }, [], 10)
    expect(none.facts[2]).toEqual({ label: 'Children', value: 'None named' })
  })

  it('gives each parent’s times from the register, who came, and lateness past the grace', () => {
    const row = rowOf(
      session({
        register: [
          tap('arrived', 'non_resident', '09:58'),
          tap('arrived', 'resident', '10:05'),
          tap('child_handed_over', 'resident', '10:07', { role: 'child' }),
          tap('left', 'resident', '10:10'),
          tap('arrived', 'non_resident', '10:20', { role: 'grandparent' }),
          tap('arrived', 'resident', '10:01', { role: null }),
          tap('left', 'non_resident', '12:02'),
        ],
      }),
    )
    expect(row).toEqual({
      Date: 'Sat 5 Dec 2026',
      Booked: '10:00–12:00',
      'Visiting parent': 'Yes, 09:58–12:02 (13 min late)',
      'Resident parent': 'Yes, 10:01–10:10',
      Notes:
        'Attended: visiting parent, resident parent, grandparent (visiting side), a visitor with the resident parent, the children.',
    })
  })

  it('does not call a parent late within the grace, and says when they never signed out', () => {
    const row = rowOf(session({ register: [tap('arrived', 'non_resident', '09:55')] }))
    expect(row['Visiting parent']).toBe('Yes, 09:55–not signed out')
    expect(row['Resident parent']).toBe('Not recorded')
  })

  it('falls back on the recorded outcome when there is no register, without inventing times', () => {
    const row = rowOf(session({ outcome: { resident: 'late', nonResident: 'attended', explained: false } }))
    expect(row['Visiting parent']).toBe('Yes (times not registered)')
    expect(row['Resident parent']).toBe('Yes, late (times not registered)')
    expect(row.Notes).toBe('Attended: visiting parent, resident parent.')
  })

  it('says who did not attend and whether a reason was given, never the reason itself', () => {
    const unexplained = rowOf(
      session({
        status: 'did_not_attend',
        outcome: { resident: 'attended', nonResident: 'did_not_attend', explained: false },
      }),
    )
    expect(unexplained['Visiting parent']).toBe('No')
    expect(unexplained.Notes).toBe(
      'Did not attend: visiting parent; no reason was given. Attended: resident parent.',
    )
    const explained = rowOf(
      session({
        status: 'did_not_attend',
        outcome: { resident: 'did_not_attend', nonResident: 'did_not_attend', explained: true },
      }),
    )
    expect(explained.Notes).toBe('Did not attend: visiting parent and resident parent; a reason was given.')
  })

  it('says who cancelled and with how much notice', () => {
    const byParent = rowOf(
      session({ status: 'cancelled', cancellation: { by: 'non_resident', noticeHours: 20.7 } }),
    )
    expect(byParent).toMatchObject({
      'Visiting parent': '–',
      'Resident parent': '–',
      Notes: 'Cancelled by the visiting parent, 20 hours’ notice.',
    })
    expect(
      rowOf(session({ status: 'cancelled', cancellation: { by: 'centre', noticeHours: 0.5 } })).Notes,
    ).toBe('Cancelled by the centre, less than an hour’s notice.')
    expect(
      rowOf(session({ status: 'cancelled', cancellation: { by: 'resident', noticeHours: 1 } })).Notes,
    ).toBe('Cancelled by the resident parent, 1 hour’s notice.')
    expect(
      rowOf(session({ status: 'cancelled', cancellation: { by: 'resident', noticeHours: null } })).Notes,
    ).toBe('Cancelled by the resident parent.')
  })

  it('marks suspended sessions, sessions ended early and sessions still to come', () => {
    expect(rowOf(session({ status: 'suspended' })).Notes).toBe(
      'Suspended: the family’s sessions were on hold.',
    )
    const early = rowOf(
      session({ endedEarlyAt: '11:20', register: [tap('arrived', 'non_resident', '09:45')] }),
    )
    expect(early.Notes).toBe('Ended early at 11:20. Attended: visiting parent.')
    const coming = rowOf(session({ status: 'scheduled', started: false }))
    expect(coming).toMatchObject({
      'Visiting parent': 'Not yet held',
      'Resident parent': 'Not yet held',
      Notes: 'Booked.',
    })
  })

  it('lists the sessions in time order, one row each, and says so when there were none', () => {
    const table = tableOf([
      session({ date: '2026-12-19' }),
      session({ date: '2026-12-05', localStart: '14:00', localEnd: '15:00' }),
      session({ date: '2026-12-05' }),
    ])
    expect(table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'Sat 5 Dec 2026 10:00–12:00',
      'Sat 5 Dec 2026 14:00–15:00',
      'Sat 19 Dec 2026 10:00–12:00',
    ])
    const empty = buildAttendanceReport(HEADING, [], 10).sections[0] as ReportText
    expect(empty.paragraphs).toEqual(['No sessions were booked for this family in the period.'])
  })

  it('prints every line as the preview shows it', () => {
    const lines = linesOf(buildAttendanceReport(HEADING, [session({ outcome: null })], 10))
    expect(lines[0]).toEqual({ heading: 'Title', text: 'Dates and times report' })
    expect(lines).toContainEqual({ heading: 'Heading', text: 'Case reference: C-7K2M9Q' })
    expect(lines).toContainEqual({
      heading: 'Heading',
      text: 'Released to Fran Adviser, JFCAS on Monday 4 January 2027',
    })
    expect(lines).toContainEqual({
      heading: 'Attendance',
      text: 'Date: Sat 5 Dec 2026; Booked: 10:00–12:00; Visiting parent: Not recorded; Resident parent: Not recorded; Notes: ',
    })
    expect(lines.at(-1)).toEqual({ heading: 'Footer', text: SUPPORTED_FOOTER })
  })

  it('shortens dates for the table', () => {
    expect(shortDay('2027-01-04')).toBe('Mon 4 Jan 2027')
  })
})

describe('the supervised contact report', () => {
  const record = {
    date: '2026-12-05',
    localStart: '13:00',
    localEnd: '14:00',
    author: 'Dora Door',
    checkedBy: 'Carl Checker',
    sections: {
      quotes: '“Can we build the tower again?”',
      arrival: 'M arrived at 12:58.\n\n  She ran to the play mat.  ',
      care: '   ',
      childResponses: 'Laughed often.',
    },
  }

  it('opens with the caution and closes with the distribution line', () => {
    const content = buildSupervisedReport(HEADING, [record], 0)
    expect(content.title).toBe('Supervised contact report')
    const first = content.sections[0] as ReportText
    expect(first).toMatchObject({ heading: 'Please note', paragraphs: [CAUTION] })
    expect(CAUTION).toBe(
      'This report records what the supervisor saw and heard. It is factual and is not an assessment; it makes no recommendation about contact or residence and should be read with that in mind.',
    )
    expect(content.sections.at(-1)).toMatchObject({
      heading: 'Distribution',
      paragraphs: ['Fran Adviser, JFCAS, Monday 4 January 2027'],
    })
  })

  it('prints each record with its date, times, who supervised and who checked, in plain-word sections', () => {
    const content = buildSupervisedReport(HEADING, [record], 0)
    const texts = content.sections.slice(1, -1) as ReportText[]
    expect(texts.map((s) => [s.level, s.heading])).toEqual([
      [1, 'Saturday 5 December 2026, 13:00 to 14:00'],
      [2, 'Arrival'],
      [2, 'The child’s responses'],
      [2, 'Direct quotes'],
    ])
    expect(texts[0]?.paragraphs).toEqual(['Supervised by: Dora Door', 'Checked by: Carl Checker'])
    expect(texts[1]).toMatchObject({
      where: 'Arrival, Saturday 5 December 2026',
      paragraphs: ['M arrived at 12:58.', 'She ran to the play mat.'],
    })
  })

  it('orders records by session and says how many are still being checked', () => {
    const later = { ...record, date: '2026-12-12', sections: { arrival: 'Later.' } }
    const content = buildSupervisedReport(HEADING, [later, record], 2)
    const dates = (content.sections as ReportText[]).filter((s) => s.level === 1).map((s) => s.heading)
    expect(dates).toEqual([
      'Please note',
      'Saturday 5 December 2026, 13:00 to 14:00',
      'Saturday 12 December 2026, 13:00 to 14:00',
      'Distribution',
    ])
    expect((content.sections[0] as ReportText).paragraphs[1]).toBe(
      '2 records of this period are still being checked and are not included.',
    )
    const one = buildSupervisedReport(HEADING, [], 1)
    expect((one.sections[0] as ReportText).paragraphs.slice(1)).toEqual([
      'No observation records of this period have been released.',
      'One record of this period is still being checked and is not included.',
    ])
  })

  it('shows where each line is, for the redaction check to point at', () => {
    const lines = linesOf(buildSupervisedReport(HEADING, [{ ...record, checkedBy: null }], 0))
    expect(lines).toContainEqual({
      heading: 'Direct quotes, Saturday 5 December 2026',
      text: '“Can we build the tower again?”',
    })
    expect(lines).toContainEqual({
      heading: 'Saturday 5 December 2026, 13:00 to 14:00',
      text: 'Checked by: not recorded',
    })
    expect(lines).toContainEqual({ heading: 'Please note', text: CAUTION })
  })
})
