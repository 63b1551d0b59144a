import { Alert } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { messageOf } from '../api/client'

/** A visible, announced error for a form or a failed load. Renders nothing without an error. */
export function FormError({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title ?? 'That did not work'}
      icon={<IconAlertCircle aria-hidden="true" />}
    >
      {messageOf(error)}
    </Alert>
  )
}
