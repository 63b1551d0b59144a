import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api/client'
import { sessionQueryKey } from './auth/session'

/**
 * One client for the app. When any call says the session is gone (or needs its second factor),
 * the session is read again; if it really has ended, the layout sends the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401)
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey })
  }
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  })
  return queryClient
}
