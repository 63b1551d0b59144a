import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import {
  IconAlertTriangle,
  IconClipboardText,
  IconFlag,
  IconMoodSmile,
  IconPlayerStop,
  IconUserQuestion,
} from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { SAFETY_FLAG_LABELS, SERVICE_LABELS } from '../referrals/labels'
import { STATUS_LABELS } from '../calendar/session-text'
import { ChildFeedback } from './child-feedback'
import { ChildrenBlock } from './door-children'
import { NotAllowedBlock, PartyBlock, type DoorContext } from './door-people'
import type { DoorQueue } from './door-queue'
import { NotRecorded, RegisterBlock } from './door-register'
import { IncidentDialog } from './incident-dialog'
import { AttendanceNote, EndEarlyDialog } from './session-records'
import classes from './today.module.css'
import { OBSERVATION_WORDS } from './today-words'
import { UnlistedDialog } from './unlisted-dialog'
import type { DoorWarning, TodayBoard, TodaySession } from './types'

type Opened = 'unlisted' | 'incident' | 'end' | 'feedback' | null

/**
 * The session's standing warnings. The list itself is quiet; a warning that appears while the board
 * is open is read out once (role="alert"), so a screen reader is not flooded on every refresh.
 */
function Warnings({ session }: { session: TodaySession }) {
  const seen = useRef<Set<string> | null>(null)
  const [fresh, setFresh] = useState<DoorWarning[]>([])
  useEffect(() => {
    // Warnings are told apart by code: the words of one (minutes late) change every minute.
    const known = seen.current
    seen.current = new Set([...(known ?? []), ...session.warnings.map((w) => w.code)])
    if (known === null) return
    const added = session.warnings.filter((w) => !known.has(w.code))
    if (added.length > 0) setFresh(added)
  }, [session.warnings])
  return (
    <>
      <div role="alert" className="sr-only">
        {fresh.map((w) => w.message).join(' ')}
      </div>
      {session.warnings.length > 0 ? (
        <Paper p="sm" bd="2px solid var(--mantine-color-yellow-8)" bg="yellow.0">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={24} aria-hidden="true" className={classes.noShrink} />
            <div>
              <Text fw={700}>Watch out</Text>
              <List spacing={2}>
                {session.warnings.map((w) => (
                  <List.Item key={`${w.code}-${w.message}`}>{w.message}</List.Item>
                ))}
              </List>
            </div>
          </Group>
        </Paper>
      ) : null}
    </>
  )
}

function Heading({ session }: { session: TodaySession }) {
  const headingId = `session-${session.id}-heading`
  return (
    <Stack gap={6}>
      <Title order={2} size="h3" id={headingId}>
        {session.localStart}–{session.localEnd} · {session.caseReference}
        {session.familyName ? ` · ${session.familyName}` : ''}
      </Title>
      <Group gap="xs">
        <Badge color="kin" variant="light">
          {SERVICE_LABELS[session.serviceType]}
        </Badge>
        <Badge color="gray.7" variant="outline">
          {session.roomName ?? 'No room chosen'}
        </Badge>
        {session.status !== 'scheduled' ? (
          <Badge color="gray.7" variant="filled">
            {STATUS_LABELS[session.status]}
          </Badge>
        ) : null}
        {session.endedEarly ? (
          <Badge color="red.8" variant="filled">
            Ended early
          </Badge>
        ) : null}
        {session.incidents > 0 ? (
          <Badge color="red.8" variant="outline">
            {session.incidents} incident{session.incidents === 1 ? '' : 's'} reported
          </Badge>
        ) : null}
      </Group>
      {session.flags.length > 0 ? (
        <Group gap="xs" aria-label="Safety flags" role="group">
          {session.flags.map((flag) => (
            <Badge
              key={flag}
              color="red.9"
              variant="filled"
              leftSection={<IconFlag size={14} aria-hidden="true" />}
            >
              {SAFETY_FLAG_LABELS[flag]}
            </Badge>
          ))}
        </Group>
      ) : null}
      {session.endedEarly ? <Text size="sm">Ended early: {session.endedEarly.reason}</Text> : null}
    </Stack>
  )
}

