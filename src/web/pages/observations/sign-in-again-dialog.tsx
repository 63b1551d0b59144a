import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call, setCsrfToken } from '../../api/client'
import { refreshSession } from '../../auth/session'
import { cleanCode, CodeInput, isSixDigits } from '../../components/code-input'
import { FormError } from '../../components/form-error'
import { Dialog } from '../referrals/shared/dialog'

type Stage = 'password' | 'second_factor' | 'enrol_second_factor'

/**
 * Reads the new session's stage and CSRF token without touching the app's own copy of the
 * session: the app would leave this page for the sign-in page while a code is still needed.
 */
async function readStage(): Promise<Stage | 'active'> {
  const session = await call(api.GET('/api/auth/session'))
  setCsrfToken(session.csrfToken)
  return session.stage === 'active' ? 'active' : session.stage
}

interface Props {
  email: string
  /** The person is signed in again: save what is on screen. */
  onSignedIn: () => void
  /** Close without signing in; the text stays on screen, unsaved. */
  onClose: () => void
}

/**
 * Signs the same person in again without leaving the page, so the record on screen survives an
 * expired sign-in (SESS-2): password, then the code from their app when their account has one.
 */
export function SignInAgainDialog({ email, onSignedIn, onClose }: Props) {
  const queryClient = useQueryClient()
  const [stage, setStage] = useState<Stage>('password')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const run = async (step: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await step()
      const next = await readStage()
      if (next !== 'active') return setStage(next)
      await refreshSession(queryClient)
      onSignedIn()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Sign in again to save" onClose={onClose}>
      <Stack>
        <Text>
          You were signed out, so your latest changes are not saved yet. They are still on this page. Sign in
          again and we will save them straight away.
        </Text>
        {stage === 'password' ? (
          <PasswordStep email={email} busy={busy} onSubmit={(body) => void run(() => login(body))} />
        ) : null}
        {stage === 'second_factor' ? (
          <CodeStep busy={busy} onSubmit={(body) => void run(() => secondFactor(body))} />
        ) : null}
        {stage === 'enrol_second_factor' ? (
          <Stack gap="sm">
            <Text>
              Your organisation now asks for two-factor sign-in. Open Kinbridge in a new tab, set it up there,
              then come back to this tab and press “I have finished”. Keep this tab open.
            </Text>
            <Group>
              <Button loading={busy} onClick={() => void run(() => Promise.resolve())}>
                I have finished
              </Button>
            </Group>
          </Stack>
        ) : null}
        <FormError error={error} title="We could not sign you in" />
        <Group>
          <Button variant="subtle" px={0} onClick={onClose}>
            Not now: keep my text on screen
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}

const login = (body: { email: string; password: string }) => call(api.POST('/api/auth/login', { body }))
const secondFactor = (body: { code: string } | { recoveryCode: string }) =>
  call(api.POST('/api/auth/second-factor', { body }))

function PasswordStep({
  email,
  busy,
  onSubmit,
}: {
  email: string
  busy: boolean
  onSubmit: (body: { email: string; password: string }) => void
}) {
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : 'Enter your password') },
  })
  return (
    <form onSubmit={form.onSubmit(({ password }) => onSubmit({ email, password }))} noValidate>
      <Stack gap="sm">
        <TextInput label="Email address" value={email} readOnly autoComplete="username" />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Group>
          <Button type="submit" loading={busy}>
            Sign in and save
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function CodeStep({
  busy,
  onSubmit,
}: {
  busy: boolean
  onSubmit: (body: { code: string } | { recoveryCode: string }) => void
}) {
  const [useRecovery, setUseRecovery] = useState(false)
  const form = useForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: {
      code: (v) => (useRecovery ? null : isSixDigits(v)),
      recoveryCode: (v) => (useRecovery && v.trim().length < 8 ? 'Enter one of your recovery codes' : null),
    },
  })
  const submit = form.onSubmit((values) =>
    onSubmit(useRecovery ? { recoveryCode: values.recoveryCode.trim() } : { code: cleanCode(values.code) }),
  )
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {useRecovery ? (
          <TextInput
            label="Recovery code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('recoveryCode')}
          />
        ) : (
          <CodeInput
            description="The 6-digit code your authenticator app shows for Kinbridge"
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
        )}
        <Group justify="space-between">
          <Button type="submit" loading={busy}>
            Sign in and save
          </Button>
          <Button
            variant="subtle"
            px={0}
            onClick={() => {
              form.clearErrors()
              setUseRecovery((value) => !value)
            }}
          >
            {useRecovery ? 'Use the code from my app instead' : 'Use a recovery code instead'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
