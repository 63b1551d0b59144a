import { PlainList } from '../../components/plain-list'
import { DUTY_LABELS } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { formatShortDay } from '../calendar/calendar-dates'
import type { RotaView } from '../volunteers/types'
import { PlacedPerson } from './placed-person'

/** People still on a place that no longer exists (the session moved, or a closure was added). */
export function OrphanedPanel({ orphaned }: { orphaned: RotaView['orphaned'] }) {
  return (
    <SectionCard
      title="On a shift that no longer exists"
      intro="The session moved or the venue is closed that day. Take them off, and let them know they are not needed."
    >
      <PlainList gap="xs" aria-label="On a shift that no longer exists">
        {orphaned.map((o) => (
          <li key={o.assignmentId}>
            <PlacedPerson
              person={{ ...o, suggested: false, warnings: [] }}
              where={`${DUTY_LABELS[o.duty].toLowerCase()}, ${formatShortDay(o.date)}`}
            />
          </li>
        ))}
      </PlainList>
    </SectionCard>
  )
}
