import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import { TableScroll } from '../../components/table-scroll'
import { formatDay } from '../../volunteering-dates'
import classes from './charts.module.css'
import forms from './forms.module.css'
import { StatusBadge } from './status-badge'
import type { StaffingOverview } from './types'

/** The numbers behind a chart, folded away under a plain summary. */
export function NumbersTable({
  label,
  head,
  rows,
}: {
  label: string
  head: string[]
  rows: (string | number)[][]
}) {
  return (
    <details className={classes.details}>
      <summary>{label}</summary>
      <Table mt="xs" striped verticalSpacing={4} maw={520}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={String(row[0])}>
              {row.map((cell, i) => (
                <Table.Td key={`${String(row[0])}-${head[i] ?? i}`}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  )
}

/** Checks, courses and policies that lapse or fall due in the next 90 days, soonest first: a table, or a list on a phone. */
export function LapsingTable({ expiring }: { expiring: StaffingOverview['expiring'] }) {
  if (expiring.length === 0) return <Text>Nothing lapses or falls due in the next 90 days.</Text>
  const key = (item: Lapsing) => `${item.volunteerId}-${item.requirement}`
  return (
    <>
      <Box visibleFrom="sm">
        <TableScroll label="What lapses, by date" minWidth={560}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Volunteer</Table.Th>
                <Table.Th scope="col">Requirement</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expiring.map((item) => (
                <Table.Tr key={key(item)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(item.on)}</Table.Td>
                  <Table.Td>
                    <VolunteerLink item={item} />
                  </Table.Td>
                  <Table.Td>{item.requirement}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Box>
      <Stack
        hiddenFrom="sm"
        component="ul"
        gap="xs"
        className={forms.plainList}
        aria-label="What lapses, by date"
      >
        {expiring.map((item) => (
          <Paper key={key(item)} component="li" withBorder p="xs" radius="md">
            <Group justify="space-between" gap="xs">
              <Text fw={700}>{formatDay(item.on)}</Text>
              <StatusBadge status={item.status} />
            </Group>
            <VolunteerLink item={item} />
            <Text size="sm">{item.requirement}</Text>
          </Paper>
        ))}
      </Stack>
    </>
  )
}

type Lapsing = StaffingOverview['expiring'][number]

function VolunteerLink({ item }: { item: Lapsing }) {
  return (
    <Anchor component={Link} to={`/volunteers/${item.volunteerId}`}>
      {item.fullName}
    </Anchor>
  )
}
