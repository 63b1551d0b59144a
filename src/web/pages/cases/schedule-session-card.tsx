import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { SessionView, Side } from '../../api/types'
import { SERVICE_LABELS } from '../referrals/labels'
import { CancelSessionDialog, OutcomeDialog } from './schedule-session-dialogs'
import { MoveSessionDialog } from './schedule-move-dialog'
import { useNow } from './schedule-queries'
import {
  CANCELLER_WORDS,
  formatDay,
  formatTime,
  noticeWords,
  offsiteWords,
  OUTCOME_WORDS,
  SIDE_WORDS,
  STATUS_COLORS,
  STATUS_WORDS,
} from './schedule-words'

type Open = 'move' | 'cancel' | 'outcome' | null

/** One session: when, where, each party's own times and door, and what happened. */
export function SessionCard({
  session,
  timeZone,
  canChange,
}: {
  session: SessionView
  timeZone: string
  canChange: boolean
}) {
  const [open, setOpen] = useState<Open>(null)
  const when = `${formatDay(session.date)}, ${formatTime(session.startsAt, timeZone)}`
  const now = useNow()
  const hasStarted = Date.parse(session.startsAt) <= now
  const canMove = canChange && session.status === 'scheduled' && !hasStarted
  const canRecord = canChange && hasStarted && session.status !== 'cancelled' && session.status !== 'skipped'
  const dimmed = session.status === 'cancelled' || session.status === 'skipped'
  return (
    <Paper withBorder p="sm" radius="md" bg={dimmed ? 'gray.0' : undefined}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" align="flex-start">
          <Text fw={700} td={dimmed ? 'line-through' : undefined}>
            {formatDay(session.date)}, {formatTime(session.startsAt, timeZone)}–
            {formatTime(session.endsAt, timeZone)}
          </Text>
          <Group gap={4}>
            <Badge color={STATUS_COLORS[session.status]} variant="filled">
              {STATUS_WORDS[session.status]}
            </Badge>
            {session.moved ? (
              <Badge color="blue" variant="light">
                Moved
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm">
          {SERVICE_LABELS[session.serviceType]}
          {session.roomName ? `, ${session.roomName}` : ''}
          {session.venueName ? `, ${session.venueName}` : ''}
          {session.offsite ? `, away from the centre: ${session.offsite.place}` : ''}
        </Text>
        {session.offsite ? <OffsiteLine offsite={session.offsite} /> : null}
        <PartyLine side={session.firstParty} session={session} timeZone={timeZone} />
        <PartyLine
          side={session.firstParty === 'resident' ? 'non_resident' : 'resident'}
          session={session}
          timeZone={timeZone}
        />
        <Cancellation session={session} />
        <OutcomeLine session={session} />
        {canMove || canRecord ? (
          <Group gap="xs" mt={4}>
            {canMove ? (
              <>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setOpen('move')}
                  aria-label={`Move the session on ${when}`}
                >
                  Move
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setOpen('cancel')}
                  aria-label={`Cancel the session on ${when}`}
                >
                  Cancel session
                </Button>
              </>
            ) : null}
            {canRecord ? (
              <Button
                size="xs"
                variant="default"
                onClick={() => setOpen('outcome')}
                aria-label={`Record who came on ${when}`}
              >
                {session.outcome ? 'Change who came' : 'Record who came'}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
      <MoveSessionDialog session={session} opened={open === 'move'} onClose={() => setOpen(null)} />
      {open === 'cancel' ? (
        <CancelSessionDialog session={session} timeZone={timeZone} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'outcome' ? <OutcomeDialog session={session} onClose={() => setOpen(null)} /> : null}
    </Paper>
  )
}

function PartyLine({ side, session, timeZone }: { side: Side; session: SessionView; timeZone: string }) {
  const party = side === 'resident' ? session.resident : session.nonResident
  const where = [party.entrance, party.waitingRoom ? `waits in ${party.waitingRoom}` : null]
    .filter(Boolean)
    .join(', ')
  return (
    <Text size="sm">
      <Text span size="sm" fw={600}>
        {SIDE_WORDS[side]}:
      </Text>{' '}
      arrives {formatTime(party.arrivesAt, timeZone)}, leaves {formatTime(party.leavesAt, timeZone)}
      {where ? ` (${where})` : ''}
    </Text>
  )
}

function OffsiteLine({ offsite }: { offsite: NonNullable<SessionView['offsite']> }) {
  const words = offsiteWords(offsite)
  return words ? <Text size="sm">{words}</Text> : null
}

function Cancellation({ session }: { session: SessionView }) {
  const c = session.cancellation
  if (session.status === 'skipped')
    return (
      <Text size="sm" c="dimmed">
        Not booked when the plan was made, because it clashed.
      </Text>
    )
  if (!c) return null
  return (
    <Group gap="xs">
      <Text size="sm">
        Cancelled by {CANCELLER_WORDS[c.by]} with {noticeWords(c.noticeHours)}: {c.reason}
      </Text>
      {c.shortNotice ? (
        <Badge color="red" variant="light">
          Short notice
        </Badge>
      ) : null}
    </Group>
  )
}

function OutcomeLine({ session }: { session: SessionView }) {
  const o = session.outcome
  if (!o) return null
  const missed = o.resident === 'did_not_attend' || o.nonResident === 'did_not_attend'
  const both = o.resident === o.nonResident && o.resident !== null
  const line = both
    ? `Both parents ${OUTCOME_WORDS[o.resident ?? 'attended']}.`
    : `Resident parent ${o.resident ? OUTCOME_WORDS[o.resident] : 'not recorded'}; visiting parent ${o.nonResident ? OUTCOME_WORDS[o.nonResident] : 'not recorded'}.`
  let why = ''
  if (missed) why = o.explained ? ` With a good reason: ${o.reason ?? ''}` : ' No reason given.'
  else if (o.reason) why = ` ${o.reason}`
  return (
    <Text size="sm">
      {line}
      {why}
    </Text>
  )
}
