import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { CaseDetail } from '../../api/types'

export const caseKey = (caseId: string) => ['case', caseId] as const

export function caseQuery(caseId: string) {
  return {
    queryKey: caseKey(caseId),
    queryFn: () => call(api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
  }
}

/** A change to the case file; the API answers with the whole file, which replaces the one on screen. */
export function useCaseAction<T>(
  caseId: string,
  run: (input: T) => Promise<CaseDetail>,
  onDone?: () => void,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (detail) => {
      queryClient.setQueryData(caseKey(caseId), detail)
      await queryClient.invalidateQueries({ queryKey: ['cases'] })
      await queryClient.invalidateQueries({ queryKey: ['case-readiness', caseId] })
      onDone?.()
    },
  })
}
