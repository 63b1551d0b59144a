import { Button, Group, Select, Stack, Text } from '@mantine/core'
import { IconAlertOctagon } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { api, call } from '../../api/client'
import type { IncidentStatus } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { IncidentList } from './incident-list'
import { byUrgency } from './incident-words'
import { ReportIncidentDialog } from './report-incident-dialog'

type Filter = IncidentStatus | 'all'

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'reviewed', label: 'Reviewed' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All incidents' },
]

/** The centres' incidents, open and critical ones first, with when each referrer must be told. */
export function IncidentsPage() {
  const navigate = useNavigate()
  const [filter, setFilter] = useState<Filter>('open')
  const [reporting, setReporting] = useState(false)
  const status = filter === 'all' ? undefined : filter
  const incidents = useQuery({
    queryKey: ['incidents', { status }],
    queryFn: () => call(api.GET('/api/incidents', { params: { query: { status } } })),
    placeholderData: keepPreviousData,
  })
  const list = [...(incidents.data?.incidents ?? [])].sort(byUrgency)
  const critical = list.filter((incident) => incident.critical && incident.status === 'open').length
  return (
    <>
      <PageTitle
        title="Incidents"
        intro="What happened at sessions, what was done, and what the centre decides next."
      />
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Select
            label="Show"
            data={FILTERS}
            value={filter}
            onChange={(value) => setFilter((value ?? 'open') as Filter)}
            allowDeselect={false}
            w={220}
          />
          <Button color="red.8" onClick={() => setReporting(true)}>
            Report an incident
          </Button>
        </Group>
        {critical > 0 ? (
          <Text fw={700} c="red.9">
            <IconAlertOctagon size={18} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} />{' '}
            {critical === 1 ? '1 open critical incident' : `${critical} open critical incidents`}
          </Text>
        ) : null}
        {incidents.isPending ? <Loading label="Loading incidents" /> : null}
        <FormError error={incidents.error} title="We could not load the incidents" />
        {incidents.data && list.length === 0 ? <Text>No incidents to show.</Text> : null}
        {list.length > 0 ? <IncidentList incidents={list} label="Incidents" /> : null}
      </Stack>
      {reporting ? (
        <ReportIncidentDialog
          onClose={() => setReporting(false)}
          onReported={(incident) => void navigate(`/incidents/${incident.id}`)}
        />
      ) : null}
    </>
  )
}
