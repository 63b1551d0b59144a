import { Anchor, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ReferralSummary } from '../../api/types'
import { TableScroll } from '../../components/table-scroll'
import { formatDate } from '../../format'
import { SERVICE_LABELS } from './labels'
import { AwaitingOtherParentBadge, RiskFlagBadges, StatusBadge } from './shared/badges'

export const age = (days: number) => (days === 1 ? '1 day' : `${days} days`)

/** The inbox list: the reference opens the referral, so it stays in view on a phone. */
export function ReferralsTable({ referrals, showRisks }: { referrals: ReferralSummary[]; showRisks: boolean }) {
  return (
    <TableScroll label="Referrals" minWidth={880}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">Family</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
            <Table.Th scope="col">Service asked for</Table.Th>
            <Table.Th scope="col">Waiting</Table.Th>
            {showRisks ? <Table.Th scope="col">Risks</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/referrals/${r.id}`} fw={600} ff="monospace">
                  {r.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" fw={600}>
                    {r.familyLabel}
                  </Text>
                  {r.awaitingOtherParent ? <AwaitingOtherParentBadge /> : null}
                </Stack>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.source.label}</Table.Td>
              <Table.Td>{SERVICE_LABELS[r.serviceRequested]}</Table.Td>
              <Table.Td>
                <Text size="sm">{age(r.ageDays)}</Text>
                <Text size="xs" c="dimmed">
                  since {formatDate(r.receivedAt)}
                </Text>
              </Table.Td>
              {showRisks ? (
                <Table.Td>
                  {r.riskFlags.length > 0 ? (
                    <RiskFlagBadges flags={r.riskFlags} label={`Risks for ${r.reference}`} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      None noted
                    </Text>
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  )
}
