import { Alert, Anchor, Group, Stack } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { Link, useParams } from 'react-router'
import { hasRole, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { readableDates } from '../cases/schedule-words'
import { ObservationEditor } from './observation-editor'
import { sessionWords } from './observation-parts'
import { RecordState } from './record-state'
import { useSessionObservation } from './session-observation'

/** The observation record of one session: written here by its author, read by the desk. */
export function ObservationEditorPage() {
  const { sessionId = '' } = useParams()
  const session = useSession()
  const record = useSessionObservation(sessionId)
  const user = session.data?.user
  if (record.isPending || !user) return <Loading label="Loading the session record" />
  if (!record.data) {
    return (
      <>
        <PageTitle title="Session record" />
        <FormError error={record.error} title="We could not load this session’s record" />
      </>
    )
  }
  const { allowed, reason, observation } = record.data
  const facts = observation ?? record.data.session
  const isDesk = hasRole(session.data, 'admin', 'coordinator')
  return (
    <>
      <PageTitle title="Session record" intro={facts ? sessionWords(facts) : undefined} />
      <Stack gap="md">
        <Group gap="md">
          <Anchor component={Link} to="/observations" size="sm">
            {isDesk ? 'All session records' : 'My session records'}
          </Anchor>
          {observation?.can.release ? (
            <Anchor component={Link} to={`/observations/${observation.id}`} size="sm">
              Check this record
            </Anchor>
          ) : null}
        </Group>
        {reason ? (
          <Alert
            color={allowed ? 'blue' : 'gray'}
            variant="light"
            icon={<IconInfoCircle aria-hidden="true" />}
            title={allowed ? 'Not open to you now' : 'No session record for this session'}
          >
            {readableDates(reason)}.
            {allowed ? null : ' Use the register for arrivals and departures, and report any incident.'}
          </Alert>
        ) : null}
        {allowed && !reason ? (
          <ObservationEditor
            key={sessionId}
            sessionId={sessionId}
            user={{ id: user.id, email: user.email }}
            initial={observation}
          />
        ) : null}
        {reason && observation ? <RecordState observation={observation} /> : null}
      </Stack>
    </>
  )
}
