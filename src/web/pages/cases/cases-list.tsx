import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { CaseSummary } from '../../api/types'
import { TableScroll } from '../../components/table-scroll'
import { LEVEL_LABELS } from '../referrals/labels'
import { RiskFlagBadges, SafetyFlagBadges } from '../referrals/shared/badges'
import { ReviewDue } from './review-due'

const children = (c: CaseSummary) =>
  c.children
    .map((child) => (child.ageYears === null ? child.name : `${child.name} (age ${child.ageYears})`))
    .join(', ')

function Flags({ item }: { item: CaseSummary }) {
  const risks = item.riskFlags.filter((f) => !(item.safetyFlags as string[]).includes(f))
  if (item.safetyFlags.length === 0 && risks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No warnings
      </Text>
    )
  return (
    <Stack gap={4}>
      <SafetyFlagBadges flags={item.safetyFlags} name={item.reference} />
      <RiskFlagBadges flags={risks} label={`Risks for ${item.reference}`} />
    </Stack>
  )
}

/** The cases as a table on wide screens and as cards on a phone. */
export function CasesList({ cases }: { cases: CaseSummary[] }) {
  return (
    <>
      <Box visibleFrom="sm">
        <TableScroll label="Cases" minWidth={820}>
          <Table verticalSpacing="sm" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Reference</Table.Th>
                <Table.Th scope="col">Family</Table.Th>
                <Table.Th scope="col">Contact level</Table.Th>
                <Table.Th scope="col">Review due</Table.Th>
                <Table.Th scope="col">Warnings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/cases/${c.id}`} fw={600} ff="monospace">
                      {c.reference}
                    </Anchor>
                    {c.status === 'closed' ? <Text size="xs">Closed</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {children(c) || c.familyLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{LEVEL_LABELS[c.serviceLevel]}</Table.Td>
                  <Table.Td>
                    <ReviewDue on={c.reviewDueOn} overdue={c.reviewOverdue} />
                  </Table.Td>
                  <Table.Td>
                    <Flags item={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Box>
      <Stack
        hiddenFrom="sm"
        gap="sm"
        component="ul"
        aria-label="Cases"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {cases.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="md" component="li">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Anchor component={Link} to={`/cases/${c.id}`} fw={700} ff="monospace">
                  {c.reference}
                </Anchor>
                <Text size="sm">{LEVEL_LABELS[c.serviceLevel]}</Text>
              </Group>
              <Text fw={600}>{children(c) || c.familyLabel}</Text>
              <Group gap="xs">
                <Text size="sm">Review:</Text>
                <ReviewDue on={c.reviewDueOn} overdue={c.reviewOverdue} />
              </Group>
              <Flags item={c} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  )
}
