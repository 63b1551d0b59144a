import { Table, Text } from '@mantine/core'
import type { TransitionView } from '../../../api/types'
import { TableScroll } from '../../../components/table-scroll'
import { formatDateTime } from '../../../format'
import { statusLabel } from '../labels'

/** Who moved the file from one state to the next, when, and why; oldest first. */
export function TransitionsTable({ transitions, label }: { transitions: TransitionView[]; label: string }) {
  if (transitions.length === 0) return <Text>Nothing has happened yet.</Text>
  return (
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
              <Table.Td>
                {t.from ? `${statusLabel(t.from)} → ${statusLabel(t.to)}` : statusLabel(t.to)}
              </Table.Td>
              <Table.Td>{t.by}</Table.Td>
              <Table.Td>{t.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  )
}
