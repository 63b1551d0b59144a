import { Alert, Badge, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconAlertCircle, IconArrowBackUp } from '@tabler/icons-react'
import { useState } from 'react'
import { isPendingEvent, PENDING_PREFIX } from './door-board'
import type { DoorContext } from './door-people'
import type { DoorQueue, ItemStatus } from './door-queue'
import classes from './today.module.css'
import { eventWords } from './use-door'
import type { AttendanceEventView } from './types'

const SHOWN = 5

const STATUS_WORDS: Record<ItemStatus, string> = {
  waiting: 'Waiting to send',
  sending: 'Sending',
  confirm: 'Needs your go-ahead',
  failed: 'Not recorded',
}

function lineStatus(event: AttendanceEventView, queue: DoorQueue): ItemStatus | 'recorded' | 'undone' {
  if (event.voided) return 'undone'
  if (!isPendingEvent(event)) return 'recorded'
  const clientId = event.id.slice(PENDING_PREFIX.length)
  return queue.find((item) => item.op.clientId === clientId)?.status ?? 'waiting'
}

function StatusBadge({ status }: { status: ReturnType<typeof lineStatus> }) {
  if (status === 'recorded')
    return (
      <Badge color="kin" variant="light">
        Recorded
      </Badge>
    )
  if (status === 'undone')
    return (
      <Badge color="gray" variant="light">
        Undone
      </Badge>
    )
  return (
    // Dark amber: Mantine's yellow is too light for words on white.
    <Badge color="#8a5100" variant="outline">
      {STATUS_WORDS[status]}
    </Badge>
  )
}

/** What has happened at the door for this family, newest first, each with an undo for a mis-tap. */
export function RegisterBlock({ ctx, queue }: { ctx: DoorContext; queue: DoorQueue }) {
  const [all, setAll] = useState(false)
  const events = [...ctx.session.events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  const shown = all ? events : events.slice(0, SHOWN)
  return (
    <div>
      <Title order={3} size="h4">
        What has happened
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      ) : (
        <ul className={classes.register}>
          {shown.map((event) => {
            const status = lineStatus(event, queue)
            const words = `${eventWords(event)}${event.listed ? '' : ' (not on the list)'}`
            const time = ctx.time(event.at)
            return (
              <li key={event.id} className={classes.registerLine} data-voided={event.voided || undefined}>
                <Text className={classes.registerText}>
                  <strong>{time}</strong> {words}
                </Text>
                <Group gap="xs">
                  <StatusBadge status={status} />
                  {status !== 'undone' && status !== 'sending' ? (
                    <Button
                      variant="default"
                      size="sm"
                      mih={44}
                      leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}
                      onClick={() => ctx.door.undo(event)}
                      disabled={!ctx.canTap}
                    >
                      Undo<VisuallyHidden> {`${words} at ${time}`}</VisuallyHidden>
                    </Button>
                  ) : null}
                </Group>
              </li>
            )
          })}
        </ul>
      )}
      {events.length > SHOWN ? (
        <Button variant="subtle" onClick={() => setAll(!all)} aria-expanded={all} mt={4}>
          {all ? 'Show the latest only' : `Show all ${events.length}`}
        </Button>
      ) : null}
    </div>
  )
}

/** Taps the server refused for good, with its reason, until the volunteer dismisses them. */
export function NotRecorded({
  queue,
  sessionId,
  time,
  onDismiss,
}: {
  queue: DoorQueue
  sessionId: string
  time: (iso: string) => string
  onDismiss: (clientId: string) => void
}) {
  const failed = queue.filter((item) => item.status === 'failed' && item.op.sessionId === sessionId)
  if (failed.length === 0) return null
  return (
    <Stack gap="xs">
      {failed.map(({ op, message }) => (
        <Alert
          key={op.clientId}
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden="true" />}
          title={`Not recorded: ${op.type === 'tap' ? eventWords(op) : 'undo'} at ${time(op.at)}`}
        >
          <Group justify="space-between" gap="xs">
            <Text size="sm">{message}</Text>
            <Button variant="default" size="sm" mih={44} onClick={() => onDismiss(op.clientId)}>
              Dismiss
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  )
}
