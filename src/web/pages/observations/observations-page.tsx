import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { api, call } from '../../api/client'
import type { ObservationSummary } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { PlainList } from '../../components/plain-list'
import { formatDate } from '../../format'
import { formatDayShort } from '../cases/schedule-words'
import { ObservationStatusBadge } from './observation-parts'
import { authorQueue, deskQueue, type QueueGroup } from './observation-queue'

/** Today's date where the reader is, as `YYYY-MM-DD`. */
const localToday = () => {
  const now = new Date()
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
}

export const observationsQuery = {
  queryKey: ['observations'] as const,
  queryFn: () => call(api.GET('/api/observations')),
}

/**
 * Session records to write and to check. The desk sees its centres' records in the order they
 * need attention; a volunteer sees the records they wrote.
 */
export function ObservationsPage() {
  const session = useSession()
  const isDesk = hasRole(session.data, 'admin', 'coordinator')
  const records = useQuery(observationsQuery)
  const userId = session.data?.user.id ?? ''
  const today = localToday()
  const list = records.data?.observations ?? []
  const groups = isDesk ? deskQueue(list, today) : authorQueue(list)
  return (
    <>
      <PageTitle
        title={isDesk ? 'Session records' : 'My session records'}
        intro={
          isDesk
            ? 'Records of supervised sessions: check and release them, or return them to their author.'
            : 'The records you wrote of supervised sessions, and where each one stands.'
        }
      />
      <Stack gap="xl">
        {records.isPending ? <Loading label="Loading session records" /> : null}
        <FormError error={records.error} title="We could not load the session records" />
        {records.data && groups.length === 0 ? <Text>There are no session records to show.</Text> : null}
        {groups.map((group) => (
          <QueueSection key={group.key} group={group} userId={userId} isDesk={isDesk} today={today} />
        ))}
      </Stack>
    </>
  )
}

function QueueSection({
  group,
  userId,
  isDesk,
  today,
}: {
  group: QueueGroup
  userId: string
  isDesk: boolean
  today: string
}) {
  const headingId = `queue-${group.key}`
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {group.title} ({group.records.length})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {group.intro}
      </Text>
      <PlainList gap="sm">
        {group.records.map((record) => (
          <RecordCard key={record.id} record={record} userId={userId} isDesk={isDesk} today={today} />
        ))}
      </PlainList>
    </section>
  )
}

function RecordCard({
  record,
  userId,
  isDesk,
  today,
}: {
  record: ObservationSummary
  userId: string
  isDesk: boolean
  today: string
}) {
  const isAuthor = record.author.id === userId
  const to = isDesk && !isAuthor ? `/observations/${record.id}` : `/sessions/${record.sessionId}/observation`
  const overdue = record.status !== 'released' && record.dueOn < today
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Anchor component={Link} to={to} fw={700}>
            Case {record.caseReference}: {formatDayShort(record.date)}, {record.localStart} to{' '}
            {record.localEnd}
          </Anchor>
          <ObservationStatusBadge status={record.status} />
        </Group>
        <Group gap="xs">
          <Text size="sm">Written by {isAuthor ? 'you' : record.author.name}</Text>
          {record.status === 'released' ? (
            <Text size="sm">
              Released {formatDate(record.releasedAt)}
              {record.checkedBy ? ` by ${record.checkedBy.name}` : ''}
            </Text>
          ) : (
            <Text size="sm" fw={overdue ? 700 : undefined} c={overdue ? 'red.8' : undefined}>
              {overdue ? (
                <IconAlertTriangle size={16} aria-hidden="true" style={{ verticalAlign: 'text-bottom' }} />
              ) : null}{' '}
              {overdue ? 'Overdue: was due' : 'Due'} by {formatDayShort(record.dueOn)}
            </Text>
          )}
        </Group>
        {isDesk && isAuthor && record.status === 'submitted' ? (
          <Text size="sm" c="dimmed">
            You wrote this record, so someone else must check it.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
