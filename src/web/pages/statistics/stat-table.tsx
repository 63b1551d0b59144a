import { Table, Text } from '@mantine/core'
import { TableScroll } from '../../components/table-scroll'
import type { TableSpec } from './chart-shapes'
import classes from './statistics.module.css'

/** Wider than this many columns, a table may need to scroll sideways inside its own region on a phone. */
const NARROW_COLUMNS = 3

const cellText = (cell: string | number): string | number =>
  typeof cell === 'number' ? cell.toLocaleString('en-GB') : cell

/** A chart's numbers as a real table: a caption, column headings, each row named by its first cell. */
export function StatTable({ spec }: { spec: TableSpec }) {
  const scrolls = spec.head.length > NARROW_COLUMNS
  const table = (
    <Table
      striped
      verticalSpacing={4}
      horizontalSpacing={6}
      fz="sm"
      captionSide="top"
      className={classes.statTable}
    >
      <Table.Caption className={scrolls ? 'sr-only' : undefined}>{spec.caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {spec.head.map((h, i) => (
            <Table.Th key={h} scope="col" className={i > 0 ? classes.numbers : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {spec.rows.map((row) => (
          <Row key={String(row[0])} row={row} />
        ))}
      </Table.Tbody>
      {spec.foot ? (
        <Table.Tfoot>
          <Row row={spec.foot} bold />
        </Table.Tfoot>
      ) : null}
    </Table>
  )
  if (!scrolls) return table
  // The caption is shown above the region, so it stays in view while the table scrolls under it.
  return (
    <div>
      <Text fw={600} size="sm" mb={4} aria-hidden="true">
        {spec.caption}
      </Text>
      <TableScroll label={spec.caption} minWidth={spec.head.length * 80}>
        {table}
      </TableScroll>
    </div>
  )
}

function Row({ row, bold = false }: { row: (string | number)[]; bold?: boolean }) {
  const [name, ...cells] = row
  return (
    <Table.Tr fw={bold ? 700 : undefined}>
      <Table.Th scope="row" fw={bold ? 700 : 400}>
        {name}
      </Table.Th>
      {cells.map((cell, i) => (
        // Cells have no id of their own; their place in the row is what they mean.
        <Table.Td key={i} className={classes.numbers}>
          {cellText(cell)}
        </Table.Td>
      ))}
    </Table.Tr>
  )
}
