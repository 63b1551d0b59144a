import { Anchor, Badge, Button, Group, Text, Title } from '@mantine/core'
import { IconArrowRight, IconCheck } from '@tabler/icons-react'
import { useState } from 'react'
import classes from './today.module.css'
import { SIDE_NAMES } from './today-words'
import type { TimelineItem, TodayBoard, TodaySession } from './types'

/** How many moments to show before "Show the whole day". */
const SHOWN = 6

/** A moment is done once that party has arrived (for an arrival) or everyone of it has left. */
export function isDone(item: TimelineItem, sessions: ReadonlyMap<string, TodaySession>): boolean {
  const session = sessions.get(item.sessionId)
  if (!session) return true
  if (session.status !== 'scheduled' && session.status !== 'completed') return true
  const presence = session.parties.find((p) => p.side === item.side)?.presence ?? 'expected'
  return item.movement === 'arrive' ? presence !== 'expected' : presence === 'left'
}

const placeOf = (item: TimelineItem): string =>
  [item.entrance, item.waitingRoom].filter((part): part is string => Boolean(part)).join(', ')

/** Every arrival and departure of the day in time order, the next one to happen picked out. */
export function NextAtDoor({ board, now }: { board: TodayBoard; now: number }) {
  const [all, setAll] = useState(false)
  const sessions = new Map(board.sessions.map((s) => [s.id, s]))
  const moments = board.timeline.map((item) => ({ item, done: isDone(item, sessions) }))
  const next = moments.findIndex((m) => !m.done)
  const waiting = moments.filter((m) => !m.done)
  const shown = all ? moments : waiting.slice(0, SHOWN)
  return (
    <section aria-labelledby="next-heading">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} id="next-heading">
          Next at the door
        </Title>
        {moments.length > SHOWN || waiting.length < moments.length ? (
          <Button variant="subtle" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? 'Show only what is still to come' : `Show the whole day (${moments.length})`}
          </Button>
        ) : null}
      </Group>
      {moments.length === 0 ? <Text c="dimmed">Nobody is expected today.</Text> : null}
      {moments.length > 0 && shown.length === 0 ? (
        <Text>Everyone expected today has come and gone.</Text>
      ) : null}
      <ol className={classes.timeline}>
        {shown.map(({ item, done }) => {
          const isNext = moments[next]?.item === item
          const verb = item.movement === 'arrive' ? 'arrives' : 'leaves'
          const place = placeOf(item)
          return (
            <li
              key={`${item.sessionId}-${item.side}-${item.movement}`}
              className={classes.moment}
              data-next={isNext || undefined}
              data-done={done || undefined}
            >
              <Group gap={6} justify="space-between" wrap="nowrap">
                <span className={classes.momentTime}>{item.local}</span>
                {isNext ? (
                  <Badge
                    color="kin.8"
                    variant="filled"
                    leftSection={<IconArrowRight size={14} aria-hidden="true" />}
                  >
                    Next
                  </Badge>
                ) : null}
                {done ? (
                  <Badge
                    color="gray"
                    variant="light"
                    leftSection={<IconCheck size={14} aria-hidden="true" />}
                  >
                    Done
                  </Badge>
                ) : null}
              </Group>
              <Text fw={600}>
                {SIDE_NAMES[item.side]} {verb}
              </Text>
              <Anchor href={`#session-${item.sessionId}`} size="sm">
                {item.caseReference}
              </Anchor>
              {place ? <Text size="sm">{place}</Text> : null}
              {!done && Date.parse(item.at) < now ? (
                <Text size="sm" fw={700} c="red.9">
                  {item.movement === 'arrive' ? 'Not arrived yet' : 'Not left yet'}
                </Text>
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
