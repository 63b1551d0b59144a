import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { isoWeekday } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { WEEKDAYS } from '../settings/opening-words'
import type { Shift } from '../volunteers/types'
import { useRotaAction } from './rota-queries'

type Staffing = NonNullable<Shift['staffing']>

const NONE: Staffing = { teamLeaders: 0, floor: 0, reception: 0 }
const clamp = (value: number | string, max: number) =>
  Math.min(max, Math.max(0, Math.round(typeof value === 'number' ? value : Number(value) || 0)))

/**
 * How many team leaders, floor and reception volunteers an opening needs. It applies to every date
 * of that opening, not only the one shown. The numbers are either the defaults every opening follows
 * (set in the volunteering rules) or the opening's own; "Use the defaults again" clears its own.
 */
export function StaffingDialog({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const [values, setValues] = useState<Staffing>(shift.staffing ?? NONE)
  const save = useRotaAction(
    (staffing: Staffing | null) =>
      call(
        api.PUT('/api/openings/{openingId}/staffing', {
          params: { path: { openingId: shift.openingId ?? '' } },
          body: { staffing },
        }),
      ),
    (_, staffing) => {
      notifyDone(
        staffing ? 'People needed saved' : 'Back to the defaults',
        staffing ? 'The rota shows the new places.' : 'This opening needs the same people as the others.',
      )
      onClose()
    },
  )
  const weekday = WEEKDAYS[isoWeekday(shift.date) - 1] ?? 'day'
  const field = (key: keyof Staffing, label: string, max: number) => (
    <NumberInput
      label={label}
      min={0}
      max={max}
      value={values[key]}
      onChange={(value) => setValues((v) => ({ ...v, [key]: clamp(value, max) }))}
      allowDecimal={false}
      allowNegative={false}
    />
  )
  return (
    <Dialog
      title={`People needed: ${shift.venueName ?? shift.label}, ${weekday}s ${shift.localStart}–${shift.localEnd}`}
      onClose={onClose}
    >
      <Stack gap="md">
        <Alert color={shift.ownStaffing ? 'blue' : 'gray'} variant="light" data-testid="staffing-source">
          {shift.ownStaffing
            ? 'This opening has its own numbers. Other openings follow the defaults in the volunteering rules.'
            : 'These are the defaults every opening follows, set in the volunteering rules. Saving gives this opening its own numbers.'}
        </Alert>
        <Text size="sm">
          This changes every {weekday} opening at {shift.venueName ?? 'this venue'}, not only this one.
          Supervisors are added for each supervised session on their own.
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          {field('teamLeaders', 'Team leaders', 5)}
          {field('floor', 'Floor', 30)}
          {field('reception', 'Reception', 5)}
        </SimpleGrid>
        <ActionError error={save.error} title="The numbers were not saved" />
        <Group gap="xs">
          <Button onClick={() => save.mutate(values)} loading={save.isPending && save.variables !== null}>
            Save
          </Button>
          {shift.ownStaffing ? (
            <Button
              variant="default"
              onClick={() => save.mutate(null)}
              loading={save.isPending && save.variables === null}
            >
              Use the defaults again
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Dialog>
  )
}
