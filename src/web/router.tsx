import { createBrowserRouter } from 'react-router'
import { RequireRole } from './auth/require-role'
import { AccountPage } from './pages/account/account-page'
import { AuditPage } from './pages/audit-page'
import { ChoosePasswordPage } from './pages/choose-password-page'
import { ForgotPasswordPage } from './pages/forgot-password-page'
import { HomePage } from './pages/home-page'
import { LoginPage } from './pages/login/login-page'
import { NotFoundPage } from './pages/not-found-page'
import { OutboxPage } from './pages/outbox/outbox-page'
import { PeoplePage } from './pages/people/people-page'
import { SettingsPage } from './pages/settings/settings-page'
import { AppLayout } from './shell/app-layout'

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ChoosePasswordPage kind="reset" /> },
  { path: '/welcome', element: <ChoosePasswordPage kind="welcome" /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'settings',
        element: (
          <RequireRole roles={['admin', 'coordinator']}>
            <SettingsPage />
          </RequireRole>
        ),
      },
      {
        path: 'people',
        element: (
          <RequireRole roles={['admin']}>
            <PeoplePage />
          </RequireRole>
        ),
      },
      {
        path: 'outbox',
        element: (
          <RequireRole roles={['admin']}>
            <OutboxPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={['admin']}>
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
