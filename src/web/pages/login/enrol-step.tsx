import { Button, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { signOut } from '../../auth/session'
import { TwoFactorSetup } from '../../components/two-factor-setup'

interface Props {
  knownPassword: string | undefined
  onEnabled: (recoveryCodes: string[]) => void
}

/** First sign-in for staff whose organisation requires two-factor sign-in: set up the app now. */
export function EnrolStep({ knownPassword, onEnabled }: Props) {
  const queryClient = useQueryClient()
  return (
    <Stack>
      <Title order={1}>Set up two-factor sign-in</Title>
      <Text>
        Your organisation asks staff to use a second step when signing in. This keeps the families you support
        safe, even if someone learns your password. It takes about two minutes.
      </Text>
      <TwoFactorSetup knownPassword={knownPassword} onEnabled={onEnabled} />
      <Button variant="subtle" px={0} w="fit-content" onClick={() => void signOut(queryClient)}>
        Sign out and do this later
      </Button>
    </Stack>
  )
}
