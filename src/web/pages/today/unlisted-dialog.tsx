import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { IconBan, IconDoorEnter } from '@tabler/icons-react'
import { useState } from 'react'
import { Dialog } from '../referrals/shared/dialog'
import { SIDE_NAMES } from './today-words'
import type { TapInput } from './use-door'
import type { Side, TodaySession } from './types'

/**
 * Someone at the door who is not on the family's list: the name they give and whose side they came
 * with, then either let in (after the warning) or turned away.
 */
export function UnlistedDialog({
  session,
  onTap,
  onClose,
}: {
  session: TodaySession
  onTap: (input: TapInput) => void
  onClose: () => void
}) {
  const [name, setName] = useState('')
  const [side, setSide] = useState<Side | ''>('')
  const [errors, setErrors] = useState<{ name?: string; side?: string }>({})
  const record = (kind: 'arrived' | 'refused_entry') => {
    const trimmed = name.trim()
    const problems = {
      ...(trimmed ? {} : { name: 'Enter the name they gave' }),
      ...(side ? {} : { side: 'Choose whose side they came with' }),
    }
    setErrors(problems)
    if (!trimmed || !side) return
    onClose()
    onTap({ kind, partyId: null, side, name: trimmed })
  }
  return (
    <Dialog title={`Someone not on the list for ${session.caseReference}`} onClose={onClose}>
      <Stack>
        <Text>Only the people named for the family may come in. Ask the coordinator if you are unsure.</Text>
        <TextInput
          label="The name they gave"
          required
          maxLength={120}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          size="md"
        />
        <Radio.Group
          label="Who did they come with?"
          required
          value={side}
          onChange={(value) => setSide(value as Side)}
          error={errors.side}
        >
          <Stack gap="sm" mt="xs">
            {session.parties.map((party) => (
              <Radio
                key={party.side}
                value={party.side}
                label={`The ${SIDE_NAMES[party.side].toLowerCase()}`}
                size="md"
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button
            size="lg"
            leftSection={<IconDoorEnter size={20} aria-hidden="true" />}
            onClick={() => record('arrived')}
          >
            Let them in
          </Button>
          <Button
            size="lg"
            color="red.8"
            leftSection={<IconBan size={20} aria-hidden="true" />}
            onClick={() => record('refused_entry')}
          >
            Turned away
          </Button>
          <Button size="lg" variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Dialog>
  )
}