function Observation({ session }: { session: TodaySession }) {
  if (!session.observation) return null
  const { status } = session.observation
  return (
    <Group gap="sm">
      <Button
        component={Link}
        to={`/sessions/${session.id}/observation`}
        // A link drawn as a button centres its label at a fixed height; a minimum leaves it at the top.
        h={44}
        leftSection={<IconClipboardText size={18} aria-hidden="true" />}
      >
        {status === 'none' ? 'Write the observation record' : 'Open the observation record'}
        <span className="sr-only"> for {session.caseReference}</span>
      </Button>
      <Badge
        color={status === 'released' ? 'kin.8' : 'gray.7'}
        variant="outline"
        className={classes.wrappingBadge}
      >
        Observation record: {OBSERVATION_WORDS[status]}
      </Badge>
    </Group>
  )
}

/** One family's session at the door: who, where, when, the taps, and what to do if it goes wrong. */
export function SessionCard({
  ctx,
  board,
  queue,
  onDismiss,
}: {
  ctx: DoorContext
  board: TodayBoard
  queue: DoorQueue
  onDismiss: (clientId: string) => void
}) {
  const [opened, setOpened] = useState<Opened>(null)
  const { session } = ctx
  const parties = [...session.parties].sort((a, b) => Number(b.first) - Number(a.first))
  const close = () => setOpened(null)
  return (
    <article
      id={`session-${session.id}`}
      className={classes.card}
      aria-labelledby={`session-${session.id}-heading`}
    >
      <Stack gap="md">
        <Heading session={session} />
        <Warnings session={session} />
        <NotRecorded queue={queue} sessionId={session.id} time={ctx.time} onDismiss={onDismiss} />
        <div className={classes.parties}>
          {parties.map((party) => (
            <PartyBlock key={party.side} ctx={ctx} party={party} />
          ))}
          <ChildrenBlock ctx={ctx} />
        </div>
        <NotAllowedBlock ctx={ctx} />
        <div className={classes.actions}>
          <Button
            variant="default"
            leftSection={<IconUserQuestion size={20} aria-hidden="true" />}
            onClick={() => setOpened('unlisted')}
            disabled={!ctx.canTap}
          >
            Someone not on the list
          </Button>
        </div>
        <RegisterBlock ctx={ctx} queue={queue} />
        <AttendanceNote key={session.attendanceNote ?? ''} session={session} canEdit={ctx.canTap} />
        <Observation session={session} />
        <div className={classes.actions}>
          <Button
            color="red.8"
            variant="outline"
            leftSection={<IconAlertTriangle size={20} aria-hidden="true" />}
            onClick={() => setOpened('incident')}
          >
            Report an incident
          </Button>
          {session.endedEarly === null && session.status === 'scheduled' ? (
            <Button
              variant="default"
              leftSection={<IconPlayerStop size={20} aria-hidden="true" />}
              onClick={() => setOpened('end')}
              disabled={!ctx.canTap}
            >
              End early
            </Button>
          ) : null}
          {session.children.length > 0 ? (
            <Button
              variant="default"
              leftSection={<IconMoodSmile size={20} aria-hidden="true" />}
              onClick={() => setOpened('feedback')}
            >
              A child’s feedback
            </Button>
          ) : null}
        </div>
      </Stack>
      {opened === 'unlisted' ? (
        <UnlistedDialog session={session} onTap={(input) => ctx.door.tap(session, input)} onClose={close} />
      ) : null}
      {opened === 'incident' ? <IncidentDialog session={session} board={board} onClose={close} /> : null}
      {opened === 'end' ? <EndEarlyDialog session={session} onClose={close} /> : null}
      {opened === 'feedback' ? <ChildFeedback session={session} onClose={close} /> : null}
    </article>
  )
}
