import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconUserExclamation } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { api, ApiError, call } from '../../api/client'
import type { ObservationView } from '../../api/types'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { isStale } from '../cases/schedule-queries'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { SectionsText, sessionWords } from './observation-parts'
import { RecordState } from './record-state'

const observationKey = (id: string) => ['observations', id] as const

/** One session record to read, and for the desk to release or return to its author. */
export function ObservationCheckPage() {
  const { observationId = '' } = useParams()
  const record = useQuery({
    queryKey: observationKey(observationId),
    queryFn: () =>
      call(api.GET('/api/observations/{observationId}', { params: { path: { observationId } } })),
  })
  if (record.isPending) return <Loading label="Loading the session record" />
  if (!record.data) {
    return (
      <>
        <PageTitle title="Session record" />
        <FormError error={record.error} title="We could not load this session record" />
      </>
    )
  }
  return <CheckView observation={record.data} />
}

function CheckView({ observation }: { observation: ObservationView }) {
  const session = useSession()
  const isDesk = hasRole(session.data, 'admin', 'coordinator')
  const isAuthor = observation.author.id === session.data?.user.id
  return (
    <>
      <PageTitle title="Session record" intro={sessionWords(observation)} />
      <Stack gap="md">
        <Group gap="md">
          <Anchor component={Link} to="/observations" size="sm">
            {isDesk ? 'All session records' : 'My session records'}
          </Anchor>
          {isAuthor && observation.can.edit ? (
            <Anchor component={Link} to={`/sessions/${observation.sessionId}/observation`} size="sm">
              Open it to write
            </Anchor>
          ) : null}
        </Group>
        <RecordState observation={observation} />
        {isDesk && observation.status === 'submitted' ? (
          <CheckActions observation={observation} isAuthor={isAuthor} />
        ) : null}
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="record-heading">
          <Title order={2} size="h3" id="record-heading" mb="sm">
            What was recorded
          </Title>
          <SectionsText sections={observation.sections} />
        </Card>
      </Stack>
    </>
  )
}

/** Release or return, by someone at the desk who did not write the record (domain rules 4.4). */
function CheckActions({ observation, isAuthor }: { observation: ObservationView; isAuthor: boolean }) {
  const queryClient = useQueryClient()
  const [returning, setReturning] = useState(false)
  const done = async (result: ObservationView) => {
    queryClient.setQueryData(observationKey(observation.id), result)
    await queryClient.invalidateQueries({ queryKey: ['observations'], exact: true })
  }
  const release = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/observations/{observationId}/release', {
          params: { path: { observationId: observation.id } },
          body: { version: observation.version },
        }),
      ),
    onSuccess: async (result) => {
      await done(result)
      notifyDone('Record released', 'It can now go into reports to the referrer. It will not change again.')
    },
  })
  const blocked = isAuthor || !observation.can.release
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="check-heading">
      <Title order={2} size="h3" id="check-heading" mb="xs">
        Check this record
      </Title>
      <Stack gap="sm">
        {isAuthor ? (
          <Alert color="yellow" variant="light" icon={<IconUserExclamation aria-hidden="true" />}>
            Someone other than the author must check this record. You wrote it, so another coordinator
            releases or returns it.
          </Alert>
        ) : (
          <Text size="sm">
            Check that it records facts, not opinions, and holds no address, phone number or school. Release
            it when it is right; otherwise return it to {observation.author.name} saying what to change.
          </Text>
        )}
        <Group>
          <Button onClick={() => release.mutate()} loading={release.isPending} disabled={blocked}>
            Release
          </Button>
          <Button variant="default" onClick={() => setReturning(true)} disabled={blocked}>
            Return to the author with a note
          </Button>
        </Group>
        <ActionError
          error={release.error}
          title={
            isStale(release.error) ? 'The record changed: reload the page' : 'The record was not released'
          }
        />
      </Stack>
      {returning ? (
        <ReturnDialog observation={observation} onDone={done} onClose={() => setReturning(false)} />
      ) : null}
    </Card>
  )
}

function ReturnDialog({
  observation,
  onDone,
  onClose,
}: {
  observation: ObservationView
  onDone: (result: ObservationView) => Promise<void>
  onClose: () => void
}) {
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (v) => (v.trim() ? null : 'Say what the author should change') },
  })
  const send = useMutation({
    mutationFn: (note: string) =>
      call(
        api.POST('/api/observations/{observationId}/return', {
          params: { path: { observationId: observation.id } },
          body: { version: observation.version, note },
        }),
      ),
    onSuccess: async (result) => {
      await onDone(result)
      notifyDone('Record returned', `${observation.author.name} is told by email, without any of the record.`)
      onClose()
    },
    onError: (error) => error instanceof ApiError && form.setErrors(error.fieldErrors()),
  })
  return (
    <Dialog title="Return the record to its author" onClose={onClose}>
      <form onSubmit={form.onSubmit((values) => send.mutate(values.note.trim()))} noValidate>
        <Stack>
          <Textarea
            label="What should the author change?"
            description="They see this note at the top of the record."
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <ActionError error={send.error} title="The record was not returned" />
          <Group>
            <Button type="submit" loading={send.isPending}>
              Return the record
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
