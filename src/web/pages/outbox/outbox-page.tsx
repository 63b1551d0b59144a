import { Alert, Anchor, Badge, Stack, Table, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { OutboxMessageView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { formatDateTime } from '../../format'
import { MessageViewer } from './message-viewer'
import { TableScroll } from '../../components/table-scroll'

export const STATUS_BADGE: Record<OutboxMessageView['status'], { label: string; color: string }> = {
  // Amber dark enough for white text (6.4:1).
  pending: { label: 'Waiting to send', color: '#8a5100' },
  sent: { label: 'Sent', color: 'kin' },
  failed: { label: 'Failed', color: 'red.8' },
}

export function StatusBadge({ status }: { status: OutboxMessageView['status'] }) {
  return (
    <Badge color={STATUS_BADGE[status].color} variant="filled">
      {STATUS_BADGE[status].label}
    </Badge>
  )
}

/** Outgoing email, newest first, with a reader for each message. Administrators only. */
export function OutboxPage() {
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => call(api.GET('/api/outbox')) })
  const [openId, setOpenId] = useState<string | null>(null)

  return (
    <>
      <PageTitle title="Outbox" intro="Emails Kinbridge sends: invitations, password resets and notices." />
      {outbox.isPending ? <Loading label="Loading the outbox" /> : null}
      <FormError error={outbox.error} title="We could not load the outbox" />
      {outbox.data ? (
        <Stack gap="lg">
          {outbox.data.deliveryConfigured ? null : (
            <Alert
              color="blue"
              variant="light"
              title="Email sending is not set up"
              icon={<IconInfoCircle aria-hidden="true" />}
            >
              Kinbridge cannot send email yet, so messages stay here and nobody receives them. You can open a
              message below and pass on what it says, for example an invitation link, in another safe way.
              Your technical contact can set up sending (SMTP_URL).
            </Alert>
          )}
          {openId ? <MessageViewer messageId={openId} onClose={() => setOpenId(null)} /> : null}
          {outbox.data.messages.length === 0 ? <Text>No emails yet.</Text> : null}
          {outbox.data.messages.length > 0 ? (
            <TableScroll label="Outgoing emails" minWidth={560}>
              <Table verticalSpacing="sm" striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Subject</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">To</Table.Th>
                    <Table.Th scope="col">Created</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outbox.data.messages.map((message) => (
                    <Table.Tr key={message.id}>
                      <Table.Td>
                        {/* The subject opens the message: the most useful thing stays in view on a phone. */}
                        <Anchor
                          component="button"
                          type="button"
                          ta="left"
                          onClick={() => setOpenId(message.id)}
                        >
                          {message.subject}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={message.status} />
                      </Table.Td>
                      <Table.Td>{message.to}</Table.Td>
                      <Table.Td>{formatDateTime(message.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : null}
        </Stack>
      ) : null}
    </>
  )
}
