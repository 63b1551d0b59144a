const localDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/** A calendar date from the API (`YYYY-MM-DD`) in words, the same day wherever the browser is. */
export function formatLocalDate(date: string | null | undefined): string {
  if (!date) return '—'
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  return Number.isNaN(parsed.getTime()) ? date : localDate.format(parsed)
}

/** Today in the browser's own calendar, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date()
  const month = String(now.getMonth() + 1).padStart(2, '0')
  const day = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${month}-${day}`
}

/** Whole years of age today, or null without a date of birth. */
export function ageInYears(dateOfBirth: string | null | undefined): number | null {
  if (!dateOfBirth) return null
  const [y, m, d] = dateOfBirth.split('-').map(Number)
  if (!y || !m || !d) return null
  const now = new Date()
  const beforeBirthday = now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)
  return now.getFullYear() - y - (beforeBirthday ? 1 : 0)
}

/** A `datetime-local` field's value (the browser's own time) as an ISO instant with its offset. */
export function localDateTimeToIso(value: string): string | null {
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString()
}
