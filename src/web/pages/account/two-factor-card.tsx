import { Badge, Button, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { Account } from '../../api/types'
import { sessionQueryKey } from '../../auth/session'
import { cleanCode, CodeInput, isSixDigits } from '../../components/code-input'
import { FormError } from '../../components/form-error'
import { RecoveryCodes } from '../../components/recovery-codes'
import { TwoFactorSetup } from '../../components/two-factor-setup'
import { SectionCard } from './section-card'

type Mode = 'idle' | 'setting-up' | 'new-codes' | 'turning-off'

/** Two-factor sign-in: set it up, get fresh recovery codes, or turn it off where allowed. */
export function TwoFactorCard({ twoFactor }: { twoFactor: Account['twoFactor'] }) {
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<Mode>('idle')
  const [codes, setCodes] = useState<string[] | null>(null)
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['account'] })
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
  }
  const showCodes = async (recoveryCodes: string[]) => {
    setCodes(recoveryCodes)
    setMode('idle')
    await refresh()
  }

  return (
    <SectionCard
      title="Two-factor sign-in"
      intro="After your password, Kinbridge asks for a code from an app on your phone. It stops anyone who learns your password from getting in."
    >
      <Stack>
        <Group gap="xs">
          <Text fw={600}>Status:</Text>
          <Badge color={twoFactor.enabled ? 'kin' : 'gray'} variant="filled" size="lg">
            {twoFactor.enabled ? 'On' : 'Off'}
          </Badge>
        </Group>
        {twoFactor.enabled ? (
          <Text>You have {twoFactor.recoveryCodesLeft} unused recovery codes.</Text>
        ) : null}
        {codes ? (
          <Stack>
            <RecoveryCodes codes={codes} />
            <Button w="fit-content" onClick={() => setCodes(null)}>
              I have saved these
            </Button>
          </Stack>
        ) : null}
        {mode === 'setting-up' ? (
          <TwoFactorSetup onEnabled={(c) => void showCodes(c)} onCancel={() => setMode('idle')} />
        ) : null}
        {mode === 'new-codes' ? (
          <NewCodesForm onDone={(c) => void showCodes(c)} onCancel={() => setMode('idle')} />
        ) : null}
        {mode === 'turning-off' ? (
          <TurnOffForm
            onDone={async () => {
              setMode('idle')
              await refresh()
              notifications.show({
                color: 'kin',
                title: 'Two-factor sign-in is off',
                message: 'You will sign in with your password only.',
              })
            }}
            onCancel={() => setMode('idle')}
          />
        ) : null}
        {mode === 'idle' && !codes ? (
          <Group>
            {twoFactor.enabled ? (
              <>
                <Button variant="default" onClick={() => setMode('new-codes')}>
                  Get new recovery codes
                </Button>
                {twoFactor.required ? null : (
                  <Button variant="default" color="red" onClick={() => setMode('turning-off')}>
                    Turn off two-factor sign-in
                  </Button>
                )}
              </>
            ) : (
              <Button onClick={() => setMode('setting-up')}>Set up two-factor sign-in</Button>
            )}
          </Group>
        ) : null}
        {twoFactor.enabled && twoFactor.required ? (
          <Text size="sm" c="dimmed">
            Your organisation requires two-factor sign-in for your role, so it cannot be turned off.
          </Text>
        ) : null}
      </Stack>
    </SectionCard>
  )
}

function NewCodesForm({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : 'Enter your password') },
  })
  const regenerate = useMutation({
    mutationFn: (password: string) =>
      call(api.POST('/api/account/two-factor/recovery-codes', { body: { password } })),
    onSuccess: (result) => onDone(result.recoveryCodes),
  })
  return (
    <form onSubmit={form.onSubmit((values) => regenerate.mutate(values.password))} noValidate>
      <Stack maw={420}>
        <Text>New codes replace all your old ones, so the old codes stop working.</Text>
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <FormError error={regenerate.error} />
        <Group>
          <Button type="submit" loading={regenerate.isPending}>
            Get new codes
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function TurnOffForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: { password: (v) => (v ? null : 'Enter your password'), code: isSixDigits },
  })
  const disable = useMutation({
    mutationFn: (values: { password: string; code: string }) =>
      call(
        api.POST('/api/account/two-factor/disable', {
          body: { password: values.password, code: cleanCode(values.code) },
        }),
      ),
    onSuccess: onDone,
  })
  return (
    <form onSubmit={form.onSubmit((values) => disable.mutate(values))} noValidate>
      <Stack maw={420}>
        <Text>
          Turning it off makes your account easier to break into. Your other devices will be signed out.
        </Text>
        <PasswordInput
          label="Your password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <CodeInput label="6-digit code from your app" required {...form.getInputProps('code')} />
        <FormError error={disable.error} />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            Turn it off
          </Button>
          <Button variant="default" onClick={onCancel}>
            Keep it on
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
