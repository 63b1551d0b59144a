import { Badge, Group, Text } from '@mantine/core'
import { formatLocalDate } from '../referrals/dates'

/** The next review date, in red with an "Overdue" badge when it has passed. */
export function ReviewDue({ on, overdue }: { on: string; overdue: boolean }) {
  if (!overdue) return <Text size="sm">{formatLocalDate(on)}</Text>
  return (
    <Group gap={6}>
      <Text size="sm" c="red.9" fw={700}>
        {formatLocalDate(on)}
      </Text>
      <Badge color="red.8" variant="filled">
        Overdue
      </Badge>
    </Group>
  )
}
