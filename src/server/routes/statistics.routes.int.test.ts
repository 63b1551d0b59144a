import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOrganisation, buildUser, type BuiltUser } from '../../../tests/support/factories'
import { buildStatisticsWorld, type StatisticsWorld } from '../../../tests/support/statistics-world'
import { createTestContext, TestBrowser, type TestContext } from '../../../tests/support/test-app'
import type { Role } from '../../domain/access/roles'
import { dashboardReport } from '../../domain/statistics/dashboard'
import { quarterlyReturn } from '../../domain/statistics/quarterly-return'
import { serviceReport } from '../../domain/statistics/service-report'
import {
  DashboardSchema,
  QuarterlyReturnSchema,
  ServiceReportSchema,
  type Caseload,
  type QuarterlyReturn,
} from '../../domain/statistics/statistics.schemas'

// The statistics routes over HTTP: the JSON of each report, its CSV and PDF, who may read them, what
// bad input answers, and the audit trail. The counting itself is tested with the use cases; here
// each answer is checked against the use case's own for the same caller.

const REPORTS = {
  caseload: 'on=2026-11-26',
  'quarterly-return': 'quarter=2026-Q3',
  service: 'from=2026-01-01&to=2026-12-31',
  dashboard: 'from=2026-01-01&to=2026-12-31',
} as const
type ReportPath = keyof typeof REPORTS
const PATHS = Object.keys(REPORTS) as ReportPath[]
const FORMATS = ['', '.csv', '.pdf'] as const
/** Every statistics route with a valid query, and an extra query string to add. */
const everyRoute = (extra = ''): string[] =>
  PATHS.flatMap((p) => FORMATS.map((f) => `/api/reports/${p}${f}?${REPORTS[p]}${extra}`))

/** Source labels a spreadsheet would run as a formula, and one that needs quoting. */
const SOURCES = [
  { code: 'court_adviser', label: 'Family court adviser (JFCAS)' },
  { code: 'self', label: 'Self-referral' },
  { code: 'eq', label: '=HYPERLINK("http://example.org","click")' },
  { code: 'plus', label: '+44 helpline' },
  { code: 'minus', label: '-5 referrals' },
  { code: 'at', label: '@SUM(A1:A9)' },
  { code: 'comma', label: 'Smith, Jones & "Partners"' },
]

let t: TestContext
let world: StatisticsWorld
let secondCentreId: string
let foreignCentreId: string
const browsers = new Map<Role | 'centre_coordinator' | 'anonymous', TestBrowser>()

const browser = (who: Role | 'centre_coordinator' | 'anonymous'): TestBrowser => {
  const found = browsers.get(who)
  if (!found) throw new Error(`no browser for ${who}`)
  return found
}

beforeAll(async () => {
  t = await createTestContext()
  world = await buildStatisticsWorld(t.deps, { name: 'St Helier Family Hub' })
  await world.settings({ referralSources: SOURCES.map((s) => ({ code: s.code, label: s.label })) })
  await world.family({ openedOn: '2026-01-10', source: 'court_adviser', children: 2 })
  await world.family({ openedOn: '2026-02-10', source: 'court_adviser', children: 1 })
  await world.family({ openedOn: '2026-03-10', source: 'self', children: 1 })
  for (const code of ['eq', 'plus', 'minus', 'at', 'comma'])
    await world.family({ openedOn: '2026-04-10', source: code, children: 1 })
  // Closed before the day counted: not in the caseload.
  await world.family({ openedOn: '2026-01-10', closedOn: '2026-06-30', source: 'self', children: 3 })
  const second = await world.centre('Gorey Contact Centre')
  secondCentreId = second.centreId
  await world.family({
    openedOn: '2026-05-10',
    source: 'court_adviser',
    children: 2,
    centreId: secondCentreId,
  })
  foreignCentreId = (await buildOrganisation(t.deps)).centreId

  const users: [Role | 'centre_coordinator', BuiltUser][] = []
  for (const role of ['admin', 'coordinator', 'volunteer', 'referrer', 'parent'] as const)
    users.push([role, await buildUser(t.deps, { organisationId: world.organisationId, role })])
  users.push([
    'centre_coordinator',
    await buildUser(t.deps, {
      organisationId: world.organisationId,
      role: 'coordinator',
      centreId: world.centreId,
    }),
  ])
  for (const [who, user] of users) {
    const signedIn = new TestBrowser(t.app)
    await signedIn.signIn(user, t.clock)
    browsers.set(who, signedIn)
  }
  browsers.set('anonymous', new TestBrowser(t.app))
})
afterAll(async () => t.close())

