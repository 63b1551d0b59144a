import { Alert } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Role } from '../api/types'
import { PageTitle } from '../components/page-title'
import { hasRole, useSession } from './session'

/** Shows the page only to people with one of the roles; the server enforces the same rule. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession()
  if (hasRole(session.data, ...roles)) return children
  return (
    <>
      <PageTitle title="Not available to you" />
      <Alert color="yellow" variant="light" title="You do not have access to this page">
        Your role does not include this part of Kinbridge. If you think it should, ask your organisation’s
        administrator.
      </Alert>
    </>
  )
}
