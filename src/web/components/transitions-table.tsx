import { Box, List, Table, Text } from '@mantine/core'
import { formatDateTime } from '../format'
import { TableScroll } from './table-scroll'

/** One move of a file from one state to the next, as the API records it. */
export interface Transition {
  from: string | null
  to: string
  by: string
  at: string
  reason: string | null
}

/**
 * Who moved a file from one state to the next, when and why, oldest first: a table, and on a phone
 * a list that needs no sideways scrolling. `stateLabel` says a state in the area's own words.
 */
export function TransitionsTable({
  transitions,
  label,
  stateLabel,
}: {
  transitions: readonly Transition[]
  label: string
  stateLabel: (state: string) => string
}) {
  if (transitions.length === 0) return <Text>Nothing has happened yet.</Text>
  const change = (t: Transition) =>
    t.from ? `${stateLabel(t.from)} → ${stateLabel(t.to)}` : stateLabel(t.to)
  return (
    <>
      <Box visibleFrom="sm">
        <TableScroll label={label} minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">Who</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transitions.map((t) => (
                <Table.Tr key={`${t.at}-${t.to}`}>
                  <Table.Td>{formatDateTime(t.at)}</Table.Td>
                  <Table.Td>{change(t)}</Table.Td>
                  <Table.Td>{t.by}</Table.Td>
                  <Table.Td>{t.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Box>
      <List hiddenFrom="sm" spacing="sm" listStyleType="none" aria-label={label}>
        {transitions.map((t) => (
          <List.Item key={`${t.at}-${t.to}`}>
            <Text fw={600}>{change(t)}</Text>
            <Text size="sm">
              {formatDateTime(t.at)}, by {t.by}
              {t.reason ? `: ${t.reason}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  )
}
