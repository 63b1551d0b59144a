import { Button, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { addDays, isLocalDate, isoWeekday } from '../calendar/calendar-dates'
import { today } from '../referrals/dates'
import { WEEKDAYS } from './opening-words'
import classes from './settings.module.css'
import { openingsKey } from './venue-openings'

interface Values {
  weekday: string
  startsAt: string
  endsAt: string
  everyWeeks: string
  firstOn: string
  lastOn: string
  capacityUnits: number | string
}

const WEEKDAY_OPTIONS = WEEKDAYS.map((name, index) => ({ value: String(index + 1), label: name }))
const EVERY_OPTIONS = [
  { value: '1', label: 'Every week' },
  { value: '2', label: 'Every other week' },
]

/** The next date on or after `from` that falls on the ISO weekday. */
export function nextWeekday(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7)
}

/** Adds an opening session to a venue, such as every Sunday 10:00 to 16:00. */
export function OpeningForm({ venueId, onDone }: { venueId: string; onDone: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    initialValues: {
      weekday: '7',
      startsAt: '10:00',
      endsAt: '16:00',
      everyWeeks: '1',
      firstOn: nextWeekday(today(), 7),
      lastOn: '',
      capacityUnits: 6,
    },
    validate: {
      startsAt: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the time it opens, such as 10:00'),
      endsAt: (v, all) => {
        if (!/^\d{2}:\d{2}$/.test(v)) return 'Enter the time it closes, such as 16:00'
        return v > all.startsAt ? null : 'It must close after it opens'
      },
      firstOn: (v, all) => {
        if (!isLocalDate(v)) return 'Enter the first day it opens'
        const day = WEEKDAYS[Number(all.weekday) - 1] ?? 'that day'
        return String(isoWeekday(v)) === all.weekday ? null : `The first day must be a ${day}`
      },
      lastOn: (v, all) => {
        if (!v) return null
        if (!isLocalDate(v)) return 'Enter a date, or leave it empty'
        return v >= all.firstOn ? null : 'The last day must be on or after the first'
      },
      capacityUnits: (v) =>
        Number(v) >= 0 && Number(v) <= 200 ? null : 'Enter a number of places from 0 to 200',
    },
  })
  form.watch('weekday', ({ value, previousValue }) => {
    if (value !== previousValue) form.setFieldValue('firstOn', nextWeekday(today(), Number(value)))
  })
  const save = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.POST('/api/venues/{venueId}/openings', {
          params: { path: { venueId } },
          body: {
            weekday: Number(values.weekday),
            startsAt: values.startsAt,
            endsAt: values.endsAt,
            everyWeeks: values.everyWeeks === '2' ? 2 : 1,
            firstOn: values.firstOn,
            lastOn: values.lastOn || null,
            capacityUnits: Number(values.capacityUnits),
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: openingsKey(venueId) })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
      onDone()
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={form.onSubmit((values) => save.mutate(values))}
        noValidate
        aria-labelledby={`new-opening-${venueId}`}
      >
        <Stack gap="sm" maw={560}>
          <Title order={6} id={`new-opening-${venueId}`}>
            New opening session
          </Title>
          <div className={classes.fields}>
            <Select
              label="Day of the week"
              data={WEEKDAY_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('weekday')}
            />
            <Select
              label="How often"
              data={EVERY_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('everyWeeks')}
            />
            <TextInput label="Opens at" type="time" required {...form.getInputProps('startsAt')} />
            <TextInput label="Closes at" type="time" required {...form.getInputProps('endsAt')} />
            <TextInput label="First day" type="date" required {...form.getInputProps('firstOn')} />
            <TextInput
              label="Last day"
              description="Leave empty if it goes on."
              type="date"
              {...form.getInputProps('lastOn')}
            />
          </div>
          <NumberInput
            label="Places"
            description="How many families it can take. A supported family takes 1 place; supervised families and babies take more."
            min={0}
            max={200}
            {...form.getInputProps('capacityUnits')}
          />
          <FormError error={save.error} title="The opening session was not added" />
          <Group>
            <Button type="submit" size="sm" loading={save.isPending}>
              Add opening session
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
