import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { api, call } from '../../api/client'
import type { MySession } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { Facts } from '../referrals/shared/facts'
import { formatDay, formatTime, placeOfZone } from '../cases/schedule-words'
import { useNow } from '../cases/schedule-queries'

const STATUS: Record<MySession['status'], { label: string; color: string }> = {
  scheduled: { label: 'Booked', color: 'blue.8' },
  cancelled: { label: 'Cancelled: please do not come', color: 'red.8' },
  completed: { label: 'Done', color: 'kin' },
  did_not_attend: { label: 'Missed', color: 'gray.7' },
}

const EARLIER_SHOWN = 3
const children = new Intl.ListFormat('en-GB', { type: 'conjunction' })

/** A parent's own sessions: when to arrive and leave, which door, where to wait. Nothing of the other parent. */
export function MySessionsCard() {
  const headingId = useId()
  const now = new Date(useNow()).toISOString()
  const [allEarlier, setAllEarlier] = useState(false)
  const sessions = useQuery({
    queryKey: ['my-sessions'],
    queryFn: () => call(api.GET('/api/my/sessions')),
  })
  const data = sessions.data
  const upcoming = data?.sessions.filter((s) => s.leavesAt > now) ?? []
  const earlier = (data?.sessions.filter((s) => s.leavesAt <= now) ?? []).reverse()
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={headingId}>
            Your sessions
          </Title>
          <Text c="dimmed" mt={4}>
            {data?.timeZone
              ? `Your own times to arrive and leave. Times are ${placeOfZone(data.timeZone)} time.`
              : 'Your own times to arrive and leave.'}
          </Text>
        </div>
        {sessions.isPending ? <Loading label="Loading your sessions" /> : null}
        <FormError error={sessions.error} title="We could not load your sessions" />
        {data && upcoming.length === 0 ? (
          <Text>No sessions are booked for you yet. The centre will email you when one is.</Text>
        ) : null}
        {data && upcoming.length > 0 ? (
          <Stack
            gap="sm"
            component="ul"
            aria-label="Sessions coming up"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {upcoming.map((s) => (
              <li key={s.id}>
                <MySessionItem session={s} timeZone={data.timeZone} />
              </li>
            ))}
          </Stack>
        ) : null}
        {data && earlier.length > 0 ? (
          <Stack gap="sm">
            <Title order={3} size="h4">
              Earlier sessions
            </Title>
            <Stack
              gap="sm"
              component="ul"
              aria-label="Earlier sessions"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {(allEarlier ? earlier : earlier.slice(0, EARLIER_SHOWN)).map((s) => (
                <li key={s.id}>
                  <MySessionItem session={s} timeZone={data.timeZone} />
                </li>
              ))}
            </Stack>
            {earlier.length > EARLIER_SHOWN ? (
              <Button variant="subtle" w="fit-content" onClick={() => setAllEarlier((v) => !v)}>
                {allEarlier ? 'Show fewer' : `Show all ${earlier.length} earlier sessions`}
              </Button>
            ) : null}
          </Stack>
        ) : null}
        <Text size="sm">
          To see your sessions in your phone’s calendar, go to{' '}
          <Anchor component={Link} to="/account#calendar">
            My account
          </Anchor>
          .
        </Text>
      </Stack>
    </Card>
  )
}

function MySessionItem({ session, timeZone }: { session: MySession; timeZone: string | null }) {
  const arrive = timeZone ? formatTime(session.arrivesAt, timeZone) : session.localArrival
  const leave = timeZone ? formatTime(session.leavesAt, timeZone) : session.localDeparture
  const status = STATUS[session.status]
  const cancelled = session.status === 'cancelled'
  return (
    <Paper withBorder p="sm" radius="md" bg={cancelled ? 'gray.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700} td={cancelled ? 'line-through' : undefined}>
            {formatDay(session.date)}
          </Text>
          <Badge color={status.color} variant="filled">
            {status.label}
          </Badge>
        </Group>
        <Facts
          facts={[
            { label: 'Arrive at', value: <strong>{arrive}</strong> },
            { label: 'You can leave at', value: <strong>{leave}</strong> },
            { label: 'Come in by', value: session.entrance ?? 'The main entrance' },
            { label: 'Wait in', value: session.waitingRoom },
            { label: 'Where', value: [session.place, session.address].filter(Boolean).join(', ') },
            { label: 'With', value: children.format(session.childrenNames) },
          ]}
        />
      </Stack>
    </Paper>
  )
}
