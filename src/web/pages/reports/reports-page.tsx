import { Button, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import type { ReleaseView, ReportKind } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { SectionCard } from '../account/section-card'
import { ReleasesTable } from './releases-table'
import { releasesQuery } from './report-queries'
import { KIND_SHORT } from './report-words'

const FILTERS: { value: ReportKind | 'all'; label: string }[] = [
  { value: 'all', label: 'All reports' },
  { value: 'attendance', label: KIND_SHORT.attendance },
  { value: 'supervised', label: KIND_SHORT.supervised },
]

/**
 * Released reports: a referrer's own, to download; or, for the desk, everything their centres
 * have released, by kind.
 */
export function ReportsPage() {
  const { data: session } = useSession()
  const isDesk = hasRole(session, 'admin', 'coordinator')
  const releases = useQuery(releasesQuery())
  return (
    <>
      <PageTitle
        title="Reports"
        intro={
          isDesk
            ? 'Every report your centres have released to referrers, and whether it has been downloaded.'
            : 'Reports the contact centre has released to you. Download each one as a PDF.'
        }
      />
      {releases.isPending ? <Loading label="Loading reports" /> : null}
      <FormError error={releases.error} title="We could not load the reports" />
      {releases.data && isDesk ? <DeskReleases releases={releases.data.releases} /> : null}
      {releases.data && !isDesk ? <ReferrerReleases releases={releases.data.releases} /> : null}
    </>
  )
}

function ReferrerReleases({ releases }: { releases: ReleaseView[] }) {
  return (
    <SectionCard
      title="Reports for you"
      intro="Attendance reports give dates and times only. Supervised contact reports come from observation records that a second person has checked."
    >
      {releases.length === 0 ? (
        <Text>
          No reports have been released to you yet. When the centre releases one, it will be here to download.
        </Text>
      ) : (
        <ReleasesTable
          releases={releases}
          caption="Reports released to you, newest first"
          columns={{ caseRef: 'text' }}
        />
      )}
    </SectionCard>
  )
}

function DeskReleases({ releases }: { releases: ReleaseView[] }) {
  const [search, setSearch] = useSearchParams()
  const asked = search.get('kind')
  const kind = FILTERS.find((f) => f.value === asked)?.value ?? 'all'
  const shown = kind === 'all' ? releases : releases.filter((r) => r.kind === kind)
  const choose = (value: ReportKind | 'all') => setSearch(value === 'all' ? {} : { kind: value })
  return (
    <SectionCard
      title="Released reports"
      intro="To release a report, open the family’s case file and use Reports to referrers."
    >
      <Stack gap="md">
        <Group gap="xs" role="group" aria-label="Show">
          {FILTERS.map((f) => (
            <Button
              key={f.value}
              size="xs"
              variant={kind === f.value ? 'filled' : 'default'}
              aria-pressed={kind === f.value}
              onClick={() => choose(f.value)}
            >
              {f.label}
            </Button>
          ))}
        </Group>
        {releases.length === 0 ? <Text>No reports have been released yet.</Text> : null}
        {releases.length > 0 && shown.length === 0 ? (
          <Text>
            No {KIND_SHORT[kind === 'all' ? 'attendance' : kind].toLowerCase()} reports have been released
            yet.
          </Text>
        ) : null}
        {shown.length > 0 ? (
          <ReleasesTable
            releases={shown}
            caption={
              kind === 'all' ? 'Released reports, newest first' : `${KIND_SHORT[kind]} reports, newest first`
            }
            columns={{ caseRef: 'link', recipient: true, releasedBy: true }}
          />
        ) : null}
      </Stack>
    </SectionCard>
  )
}
