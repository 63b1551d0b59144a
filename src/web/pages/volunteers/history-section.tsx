import { Box, List, Table, Text } from '@mantine/core'
import { TableScroll } from '../../components/table-scroll'
import { formatDateTime } from '../../format'
import { Section } from '../referrals/shared/section'
import type { StageMove, VolunteerStage } from './types'
import { STAGE_LABELS } from './volunteer-words'

const label = (stage: string) => STAGE_LABELS[stage as VolunteerStage] ?? stage
const change = (move: StageMove) => (move.from ? `${label(move.from)} → ${label(move.to)}` : label(move.to))

/** Every move along the pipeline: when, from where to where, who made it and why. A list on a phone. */
export function HistorySection({ history, name }: { history: StageMove[]; name: string }) {
  return (
    <Section title="History">
      {history.length === 0 ? <Text>Nothing has happened yet.</Text> : null}
      {history.length > 0 ? (
        <>
          <Box visibleFrom="sm">
            <TableScroll label={`History of ${name}`} minWidth={560}>
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
                  {history.map((move) => (
                    <Table.Tr key={`${move.at}-${move.to}`}>
                      <Table.Td>{formatDateTime(move.at)}</Table.Td>
                      <Table.Td>{change(move)}</Table.Td>
                      <Table.Td>{move.by}</Table.Td>
                      <Table.Td>{move.reason ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Box>
          <List hiddenFrom="sm" spacing="sm" listStyleType="none" aria-label={`History of ${name}`}>
            {history.map((move) => (
              <List.Item key={`${move.at}-${move.to}`}>
                <Text fw={600}>{change(move)}</Text>
                <Text size="sm">
                  {formatDateTime(move.at)}, by {move.by}
                  {move.reason ? `: ${move.reason}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Section>
  )
}
