import { Badge, Stack, Table, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { formatLongDay, timeIn } from './calendar-dates'
import classes from './calendar.module.css'
import {
  CANCELLER_LABELS,
  entranceOf,
  OUTCOME_LABELS,
  PARTY_LABELS,
  partiesInOrder,
  partyTimes,
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
}

type Row = [label: string, value: ReactNode]

/** Label and value on one line each; rows without a value are left out. */
function Details({ rows }: { rows: Row[] }) {
  return (
    <dl className={classes.details}>
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([term, value]) => (
          <div key={term} className={classes.detail}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}

/** Everything the desk knows about one session: when, where, each party's times, what happened. */
export function SessionDetails({ session, timeZone, mainEntrance }: Props) {
  const status = (
    <>
      {STATUS_LABELS[session.status]}
      {session.moved ? (
        <Badge component="span" size="sm" color="gray.8" variant="outline" ml={6}>
          Moved
        </Badge>
      ) : null}
    </>
  )
  return (
    <Stack gap="md">
      <Details
        rows={[
          ['Day', formatLongDay(session.date)],
          ['Session', sessionWindow(session, timeZone)],
          ['Where', [session.venueName, whereOf(session)].filter(Boolean).join(', ')],
          ['Contact', serviceOf(session)],
          ['Status', status],
        ]}
      />
      <PartiesTable session={session} timeZone={timeZone} mainEntrance={mainEntrance} />
      {session.offsite ? (
        <section aria-labelledby="session-offsite">
          <Title order={3} size="h5" id="session-offsite" mb={4}>
            Away from the centre
          </Title>
          <Details
            rows={[
              ['Place', session.offsite.place],
              ['Travel each way', `${session.offsite.travelMinutes} minutes`],
              ['Escort', session.offsite.escort],
              ['Visiting order', session.offsite.visitingOrderReference],
            ]}
          />
        </section>
      ) : null}
      {session.cancellation ? (
        <section aria-labelledby="session-cancelled">
          <Title order={3} size="h5" id="session-cancelled" mb={4}>
            Cancelled
          </Title>
          <Details
            rows={[
              ['By', CANCELLER_LABELS[session.cancellation.by]],
              ['Reason', session.cancellation.reason],
              [
                'Notice',
                `${Math.round(session.cancellation.noticeHours)} hours${session.cancellation.shortNotice ? ' (short notice)' : ''}`,
              ],
            ]}
          />
        </section>
      ) : null}
      {session.outcome ? (
        <Details
          rows={[
            ['Note', session.outcome.reason],
            ['Good reason', session.outcome.explained ? 'Yes: it does not count towards a review' : null],
          ]}
        />
      ) : null}
    </Stack>
  )
}

/** Both parties side by side, the one who arrives first on the left. */
function PartiesTable({ session, timeZone, mainEntrance }: Props) {
  const sides = partiesInOrder(session)
  const outcomeOf = (side: (typeof sides)[number]) => {
    const outcome = side === 'resident' ? session.outcome?.resident : session.outcome?.nonResident
    return outcome ? OUTCOME_LABELS[outcome] : null
  }
  const rows: [string, (side: (typeof sides)[number]) => string | null][] = [
    ['Arrives', (side) => timeIn(partyTimes(session, side).arrivesAt, timeZone)],
    ['Leaves', (side) => timeIn(partyTimes(session, side).leavesAt, timeZone)],
    ['Comes in by', (side) => entranceOf(partyTimes(session, side), mainEntrance)],
    ['Waits in', (side) => partyTimes(session, side).waitingRoom ?? 'No set place'],
  ]
  if (session.outcome) rows.push(['Came?', outcomeOf])
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} aria-label="Each parent’s times">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            <span className="sr-only">What</span>
          </Table.Th>
          {sides.map((side) => (
            <Table.Th scope="col" key={side}>
              {PARTY_LABELS[side]}
              {session.firstParty === side ? ' (arrives first)' : ''}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            {sides.map((side) => (
              <Table.Td key={side}>{value(side) ?? '—'}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
