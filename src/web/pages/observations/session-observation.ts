import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'

export const sessionObservationKey = (sessionId: string) => ['session-observation', sessionId] as const

const fetchSessionObservation = (sessionId: string) =>
  call(api.GET('/api/sessions/{sessionId}/observation', { params: { path: { sessionId } } }))

export type SessionObservation = Awaited<ReturnType<typeof fetchSessionObservation>>

/**
 * A session's observation record as it was when the page opened; from then on the editor holds
 * the text. Never read again behind the editor's back, and never kept once the page is left.
 */
export function useSessionObservation(sessionId: string) {
  return useQuery({
    queryKey: sessionObservationKey(sessionId),
    queryFn: () => fetchSessionObservation(sessionId),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
  })
}
