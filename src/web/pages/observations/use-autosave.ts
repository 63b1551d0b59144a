import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { api, call, setCsrfToken } from '../../api/client'
import type { ObservationView } from '../../api/types'
import { Autosave } from './autosave'
import { draftKey, forgetDraft, forgetDraftsOnSignOut, recallDraft, rememberDraft } from './draft-memory'

/**
 * The autosave of one session's record for the page's life. Calls go straight to the API, not
 * through the app's query client, so a 401 here never sends the person away to the sign-in page.
 */
export function useAutosave(sessionId: string, userId: string, initial: ObservationView | null) {
  const queryClient = useQueryClient()
  const [autosave] = useState(() => {
    const key = draftKey(userId, sessionId)
    return new Autosave(
      {
        save: (body) =>
          call(api.PUT('/api/sessions/{sessionId}/observation', { params: { path: { sessionId } }, body })),
        read: async () =>
          (await call(api.GET('/api/sessions/{sessionId}/observation', { params: { path: { sessionId } } })))
            .observation,
        renewToken: async () => {
          setCsrfToken((await call(api.GET('/api/auth/session'))).csrfToken)
        },
        remember: (draft) => (draft ? rememberDraft(key, draft) : forgetDraft(key)),
      },
      initial,
      recallDraft(key),
    )
  })
  const snapshot = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot)

  useEffect(() => {
    forgetDraftsOnSignOut(queryClient)
    autosave.start()
    const online = () => {
      if (autosave.getSnapshot().state.kind === 'retrying') void autosave.saveNow()
    }
    // Closing the tab would lose what is not saved yet: the browser asks first.
    const leaving = (event: BeforeUnloadEvent) => {
      if (autosave.getSnapshot().dirty) event.preventDefault()
    }
    window.addEventListener('online', online)
    window.addEventListener('beforeunload', leaving)
    return () => {
      window.removeEventListener('online', online)
      window.removeEventListener('beforeunload', leaving)
      autosave.stop()
    }
  }, [autosave, queryClient])

  return { autosave, ...snapshot }
}
