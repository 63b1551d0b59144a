import { Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import type { Placed } from '../volunteers/types'
import { useRotaAction } from './rota-queries'

/** Someone on a place: their name, whether the suggestion put them there, any warning, and taking them off. */
export function PlacedPerson({ person, where }: { person: Placed; where: string }) {
  const [confirming, setConfirming] = useState(false)
  const remove = useRotaAction(
    () =>
      call(
        api.DELETE('/api/rota-assignments/{assignmentId}', {
          params: { path: { assignmentId: person.assignmentId } },
        }),
      ),
    () => notifyDone('Taken off the shift', `${person.fullName} is no longer on ${where}.`),
  )
  return (
    <Paper withBorder radius="sm" p="xs" bg="gray.0">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="center">
          <Group gap="xs">
            <Text fw={600}>{person.fullName}</Text>
            {person.suggested ? (
              <Badge variant="outline" color="blue.8" size="sm">
                Suggested
              </Badge>
            ) : null}
          </Group>
          {confirming ? null : (
            <Button
              size="xs"
              variant="default"
              onClick={() => setConfirming(true)}
              aria-label={`Take off ${person.fullName}, ${where}`}
            >
              Take off
            </Button>
          )}
        </Group>
        {person.warnings.length > 0 ? (
          <List
            size="sm"
            spacing={2}
            icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden="true" />}
            aria-label={`Warnings for ${person.fullName}`}
          >
            {person.warnings.map((w) => (
              <List.Item key={w.rule}>
                {w.message}
                {w.hard ? ' — please find someone else' : ''}
              </List.Item>
            ))}
          </List>
        ) : null}
        {confirming ? (
          <Stack gap={6}>
            <Text size="sm">Take {person.fullName} off this shift? The place will be empty again.</Text>
            <Group gap="xs">
              <Button
                size="xs"
                color="red.8"
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                Yes, take them off
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                Keep them on
              </Button>
            </Group>
          </Stack>
        ) : null}
        <ActionError error={remove.error} title="They are still on the shift" />
      </Stack>
    </Paper>
  )
}
