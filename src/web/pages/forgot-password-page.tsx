import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { Link } from 'react-router'
import { api, call } from '../api/client'
import { FormError } from '../components/form-error'
import { useDocumentTitle } from '../components/page-title'
import { PublicLayout } from '../shell/public-layout'

/** Asks for a reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgotten password')
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address') },
  })
  const request = useMutation({
    mutationFn: (email: string) => call(api.POST('/api/auth/password-reset', { body: { email } })),
  })

  return (
    <PublicLayout>
      <Stack>
        <Title order={1}>Forgotten your password?</Title>
        {request.isSuccess ? (
          <Alert role="status" color="kin" variant="light" title="Check your email">
            If {form.values.email.trim()} has a Kinbridge account, we have sent it a link to choose a new
            password. The link works once and for a short time. If nothing arrives, ask your centre
            coordinator.
          </Alert>
        ) : (
          <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
            <Stack>
              <Text>
                Type the email address you sign in with and we will send you a link to choose a new password.
              </Text>
              <TextInput
                label="Email address"
                type="email"
                autoComplete="username"
                required
                size="md"
                {...form.getInputProps('email')}
              />
              <FormError error={request.error} />
              <Button type="submit" size="md" loading={request.isPending}>
                Send me a link
              </Button>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login">
          Back to sign in
        </Anchor>
      </Stack>
    </PublicLayout>
  )
}
