import { Alert, List, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import type { SelfReferralReceipt } from '../../api/types'

/** What a parent sees once the application is sent: the reference and what happens next. */
export function Receipt({ receipt }: { receipt: SelfReferralReceipt }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  return (
    <Stack gap="lg">
      <Title order={1} ref={headingRef} tabIndex={-1}>
        Thank you: your application has been sent
      </Title>
      <Alert color="kin" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title="Your reference">
        <Text size="xl" fw={700} ff="monospace" data-testid="self-referral-reference">
          {receipt.reference}
        </Text>
        <Text size="sm" mt={4}>
          Please write it down. {receipt.centreName} will ask for it when they contact you.
        </Text>
      </Alert>
      <div>
        <Title order={2} size="h3" mb="sm">
          What happens next
        </Title>
        <List type="ordered" spacing="sm">
          {receipt.whatHappensNext.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
      </div>
      <Text size="sm" c="dimmed">
        You can now close this page. Nothing you typed is kept in this browser.
      </Text>
    </Stack>
  )
}
