import { Alert, List, Text } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { ApiError, messageOf } from '../../../api/client'
import { formatDateTime } from '../../../format'
import { statusLabel } from '../labels'

/** Instants the API puts in its sentences (2026-11-20T10:00:00.000Z), in the reader's own words and time. */
const readable = (message: string) =>
  message.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, (iso) => formatDateTime(iso))

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

/**
 * The API's refusal (often a 409 CONFLICT naming the rule), shown beside the action that was
 * refused, with the whole list of what is missing when the API gives one.
 */
export function ActionError({ error, title }: { error: unknown; title: string }) {
  if (!error) return null
  const details =
    error instanceof ApiError ? (error.details as Record<string, unknown> | undefined) : undefined
  const missing = strings(details?.missing)
  const allowed = strings(details?.allowed)
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden="true" />}
    >
      <Text size="sm">{readable(messageOf(error))}</Text>
      {missing.length > 1 ? (
        <List size="sm" mt="xs">
          {missing.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      ) : null}
      {allowed.length > 0 ? (
        <Text size="sm" mt="xs">
          From here it can move to: {allowed.map(statusLabel).join(', ')}.
        </Text>
      ) : null}
    </Alert>
  )
}
