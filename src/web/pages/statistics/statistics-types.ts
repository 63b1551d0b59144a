// The shapes the report API answers with, named once for the statistics pages; types only.
import type { paths } from '../../api/schema'

type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } }
}
  ? T
  : never

export type Caseload = Answer<'/api/reports/caseload'>
export type QuarterlyReturn = Answer<'/api/reports/quarterly-return'>
export type ServiceReport = Answer<'/api/reports/service'>
export type Dashboard = Answer<'/api/reports/dashboard'>

export type Measures = QuarterlyReturn['measures']
export type Definition = QuarterlyReturn['definitions'][number]
export type Audience = ServiceReport['audience']
export type AgeBand = Dashboard['childrenByAge'][number]['band']
