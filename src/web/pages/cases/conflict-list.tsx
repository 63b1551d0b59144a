import { Alert, List, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { Conflict } from '../../api/types'
import { formatDay, formatDayShort, ruleWords } from './schedule-words'

interface Group {
  rule: string
  message: string
  dates: string[]
}

/** The same clash on many dates (a series outside opening hours, say) is said once, with its dates. */
function groupConflicts(conflicts: readonly Conflict[]): Group[] {
  const groups = new Map<string, Group>()
  for (const c of conflicts) {
    const key = `${c.rule}\u0000${c.message}`
    const group = groups.get(key) ?? { rule: c.rule, message: c.message, dates: [] }
    if (!group.dates.includes(c.date)) group.dates.push(c.date)
    groups.set(key, group)
  }
  return [...groups.values()]
}

const SHOWN_DATES = 6

function datesWords(dates: string[]): string {
  const shown = dates.slice(0, SHOWN_DATES).map(formatDayShort).join(', ')
  const more = dates.length - SHOWN_DATES
  return more > 0 ? `${shown} and ${more} more` : shown
}

function ConflictItem({ group, showDate }: { group: Group; showDate: boolean }) {
  const single = group.dates.length === 1
  return (
    <List.Item>
      <Text size="sm">
        {showDate && single ? (
          <Text span size="sm" fw={600}>
            {formatDay(group.dates[0] ?? '')}:{' '}
          </Text>
        ) : null}
        <Text span size="sm" fw={600}>
          {ruleWords(group.rule)}.
        </Text>{' '}
        {group.message}
        {showDate && !single ? ` On ${group.dates.length} dates: ${datesWords(group.dates)}.` : ''}
      </Text>
    </List.Item>
  )
}

/** Every clash a booking would have, each with its date, what rule it breaks and why. */
export function ConflictList({
  conflicts,
  title,
  showDate = true,
}: {
  conflicts: readonly Conflict[]
  title: string
  showDate?: boolean
}) {
  if (conflicts.length === 0) return null
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden="true" />}
      data-testid="conflicts"
    >
      <List size="sm" spacing={6}>
        {groupConflicts(conflicts).map((group) => (
          <ConflictItem key={`${group.rule}-${group.message}`} group={group} showDate={showDate} />
        ))}
      </List>
    </Alert>
  )
}

/** The green answer when a time can be booked. */
export function FitsAlert({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Alert color="kin" variant="light" title={title} icon={<IconCircleCheck aria-hidden="true" />}>
      {children}
    </Alert>
  )
}
