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
export type {
  ReleaseView,
  ReportPreview,
  SessionDaySettings,
} from '../../domain/session-day/session-day.schemas'

import type { z } from 'zod'
import type {
  FeedbackSummarySchema,
  MyFeedbackSchema,
  ReportPreview,
  ReportRecipientsSchema,
} from '../../domain/session-day/session-day.schemas'

export type ReportKind = ReportPreview['kind']
export type ReportRecipient = z.infer<typeof ReportRecipientsSchema>['recipients'][number]
export type RedactionFinding = ReportPreview['redaction']['findings'][number]
export type FeedbackSummary = z.infer<typeof FeedbackSummarySchema>
export type FeedbackQuestionSummary = FeedbackSummary['parent']['questions'][number]
export type FeedbackDue = z.infer<typeof MyFeedbackSchema>['sessions'][number]
export type {
  IncidentCategory,
  IncidentView,
  ObservationSection,
  ObservationSections,
  ObservationView,
  Severity,
  SuspensionView,
  WarningLevel,
} from '../../domain/session-day/session-day.schemas'

import type * as SessionDay from '../../domain/session-day/session-day.schemas'

export type ObservationStatus = SessionDay.ObservationView['status']
/** A record in a list: everything but the text. */
export type ObservationSummary = Omit<SessionDay.ObservationView, 'sections'>
export type IncidentSummary = Omit<SessionDay.IncidentView, 'whatHappened' | 'childAccount' | 'injuries'>
export type IncidentStatus = SessionDay.IncidentView['status']
export type IncidentAction = SessionDay.IncidentView['actions'][number]
export type WarningView = SessionDay.IncidentView['warnings'][number]
export type { ReportIncidentInput } from '../../domain/session-day/session-day.schemas'
export type {
  AttendanceEventView,
  AttendanceKind,
  DoorWarning,
  FeedbackInput,
  TodayBoard,
  TodaySession,
} from '../../domain/session-day/session-day.schemas'
