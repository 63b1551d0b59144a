import { Alert, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconHeart } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { api, call } from '../../api/client'
import type { FeedbackDue } from '../../api/types'
import { FormError } from '../../components/form-error'
import { PlainList } from '../../components/plain-list'
import { formatDay } from '../cases/schedule-words'
import { FeedbackForm } from './feedback-form'

const feedbackKey = ['my-feedback'] as const

/** "How did it go?": a parent's recent sessions, each with a short form until they have answered. */
export function FeedbackCard() {
  const headingId = useId()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState<string | null>(null)
  const [thanked, setThanked] = useState(false)
  const feedback = useQuery({ queryKey: feedbackKey, queryFn: () => call(api.GET('/api/my/feedback')) })
  const sessions = feedback.data?.sessions ?? []
  if (feedback.data && sessions.length === 0) return null
  const done = async () => {
    setOpen(null)
    setThanked(true)
    await queryClient.invalidateQueries({ queryKey: feedbackKey })
  }
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={headingId}>
            How did it go?
          </Title>
          <Text c="dimmed" mt={4}>
            Four quick questions about each session. The centre reads everyone’s answers together, and
            comments without names.
          </Text>
        </div>
        <FormError error={feedback.error} title="We could not load your recent sessions" />
        <div role="status">
          {thanked ? (
            <Alert color="kin" variant="light" icon={<IconHeart aria-hidden="true" />} title="Thank you">
              Your answers help the centre make sessions better for families.
            </Alert>
          ) : null}
        </div>
        {sessions.length > 0 ? (
          <PlainList gap="sm" aria-label="Your recent sessions">
            {sessions.map((session) => (
              <li key={session.sessionId}>
                {open === session.sessionId ? (
                  <FeedbackForm session={session} onDone={() => void done()} onCancel={() => setOpen(null)} />
                ) : (
                  <SessionLine
                    session={session}
                    onOpen={() => {
                      setThanked(false)
                      setOpen(session.sessionId)
                    }}
                  />
                )}
              </li>
            ))}
          </PlainList>
        ) : null}
      </Stack>
    </Card>
  )
}

function SessionLine({ session, onOpen }: { session: FeedbackDue; onOpen: () => void }) {
  const when = `${formatDay(session.date)} at ${session.localStart}`
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="sm">
        <Text fw={600}>{when}</Text>
        {session.given ? (
          <Group gap={6} c="kin.9" wrap="nowrap">
            <IconCircleCheck size={20} aria-hidden="true" />
            <Text fw={600}>Thank you — feedback given</Text>
          </Group>
        ) : (
          <Button size="md" onClick={onOpen} aria-label={`Tell us how it went on ${when}`}>
            Tell us how it went
          </Button>
        )}
      </Group>
    </Paper>
  )
}
