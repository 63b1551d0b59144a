import { doorEvents, type DoorEvent } from './door-events'
import classes from './day-sheet.module.css'
import {
  CANCELLER_LABELS,
  isCalledOff,
  PARTY_LABELS,
  sessionWindow,
  STATUS_LABELS,
  whereOf,
} from './session-text'
import type { SessionView } from './types'

interface Props {
  sessions: SessionView[]
  timeZone: string
  mainEntrance: string
}

const who = (event: DoorEvent) => `${PARTY_LABELS[event.side]} ${event.kind}`

/**
 * The door list: every arrival and departure in time order. A table on paper and wide screens;
 * one card per line on a phone. Sessions called off are listed after, so nobody waits for them.
 */
export function DaySheetEvents({ sessions, timeZone, mainEntrance }: Props) {
  const events = doorEvents(sessions, timeZone, mainEntrance)
  const calledOff = sessions.filter(isCalledOff).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return (
    <>
      <h2 className={classes.heading}>Arrivals and departures</h2>
      {events.length === 0 ? <p>Nobody is expected on this day.</p> : null}
      {events.length > 0 ? (
        <>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">Family</th>
                <th scope="col">Comes in by</th>
                <th scope="col">Waits in</th>
                <th scope="col">Session room</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.key} data-kind={event.kind}>
                  <td className={classes.time}>{event.time}</td>
                  <td className={classes.who}>{who(event)}</td>
                  <td>
                    <Family session={event.session} />
                  </td>
                  <td>{event.entrance}</td>
                  <td>{event.waitingRoom ?? '—'}</td>
                  <td>{whereOf(event.session)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ol className={classes.cards} aria-label="Arrivals and departures">
            {events.map((event) => (
              <li key={event.key} className={classes.card} data-kind={event.kind}>
                <span className={classes.cardHead}>
                  <span className={classes.time}>{event.time}</span> {who(event)}
                </span>
                <Family session={event.session} />
                <span className={classes.cardLine}>Comes in by: {event.entrance}</span>
                <span className={classes.cardLine}>Waits in: {event.waitingRoom ?? '—'}</span>
                <span className={classes.cardLine}>Session room: {whereOf(event.session)}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {calledOff.length > 0 ? (
        <>
          <h2 className={classes.heading}>Called off: nobody is coming</h2>
          <ul className={classes.calledOff}>
            {calledOff.map((session) => (
              <li key={session.id}>
                <strong>{session.caseReference}</strong>
                {session.familyName ? ` (${session.familyName})` : ''}, {sessionWindow(session, timeZone)}:{' '}
                {STATUS_LABELS[session.status].toLowerCase()}
                {session.cancellation ? ` by ${CANCELLER_LABELS[session.cancellation.by].toLowerCase()}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}

function Family({ session }: { session: SessionView }) {
  return (
    <span className={classes.family}>
      <strong>{session.caseReference}</strong>
      {session.familyName ? <span className={classes.children}>{session.familyName}</span> : null}
    </span>
  )
}
