import { Anchor, Text } from '@mantine/core'
import { Link } from 'react-router'
import { formatDay } from '../../volunteering-dates'
import { DUTY_LABELS } from '../../volunteering-words'
import classes from './board.module.css'
import type { VolunteerSummary } from './types'

/** One person on the board: their name, what stops them working and who mentors them. */
export function VolunteerCard({ volunteer }: { volunteer: VolunteerSummary }) {
  const blocked = volunteer.blockers.length > 0
  const duties = volunteer.duties.filter((d) => d !== 'floor' && d !== 'reception')
  return (
    <li className={classes.card} data-blocked={blocked || undefined}>
      <Anchor component={Link} to={`/volunteers/${volunteer.id}`} fw={600}>
        {volunteer.fullName}
      </Anchor>
      {volunteer.mentorName ? <Text size="sm">Mentor: {volunteer.mentorName}</Text> : null}
      {duties.length > 0 ? <Text size="sm">{duties.map((d) => DUTY_LABELS[d]).join(', ')}</Text> : null}
      {volunteer.plannedEndOn && volunteer.stage === 'leaving' ? (
        <Text size="sm">Last day {formatDay(volunteer.plannedEndOn)}</Text>
      ) : null}
      {blocked ? (
        <>
          <Text size="sm" fw={600} c="red.9" mt={4}>
            Cannot be rostered:
          </Text>
          <ul className={classes.blockers} aria-label={`What stops ${volunteer.fullName} working`}>
            {volunteer.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  )
}
