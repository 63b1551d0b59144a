import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'

const MAX_ENTRANCES = 6

/** "Front door (the main entrance)", without saying "main" twice. */
function mainWords(name: string | undefined): string {
  if (!name) return 'Main entrance'
  return /main/i.test(name) ? name : `${name} (the main entrance)`
}

/** The doors parties can be asked to use; the first is the main entrance. */
export function VenueEntrances({ venue, centreId }: { venue: VenueView; centreId: string }) {
  const [editing, setEditing] = useState(false)
  const headingId = `entrances-${venue.id}`
  const [main, ...others] = venue.entrances
  return (
    <section aria-labelledby={headingId}>
      <Title order={5} id={headingId}>
        Entrances
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        The doors each parent can be asked to use, so the two need not meet.
      </Text>
      {editing ? (
        <EntrancesForm venue={venue} centreId={centreId} onDone={() => setEditing(false)} />
      ) : (
        <Group justify="space-between" gap="xs">
          <Text size="sm">
            {mainWords(main)}
            {others.length > 0 ? `; also ${others.join(', ')}` : ''}
          </Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => setEditing(true)}
            aria-label={`Change entrances of ${venue.name}`}
          >
            Change
          </Button>
        </Group>
      )}
    </section>
  )
}

function EntrancesForm({
  venue,
  centreId,
  onDone,
}: {
  venue: VenueView
  centreId: string
  onDone: () => void
}) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { entrances: venue.entrances.length > 0 ? [...venue.entrances] : ['Main entrance'] },
  })
  // Each name given, and none twice (the server says the same).
  const check = (names: string[]): Record<string, string> => {
    const errors: Record<string, string> = {}
    names.forEach((name, index) => {
      const trimmed = name.trim()
      if (!trimmed) errors[`entrances.${index}`] = 'Enter a name, or remove this entrance'
      else if (names.findIndex((other) => other.trim() === trimmed) < index)
        errors[`entrances.${index}`] = 'Each entrance needs its own name'
    })
    return errors
  }
  const save = useMutation({
    mutationFn: (entrances: string[]) =>
      call(
        api.PATCH('/api/venues/{venueId}', {
          params: { path: { venueId: venue.id } },
          body: { entrances: entrances.map((name) => name.trim()) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['centre', centreId] })
      onDone()
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  const submit = form.onSubmit((values) => {
    const errors = check(values.entrances)
    if (Object.keys(errors).length > 0) form.setErrors(errors)
    else save.mutate(values.entrances)
  })
  const entrances = form.getValues().entrances
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-label={`Entrances of ${venue.name}`}>
        <Stack gap="sm" maw={520}>
          {entrances.map((_, index) => (
            <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={index === 0 ? 'Main entrance' : `Entrance ${index + 1}`}
                required
                maxLength={80}
                style={{ flex: 1 }}
                {...form.getInputProps(`entrances.${index}`)}
              />
              {index > 0 ? (
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => form.removeListItem('entrances', index)}
                  aria-label={`Remove entrance ${index + 1}`}
                >
                  Remove
                </Button>
              ) : null}
            </Group>
          ))}
          {entrances.length < MAX_ENTRANCES ? (
            <Button
              size="sm"
              variant="light"
              w="fit-content"
              onClick={() => form.insertListItem('entrances', '')}
            >
              Add an entrance
            </Button>
          ) : null}
          <FormError error={save.error} title="The entrances were not saved" />
          <Group>
            <Button type="submit" size="sm" loading={save.isPending}>
              Save entrances
            </Button>
            <Button size="sm" variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