const expectOk = (response: LightMyRequestResponse): LightMyRequestResponse => {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200)
  return response
}

const linesOf = (response: LightMyRequestResponse): string[] => response.body.split('\r\n')

function pdfText(response: LightMyRequestResponse): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinbridge-statistics-'))
  try {
    const file = path.join(dir, 'report.pdf')
    fs.writeFileSync(file, response.rawPayload)
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('GET /api/reports/caseload', () => {
  it('answers exactly {on, bySource: [{source, label, children, parents}], total}', async () => {
    const response = expectOk(await browser('coordinator').get('/api/reports/caseload?on=2026-11-26'))
    const body = response.json<Caseload>()
    expect(body).toEqual({
      on: '2026-11-26',
      bySource: [
        { source: 'court_adviser', label: 'Family court adviser (JFCAS)', children: 5, parents: 3 },
        { source: 'self', label: 'Self-referral', children: 1, parents: 1 },
        ...SOURCES.slice(2).map((s) => ({ source: s.code, label: s.label, children: 1, parents: 1 })),
      ],
      total: { children: 11, parents: 9 },
    })
    expect(Object.keys(body)).toEqual(['on', 'bySource', 'total'])
    expect(Object.keys(body.bySource[0] ?? {})).toEqual(['source', 'label', 'children', 'parents'])
    expect(Object.keys(body.total)).toEqual(['children', 'parents'])
  })

  it('counts one centre when asked, and a centre coordinator’s own centre by default', async () => {
    const gorey = expectOk(
      await browser('admin').get(`/api/reports/caseload?on=2026-11-26&centreId=${secondCentreId}`),
    ).json<Caseload>()
    expect(gorey.bySource).toEqual([
      { source: 'court_adviser', label: 'Family court adviser (JFCAS)', children: 2, parents: 1 },
    ])
    const own = expectOk(
      await browser('centre_coordinator').get('/api/reports/caseload?on=2026-11-26'),
    ).json<Caseload>()
    expect(own.total).toEqual({ children: 9, parents: 8 })
  })
})

describe('the JSON of the quarterly return, the service reports and the dashboard', () => {
  const desk = () => world.actor([{ role: 'coordinator', centreId: null }])

  it('answers the quarterly return as the use case counts it, in its schema', async () => {
    const body = expectOk(
      await browser('coordinator').get('/api/reports/quarterly-return?quarter=2026-Q3'),
    ).json<QuarterlyReturn>()
    expect(Object.keys(body)).toEqual(Object.keys(QuarterlyReturnSchema.shape))
    expect(QuarterlyReturnSchema.parse(body)).toEqual(body)
    expect(body).toEqual(await quarterlyReturn(t.deps, desk(), { quarter: '2026-Q3' }))
    expect(body.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' })
    expect(body.centres.map((c) => c.name).sort()).toEqual(['Gorey Contact Centre', 'Test Centre'])
    expect(body.measures.families.activeAtEnd).toBe(9)
  })

  it('answers the commissioner’s report by default and the trustees’ when asked', async () => {
    const commissioner = expectOk(
      await browser('admin').get('/api/reports/service?from=2026-01-01&to=2026-12-31'),
    )
    const body = commissioner.json<Record<string, unknown>>()
    expect(Object.keys(body)).toEqual(Object.keys(ServiceReportSchema.shape))
    expect(body).toEqual(
      ServiceReportSchema.parse(
        await serviceReport(t.deps, desk(), {
          from: '2026-01-01',
          to: '2026-12-31',
          audience: 'commissioner',
        }),
      ),
    )
    const trustees = expectOk(
      await browser('admin').get(
        `/api/reports/service?from=2026-01-01&to=2026-12-31&audience=trustees&centreId=${world.centreId}`,
      ),
    ).json<{ audience: string; centres: { id: string }[] }>()
    expect(trustees.audience).toBe('trustees')
    expect(trustees.centres.map((c) => c.id)).toEqual([world.centreId])
  })

  it('answers the dashboard month by month', async () => {
    const body = expectOk(
      await browser('coordinator').get('/api/reports/dashboard?from=2026-01-01&to=2026-12-31'),
    ).json<Record<string, unknown>>()
    expect(Object.keys(body)).toEqual(Object.keys(DashboardSchema.shape))
    expect(body).toEqual(
      DashboardSchema.parse(await dashboardReport(t.deps, desk(), { from: '2026-01-01', to: '2026-12-31' })),
    )
    expect(body.months).toHaveLength(12)
  })
})

describe('CSV and PDF files', () => {
  it('sends the caseload as source,label,children,parents with escaped labels and a total row', async () => {
    const response = expectOk(await browser('coordinator').get('/api/reports/caseload.csv?on=2026-11-26'))
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename="caseload-2026-11-26.csv"')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(linesOf(response)).toEqual([
      'source,label,children,parents',
      'court_adviser,Family court adviser (JFCAS),5,3',
      'self,Self-referral,1,1',
      `eq,"'=HYPERLINK(""http://example.org"",""click"")",1,1`,
      "plus,'+44 helpline,1,1",
      "minus,'-5 referrals,1,1",
      "at,'@SUM(A1:A9),1,1",
      'comma,"Smith, Jones & ""Partners""",1,1',
      ',Total,11,9',
      '',
    ])
  })

  it('sends the quarterly return as section,measure,value with the figures of the JSON', async () => {
    const json = (
      await browser('admin').get('/api/reports/quarterly-return?quarter=2026-Q3')
    ).json<QuarterlyReturn>()
    const response = expectOk(await browser('admin').get('/api/reports/quarterly-return.csv?quarter=2026-Q3'))
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename="naccc-return-2026-Q3.csv"')
    const lines = linesOf(response)
    expect(lines.slice(0, 3)).toEqual([
      'section,measure,value',
      'Report,Title,NACCC quarterly return',
      'Report,Organisation,St Helier Family Hub',
    ])
    expect(lines).toContain('Report,Period,Q3 2026/27 (October to December 2026)')
    // Each figure is named by the term its definition gives it.
    const term = (figure: string) => json.definitions.find((d) => d.figure === figure)?.term
    expect(lines).toContain(
      `Families and children,${term('families.activeAtEnd')},${json.measures.families.activeAtEnd}`,
    )
    expect(lines).toContain(`Referrals,${term('referrals.received')},${json.measures.referrals.received}`)
    expect(lines).toContain(`Cancellations and no-shows,${term('sessions.cancelled.late')},0`)
    // The source labels are escaped here too, and each definition comes at the end.
    expect(lines).toContain("Referrals received by source,'+44 helpline,0")
    expect(lines.filter((l) => l.startsWith('Definition,'))).toHaveLength(json.definitions.length)
  })

  it('sends the trustees’ report and the dashboard as CSV', async () => {
    const trustees = expectOk(
      await browser('admin').get('/api/reports/service.csv?from=2026-01-01&to=2026-12-31&audience=trustees'),
    )
    expect(trustees.headers['content-disposition']).toBe(
      'attachment; filename="trustees-report-2026-01-01-to-2026-12-31.csv"',
    )
    expect(linesOf(trustees)[1]).toBe('Report,Title,Trustees’ report')
    const dashboard = expectOk(
      await browser('admin').get('/api/reports/dashboard.csv?from=2026-01-01&to=2026-03-31'),
    )
    expect(dashboard.headers['content-disposition']).toBe(
      'attachment; filename="dashboard-2026-01-01-to-2026-03-31.csv"',
    )
    expect(linesOf(dashboard)).toContain(
      'Referrals by month and source,January 2026: Family court adviser (JFCAS),1',
    )
  })

  it('sends each report as a PDF attachment', async () => {
    for (const p of PATHS) {
      const response = expectOk(await browser('coordinator').get(`/api/reports/${p}.pdf?${REPORTS[p]}`))
      expect(response.headers['content-type']).toBe('application/pdf')
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    }
    const caseload = pdfText(
      expectOk(await browser('coordinator').get('/api/reports/caseload.pdf?on=2026-11-26')),
    )
    expect(caseload).toContain('Caseload by referral source')
    expect(caseload).toContain('Organisation: St Helier Family Hub')
    expect(caseload).toMatch(/Total\s+11\s+9/)
    expect(caseload).toContain('=HYPERLINK')
  })
})

