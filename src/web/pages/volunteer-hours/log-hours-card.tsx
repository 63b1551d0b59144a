import { Button, Group, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { api, ApiError, call } from '../../api/client'
import { hoursWords, penceOf } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import { KIND_LABELS, useHoursAction, type HoursKind } from './hours-queries'

interface Values {
  volunteerId: string | null
  kind: HoursKind
  onDate: string
  hours: number | string
  minutes: number | string
  miles: number | string
  expenses: string
  description: string
}

const CLAIMS: ReadonlySet<HoursKind> = new Set(['escort', 'training'])
const asNumber = (value: number | string) => (typeof value === 'number' ? value : Number(value) || 0)

/** Logs hours for any volunteer (approved at once): a shift, training, an escorted visit or other help. */
export function LogHoursCard({ today, centreId }: { today: string; centreId?: string }) {
  const volunteers = useQuery({
    queryKey: ['volunteers', centreId ?? 'all'],
    queryFn: () => call(api.GET('/api/volunteers', { params: { query: { centreId } } })),
  })
  const form = useForm<Values>({
    initialValues: {
      volunteerId: null,
      kind: 'session',
      onDate: today,
      hours: 3,
      minutes: 0,
      miles: '',
      expenses: '',
      description: '',
    },
    validate: {
      volunteerId: (v) => (v ? null : 'Choose the volunteer'),
      onDate: (v) => (!v ? 'Enter the date' : v > today ? 'Hours are logged on or after the day' : null),
      minutes: (_, all) =>
        asNumber(all.hours) * 60 + asNumber(all.minutes) > 0 ? null : 'Say how long it took',
      expenses: (v, all) =>
        CLAIMS.has(all.kind) && v.trim() !== '' && penceOf(v) === null ? 'Enter a sum such as 4.50' : null,
    },
  })
  const log = useHoursAction(
    (values: Values) => {
      const claims = CLAIMS.has(values.kind)
      return call(
        api.POST('/api/volunteer-hours', {
          body: {
            volunteerId: values.volunteerId ?? undefined,
            kind: values.kind,
            onDate: values.onDate,
            minutes: asNumber(values.hours) * 60 + asNumber(values.minutes),
            miles: claims && values.miles !== '' ? asNumber(values.miles) : null,
            expensesPence: claims ? penceOf(values.expenses) : null,
            description: values.description.trim() || null,
            assignmentId: null,
          },
        }),
      )
    },
    (entry) => {
      notifyDone('Hours logged', `${hoursWords(entry.minutes)} for ${entry.fullName}, approved.`)
      form.reset()
    },
  )
  const choices = (volunteers.data?.volunteers ?? [])
    .filter((v) => v.stage !== 'left' && v.stage !== 'withdrawn')
    .map((v) => ({ value: v.id, label: v.fullName }))
  const { kind } = form.getValues()
  return (
    <SectionCard
      title="Log hours for a volunteer"
      intro="For hours a volunteer has not logged themselves. Hours you log are approved at once."
    >
      <form
        onSubmit={form.onSubmit((values) =>
          log.mutate(values, {
            onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()),
          }),
        )}
        noValidate
        aria-label="Log hours for a volunteer"
      >
        <Stack gap="sm" maw={640}>
          <Select
            label="Volunteer"
            placeholder={volunteers.isPending ? 'Loading…' : 'Choose'}
            data={choices}
            searchable
            required
            {...form.getInputProps('volunteerId')}
          />
          <Radio.Group label="What for" required {...form.getInputProps('kind')}>
            <Group gap="md" mt={6}>
              {(Object.keys(KIND_LABELS) as HoursKind[]).map((k) => (
                <Radio key={k} value={k} label={KIND_LABELS[k]} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput label="Date" type="date" max={today} required {...form.getInputProps('onDate')} />
            <NumberInput
              label="Hours"
              min={0}
              max={24}
              allowDecimal={false}
              {...form.getInputProps('hours')}
            />
            <NumberInput
              label="Minutes"
              min={0}
              max={59}
              step={15}
              allowDecimal={false}
              {...form.getInputProps('minutes')}
            />
          </SimpleGrid>
          {CLAIMS.has(kind) ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <NumberInput
                label="Miles driven"
                min={0}
                max={2000}
                decimalScale={1}
                {...form.getInputProps('miles')}
              />
              <TextInput
                label="Expenses (£)"
                description="Parking, fares, meals"
                inputMode="decimal"
                {...form.getInputProps('expenses')}
              />
            </SimpleGrid>
          ) : null}
          <TextInput label="Note (optional)" maxLength={500} {...form.getInputProps('description')} />
          <ActionError error={log.error} title="The hours were not logged" />
          <Button type="submit" loading={log.isPending} w="fit-content">
            Log these hours
          </Button>
        </Stack>
      </form>
    </SectionCard>
  )
}
