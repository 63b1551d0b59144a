import { api, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'
import type { Duty } from '../volunteers/types'

export const rotaKey = ['rota'] as const

export function rotaQuery(centreId: string, from: string, to: string) {
  return {
    queryKey: [...rotaKey, centreId, from, to],
    queryFn: () =>
      call(
        api.GET('/api/centres/{centreId}/rota', {
          params: { path: { centreId }, query: { from, to } },
        }),
      ),
  }
}

/** One place on a shift: its duty and, for a supervisor or escort, the session it covers. */
export interface Place {
  shiftKey: string
  duty: Duty
  sessionId: string | null
}

export function candidatesQuery(centreId: string, place: Place) {
  const query: { shiftKey: string; duty: Duty; sessionId?: string } = {
    shiftKey: place.shiftKey,
    duty: place.duty,
  }
  if (place.sessionId) query.sessionId = place.sessionId
  return {
    queryKey: [...rotaKey, 'candidates', centreId, place.shiftKey, place.duty, place.sessionId],
    queryFn: () =>
      call(api.GET('/api/centres/{centreId}/rota/candidates', { params: { path: { centreId }, query } })),
  }
}

/** A change to the rota: on success every rota query (shifts, candidates, swaps) is read again. */
export const useRotaAction = <T, R>(
  action: (input: T) => Promise<R>,
  onDone?: (result: R, input: T) => void,
) => useReloadingAction([rotaKey], action, onDone)
