import { Button, Group, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { RoomView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { ROOM_KIND_LABELS } from '../../format'
import { ArchivedBadge } from './centre-card'
import { RoomForm } from './room-form'
import classes from './settings.module.css'

export function RoomRow({ room, centreId }: { room: RoomView; centreId: string }) {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      call(api.PATCH('/api/rooms/{roomId}', { params: { path: { roomId: room.id } }, body: { archived } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centre', centreId] }),
  })

  if (editing) {
    return (
      <li className={classes.room}>
        <RoomForm venueId={room.venueId} centreId={centreId} room={room} onDone={() => setEditing(false)} />
      </li>
    )
  }
  return (
    <li className={classes.room}>
      <div>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {room.name}
          </Text>
          <ArchivedBadge archived={room.archived} />
        </Group>
        <Text size="sm" c="dimmed">
          {ROOM_KIND_LABELS[room.kind]} ·{' '}
          {room.capacityFamilies === 1 ? '1 family' : `${room.capacityFamilies} families`} at once
        </Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          onClick={() => setEditing(true)}
          aria-label={`Change room ${room.name}`}
        >
          Change
        </Button>
        <Button
          size="xs"
          variant="default"
          loading={archive.isPending}
          onClick={() => archive.mutate(!room.archived)}
          aria-label={`${room.archived ? 'Restore' : 'Archive'} room ${room.name}`}
        >
          {room.archived ? 'Restore' : 'Archive'}
        </Button>
      </Group>
      <FormError error={archive.error} />
    </li>
  )
}