describe('bad input, other organisations and other roles', () => {
  const errorOf = (response: LightMyRequestResponse) =>
    response.json<{ error: { code: string; message: string } }>().error

  it('answers 400 for a bad date, a bad quarter, a period that ends before it starts and an unknown audience', async () => {
    const bad = [
      '/api/reports/caseload?on=2026-02-30',
      '/api/reports/caseload.csv?on=26/11/2026',
      '/api/reports/caseload.pdf',
      '/api/reports/quarterly-return?quarter=2026-Q5',
      '/api/reports/quarterly-return.csv?quarter=2026Q3',
      '/api/reports/quarterly-return.pdf?quarter=',
      '/api/reports/service?from=2026-12-31&to=2026-01-01',
      '/api/reports/service.csv?from=2026-01-01&to=2026-12-31&audience=board',
      '/api/reports/service.pdf?from=2026-13-01&to=2026-12-31',
      '/api/reports/dashboard?from=2026-06-01&to=2026-05-31',
      '/api/reports/dashboard.csv?from=2026-06-01&to=2026-05-31',
      '/api/reports/dashboard.pdf?to=2026-05-31',
      '/api/reports/caseload?on=2026-11-26&centreId=not-a-centre',
    ]
    for (const url of bad) {
      const response = await browser('admin').get(url)
      expect(response.statusCode, url).toBe(400)
      expect(errorOf(response).code, url).toBe('INVALID_INPUT')
    }
    const backwards = await browser('admin').get('/api/reports/service.pdf?from=2026-12-31&to=2026-01-01')
    expect(errorOf(backwards).message).toBe('The period must end on or after the day it starts.')
  })

  it('answers 404 for another organisation’s centre, and for a centre a centre coordinator does not work in', async () => {
    for (const url of everyRoute(`&centreId=${foreignCentreId}`)) {
      for (const who of ['admin', 'coordinator'] as const) {
        const response = await browser(who).get(url)
        expect(response.statusCode, `${url} as ${who}`).toBe(404)
        expect(errorOf(response).code).toBe('NOT_FOUND')
      }
    }
    for (const url of everyRoute(`&centreId=${secondCentreId}`))
      expect((await browser('centre_coordinator').get(url)).statusCode, url).toBe(404)
  })

  it('refuses volunteers, referrers and parents (403) and anyone signed out (401)', async () => {
    for (const url of everyRoute()) {
      for (const who of ['volunteer', 'referrer', 'parent'] as const) {
        const response = await browser(who).get(url)
        expect(response.statusCode, `${url} as ${who}`).toBe(403)
        expect(errorOf(response).code).toBe('FORBIDDEN')
      }
      expect((await browser('anonymous').get(url)).statusCode, url).toBe(401)
    }
  })
})

