import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'
import { todayLocal } from '../../volunteering-dates'
import { ActionPanel } from '../referrals/detail/action-panel'
import { notifyDone } from '../referrals/shared/notify'
import { volunteersKey } from './queries'
import { Refusal } from './refusal'
import type { RecordView } from './types'

/** Marks a renewal as started (applied for, course booked): the reminders pause, the expiry does not. */
export function RenewalForm({
  record,
  title,
  onDone,
}: {
  record: RecordView
  title: string
  onDone: () => void
}) {
  const form = useForm({
    initialValues: { startedOn: todayLocal(), note: '' },
    validate: { startedOn: (v) => (v ? null : 'Give the date') },
  })
  const start = useReloadingAction(
    [volunteersKey],
    (values: { startedOn: string; note: string }) =>
      call(
        api.POST('/api/volunteer-records/{recordId}/renewal', {
          params: { path: { recordId: record.id } },
          body: { startedOn: values.startedOn, note: values.note.trim() || null },
        }),
      ),
    () => {
      notifyDone('Renewal started', `${title}: the reminders pause while it is renewed.`)
      onDone()
    },
  )
  return (
    <ActionPanel title={`Renewal started: ${title}`}>
      <form onSubmit={form.onSubmit((values) => start.mutate(values))} noValidate>
        <Stack>
          <Text size="sm">The current record still expires on its date; this only pauses the reminders.</Text>
          <TextInput label="Started on" type="date" required maw={240} {...form.getInputProps('startedOn')} />
          <Textarea
            label="Note (optional)"
            description="For example: applied through the umbrella body."
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <Refusal error={start.error} title="The renewal was not marked" />
          <Group>
            <Button type="submit" loading={start.isPending}>
              Mark the renewal as started
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
