import { Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Dialog } from '../referrals/shared/dialog'
import classes from './today.module.css'
import type { DoorWarning } from './types'

/**
 * Before a tap that breaks a door rule is recorded: the warnings in words, then "Go ahead" (the tap
 * keeps the time it was made) or "Cancel" (nothing is recorded).
 */
export function ConfirmTapDialog({
  what,
  at,
  warnings,
  onGoAhead,
  onCancel,
}: {
  /** "Rita Example arrived". */
  what: string
  /** The time tapped, "10:01". */
  at: string
  warnings: DoorWarning[]
  onGoAhead: () => void
  onCancel: () => void
}) {
  return (
    <Dialog title={`Check before recording: ${what}`} onClose={onCancel}>
      <Stack>
        <Paper withBorder p="sm" bd="2px solid var(--mantine-color-yellow-8)" bg="yellow.0">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={24} aria-hidden="true" className={classes.noShrink} />
            <List spacing={4}>
              {warnings.map((warning) => (
                <List.Item key={warning.code}>{warning.message}</List.Item>
              ))}
            </List>
          </Group>
        </Paper>
        <Text>
          Tapped at {at}. Go ahead only if this is right and it is safe; otherwise cancel and nothing is
          recorded.
        </Text>
        <Group>
          <Button size="lg" onClick={onGoAhead}>
            Go ahead
          </Button>
          <Button size="lg" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
