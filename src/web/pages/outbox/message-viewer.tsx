import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDateTime } from '../../format'
import { StatusBadge } from './outbox-page'
import classes from './message-viewer.module.css'

/** One email as the recipient would read it, with its delivery history. */
export function MessageViewer({ messageId, onClose }: { messageId: string; onClose: () => void }) {
  const message = useQuery({
    queryKey: ['outbox', messageId],
    queryFn: () => call(api.GET('/api/outbox/{messageId}', { params: { path: { messageId } } })),
  })
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (message.data) headingRef.current?.focus()
  }, [message.data])

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="message-heading"
      shadow="sm"
    >
      {message.isPending ? <Loading label="Loading the email" /> : null}
      <FormError error={message.error} title="We could not open this email" />
      {message.data ? (
        <Stack gap="sm">
          <Title order={2} size="h3" id="message-heading" ref={headingRef} tabIndex={-1}>
            {message.data.subject}
          </Title>
          <dl className={classes.facts}>
            <dt>To</dt>
            <dd>{message.data.to}</dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={message.data.status} />
            </dd>
            <dt>Created</dt>
            <dd>{formatDateTime(message.data.createdAt)}</dd>
            <dt>Sent</dt>
            <dd>{message.data.sentAt ? formatDateTime(message.data.sentAt) : 'Not yet'}</dd>
            <dt>Attempts</dt>
            <dd>{message.data.attempts}</dd>
            {message.data.lastError ? (
              <>
                <dt>Last problem</dt>
                <dd>{message.data.lastError}</dd>
              </>
            ) : null}
          </dl>
          <Text component="div" className={classes.body} data-testid="message-body">
            {message.data.text}
          </Text>
        </Stack>
      ) : null}
      <Group mt="md">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Card>
  )
}
