import { useQuery, type QueryClient } from '@tanstack/react-query'
import { api, ApiError, call, setCsrfToken } from '../api/client'
import type { CurrentSession, Role } from '../api/types'

export const sessionQueryKey = ['session'] as const

/** The signed-in session (any stage), or null when nobody is signed in. */
async function fetchSession(): Promise<CurrentSession | null> {
  try {
    const session = await call(api.GET('/api/auth/session'))
    setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 })
}

/** Reads the session afresh (after sign-in steps change it) and returns it. */
export function refreshSession(queryClient: QueryClient): Promise<CurrentSession | null> {
  return queryClient.query({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 })
}

/** True when the session holds any of the roles, in any centre. */
export function hasRole(session: CurrentSession | null | undefined, ...roles: Role[]): boolean {
  return session?.roles.some((grant) => roles.includes(grant.role)) ?? false
}

/**
 * Ends the session on the server, then forgets everything this browser held for it.
 * Storage is cleared even when the server cannot be reached.
 */
export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await call(api.POST('/api/auth/logout'))
  } catch {
    // The cookie may already be gone; the local clean-up below still matters.
  }
  setCsrfToken(null)
  queryClient.clear()
  localStorage.clear()
  sessionStorage.clear()
}
