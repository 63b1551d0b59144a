import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDate, formatDateTime } from '../../format'
import { SectionCard } from './section-card'

const feedsKey = ['calendar-feeds'] as const

interface Feed {
  id: string
  label: string
  createdAt: string
  lastUsedAt: string | null
  revoked: boolean
}

/** Private calendar addresses for a phone or computer calendar: make one (shown once) and stop it. */
export function CalendarFeedsCard() {
  const feeds = useQuery({ queryKey: feedsKey, queryFn: () => call(api.GET('/api/calendar-feeds')) })
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null)
  const live = feeds.data?.feeds.filter((f) => !f.revoked) ?? []
  const stopped = feeds.data?.feeds.filter((f) => f.revoked) ?? []
  return (
    <SectionCard
      id="calendar"
      title="Calendar on your phone"
      intro="See your sessions in the calendar on your phone or computer. Kinbridge gives you a private address; your calendar app checks it for changes."
    >
      <Stack>
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title="Keep the address private"
        >
          Anyone with this address can see your sessions. Stop it at once if you lose your phone.
        </Alert>
        {created ? (
          <NewAddress label={created.label} url={created.url} onDismiss={() => setCreated(null)} />
        ) : null}
        {feeds.isPending ? <Loading label="Loading your calendar addresses" /> : null}
        <FormError error={feeds.error} title="We could not load your calendar addresses" />
        {live.length > 0 ? (
          <Stack
            gap="xs"
            component="ul"
            aria-label="Your calendar addresses"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {live.map((feed) => (
              <li key={feed.id}>
                <FeedRow feed={feed} />
              </li>
            ))}
          </Stack>
        ) : null}
        {feeds.data && live.length === 0 ? (
          <Text c="dimmed">You have no calendar address working.</Text>
        ) : null}
        {stopped.length > 0 ? (
          <Text size="sm" c="dimmed">
            Stopped: {stopped.map((f) => f.label).join(', ')}.
          </Text>
        ) : null}
        <CreateFeedForm onCreated={setCreated} />
      </Stack>
    </SectionCard>
  )
}

function NewAddress({ label, url, onDismiss }: { label: string; url: string; onDismiss: () => void }) {
  const webcal = url.replace(/^https?:/, 'webcal:')
  return (
    <Alert color="kin" variant="light" title={`Your new calendar address “${label}”`} role="status">
      <Stack gap="xs">
        <Text size="sm">Copy it now: this is the only time we show it.</Text>
        <Code block data-testid="new-feed-url" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {url}
        </Code>
        <List size="sm" spacing={2}>
          <List.Item>
            On an iPhone or iPad: open{' '}
            <Anchor href={webcal} size="sm">
              the address in your calendar
            </Anchor>
            , or in Settings choose Calendar, Accounts, Add account, Other, Add subscribed calendar, and paste
            it.
          </List.Item>
          <List.Item>
            With Google Calendar: on a computer, choose Other calendars, From URL, and paste it. Your phone
            shows it soon after.
          </List.Item>
        </List>
        <Group>
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy the address'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onDismiss}>I have added it</Button>
        </Group>
      </Stack>
    </Alert>
  )
}

function FeedRow({ feed }: { feed: Feed }) {
  const queryClient = useQueryClient()
  const [confirming, setConfirming] = useState(false)
  const revoke = useMutation({
    mutationFn: () =>
      call(api.POST('/api/calendar-feeds/{feedId}/revoke', { params: { path: { feedId: feed.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  })
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Group gap="xs">
            <Text fw={600}>{feed.label}</Text>
            <Badge color="kin" variant="light">
              Working
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Made {formatDate(feed.createdAt)}.{' '}
            {feed.lastUsedAt ? `Last checked ${formatDateTime(feed.lastUsedAt)}.` : 'Not used yet.'}
          </Text>
        </div>
        {confirming ? (
          <Group gap="xs">
            <Button
              size="xs"
              color="red.8"
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
              aria-label={`Yes, stop the address ${feed.label}`}
            >
              Yes, stop it
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </Group>
        ) : (
          <Button
            size="xs"
            variant="default"
            onClick={() => setConfirming(true)}
            aria-label={`Stop the address ${feed.label}`}
          >
            Stop this address
          </Button>
        )}
      </Group>
      <FormError error={revoke.error} title="The address was not stopped" />
    </Paper>
  )
}

function CreateFeedForm({ onCreated }: { onCreated: (created: { label: string; url: string }) => void }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { label: 'My phone' },
    validate: { label: (v) => (v.trim() ? null : 'Give it a name, such as “My phone”') },
  })
  const create = useMutation({
    mutationFn: (label: string) => call(api.POST('/api/calendar-feeds', { body: { label } })),
    onSuccess: async (result) => {
      onCreated({ label: result.feed.label, url: result.url })
      form.reset()
      await queryClient.invalidateQueries({ queryKey: feedsKey })
    },
  })
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v.label.trim()))} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Name for the new address"
            required
            maw={280}
            w="100%"
            {...form.getInputProps('label')}
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            Make a calendar address
          </Button>
        </Group>
        <FormError error={create.error} title="The address was not made" />
      </Stack>
    </form>
  )
}
