import { Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDay } from '../../volunteering-dates'
import { decimalHours, formatPounds } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { downloadText, totalsCsv } from './hours-csv'
import { hoursKey } from './hours-queries'
import { formatMiles, HoursTable } from './hours-table'

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md" bg="kin.0">
      <Text size="sm" fw={600} c="kin.9">
        {label}
      </Text>
      <Text fz={32} fw={800} lh={1.1} c="kin.9">
        {value}
      </Text>
    </Paper>
  )
}

/** Approved hours, miles and expenses over the period: the numbers funders ask for, then each volunteer. */
export function HoursTotalsCard({ from, to, centreId }: { from: string; to: string; centreId?: string }) {
  const totals = useQuery({
    queryKey: [...hoursKey, 'totals', from, to, centreId],
    queryFn: () =>
      call(api.GET('/api/volunteer-hours/totals', { params: { query: { from, to, centreId } } })),
  })
  const data = totals.data
  const period = `${formatDay(from)} to ${formatDay(to)}`
  return (
    <SectionCard title="Hours given" intro={`Approved hours, ${period}.`}>
      {totals.isPending ? <Loading label="Adding up the hours" /> : null}
      <FormError error={totals.error} title="We could not add up the hours" />
      {data ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
            <Stat label="Hours given" value={decimalHours(data.total.minutes)} />
            <Stat label="Volunteers" value={String(data.total.volunteers)} />
            <Stat label="Miles driven" value={formatMiles(data.total.miles)} />
            <Stat label="Mileage paid" value={formatPounds(data.total.mileagePence)} />
            <Stat label="Expenses" value={formatPounds(data.total.expensesPence)} />
          </SimpleGrid>
          {data.volunteers.length === 0 ? (
            <Text>No approved hours in this period yet.</Text>
          ) : (
            <>
              <HoursTable totals={data} period={period} />
              <Button
                variant="default"
                w="fit-content"
                leftSection={<IconDownload size={18} aria-hidden="true" />}
                onClick={() => downloadText(`volunteer-hours-${from}-to-${to}.csv`, totalsCsv(data))}
              >
                Download the table (CSV)
              </Button>
            </>
          )}
        </Stack>
      ) : null}
    </SectionCard>
  )
}
