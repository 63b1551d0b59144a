import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'

export const myVolunteeringKey = ['my-volunteering'] as const

export function useMyVolunteering() {
  return useQuery({ queryKey: myVolunteeringKey, queryFn: () => call(api.GET('/api/my/volunteering')) })
}

/** A change the volunteer makes: on success their page is read again. */
export const useMyAction = <T, R>(action: (input: T) => Promise<R>, onDone?: (result: R) => void) =>
  useReloadingAction([myVolunteeringKey], action, onDone)

/** Minutes between two instants: the length of a shift. */
export const minutesBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 60_000)
