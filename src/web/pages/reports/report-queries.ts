import { useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'

export const reportsKey = ['report-releases'] as const
export const caseReleasesKey = (caseId: string) => [...reportsKey, 'case', caseId] as const

export function recipientsQuery(caseId: string) {
  return {
    queryKey: ['report-recipients', caseId] as const,
    queryFn: () => call(api.GET('/api/cases/{caseId}/report-recipients', { params: { path: { caseId } } })),
  }
}

/** The release log of one case, newest first. */
export function caseReleasesQuery(caseId: string) {
  return {
    queryKey: caseReleasesKey(caseId),
    queryFn: () => call(api.GET('/api/cases/{caseId}/reports', { params: { path: { caseId } } })),
  }
}

/** Releases the caller may see: a referrer's own, or everything released from the desk's centres. */
export function releasesQuery() {
  return {
    queryKey: [...reportsKey, 'mine'] as const,
    queryFn: () => call(api.GET('/api/report-releases')),
  }
}

/**
 * Reads the release lists again a moment after a download starts, so "downloaded?" catches up. The
 * browser fetches the file itself, so there is no answer to wait for.
 */
export function useAfterDownload(): () => void {
  const queryClient = useQueryClient()
  return () => {
    window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: reportsKey }), 1500)
  }
}
