import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'

export const myVolunteeringKey = ['my-volunteering'] as const

export function useMyVolunteering() {
  return useQuery({ queryKey: myVolunteeringKey, queryFn: () => call(api.GET('/api/my/volunteering')) })
}

/** A change the volunteer makes: on success their page is read again. */
export function useMyAction<T, R>(action: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: myVolunteeringKey })
      onDone?.(result)
    },
  })
}

/** Minutes between two instants: the length of a shift. */
export const minutesBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 60_000)

export const plainList = { listStyle: 'none', padding: 0, margin: 0 } as const
