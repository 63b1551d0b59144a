import { Card, Progress, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { OfferPlaceForm } from './detail/offer-place-form'
import { units, WaitingListEntries } from './waiting-list-entries'

/** One centre's capacity and its waiting families, with "Offer place" for each. */
export function WaitingListCard({ centreId, centreName }: { centreId: string; centreName: string }) {
  const list = useQuery({
    queryKey: ['waiting-list', centreId],
    queryFn: () => call(api.GET('/api/centres/{centreId}/waiting-list', { params: { path: { centreId } } })),
  })
  const [offering, setOffering] = useState<{ referralId: string; familyLabel: string } | null>(null)
  if (list.isPending) return <Loading label="Loading the waiting list" />
  if (!list.data) return <FormError error={list.error} title="We could not load the waiting list" />
  const { capacity, entries } = list.data
  const percent = capacity.units > 0 ? Math.min(100, (capacity.used / capacity.units) * 100) : 100

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="waiting-centre">
      <Stack gap="md">
        <Title order={2} size="h3" id="waiting-centre">
          {centreName}
        </Title>
        <div>
          <Text fw={600}>
            {units(capacity.used)} of {units(capacity.units)} places in use; {units(capacity.available)} free
          </Text>
          <Progress
            value={percent}
            size="lg"
            mt={6}
            color={capacity.available > 0 ? 'kin' : 'red.8'}
            aria-label="Places in use"
          />
          <Text size="sm" c="dimmed" mt={4}>
            Families take places by contact level: supervised contact is one to one, so it takes more than
            supported contact.
          </Text>
        </div>
        {offering ? (
          <OfferPlaceForm
            key={offering.referralId}
            referralId={offering.referralId}
            familyLabel={offering.familyLabel}
            onDone={() => setOffering(null)}
          />
        ) : null}
        {entries.length === 0 ? <Text>Nobody is waiting.</Text> : null}
        {entries.length > 0 ? (
          <WaitingListEntries
            entries={entries}
            centreName={centreName}
            onOffer={(e) => setOffering({ referralId: e.referralId, familyLabel: e.familyLabel })}
          />
        ) : null}
      </Stack>
    </Card>
  )
}
