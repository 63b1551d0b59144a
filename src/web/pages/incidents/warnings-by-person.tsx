import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import type { WarningView } from '../../api/types'
import { PlainList } from '../../components/plain-list'
import { formatDate } from '../../format'
import { SIDE_WORDS } from '../cases/schedule-words'
import { LEVEL_LABELS } from './incident-words'

interface Person {
  partyId: string
  name: string
  side: WarningView['side']
  warnings: WarningView[]
}

/** Each person's warnings together, oldest first: the history the ladder reads. */
function byPerson(warnings: WarningView[]): Person[] {
  const people = new Map<string, Person>()
  const sorted = [...warnings].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt))
  for (const warning of sorted) {
    const person = people.get(warning.partyId) ?? {
      partyId: warning.partyId,
      name: warning.personName,
      side: warning.side,
      warnings: [],
    }
    person.warnings.push(warning)
    people.set(warning.partyId, person)
  }
  return [...people.values()]
}

/** The warnings and sanctions on a case, grouped under each person given them. */
export function WarningsByPerson({
  warnings,
  headingOrder = 3,
  currentIncidentId,
}: {
  warnings: WarningView[]
  headingOrder?: 3 | 4
  /** The incident on screen, which its own warnings need not link to. */
  currentIncidentId?: string
}) {
  if (warnings.length === 0) return <Text size="sm">No warnings have been given on this case.</Text>
  return (
    <Stack gap="md">
      {byPerson(warnings).map((person) => (
        <div key={person.partyId}>
          <Title order={headingOrder} size="h5">
            {person.name}
            {person.side ? ` (${SIDE_WORDS[person.side].toLowerCase()})` : ''}: {person.warnings.length}{' '}
            {person.warnings.length === 1 ? 'warning' : 'warnings'}
          </Title>
          <PlainList gap={6} mt={6}>
            {person.warnings.map((warning) => (
              <Paper key={warning.id} component="li" withBorder p="xs" radius="sm">
                <Text size="sm" fw={700}>
                  {LEVEL_LABELS[warning.level]}, {formatDate(warning.issuedAt)}
                  {warning.issuedBy ? ` by ${warning.issuedBy}` : ''}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {warning.reason}
                </Text>
                {warning.incidentId && warning.incidentId !== currentIncidentId ? (
                  <Anchor component={Link} to={`/incidents/${warning.incidentId}`} size="sm">
                    See the incident
                  </Anchor>
                ) : null}
                {warning.incidentId && warning.incidentId === currentIncidentId ? (
                  <Text size="sm" c="dimmed">
                    Given for this incident
                  </Text>
                ) : null}
              </Paper>
            ))}
          </PlainList>
        </div>
      ))}
    </Stack>
  )
}
