import { Alert, List, Text } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { ApiError, messageOf } from '../../api/client'
import { formatDay } from '../../volunteering-dates'
import { RULE_HINTS, stageLabel } from '../../volunteering-words'

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)

/**
 * Why the API refused, in words: its message, what to do about the rule it names, and the whole
 * list of blockers when it gives one. Field problems are shown by the fields themselves.
 */
export function Refusal({ error, title }: { error: unknown; title: string }) {
  if (!error) return null
  const details =
    error instanceof ApiError ? (error.details as Record<string, unknown> | undefined) : undefined
  const rule = text(details?.rule)
  const blockers = strings(details?.blockers)
  const allowed = strings(details?.allowed)
  const detail = text(details?.detail)
  const until = text(details?.mentoringUntil)
  const hint = rule ? RULE_HINTS[rule] : undefined
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden="true" />}
    >
      <Text size="sm">{messageOf(error).replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDay(d))}</Text>
      {detail ? <Text size="sm">Now: {detail}</Text> : null}
      {until ? <Text size="sm">The mentored year runs until {formatDay(until)}.</Text> : null}
      {hint ? (
        <Text size="sm" mt="xs">
          {hint}
        </Text>
      ) : null}
      {blockers.length > 0 ? (
        <List size="sm" mt={4} aria-label="What is missing">
          {blockers.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      ) : null}
      {allowed.length > 0 ? (
        <Text size="sm" mt="xs">
          From here they can move to: {allowed.map(stageLabel).join(', ')}.
        </Text>
      ) : null}
    </Alert>
  )
}
