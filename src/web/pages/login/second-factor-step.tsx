import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { refreshSession, signOut } from '../../auth/session'
import { cleanCode, CodeInput, isSixDigits } from '../../components/code-input'
import { FormError } from '../../components/form-error'

type Body = { code: string } | { recoveryCode: string }

/** The second step: the code from the authenticator app, or one of the saved recovery codes. */
export function SecondFactorStep() {
  const queryClient = useQueryClient()
  const [useRecovery, setUseRecovery] = useState(false)
  const form = useForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: {
      code: (v) => (useRecovery ? null : isSixDigits(v)),
      recoveryCode: (v) => (useRecovery && v.trim().length < 8 ? 'Enter one of your recovery codes' : null),
    },
  })
  const verify = useMutation({
    mutationFn: (body: Body) => call(api.POST('/api/auth/second-factor', { body })),
    onSuccess: () => refreshSession(queryClient),
  })
  const submit = form.onSubmit((values) =>
    verify.mutate(
      useRecovery ? { recoveryCode: values.recoveryCode.trim() } : { code: cleanCode(values.code) },
    ),
  )
  const toggle = () => {
    verify.reset()
    form.clearErrors()
    setUseRecovery((value) => !value)
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1}>Check it is you</Title>
        {useRecovery ? (
          <>
            <Text>Type one of the recovery codes you saved when you set up two-factor sign-in.</Text>
            <TextInput
              label="Recovery code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              size="md"
              {...form.getInputProps('recoveryCode')}
            />
          </>
        ) : (
          <>
            <Text>
              Open the authenticator app on your phone and type the 6-digit code it shows for Kinbridge.
            </Text>
            <CodeInput required data-autofocus {...form.getInputProps('code')} />
          </>
        )}
        <FormError error={verify.error} title="We could not sign you in" />
        <Button type="submit" size="md" loading={verify.isPending}>
          Continue
        </Button>
        <Group justify="space-between">
          <Button variant="subtle" px={0} onClick={toggle}>
            {useRecovery ? 'Use the code from my app instead' : 'Use a recovery code instead'}
          </Button>
          <Button variant="subtle" px={0} onClick={() => void signOut(queryClient)}>
            Start again
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
