import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { isUrgent, STAGE_LABELS } from '../../volunteering-words'
import classes from './forms.module.css'
import { StatusBadge } from './status-badge'
import type { Matrix } from './types'

type Row = Matrix['rows'][number]

/**
 * On a phone: each volunteer with only what needs looking at. Courses merely due after starting are
 * counted rather than listed, so what is urgent is not lost among them.
 */
export function ComplianceList({ rows }: { rows: Row[] }) {
  const withProblems = rows
    .map((row) => ({
      ...row,
      urgent: row.cells.filter((c) => isUrgent(c.status)),
      due: row.cells.filter((c) => c.status === 'due').length,
    }))
    .filter((row) => row.urgent.length > 0 || row.due > 0)
  if (withProblems.length === 0) return <Text>Everyone is in order.</Text>
  return (
    <Stack
      component="ul"
      gap="sm"
      className={classes.plainList}
      aria-label="Volunteers with something to look at"
    >
      {withProblems.map(({ volunteer, urgent, due }) => (
        <Paper key={volunteer.id} component="li" withBorder p="sm" radius="md">
          <Anchor component={Link} to={`/volunteers/${volunteer.id}`} fw={700}>
            {volunteer.fullName}
          </Anchor>
          <Text size="sm" c="dimmed">
            {STAGE_LABELS[volunteer.stage]}
          </Text>
          <Stack component="ul" gap="xs" mt="xs" className={classes.plainList}>
            {urgent.map((cell) => (
              <li key={cell.requirementId}>
                <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                  <Text size="sm" fw={600}>
                    {cell.title}
                  </Text>
                  <StatusBadge status={cell.status} />
                </Group>
                <Text size="sm">{cell.detail}</Text>
              </li>
            ))}
          </Stack>
          {due > 0 ? (
            <Text size="sm" mt="xs">
              {due === 1 ? 'One more is' : `${due} more are`} due after starting; see their file.
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  )
}
