import { Anchor, Button, Group } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link, Navigate, useLocation, useParams } from 'react-router'
import { RequireRole } from '../../auth/require-role'
import { useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { useDocumentTitle } from '../../components/page-title'
import { formatLongDay, isLocalDate, timeIn, todayIn } from './calendar-dates'
import { openingText } from './day-facts'
import { DaySheetEvents } from './day-sheet-events'
import classes from './day-sheet.module.css'
import { calendarQuery, mainEntranceOf, useVenueChoices } from './queries'
import type { CalendarView } from './types'

/**
 * The day sheet for the door, on its own page without the app's menu so it prints cleanly. Only
 * for people signed in to the desk; anyone else is sent to sign in first.
 */
export function DaySheetPage() {
  const session = useSession()
  const location = useLocation()
  if (session.isPending) return <Loading label="Loading Kinbridge" />
  if (session.error) {
    return (
      <main id="main" className={classes.page}>
        <FormError error={session.error} title="We could not load Kinbridge" />
      </main>
    )
  }
  if (session.data?.stage !== 'active') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  }
  return (
    <main id="main" className={classes.page}>
      <RequireRole roles={['admin', 'coordinator']}>
        <SheetLoader />
      </RequireRole>
    </main>
  )
}

function SheetLoader() {
  const { venueId = '', date = '' } = useParams()
  const validDate = isLocalDate(date)
  const calendar = useQuery({ ...calendarQuery(venueId, date, date), enabled: validDate })
  const venues = useVenueChoices()
  const venue = venues.choices.find((c) => c.venue.id === venueId)?.venue
  const back = `/calendar/${venueId}?view=day&date=${date}`
  useDocumentTitle(
    calendar.data ? `Day sheet: ${calendar.data.venueName}, ${formatLongDay(date)}` : 'Day sheet',
  )
  if (!validDate)
    return <FormError error={new Error('That is not a date.')} title="We could not show this day" />
  if (calendar.isPending) return <Loading label="Loading the day sheet" />
  if (!calendar.data) return <FormError error={calendar.error} title="We could not load the day sheet" />
  return (
    <>
      <Group className={classes.screenOnly} justify="space-between" mb="md">
        <Anchor component={Link} to={back}>
          <Group gap={4} component="span">
            <IconArrowLeft size={18} aria-hidden="true" />
            Back to the calendar
          </Group>
        </Anchor>
        <Button
          size="md"
          leftSection={<IconPrinter size={20} aria-hidden="true" />}
          onClick={() => window.print()}
        >
          Print
        </Button>
      </Group>
      <Sheet calendar={calendar.data} date={date} mainEntrance={mainEntranceOf(venue)} />
    </>
  )
}

function Sheet({
  calendar,
  date,
  mainEntrance,
}: {
  calendar: CalendarView
  date: string
  mainEntrance: string
}) {
  const day = calendar.days.find((d) => d.date === date)
  const now = new Date().toISOString()
  const sessions = calendar.sessions.filter((s) => s.date === date)
  return (
    <article className={classes.sheet} aria-labelledby="sheet-title">
      <h1 id="sheet-title" className={classes.title}>
        <span className={classes.kicker}>Day sheet · {calendar.venueName}</span>
        {formatLongDay(date)}
      </h1>
      <p className={classes.small}>
        Times are the centre’s own ({calendar.timeZone.replaceAll('_', ' ')}). Made at{' '}
        {timeIn(now, calendar.timeZone)} on {formatLongDay(todayIn(calendar.timeZone))}: check the calendar
        for later changes.
      </p>
      {day?.closed ? (
        <p className={classes.closed}>
          <strong>Closed today:</strong> {day.closed}
        </p>
      ) : null}
      {day && day.openings.length > 0 ? (
        <ul className={classes.openings} aria-label="Opening hours">
          {day.openings.map((opening) => (
            <li key={opening.openingId}>{openingText(opening)}</li>
          ))}
        </ul>
      ) : null}
      {day && day.openings.length === 0 && !day.closed ? (
        <p className={classes.openings}>The venue has no opening session on this day.</p>
      ) : null}
      <DaySheetEvents sessions={sessions} timeZone={calendar.timeZone} mainEntrance={mainEntrance} />
    </article>
  )
}
