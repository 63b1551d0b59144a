import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAdjustments, IconUserPlus } from '@tabler/icons-react'
import { PlainList } from '../../components/plain-list'
import { DUTY_LABELS } from '../../volunteering-words'
import { formatShortDay } from '../calendar/calendar-dates'
import type { Position, Shift } from '../volunteers/types'
import { PlacedPerson } from './placed-person'

/** "Team leader ×2", "Supervisor for C-2026-0003, 10:00–12:00". */
export function placeLabel(position: Position): string {
  if (position.duty === 'supervisor' && position.sessionLabel)
    return `Supervisor for ${position.sessionLabel}, ${position.localStart}–${position.localEnd}`
  const label = DUTY_LABELS[position.duty]
  return position.needed > 1 ? `${label} ×${position.needed}` : label
}

/** Where and when a shift is: "Main hall, 09:00–13:00" or "Escorted visit · C-2026-0007, 13:00–16:00". */
export const shiftWords = (shift: Shift): string =>
  `${shift.sessionId ? shift.label : (shift.venueName ?? shift.label)}, ${shift.localStart}–${shift.localEnd}`

/** The job of a place in words: "team leader", "supervisor for C-2026-0003". */
export const dutyWords = (position: Position): string =>
  `${DUTY_LABELS[position.duty].toLowerCase()}${
    position.duty === 'supervisor' && position.sessionLabel ? ` for ${position.sessionLabel}` : ''
  }`

/** Where and when a place is: a supervisor is needed for their session's times only. */
export const placeWords = (shift: Shift, position: Position): string =>
  position.duty === 'supervisor'
    ? `${shift.venueName ?? shift.label}, ${position.localStart}–${position.localEnd}`
    : shiftWords(shift)

interface Props {
  shift: Shift
  onAssign: (position: Position) => void
  onStaffing?: () => void
}

/** One shift: each place with who is on it, or "Unfilled" and a way to fill it. */
export function ShiftCard({ shift, onAssign, onStaffing }: Props) {
  const where = shiftWords(shift)
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`${where}, ${formatShortDay(shift.date)}`}
      data-shift-key={shift.key}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={4} size="h5">
              {where}
            </Title>
            {shift.unfilled > 0 ? (
              <Badge color="red.8" variant="filled" mt={4}>
                {shift.unfilled} unfilled
              </Badge>
            ) : (
              <Badge color="kin" variant="light" mt={4}>
                All places filled
              </Badge>
            )}
          </div>
          {onStaffing ? (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconAdjustments size={16} aria-hidden="true" />}
              onClick={onStaffing}
              aria-label={`People needed, ${where}, ${formatShortDay(shift.date)}`}
            >
              People needed
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md" verticalSpacing="sm">
          {shift.positions.map((position) => (
            <Stack key={`${position.duty}:${position.sessionId ?? ''}`} gap={6}>
              <Text fw={700} size="sm">
                {placeLabel(position)}
              </Text>
              <PlainList gap={6} aria-label={placeLabel(position)}>
                {position.assigned.map((person) => (
                  <li key={person.assignmentId}>
                    <PlacedPerson person={person} where={`${where}, ${formatShortDay(shift.date)}`} />
                  </li>
                ))}
                {Array.from({ length: Math.max(0, position.needed - position.assigned.length) }, (_, i) => (
                  <li key={`open-${String(i)}`}>
                    <EmptyPlace
                      label={`Assign ${dutyWords(position)}, ${placeWords(shift, position)}, ${formatShortDay(shift.date)}`}
                      onAssign={() => onAssign(position)}
                    />
                  </li>
                ))}
              </PlainList>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}

function EmptyPlace({ label, onAssign }: { label: string; onAssign: () => void }) {
  return (
    <Group
      justify="space-between"
      gap="xs"
      p="xs"
      wrap="nowrap"
      style={{ border: '2px dashed var(--mantine-color-red-7)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Text fw={700} c="red.8">
        Unfilled
      </Text>
      <Button
        size="xs"
        leftSection={<IconUserPlus size={16} aria-hidden="true" />}
        onClick={onAssign}
        aria-label={label}
      >
        Assign
      </Button>
    </Group>
  )
}
