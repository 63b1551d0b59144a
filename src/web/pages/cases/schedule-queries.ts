import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, ApiError, call } from '../../api/client'
import type { Conflict } from '../../api/types'

export const scheduleKey = (caseId: string) => ['case-schedule', caseId] as const

export function scheduleQuery(caseId: string) {
  return {
    queryKey: scheduleKey(caseId),
    queryFn: () => call(api.GET('/api/cases/{caseId}/schedule', { params: { path: { caseId } } })),
  }
}

/** The centre's venues and rooms; the same key as the settings page, so each is loaded once. */
export function centreQuery(centreId: string) {
  return {
    queryKey: ['centre', centreId] as const,
    queryFn: () => call(api.GET('/api/centres/{centreId}', { params: { path: { centreId } } })),
    staleTime: 60_000,
  }
}

export const schedulingSettingsQuery = {
  queryKey: ['scheduling-settings'] as const,
  queryFn: () => call(api.GET('/api/scheduling-settings')),
  staleTime: 60_000,
}

/** A change to a case's plans or sessions: afterwards the schedule and any calendar are read again. */
export function useScheduleAction<T, R>(
  caseId: string,
  run: (input: T) => Promise<R>,
  onDone?: (result: R) => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: scheduleKey(caseId) })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
      onDone?.(result)
    },
  })
}

/** The clashes a 409 from a booking lists, each with its rule and date; empty for any other error. */
export function conflictsOf(error: unknown): Conflict[] {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return []
  const details = error.details as { conflicts?: unknown } | undefined
  return Array.isArray(details?.conflicts) ? (details.conflicts as Conflict[]) : []
}

/** True when a save was refused because someone else changed the session first. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.details as { rule?: string } | undefined)?.rule === 'stale-version'
  )
}

/** The field an INVALID_INPUT names (`roomId`, `arrival.resident.entrance`...), with its message. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_INPUT') return {}
  const field = (error.details as { field?: unknown } | undefined)?.field
  const byIssue = error.fieldErrors()
  return typeof field === 'string' ? { ...byIssue, [field]: error.message } : byIssue
}

/** The moment the component first showed, so "coming up" and "has started" stay steady while it is open. */
export function useNow(): number {
  const [now] = useState(() => Date.now())
  return now
}
