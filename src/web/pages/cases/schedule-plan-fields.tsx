import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { CentreDetail, SchedulingSettings } from '../../api/types'
import { optionsOf, SERVICE_LABELS } from '../referrals/labels'
import { ChosenDates } from './schedule-date-list'
import { firstDateOf, type PlanValues } from './schedule-plan-values'
import { FREQUENCY_LABELS, frequencyWords, SIDE_WORDS } from './schedule-words'

type Form = UseFormReturnType<PlanValues>

const WEEKS = [
  { value: '1', label: '1st' },
  { value: '2', label: '2nd' },
  { value: '3', label: '3rd' },
  { value: '4', label: '4th' },
  { value: '-1', label: 'Last' },
]

function dateHint(changing: boolean, oneOff: boolean): string {
  if (changing)
    return 'Sessions before this date keep the old plan. A weekly series keeps this date’s weekday.'
  return oneOff ? 'The day of the session.' : 'The first session.'
}

/** How often, from when, at what time and for how long. */
export function WhenFields({ form, changing }: { form: Form; changing: boolean }) {
  const values = form.getValues()
  const oneOff = values.frequency === 'one_off'
  const onDates = values.frequency === 'on_dates'
  return (
    <Fieldset legend="When" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Kind of contact"
            data={optionsOf(SERVICE_LABELS)}
            {...form.getInputProps('serviceType')}
          />
          <NativeSelect
            label="How often"
            data={optionsOf(FREQUENCY_LABELS)}
            {...form.getInputProps('frequency')}
          />
          {values.frequency === 'monthly_weekday' ? (
            <NativeSelect
              label="Which week of the month"
              data={WEEKS}
              {...form.getInputProps('weekOfMonth')}
            />
          ) : null}
        </SimpleGrid>
        {onDates ? <ChosenDates form={form} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {onDates && !changing ? null : (
            <TextInput
              label={changing ? 'Change from' : oneOff ? 'Date' : 'First date'}
              description={dateHint(changing, oneOff)}
              type="date"
              required
              {...form.getInputProps('firstOn')}
            />
          )}
          {oneOff || onDates ? null : (
            <TextInput
              label="Last date"
              description="Leave empty to book ahead with no end date."
              type="date"
              {...form.getInputProps('lastOn')}
            />
          )}
          <TextInput
            label="Start time"
            description="Centre time, when the child’s time begins."
            type="time"
            required
            {...form.getInputProps('startsAt')}
          />
          <NumberInput
            label="Length in minutes"
            description="120 is two hours."
            required
            min={15}
            max={480}
            step={15}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        {/^\d{4}-\d{2}-\d{2}$/.test(firstDateOf(values)) ? (
          <Text size="sm" fw={600} aria-live="polite">
            {frequencyWords({
              ...values,
              firstOn: firstDateOf(values),
              weekOfMonth: Number(values.weekOfMonth),
            })}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  )
}

/** The venue and room, or an off-site place for an escorted or prison visit. */
export function PlaceFields({ form, centre }: { form: Form; centre: CentreDetail | undefined }) {
  const values = form.getValues()
  const venues = (centre?.venues ?? []).filter((v) => !v.archived || v.id === values.venueId)
  const venue = venues.find((v) => v.id === values.venueId)
  // A handover can happen at reception; waiting areas are for waiting, never for the session.
  const usable = (kind: string) =>
    kind !== 'waiting_area' && (kind !== 'reception' || values.serviceType === 'handover')
  const rooms = (venue?.rooms ?? []).filter((r) => r.id === values.roomId || (!r.archived && usable(r.kind)))
  return (
    <Fieldset legend="Where" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Venue"
            data={[{ value: '', label: 'Choose…' }, ...venues.map((v) => ({ value: v.id, label: v.name }))]}
            {...form.getInputProps('venueId')}
            onChange={(e) => {
              form.setFieldValue('venueId', e.currentTarget.value)
              form.setFieldValue('roomId', '')
            }}
          />
          <NativeSelect
            label="Room"
            required={!values.isOffsite}
            data={[
              { value: '', label: 'Choose…' },
              ...rooms.map((r) => ({
                value: r.id,
                label:
                  r.capacityFamilies === 1
                    ? `${r.name} (one family)`
                    : `${r.name} (${r.capacityFamilies} families)`,
              })),
            ]}
            {...form.getInputProps('roomId')}
          />
        </SimpleGrid>
        <Checkbox
          label="The session is away from the centre (an escorted or prison visit)"
          {...form.getInputProps('isOffsite', { type: 'checkbox' })}
        />
        {values.isOffsite ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Where it takes place" required {...form.getInputProps('offsitePlace')} />
            <NumberInput
              label="Travel each way, in minutes"
              min={0}
              max={1440}
              step={5}
              {...form.getInputProps('offsiteTravelMinutes')}
            />
            <TextInput label="Escort" {...form.getInputProps('offsiteEscort')} />
            <TextInput label="Visiting order reference" {...form.getInputProps('offsiteVisitingOrder')} />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Fieldset>
  )
}

/** Who arrives first and by how much, and each parent's own door and waiting room. */
export function ArrivalFields({
  form,
  centre,
  settings,
}: {
  form: Form
  centre: CentreDetail | undefined
  settings: SchedulingSettings
}) {
  const values = form.getValues()
  const venue = centre?.venues.find((v) => v.id === values.venueId)
  const doors = [
    { value: '', label: 'Not set' },
    ...(venue?.entrances ?? []).map((e) => ({ value: e, label: e })),
  ]
  const waiting = [
    { value: '', label: 'Not set' },
    ...(venue?.rooms ?? [])
      .filter((r) => r.kind === 'waiting_area' && !r.archived)
      .map((r) => ({ value: r.id, label: r.name })),
  ]
  return (
    <Fieldset legend="Arrival and departure" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The parents never meet: one arrives first and leaves last. The centre’s usual:{' '}
          {SIDE_WORDS[settings.firstArrivingParty].toLowerCase()} first, {settings.arrivalOffsetMinutes}{' '}
          minutes before and {settings.departureHoldMinutes} minutes after.
        </Text>
        <Radio.Group label="Who arrives first?" {...form.getInputProps('firstArrivingParty')}>
          <Group mt="xs">
            <Radio value="non_resident" label="The visiting parent" />
            <Radio value="resident" label="The resident parent" />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Arrives this many minutes before"
            min={0}
            max={60}
            step={5}
            {...form.getInputProps('arrivalOffsetMinutes')}
          />
          <NumberInput
            label="Stays this many minutes after"
            min={0}
            max={60}
            step={5}
            {...form.getInputProps('departureHoldMinutes')}
          />
          <NativeSelect
            label="Resident parent’s entrance"
            data={doors}
            {...form.getInputProps('residentEntrance')}
          />
          <NativeSelect
            label="Resident parent waits in"
            data={waiting}
            {...form.getInputProps('residentWaitingRoomId')}
          />
          <NativeSelect
            label="Visiting parent’s entrance"
            data={doors}
            {...form.getInputProps('nonResidentEntrance')}
          />
          <NativeSelect
            label="Visiting parent waits in"
            data={waiting}
            {...form.getInputProps('nonResidentWaitingRoomId')}
          />
        </SimpleGrid>
        {settings.allowSeparateEntrancesInsteadOfStagger ? (
          <Text size="sm" c="dimmed">
            With a different entrance each, the parents may arrive at the same time.
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  )
}
