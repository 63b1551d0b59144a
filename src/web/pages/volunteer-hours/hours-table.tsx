import { Box, Group, Paper, Table, Text } from '@mantine/core'
import type { HoursTotals } from '../../../domain/volunteers/volunteers.schemas'
import { PlainList } from '../../components/plain-list'
import { TableScroll } from '../../components/table-scroll'
import { decimalHours, formatPounds } from '../../volunteering-words'

export const formatMiles = (value: number): string =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value)

type Row = HoursTotals['volunteers'][number]

const sum = (rows: Row[], pick: (row: Row) => number) => rows.reduce((s, r) => s + pick(r), 0)

const COLUMNS: { label: string; cell: (row: Row) => string }[] = [
  { label: 'Shifts', cell: (r) => decimalHours(r.sessionMinutes) },
  { label: 'Training', cell: (r) => decimalHours(r.trainingMinutes) },
  { label: 'Other', cell: (r) => decimalHours(r.otherMinutes) },
  { label: 'Total hours', cell: (r) => decimalHours(r.totalMinutes) },
  { label: 'Miles', cell: (r) => formatMiles(r.miles) },
  { label: 'Mileage', cell: (r) => formatPounds(r.mileagePence) },
  { label: 'Expenses', cell: (r) => formatPounds(r.expensesPence) },
]

/** A volunteer's row in a sentence, for a phone; the mileage paid only when there is some. */
function phoneWords(r: Row): string {
  const hours = `Shifts ${decimalHours(r.sessionMinutes)}, training ${decimalHours(r.trainingMinutes)}, other ${decimalHours(r.otherMinutes)}`
  const mileage = r.mileagePence > 0 ? ` (${formatPounds(r.mileagePence)} mileage)` : ''
  return `${hours}; ${formatMiles(r.miles)} miles${mileage}, ${formatPounds(r.expensesPence)} expenses`
}

/** Hours per volunteer: a table with a total row on a wide screen, a list on a phone. */
export function HoursTable({ totals, period }: { totals: HoursTotals; period: string }) {
  const rows = totals.volunteers
  const total: Row = {
    volunteerId: 'total',
    fullName: 'Total',
    sessionMinutes: sum(rows, (r) => r.sessionMinutes),
    trainingMinutes: sum(rows, (r) => r.trainingMinutes),
    otherMinutes: sum(rows, (r) => r.otherMinutes),
    totalMinutes: totals.total.minutes,
    miles: totals.total.miles,
    expensesPence: totals.total.expensesPence,
    mileagePence: totals.total.mileagePence,
  }
  return (
    <>
      <Box visibleFrom="sm">
        <TableScroll label="Hours per volunteer" minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>Hours per volunteer, {period}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Volunteer</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.label} scope="col" ta="right">
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.volunteerId}>
                  <Table.Th scope="row">{row.fullName}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c.label} ta="right" fw={c.label === 'Total hours' ? 700 : undefined}>
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={800}>
                <Table.Th scope="row">Total</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Td key={c.label} ta="right">
                    {c.cell(total)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      </Box>
      <PlainList hiddenFrom="sm" gap="xs" aria-label="Hours per volunteer">
        {rows.map((row) => (
          <Paper key={row.volunteerId} withBorder radius="sm" p="xs" component="li">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={600}>{row.fullName}</Text>
              <Text fw={700}>{decimalHours(row.totalMinutes)} hours</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {phoneWords(row)}
            </Text>
          </Paper>
        ))}
      </PlainList>
    </>
  )
}
