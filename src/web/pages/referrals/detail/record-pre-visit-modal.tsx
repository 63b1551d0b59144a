import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from '../shared/notify'
import { api, ApiError, call } from '../../../api/client'
import type { PreVisitChecklist, PreVisitView } from '../../../api/types'
import { today } from '../dates'
import { CHECKLIST_LABELS } from '../labels'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { Dialog } from '../shared/dialog'

interface Values {
  outcome: 'held' | 'did_not_attend' | 'cancelled'
  heldOn: string
  checklist: (keyof PreVisitChecklist)[]
  notes: string
}

const CHECKS = Object.keys(CHECKLIST_LABELS) as (keyof PreVisitChecklist)[]

/** Records how a pre-visit went: held (with its checklist), did not come, or cancelled. */
export function RecordPreVisitModal({
  referralId,
  visit,
  onClose,
}: {
  referralId: string
  visit: PreVisitView
  onClose: () => void
}) {
  const form = useForm<Values>({
    initialValues: {
      outcome: 'held',
      heldOn: visit.heldOn ?? today(),
      checklist: CHECKS.filter((key) => visit.checklist[key]),
      notes: visit.notes ?? '',
    },
    validate: { heldOn: (v, all) => (all.outcome !== 'held' || v ? null : 'Enter the day it was held') },
  })
  const record = useReferralAction(
    referralId,
    (values: Values) =>
      call(
        api.PATCH('/api/pre-visits/{preVisitId}', {
          params: { path: { preVisitId: visit.id } },
          body: {
            outcome: values.outcome,
            heldOn: values.outcome === 'held' ? values.heldOn : undefined,
            checklist: Object.fromEntries(CHECKS.map((key) => [key, values.checklist.includes(key)])),
            notes: values.notes,
          },
        }),
      ),
    () => {
      notifyDone('Pre-visit recorded', visit.partyName)
      onClose()
    },
  )
  const held = form.getValues().outcome === 'held'
  return (
    <Dialog onClose={onClose} title={`How did the pre-visit with ${visit.partyName} go?`}>
      <form
        onSubmit={form.onSubmit((values) =>
          record.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Radio.Group label="What happened?" {...form.getInputProps('outcome')}>
            <Group mt="xs">
              <Radio value="held" label="It was held" />
              <Radio value="did_not_attend" label="They did not come" />
              <Radio value="cancelled" label="It was cancelled" />
            </Group>
          </Radio.Group>
          {held ? (
            <>
              <TextInput
                label="Held on"
                type="date"
                required
                w="fit-content"
                {...form.getInputProps('heldOn')}
              />
              <Checkbox.Group label="What was done" {...form.getInputProps('checklist')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                  {CHECKS.map((key) => (
                    <Checkbox key={key} value={key} label={CHECKLIST_LABELS[key]} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </>
          ) : null}
          <Textarea label="Notes" autosize minRows={3} {...form.getInputProps('notes')} />
          <ActionError error={record.error} title="The pre-visit was not recorded" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save pre-visit
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
