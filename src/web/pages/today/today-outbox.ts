import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import type { CurrentSession } from '../../api/types'
import { sessionQueryKey } from '../../auth/session'
import { registerUnsentWork } from '../../unsent-work'
import { replaceSession } from './door-board'
import { DoorOutbox, type OutboxState } from './door-outbox'
import { pendingCount } from './door-queue'
import { sendDoorOp, todayKey } from './today-api'
import type { TodayBoard } from './types'

// The one door outbox of this browser tab. It lives in the page's memory only, outside any one
// component, so taps keep going out while the volunteer looks at another page and survive the trip
// to the sign-in page when a sign-in runs out. It is emptied when the person signs out (the app
// clears its query cache) or someone else signs in.

let outbox: DoorOutbox | null = null
let queryClient: QueryClient | null = null
/** Whose taps the outbox holds. */
let owner: string | null = null

function createOutbox(): DoorOutbox {
  const box = new DoorOutbox(
    {
      send: sendDoorOp,
      onRecorded: async (_op, session) => {
        if (!queryClient) return
        // A board read that started before the tap was recorded would hide it until the next read.
        await queryClient.cancelQueries({ queryKey: todayKey })
        queryClient.setQueriesData<TodayBoard>({ queryKey: todayKey }, (board) =>
          board ? replaceSession(board, session) : board,
        )
      },
      onSignedOut: () => void queryClient?.invalidateQueries({ queryKey: sessionQueryKey }),
      onStaleToken: () => void queryClient?.invalidateQueries({ queryKey: sessionQueryKey }),
      onStaleBoard: () => void queryClient?.invalidateQueries({ queryKey: todayKey }),
      now: () => Date.now(),
      setTimer: (run, ms) => window.setTimeout(run, ms),
      clearTimer: (timer) => window.clearTimeout(timer as number),
    },
    navigator.onLine,
  )
  window.addEventListener('online', () => box.setBrowserOnline(true))
  window.addEventListener('offline', () => box.setBrowserOnline(false))
  // Closing or reloading the page would lose the taps not yet sent: the browser asks first.
  window.addEventListener('beforeunload', (event) => {
    if (pendingCount(box.getSnapshot().queue) > 0) event.preventDefault()
  })
  // Signing out empties the queue, so the sign-out button asks first.
  registerUnsentWork(() => {
    const waiting = pendingCount(box.getSnapshot().queue)
    if (waiting === 0) return null
    return waiting === 1
      ? '1 tap at the door has not been sent yet.'
      : `${waiting} taps at the door have not been sent yet.`
  })
  return box
}

export function doorOutbox(): DoorOutbox {
  outbox ??= createOutbox()
  return outbox
}

function forget(): void {
  owner = null
  outbox?.clear()
}

/** Follows the sign-in: resume after signing in again, forget on sign-out or a change of person. */
function watchSession(client: QueryClient): void {
  client.getQueryCache().subscribe((event) => {
    const key = event.query.queryKey as readonly unknown[]
    if (key[0] !== sessionQueryKey[0]) return
    if (event.type === 'removed') {
      // Sign-out clears the whole cache; a single query falling out of use does not.
      queueMicrotask(() => {
        if (client.getQueryCache().getAll().length === 0) forget()
      })
      return
    }
    if (event.type !== 'updated') return
    const session = event.query.state.data as CurrentSession | null | undefined
    if (session?.stage !== 'active') return
    if (owner !== null && owner !== session.user.id) forget()
    owner = session.user.id
    doorOutbox().setSignedIn()
  })
}

function connect(client: QueryClient, userId: string): void {
  if (queryClient !== client) {
    queryClient = client
    watchSession(client)
  }
  if (owner !== null && owner !== userId) forget()
  owner = userId
}

/** The door outbox and its state, for the person signed in. */
export function useDoorOutbox(userId: string): { box: DoorOutbox; state: OutboxState } {
  const client = useQueryClient()
  const box = doorOutbox()
  useEffect(() => {
    if (userId) connect(client, userId)
  }, [client, userId])
  const state = useSyncExternalStore(box.subscribe, box.getSnapshot)
  return { box, state }
}
