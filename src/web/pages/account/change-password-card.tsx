import { Button, Checkbox, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { sessionQueryKey } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { SectionCard } from './section-card'

export function ChangePasswordCard() {
  const queryClient = useQueryClient()
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '', signOutOtherSessions: true },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= 12 ? null : 'Use at least 12 characters'),
      repeat: (v, values) => (v === values.newPassword ? null : 'The two new passwords do not match'),
    },
  })
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/api/account/password', {
          body: {
            currentPassword: values.currentPassword,
            newPassword: values.newPassword,
            signOutOtherSessions: values.signOutOtherSessions,
          },
        }),
      ),
    onSuccess: async (result) => {
      form.reset()
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
      await queryClient.invalidateQueries({ queryKey: ['account-sessions'] })
      const ended =
        result.sessionsEnded > 0 ? ` You were signed out on ${result.sessionsEnded} other device(s).` : ''
      notifications.show({
        color: 'kin',
        title: 'Password changed',
        message: `Your new password is saved.${ended}`,
      })
    },
  })

  return (
    <SectionCard title="Change your password">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack maw={420}>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters."
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Type the new password again"
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
          />
          <Checkbox
            label="Sign me out on my other devices"
            {...form.getInputProps('signOutOtherSessions', { type: 'checkbox' })}
          />
          <FormError error={change.error} title="Your password was not changed" />
          <Button type="submit" loading={change.isPending} w="fit-content">
            Change password
          </Button>
        </Stack>
      </form>
    </SectionCard>
  )
}
