import { Stack, Text } from '@mantine/core'
import classes from './calendar.module.css'
import type { CalendarDay, DayOpening } from './types'

const units = (value: number): string => String(Math.round(value * 10) / 10)

/** "4 of 6 places used", or how far over the opening session is. */
export function capacityText(opening: Pick<DayOpening, 'capacityUnits' | 'usedUnits'>): string {
  const used = units(opening.usedUnits)
  const total = units(opening.capacityUnits)
  if (opening.usedUnits > opening.capacityUnits) return `${used} of ${total} places used: over capacity`
  return `${used} of ${total} places used`
}

/** "Open 10:00–16:00 · 4 of 6 places used" (times are the centre's own). */
export const openingText = (opening: DayOpening): string =>
  `Open ${opening.startsAt}–${opening.endsAt} · ${capacityText(opening)}`

/** A day's closure (with its reason) and opening sessions with the capacity used. */
export function DayFacts({ day }: { day: CalendarDay }) {
  return (
    <Stack gap={4}>
      {day.closed ? (
        <div className={classes.closed}>
          <Text size="sm" fw={700}>
            Closed: {day.closed}
          </Text>
        </div>
      ) : null}
      {day.openings.map((opening) => (
        <Text key={opening.openingId} size="sm">
          {openingText(opening)}
        </Text>
      ))}
      {day.openings.length === 0 && !day.closed ? (
        <Text size="sm" c="dimmed">
          Not open
        </Text>
      ) : null}
    </Stack>
  )
}
