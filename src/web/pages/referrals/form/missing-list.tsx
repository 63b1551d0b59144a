import { Alert, Anchor, List, Stack } from '@mantine/core'
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react'
import type { Ref } from 'react'
import type { Problem } from './referral-values'

/** Takes the person to the field (Mantine marks each input with its form path). */
function focusField(path: string) {
  const field = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)
  field?.scrollIntoView({ block: 'center' })
  field?.focus()
}

interface Props {
  missing: Problem[]
  needed: string[]
  /** Red once the person has tried to send; a calm yellow before. */
  tried: boolean
  ref?: Ref<HTMLDivElement>
}

/**
 * What stops the referral being sent, and what the centre will still need before intake, kept
 * beside the send button so nobody has to hunt for it.
 */
export function MissingList({ missing, needed, tried, ref }: Props) {
  return (
    <Stack gap="sm" ref={ref} tabIndex={-1} aria-live="polite">
      {missing.length > 0 ? (
        <Alert
          color={tried ? 'red' : 'yellow'}
          variant="light"
          title="Before you can send this referral"
          icon={<IconAlertCircle aria-hidden="true" />}
        >
          <List size="sm" spacing={2} aria-label="Still missing">
            {missing.map((p) => (
              <List.Item key={p.path}>
                <Anchor component="button" type="button" size="sm" onClick={() => focusField(p.path)}>
                  {p.message}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {needed.length > 0 ? (
        <Alert
          color="blue"
          variant="light"
          title="The centre will also need, before intake can start"
          icon={<IconInfoCircle aria-hidden="true" />}
        >
          <List size="sm" spacing={2} aria-label="Needed before intake">
            {needed.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          You can send the referral now and add these later.
        </Alert>
      ) : null}
    </Stack>
  )
}
