import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, call } from '../../api/client'
import type { SessionView } from '../../api/types'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { fieldErrorsOf, isStale, useNow, useScheduleAction } from './schedule-queries'
import { formatDay, formatTime, noticeWords, zonedToIso } from './schedule-words'

type Canceller = NonNullable<SessionView['cancellation']>['by']
type Outcome = NonNullable<NonNullable<SessionView['outcome']>['resident']>

interface CancelValues {
  by: Canceller
  reason: string
  toldOn: string
  toldAt: string
}

/** Cancels one session: who asked, when the centre was told (for the notice), and why. */
export function CancelSessionDialog({
  session,
  timeZone,
  onClose,
}: {
  session: SessionView
  timeZone: string
  onClose: () => void
}) {
  const form = useForm<CancelValues>({
    initialValues: { by: 'centre', reason: '', toldOn: '', toldAt: '' },
    validate: {
      reason: (v) => (v.trim() ? null : 'Say why the session is cancelled'),
      toldAt: (v, all) => (all.toldOn && !v ? 'Enter the time too' : null),
    },
  })
  const cancel = useScheduleAction(
    session.caseId,
    (values: CancelValues) =>
      call(
        api.POST('/api/sessions/{sessionId}/cancel', {
          params: { path: { sessionId: session.id } },
          body: {
            by: values.by,
            reason: values.reason.trim(),
            toldAt: values.toldOn
              ? (zonedToIso(values.toldOn, values.toldAt, timeZone) ?? undefined)
              : undefined,
          },
        }),
      ),
    () => {
      notifyDone('Session cancelled', 'Both parents are told by email; neither is told who cancelled.')
      onClose()
    },
  )
  const now = useNow()
  const { toldOn, toldAt } = form.getValues()
  const toldIso = toldOn && toldAt ? zonedToIso(toldOn, toldAt, timeZone) : null
  const notice = (Date.parse(session.startsAt) - (toldIso ? Date.parse(toldIso) : now)) / 3_600_000
  const title = `Cancel the session on ${formatDay(session.date)} at ${formatTime(session.startsAt, timeZone)}`
  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          cancel.mutate(values, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          <Radio.Group label="Who asked to cancel?" required {...form.getInputProps('by')}>
            <Stack gap="xs" mt="xs">
              <Radio value="centre" label="The centre" />
              <Radio value="resident" label="The resident parent" />
              <Radio value="non_resident" label="The visiting parent" />
            </Stack>
          </Radio.Group>
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <Fieldset legend="When was the centre told?" variant="unstyled">
            <Text size="sm" c="dimmed" mb="xs">
              Leave empty if it is now. Use the centre’s time.
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Day told" type="date" {...form.getInputProps('toldOn')} />
              <TextInput label="Time told" type="time" {...form.getInputProps('toldAt')} />
            </SimpleGrid>
          </Fieldset>
          <Text size="sm">That is {noticeWords(notice)} before the session.</Text>
          <ActionError
            error={cancel.error}
            title={
              isStale(cancel.error) ? 'Someone else changed this session' : 'The session was not cancelled'
            }
          />
          <Group>
            <Button type="submit" color="red.8" loading={cancel.isPending}>
              Cancel this session
            </Button>
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

interface OutcomeValues {
  resident: Outcome
  nonResident: Outcome
  explained: boolean
  reason: string
}

const OUTCOME_CHOICES: { value: Outcome; label: string }[] = [
  { value: 'attended', label: 'Came' },
  { value: 'late', label: 'Came late' },
  { value: 'did_not_attend', label: 'Did not come' },
]

/** Records whether each parent came; a miss without a reason counts towards a review. */
export function OutcomeDialog({ session, onClose }: { session: SessionView; onClose: () => void }) {
  const form = useForm<OutcomeValues>({
    initialValues: {
      resident: session.outcome?.resident ?? 'attended',
      nonResident: session.outcome?.nonResident ?? 'attended',
      explained: session.outcome?.explained ?? false,
      reason: session.outcome?.reason ?? '',
    },
    validate: {
      reason: (v, all) => (all.explained && !v.trim() ? 'Give the reason that explains it' : null),
    },
  })
  const record = useScheduleAction(
    session.caseId,
    (values: OutcomeValues) => {
      const missed = values.resident === 'did_not_attend' || values.nonResident === 'did_not_attend'
      return call(
        api.POST('/api/sessions/{sessionId}/outcome', {
          params: { path: { sessionId: session.id } },
          body: {
            resident: values.resident,
            nonResident: values.nonResident,
            explained: missed && values.explained,
            reason: values.reason.trim() || null,
          },
        }),
      )
    },
    () => {
      notifyDone('Attendance recorded', formatDay(session.date))
      onClose()
    },
  )
  const values = form.getValues()
  const missed = values.resident === 'did_not_attend' || values.nonResident === 'did_not_attend'
  return (
    <Dialog title={`Who came on ${formatDay(session.date)}?`} onClose={onClose}>
      <form
        onSubmit={form.onSubmit((v) =>
          record.mutate(v, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          <OutcomeRadios label="Resident parent" {...form.getInputProps('resident')} />
          <OutcomeRadios label="Visiting parent" {...form.getInputProps('nonResident')} />
          {missed ? (
            <Checkbox
              label="There was a good reason (illness, say): it does not count towards a review"
              {...form.getInputProps('explained', { type: 'checkbox' })}
            />
          ) : null}
          <Textarea
            label={missed && values.explained ? 'The reason' : 'Notes'}
            required={missed && values.explained}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <ActionError error={record.error} title="Attendance was not recorded" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

function OutcomeRadios(props: { label: string; value?: Outcome; onChange?: (value: string) => void }) {
  return (
    <Radio.Group label={props.label} value={props.value} onChange={props.onChange}>
      <Group mt="xs" gap="md">
        {OUTCOME_CHOICES.map((c) => (
          <Radio key={c.value} value={c.value} label={c.label} />
        ))}
      </Group>
    </Radio.Group>
  )
}
