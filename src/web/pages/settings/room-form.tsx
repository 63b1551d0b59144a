import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { RoomKind, RoomView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { ROOM_KIND_LABELS } from '../../format'

interface Props {
  venueId: string
  centreId: string
  /** The room to change; without it the form adds a new room. */
  room?: RoomView
  onDone: () => void
}

interface Values {
  name: string
  kind: RoomKind
  capacityFamilies: number | string
}

const KIND_OPTIONS = (Object.keys(ROOM_KIND_LABELS) as RoomKind[]).map((kind) => ({
  value: kind,
  label: ROOM_KIND_LABELS[kind],
}))

/** Adds a room to a venue, or changes one. */
export function RoomForm({ venueId, centreId, room, onDone }: Props) {
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    initialValues: {
      name: room?.name ?? '',
      kind: room?.kind ?? 'family_room',
      capacityFamilies: room?.capacityFamilies ?? 1,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name for the room'),
      capacityFamilies: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 100
          ? null
          : 'Enter a number from 1 to 100',
    },
  })
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        kind: values.kind,
        capacityFamilies: Number(values.capacityFamilies),
      }
      if (room) return call(api.PATCH('/api/rooms/{roomId}', { params: { path: { roomId: room.id } }, body }))
      return call(api.POST('/api/venues/{venueId}/rooms', { params: { path: { venueId } }, body }))
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['centre', centreId] })
      onDone()
    },
  })
  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      noValidate
      aria-label={room ? `Change room ${room.name}` : 'New room'}
    >
      <Stack gap="sm" maw={520}>
        <TextInput label="Room name" required {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select
            label="Kind of room"
            data={KIND_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <NumberInput
            label="Families at once"
            min={1}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('capacityFamilies')}
          />
        </Group>
        <FormError
          error={save.error}
          title={room ? 'Your changes were not saved' : 'The room was not added'}
        />
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {room ? 'Save room' : 'Add room'}
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
