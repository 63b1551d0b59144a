import type { HoursTotals } from '../../../domain/volunteers/volunteers.schemas'
import { decimalHours } from '../../volunteering-words'

/**
 * One CSV cell: quoted, with quotes doubled. A cell a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe so it stays text.
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replaceAll('"', '""')}"`
}

const pounds = (pence: number) => (pence / 100).toFixed(2)

/** The totals table as CSV: a row per volunteer and one for everyone, hours in decimals. */
export function totalsCsv(totals: HoursTotals): string {
  const header = [
    'Volunteer',
    'Shift hours',
    'Training hours',
    'Other hours',
    'Total hours',
    'Miles',
    'Mileage (£)',
    'Expenses (£)',
  ]
  const rows = totals.volunteers.map((v) => [
    v.fullName,
    decimalHours(v.sessionMinutes),
    decimalHours(v.trainingMinutes),
    decimalHours(v.otherMinutes),
    decimalHours(v.totalMinutes),
    String(v.miles),
    pounds(v.mileagePence),
    pounds(v.expensesPence),
  ])
  const sum = (pick: (v: HoursTotals['volunteers'][number]) => number) =>
    totals.volunteers.reduce((s, v) => s + pick(v), 0)
  const total = [
    `Total (${totals.total.volunteers} volunteer${totals.total.volunteers === 1 ? '' : 's'})`,
    decimalHours(sum((v) => v.sessionMinutes)),
    decimalHours(sum((v) => v.trainingMinutes)),
    decimalHours(sum((v) => v.otherMinutes)),
    decimalHours(totals.total.minutes),
    String(totals.total.miles),
    pounds(totals.total.mileagePence),
    pounds(totals.total.expensesPence),
  ]
  return [header, ...rows, total].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Hands the text to the browser as a file to save. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheet programs read the £ sign correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
