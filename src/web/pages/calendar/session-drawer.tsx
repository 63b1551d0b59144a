import { Button, Drawer, Group } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconArrowsMove, IconFolder } from '@tabler/icons-react'
import { Link } from 'react-router'
import { SessionDetails } from './session-details'
import { familyOf } from './session-text'
import type { SessionView } from './types'

interface Props {
  session: SessionView | null
  timeZone: string
  mainEntrance: string
  onClose: () => void
  /** Opens the move dialog; left out when moving is not possible here. */
  onMove?: (session: SessionView) => void
}

/** A session's details at the side of the screen (the whole screen on a phone), with its case. */
export function SessionDrawer({ session, timeZone, mainEntrance, onClose, onMove }: Props) {
  const isWide = useMediaQuery('(min-width: 48em)', true)
  return (
    <Drawer.Root
      opened={session !== null}
      onClose={onClose}
      position="right"
      size={isWide ? 'md' : '100%'}
      lockScroll={false}
    >
      <Drawer.Overlay />
      <Drawer.Content>
        {session ? (
          <>
            {/* No Drawer.Header: it is a <header>, a second "banner" for screen readers. */}
            <Group justify="space-between" align="flex-start" wrap="nowrap" p="md" pb={0}>
              <Drawer.Title fw={700} fz="lg">
                {familyOf(session)}
              </Drawer.Title>
              <Drawer.CloseButton aria-label="Close" />
            </Group>
            <Drawer.Body pt="md">
              <Group mb="md" gap="sm">
                <Button
                  component={Link}
                  to={`/cases/${session.caseId}`}
                  leftSection={<IconFolder size={18} aria-hidden="true" />}
                >
                  Open case {session.caseReference}
                </Button>
                {onMove && session.status === 'scheduled' ? (
                  <Button
                    variant="default"
                    leftSection={<IconArrowsMove size={18} aria-hidden="true" />}
                    onClick={() => onMove(session)}
                  >
                    Move this session
                  </Button>
                ) : null}
              </Group>
              <SessionDetails session={session} timeZone={timeZone} mainEntrance={mainEntrance} />
            </Drawer.Body>
          </>
        ) : null}
      </Drawer.Content>
    </Drawer.Root>
  )
}
