import { Badge, Group, Text, UnstyledButton } from '@mantine/core'
import classes from './calendar.module.css'
import {
  familyOf,
  isCalledOff,
  partiesInOrder,
  partyLine,
  serviceOf,
  sessionWindow,
  STATUS_LABELS,
  whereOf,
} from './session-text'
import type { SessionView } from './types'

interface Props {
  session: SessionView
  timeZone: string
  mainEntrance: string
  /** In the day view the room is the column, so it is left out. */
  showRoom?: boolean
  onOpen: (session: SessionView) => void
}

/** One session in the calendar: time, family, service and both parties' windows; opens its details. */
export function SessionButton({ session, timeZone, mainEntrance, showRoom = true, onOpen }: Props) {
  const calledOff = isCalledOff(session)
  const when = sessionWindow(session, timeZone)
  return (
    <UnstyledButton
      className={classes.session}
      data-called-off={calledOff || undefined}
      onClick={() => onOpen(session)}
      aria-haspopup="dialog"
    >
      <Text component="span" display="block" fw={700} size="sm" className={classes.struck}>
        {showRoom ? `${when} · ${whereOf(session)}` : `${when} · ${serviceOf(session)}`}
      </Text>
      <Text component="span" display="block" fw={600} size="sm" className={classes.struck}>
        {familyOf(session)}
      </Text>
      {showRoom ? (
        <Text component="span" display="block" size="sm">
          {serviceOf(session)}
        </Text>
      ) : null}
      {session.status !== 'scheduled' || session.moved ? (
        <Group component="span" gap={4} my={2}>
          {session.status !== 'scheduled' ? (
            <Badge component="span" size="sm" color={calledOff ? 'gray.8' : 'kin'} variant="filled">
              {STATUS_LABELS[session.status]}
            </Badge>
          ) : null}
          {session.moved ? (
            <Badge component="span" size="sm" color="gray.8" variant="outline">
              Moved
            </Badge>
          ) : null}
        </Group>
      ) : null}
      {partiesInOrder(session).map((side) => (
        <span key={side} className={`${classes.party} ${classes.struck}`}>
          {partyLine(session, side, timeZone, mainEntrance)}
        </span>
      ))}
    </UnstyledButton>
  )
}
