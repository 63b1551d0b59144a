import { Select, type SelectProps } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { api, call } from '../../api/client'

/**
 * Links the volunteer to a sign-in someone already has, so they see their own shifts and read the
 * policies. Administrators only: the list of people is theirs. A new sign-in is an invitation
 * instead (sign-in-status.tsx).
 */
export function SignInSelect(props: Omit<SelectProps, 'data'>) {
  const users = useQuery({ queryKey: ['users'], queryFn: () => call(api.GET('/api/users')) })
  const data = (users.data ?? [])
    .filter((u) => u.status !== 'disabled' && u.roles.some((g) => g.role === 'volunteer'))
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))
  return (
    <Select
      label="Their sign-in"
      description="An account they already have, with the volunteer role. Without one, invite them to sign in."
      placeholder={users.isPending ? 'Loading people…' : 'Not linked'}
      nothingFoundMessage="No one with the volunteer role"
      searchable
      clearable
      data={data}
      {...props}
    />
  )
}
