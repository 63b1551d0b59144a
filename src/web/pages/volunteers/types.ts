// Names for the volunteer shapes the API answers with; types only, so no schema code reaches the bundle.
export type {
  Availability,
  Board,
  Duty,
  Gate,
  MyVolunteering,
  PolicyList,
  RecordView,
  RequirementKind,
  RequirementState,
  RequirementStatus,
  RequirementView,
  RotaProblem,
  RotaView,
  StaffingOverview,
  SuggestionView,
  UpdateVolunteerInput,
  VolunteerFile,
  VolunteerStage,
  VolunteerSummary,
  VolunteeringSettings,
} from '../../../domain/volunteers/volunteers.schemas'

import type {
  Matrix as MatrixSchemaType,
  MyVolunteering,
  PolicyList,
  RequirementStatus,
  RotaView,
  VolunteerFile,
} from '../../../domain/volunteers/volunteers.schemas'

/** The matrix as the API sends it: the counts come as a plain record of numbers. */
export type Matrix = Omit<MatrixSchemaType, 'counts'> & { counts: Partial<Record<RequirementStatus, number>> }

export type AvailabilityWindow = VolunteerFile['availability'][number]
export type PolicyView = PolicyList['policies'][number]
export type DbsLevel = 'enhanced_barred' | 'enhanced' | 'standard' | 'basic'

export type Shift = RotaView['shifts'][number]
export type Position = Shift['positions'][number]
export type Placed = Position['assigned'][number]
export type SwapRequest = RotaView['swaps'][number]
export type MyShift = MyVolunteering['shifts'][number]
