import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import type { OpeningView } from '../calendar/types'
import { OpeningForm } from './opening-form'
import { openingDates, openingWhen, placesWords } from './opening-words'
import classes from './settings.module.css'
import { VenueClosures } from './venue-closures'

export const openingsKey = (venueId: string) => ['venue-openings', venueId] as const

/** When a venue opens for contact, and the days it is closed. */
export function VenueOpenings({ venue, centreId }: { venue: VenueView; centreId: string }) {
  const openings = useQuery({
    queryKey: openingsKey(venue.id),
    queryFn: () =>
      call(api.GET('/api/venues/{venueId}/openings', { params: { path: { venueId: venue.id } } })),
  })
  const [adding, setAdding] = useState(false)
  if (openings.isPending) return <Loading label={`Loading opening sessions at ${venue.name}`} />
  if (!openings.data)
    return <FormError error={openings.error} title="We could not load the opening sessions" />
  const current = openings.data.openings.filter((o) => !o.archived)
  const shown = [...openings.data.openings].sort((a, b) => Number(a.archived) - Number(b.archived))
  return (
    <Stack gap="md">
      <section aria-labelledby={`openings-${venue.id}`}>
        <Title order={5} id={`openings-${venue.id}`}>
          Opening sessions
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          When the venue is open for contact. Sessions can only be booked inside these times.
        </Text>
        {current.length === 0 ? <Text size="sm">No opening sessions yet.</Text> : null}
        {shown.length > 0 ? (
          <ul className={classes.rooms} aria-label={`Opening sessions at ${venue.name}`}>
            {shown.map((opening) => (
              <OpeningRow key={opening.id} opening={opening} />
            ))}
          </ul>
        ) : null}
        <div>
          {adding ? (
            <OpeningForm venueId={venue.id} onDone={() => setAdding(false)} />
          ) : (
            <Button size="sm" variant="light" mt="xs" onClick={() => setAdding(true)}>
              Add an opening session to {venue.name}
            </Button>
          )}
        </div>
      </section>
      <VenueClosures venue={venue} centreId={centreId} closures={openings.data.closures} />
    </Stack>
  )
}

function OpeningRow({ opening }: { opening: OpeningView }) {
  const queryClient = useQueryClient()
  const retire = useMutation({
    mutationFn: (archived: boolean) =>
      call(
        api.PATCH('/api/openings/{openingId}', {
          params: { path: { openingId: opening.id } },
          body: { archived },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: openingsKey(opening.venueId) })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
    },
  })
  const when = openingWhen(opening)
  const action = opening.archived ? 'Bring back' : 'Retire'
  return (
    <li className={classes.room}>
      <div>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {when}
          </Text>
          {opening.archived ? (
            <Badge color="gray.8" variant="filled">
              Retired
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {openingDates(opening)} · {placesWords(opening.capacityUnits)}
        </Text>
      </div>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          loading={retire.isPending}
          onClick={() => retire.mutate(!opening.archived)}
          aria-label={`${action} opening session: ${when}`}
        >
          {action}
        </Button>
      </Group>
      <FormError error={retire.error} title="Your change was not saved" />
    </li>
  )
}
