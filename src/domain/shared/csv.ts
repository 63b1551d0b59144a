/** Cells that a spreadsheet would run as a formula start with one of these (INJ-3). */
const FORMULA_START = /^[=+\-@\t\r\0]/

/** One CSV cell: quoted when needed, and a formula-looking value prefixed with an apostrophe. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A CSV document (RFC 4180, CRLF line ends) with a header row. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
