import { Badge, Group } from '@mantine/core'
import type { PartyRole, ReferralStatus, RiskFlag, SafetyFlag } from '../../../api/types'
import { RISK_FLAG_LABELS, ROLE_LABELS, SAFETY_FLAG_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels'

export function StatusBadge({ status }: { status: ReferralStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled">
      {STATUS_LABELS[status]}
    </Badge>
  )
}

export function RoleBadge({ role }: { role: PartyRole }) {
  return (
    <Badge color="gray" variant="light">
      {ROLE_LABELS[role]}
    </Badge>
  )
}

/** Risks the referral or assessment names; red so they are not missed. */
export function RiskFlagBadges({ flags, label }: { flags: readonly RiskFlag[]; label?: string }) {
  if (flags.length === 0) return null
  return (
    <Group gap={4} aria-label={label ?? 'Risks'} role="list">
      {flags.map((flag) => (
        <Badge key={flag} color="red" variant="light" role="listitem">
          {RISK_FLAG_LABELS[flag]}
        </Badge>
      ))}
    </Group>
  )
}

/** Warnings about one person; "must not attend" stands out in solid red. */
export function SafetyFlagBadges({ flags, name }: { flags: readonly SafetyFlag[]; name: string }) {
  if (flags.length === 0) return null
  return (
    <Group gap={4} aria-label={`Safety warnings for ${name}`} role="list">
      {flags.map((flag) => (
        <Badge
          key={flag}
          color={flag === 'must_not_attend' ? 'red.8' : 'red'}
          variant={flag === 'must_not_attend' ? 'filled' : 'light'}
          role="listitem"
        >
          {SAFETY_FLAG_LABELS[flag]}
        </Badge>
      ))}
    </Group>
  )
}

export function AwaitingOtherParentBadge() {
  return (
    <Badge color="yellow" variant="light">
      Awaiting other parent
    </Badge>
  )
}
