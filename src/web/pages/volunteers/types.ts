// Names for the volunteer shapes the API answers with; types only, so no schema code reaches the bundle.
export type {
  Availability,
  Board,
  Duty,
  Gate,
  PolicyList,
  RecordView,
  RequirementKind,
  RequirementState,
  RequirementStatus,
  RequirementView,
  StaffingOverview,
  VolunteerFile,
  VolunteerStage,
  VolunteerSummary,
  VolunteeringSettings,
} from '../../../domain/volunteers/volunteers.schemas'

import type {
  Matrix as MatrixSchemaType,
  PolicyList,
  RequirementStatus,
  VolunteerFile,
} from '../../../domain/volunteers/volunteers.schemas'

/** The matrix as the API sends it: the counts come as a plain record of numbers. */
export type Matrix = Omit<MatrixSchemaType, 'counts'> & { counts: Partial<Record<RequirementStatus, number>> }

export type StageMove = VolunteerFile['history'][number]
export type AvailabilityWindow = VolunteerFile['availability'][number]
export type PolicyView = PolicyList['policies'][number]
export type DbsLevel = 'enhanced_barred' | 'enhanced' | 'standard' | 'basic'
