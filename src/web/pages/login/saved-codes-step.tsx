import { Button, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { RecoveryCodes } from '../../components/recovery-codes'

/** Shows the new recovery codes once; the person confirms they have kept them before going on. */
export function SavedCodesStep({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  return (
    <Stack>
      <Title order={1}>Two-factor sign-in is on</Title>
      <Text>From now on you will type a code from your app each time you sign in.</Text>
      <RecoveryCodes codes={codes} />
      <Button
        size="md"
        loading={busy}
        onClick={() => {
          setBusy(true)
          void onDone().finally(() => setBusy(false))
        }}
      >
        I have saved these
      </Button>
    </Stack>
  )
}
