import { Badge, Group, Text } from '@mantine/core'
import { IconAlertOctagon, IconBell, IconBellCheck } from '@tabler/icons-react'
import type { IncidentStatus, IncidentSummary, Severity } from '../../api/types'
import { INCIDENT_STATUS_LABELS, referrerNotice, SEVERITY_COLORS, SEVERITY_LABELS } from './incident-words'

/** The severity in words; a critical incident also says so with an icon, never by colour alone. */
export function SeverityBadges({ severity, critical }: { severity: Severity; critical: boolean }) {
  return (
    <Group gap={4}>
      {critical ? (
        <Badge color="red.9" variant="filled" leftSection={<IconAlertOctagon size={14} aria-hidden="true" />}>
          Critical incident
        </Badge>
      ) : null}
      {critical && severity === 'critical' ? null : (
        <Badge color={SEVERITY_COLORS[severity]} variant="filled">
          Severity: {SEVERITY_LABELS[severity]}
        </Badge>
      )}
    </Group>
  )
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <Badge color={status === 'open' ? 'blue.8' : 'gray.7'} variant="filled">
      {INCIDENT_STATUS_LABELS[status]}
    </Badge>
  )
}

/** "Referrer to be told by Mon 30 Nov, 10:00", or when they were told; late ones stand out in words. */
export function ReferrerLine({
  incident,
  now,
}: {
  incident: Pick<IncidentSummary, 'referrerDueAt' | 'referrerNotifiedAt'>
  now: number
}) {
  const notice = referrerNotice(incident, now)
  if (!notice) return null
  const Icon = incident.referrerNotifiedAt ? IconBellCheck : IconBell
  return (
    <Text size="sm" fw={notice.late ? 700 : undefined} c={notice.late ? 'red.8' : undefined}>
      <Icon size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
      {notice.words}
    </Text>
  )
}
