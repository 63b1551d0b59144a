import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { HoursEntry } from '../../../domain/volunteers/volunteers.schemas'

export type { HoursEntry }
export type HoursKind = HoursEntry['kind']

export const hoursKey = ['volunteer-hours'] as const

export const KIND_LABELS: Record<HoursKind, string> = {
  session: 'Shift',
  training: 'Training',
  escort: 'Escorted visit',
  other: 'Other',
}

/** A change to hours: on success the lists and totals are read again. */
export function useHoursAction<T, R>(action: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: hoursKey })
      onDone?.(result)
    },
  })
}
