import type { HoursEntry } from '../../../domain/volunteers/volunteers.schemas'
import { useReloadingAction } from '../../api/use-reloading-action'
import { formatPounds } from '../../volunteering-words'

export type { HoursEntry }
export type HoursKind = HoursEntry['kind']

export const hoursKey = ['volunteer-hours'] as const

export const KIND_LABELS: Record<HoursKind, string> = {
  session: 'Shift',
  training: 'Training',
  escort: 'Escorted visit',
  other: 'Other',
}

/** What an entry claims, in words: "12 miles (£5.40), £4.50 expenses", or null for nothing. */
export function claimWords(entry: HoursEntry): string | null {
  const parts: string[] = []
  if (entry.miles !== null)
    parts.push(
      `${entry.miles} miles${entry.mileagePence === null ? '' : ` (${formatPounds(entry.mileagePence)})`}`,
    )
  if (entry.expensesPence !== null) parts.push(`${formatPounds(entry.expensesPence)} expenses`)
  return parts.length > 0 ? parts.join(', ') : null
}

/** A change to hours: on success the lists and totals are read again. */
export const useHoursAction = <T, R>(action: (input: T) => Promise<R>, onDone?: (result: R) => void) =>
  useReloadingAction([hoursKey], action, onDone)
