import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCloudOff, IconLock } from '@tabler/icons-react'
import { messageOf } from '../../api/client'
import type { SaveState } from './autosave'
import { SECTION_FIELDS } from './observation-words'

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** One line saying where the text stands: saved, saving, or not yet and why. */
export function saveWords(state: SaveState, dirty: boolean, savedAt: string | null): string {
  switch (state.kind) {
    case 'retrying':
      return 'Not saved yet — we’ll keep trying'
    case 'signed_out':
      return 'Not saved yet — sign in again to save'
    case 'clash':
      return 'Not saved yet — choose which text to keep'
    case 'refused':
      return 'Not saved'
    case 'saving':
      return 'Saving…'
    case 'saved':
    case 'idle':
      if (dirty) return 'Saving…'
      return savedAt ? `Saved ${clock.format(new Date(savedAt))}` : 'Nothing written yet'
  }
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

const labelOf = (key: string) => SECTION_FIELDS.find((field) => field.key === key)?.label ?? key

interface Props {
  state: SaveState
  onSignIn: () => void
  onKeepMine: () => void
  onTakeSaved: () => void
}

/** What the person must do when saving cannot go on by itself; nothing when it can. */
export function SaveProblem({ state, onSignIn, onKeepMine, onTakeSaved }: Props) {
  if (state.kind === 'signed_out') {
    return (
      <Alert
        color="yellow"
        variant="light"
        icon={<IconLock aria-hidden="true" />}
        title="You were signed out"
      >
        <Stack gap="xs">
          <Text size="sm">Your text is still here. Sign in again and it will be saved.</Text>
          <Group>
            <Button size="sm" onClick={onSignIn}>
              Sign in again
            </Button>
          </Group>
        </Stack>
      </Alert>
    )
  }
  if (state.kind === 'clash') {
    const theirs = state.server.sections
    return (
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle aria-hidden="true" />}
        title="Someone else changed this record"
      >
        <Stack gap="sm">
          <Text size="sm">
            This record was saved somewhere else (perhaps by you, in another tab or on another device) while
            you were writing here. These sections are different there:
          </Text>
          {state.sections.map((key) => (
            <div key={key}>
              <Text size="sm" fw={700}>
                {labelOf(key)}, as saved there:
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {theirs[key]?.trim() || '(empty)'}
              </Text>
            </div>
          ))}
          <Group>
            <Button size="sm" onClick={onKeepMine}>
              Keep what is on this screen
            </Button>
            <Button size="sm" variant="default" onClick={onTakeSaved}>
              Use the other copy
            </Button>
          </Group>
        </Stack>
      </Alert>
    )
  }
  if (state.kind === 'refused') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconCloudOff aria-hidden="true" />}
        title="Your changes were not saved"
      >
        <Text size="sm">{sentence(messageOf(state.error))}</Text>
        <Text size="sm">
          Your text is still on this screen. Keep this page open and speak to the coordinator.
        </Text>
      </Alert>
    )
  }
  return null
}
