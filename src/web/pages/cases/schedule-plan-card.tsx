import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { CaseDetail, CentreDetail, PlanView, Side } from '../../api/types'
import { ActionError } from '../referrals/detail/action-error'
import { ActionPanel } from '../referrals/detail/action-panel'
import { SERVICE_LABELS } from '../referrals/labels'
import { notifyDone } from '../referrals/shared/notify'
import { SchedulePlanForm } from './schedule-plan-form'
import { fieldErrorsOf, useScheduleAction } from './schedule-queries'
import {
  arrivalWords,
  durationWords,
  formatDay,
  formatDayShort,
  frequencyWords,
  offsiteWords,
  SIDE_WORDS,
  todayIn,
} from './schedule-words'

/** "10:00" plus 120 minutes, as "12:00" (a wall-clock time; the day never wraps for a session). */
export function endOf(startsAt: string, minutes: number): string {
  const [h = 0, m = 0] = startsAt.split(':').map(Number)
  const total = h * 60 + m + minutes
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

type Open = 'change' | 'end' | null

/** One contact plan in words, with "change from a date" and "end the series". */
export function PlanCard({
  plan,
  nextOn,
  centre,
  detail,
  timeZone,
  canChange,
}: {
  plan: PlanView
  /** The plan's next booked date: where a change starts unless the coordinator says otherwise. */
  nextOn?: string
  centre: CentreDetail | undefined
  detail: CaseDetail
  timeZone: string
  canChange: boolean
}) {
  const [open, setOpen] = useState<Open>(null)
  const venue = centre?.venues.find((v) => v.id === plan.venueId)
  const roomName = (id: string | null) => venue?.rooms.find((r) => r.id === id)?.name ?? null
  const place = plan.offsite
    ? `Away from the centre: ${plan.offsite.place}`
    : [roomName(plan.roomId), venue?.name].filter(Boolean).join(', ')
  const party = (side: Side) => {
    const p = side === 'resident' ? plan.arrival.resident : plan.arrival.nonResident
    const bits = [
      p.entrance,
      p.waitingRoomId ? `waits in ${roomName(p.waitingRoomId) ?? 'a waiting room'}` : null,
    ]
    const text = bits.filter(Boolean).join(', ')
    return text ? `${SIDE_WORDS[side]}: ${text}.` : null
  }
  const until = plan.lastOn ? `until ${formatDay(plan.lastOn)}` : 'with no end date'
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" align="flex-start">
          <Text fw={700}>
            {frequencyWords(plan)}, {plan.startsAt}–{endOf(plan.startsAt, plan.durationMinutes)}
          </Text>
          <Badge color={plan.status === 'active' ? 'kin' : 'gray.7'} variant="filled">
            {plan.status === 'active' ? 'Active' : 'Ended'}
          </Badge>
        </Group>
        <Text size="sm">
          {SERVICE_LABELS[plan.serviceType]}, {durationWords(plan.durationMinutes)}
          {plan.frequency === 'one_off' || plan.frequency === 'on_dates'
            ? ''
            : `, from ${formatDay(plan.firstOn)} ${until}`}
          .
        </Text>
        {plan.frequency === 'on_dates' ? (
          <Text size="sm">Dates: {plan.dates.map(formatDayShort).join(', ')}.</Text>
        ) : null}
        {place ? <Text size="sm">{place}</Text> : null}
        {plan.offsite && offsiteWords(plan.offsite) ? (
          <Text size="sm">{offsiteWords(plan.offsite)}</Text>
        ) : null}
        <Text size="sm">{arrivalWords(plan.arrival)}</Text>
        {[party('resident'), party('non_resident')].filter(Boolean).map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
        {plan.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            Notes: {plan.notes}
          </Text>
        ) : null}
        {plan.endedReason ? <Text size="sm">Ended: {plan.endedReason}</Text> : null}
        {canChange && open === null ? (
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="default" onClick={() => setOpen('change')}>
              Change from a date
            </Button>
            <Button size="xs" variant="default" onClick={() => setOpen('end')}>
              End the series
            </Button>
          </Group>
        ) : null}
        {open === 'change' ? (
          <SchedulePlanForm
            detail={detail}
            centre={centre}
            timeZone={timeZone}
            changing={plan}
            changeFrom={nextOn}
            onDone={() => setOpen(null)}
          />
        ) : null}
        {open === 'end' ? <EndPlanForm plan={plan} timeZone={timeZone} onDone={() => setOpen(null)} /> : null}
      </Stack>
    </Paper>
  )
}

interface EndValues {
  from: string
  reason: string
}

function EndPlanForm({ plan, timeZone, onDone }: { plan: PlanView; timeZone: string; onDone: () => void }) {
  const form = useForm<EndValues>({
    initialValues: { from: todayIn(timeZone), reason: '' },
    validate: {
      from: (v) => (v ? null : 'Enter the first date with no session'),
      reason: (v) => (v.trim() ? null : 'Say why the series ends'),
    },
  })
  const end = useScheduleAction(
    plan.caseId,
    (values: EndValues) =>
      call(
        api.POST('/api/plans/{planId}/end', {
          params: { path: { planId: plan.id } },
          body: { from: values.from, reason: values.reason.trim() },
        }),
      ),
    () => {
      notifyDone('Series ended', 'Later sessions are cancelled; earlier ones stay in the record.')
      onDone()
    },
  )
  return (
    <ActionPanel title="End the series">
      <form
        onSubmit={form.onSubmit((v) => end.mutate(v, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }))}
        noValidate
      >
        <Stack>
          <TextInput
            label="No sessions from"
            description="Sessions on this date and after are cancelled; earlier ones stay as history."
            type="date"
            required
            w="fit-content"
            {...form.getInputProps('from')}
          />
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <ActionError error={end.error} title="The series was not ended" />
          <Group>
            <Button type="submit" color="red.8" loading={end.isPending}>
              End the series
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
