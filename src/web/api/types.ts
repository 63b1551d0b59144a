// Names for the shapes the API answers with; types only, so no schema code reaches the bundle.
export type { Account, AccountSession, ApiTokenView, CurrentSession } from '../../domain/auth/auth.schemas'
export type {
  CentreDetail,
  CentreView,
  RoomView,
  VenueView,
} from '../../domain/organisation/organisation.schemas'
export type { UserView } from '../../domain/users/users.schemas'
export type { OutboxMessageView } from '../../domain/outbox/outbox.schemas'
export type { AuditEntryView } from '../../domain/audit/audit.schemas'

import type { CurrentSession } from '../../domain/auth/auth.schemas'
import type { RoomView } from '../../domain/organisation/organisation.schemas'

export type Role = CurrentSession['roles'][number]['role']
export type RoleGrant = CurrentSession['roles'][number]
export type RoomKind = RoomView['kind']
export type {
  CourtOrderInput,
  ReferralDetail,
  ReferralStatus,
  ReferralSummary,
  RiskFlag,
  ServiceType,
  Channel,
  SelfReferralReceipt,
} from '../../domain/referrals/referrals.schemas'
export type { PartyRole, PartyView, SafetyFlag, Side } from '../../domain/referrals/parties.schemas'
export type {
  CaseDetail,
  CaseSummary,
  ContactLevel,
  MyFamily,
  Readiness,
  WaitingList,
} from '../../domain/cases/cases.schemas'

import type { CaseDetail } from '../../domain/cases/cases.schemas'
import type { ReferralDetail } from '../../domain/referrals/referrals.schemas'
import type { PartyView } from '../../domain/referrals/parties.schemas'

export type ProtectedField = PartyView['withheld'][number]
export type CourtOrderView = ReferralDetail['courtOrders'][number]
export type CourtOrderType = CourtOrderView['orderType']
export type DocumentView = ReferralDetail['documents'][number]
export type PreVisitView = ReferralDetail['preVisits'][number]
export type PreVisitOutcome = PreVisitView['outcome']
export type PreVisitChecklist = PreVisitView['checklist']
export type RiskAssessmentView = ReferralDetail['riskAssessments'][number]
export type RiskLevel = RiskAssessmentView['level']
export type Recommendation = RiskAssessmentView['recommendedService']
export type TransitionView = ReferralDetail['transitions'][number]
export type NextStep = ReferralDetail['nextSteps'][number]
export type Attendance = PartyView['attendance']
export type AuthorisedBy = NonNullable<PartyView['authorisedBy']>
export type ClosureOutcome = NonNullable<CaseDetail['closure']>['outcome']
export type ReviewOutcome = CaseDetail['reviews'][number]['outcome']
export type {
  CaseSchedule,
  Conflict,
  MySession,
  PlanPreview,
  PlanView,
  SchedulingSettings,
  SessionView,
} from '../../domain/scheduling/scheduling.schemas'
