import { Select, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { WaitingListCard } from './waiting-list-card'

/** Families waiting for a place at each centre, in order, with the centre's capacity. */
export function WaitingListPage() {
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const [chosen, setChosen] = useState<string | null>(null)
  const active = centres.data ?? []
  const centreId = chosen ?? active[0]?.id ?? null

  return (
    <>
      <PageTitle
        title="Waiting list"
        intro="Families accepted in principle, waiting for a place to come free. The first in the list is offered first."
      />
      <Stack gap="lg">
        {centres.isPending ? <Loading label="Loading centres" /> : null}
        <FormError error={centres.error} title="We could not load your centres" />
        {centres.data && active.length === 0 ? <Text>There are no centres yet.</Text> : null}
        {active.length > 1 ? (
          <Select
            label="Centre"
            data={active.map((c) => ({ value: c.id, label: c.name }))}
            value={centreId}
            onChange={setChosen}
            allowDeselect={false}
            maw={360}
          />
        ) : null}
        {centreId ? (
          <WaitingListCard
            key={centreId}
            centreId={centreId}
            centreName={active.find((c) => c.id === centreId)?.name ?? ''}
          />
        ) : null}
      </Stack>
    </>
  )
}
