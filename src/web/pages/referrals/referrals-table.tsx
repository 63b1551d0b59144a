import { Anchor, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ReferralSummary } from '../../api/types'
import { TableScroll } from '../../components/table-scroll'
import { formatDate } from '../../format'
import { SERVICE_LABELS } from './labels'
import { AwaitingOtherParentBadge, RiskFlagBadges, StatusBadge } from './shared/badges'

export const age = (days: number) => (days === 1 ? '1 day' : `${days} days`)

/** The inbox list: the reference opens the referral, so it stays in view on a phone. */
export function ReferralsTable({
  referrals,
  showRisks,
}: {
  referrals: ReferralSummary[]
  showRisks: boolean
}) {
  return (
    <TableScroll label="Referrals" minWidth={760}>
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference and status</Table.Th>
            <Table.Th scope="col">Family</Table.Th>
            <Table.Th scope="col">Asked for, and by whom</Table.Th>
            <Table.Th scope="col">Waiting</Table.Th>
            {showRisks ? <Table.Th scope="col">Risks</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Anchor component={Link} to={`/referrals/${r.id}`} fw={600} ff="monospace">
                    {r.reference}
                  </Anchor>
                  <StatusBadge status={r.status} />
                </Stack>
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
                <Text size="sm">{SERVICE_LABELS[r.serviceRequested]}</Text>
                <Text size="xs" c="dimmed">
                  {r.source.label}
                </Text>
              </Table.Td>
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
