import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { CentreDetail } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { TimeZoneSelect } from './time-zone-select'
import { VenueForm } from './venue-form'
import { VenuePanel } from './venue-panel'

export const centreKey = (centreId: string) => ['centre', centreId] as const

/** One centre with its venues and rooms. */
export function CentreCard({ centreId, canEditCentre }: { centreId: string; canEditCentre: boolean }) {
  const centre = useQuery({
    queryKey: centreKey(centreId),
    queryFn: () => call(api.GET('/api/centres/{centreId}', { params: { path: { centreId } } })),
  })
  const [editing, setEditing] = useState(false)
  const [addingVenue, setAddingVenue] = useState(false)

  if (centre.isPending) return <Loading label="Loading centre" />
  if (!centre.data) return <FormError error={centre.error} title="We could not load this centre" />
  const detail = centre.data
  const headingId = `centre-${detail.id}`

  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="md">
        <div>
          <Title order={3} id={headingId}>
            {detail.name}
          </Title>
          <Text size="sm" c="dimmed">
            Time zone: {detail.timeZone.replaceAll('_', ' ')}
          </Text>
        </div>
        {canEditCentre && !editing ? (
          <Button
            variant="default"
            size="sm"
            onClick={() => setEditing(true)}
            aria-label={`Edit centre ${detail.name}`}
          >
            Edit centre
          </Button>
        ) : null}
      </Group>
      {editing ? <EditCentreForm centre={detail} onDone={() => setEditing(false)} /> : null}
      <Stack gap="md">
        {detail.venues.length === 0 ? (
          <Text>No venues yet. Add the building where sessions take place.</Text>
        ) : null}
        {[...detail.venues]
          .sort((a, b) => Number(a.archived) - Number(b.archived))
          .map((venue) => (
            <VenuePanel key={venue.id} venue={venue} centreId={detail.id} />
          ))}
        {addingVenue ? (
          <VenueForm centreId={detail.id} onDone={() => setAddingVenue(false)} />
        ) : (
          <Button variant="default" w="fit-content" onClick={() => setAddingVenue(true)}>
            Add a venue to {detail.name}
          </Button>
        )}
      </Stack>
    </Card>
  )
}

function EditCentreForm({ centre, onDone }: { centre: CentreDetail; onDone: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { name: centre.name, timeZone: centre.timeZone },
    validate: { name: (v) => (v.trim() ? null : 'Enter a name for the centre') },
  })
  const save = useMutation({
    mutationFn: (values: { name: string; timeZone: string }) =>
      call(
        api.PATCH('/api/centres/{centreId}', {
          params: { path: { centreId: centre.id } },
          body: { name: values.name.trim(), timeZone: values.timeZone },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: centreKey(centre.id) })
      await queryClient.invalidateQueries({ queryKey: ['centres'] })
      onDone()
    },
  })
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack maw={520} mb="lg">
        <TextInput label="Centre name" required {...form.getInputProps('name')} />
        <TimeZoneSelect required {...form.getInputProps('timeZone')} />
        <FormError error={save.error} title="Your changes were not saved" />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save centre
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function ArchivedBadge({ archived }: { archived: boolean }) {
  if (!archived) return null
  return (
    <Badge color="gray" variant="filled">
      Archived
    </Badge>
  )
}
