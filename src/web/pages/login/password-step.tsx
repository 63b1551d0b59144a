import { Anchor, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { api, call } from '../../api/client'
import { refreshSession } from '../../auth/session'
import { FormError } from '../../components/form-error'

/** The first step: email and password. The session then says which step comes next. */
export function PasswordStep({ onPasswordAccepted }: { onPasswordAccepted: (password: string) => void }) {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) =>
        /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address, like name@example.org',
      password: (v) => (v ? null : 'Enter your password'),
    },
  })
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      call(api.POST('/api/auth/login', { body: { email: values.email.trim(), password: values.password } })),
    onSuccess: async (_result, values) => {
      onPasswordAccepted(values.password)
      await refreshSession(queryClient)
    },
  })

  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate>
      <Stack>
        <Title order={1}>Sign in</Title>
        <TextInput
          label="Email address"
          type="email"
          autoComplete="username"
          required
          size="md"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          size="md"
          {...form.getInputProps('password')}
        />
        <FormError error={login.error} title="We could not sign you in" />
        <Button type="submit" size="md" loading={login.isPending}>
          Sign in
        </Button>
        <Anchor component={Link} to="/forgot-password">
          Forgotten your password?
        </Anchor>
      </Stack>
    </form>
  )
}
