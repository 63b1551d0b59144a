import { List, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatDay } from '../../volunteering-dates'
import { availabilityLines } from '../../volunteering-words'
import { Section } from '../referrals/shared/section'
import { availabilityQuery } from './queries'
import type { VolunteerFile } from './types'

/** When they said they can work, and dates they are away; volunteers keep these up to date themselves. */
export function AvailabilitySection({ file }: { file: VolunteerFile }) {
  const availability = useQuery(availabilityQuery(file.id))
  const lines = availabilityLines(file.availability)
  const away = (availability.data?.exceptions ?? []).filter((e) => e.kind === 'unavailable')
  const extra = (availability.data?.exceptions ?? []).filter((e) => e.kind === 'available')
  const range = (e: { firstDay: string; lastDay: string }) =>
    e.firstDay === e.lastDay ? formatDay(e.firstDay) : `${formatDay(e.firstDay)} to ${formatDay(e.lastDay)}`
  return (
    <Section title="Availability" intro="Volunteers change these on their own page.">
      <Stack gap="xs">
        {lines.length === 0 ? (
          <Text>No regular times given yet.</Text>
        ) : (
          <List aria-label="Usually free">
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {away.length > 0 ? (
          <Text size="sm">Away: {away.map((e) => range(e) + (e.note ? ` (${e.note})` : '')).join('; ')}</Text>
        ) : null}
        {extra.length > 0 ? <Text size="sm">Also free: {extra.map(range).join('; ')}</Text> : null}
      </Stack>
    </Section>
  )
}
