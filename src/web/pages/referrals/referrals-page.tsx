import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { api, call } from '../../api/client'
import type { ReferralStatus } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { STATUS_ORDER } from './labels'
import { intakeOptionsQuery } from './queries'
import { ReferralCards } from './referral-cards'
import { ReferralFilters, type Filters } from './referral-filters'
import { ReferralsTable } from './referrals-table'

const PAGE = 50

/** The status and source live in the address (nothing personal); the name search does not. */
function useFilters(): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams()
  const [q, setQ] = useState('')
  const status = params.get('status')
  const older = Number(params.get('olderThanDays'))
  const filters: Filters = {
    status: STATUS_ORDER.includes(status as ReferralStatus) ? (status as ReferralStatus) : 'all',
    sourceCode: params.get('source'),
    olderThanDays: params.get('olderThanDays') && Number.isInteger(older) ? older : null,
    q,
  }
  const setFilters = (next: Filters) => {
    setQ(next.q)
    const search = new URLSearchParams()
    if (next.status !== 'all') search.set('status', next.status)
    if (next.sourceCode) search.set('source', next.sourceCode)
    if (next.olderThanDays !== null) search.set('olderThanDays', String(next.olderThanDays))
    setParams(search, { replace: true })
  }
  return [filters, setFilters]
}

/** The referral inbox: by status, source and age, newest first. Referrers see only their own. */
export function ReferralsPage() {
  const { data: session } = useSession()
  const isDesk = hasRole(session, 'admin', 'coordinator')
  const [filters, setFilters] = useFilters()
  const [q] = useDebouncedValue(filters.q.trim(), 300)
  const [limit, setLimit] = useState(PAGE)
  const query = {
    status: filters.status === 'all' ? undefined : filters.status,
    sourceCode: filters.sourceCode ?? undefined,
    olderThanDays: filters.olderThanDays ?? undefined,
    q: q || undefined,
    limit,
  }
  const referrals = useQuery({
    queryKey: ['referrals', query],
    queryFn: () => call(api.GET('/api/referrals', { params: { query } })),
    placeholderData: keepPreviousData,
  })
  const options = useQuery(intakeOptionsQuery)
  const list = referrals.data?.referrals ?? []

  return (
    <>
      <PageTitle
        title="Referrals"
        intro={
          isDesk
            ? 'Families referred to your centres, from the first call to a decision.'
            : 'The families you have referred, and where each referral has got to.'
        }
      />
      <Stack gap="lg">
        <Group justify="space-between" align="center">
          <Button
            component={Link}
            to="/referrals/new"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
          >
            New referral
          </Button>
          {isDesk && options.data ? <SelfReferralLinks centres={options.data.centres} /> : null}
        </Group>
        <ReferralFilters
          value={filters}
          onChange={(next) => {
            setLimit(PAGE)
            setFilters(next)
          }}
          counts={referrals.data?.counts}
          sources={options.data?.referralSources ?? []}
        />
        {referrals.isPending ? <Loading label="Loading referrals" /> : null}
        <FormError error={referrals.error} title="We could not load the referrals" />
        {referrals.data && list.length === 0 ? <Text>No referrals match.</Text> : null}
        {list.length > 0 ? (
          <>
            <Box visibleFrom="sm">
              <ReferralsTable referrals={list} showRisks={isDesk} />
            </Box>
            <Box hiddenFrom="sm">
              <ReferralCards referrals={list} showRisks={isDesk} />
            </Box>
            <Group justify="space-between">
              <Text size="sm" aria-live="polite">
                Showing {list.length} of {referrals.data?.total ?? list.length}
              </Text>
              {(referrals.data?.total ?? 0) > list.length && limit < 200 ? (
                <Button variant="default" onClick={() => setLimit((n) => Math.min(200, n + PAGE))}>
                  Show more
                </Button>
              ) : null}
            </Group>
          </>
        ) : null}
      </Stack>
    </>
  )
}

/** Where parents apply themselves: the public form of each centre, to give out by phone or email. */
function SelfReferralLinks({ centres }: { centres: { id: string; name: string }[] }) {
  if (centres.length === 0) return null
  return (
    <Text size="sm">
      Parents apply themselves at{' '}
      {centres.map((centre, i) => (
        <span key={centre.id}>
          {i > 0 ? ', ' : null}
          <Anchor component={Link} to={`/refer/${centre.id}`} size="sm">
            {centres.length > 1 ? `${centre.name}’s form` : 'the public form'}
          </Anchor>
        </span>
      ))}
      .
    </Text>
  )
}
