import { Button, Group, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { CaseFiltersBar, type CaseFilters } from './case-filters'
import { CasesList } from './cases-list'

const PAGE = 50

/** Families with a place: by contact level, warning and review date. */
export function CasesPage() {
  const [filters, setFilters] = useState<CaseFilters>({
    status: 'active',
    level: null,
    flag: null,
    review: null,
    q: '',
  })
  const [q] = useDebouncedValue(filters.q.trim(), 300)
  const [limit, setLimit] = useState(PAGE)
  const query = {
    status: filters.status === 'all' ? undefined : filters.status,
    level: filters.level ?? undefined,
    flag: filters.flag ?? undefined,
    review: filters.review ?? undefined,
    q: q || undefined,
    limit,
  }
  const cases = useQuery({
    queryKey: ['cases', query],
    queryFn: () => call(api.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  })
  const list = cases.data?.cases ?? []

  return (
    <>
      <PageTitle
        title="Cases"
        intro="Families with a place: their contact level, warnings and when each is next reviewed."
      />
      <Stack gap="lg">
        <CaseFiltersBar
          value={filters}
          onChange={(next) => {
            setLimit(PAGE)
            setFilters(next)
          }}
        />
        {cases.isPending ? <Loading label="Loading cases" /> : null}
        <FormError error={cases.error} title="We could not load the cases" />
        {cases.data && list.length === 0 ? <Text>No cases match.</Text> : null}
        {list.length > 0 ? <CasesList cases={list} /> : null}
        {list.length > 0 ? (
          <Group justify="space-between">
            <Text size="sm" aria-live="polite">
              Showing {list.length} of {cases.data?.total ?? list.length}
            </Text>
            {(cases.data?.total ?? 0) > list.length && limit < 200 ? (
              <Button variant="default" onClick={() => setLimit((n) => Math.min(200, n + PAGE))}>
                Show more
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </>
  )
}
