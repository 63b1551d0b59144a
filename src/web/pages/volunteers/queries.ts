import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { api, call } from '../../api/client'
import type { UpdateVolunteerInput, VolunteerFile, VolunteerStage } from './types'

/** Every volunteer query starts with this key, so one change reads the board, matrix and charts again. */
export const volunteersKey = ['volunteers'] as const
export const volunteerKey = (volunteerId: string) => [...volunteersKey, 'file', volunteerId] as const

export function boardQuery(centreId: string | undefined) {
  return {
    queryKey: [...volunteersKey, 'board', centreId ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/volunteers/board', { params: { query: centreId ? { centreId } : {} } })),
  }
}

export function volunteerQuery(volunteerId: string) {
  return {
    queryKey: volunteerKey(volunteerId),
    queryFn: () => call(api.GET('/api/volunteers/{volunteerId}', { params: { path: { volunteerId } } })),
  }
}

export function recordsQuery(volunteerId: string) {
  return {
    queryKey: [...volunteerKey(volunteerId), 'records'],
    queryFn: () =>
      call(api.GET('/api/volunteers/{volunteerId}/records', { params: { path: { volunteerId } } })),
  }
}

export function availabilityQuery(volunteerId: string) {
  return {
    queryKey: [...volunteerKey(volunteerId), 'availability'],
    queryFn: () =>
      call(api.GET('/api/volunteers/{volunteerId}/availability', { params: { path: { volunteerId } } })),
  }
}

export function teamQuery(centreId: string, stage: VolunteerStage) {
  return {
    queryKey: [...volunteersKey, 'team', centreId, stage],
    queryFn: () => call(api.GET('/api/volunteers', { params: { query: { centreId, stage } } })),
  }
}

export function complianceQuery(centreId: string, asOf: string | undefined) {
  return {
    queryKey: [...volunteersKey, 'compliance', centreId, asOf ?? 'today'],
    queryFn: () =>
      call(
        api.GET('/api/centres/{centreId}/compliance', {
          params: { path: { centreId }, query: asOf ? { asOf } : {} },
        }),
      ),
  }
}

export function staffingQuery(centreId: string) {
  return {
    queryKey: [...volunteersKey, 'staffing', centreId],
    queryFn: () => call(api.GET('/api/centres/{centreId}/staffing', { params: { path: { centreId } } })),
  }
}

export const requirementsKey = ['volunteer-requirements'] as const
export const requirementsQuery = {
  queryKey: requirementsKey,
  queryFn: () => call(api.GET('/api/volunteer-requirements')),
}

/** The centres the person works in; shares its cache with the settings page. */
export function useCentres() {
  return useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
}

/**
 * The centre a volunteer page shows, kept in the address (?centre=) so a link or a reload keeps it.
 * Without one, the first of the person's centres.
 */
export function useCentreChoice() {
  const centres = useCentres()
  const [params, setParams] = useSearchParams()
  const asked = params.get('centre')
  const list = centres.data ?? []
  const centre = list.find((c) => c.id === asked) ?? list[0]
  const choose = (centreId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.set('centre', centreId)
        return next
      },
      { replace: true },
    )
  return { centres: list, centre, choose, isPending: centres.isPending, error: centres.error }
}

/** Changes to a volunteer's details, saved at the version on screen: a page out of date is refused. */
export function useVolunteerUpdate<T>(
  file: Pick<VolunteerFile, 'id' | 'version'>,
  changes: (input: T) => Omit<UpdateVolunteerInput, 'version'>,
  onDone?: (file: VolunteerFile) => void,
) {
  return useVolunteerAction(
    file.id,
    (input: T) =>
      call(
        api.PATCH('/api/volunteers/{volunteerId}', {
          params: { path: { volunteerId: file.id } },
          body: { version: file.version, ...changes(input) },
        }),
      ),
    onDone,
  )
}

/** A change to a volunteer's file: the API answers with the whole file, which replaces the one on screen. */
export function useVolunteerAction<T>(
  volunteerId: string,
  run: (input: T) => Promise<VolunteerFile>,
  onDone?: (file: VolunteerFile) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (file) => {
      queryClient.setQueryData(volunteerKey(volunteerId), file)
      await queryClient.invalidateQueries({ queryKey: volunteersKey })
      onDone?.(file)
    },
  })
}
