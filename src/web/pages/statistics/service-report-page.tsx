import { Radio, SimpleGrid, Stack } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { DefinitionsList, FiguresTable } from './figures-table'
import { KeyFigures } from './key-figures'
import { CentreSelect, PeriodChoice, usePeriod, useReportChoices } from './report-choices'
import { ReportDownloads } from './report-downloads'
import { keyFigures, measureSections } from './report-figures'
import { serviceSections } from './service-figures'
import { ReportHeading } from './report-heading'
import { StatisticsNav } from './statistics-nav'
import { serviceReportQuery } from './statistics-queries'
import type { Audience } from './statistics-types'

const AUDIENCE_LABELS: Record<Audience, string> = {
  commissioner: 'Commissioner (service level agreement)',
  trustees: 'Trustees',
}

const isAudience = (value: string | null): value is Audience =>
  value === 'commissioner' || value === 'trustees'

/** The report for a commissioner or the trustees over any period: the measures, then how families fared. */
export function ServiceReportPage() {
  const choices = useReportChoices()
  const period = usePeriod(choices, 'last-quarter')
  const asked = choices.search.get('audience')
  const audience: Audience = isAudience(asked) ? asked : 'commissioner'
  const { from, to } = period
  const data = useQuery({
    ...serviceReportQuery(audience, from, to, choices.centreId),
    enabled: choices.centresReady && period.isValid,
  })
  const report = data.data
  return (
    <>
      <PageTitle
        title="Commissioner and trustees reports"
        intro="The service’s figures over any period, with outcomes, waiting times, reviews, incidents and volunteer hours."
      />
      <StatisticsNav />
      <Stack gap="lg">
        <FormError error={choices.centresError} title="We could not load your centres" />
        <Stack gap="sm" component="section" aria-label="What to show">
          <Radio.Group
            label="Who the report is for"
            value={audience}
            onChange={(value) => isAudience(value) && choices.choose({ audience: value })}
          >
            <Stack gap={6} mt={6}>
              {(Object.keys(AUDIENCE_LABELS) as Audience[]).map((a) => (
                <Radio key={a} value={a} label={AUDIENCE_LABELS[a]} />
              ))}
            </Stack>
          </Radio.Group>
          <CentreSelect choices={choices} />
          <PeriodChoice choices={choices} period={period} />
        </Stack>
        {data.isFetching && !report ? <Loading label="Counting the report" /> : null}
        <FormError error={data.error} title="We could not count the report" />
        {report ? (
          <>
            <ReportHeading period={report.period.label} centres={report.centres} />
            <KeyFigures figures={keyFigures(report.measures, report)} />
            <ReportDownloads
              path="service"
              query={{ audience, from, to, centreId: choices.centreId }}
              what={`${AUDIENCE_LABELS[audience].toLowerCase()} report, ${report.period.label}`}
            />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              {[...measureSections(report.measures), ...serviceSections(report)].map((section) => (
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
