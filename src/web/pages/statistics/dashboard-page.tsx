import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { niceMax } from '../../volunteering-words'
import { BarChart } from '../volunteers/bar-chart'
import { ChartCard } from './chart-card'
import { ColumnChart } from './column-chart'
import { chartLabel, type MonthlyChart, type TableSpec } from './chart-shapes'
import {
  capacityChart,
  hoursChart,
  referralsChart,
  sessionsChart,
  waitChart,
  waitingChart,
  waitingTable,
} from './dashboard-charts'
import { CentreSelect, PeriodChoice, usePeriod, useReportChoices } from './report-choices'
import { ReportDownloads } from './report-downloads'
import { ReportHeading } from './report-heading'
import { StatisticsNav } from './statistics-nav'
import { dashboardQuery } from './statistics-queries'
import { longDay } from './statistics-dates'
import type { Dashboard } from './statistics-types'
import { childrenSummary, outcomesSummary, waitingSummary } from './statistics-words'

/** The dashboard: how the centre is doing over a period, in charts, each with its table. */
export function DashboardPage() {
  const choices = useReportChoices()
  const period = usePeriod(choices, 'last-12-months')
  const { from, to } = period
  const dashboard = useQuery({
    ...dashboardQuery(from, to, choices.centreId),
    enabled: choices.centresReady && period.isValid,
  })
  const data = dashboard.data
  return (
    <>
      <PageTitle
        title="Statistics"
        intro="How the centre is doing, counted from the work already recorded. Numbers only: no names."
      />
      <StatisticsNav />
      <Stack gap="lg">
        <FormError error={choices.centresError} title="We could not load your centres" />
        <Stack gap="sm" component="section" aria-label="What to show">
          <CentreSelect choices={choices} />
          <PeriodChoice choices={choices} period={period} />
        </Stack>
        {dashboard.isFetching && !data ? <Loading label="Counting the figures" /> : null}
        <FormError error={dashboard.error} title="We could not count the figures" />
        {data ? (
          <>
            <ReportHeading period={data.period.label} centres={data.centres} />
            <ReportDownloads
              path="dashboard"
              query={{ from, to, centreId: choices.centreId }}
              what={`dashboard, ${data.period.label}`}
            />
            <Charts data={data} />
          </>
        ) : null}
      </Stack>
    </>
  )
}

function Monthly({
  title,
  testId,
  built,
}: {
  title: string
  testId: string
  built: { chart: MonthlyChart; table: TableSpec; summary: string }
}) {
  return (
    <ChartCard title={title} summary={built.summary} table={built.table} testId={testId}>
      <ColumnChart chart={built.chart} title={title} label={chartLabel(title, built.summary, built.chart)} />
    </ChartCard>
  )
}

function Charts({ data }: { data: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Monthly title="Referrals by source and month" testId="chart-referrals" built={referralsChart(data)} />
      <ChildrenByAge data={data} />
      <Monthly title="Sessions by month" testId="chart-sessions" built={sessionsChart(data)} />
      <Monthly title="Capacity used" testId="chart-capacity" built={capacityChart(data)} />
      <Waiting data={data} />
      <Outcomes data={data} />
      <Monthly title="Volunteer hours" testId="chart-volunteer-hours" built={hoursChart(data)} />
    </SimpleGrid>
  )
}

function ChildrenByAge({ data }: { data: Dashboard }) {
  const bands = data.childrenByAge.map((b) => ({ label: b.label, count: b.children }))
  const summary = childrenSummary(bands, data.period.to)
  const title = 'Children by age'
  return (
    <ChartCard
      title={title}
      summary={summary}
      testId="chart-children-by-age"
      table={{
        caption: `Children in active cases by age, ${longDay(data.period.to)}`,
        head: ['Age', 'Children'],
        rows: bands.map((b) => [b.label, b.count]),
        foot: ['Total', bands.reduce((sum, b) => sum + b.count, 0)],
      }}
    >
      <BarChart
        bars={bands.map((b) => ({ label: b.label, value: b.count, color: 'var(--mantine-color-blue-8)' }))}
        max={niceMax(Math.max(1, ...bands.map((b) => b.count)))}
        summary={`${title}. ${summary} ${bands.map((b) => `${b.label}: ${b.count}`).join(', ')}.`}
      />
    </ChartCard>
  )
}

function Outcomes({ data }: { data: Dashboard }) {
  const outcomes = data.outcomes.map((o) => ({ label: o.label, count: o.count }))
  const summary = outcomesSummary(outcomes)
  const title = 'Outcomes: cases closed'
  return (
    <ChartCard
      title={title}
      summary={summary}
      testId="chart-outcomes"
      table={{
        caption: `Cases closed by outcome, ${data.period.label}`,
        head: ['Outcome', 'Cases'],
        rows: outcomes.map((o) => [o.label, o.count]),
        foot: ['Total', outcomes.reduce((sum, o) => sum + o.count, 0)],
      }}
    >
      {outcomes.length === 0 ? null : (
        <BarChart
          bars={outcomes.map((o) => ({
            label: o.label,
            value: o.count,
            color: 'var(--mantine-color-kin-7)',
          }))}
          max={niceMax(Math.max(1, ...outcomes.map((o) => o.count)))}
          summary={`${title}. ${summary} ${outcomes.map((o) => `${o.label}: ${o.count}`).join(', ')}.`}
        />
      )}
    </ChartCard>
  )
}

function Waiting({ data }: { data: Dashboard }) {
  const summary = waitingSummary(data.waitingByMonth)
  const length = waitingChart(data)
  const wait = waitChart(data)
  return (
    <ChartCard title="Waiting list" summary={summary} table={waitingTable(data)} testId="chart-waiting">
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" mb={4}>
            Families waiting at each month’s end
          </Title>
          <ColumnChart
            chart={length}
            title="Families waiting"
            label={chartLabel('Families waiting at each month’s end', '', length)}
          />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            Median wait, in days
          </Title>
          <Text size="sm" c="dimmed" mb={4}>
            How long the families who left the list that month had waited.
          </Text>
          <ColumnChart
            chart={wait}
            title="Median wait"
            label={chartLabel('Median wait, in days', '', wait)}
          />
        </div>
      </Stack>
    </ChartCard>
  )
}
