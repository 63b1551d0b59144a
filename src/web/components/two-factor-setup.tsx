import { Button, Code, Group, Image, List, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { api, ApiError, call } from '../api/client'
import { cleanCode, CodeInput, isSixDigits } from './code-input'
import { FormError } from './form-error'

interface Props {
  /** The password just typed to sign in, so the person is not asked twice. */
  knownPassword?: string
  onEnabled: (recoveryCodes: string[]) => void
  onCancel?: () => void
}

/** Splits the key into groups of four so it is easier to copy by hand. */
const groupKey = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim()

/** Sets up an authenticator app: password, then QR code or typed key, then a code to prove it works. */
export function TwoFactorSetup({ knownPassword, onEnabled, onCancel }: Props) {
  const passwordForm = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (knownPassword || v ? null : 'Enter your password') },
  })
  const codeForm = useForm({ initialValues: { code: '' }, validate: { code: isSixDigits } })
  const setup = useMutation({
    mutationFn: (password: string) => call(api.POST('/api/account/two-factor/setup', { body: { password } })),
  })
  const confirm = useMutation({
    mutationFn: (code: string) => call(api.POST('/api/account/two-factor/confirm', { body: { code } })),
    onSuccess: (result) => onEnabled(result.recoveryCodes),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED')
        codeForm.setFieldError('code', error.message)
    },
  })

  if (!setup.data) {
    return (
      <form
        onSubmit={passwordForm.onSubmit((values) => setup.mutate(knownPassword ?? values.password))}
        noValidate
      >
        <Stack>
          <Text>
            You will need an authenticator app on your phone, such as Microsoft Authenticator, Google
            Authenticator or 1Password.
          </Text>
          {knownPassword ? null : (
            <PasswordInput
              label="Your password"
              description="To keep your account safe, confirm it is you."
              autoComplete="current-password"
              required
              {...passwordForm.getInputProps('password')}
            />
          )}
          <FormError error={setup.error} />
          <Group>
            <Button type="submit" loading={setup.isPending}>
              Start set-up
            </Button>
            {onCancel ? (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    )
  }

  const wrongCode = confirm.error instanceof ApiError && confirm.error.code === 'UNAUTHENTICATED'
  return (
    <form onSubmit={codeForm.onSubmit((values) => confirm.mutate(cleanCode(values.code)))} noValidate>
      <Stack>
        <List type="ordered" spacing="md">
          <List.Item>Open your authenticator app and choose to add an account.</List.Item>
          <List.Item>
            <Stack gap="xs">
              <Text>Scan this QR code with the app.</Text>
              <Image
                src={setup.data.qrCodeDataUrl}
                alt="QR code for your authenticator app. If you cannot scan it, type the key shown below instead."
                w={200}
                h={200}
                fit="contain"
                bd="1px solid var(--mantine-color-gray-4)"
                radius="sm"
              />
              <Text size="sm">If you cannot scan it, type this key into the app instead:</Text>
              <Code block fz="md" data-testid="totp-secret" data-secret={setup.data.secret}>
                {groupKey(setup.data.secret)}
              </Code>
            </Stack>
          </List.Item>
          <List.Item>
            <CodeInput
              label="Type the 6-digit code the app shows"
              required
              {...codeForm.getInputProps('code')}
            />
          </List.Item>
        </List>
        {wrongCode ? null : <FormError error={confirm.error} />}
        <Group>
          <Button type="submit" loading={confirm.isPending}>
            Turn on two-factor sign-in
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  )
}
