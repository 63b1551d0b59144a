import { toCsv } from '../shared/csv'
import type { StatDocument, StatTable } from './statistics.schemas'

// How a report is written as CSV (RFC 4180, CRLF line ends; a cell that starts like a formula is
// prefixed with an apostrophe by csvCell).
//
// A document of one table with machine column names (the caseload) is that table alone: the names
// as the header, one line a row, the total last:
//
//   source,label,children,parents
//   court_adviser,Family court adviser,25,22
//   ,Total,39,33
//
// Any other report is one figure a line, in three columns, so a person can find a survey question's
// figure by its section and measure and paste the value across:
//
//   section,measure,value
//   Report,Title,NACCC quarterly return         the title, then each line under it
//   Report,Organisation,St Helier Family Hub
//   Referrals,Referrals received,12             a two-column table: its first cell and its value
//   Sessions by month,April 2026: Delivered,7   a wider table: one line per value column
//   Referrals,Note,...                          a table's note, when it has one
//   Definition,Sessions booked,Family sessions… what each figure means, at the end
//
// A figure that does not apply (no sessions available, so no capacity used) is an empty value.

const cellOf = (value: string | number | null): string => (value === null ? '' : String(value))

/** "Organisation: St Helier Family Hub" → ["Organisation", "St Helier Family Hub"]. */
function headingLine(line: string): string[] {
  const at = line.indexOf(': ')
  return at < 0 ? ['Report', line, ''] : ['Report', line.slice(0, at), line.slice(at + 2)]
}

function tableLines(table: StatTable): string[][] {
  const lines: string[][] = []
  for (const [first, ...values] of table.rows) {
    const label = cellOf(first ?? null)
    if (values.length === 1) lines.push([table.title, label, cellOf(values[0] ?? null)])
    else
      values.forEach((value, i) =>
        lines.push([table.title, `${label}: ${table.columns[i + 1] ?? ''}`, cellOf(value)]),
      )
  }
  if (table.note !== undefined) lines.push([table.title, 'Note', table.note])
  return lines
}

/** A report as CSV: the caseload as its one table, anything else one figure a line (see above). */
export function documentCsv(doc: StatDocument): string {
  const [only] = doc.tables
  if (doc.tables.length === 1 && only?.keys)
    return toCsv(
      only.keys,
      only.rows.map((row) => row.map(cellOf)),
    )
  return toCsv(
    ['section', 'measure', 'value'],
    [
      ['Report', 'Title', doc.title],
      ...doc.subtitle.map(headingLine),
      ...doc.tables.flatMap(tableLines),
      ...doc.definitions.map((d) => ['Definition', d.term, d.meaning]),
    ],
  )
}
