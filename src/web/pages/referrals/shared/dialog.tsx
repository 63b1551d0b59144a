import { Group, Modal } from '@mantine/core'
import type { ReactNode } from 'react'

interface Props {
  title: string
  onClose: () => void
  children: ReactNode
}

/**
 * A dialog that keeps to the app's rules: no scroll lock (it writes a <style> tag the CSP refuses)
 * and no <header> element (a second "banner" landmark for screen readers).
 */
export function Dialog({ title, onClose, children }: Props) {
  return (
    <Modal.Root opened onClose={onClose} size="lg" lockScroll={false}>
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
