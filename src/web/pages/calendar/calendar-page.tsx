import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { MoveSessionDialog } from '../cases/schedule-move-dialog'
import { addDays, formatLongDay, formatWeek, isLocalDate, mondayOf, todayIn } from './calendar-dates'
import { CalendarToolbar, type CalendarMode } from './calendar-toolbar'
import { DayView } from './day-view'
import { calendarKey, calendarQuery, mainEntranceOf, useVenueChoices, type VenueChoice } from './queries'
import { SessionDrawer } from './session-drawer'
import { WeekView } from './week-view'
import type { SessionView } from './types'

const INTRO = 'Who is coming to each venue, when and to which room.'

/** The coordinator's calendar: a venue's week or day, room by room, with both parties' times. */
export function CalendarPage() {
  const { venueId } = useParams()
  const venues = useVenueChoices()
  if (venues.isPending) {
    return (
      <>
        <PageTitle title="Calendar" intro={INTRO} />
        <Loading label="Loading venues" />
      </>
    )
  }
  const chosen = venueId ? venues.choices.find((c) => c.venue.id === venueId) : venues.choices[0]
  if (!chosen) {
    return (
      <>
        <PageTitle title="Calendar" intro={INTRO} />
        <FormError error={venues.error} title="We could not load your venues" />
        {!venues.error && venueId ? (
          <Text>
            We could not find that venue.{' '}
            <Anchor component={Link} to="/calendar">
              Show another venue
            </Anchor>
          </Text>
        ) : null}
        {!venues.error && !venueId ? (
          <Text>
            There are no venues yet.{' '}
            <Anchor component={Link} to="/settings">
              Add one in Centres and settings
            </Anchor>
          </Text>
        ) : null}
      </>
    )
  }
  return <VenueCalendar key={chosen.venue.id} chosen={chosen} choices={venues.choices} />
}

function VenueCalendar({ chosen, choices }: { chosen: VenueChoice; choices: VenueChoice[] }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [search, setSearch] = useSearchParams()
  const [open, setOpen] = useState<SessionView | null>(null)
  const [moving, setMoving] = useState<SessionView | null>(null)
  const { venue, centre } = chosen
  const today = todayIn(centre.timeZone)
  const mode: CalendarMode = search.get('view') === 'day' ? 'day' : 'week'
  const asked = search.get('date')
  const date = isLocalDate(asked) ? asked : today
  const from = mode === 'week' ? mondayOf(date) : date
  const to = mode === 'week' ? addDays(from, 6) : date
  const calendar = useQuery(calendarQuery(venue.id, from, to))
  const mainEntrance = mainEntranceOf(venue)

  const show = (next: { mode?: CalendarMode; date?: string }) =>
    setSearch({ view: next.mode ?? mode, date: next.date ?? date })
  const step = (by: -1 | 0 | 1) =>
    show({ date: by === 0 ? today : addDays(date, by * (mode === 'week' ? 7 : 1)) })
  const dayHref = (day: string) => `/calendar/${venue.id}?view=day&date=${day}`
  const heading = mode === 'week' ? `Week of ${formatWeek(from)}` : formatLongDay(date)
  const day = calendar.data?.days.find((d) => d.date === date)

  return (
    <>
      <PageTitle
        title="Calendar"
        intro={`${INTRO} Times are the centre’s own (${centre.timeZone.replaceAll('_', ' ')}).`}
      />
      <Stack gap="md">
        <CalendarToolbar
          choices={choices}
          venueId={venue.id}
          mode={mode}
          date={date}
          onVenue={(id) => void navigate(`/calendar/${id}?${search.toString()}`)}
          onMode={(next) => show({ mode: next })}
          onStep={step}
          onDate={(next) => show({ date: next })}
        />
        <Title order={2} size="h3">
          {venue.name}: {heading}
        </Title>
        {calendar.isPending ? <Loading label="Loading the calendar" /> : null}
        <FormError error={calendar.error} title="We could not load the calendar" />
        {calendar.data && mode === 'week' ? (
          <WeekView
            calendar={calendar.data}
            today={today}
            mainEntrance={mainEntrance}
            dayHref={dayHref}
            onOpen={setOpen}
          />
        ) : null}
        {calendar.data && mode === 'day' && day ? (
          <DayView
            calendar={calendar.data}
            day={day}
            mainEntrance={mainEntrance}
            sheetHref={`/calendar/${venue.id}/day/${date}/sheet`}
            onOpen={setOpen}
          />
        ) : null}
      </Stack>
      <SessionDrawer
        session={open}
        timeZone={calendar.data?.timeZone ?? centre.timeZone}
        mainEntrance={mainEntrance}
        onClose={() => setOpen(null)}
        onMove={(session) => {
          setOpen(null)
          setMoving(session)
        }}
      />
      {moving ? (
        <MoveSessionDialog
          session={moving}
          opened
          onClose={() => setMoving(null)}
          onMoved={() => void queryClient.invalidateQueries({ queryKey: calendarKey })}
        />
      ) : null}
    </>
  )
}
