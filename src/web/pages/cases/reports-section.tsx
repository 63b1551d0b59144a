import { Alert, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { CaseDetail, ReleaseView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDateTime } from '../../format'
import { useReloadingAction } from '../../api/use-reloading-action'
import { todayLocal } from '../../volunteering-dates'
import { Section } from '../referrals/shared/section'
import { ReleasesTable } from '../reports/releases-table'
import { ReportCheck } from '../reports/report-check'
import { caseReleasesQuery, recipientsQuery, reportsKey } from '../reports/report-queries'
import { ReportRequestForm, type ReportRequestValues } from '../reports/report-request-form'
import { KIND_SHORT, previewPdfUrl, threeMonthsBefore } from '../reports/report-words'

const OBSERVED: ReadonlySet<CaseDetail['serviceLevel']> = new Set(['supervised', 'escorted'])

/** Reports to the family's referrers: choose, check for protected details, release; and the release log. */
export function ReportsSection({ detail }: { detail: CaseDetail }) {
  const caseId = detail.id
  const today = todayLocal()
  const recipients = useQuery(recipientsQuery(caseId))
  const releases = useQuery(caseReleasesQuery(caseId))
  const [values, setValues] = useState<ReportRequestValues>({
    kind: OBSERVED.has(detail.serviceLevel) ? 'supervised' : 'attendance',
    from: threeMonthsBefore(today),
    to: today,
    referralId: '',
  })
  const [released, setReleased] = useState<ReleaseView | null>(null)
  const preview = useMutation({
    mutationFn: (request: ReportRequestValues) =>
      call(api.POST('/api/cases/{caseId}/reports/preview', { params: { path: { caseId } }, body: request })),
  })
  const release = useReloadingAction(
    [reportsKey],
    (request: ReportRequestValues) =>
      call(api.POST('/api/cases/{caseId}/reports', { params: { path: { caseId } }, body: request })),
    (done) => {
      setReleased(done)
      preview.reset()
    },
  )
  const list = recipients.data?.recipients ?? []
  const onlyOne = list.length === 1 ? list[0]?.referralId : undefined
  const request = { ...values, referralId: values.referralId || (onlyOne ?? '') }
  const change = (next: ReportRequestValues) => {
    setValues(next)
    setReleased(null)
    preview.reset()
    release.reset()
  }
  const releaseChecked = () =>
    release.mutate(request, {
      onError: (error) => {
        // The records changed since the check: check again, so the findings are on screen.
        if (ruleOf(error) === 'RPT-REDACTION') preview.mutate(request)
      },
    })
  return (
    <Section
      title="Reports to referrers"
      intro="Every report is checked for details the other side must never see before it goes out, and every release is logged."
    >
      <Stack gap="lg">
        {recipients.isPending ? <Loading label="Loading who can receive reports" /> : null}
        <FormError error={recipients.error} title="We could not load who can receive reports" />
        {recipients.data && list.length === 0 ? (
          <Text>
            No referrer is recorded on this family’s referrals, so there is no one to send a report to.
          </Text>
        ) : null}
        {list.length > 0 ? (
          <ReportRequestForm
            recipients={list}
            values={request}
            onChange={change}
            onCheck={() => {
              setReleased(null)
              release.reset()
              preview.mutate(request)
            }}
            checking={preview.isPending}
            today={today}
          />
        ) : null}
        <FormError error={preview.error} title="We could not check this report" />
        {preview.data ? (
          <ReportCheck
            preview={preview.data}
            pdfUrl={previewPdfUrl(caseId, request)}
            onRelease={releaseChecked}
            releasing={release.isPending}
            releaseError={release.error}
          />
        ) : null}
        {released ? (
          <Alert
            role="status"
            color="kin"
            variant="light"
            title={`Released to ${released.recipient}`}
            icon={<IconCircleCheck aria-hidden="true" />}
          >
            The {KIND_SHORT[released.kind].toLowerCase()} report went out on{' '}
            {formatDateTime(released.releasedAt)} and is in the release log below.
          </Alert>
        ) : null}
        <Stack gap="xs">
          <Title order={3} size="h4">
            Release log
          </Title>
          {releases.isPending ? <Loading label="Loading the release log" /> : null}
          <FormError error={releases.error} title="We could not load the release log" />
          {releases.data?.releases.length === 0 ? (
            <Text>No reports have been released for this family yet.</Text>
          ) : null}
          {releases.data && releases.data.releases.length > 0 ? (
            <ReleasesTable
              releases={releases.data.releases}
              caption={`Reports released for case ${detail.reference}`}
              columns={{ recipient: true, releasedBy: true }}
            />
          ) : null}
        </Stack>
      </Stack>
    </Section>
  )
}

function ruleOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return (error.details as { rule?: string } | undefined)?.rule
}
