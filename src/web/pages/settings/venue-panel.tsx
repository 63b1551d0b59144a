import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { ArchivedBadge } from './centre-card'
import { RoomForm } from './room-form'
import { RoomRow } from './room-row'
import classes from './settings.module.css'
import { VenueEntrances } from './venue-entrances'
import { VenueForm } from './venue-form'
import { VenueOpenings } from './venue-openings'

/** A venue with its rooms; change, archive or restore it, and add rooms. */
export function VenuePanel({ venue, centreId }: { venue: VenueView; centreId: string }) {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [addingRoom, setAddingRoom] = useState(false)
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      call(
        api.PATCH('/api/venues/{venueId}', { params: { path: { venueId: venue.id } }, body: { archived } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centre', centreId] }),
  })

  if (editing) return <VenueForm centreId={centreId} venue={venue} onDone={() => setEditing(false)} />
  return (
    <Paper withBorder radius="md" className={classes.venue} bg={venue.archived ? 'gray.0' : undefined}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Group gap="xs">
            <Title order={4}>{venue.name}</Title>
            <ArchivedBadge archived={venue.archived} />
            {venue.hasSeparateEntrances ? (
              <Badge variant="outline" color="kin">
                Separate entrances
              </Badge>
            ) : null}
          </Group>
          {venue.address ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
              {venue.address}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => setEditing(true)}
            aria-label={`Change venue ${venue.name}`}
          >
            Change
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={archive.isPending}
            onClick={() => archive.mutate(!venue.archived)}
            aria-label={`${venue.archived ? 'Restore' : 'Archive'} venue ${venue.name}`}
          >
            {venue.archived ? 'Restore' : 'Archive'}
          </Button>
        </Group>
      </Group>
      <FormError error={archive.error} />
      <Stack gap="sm">
        {venue.rooms.length > 0 ? (
          <ul className={classes.rooms} aria-label={`Rooms at ${venue.name}`}>
            {venue.rooms.map((room) => (
              <RoomRow key={room.id} room={room} centreId={centreId} />
            ))}
          </ul>
        ) : (
          <Text size="sm">No rooms yet.</Text>
        )}
        {addingRoom ? (
          <RoomForm venueId={venue.id} centreId={centreId} onDone={() => setAddingRoom(false)} />
        ) : (
          <Button size="sm" variant="light" w="fit-content" onClick={() => setAddingRoom(true)}>
            Add a room to {venue.name}
          </Button>
        )}
      </Stack>
      {venue.archived ? null : (
        <Stack gap="md" className={classes.schedule}>
          <VenueEntrances venue={venue} centreId={centreId} />
          <VenueOpenings venue={venue} centreId={centreId} />
        </Stack>
      )}
    </Paper>
  )
}
