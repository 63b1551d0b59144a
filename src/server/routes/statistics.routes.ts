import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Actor } from '../../domain/access/actor'
import type { Deps } from '../../domain/context'
import { caseloadReport } from '../../domain/statistics/caseload'
import { dashboardReport } from '../../domain/statistics/dashboard'
import { quarterlyReturn } from '../../domain/statistics/quarterly-return'
import { serviceReport } from '../../domain/statistics/service-report'
import { documentCsv } from '../../domain/statistics/statistics-csv'
import {
  caseloadDocument,
  dashboardDocument,
  exportHeading,
  quarterlyReturnDocument,
  serviceReportDocument,
  type ExportHeading,
} from '../../domain/statistics/statistics-export'
import { documentPdf } from '../../domain/statistics/statistics-pdf'
import {
  CaseloadQuerySchema,
  CaseloadSchema,
  DashboardSchema,
  PeriodQuerySchema,
  QuarterlyReturnSchema,
  QuarterQuerySchema,
  ServiceReportQuerySchema,
  ServiceReportSchema,
  type StatDocument,
} from '../../domain/statistics/statistics.schemas'
import { actorOf, errors, routeDeclarer, typed } from './route-helpers'

/** One report: its address, its audit name, its schemas, how it is counted and how it is laid out. */
interface StatReport<Q extends { centreId?: string | undefined }, R> {
  path: string
  action: string
  summary: string
  query: z.ZodObject
  response: z.ZodType
  read: (deps: Deps, actor: Actor, query: Q) => Promise<R>
  document: (report: R, heading: ExportHeading) => StatDocument
}

const FILES = {
  csv: { type: 'text/csv; charset=utf-8', produces: 'text/csv', schema: z.string() },
  pdf: { type: 'application/pdf', produces: 'application/pdf', schema: z.any() },
} as const

/** A file name that needs no quoting or escaping in a header: letters, digits, dot, dash, underscore. */
const safeFileName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120)

/** Statistics and returns for the desk: each report as JSON, CSV and PDF. Counts only. */
export function statisticsRoutes(app: FastifyInstance, deps: Deps): void {
  const route = routeDeclarer(app, ['statistics'])
  const r = typed(app)
  const desk = policies.roles('admin', 'coordinator')

  function declare<Q extends { centreId?: string | undefined }, R>(report: StatReport<Q, R>): void {
    const url = `/api/reports/${report.path}`
    route<unknown, Q, unknown>(
      'get',
      url,
      {
        policy: desk,
        action: `${report.action}.read`,
        resourceType: 'organisation',
        summary: report.summary,
        querystring: report.query,
        response: report.response,
      },
      (actor, { query }) => report.read(deps, actor, query),
    )
    for (const format of ['csv', 'pdf'] as const) {
      const file = FILES[format]
      r.get(
        `${url}.${format}`,
        {
          config: {
            policy: desk,
            audit: { action: `${report.action}.${format}.read`, resourceType: 'organisation' },
          },
          schema: {
            tags: ['statistics'],
            summary: `${report.summary}, as ${format.toUpperCase()}`,
            querystring: report.query,
            produces: [file.produces],
            response: { 200: file.schema, ...errors },
          },
        },
        async (request, reply) => {
          const actor = actorOf(request)
          const query = request.query as Q
          const figures = await report.read(deps, actor, query)
          const heading = await exportHeading(deps, actor, query.centreId)
          const doc = report.document(figures, heading)
          const body =
            format === 'csv' ? documentCsv(doc) : await documentPdf(doc, { createdAt: heading.generatedAt })
          return reply
            .type(file.type)
            .header('Content-Disposition', `attachment; filename="${safeFileName(doc.fileName)}.${format}"`)
            .header('Cache-Control', 'no-store')
            .header('X-Content-Type-Options', 'nosniff')
            .send(body)
        },
      )
    }
  }

  declare({
    path: 'caseload',
    action: 'statistics.caseload',
    summary: 'Children and parents with an open case on a day, by referral source',
    query: CaseloadQuerySchema,
    response: CaseloadSchema,
    read: caseloadReport,
    document: caseloadDocument,
  })
  declare({
    path: 'quarterly-return',
    action: 'statistics.quarterly-return',
    summary: 'The NACCC quarterly return of a quarter of the April–March financial year',
    query: QuarterQuerySchema,
    response: QuarterlyReturnSchema,
    read: quarterlyReturn,
    document: quarterlyReturnDocument,
  })
  declare({
    path: 'service',
    action: 'statistics.service-report',
    summary: 'The commissioner’s (service level agreement) or the trustees’ report of a period',
    query: ServiceReportQuerySchema,
    response: ServiceReportSchema,
    read: serviceReport,
    document: serviceReportDocument,
  })
  declare({
    path: 'dashboard',
    action: 'statistics.dashboard',
    summary: 'The dashboard’s figures of a period, month by month',
    query: PeriodQuerySchema,
    response: DashboardSchema,
    read: dashboardReport,
    document: dashboardDocument,
  })
}
