import { Alert, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconClipboardCheck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { DefinitionsList, FiguresTable } from './figures-table'
import { KeyFigures } from './key-figures'
import { CentreSelect, useReportChoices } from './report-choices'
import { ReportDownloads } from './report-downloads'
import { keyFigures, measureSections } from './report-figures'
import { ReportHeading } from './report-heading'
import {
  isQuarter,
  lastCompleteQuarter,
  quarterMonths,
  quarterName,
  quarterOptions,
} from './statistics-dates'
import { StatisticsNav } from './statistics-nav'
import { quarterlyReturnQuery } from './statistics-queries'

/** The NACCC quarterly return for any quarter of the April–March year, ready to copy into the survey. */
export function QuarterlyReturnPage() {
  const choices = useReportChoices()
  const asked = choices.search.get('quarter')
  const options = quarterOptions(choices.today)
  const quarter = isQuarter(asked) ? asked : lastCompleteQuarter(choices.today)
  const data = useQuery({ ...quarterlyReturnQuery(quarter, choices.centreId), enabled: choices.centresReady })
  const known = options.some((o) => o.value === quarter)
  const list = known ? options : [{ value: quarter, label: quarterName(quarter) }, ...options]
  const report = data.data
  return (
    <>
      <PageTitle
        title="NACCC quarterly return"
        intro="The figures NACCC asks for each quarter, counted from the work already recorded."
      />
      <StatisticsNav />
      <Stack gap="lg">
        <FormError error={choices.centresError} title="We could not load your centres" />
        <Stack gap="sm" component="section" aria-label="What to show">
          <CentreSelect choices={choices} />
          <Select
            label="Quarter"
            description="The financial year runs from April to March"
            data={list}
            value={quarter}
            onChange={(value) => value && choices.choose({ quarter: value })}
            allowDeselect={false}
            w={420}
            maw="100%"
          />
          <Text data-testid="quarter-months">
            {quarterName(quarter)} covers {quarterMonths(quarter)}.
          </Text>
        </Stack>
        {data.isFetching && !report ? <Loading label="Counting the return" /> : null}
        <FormError error={data.error} title="We could not count the return" />
        {report ? (
          <>
            <ReportHeading period={report.period.label} centres={report.centres} />
            <KeyFigures figures={keyFigures(report.measures)} />
            <Alert
              variant="light"
              color="kin"
              icon={<IconClipboardCheck aria-hidden="true" />}
              title="Ready to copy into the NACCC survey"
            >
              Each number below goes into the survey as it is. Open “What this counts” under a figure to see
              how it was counted.
            </Alert>
            <ReportDownloads
              path="quarterly-return"
              query={{ quarter, centreId: choices.centreId }}
              what={`NACCC return, ${quarterName(quarter)}`}
            />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              {measureSections(report.measures).map((section) => (
                <FiguresTable key={section.id} section={section} definitions={report.definitions} />
              ))}
            </SimpleGrid>
            <DefinitionsList definitions={report.definitions} />
          </>
        ) : null}
      </Stack>
    </>
  )
}
