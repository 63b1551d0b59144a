import { Anchor, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { formatDay } from '../../volunteering-dates'
import { niceMax, PIPELINE_STAGES, STAGE_LABELS } from '../../volunteering-words'
import { Section } from '../referrals/shared/section'
import { BarChart } from './bar-chart'
import { CentrePicker } from './centre-picker'
import classes from './charts.module.css'
import { staffingQuery, useCentreChoice } from './queries'
import { LapsingTable, NumbersTable } from './staffing-tables'
import type { StaffingOverview } from './types'
import { VolunteersNav } from './volunteers-nav'
import { WeekChart } from './week-chart'

function Stats({ staffing, centreId }: { staffing: StaffingOverview; centreId: string }) {
  const stats = [
    { label: 'Working (active and mentored)', value: `${staffing.active} of ${staffing.target}` },
    { label: 'Leaving', value: staffing.leaving },
    { label: 'On the way in', value: staffing.pipeline },
    { label: 'Cannot be rostered', value: staffing.blocked },
    { label: 'Unfilled places, next 8 weeks', value: staffing.unfilledShifts },
  ]
  return (
    <Stack gap="xs">
      <dl className={classes.stats}>
        {stats.map((s) => (
          <div key={s.label} className={classes.stat}>
            <Text component="dt" size="sm">
              {s.label}
            </Text>
            <dd>{s.value}</dd>
          </div>
        ))}
      </dl>
      {staffing.blocked > 0 ? (
        <Anchor component={Link} to={`/volunteers/compliance?centre=${centreId}&problems=1`} size="sm">
          See what stops {staffing.blocked === 1 ? 'one volunteer' : `${staffing.blocked} volunteers`} working
        </Anchor>
      ) : null}
    </Stack>
  )
}

function Team({ staffing }: { staffing: StaffingOverview }) {
  const bars = [
    { label: 'Target', value: staffing.target, color: 'var(--mantine-color-gray-7)', outline: true },
    { label: 'Working', value: staffing.active, color: 'var(--mantine-color-kin-7)' },
    { label: 'Leaving', value: staffing.leaving, color: 'var(--mantine-color-orange-8)' },
    { label: 'On the way in', value: staffing.pipeline, color: 'var(--mantine-color-blue-7)' },
  ]
  const max = niceMax(Math.max(...bars.map((b) => b.value)))
  const summary = bars.map((b) => `${b.label} ${b.value}`).join(', ')
  const stages = PIPELINE_STAGES.map((stage) => ({
    label: STAGE_LABELS[stage],
    value: staffing.byStage.find((s) => s.stage === stage)?.count ?? 0,
    color: 'var(--mantine-color-blue-7)',
  }))
  return (
    <Section
      title="The team against its target"
      intro="Working counts active volunteers and those in their mentored first year."
    >
      <Stack>
        <BarChart bars={bars} max={max} summary={`The team: ${summary}`} />
        <NumbersTable
          label="The numbers as a table"
          head={['', 'People']}
          rows={bars.map((b) => [b.label, b.value])}
        />
        <Text fw={600} mt="sm">
          On the way in, by stage
        </Text>
        <BarChart
          bars={stages}
          max={niceMax(Math.max(5, ...stages.map((s) => s.value)))}
          summary={`On the way in: ${stages.map((s) => `${s.label} ${s.value}`).join(', ')}`}
        />
      </Stack>
    </Section>
  )
}

/** Staffing at a glance: the team against its target, places unfilled, and what lapses soon. */
export function StaffingPage() {
  const { centres, centre, choose, isPending, error } = useCentreChoice()
  const staffing = useQuery({ ...staffingQuery(centre?.id ?? ''), enabled: Boolean(centre) })
  const data = staffing.data
  return (
    <>
      <PageTitle
        title="Staffing"
        intro="Is the team big enough for the shifts ahead, and what will lapse soon?"
      />
      <VolunteersNav />
      <Stack gap="lg">
        <CentrePicker centres={centres} value={centre?.id} onChange={choose} />
        {isPending || staffing.isPending ? <Loading label="Loading staffing" /> : null}
        <FormError error={error ?? staffing.error} title="We could not load staffing" />
        {data && centre ? (
          <>
            <Text>As of {formatDay(data.asOf)}.</Text>
            <Stats staffing={data} centreId={centre.id} />
            <Team staffing={data} />
            <Section
              title="Unfilled places, week by week"
              intro="Places on the rota with no one on them, for the next 8 weeks."
            >
              <Stack>
                <WeekChart weeks={data.unfilledByWeek} />
                <NumbersTable
                  label="The weeks as a table"
                  head={['Week of', 'Places', 'Filled', 'Unfilled']}
                  rows={data.unfilledByWeek.map((w) => [
                    formatDay(w.weekOf),
                    w.positions,
                    w.positions - w.unfilled,
                    w.unfilled,
                  ])}
                />
              </Stack>
            </Section>
            <Section
              title="Lapsing in the next 90 days"
              intro="Renew these in good time, so no one comes off the rota."
            >
              <LapsingTable expiring={data.expiring} />
            </Section>
          </>
        ) : null}
      </Stack>
    </>
  )
}
