import { Stack } from '@mantine/core'
import { SectionCard } from '../account/section-card'
import { formatShortDay } from '../calendar/calendar-dates'
import { PlacedPerson } from './placed-person'
import { DUTY_LABELS, type RotaView } from './volunteering-words'

const list = { listStyle: 'none', padding: 0, margin: 0 } as const

/** People still on a place that no longer exists (the session moved, or a closure was added). */
export function OrphanedPanel({ orphaned }: { orphaned: RotaView['orphaned'] }) {
  return (
    <SectionCard
      title="On a shift that no longer exists"
      intro="The session moved or the venue is closed that day. Take them off, and let them know they are not needed."
    >
      <Stack gap="xs" component="ul" style={list} aria-label="On a shift that no longer exists">
        {orphaned.map((o) => (
          <li key={o.assignmentId}>
            <PlacedPerson
              person={{ ...o, suggested: false, warnings: [] }}
              where={`${DUTY_LABELS[o.duty].toLowerCase()}, ${formatShortDay(o.date)}`}
            />
          </li>
        ))}
      </Stack>
    </SectionCard>
  )
}
