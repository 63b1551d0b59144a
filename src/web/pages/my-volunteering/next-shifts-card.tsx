import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core'
import { IconArrowsExchange } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { PlainList } from '../../components/plain-list'
import { jobWords } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { formatLongDay } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { Facts } from '../referrals/shared/facts'
import { notifyDone } from '../referrals/shared/notify'
import type { MyShift, MyVolunteering } from '../volunteers/types'
import { useMyAction } from './my-volunteering-queries'

/** The volunteer's shifts ahead: when, where and what they do, and asking a colleague to swap. */
export function NextShiftsCard({ data }: { data: MyVolunteering }) {
  return (
    <SectionCard title="Your next shifts" intro="Times are the centre’s own.">
      {data.shifts.length === 0 ? (
        <Text>You have no shifts booked. The coordinator will let you know when you are on the rota.</Text>
      ) : (
        <PlainList gap="sm" aria-label="Your next shifts">
          {data.shifts.map((shift) => (
            <li key={shift.assignmentId}>
              <NextShift shift={shift} colleagues={data.colleagues} />
            </li>
          ))}
        </PlainList>
      )}
    </SectionCard>
  )
}

function NextShift({ shift, colleagues }: { shift: MyShift; colleagues: MyVolunteering['colleagues'] }) {
  const [asking, setAsking] = useState(false)
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700}>{formatLongDay(shift.date)}</Text>
          <Badge color="kin" variant="light">
            {jobWords(shift)}
          </Badge>
        </Group>
        <Facts
          facts={[
            { label: 'Where', value: shift.label },
            { label: 'Times', value: <strong>{`${shift.localStart} to ${shift.localEnd}`}</strong> },
          ]}
        />
        {shift.swap ? (
          <Alert color="blue" variant="light" title="Swap asked for">
            You asked {shift.swap.toVolunteer} to take this shift. It stays yours until the coordinator
            agrees.
          </Alert>
        ) : null}
        {!shift.swap && !asking ? (
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconArrowsExchange size={18} aria-hidden="true" />}
            onClick={() => setAsking(true)}
            disabled={colleagues.length === 0}
            aria-label={`Ask a colleague to swap your shift on ${formatLongDay(shift.date)}`}
          >
            Ask a colleague to swap
          </Button>
        ) : null}
        {asking ? <SwapForm shift={shift} colleagues={colleagues} onDone={() => setAsking(false)} /> : null}
      </Stack>
    </Paper>
  )
}

function SwapForm({
  shift,
  colleagues,
  onDone,
}: {
  shift: MyShift
  colleagues: MyVolunteering['colleagues']
  onDone: () => void
}) {
  const [to, setTo] = useState('')
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const request = useMyAction(
    () =>
      call(
        api.POST('/api/rota-assignments/{assignmentId}/swap', {
          params: { path: { assignmentId: shift.assignmentId } },
          body: { toVolunteerId: to, note: note.trim() || null },
        }),
      ),
    (swap) => {
      const name = colleagues.find((c) => c.id === to)?.fullName ?? 'Your colleague'
      const check = swap.problems.map((p) => p.message).join('. ')
      notifyDone(
        'Swap asked for',
        `The coordinator will look at it.${check ? ` They will check: ${check}.` : ` ${name} can take it.`}`,
      )
      onDone()
    },
  )
  const submit = () => {
    if (!to) {
      setMissing(true)
      return
    }
    request.mutate(undefined)
  }
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Who could take it?"
        data={[
          { value: '', label: 'Choose a colleague' },
          ...colleagues.map((c) => ({ value: c.id, label: c.fullName })),
        ]}
        value={to}
        onChange={(e) => {
          setTo(e.currentTarget.value)
          setMissing(false)
        }}
        error={missing ? 'Choose who could take your shift' : undefined}
        required
      />
      <Textarea
        label="A note for the coordinator (optional)"
        placeholder="For example: Sam has said yes"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
      />
      <ActionError error={request.error} title="The swap was not asked for" />
      <Group gap="xs">
        <Button onClick={submit} loading={request.isPending}>
          Ask for the swap
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
