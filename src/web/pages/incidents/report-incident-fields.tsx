import { Checkbox, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { IncidentAction, IncidentCategory, PartyView, Severity } from '../../api/types'
import { optionsOf, ROLE_LABELS } from '../referrals/labels'
import { ACTION_LABELS, CATEGORY_LABELS, SEVERITY_LABELS } from './incident-words'

export interface IncidentValues {
  category: IncidentCategory | null
  severity: Severity
  occurredOn: string
  occurredTime: string
  location: string
  peopleInvolved: string[]
  whatHappened: string
  childAccount: string
  injuries: string
  witnesses: string
  actions: IncidentAction[]
  reasonsNotToAct: string
}

export const EMPTY_INCIDENT: IncidentValues = {
  category: null,
  severity: 'moderate',
  occurredOn: '',
  occurredTime: '',
  location: '',
  peopleInvolved: [],
  whatHappened: '',
  childAccount: '',
  injuries: '',
  witnesses: '',
  actions: [],
  reasonsNotToAct: '',
}

/** The incident form's fields, in the order of the centre's paper form (domain rules 10.4). */
export function IncidentFields({
  form,
  parties,
}: {
  form: UseFormReturnType<IncidentValues>
  parties: PartyView[]
}) {
  return (
    <Stack>
      <Select
        label="What kind of incident"
        required
        data={optionsOf(CATEGORY_LABELS)}
        {...form.getInputProps('category')}
      />
      <Radio.Group label="How serious" required {...form.getInputProps('severity')}>
        <SimpleGrid cols={{ base: 2, xs: 4 }} mt="xs" spacing="xs">
          {optionsOf(SEVERITY_LABELS).map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <TextInput label="Day it happened" type="date" {...form.getInputProps('occurredOn')} />
        <TextInput label="Time" type="time" {...form.getInputProps('occurredTime')} />
        <TextInput
          label="Where"
          placeholder="Family room"
          maxLength={200}
          {...form.getInputProps('location')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={-8}>
        Leave the day and time empty if it is happening now.
      </Text>
      {parties.length > 0 ? (
        <Checkbox.Group label="People involved" {...form.getInputProps('peopleInvolved')}>
          <Stack gap="xs" mt="xs">
            {parties.map((party) => (
              <Checkbox
                key={party.id}
                value={party.id}
                label={`${party.fullName} (${ROLE_LABELS[party.role].toLowerCase()})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      <Textarea
        label="What happened"
        description="Facts only: what was said or done, and by whom. Keep what you saw apart from what you were told."
        required
        autosize
        minRows={4}
        maxLength={10_000}
        {...form.getInputProps('whatHappened')}
      />
      <Textarea
        label="The child’s own words"
        description="Word for word, if the child said anything about it."
        autosize
        minRows={2}
        maxLength={5000}
        {...form.getInputProps('childAccount')}
      />
      <Textarea
        label="Injuries seen"
        description="Where on the body, and how big."
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('injuries')}
      />
      <Textarea
        label="Witnesses"
        autosize
        minRows={1}
        maxLength={1000}
        {...form.getInputProps('witnesses')}
      />
      <Checkbox.Group label="What was done" {...form.getInputProps('actions')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
          {optionsOf(ACTION_LABELS).map((option) => (
            <Checkbox key={option.value} value={option.value} label={option.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label="Reasons for not acting"
        description="If you decided not to do something, say why."
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('reasonsNotToAct')}
      />
    </Stack>
  )
}
