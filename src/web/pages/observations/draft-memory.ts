import type { QueryClient } from '@tanstack/react-query'
import { sessionQueryKey } from '../../auth/session'
import type { Texts } from './observation-draft'

/** Text not saved yet, with the saved copy it was typed over (to reconcile with a newer one). */
export interface KeptDraft {
  texts: Texts
  base: Texts
}

// Unsaved record text kept in this page's memory only (never in browser storage: CLI-1), so that
// if the app is sent to the sign-in page after a long time offline, the text is back on screen
// once the same person signs in again and opens the record (SESS-2).

const drafts = new Map<string, KeptDraft>()
let watched: QueryClient | null = null

/** Whose draft of which session: another person signing in on the same tablet never sees it. */
export const draftKey = (userId: string, sessionId: string) => `${userId}:${sessionId}`

export function rememberDraft(key: string, draft: KeptDraft): void {
  drafts.set(key, draft)
}

export function recallDraft(key: string): KeptDraft | undefined {
  return drafts.get(key)
}

export function forgetDraft(key: string): void {
  drafts.delete(key)
}

/** Signing out clears the app's data (the session is removed, not just expired): drafts go too. */
export function forgetDraftsOnSignOut(queryClient: QueryClient): void {
  if (watched === queryClient) return
  watched = queryClient
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'removed' && event.query.queryHash === JSON.stringify(sessionQueryKey)) drafts.clear()
  })
}
