import { Button, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call, messageOf } from '../../api/client'
import type { UserView } from '../../api/types'
import { useSession } from '../../auth/session'

/** Disables an account (ending its sessions) or enables it again. Nobody can disable themselves here. */
export function StatusButton({ user }: { user: UserView }) {
  const queryClient = useQueryClient()
  const { data: session } = useSession()
  const isDisabled = user.status === 'disabled'
  const change = useMutation({
    mutationFn: () => {
      const params = { params: { path: { userId: user.id } } }
      return call(
        isDisabled
          ? api.POST('/api/users/{userId}/enable', params)
          : api.POST('/api/users/{userId}/disable', params),
      )
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] })
      notifications.show({
        color: 'kin',
        title: isDisabled ? 'Account enabled' : 'Account disabled',
        message: isDisabled
          ? `${user.displayName} can sign in again.`
          : `${user.displayName} can no longer sign in.`,
      })
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'That did not work', message: messageOf(error) }),
  })

  if (session?.user.id === user.id) return <Text size="xs">This is you</Text>
  return (
    <Button
      size="xs"
      variant="default"
      color={isDisabled ? undefined : 'red'}
      loading={change.isPending}
      onClick={() => change.mutate()}
      aria-label={`${isDisabled ? 'Enable' : 'Disable'} ${user.displayName}`}
    >
      {isDisabled ? 'Enable' : 'Disable'}
    </Button>
  )
}
