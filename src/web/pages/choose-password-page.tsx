import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { api, call } from '../api/client'
import { FormError } from '../components/form-error'
import { useDocumentTitle } from '../components/page-title'
import { PublicLayout } from '../shell/public-layout'

/** Reads the single-use token from the link's #token=… fragment (never sent to the server in the URL). */
function readTokenFromFragment(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1))
  return params.get('token')
}

interface Props {
  kind: 'reset' | 'welcome'
}

const WORDING = {
  reset: {
    title: 'Choose a new password',
    intro: 'Choose a new password for your Kinbridge account.',
    done: 'Your password has been changed. You can now sign in with it.',
  },
  welcome: {
    title: 'Welcome to Kinbridge',
    intro: 'You have been invited to Kinbridge. Choose a password to finish setting up your account.',
    done: 'Your account is ready. Sign in with your email address and the password you just chose.',
  },
} as const

/** Sets a password from an emailed link: a password reset, or the first password of an invited person. */
export function ChoosePasswordPage({ kind }: Props) {
  const wording = WORDING[kind]
  useDocumentTitle(wording.title)
  const [token] = useState(readTokenFromFragment)
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => (v.length >= 12 ? null : 'Use at least 12 characters'),
      repeat: (v, values) => (v === values.password ? null : 'The two passwords do not match'),
    },
  })
  const complete = useMutation({
    mutationFn: (password: string) =>
      call(api.POST('/api/auth/password-reset/complete', { body: { token: token ?? '', password } })),
    // The token is spent: take it out of the address bar and the history entry.
    onSuccess: () => window.history.replaceState(null, '', window.location.pathname),
  })

  return (
    <PublicLayout>
      <Stack>
        <Title order={1}>{wording.title}</Title>
        {token ? null : (
          <Alert role="alert" color="red" variant="light" title="This link is not complete">
            Open the link from your email again. If it still does not work, ask for a new one.
          </Alert>
        )}
        {complete.isSuccess ? (
          <Alert role="status" color="kin" variant="light" title="All done">
            {wording.done}
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((values) => complete.mutate(values.password))} noValidate>
            <Stack>
              <Text>{wording.intro}</Text>
              <PasswordInput
                label="New password"
                description="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
                autoComplete="new-password"
                required
                size="md"
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label="Type it again"
                autoComplete="new-password"
                required
                size="md"
                {...form.getInputProps('repeat')}
              />
              <FormError error={complete.error} />
              <Button type="submit" size="md" loading={complete.isPending} disabled={!token}>
                Save my password
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login">
          {complete.isSuccess ? 'Sign in' : 'Back to sign in'}
        </Anchor>
      </Stack>
    </PublicLayout>
  )
}
