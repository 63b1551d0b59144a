import { Alert, Group, Text } from '@mantine/core'
import { IconArrowBackUp, IconCircleCheck, IconSend } from '@tabler/icons-react'
import type { ObservationSummary } from '../../api/types'
import { formatDateTime } from '../../format'
import { formatDay } from '../cases/schedule-words'
import { ObservationStatusBadge } from './observation-parts'
import classes from './observations.module.css'

/** Where the record stands: who wrote it, when it is due, and the checker's note or release. */
export function RecordState({ observation }: { observation: ObservationSummary }) {
  const { status } = observation
  return (
    <>
      <Group gap="sm">
        <ObservationStatusBadge status={status} />
        <Text size="sm">Written by {observation.author.name}</Text>
        {status === 'released' ? null : (
          <Text size="sm">Due for release by {formatDay(observation.dueOn)}</Text>
        )}
      </Group>
      {status === 'returned' && observation.returnNote ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconArrowBackUp aria-hidden="true" />}
          title={`Returned${observation.checkedBy ? ` by ${observation.checkedBy.name}` : ''}: what to change`}
        >
          <Text className={classes.text}>{observation.returnNote}</Text>
        </Alert>
      ) : null}
      {status === 'submitted' ? (
        <Alert color="blue" variant="light" icon={<IconSend aria-hidden="true" />} title="Sent for checking">
          Sent on {formatDateTime(observation.submittedAt)}. Someone other than the author checks it, then
          releases it or returns it with a note. It cannot be changed meanwhile.
        </Alert>
      ) : null}
      {status === 'released' ? (
        <Alert
          color="kin"
          variant="light"
          icon={<IconCircleCheck aria-hidden="true" />}
          title="Checked and released"
        >
          Checked by {observation.checkedBy?.name ?? 'the desk'} and released on{' '}
          {formatDateTime(observation.releasedAt)}. A released record never changes.
        </Alert>
      ) : null}
    </>
  )
}
