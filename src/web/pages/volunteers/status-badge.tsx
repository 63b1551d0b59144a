import { Badge } from '@mantine/core'
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconClock,
  IconClockExclamation,
  IconMinus,
  IconRefresh,
  type Icon,
} from '@tabler/icons-react'
import { STATUS_COLORS, STATUS_LABELS } from '../../volunteering-words'
import type { RequirementStatus } from './types'

/** A shape for each status, so it reads without colour too. */
export const STATUS_ICONS: Record<RequirementStatus, Icon> = {
  ok: IconCircleCheck,
  expiring: IconAlertTriangle,
  renewal: IconRefresh,
  due: IconClock,
  expired: IconCircleX,
  overdue: IconClockExclamation,
  missing: IconAlertOctagon,
  optional: IconMinus,
}

/** Where a volunteer stands on one requirement: a word, an icon and a colour. */
export function StatusBadge({ status }: { status: RequirementStatus }) {
  const StatusIcon = STATUS_ICONS[status]
  const problem = status === 'expired' || status === 'overdue' || status === 'missing'
  return (
    <Badge
      color={problem ? 'red.9' : STATUS_COLORS[status]}
      variant={problem ? 'filled' : 'light'}
      leftSection={<StatusIcon size={14} aria-hidden="true" />}
    >
      {status === 'optional' ? 'Optional, not done' : STATUS_LABELS[status]}
    </Badge>
  )
}
