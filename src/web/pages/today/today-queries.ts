import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { isStale } from '../cases/schedule-queries'
import { replaceSession } from './door-board'
import { fetchBoard, todayKey, todayQueryKey, type BoardChoice } from './today-api'
import type { TodayBoard, TodaySession } from './types'

/** Read again every 30 seconds while online, so the desk's and other tablets' taps show up. */
export const POLL_MS = 30_000

/**
 * The board, kept in the app's in-memory query cache only (the app persists nothing), so the last
 * one stays on screen when the connection drops.
 */
export function useTodayBoard(choice: BoardChoice, online: boolean) {
  return useQuery({
    queryKey: todayQueryKey(choice),
    queryFn: () => fetchBoard(choice),
    refetchInterval: online ? POLL_MS : false,
    refetchIntervalInBackground: true,
  })
}

/**
 * A change to one session that needs the connection (end early, the attendance note): on success
 * the session on the board becomes the server's answer; a stale version reads the board again.
 */
export function useSessionChange<T>(action: (input: T) => Promise<TodaySession>, onDone?: () => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSuccess: (session) => {
      queryClient.setQueriesData<TodayBoard>({ queryKey: todayKey }, (board) =>
        board ? replaceSession(board, session) : board,
      )
      onDone?.()
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: todayKey })
    },
  })
}
