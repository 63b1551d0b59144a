import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'

/**
 * A change made through the API. On success every query under each of `keys` is read again, so
 * the lists and totals on screen follow, then `onDone` runs (a message, closing the form).
 */
export function useReloadingAction<T, R>(
  keys: readonly QueryKey[],
  action: (input: T) => Promise<R>,
  onDone?: (result: R, input: T) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSuccess: async (result, input) => {
      for (const queryKey of keys) await queryClient.invalidateQueries({ queryKey })
      onDone?.(result, input)
    },
  })
}
