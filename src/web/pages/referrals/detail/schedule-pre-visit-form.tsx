import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from '../shared/notify'
import { api, ApiError, call } from '../../../api/client'
import type { PartyView } from '../../../api/types'
import { localDateTimeToIso } from '../dates'
import { ROLE_LABELS } from '../labels'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { ActionPanel } from './action-panel'

interface Props {
  referralId: string
  parties: PartyView[]
  onDone: () => void
}

interface Values {
  partyId: string
  scheduledAt: string
}

/** Arranges a pre-visit for one adult, or a child's familiarisation visit. */
export function SchedulePreVisitForm({ referralId, parties, onDone }: Props) {
  const people = parties.filter((p) => p.kind === 'child' || p.attendance === 'allowed')
  const form = useForm<Values>({
    initialValues: { partyId: '', scheduledAt: '' },
    validate: {
      partyId: (v) => (v ? null : 'Choose who the visit is for'),
      scheduledAt: (v) => (v && localDateTimeToIso(v) ? null : 'Choose the date and time'),
    },
  })
  const schedule = useReferralAction(
    referralId,
    (values: Values) => {
      const party = parties.find((p) => p.id === values.partyId)
      return call(
        api.POST('/api/referrals/{referralId}/pre-visits', {
          params: { path: { referralId } },
          body: {
            partyId: values.partyId,
            kind: party?.kind === 'child' ? 'child_familiarisation' : 'adult',
            scheduledAt: localDateTimeToIso(values.scheduledAt) ?? '',
          },
        }),
      )
    },
    () => {
      notifyDone('Pre-visit arranged', 'It is on the list of pre-visits.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Arrange a pre-visit">
      <Text size="sm">
        Each adult is seen on their own, at a different time. A child’s visit is to see the centre before the
        first session.
      </Text>
      <form
        onSubmit={form.onSubmit((values) =>
          schedule.mutate(values, {
            onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()),
          }),
        )}
        noValidate
      >
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <Select
              label="Who is the visit for?"
              data={people.map((p) => ({ value: p.id, label: `${p.fullName} (${ROLE_LABELS[p.role]})` }))}
              required
              miw={260}
              {...form.getInputProps('partyId')}
            />
            <TextInput
              label="Date and time"
              type="datetime-local"
              required
              {...form.getInputProps('scheduledAt')}
            />
          </Group>
          <ActionError error={schedule.error} title="The pre-visit was not arranged" />
          <Group>
            <Button type="submit" loading={schedule.isPending}>
              Arrange pre-visit
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
