import { Button, Checkbox, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'

interface Props {
  centreId: string
  /** The venue to change; without it the form adds a new venue. */
  venue?: VenueView
  onDone: () => void
}

interface Values {
  name: string
  address: string
  hasSeparateEntrances: boolean
}

/** Adds a venue to a centre, or changes one. */
export function VenueForm({ centreId, venue, onDone }: Props) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    initialValues: {
      name: venue?.name ?? '',
      address: venue?.address ?? '',
      hasSeparateEntrances: venue?.hasSeparateEntrances ?? false,
    },
    validate: { name: (v) => (v.trim() ? null : 'Enter a name for the venue') },
  })
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        address: values.address.trim() || null,
        hasSeparateEntrances: values.hasSeparateEntrances,
      }
      if (venue)
        return call(api.PATCH('/api/venues/{venueId}', { params: { path: { venueId: venue.id } }, body }))
      return call(api.POST('/api/centres/{centreId}/venues', { params: { path: { centreId } }, body }))
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['centre', centreId] })
      onDone()
    },
  })
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack maw={520}>
          <Title order={4}>{venue ? `Change ${venue.name}` : 'New venue'}</Title>
          <TextInput label="Venue name" required {...form.getInputProps('name')} />
          <Textarea label="Address" autosize minRows={2} {...form.getInputProps('address')} />
          <Checkbox
            label="Has separate entrances"
            description="Parents can arrive and leave without meeting each other."
            {...form.getInputProps('hasSeparateEntrances', { type: 'checkbox' })}
          />
          <FormError
            error={save.error}
            title={venue ? 'Your changes were not saved' : 'The venue was not added'}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {venue ? 'Save venue' : 'Add venue'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
