import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { notifyDone } from '../referrals/shared/notify'
import { api, ApiError, call } from '../../api/client'
import type { CaseDetail, ClosureOutcome } from '../../api/types'
import { formatDate } from '../../format'
import { ActionError } from '../referrals/detail/action-error'
import { ActionPanel } from '../referrals/detail/action-panel'
import { CLOSURE_LABELS, optionsOf } from '../referrals/labels'
import { Section } from '../referrals/shared/section'
import { useCaseAction } from './queries'

/** Closing the case with its outcome, or how it was closed. */
export function CloseCaseSection({ detail }: { detail: CaseDetail }) {
  const [closing, setClosing] = useState(false)
  if (detail.closure) {
    return (
      <Section title="Case closed">
        <Text>
          Closed on {formatDate(detail.closure.closedAt)}: {CLOSURE_LABELS[detail.closure.outcome]}.
        </Text>
        {detail.closure.reason ? <Text>{detail.closure.reason}</Text> : null}
      </Section>
    )
  }
  return (
    <Section title="Close the case" intro="When the family moves on, or the service ends.">
      {closing ? (
        <CloseCaseForm caseId={detail.id} onDone={() => setClosing(false)} />
      ) : (
        <Button variant="default" color="red" onClick={() => setClosing(true)}>
          Close case
        </Button>
      )}
    </Section>
  )
}

function CloseCaseForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const form = useForm<{ outcome: ClosureOutcome | ''; reason: string }>({
    initialValues: { outcome: '', reason: '' },
    validate: {
      outcome: (v) => (v ? null : 'Choose the outcome'),
      reason: (v) => (v.trim().length >= 5 ? null : 'Give a reason'),
    },
  })
  const close = useCaseAction(
    caseId,
    (values: { outcome: ClosureOutcome | ''; reason: string }) =>
      call(
        api.POST('/api/cases/{caseId}/close', {
          params: { path: { caseId } },
          body: { outcome: values.outcome as ClosureOutcome, reason: values.reason.trim() },
        }),
      ),
    () => {
      notifyDone('Case closed', 'The file is kept with its outcome.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Close the case">
      <form
        onSubmit={form.onSubmit((values) =>
          close.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Select
            label="Outcome"
            data={optionsOf(CLOSURE_LABELS)}
            required
            maw={480}
            {...form.getInputProps('outcome')}
          />
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <ActionError error={close.error} title="The case was not closed" />
          <Group>
            <Button type="submit" color="red" loading={close.isPending}>
              Close case
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
