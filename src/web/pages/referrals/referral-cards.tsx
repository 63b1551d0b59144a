import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ReferralSummary } from '../../api/types'
import { SERVICE_LABELS } from './labels'
import { age } from './referrals-table'
import { AwaitingOtherParentBadge, RiskFlagBadges, StatusBadge } from './shared/badges'

/** The inbox on a phone: one card per referral instead of a wide table. */
export function ReferralCards({
  referrals,
  showRisks,
}: {
  referrals: ReferralSummary[]
  showRisks: boolean
}) {
  return (
    <Stack
      gap="sm"
      component="ul"
      aria-label="Referrals"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {referrals.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="md" component="li">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Anchor component={Link} to={`/referrals/${r.id}`} fw={700} ff="monospace">
                {r.reference}
              </Anchor>
              <StatusBadge status={r.status} />
            </Group>
            <Text fw={600}>{r.familyLabel}</Text>
            <Text size="sm">
              {SERVICE_LABELS[r.serviceRequested]} · {r.source.label} · waiting {age(r.ageDays)}
            </Text>
            {r.awaitingOtherParent ? (
              <Group>
                <AwaitingOtherParentBadge />
              </Group>
            ) : null}
            {showRisks ? <RiskFlagBadges flags={r.riskFlags} label={`Risks for ${r.reference}`} /> : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  )
}
