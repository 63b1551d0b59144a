// Names for the parts of the Today board the door works with; types only.
import type {
  AttendanceEventView,
  AttendanceKind,
  DoorWarning,
  FeedbackInput,
  IncidentAction,
  IncidentCategory,
  ReportIncidentInput,
  Severity,
  Side,
  TodayBoard,
  TodaySession,
} from '../../api/types'

export type {
  AttendanceEventView,
  AttendanceKind,
  DoorWarning,
  FeedbackInput,
  IncidentAction,
  IncidentCategory,
  ReportIncidentInput,
  Severity,
  Side,
  TodayBoard,
  TodaySession,
}

export type DoorParty = TodaySession['parties'][number]
export type DoorPerson = DoorParty['people'][number]
export type DoorChild = TodaySession['children'][number]
export type TeamMember = TodayBoard['team'][number]
export type TimelineItem = TodayBoard['timeline'][number]
export type ObservationStatus = NonNullable<TodaySession['observation']>['status']
