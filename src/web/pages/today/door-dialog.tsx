import { Group, Modal } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A dialog for a form with words in it: like the app's Dialog (no scroll lock, no <header>), but a
 * tap outside it does not close it, so an account half written is not lost to a stray touch.
 */
export function FormDialog({
  title,
  onClose,
  children,
}: {
  title: string
  onClose: () => void
  children: ReactNode
}) {
  return (
    <Modal.Root opened onClose={onClose} size="lg" lockScroll={false} closeOnClickOutside={false}>
      <Modal.Overlay />
      <Modal.Content>
        <Group justify="space-between" align="flex-start" wrap="nowrap" p="md" pb={0}>
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Group>
        <Modal.Body pt="md">{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