describe('the audit trail', () => {
  const auditOf = async (response: LightMyRequestResponse) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_role', 'organisation_id'])
      .where('request_id', '=', String(response.headers['x-request-id']))
      .execute()

  it('writes one row for each read, named for the report and the format, and for each refusal', async () => {
    const actions: [string, string][] = [
      ['/api/reports/caseload?on=2026-11-26', 'statistics.caseload.read'],
      ['/api/reports/caseload.csv?on=2026-11-26', 'statistics.caseload.csv.read'],
      ['/api/reports/caseload.pdf?on=2026-11-26', 'statistics.caseload.pdf.read'],
      ['/api/reports/quarterly-return?quarter=2026-Q3', 'statistics.quarterly-return.read'],
      ['/api/reports/quarterly-return.csv?quarter=2026-Q3', 'statistics.quarterly-return.csv.read'],
      ['/api/reports/quarterly-return.pdf?quarter=2026-Q3', 'statistics.quarterly-return.pdf.read'],
      [`/api/reports/service?${REPORTS.service}`, 'statistics.service-report.read'],
      [`/api/reports/service.csv?${REPORTS.service}`, 'statistics.service-report.csv.read'],
      [`/api/reports/service.pdf?${REPORTS.service}`, 'statistics.service-report.pdf.read'],
      [`/api/reports/dashboard?${REPORTS.dashboard}`, 'statistics.dashboard.read'],
      [`/api/reports/dashboard.csv?${REPORTS.dashboard}`, 'statistics.dashboard.csv.read'],
      [`/api/reports/dashboard.pdf?${REPORTS.dashboard}`, 'statistics.dashboard.pdf.read'],
    ]
    for (const [url, action] of actions) {
      const response = expectOk(await browser('coordinator').get(url))
      expect(await auditOf(response), url).toEqual([
        { action, outcome: 'success', actor_role: 'coordinator', organisation_id: world.organisationId },
      ])
    }
    const refused = await browser('volunteer').get('/api/reports/caseload.csv?on=2026-11-26')
    expect(await auditOf(refused)).toEqual([
      {
        action: 'statistics.caseload.csv.read',
        outcome: 'denied',
        actor_role: 'volunteer',
        organisation_id: world.organisationId,
      },
    ])
    const foreign = await browser('admin').get(
      `/api/reports/dashboard.pdf?${REPORTS.dashboard}&centreId=${foreignCentreId}`,
    )
    expect((await auditOf(foreign)).map((row) => [row.action, row.outcome])).toEqual([
      ['statistics.dashboard.pdf.read', 'denied'],
    ])
  })
})
