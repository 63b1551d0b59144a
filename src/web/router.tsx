import type { ComponentType } from 'react'
import { createBrowserRouter } from 'react-router'
import type { Role } from './api/types'
import { RequireRole } from './auth/require-role'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login/login-page'
import { NotFoundPage } from './pages/not-found-page'
import { AppLayout } from './shell/app-layout'

/**
 * Pages people open less often load on first visit, so the sign-in page and home stay small on a
 * phone or an old tablet.
 */
function page(load: () => Promise<ComponentType>, roles?: Role[]) {
  return async () => {
    const Page = await load()
    if (!roles) return { Component: Page }
    return {
      Component: () => (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ),
    }
  }
}

/** Shown while a page's code loads on the very first visit; it takes a moment at most. */
function Loading() {
  return (
    <p className="sr-only" role="status">
      Loading…
    </p>
  )
}

export const router = createBrowserRouter([
  {
    HydrateFallback: Loading,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/forgot-password',
        lazy: page(async () => (await import('./pages/forgot-password-page')).ForgotPasswordPage),
      },
      {
        path: '/reset-password',
        lazy: page(async () => {
          const { ChoosePasswordPage } = await import('./pages/choose-password-page')
          return () => <ChoosePasswordPage kind="reset" />
        }),
      },
      {
        path: '/welcome',
        lazy: page(async () => {
          const { ChoosePasswordPage } = await import('./pages/choose-password-page')
          return () => <ChoosePasswordPage kind="welcome" />
        }),
      },
      {
        path: '/refer/:centreId',
        lazy: page(async () => (await import('./pages/refer/self-referral-page')).SelfReferralPage),
      },
      {
        // The day sheet is printed for the door: signed in, but without the app's header and menu.
        path: '/calendar/:venueId/day/:date/sheet',
        lazy: page(async () => (await import('./pages/calendar/day-sheet-page')).DaySheetPage),
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'today',
            lazy: page(
              async () => (await import('./pages/today/today-page')).TodayPage,
              ['admin', 'coordinator', 'volunteer'],
            ),
          },
          {
            path: 'account',
            lazy: page(async () => (await import('./pages/account/account-page')).AccountPage),
          },
          {
            path: 'settings',
            lazy: page(
              async () => (await import('./pages/settings/settings-page')).SettingsPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'referrals',
            lazy: page(
              async () => (await import('./pages/referrals/referrals-page')).ReferralsPage,
              ['admin', 'coordinator', 'referrer'],
            ),
          },
          {
            path: 'referrals/new',
            lazy: page(
              async () => (await import('./pages/referrals/new-referral-page')).NewReferralPage,
              ['admin', 'coordinator', 'referrer'],
            ),
          },
          {
            path: 'referrals/:referralId',
            lazy: page(
              async () => (await import('./pages/referrals/referral-page')).ReferralPage,
              ['admin', 'coordinator', 'referrer'],
            ),
          },
          {
            path: 'cases',
            lazy: page(
              async () => (await import('./pages/cases/cases-page')).CasesPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'cases/:caseId',
            lazy: page(
              async () => (await import('./pages/cases/case-page')).CasePage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'waiting-list',
            lazy: page(
              async () => (await import('./pages/referrals/waiting-list-page')).WaitingListPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'calendar',
            lazy: page(
              async () => (await import('./pages/calendar/calendar-page')).CalendarPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'calendar/:venueId',
            lazy: page(
              async () => (await import('./pages/calendar/calendar-page')).CalendarPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'sessions/:sessionId/observation',
            lazy: page(
              async () =>
                (await import('./pages/observations/observation-editor-page')).ObservationEditorPage,
              ['admin', 'coordinator', 'volunteer'],
            ),
          },
          {
            path: 'observations',
            lazy: page(
              async () => (await import('./pages/observations/observations-page')).ObservationsPage,
              ['admin', 'coordinator', 'volunteer'],
            ),
          },
          {
            path: 'observations/:observationId',
            lazy: page(
              async () => (await import('./pages/observations/observation-check-page')).ObservationCheckPage,
              ['admin', 'coordinator', 'volunteer'],
            ),
          },
          {
            path: 'incidents',
            lazy: page(
              async () => (await import('./pages/incidents/incidents-page')).IncidentsPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'incidents/:incidentId',
            lazy: page(
              async () => (await import('./pages/incidents/incident-page')).IncidentPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'volunteers',
            lazy: page(
              async () => (await import('./pages/volunteers/volunteers-page')).VolunteersPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'volunteers/compliance',
            lazy: page(
              async () => (await import('./pages/volunteers/compliance-page')).CompliancePage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'volunteers/staffing',
            lazy: page(
              async () => (await import('./pages/volunteers/staffing-page')).StaffingPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'volunteers/:volunteerId',
            lazy: page(
              async () => (await import('./pages/volunteers/volunteer-page')).VolunteerPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'rota',
            lazy: page(
              async () => (await import('./pages/rota/rota-page')).RotaPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'volunteer-hours',
            lazy: page(
              async () => (await import('./pages/volunteer-hours/volunteer-hours-page')).VolunteerHoursPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'reports',
            lazy: page(
              async () => (await import('./pages/reports/reports-page')).ReportsPage,
              ['admin', 'coordinator', 'referrer'],
            ),
          },
          {
            path: 'statistics',
            lazy: page(
              async () => (await import('./pages/statistics/dashboard-page')).DashboardPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'statistics/caseload',
            lazy: page(
              async () => (await import('./pages/statistics/caseload-page')).CaseloadPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'statistics/quarterly-return',
            lazy: page(
              async () => (await import('./pages/statistics/quarterly-return-page')).QuarterlyReturnPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'statistics/service-report',
            lazy: page(
              async () => (await import('./pages/statistics/service-report-page')).ServiceReportPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'feedback',
            lazy: page(
              async () => (await import('./pages/feedback/feedback-page')).FeedbackPage,
              ['admin', 'coordinator'],
            ),
          },
          {
            path: 'my-volunteering',
            lazy: page(
              async () => (await import('./pages/my-volunteering/my-volunteering-page')).MyVolunteeringPage,
              ['volunteer', 'coordinator', 'admin'],
            ),
          },
          {
            path: 'my-family',
            lazy: page(
              async () => (await import('./pages/my-family/my-family-page')).MyFamilyPage,
              ['parent'],
            ),
          },
          {
            path: 'people',
            lazy: page(async () => (await import('./pages/people/people-page')).PeoplePage, ['admin']),
          },
          {
            path: 'outbox',
            lazy: page(async () => (await import('./pages/outbox/outbox-page')).OutboxPage, ['admin']),
          },
          {
            path: 'audit',
            lazy: page(async () => (await import('./pages/audit-page')).AuditPage, ['admin']),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
