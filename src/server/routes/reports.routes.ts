import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { policies } from '../../domain/access/access.policy'
import type { Deps } from '../../domain/context'
import {
  downloadRelease,
  listCaseReleases,
  listReleases,
  listReportRecipients,
  previewReport,
  previewReportPdf,
  releaseReport,
} from '../../domain/session-day/reports'
import {
  ReleaseListSchema,
  ReleaseSchema,
  ReportPreviewSchema,
  ReportRecipientsSchema,
  ReportRequestSchema,
  type ReportRequest,
} from '../../domain/session-day/session-day.schemas'
import { actorOf, errors, idParam, routeDeclarer, typed } from './route-helpers'

type CaseParams = { caseId: string }

/** Reports to referrers: preview with the redaction check, release, the release log and downloads. */
export function reportRoutes(app: FastifyInstance, deps: Deps): void {
  const route = routeDeclarer(app, ['reports'])
  const r = typed(app)
  const desk = policies.roles('admin', 'coordinator')
  const caseParams = idParam('caseId')

  route<CaseParams, unknown, unknown>(
    'get',
    '/api/cases/:caseId/report-recipients',
    {
      policy: desk,
      action: 'report.recipients.list',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'Who the case’s reports can go to: the referrer of each of its referrals',
      params: caseParams,
      response: ReportRecipientsSchema,
    },
    (actor, { params }) => listReportRecipients(deps, actor, params.caseId),
  )

  route<CaseParams, unknown, ReportRequest>(
    'post',
    '/api/cases/:caseId/reports/preview',
    {
      policy: desk,
      action: 'report.preview',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'What a report would say if released now, line by line, with the redaction check',
      params: caseParams,
      body: ReportRequestSchema,
      response: ReportPreviewSchema,
      status: 200,
    },
    (actor, { params, body }) => previewReport(deps, actor, params.caseId, body),
  )

  r.get(
    '/api/cases/:caseId/reports/preview.pdf',
    {
      config: {
        policy: desk,
        audit: { action: 'report.preview.read', resourceType: 'case', idParams: ['caseId'] },
      },
      schema: {
        tags: ['reports'],
        summary: 'The report as a PDF marked “PREVIEW – NOT RELEASED” on every page',
        params: caseParams,
        querystring: ReportRequestSchema,
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await previewReportPdf(deps, actorOf(request), request.params.caseId, request.query)
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="${file.filename}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.bytes)
    },
  )

  route<CaseParams, unknown, ReportRequest>(
    'post',
    '/api/cases/:caseId/reports',
    {
      policy: desk,
      action: 'report.release',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'Release a report to a referrer, after the redaction check; the exact PDF is kept',
      params: caseParams,
      body: ReportRequestSchema,
      response: ReleaseSchema,
    },
    (actor, { params, body }) => releaseReport(deps, actor, params.caseId, body),
  )

  route<CaseParams, unknown, unknown>(
    'get',
    '/api/cases/:caseId/reports',
    {
      policy: desk,
      action: 'report.list',
      resourceType: 'case',
      idParams: ['caseId'],
      summary: 'The case’s release log: what went out, to whom, when, by whom, and downloads',
      params: caseParams,
      response: ReleaseListSchema,
    },
    (actor, { params }) => listCaseReleases(deps, actor, params.caseId),
  )

  route<unknown, unknown, unknown>(
    'get',
    '/api/report-releases',
    {
      policy: policies.roles('admin', 'coordinator', 'referrer'),
      action: 'report_release.list',
      resourceType: 'report_release',
      summary: 'Released reports you may download: a referrer’s own, or those of your centres',
      response: ReleaseListSchema,
    },
    (actor) => listReleases(deps, actor),
  )

  r.get(
    '/api/report-releases/:releaseId/pdf',
    {
      config: {
        policy: policies.roles('admin', 'coordinator', 'referrer'),
        audit: { action: 'report_release.read', resourceType: 'report_release', idParams: ['releaseId'] },
      },
      schema: {
        tags: ['reports'],
        summary: 'Download a released report: exactly the PDF that was released',
        params: idParam('releaseId'),
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadRelease(deps, actorOf(request), request.params.releaseId)
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.bytes)
    },
  )
}
