import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { refreshSession, useSession } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { useDocumentTitle } from '../../components/page-title'
import { PublicLayout } from '../../shell/public-layout'
import { EnrolStep } from './enrol-step'
import { PasswordStep } from './password-step'
import { SavedCodesStep } from './saved-codes-step'
import { SecondFactorStep } from './second-factor-step'

/** Where to go after signing in: the page that sent the person here, or home. */
function useReturnPath(): string {
  const state = useLocation().state as { from?: unknown } | null
  return typeof state?.from === 'string' && state.from.startsWith('/') ? state.from : '/'
}

/** Sign in: password, then the authenticator code, or first-time set-up of the authenticator app. */
export function LoginPage() {
  useDocumentTitle('Sign in')
  const session = useSession()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const returnPath = useReturnPath()
  const [password, setPassword] = useState<string>()
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)

  if (recoveryCodes) {
    const finish = async () => {
      await refreshSession(queryClient)
      await navigate(returnPath, { replace: true })
    }
    return (
      <PublicLayout>
        <SavedCodesStep codes={recoveryCodes} onDone={finish} />
      </PublicLayout>
    )
  }
  if (session.isPending) {
    return (
      <PublicLayout>
        <Loading label="Checking whether you are signed in" />
      </PublicLayout>
    )
  }
  if (session.data?.stage === 'active') return <Navigate to={returnPath} replace />

  return (
    <PublicLayout>
      <FormError error={session.error} title="We could not check whether you are signed in" />
      {session.data?.stage === 'second_factor' ? <SecondFactorStep /> : null}
      {session.data?.stage === 'enrol_second_factor' ? (
        <EnrolStep knownPassword={password} onEnabled={setRecoveryCodes} />
      ) : null}
      {session.data ? null : <PasswordStep onPasswordAccepted={setPassword} />}
    </PublicLayout>
  )
}
