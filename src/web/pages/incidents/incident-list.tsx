import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { IncidentSummary } from '../../api/types'
import { PlainList } from '../../components/plain-list'
import { formatDateTime } from '../../format'
import { useNow } from '../cases/schedule-queries'
import { IncidentStatusBadge, ReferrerLine, SeverityBadges } from './incident-badges'
import { CATEGORY_LABELS } from './incident-words'

/** Incidents as cards: what, when, how serious, where it stands and whether the referrer knows. */
export function IncidentList({
  incidents,
  label,
  showCase = true,
}: {
  incidents: IncidentSummary[]
  label: string
  showCase?: boolean
}) {
  const now = useNow()
  return (
    <PlainList gap="sm" aria-label={label}>
      {incidents.map((incident) => (
        <Paper
          key={incident.id}
          component="li"
          withBorder
          p="sm"
          radius="md"
          style={incident.critical ? { borderLeft: '6px solid var(--mantine-color-red-9)' } : undefined}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" align="flex-start">
              <Anchor component={Link} to={`/incidents/${incident.id}`} fw={700}>
                {showCase ? `Case ${incident.caseReference}: ` : ''}
                {CATEGORY_LABELS[incident.category]}
              </Anchor>
              <IncidentStatusBadge status={incident.status} />
            </Group>
            <SeverityBadges severity={incident.severity} critical={incident.critical} />
            <Text size="sm">
              {formatDateTime(incident.occurredAt)}
              {incident.location ? `, ${incident.location}` : ''}
            </Text>
            {incident.people.length > 0 ? (
              <Text size="sm">Involved: {incident.people.map((person) => person.name).join(', ')}</Text>
            ) : null}
            {incident.status === 'open' || incident.referrerNotifiedAt ? (
              <ReferrerLine incident={incident} now={now} />
            ) : null}
          </Stack>
        </Paper>
      ))}
    </PlainList>
  )
}
