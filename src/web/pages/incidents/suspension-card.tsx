import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { SuspensionView } from '../../api/types'
import { formatDate } from '../../format'
import { fieldErrorsOf } from '../cases/schedule-queries'
import { formatDay } from '../cases/schedule-words'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { useConductChange } from './incident-queries'
import { notifyDone } from '../referrals/shared/notify'

const sessionsWords = (n: number) => (n === 1 ? '1 session' : `${n} sessions`)

/** A suspension of the case's sessions: from when, on what conditions, and re-admission. */
export function SuspensionCard({ suspension }: { suspension: SuspensionView }) {
  const [lifting, setLifting] = useState(false)
  if (suspension.status === 'lifted') {
    return (
      <Alert color="kin" variant="light" icon={<IconPlayerPlay aria-hidden="true" />} title="Re-admitted">
        <Text size="sm">
          Sessions were suspended from {formatDay(suspension.from)} (
          {sessionsWords(suspension.sessionsSuspended)}
          ). The family was re-admitted on {formatDate(suspension.liftedAt)}.
        </Text>
        {suspension.liftNote ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            How the conditions were met: {suspension.liftNote}
          </Text>
        ) : null}
      </Alert>
    )
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconPlayerPause aria-hidden="true" />}
      title={`Sessions suspended from ${formatDay(suspension.from)}`}
    >
      <Stack gap="xs">
        <Text size="sm">
          {sessionsWords(suspension.sessionsSuspended)} suspended. They keep their place until the family is
          re-admitted.
        </Text>
        <Text size="sm" fw={700}>
          Conditions for re-admission:
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {suspension.conditions}
        </Text>
        <Group>
          <Button size="sm" variant="default" onClick={() => setLifting(true)}>
            Re-admit the family
          </Button>
        </Group>
      </Stack>
      {lifting ? <LiftDialog suspension={suspension} onClose={() => setLifting(false)} /> : null}
    </Alert>
  )
}

function LiftDialog({ suspension, onClose }: { suspension: SuspensionView; onClose: () => void }) {
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (v) => (v.trim() ? null : 'Say how the conditions were met') },
  })
  const lift = useConductChange(
    suspension.caseId,
    (note: string) =>
      call(
        api.POST('/api/suspensions/{suspensionId}/lift', {
          params: { path: { suspensionId: suspension.id } },
          body: { note },
        }),
      ),
    () => {
      notifyDone(
        'Family re-admitted',
        'Their future sessions are booked again and both parents are told. Sessions whose day has passed are cancelled.',
      )
      onClose()
    },
  )
  return (
    <Dialog title="Re-admit the family" onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          lift.mutate(values.note.trim(), { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">The conditions were:</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {suspension.conditions}
          </Text>
          <Textarea
            label="How were the conditions met?"
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <ActionError error={lift.error} title="The family was not re-admitted" />
          <Group>
            <Button type="submit" loading={lift.isPending}>
              Re-admit
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
