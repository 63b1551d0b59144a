import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { formatShortDay, formatTinyDay } from './calendar-dates'
import classes from './calendar.module.css'
import { capacityText, DayFacts } from './day-facts'
import { SessionButton } from './session-button'
import { isCalledOff } from './session-text'
import type { CalendarDay, CalendarView, SessionView } from './types'

interface Props {
  calendar: CalendarView
  today: string
  mainEntrance: string
  /** Where the day view of a date is. */
  dayHref: (date: string) => string
  onOpen: (session: SessionView) => void
}

const byStart = (a: SessionView, b: SessionView) =>
  a.startsAt.localeCompare(b.startsAt) || (a.roomName ?? '').localeCompare(b.roomName ?? '')

const sessionsWords = (count: number) => (count === 1 ? '1 session' : `${count} sessions`)

/**
 * The week: the seven days side by side at a glance (links to each day), then every day that is
 * open, closed or has sessions, with its sessions in time order and their room.
 */
export function WeekView({ calendar, today, mainEntrance, dayHref, onOpen }: Props) {
  const sessionsOn = (date: string) => calendar.sessions.filter((s) => s.date === date).sort(byStart)
  const worthShowing = (day: CalendarDay) =>
    day.closed !== null || day.openings.length > 0 || sessionsOn(day.date).length > 0
  return (
    <Stack gap="md">
      <ul className={classes.glance} aria-label="The week at a glance">
        {calendar.days.map((day) => (
          <li key={day.date}>
            <GlanceDay
              day={day}
              isToday={day.date === today}
              booked={sessionsOn(day.date).filter((s) => !isCalledOff(s)).length}
              href={dayHref(day.date)}
            />
          </li>
        ))}
      </ul>
      {calendar.days.filter(worthShowing).map((day) => (
        <WeekDay
          key={day.date}
          day={day}
          isToday={day.date === today}
          sessions={sessionsOn(day.date)}
          renderSession={(session) => (
            <SessionButton
              session={session}
              timeZone={calendar.timeZone}
              mainEntrance={mainEntrance}
              onOpen={onOpen}
            />
          )}
          href={dayHref(day.date)}
        />
      ))}
      {calendar.days.some(worthShowing) ? null : <Text>The venue is not open this week.</Text>}
    </Stack>
  )
}

function GlanceDay({
  day,
  isToday,
  booked,
  href,
}: {
  day: CalendarDay
  isToday: boolean
  booked: number
  href: string
}) {
  return (
    <Link
      to={href}
      className={classes.glanceDay}
      data-today={isToday || undefined}
      data-closed={day.closed !== null || undefined}
    >
      <Text component="span" display="block" fw={700} size="sm">
        {formatTinyDay(day.date)}
        {isToday ? ' (today)' : ''}
      </Text>
      {day.closed ? (
        <Text component="span" display="block" size="sm" fw={600}>
          Closed
        </Text>
      ) : null}
      {day.openings.map((opening) => (
        <Text component="span" display="block" size="sm" key={opening.openingId}>
          {opening.startsAt}–{opening.endsAt}
          <br />
          {capacityText(opening)}
        </Text>
      ))}
      {day.openings.length === 0 && !day.closed ? (
        <Text component="span" display="block" size="sm" c="dimmed">
          Not open
        </Text>
      ) : null}
      {booked > 0 ? (
        <Text component="span" display="block" size="sm">
          {sessionsWords(booked)}
        </Text>
      ) : null}
    </Link>
  )
}

interface WeekDayProps {
  day: CalendarDay
  isToday: boolean
  sessions: SessionView[]
  renderSession: (session: SessionView) => ReactNode
  href: string
}

function WeekDay({ day, isToday, sessions, renderSession, href }: WeekDayProps) {
  const headingId = `day-${day.date}`
  return (
    <section
      className={classes.day}
      aria-labelledby={headingId}
      data-today={isToday || undefined}
      data-closed={day.closed !== null || undefined}
    >
      <Stack gap="xs">
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={3} size="h4" id={headingId}>
            <Anchor component={Link} to={href} inherit>
              {formatShortDay(day.date)}
            </Anchor>
          </Title>
          {isToday ? (
            <Badge color="kin" variant="filled">
              Today
            </Badge>
          ) : null}
        </Group>
        <DayFacts day={day} />
        {sessions.length > 0 ? (
          <ul
            className={`${classes.sessionList} ${classes.sessionGrid}`}
            aria-label={`Sessions on ${formatShortDay(day.date)}`}
          >
            {sessions.map((session) => (
              <li key={session.id}>{renderSession(session)}</li>
            ))}
          </ul>
        ) : (
          <Text size="sm" c="dimmed">
            No sessions booked
          </Text>
        )}
      </Stack>
    </section>
  )
}
