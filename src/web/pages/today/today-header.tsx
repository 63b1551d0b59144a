import { Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconCloudOff, IconCloudUpload, IconWifi } from '@tabler/icons-react'
import { DUTY_LABELS } from '../../volunteering-words'
import { formatLongDay, timeIn } from '../calendar/calendar-dates'
import classes from './today.module.css'
import type { TeamMember, TodayBoard } from './types'

export type Connection = 'online' | 'sending' | 'offline'

const dutyOf = (member: TeamMember): string =>
  member.duty in DUTY_LABELS ? DUTY_LABELS[member.duty as keyof typeof DUTY_LABELS] : member.duty

/** Leaders first, then by name: who to ask. */
export const teamInOrder = (team: TeamMember[]): TeamMember[] =>
  [...team].sort((a, b) => Number(b.leads) - Number(a.leads) || a.name.localeCompare(b.name))

function ConnectionStatus({ connection }: { connection: Connection }) {
  switch (connection) {
    case 'online':
      return (
        <span className={classes.status}>
          <IconWifi size={20} aria-hidden="true" /> Online
        </span>
      )
    case 'sending':
      return (
        <span className={classes.status}>
          <IconCloudUpload size={20} aria-hidden="true" /> Online, sending
        </span>
      )
    case 'offline':
      return (
        <Text component="span" className={classes.status} c="red.9">
          <IconCloudOff size={20} aria-hidden="true" /> Offline
        </Text>
      )
  }
}

/** The centre, the day, the time there now, whether the tablet is connected, and who is on duty. */
export function TodayHeader({
  board,
  now,
  connection,
}: {
  board: TodayBoard
  now: number
  connection: Connection
}) {
  const team = teamInOrder(board.team)
  return (
    <div className={classes.header}>
      <Stack gap={4}>
        <Title order={1}>Today at {board.centreName}</Title>
        <Text size="lg">{formatLongDay(board.date)}</Text>
      </Stack>
      <Stack gap={6} align="flex-end">
        <Text className={classes.clock}>
          <VisuallyHidden>Time now: </VisuallyHidden>
          {timeIn(new Date(now).toISOString(), board.timeZone)}
        </Text>
        <ConnectionStatus connection={connection} />
      </Stack>
      <section aria-labelledby="team-heading" className={classes.teamSection}>
        <Title order={2} size="h4" id="team-heading">
          Team on duty
        </Title>
        {team.length === 0 ? (
          <Text c="dimmed">Nobody is on the rota today.</Text>
        ) : (
          <ul className={classes.team}>
            {team.map((member) => (
              <li key={`${member.name}-${member.duty}-${member.localStart}`}>
                <Text span fw={member.leads ? 700 : 400}>
                  {member.name}
                </Text>{' '}
                <Text span c="dimmed">
                  ({dutyOf(member)}, {member.localStart}–{member.localEnd})
                </Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
