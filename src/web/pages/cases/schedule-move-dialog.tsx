import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type SyntheticEvent } from 'react'
import { api, call } from '../../api/client'
import type { Conflict, SessionView } from '../../api/types'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { ConflictList, FitsAlert } from './conflict-list'
import { conflictsOf, isStale, scheduleKey } from './schedule-queries'
import { durationWords, formatDay } from './schedule-words'

export interface MoveSessionDialogProps {
  session: SessionView
  opened: boolean
  onClose: () => void
  /** Called after the move is saved, once the case's schedule has been asked to reload. */
  onMoved?: () => void
}

/**
 * Moves one session to another day, time or room of the same venue. Each change is checked first
 * (a dry run) and the answer shown before anything is saved; the rest of the series is untouched.
 */
export function MoveSessionDialog(props: MoveSessionDialogProps) {
  if (!props.opened) return null
  return <MoveForm {...props} />
}

interface Place {
  date: string
  startsAt: string
  roomId: string | null
}

const isComplete = (p: Place) => /^\d{4}-\d{2}-\d{2}$/.test(p.date) && /^\d{2}:\d{2}$/.test(p.startsAt)
const USABLE_ROOMS = new Set(['family_room', 'private_room', 'outdoor', 'other'])
const CHECK_REASON = 'Checking a new time'

function moveBody(session: SessionView, place: Place, reason: string, dryRun: boolean) {
  return {
    date: place.date,
    startsAt: place.startsAt,
    ...(session.venueId ? { roomId: place.roomId } : {}),
    version: session.version,
    reason,
    dryRun,
  }
}

function MoveForm({ session, onClose, onMoved }: MoveSessionDialogProps) {
  const queryClient = useQueryClient()
  const [place, setPlace] = useState<Place>({
    date: session.date,
    startsAt: session.localStart,
    roomId: session.roomId,
  })
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [checked] = useDebouncedValue(place, 400)
  const rooms = useVenueRooms(session)
  const unchanged =
    checked.date === session.date &&
    checked.startsAt === session.localStart &&
    checked.roomId === session.roomId
  const check = useQuery({
    queryKey: ['move-check', session.id, session.version, checked],
    queryFn: () =>
      call(
        api.POST('/api/sessions/{sessionId}/move', {
          params: { path: { sessionId: session.id } },
          body: moveBody(session, checked, reason.trim() || CHECK_REASON, true),
        }),
      ),
    enabled: isComplete(checked) && !unchanged,
    retry: false,
    gcTime: 0,
  })
  const save = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/sessions/{sessionId}/move', {
          params: { path: { sessionId: session.id } },
          body: moveBody(session, place, reason.trim(), false),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scheduleKey(session.caseId) })
      await queryClient.invalidateQueries({ queryKey: ['calendar'] })
      notifyDone('Session moved', 'Both parents are sent their own new times by email.')
      onMoved?.()
      onClose()
    },
  })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setReasonError('Say why the session is moving')
      return
    }
    save.mutate()
  }
  const settling = place !== checked || check.isFetching
  const clashes = check.data && !check.data.ok
  return (
    <Dialog
      title={`Move the session on ${formatDay(session.date)} at ${session.localStart}`}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Only this session moves; the rest of the series stays as it is. It keeps its length (
            {durationWords(Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000))})
            and each parent keeps their arrival order.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="New date"
              type="date"
              required
              value={place.date}
              onChange={(e) => setPlace({ ...place, date: e.currentTarget.value })}
            />
            <TextInput
              label="New start time (centre time)"
              type="time"
              required
              value={place.startsAt}
              onChange={(e) => setPlace({ ...place, startsAt: e.currentTarget.value })}
            />
          </SimpleGrid>
          {session.venueId ? (
            <Select
              label="Room"
              description={session.venueName ? `At ${session.venueName}` : undefined}
              data={rooms.map((r) => ({ value: r.id, label: r.name }))}
              value={place.roomId}
              onChange={(roomId) => setPlace({ ...place, roomId })}
              allowDeselect={false}
            />
          ) : null}
          <div aria-live="polite">
            <CheckAnswer
              unchanged={unchanged && place === checked}
              settling={settling}
              ok={check.data?.ok === true}
              conflicts={check.data?.conflicts ?? []}
              error={check.error}
            />
          </div>
          <Textarea
            label="Why is it moving?"
            required
            autosize
            minRows={2}
            value={reason}
            error={reasonError}
            onChange={(e) => {
              setReason(e.currentTarget.value)
              setReasonError(null)
            }}
          />
          <MoveError error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={unchanged || clashes === true}>
              Save the new time
            </Button>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

function CheckAnswer({
  unchanged,
  settling,
  ok,
  conflicts,
  error,
}: {
  unchanged: boolean
  settling: boolean
  ok: boolean
  conflicts: Conflict[]
  error: unknown
}) {
  if (unchanged)
    return <Text size="sm">Choose a new date, time or room, and we will check it before you save.</Text>
  if (settling)
    return (
      <Text size="sm" c="dimmed">
        Checking that time…
      </Text>
    )
  if (error) return <MoveError error={error} />
  if (conflicts.length > 0)
    return <ConflictList conflicts={conflicts} title="This time does not work" showDate={false} />
  if (ok)
    return (
      <FitsAlert title="This time works">
        The room is free, the venue is open and the parents will not meet at the door.
      </FitsAlert>
    )
  return null
}

function MoveError({ error }: { error: unknown }) {
  if (!error) return null
  if (isStale(error))
    return (
      <Alert color="red" variant="light" title="Someone else changed this session">
        It was changed after you opened this window. Close it, and open the session again to see its latest
        time.
      </Alert>
    )
  const conflicts = conflictsOf(error)
  if (conflicts.length > 0) return <ConflictList conflicts={conflicts} title="This time does not work" />
  return <ActionError error={error} title="The session was not moved" />
}

/** The rooms of the session's venue a family can use; read from the venue's calendar for that day. */
function useVenueRooms(session: SessionView) {
  const venueId = session.venueId ?? ''
  const rooms = useQuery({
    queryKey: ['venue-rooms', venueId],
    queryFn: () =>
      call(
        api.GET('/api/venues/{venueId}/calendar', {
          params: { path: { venueId }, query: { from: session.date, to: session.date } },
        }),
      ),
    enabled: venueId !== '',
    staleTime: 60_000,
  })
  const list = (rooms.data?.rooms ?? []).filter((r) => USABLE_ROOMS.has(r.kind) || r.id === session.roomId)
  if (session.roomId && !list.some((r) => r.id === session.roomId))
    list.push({
      id: session.roomId,
      name: session.roomName ?? 'Current room',
      kind: 'other',
      capacityFamilies: 1,
    })
  return list
}
