import { Button, Group, Paper, Radio, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, call } from '../../api/client'
import type { VenueView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { isLocalDate } from '../calendar/calendar-dates'
import classes from './settings.module.css'

/** What the coordinator needs to hear after adding a closure. */
export interface ClosureAdded {
  firstDay: string
  /** Sessions already booked on those days, still to be moved or cancelled. */
  affected: number
}

interface Values {
  firstDay: string
  lastDay: string
  reason: string
  scope: 'venue' | 'centre'
}

interface Props {
  venue: VenueView
  centreId: string
  onDone: (added: ClosureAdded | null) => void
}

/** Closes the venue, or the whole centre, for one day or more. */
export function ClosureForm({ venue, centreId, onDone }: Props) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    initialValues: { firstDay: '', lastDay: '', reason: '', scope: 'venue' },
    validate: {
      firstDay: (v) => (isLocalDate(v) ? null : 'Enter the first day it is closed'),
      lastDay: (v, all) => {
        if (!v) return null
        if (!isLocalDate(v)) return 'Enter a date, or leave it empty for one day'
        return v >= all.firstDay ? null : 'The last day must be on or after the first'
      },
      reason: (v) => (v.trim() ? null : 'Say why, such as “Christmas” or “Hall being painted”'),
    },
  })
  const save = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.POST('/api/centres/{centreId}/closures', {
          params: { path: { centreId } },
          body: {
            venueId: values.scope === 'venue' ? venue.id : null,
            firstDay: values.firstDay,
            lastDay: values.lastDay || values.firstDay,
            reason: values.reason.trim(),
          },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['venue-openings'] })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
      onDone({ firstDay: result.closure.firstDay, affected: result.affectedSessionIds.length })
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  const titleId = `new-closure-${venue.id}`
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-labelledby={titleId}>
        <Stack gap="sm" maw={560}>
          <Title order={6} id={titleId}>
            New closure
          </Title>
          <div className={classes.fields}>
            <TextInput label="First day closed" type="date" required {...form.getInputProps('firstDay')} />
            <TextInput
              label="Last day closed"
              description="Leave empty for one day."
              type="date"
              {...form.getInputProps('lastDay')}
            />
          </div>
          <TextInput label="Reason" required maxLength={200} {...form.getInputProps('reason')} />
          <Radio.Group label="What is closed?" {...form.getInputProps('scope')}>
            <Stack gap="xs" mt="xs">
              <Radio value="venue" label={`Only ${venue.name}`} />
              <Radio value="centre" label="The whole centre (every venue)" />
            </Stack>
          </Radio.Group>
          <FormError error={save.error} title="The closure was not added" />
          <Group>
            <Button type="submit" size="sm" loading={save.isPending}>
              Add closure
            </Button>
            <Button size="sm" variant="default" onClick={() => onDone(null)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
