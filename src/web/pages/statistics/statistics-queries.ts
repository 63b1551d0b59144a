import { api, call } from '../../api/client'
import type { Audience } from './statistics-types'

/** Every statistics query starts with this key. Figures are counted afresh each time a page opens. */
export const statisticsKey = ['statistics'] as const

export function caseloadQuery(on: string, centreId: string | undefined) {
  return {
    queryKey: [...statisticsKey, 'caseload', on, centreId ?? 'all'],
    queryFn: () => call(api.GET('/api/reports/caseload', { params: { query: { on, centreId } } })),
  }
}

export function quarterlyReturnQuery(quarter: string, centreId: string | undefined) {
  return {
    queryKey: [...statisticsKey, 'quarterly-return', quarter, centreId ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/reports/quarterly-return', { params: { query: { quarter, centreId } } })),
  }
}

export function serviceReportQuery(
  audience: Audience,
  from: string,
  to: string,
  centreId: string | undefined,
) {
  return {
    queryKey: [...statisticsKey, 'service', audience, from, to, centreId ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/reports/service', { params: { query: { audience, from, to, centreId } } })),
  }
}

export function dashboardQuery(from: string, to: string, centreId: string | undefined) {
  return {
    queryKey: [...statisticsKey, 'dashboard', from, to, centreId ?? 'all'],
    queryFn: () => call(api.GET('/api/reports/dashboard', { params: { query: { from, to, centreId } } })),
  }
}
