// Names for the scheduling shapes the API answers with; types only, so no schema code reaches the bundle.
export type {
  CalendarView,
  ClosureView,
  OpeningView,
  SessionView,
} from '../../../domain/scheduling/scheduling.schemas'

import type { CalendarView, SessionView } from '../../../domain/scheduling/scheduling.schemas'

export type CalendarDay = CalendarView['days'][number]
export type CalendarRoom = CalendarView['rooms'][number]
export type DayOpening = CalendarDay['openings'][number]
export type SessionStatus = SessionView['status']
export type PartyTimes = SessionView['resident']
