import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { CaseDetail, CaseSchedule, CentreDetail, SessionView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { Section } from '../referrals/shared/section'
import { SchedulePlanForm } from './schedule-plan-form'
import { PlanCard } from './schedule-plan-card'
import { centreQuery, scheduleQuery, useNow } from './schedule-queries'
import { SessionCard } from './schedule-session-card'
import { placeOfZone, readableDates, todayIn } from './schedule-words'

const SHOWN = 4

/** The family's contact plans and sessions: what is booked, what happened, and what needs a review. */
export function ScheduleSection({ detail }: { detail: CaseDetail }) {
  const schedule = useQuery(scheduleQuery(detail.id))
  const centre = useQuery(centreQuery(detail.centreId))
  const [planning, setPlanning] = useState(false)
  const isActive = detail.status === 'active'
  return (
    <Section
      title="Contact sessions"
      id="schedule"
      intro={
        schedule.data
          ? `When the family meets, and what happened. Times are ${placeOfZone(schedule.data.timeZone)} time.`
          : 'When the family meets, and what happened.'
      }
      actions={
        isActive && !planning ? (
          <Button variant="default" onClick={() => setPlanning(true)}>
            Book sessions
          </Button>
        ) : null
      }
    >
      {schedule.isPending ? <Loading label="Loading the sessions" /> : null}
      <FormError error={schedule.error} title="We could not load the sessions" />
      {schedule.data ? (
        <Stack gap="md">
          <ReviewFlag schedule={schedule.data} />
          {planning ? (
            <SchedulePlanForm
              detail={detail}
              centre={centre.data}
              timeZone={schedule.data.timeZone}
              onDone={() => setPlanning(false)}
            />
          ) : null}
          <Plans schedule={schedule.data} centre={centre.data} canChange={isActive} detail={detail} />
          <Sessions schedule={schedule.data} canChange={isActive} />
        </Stack>
      ) : null}
    </Section>
  )
}

function ReviewFlag({ schedule }: { schedule: CaseSchedule }) {
  const { resident, nonResident } = schedule.missedUnexplained
  const missed =
    resident + nonResident > 0
      ? `Missed without a reason since the last review: resident parent ${resident}, visiting parent ${nonResident}.`
      : null
  if (!schedule.reviewFlag && !missed) return null
  if (!schedule.reviewFlag) return <Text size="sm">{missed}</Text>
  return (
    <Alert
      color="yellow"
      variant="light"
      title="This case needs a review"
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      <Text size="sm">{readableDates(schedule.reviewFlag)}</Text>
      {missed ? (
        <Text size="sm" mt={4}>
          {missed}
        </Text>
      ) : null}
      <Text size="sm" mt={4}>
        Recording the next review clears this.
      </Text>
    </Alert>
  )
}

function Plans({
  schedule,
  centre,
  canChange,
  detail,
}: {
  schedule: CaseSchedule
  centre: CentreDetail | undefined
  canChange: boolean
  detail: CaseDetail
}) {
  if (schedule.plans.length === 0) return <Text>No sessions are booked for this family yet.</Text>
  const plans = [...schedule.plans].sort((a, b) =>
    a.status === b.status ? 0 : a.status === 'active' ? -1 : 1,
  )
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        Plans
      </Title>
      {plans.map((plan) => (
        <PlanCard
          key={plan.id}
          plan={plan}
          nextOn={nextOccurrence(schedule, plan.id)}
          centre={centre}
          detail={detail}
          timeZone={schedule.timeZone}
          canChange={canChange && plan.status === 'active'}
        />
      ))}
    </Stack>
  )
}

/** The plan's next booked date from today, in its own series (a moved session keeps its place). */
function nextOccurrence(schedule: CaseSchedule, planId: string): string | undefined {
  const today = todayIn(schedule.timeZone)
  return schedule.sessions
    .filter((s) => s.planId === planId && s.status === 'scheduled' && s.occurrenceOn >= today)
    .map((s) => s.occurrenceOn)
    .sort()[0]
}

function Sessions({ schedule, canChange }: { schedule: CaseSchedule; canChange: boolean }) {
  const now = new Date(useNow()).toISOString()
  const upcoming = schedule.sessions
    .filter((s) => s.endsAt > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const past = schedule.sessions
    .filter((s) => s.endsAt <= now && s.status !== 'skipped')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  if (schedule.sessions.length === 0) return null
  return (
    <>
      <SessionList
        title="Coming up"
        more={(n) => `Show all ${n} sessions coming up`}
        empty="Nothing is booked from today on."
        sessions={upcoming}
        timeZone={schedule.timeZone}
        canChange={canChange}
      />
      <SessionList
        title="Earlier sessions"
        more={(n) => `Show all ${n} earlier sessions`}
        empty="No sessions have happened yet."
        sessions={past}
        timeZone={schedule.timeZone}
        canChange={canChange}
      />
    </>
  )
}

function SessionList({
  title,
  more,
  empty,
  sessions,
  timeZone,
  canChange,
}: {
  title: string
  more: (count: number) => string
  empty: string
  sessions: SessionView[]
  timeZone: string
  canChange: boolean
}) {
  const [all, setAll] = useState(false)
  const shown = all ? sessions : sessions.slice(0, SHOWN)
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {title}
      </Title>
      {sessions.length === 0 ? <Text c="dimmed">{empty}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={title}>
        {shown.map((session) => (
          <li key={session.id}>
            <SessionCard session={session} timeZone={timeZone} canChange={canChange} />
          </li>
        ))}
      </Stack>
      {sessions.length > SHOWN ? (
        <Group>
          <Button variant="subtle" onClick={() => setAll((v) => !v)}>
            {all ? 'Show fewer' : more(sessions.length)}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}
