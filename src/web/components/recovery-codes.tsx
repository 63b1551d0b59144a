import { Alert, Button, CopyButton, List, Stack, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'

/** Recovery codes, shown once, with a copy button and a clear warning. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title="Keep these codes somewhere safe">
        Each code lets you sign in once if you lose your phone. We will not show them again. Print them or
        write them down, and keep them away from your phone.
      </Alert>
      <List
        aria-label="Recovery codes"
        listStyleType="none"
        spacing={4}
        ff="monospace"
        fz="lg"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button
            variant="default"
            leftSection={<IconCopy size={18} aria-hidden="true" />}
            onClick={copy}
            w="fit-content"
          >
            {copied ? 'Copied' : 'Copy all codes'}
          </Button>
        )}
      </CopyButton>
      <Text size="sm" c="dimmed">
        {codes.length} codes. Each one works once.
      </Text>
    </Stack>
  )
}
