import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconPrinter } from '@tabler/icons-react'
import type { CSSProperties, ReactNode } from 'react'
import { Link } from 'react-router'
import { TableScroll } from '../../components/table-scroll'
import { formatShortDay, minutesOf } from './calendar-dates'
import classes from './calendar.module.css'
import { DayFacts } from './day-facts'
import { axisRange, roomColumns, type RoomColumn } from './day-layout'
import { SessionButton } from './session-button'
import type { CalendarDay, CalendarView, SessionView } from './types'

interface Props {
  calendar: CalendarView
  day: CalendarDay
  mainEntrance: string
  sheetHref: string
  onOpen: (session: SessionView) => void
}

/** Pixels per minute on the time axis: a two-hour session is tall enough for both parties' lines. */
const SCALE = 2.8
const LANE_WIDTH = 224
const AXIS_WIDTH = 56
const ROOM_HEAD = '3.25rem'

const pad = (n: number) => String(n).padStart(2, '0')
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

/** One day at a venue: a column per room on a time axis (a list per room on a phone). */
export function DayView({ calendar, day, mainEntrance, sheetHref, onOpen }: Props) {
  const isWide = useMediaQuery('(min-width: 48em)', true)
  const sessions = calendar.sessions.filter((s) => s.date === day.date)
  const columns = roomColumns(calendar.rooms, sessions, calendar.timeZone)
  const button = (session: SessionView) => (
    <SessionButton
      session={session}
      timeZone={calendar.timeZone}
      mainEntrance={mainEntrance}
      showRoom={false}
      onOpen={onOpen}
    />
  )
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <DayFacts day={day} />
          <Button
            component={Link}
            to={sheetHref}
            variant="default"
            leftSection={<IconPrinter size={18} aria-hidden="true" />}
          >
            Day sheet for the door
          </Button>
        </Group>
      </Paper>
      {sessions.length === 0 ? <Text>No sessions are booked on this day.</Text> : null}
      {columns.length === 0 ? <Text>This venue has no rooms yet.</Text> : null}
      {isWide ? (
        <Timeline calendar={calendar} day={day} columns={columns} sessions={sessions} button={button} />
      ) : (
        columns.map((column) => <RoomList key={column.id} column={column} button={button} />)
      )}
    </Stack>
  )
}

interface TimelineProps {
  calendar: CalendarView
  day: CalendarDay
  columns: RoomColumn[]
  sessions: SessionView[]
  button: (session: SessionView) => ReactNode
}

function Timeline({ calendar, day, columns, sessions, button }: TimelineProps) {
  const range = axisRange(day, sessions, calendar.timeZone)
  const height = (range.until - range.from) * SCALE
  const y = (minutes: number) => (minutes - range.from) * SCALE
  const hours: number[] = []
  for (let m = range.from; m <= range.until; m += 60) hours.push(m)
  const width = AXIS_WIDTH + columns.reduce((sum, c) => sum + c.lanes * LANE_WIDTH, 0)
  return (
    <>
      {width > 900 ? (
        <Text size="sm" c="dimmed">
          Rooms sit side by side, with families sharing a room next to each other. Scroll sideways to see
          every room: {columns.map((c) => c.name).join(', ')}.
        </Text>
      ) : null}
      <TableScroll label={`Sessions on ${formatShortDay(day.date)}, room by room`} minWidth={width}>
        <div className={classes.timeline} style={{ '--room-head': ROOM_HEAD } as CSSProperties}>
          <div className={classes.axis} style={{ height, width: AXIS_WIDTH }} aria-hidden="true">
            {hours.map((m) => (
              <span key={m} className={classes.hour} style={{ top: y(m) }}>
                {clock(m)}
              </span>
            ))}
          </div>
          {columns.map((column) => (
            <section
              key={column.id}
              className={classes.room}
              style={{ width: column.lanes * LANE_WIDTH }}
              aria-labelledby={`room-${column.id}`}
            >
              <div className={classes.roomHead}>
                <Title order={3} size="h5" id={`room-${column.id}`} lineClamp={2}>
                  {column.name}
                </Title>
              </div>
              <div className={classes.track} style={{ height }}>
                {day.openings.map((o) => (
                  <div
                    key={o.openingId}
                    className={classes.open}
                    style={{
                      top: y(minutesOf(o.startsAt)),
                      height: (minutesOf(o.endsAt) - minutesOf(o.startsAt)) * SCALE,
                    }}
                    aria-hidden="true"
                  />
                ))}
                {hours.map((m) => (
                  <div key={m} className={classes.line} style={{ top: y(m) }} aria-hidden="true" />
                ))}
                {column.placed.length > 0 ? (
                  <ul className={classes.roomList} aria-label={`Sessions in ${column.name}`}>
                    {column.placed.map((p) => (
                      <li
                        key={p.session.id}
                        className={classes.placed}
                        style={{
                          top: y(p.from),
                          height: (p.until - p.from) * SCALE,
                          minHeight: (p.until - p.from) * SCALE,
                          left: p.lane * LANE_WIDTH,
                          width: LANE_WIDTH,
                        }}
                      >
                        {button(p.session)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </section>
          ))}
        </div>
      </TableScroll>
    </>
  )
}

function RoomList({ column, button }: { column: RoomColumn; button: TimelineProps['button'] }) {
  const headingId = `room-${column.id}`
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId} mb="xs">
        {column.name}
      </Title>
      {column.placed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions
        </Text>
      ) : (
        <ul className={classes.sessionList} aria-label={`Sessions in ${column.name}`}>
          {[...column.placed]
            .sort((a, b) => a.from - b.from)
            .map((p) => (
              <li key={p.session.id}>{button(p.session)}</li>
            ))}
        </ul>
      )}
    </section>
  )
}
