import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconClockCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { formatLongDay } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import type { Position, RotaView, Shift } from '../volunteers/types'
import { AssignDialog } from './assign-dialog'
import { useRotaAction, type Place } from './rota-queries'
import { ShiftCard } from './shift-card'
import { StaffingDialog } from './staffing-dialog'

/** The shifts sorted into days, in date order. */
function daysOf(shifts: readonly Shift[]): [string, Shift[]][] {
  const days = new Map<string, Shift[]>()
  for (const shift of shifts) days.set(shift.date, [...(days.get(shift.date) ?? []), shift])
  return [...days]
}

export interface Opened {
  shift: Shift
  position: Position
}

/** Each day of the rota with its shifts; a day that has passed can have its hours logged at once. */
export function RotaDays({ rota, centreId }: { rota: RotaView; centreId: string }) {
  const [assigning, setAssigning] = useState<Opened | null>(null)
  const [staffing, setStaffing] = useState<Shift | null>(null)
  const now = new Date().toISOString()
  return (
    <Stack gap="xl">
      {daysOf(rota.shifts).map(([date, shifts]) => (
        <Stack key={date} gap="sm" component="section" aria-label={formatLongDay(date)}>
          <Group justify="space-between" align="center" gap="xs">
            <Title order={3} size="h4">
              {formatLongDay(date)}
            </Title>
            {shifts.some((s) => s.endsAt <= now) ? <LogDay centreId={centreId} date={date} /> : null}
          </Group>
          {shifts.map((shift) => (
            <ShiftCard
              key={shift.key}
              shift={shift}
              onAssign={(position) => setAssigning({ shift, position })}
              onStaffing={shift.openingId ? () => setStaffing(shift) : undefined}
            />
          ))}
        </Stack>
      ))}
      {assigning ? (
        <AssignDialog
          centreId={centreId}
          opened={assigning}
          place={placeOf(assigning)}
          onClose={() => setAssigning(null)}
        />
      ) : null}
      {staffing ? <StaffingDialog shift={staffing} onClose={() => setStaffing(null)} /> : null}
    </Stack>
  )
}

const placeOf = ({ shift, position }: Opened): Place => ({
  shiftKey: shift.key,
  duty: position.duty,
  sessionId: position.sessionId,
})

function LogDay({ centreId, date }: { centreId: string; date: string }) {
  const log = useRotaAction(
    () =>
      call(
        api.POST('/api/centres/{centreId}/rota/log-hours', {
          params: { path: { centreId } },
          body: { onDate: date },
        }),
      ),
    ({ logged }) =>
      notifyDone(
        'Hours logged',
        logged === 0
          ? 'Every shift that day had already been logged.'
          : `${logged} shift${logged === 1 ? '' : 's'} logged and approved.`,
      ),
  )
  return (
    <Stack gap={4} align="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconClockCheck size={16} aria-hidden="true" />}
        loading={log.isPending}
        onClick={() => log.mutate(undefined)}
        aria-label={`Log hours for this day, ${formatLongDay(date)}`}
      >
        Log hours for this day
      </Button>
      {log.isSuccess ? (
        <Text size="sm" c="dimmed">
          Logged.
        </Text>
      ) : null}
      <ActionError error={log.error} title="The hours were not logged" />
    </Stack>
  )
}
