import { Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { isLocalDate } from '../calendar/calendar-dates'
import { CentreSelect, useReportChoices } from './report-choices'
import { ReportDownloads } from './report-downloads'
import { StatisticsNav } from './statistics-nav'
import { caseloadQuery } from './statistics-queries'
import { longDay } from './statistics-dates'
import type { Caseload } from './statistics-types'
import classes from './statistics.module.css'
import { formatCount } from './statistics-words'

/** The caseload by referral source on a day: the table centres quote to funders and NACCC. */
export function CaseloadPage() {
  const choices = useReportChoices()
  const asked = choices.search.get('on')
  const on = isLocalDate(asked) ? asked : choices.today
  const caseload = useQuery({ ...caseloadQuery(on, choices.centreId), enabled: choices.centresReady })
  const data = caseload.data
  return (
    <>
      <PageTitle
        title="Caseload"
        intro="The children and parents with an open case on a day, by who referred them."
      />
      <StatisticsNav />
      <Stack gap="lg">
        <FormError error={choices.centresError} title="We could not load your centres" />
        <Stack gap="sm" component="section" aria-label="What to show">
          <CentreSelect choices={choices} />
          <TextInput
            label="On"
            description="The caseload at the end of this day"
            type="date"
            value={on}
            w={280}
            maw="100%"
            onChange={(e) =>
              isLocalDate(e.currentTarget.value) && choices.choose({ on: e.currentTarget.value })
            }
          />
        </Stack>
        {caseload.isFetching && !data ? <Loading label="Counting the caseload" /> : null}
        <FormError error={caseload.error} title="We could not count the caseload" />
        {data ? (
          <section className={classes.card} aria-label="Caseload table">
            <Stack gap="md">
              <CaseloadTable caseload={data} />
              <ReportDownloads
                path="caseload"
                query={{ on, centreId: choices.centreId }}
                what={`caseload on ${longDay(on)}`}
              />
            </Stack>
          </section>
        ) : null}
      </Stack>
    </>
  )
}

const sum = (rows: Caseload['bySource'], pick: (r: Caseload['bySource'][number]) => number) =>
  rows.reduce((total, r) => total + pick(r), 0)

function CaseloadTable({ caseload }: { caseload: Caseload }) {
  const rows = caseload.bySource
  // A parent with families referred by two sources is one person in the total.
  const countedOnce = sum(rows, (r) => r.parents) !== caseload.total.parents
  if (rows.length === 0) return <Text>No cases were open at the end of {longDay(caseload.on)}.</Text>
  return (
    <Stack gap="xs">
      <Table
        striped
        verticalSpacing="xs"
        captionSide="top"
        maw={560}
        className={classes.statTable}
        data-testid="caseload-table"
      >
        <Table.Caption>Caseload by referral source, {longDay(caseload.on)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Referred by</Table.Th>
            <Table.Th scope="col" className={classes.numbers}>
              Children
            </Table.Th>
            <Table.Th scope="col" className={classes.numbers}>
              Parents
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.source}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td className={classes.numbers}>{formatCount(row.children)}</Table.Td>
              <Table.Td className={classes.numbers}>{formatCount(row.parents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td className={classes.numbers}>{formatCount(caseload.total.children)}</Table.Td>
            <Table.Td className={classes.numbers}>{formatCount(caseload.total.parents)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm" c="dimmed">
        Parents are the visiting parents of those families.
        {countedOnce
          ? ' A parent with families from two sources is counted under each, and once in the total.'
          : ''}
      </Text>
    </Stack>
  )
}
