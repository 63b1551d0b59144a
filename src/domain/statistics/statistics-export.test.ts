import { describe, expect, it } from 'vitest'
import { documentCsv } from './statistics-csv'
import {
  caseloadDocument,
  dashboardDocument,
  monthLabel,
  quarterlyReturnDocument,
  serviceReportDocument,
} from './statistics-export'
import { CASELOAD, DASHBOARD, DEFINITIONS, HEADING, QUARTERLY, SERVICE } from './statistics-export.fixtures'
import type { Caseload } from './statistics.schemas'

const linesOf = (csv: string): string[] => csv.split('\r\n')

describe('the caseload as a document and as CSV', () => {
  it('is one table of the sources and a total row, under the organisation, centre, day and time made', () => {
    const doc = caseloadDocument(CASELOAD, HEADING)
    expect(doc.fileName).toBe('caseload-2026-11-26')
    expect(doc.title).toBe('Caseload by referral source')
    expect(doc.subtitle).toEqual([
      'Organisation: St Helier Family Hub',
      'Centre: St Helier Child Contact Centre',
      'Day: 26 November 2026 (cases open at the end of the day)',
      // 14:05 UTC is 14:05 in Jersey in November (GMT).
      'Made: Thursday 26 November 2026 at 14:05',
    ])
    expect(doc.tables).toHaveLength(1)
    expect(doc.tables[0]?.rows.at(-1)).toEqual(['', 'Total', 39, 33])
    expect(doc.definitions.map((d) => d.term)).toEqual(['Children', 'Parents'])
  })

  it('writes source,label,children,parents with CRLF line ends and the total last', () => {
    const csv = documentCsv(caseloadDocument(CASELOAD, HEADING))
    expect(csv).toBe(
      [
        'source,label,children,parents',
        'court_adviser,Family court adviser (JFCAS),25,22',
        'social_services,Social services,5,4',
        'self,Self-referral,9,7',
        ',Total,39,33',
        '',
      ].join('\r\n'),
    )
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('escapes a source label that a spreadsheet would run, and quotes commas, quotes and line breaks', () => {
    const labels = [
      '=HYPERLINK("http://x")',
      '+44 helpline',
      '-1 referrals',
      '@SUM(A1)',
      '\tTabbed',
      '\rReturned',
    ]
    const caseload: Caseload = {
      on: '2026-11-26',
      bySource: [
        ...labels.map((label, i) => ({ source: `s${i}`, label, children: 1, parents: 1 })),
        { source: 'quoted', label: 'Smith, Jones & "Partners"\nLaw', children: 2, parents: 1 },
      ],
      total: { children: 8, parents: 7 },
    }
    const lines = linesOf(documentCsv(caseloadDocument(caseload, HEADING)))
    expect(lines.slice(1, 8)).toEqual([
      `s0,"'=HYPERLINK(""http://x"")",1,1`,
      "s1,'+44 helpline,1,1",
      "s2,'-1 referrals,1,1",
      "s3,'@SUM(A1),1,1",
      "s4,'\tTabbed,1,1",
      // The carriage return is inside the quoted cell, not a line end.
      `s5,"'\rReturned",1,1`,
      `quoted,"Smith, Jones & ""Partners""\nLaw",2,1`,
    ])
    expect(lines[8]).toBe(',Total,8,7')
  })

  it('escapes a formula-looking source code too', () => {
    const caseload: Caseload = {
      on: '2026-11-26',
      bySource: [{ source: '=cmd', label: 'Odd', children: 1, parents: 1 }],
      total: { children: 1, parents: 1 },
    }
    expect(linesOf(documentCsv(caseloadDocument(caseload, HEADING)))[1]).toBe("'=cmd,Odd,1,1")
  })

  it('writes an empty caseload as the header and a total of nought', () => {
    const csv = documentCsv(
      caseloadDocument({ on: '2026-01-01', bySource: [], total: { children: 0, parents: 0 } }, HEADING),
    )
    expect(csv).toBe('source,label,children,parents\r\n,Total,0,0\r\n')
  })
})

describe('the quarterly return as a document and as CSV', () => {
  it('lays the measures out in plain words, in the order of the NACCC questions', () => {
    const doc = quarterlyReturnDocument(QUARTERLY, HEADING)
    expect(doc.fileName).toBe('naccc-return-2026-Q3')
    expect(doc.title).toBe('NACCC quarterly return')
    expect(doc.subtitle).toContain('Period: Q3 2026/27 (October to December 2026)')
    expect(doc.tables.map((t) => t.title)).toEqual([
      'Referrals',
      'Referrals received by source',
      'Families and children',
      'Sessions',
      'Cancellations and no-shows',
      'Volunteers and staff',
    ])
    const rows = Object.fromEntries(
      doc.tables.flatMap((t) => t.rows.map((r): [string, unknown] => [String(r[0]), r[1]])),
    )
    expect(rows).toMatchObject({
      'Referrals received': 14,
      Accepted: 8,
      Declined: 2,
      'Put on the waiting list': 3,
      'Family court adviser (JFCAS)': 9,
      'Families seen (at least one session held)': 20,
      'Sessions available': 1200,
      'Sessions booked': 432,
      'Sessions attended': 401,
      'Capacity used (%)': 36,
      // Named by its definition's term where the report defines it.
      'Late cancellations': 5,
      'Times the visiting parent did not come': 9,
      'Volunteers on the team at the end of the period': 13,
      'Volunteers who left': 5,
    })
    expect(doc.definitions).toEqual(DEFINITIONS)
  })

  it('writes one figure a line as section,measure,value, then the definitions', () => {
    const lines = linesOf(documentCsv(quarterlyReturnDocument(QUARTERLY, HEADING)))
    expect(lines.slice(0, 7)).toEqual([
      'section,measure,value',
      'Report,Title,NACCC quarterly return',
      'Report,Organisation,St Helier Family Hub',
      'Report,Centre,St Helier Child Contact Centre',
      'Report,Period,Q3 2026/27 (October to December 2026)',
      'Report,Made,Thursday 26 November 2026 at 14:05',
      'Referrals,Referrals received,14',
    ])
    expect(lines).toContain('Referrals received by source,Self-referral,5')
    expect(lines).toContain('Sessions,Sessions available,1200')
    expect(lines).toContain('Cancellations and no-shows,Late cancellations,5')
    expect(lines).toContain(
      'Volunteers and staff,Staff (coordinators and administrators) at the end of the period,2',
    )
    expect(lines.slice(-3)).toEqual([
      'Definition,Sessions booked,"Family sessions booked, except those the centre called off."',
      'Definition,Late cancellations,Cancelled by a parent with less notice than the centre asks for.',
      '',
    ])
    // Every line has three cells (none of these has a comma inside quotes but the one definition).
    for (const line of lines.slice(0, -3)) expect(line.split(','), line).toHaveLength(3)
  })

  it('names a figure by its definition, else in plain words, saying the unit when the name does not', () => {
    const defined = quarterlyReturnDocument(
      {
        ...QUARTERLY,
        definitions: [
          { figure: 'sessions.attended', term: 'Sessions held', meaning: 'Held.' },
          { figure: 'sessions.capacityUsedPercent', term: 'Capacity used', meaning: 'Booked ÷ available.' },
        ],
      },
      HEADING,
    )
    const sessions = defined.tables.find((t) => t.title === 'Sessions')?.rows
    expect(sessions).toEqual([
      ['Sessions available', 1200],
      ['Sessions booked', 432],
      ['Sessions held', 401],
      ['Capacity used (%)', 36],
    ])
    const undefinedTerms = quarterlyReturnDocument({ ...QUARTERLY, definitions: [] }, HEADING)
    const cancellations = undefinedTerms.tables.find((t) => t.title === 'Cancellations and no-shows')?.rows
    expect(cancellations).toContainEqual(['Cancelled late by a parent', 5])
    const waiting = serviceReportDocument(
      {
        ...SERVICE,
        definitions: [{ figure: 'waiting.longestWaitingDays', term: 'Longest wait so far', meaning: 'x' }],
      },
      HEADING,
    ).tables.find((t) => t.title === 'Waiting times')?.rows
    expect(waiting).toContainEqual(['Longest wait so far (days)', null])
    expect(waiting).toContainEqual(['Median days from referral to first session', 41.5])
  })

  it('counts the centres rather than listing them when there are many', () => {
    const many = { ...HEADING, centreNames: Array.from({ length: 12 }, (_, i) => `Centre ${i}`) }
    expect(quarterlyReturnDocument(QUARTERLY, many).subtitle[1]).toBe('Centres: 12 centres')
    const two = { ...HEADING, centreNames: ['North', 'South'] }
    expect(quarterlyReturnDocument(QUARTERLY, two).subtitle[1]).toBe('Centres: North, South')
  })
})

describe('the commissioner’s and trustees’ reports', () => {
  it('adds outcomes, waiting times, reviews, incidents and volunteering to the measures', () => {
    const doc = serviceReportDocument(SERVICE, HEADING)
    expect(doc.fileName).toBe('service-report-2026-10-01-to-2026-12-31')
    expect(doc.title).toBe('Service level agreement report')
    expect(doc.subtitle).toContain('For: the commissioner')
    const titles = doc.tables.map((t) => t.title)
    expect(titles.slice(6)).toEqual([
      'Outcomes',
      'Cases closed by outcome',
      'Contact level changes',
      'Waiting times',
      'Case reviews',
      'Incidents by category',
      'Incidents by severity',
      'Volunteering',
      'Volunteer hours by kind',
    ])
    const table = (title: string) => doc.tables.find((t) => t.title === title)?.rows
    expect(table('Contact level changes')).toEqual([
      ['From supervised contact to supported contact', 2],
      ['Set to handover', 1],
    ])
    expect(table('Incidents by severity')).toEqual([
      ['Low', 2],
      ['Serious', 1],
    ])
    expect(table('Incidents by category')?.at(-1)).toEqual(['Total', 3])
    expect(table('Volunteer hours by kind')).toEqual([
      ['Sessions', 280],
      ['Training', 32.5],
    ])
    expect(table('Waiting times')).toContainEqual(['Longest wait so far on the waiting list (days)', null])
    expect(table('Sessions')).toContainEqual(['Capacity used (%)', null])
  })

  it('names the trustees’ report for them', () => {
    const doc = serviceReportDocument({ ...SERVICE, audience: 'trustees' }, HEADING)
    expect(doc.title).toBe('Trustees’ report')
    expect(doc.fileName).toBe('trustees-report-2026-10-01-to-2026-12-31')
    expect(doc.subtitle).toContain('For: the trustees')
  })

  it('writes a figure that does not apply as an empty value, and decimals as they are', () => {
    const lines = linesOf(documentCsv(serviceReportDocument(SERVICE, HEADING)))
    expect(lines).toContain('Sessions,Capacity used (%),')
    expect(lines).toContain('Waiting times,Mean days from referral to first session,47.25')
    expect(lines).toContain('Volunteering,Approved volunteer hours,312.5')
    expect(lines).toContain('Contact level changes,From supervised contact to supported contact,2')
  })
})

describe('the dashboard', () => {
  it('is the table behind each chart, with months in words and a column a source', () => {
    const doc = dashboardDocument(DASHBOARD, HEADING)
    expect(doc.fileName).toBe('dashboard-2026-04-01-to-2026-05-31')
    const referrals = doc.tables[0]
    expect(referrals?.columns).toEqual(['Month', 'Family court adviser (JFCAS)', 'Self-referral', 'Total'])
    expect(referrals?.rows).toEqual([
      ['April 2026', 3, 1, 4],
      ['May 2026', 0, 2, 2],
    ])
    expect(doc.tables.map((t) => t.title)).toEqual([
      'Referrals by month and source',
      'Children by age band',
      'Sessions by month',
      'Capacity by month',
      'Waiting list by month',
      'Volunteer hours by month',
      'Cases closed by outcome',
    ])
    expect(doc.definitions.length).toBeGreaterThan(3)
  })

  it('asks for piled columns of the sources, columns for each month and bars for bands and outcomes', () => {
    const charts = dashboardDocument(DASHBOARD, HEADING).tables.map((t) => t.chart)
    expect(charts).toEqual([
      { kind: 'columns', series: [1, 2], stacked: true },
      { kind: 'bars', series: [1] },
      { kind: 'columns', series: [1, 2, 3] },
      { kind: 'columns', series: [1, 2] },
      { kind: 'columns', series: [1] },
      { kind: 'columns', series: [1] },
      { kind: 'bars', series: [1] },
    ])
    // The chart is for the PDF only: the CSV is the same without it.
    const doc = dashboardDocument(DASHBOARD, HEADING)
    const plain = { ...doc, tables: doc.tables.map(({ chart: _chart, ...table }) => table) }
    expect(documentCsv(doc)).toBe(documentCsv(plain))
  })

  it('writes a wider table one value a line, named by its row and column', () => {
    const lines = linesOf(documentCsv(dashboardDocument(DASHBOARD, HEADING)))
    expect(lines).toContain('Referrals by month and source,May 2026: Family court adviser (JFCAS),0')
    expect(lines).toContain('Referrals by month and source,April 2026: Total,4')
    expect(lines).toContain('Sessions by month,April 2026: Not attended,2')
    expect(lines).toContain('Waiting list by month,May 2026: Median wait (days),')
    expect(lines).toContain('Volunteer hours by month,April 2026,61.5')
  })

  it('says a month as people do', () => {
    expect(monthLabel('2026-04')).toBe('April 2026')
    expect(monthLabel('2027-01')).toBe('January 2027')
  })
})
