import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { sessionQueryKey } from '../../auth/session'
import { draftKey, forgetDraftsOnSignOut, recallDraft, rememberDraft } from './draft-memory'
import { textsOf } from './observation-draft'

const draft = { texts: textsOf({ play: 'Lego and cars' }), base: textsOf({ play: 'Lego' }) }

describe('draft memory', () => {
  it('keeps a draft for the same person only', () => {
    rememberDraft(draftKey('vera', 'session-1'), draft)
    expect(recallDraft(draftKey('vera', 'session-1'))).toEqual(draft)
    expect(recallDraft(draftKey('someone-else', 'session-1'))).toBeUndefined()
  })

  it('keeps drafts when the sign-in expires, and forgets them all at sign-out', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(sessionQueryKey, { stage: 'active' })
    forgetDraftsOnSignOut(queryClient)
    rememberDraft(draftKey('vera', 'session-2'), draft)

    queryClient.setQueryData(sessionQueryKey, null)
    expect(recallDraft(draftKey('vera', 'session-2'))).toEqual(draft)

    queryClient.clear()
    expect(recallDraft(draftKey('vera', 'session-2'))).toBeUndefined()
    expect(recallDraft(draftKey('vera', 'session-1'))).toBeUndefined()
  })
})
