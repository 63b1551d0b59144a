import { Button, Group, Table } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { RoomView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { ROOM_KIND_LABELS } from '../../format'
import { ArchivedBadge } from './centre-card'
import { RoomForm } from './room-form'

export function RoomRow({ room, centreId }: { room: RoomView; centreId: string }) {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const archive = useMutation({
    mutationFn: (archived: boolean) => call(api.PATCH('/api/rooms/{roomId}', { params: { path: { roomId: room.id } }, body: { archived } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['centre', centreId] }),
  })

  if (editing) {
    return (
      <Table.Tr>
        <Table.Td colSpan={4}>
          <RoomForm venueId={room.venueId} centreId={centreId} room={room} onDone={() => setEditing(false)} />
        </Table.Td>
      </Table.Tr>
    )
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs">
          {room.name}
          <ArchivedBadge archived={room.archived} />
        </Group>
      </Table.Td>
      <Table.Td>{ROOM_KIND_LABELS[room.kind]}</Table.Td>
      <Table.Td>{room.capacityFamilies}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`Change room ${room.name}`}>
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
      </Table.Td>
    </Table.Tr>
  )
}
