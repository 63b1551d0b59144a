import { Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useMutation } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import type { Conflict, PlanPreview } from '../../api/types'
import { FormError } from '../../components/form-error'
import { ActionError } from '../referrals/detail/action-error'
import { ConflictList, FitsAlert } from './conflict-list'
import { conflictsOf } from './schedule-queries'
import { formatDay, formatDayShort, formatTime } from './schedule-words'

/** The dates a plan would book, which fit and why the others clash, before anything is booked. */
export function PreviewResult({
  preview,
  timeZone,
  onBookFitting,
  isBooking,
}: {
  /** `readiness` lists what stands before a first session, when the server sends it. */
  preview: Pick<PlanPreview, 'occurrences'> & { readiness?: PlanPreview['readiness'] }
  timeZone: string
  onBookFitting: () => void
  isBooking: boolean
}) {
  const [open, { toggle }] = useDisclosure(false)
  const dates = preview.occurrences
  const clashing = dates.filter((o) => o.conflicts.length > 0)
  const fitting = dates.length - clashing.length
  const count = dates.length === 1 ? '1 date' : `${dates.length} dates`
  const readiness = preview.readiness ?? []
  return (
    <Stack gap="xs" aria-live="polite">
      <ConflictList
        conflicts={readiness}
        title="Not ready yet: nothing can be booked until this is done"
        showDate={false}
      />
      {clashing.length === 0 ? (
        <FitsAlert title={`${count}: every one fits`}>
          {readiness.length > 0
            ? 'No date clashes, but see what is missing above.'
            : 'Nothing clashes. You can book them.'}
        </FitsAlert>
      ) : (
        <>
          <ConflictList
            conflicts={clashing.flatMap((o) => o.conflicts)}
            title={
              fitting === 0 ? `${count}: none fits` : `${count}: ${fitting} fit, ${clashing.length} clash`
            }
          />
          {readiness.length === 0 ? (
            <SkipOffer fitting={fitting} onBookFitting={onBookFitting} isBooking={isBooking} />
          ) : null}
        </>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={open}>
          {open ? 'Hide the dates' : 'See every date'}
        </Button>
      </Group>
      <Collapse in={open}>
        <List size="sm" spacing={2} aria-label="Every date of the plan">
          {dates.map((o) => (
            <List.Item key={o.date}>
              {formatDayShort(o.date)}, {formatTime(o.startsAt, timeZone)}–{formatTime(o.endsAt, timeZone)}:{' '}
              {o.conflicts.length === 0 ? 'fits' : `clashes (${o.conflicts.length})`}
            </List.Item>
          ))}
        </List>
      </Collapse>
    </Stack>
  )
}

function SkipOffer({
  fitting,
  onBookFitting,
  isBooking,
}: {
  fitting: number
  onBookFitting: () => void
  isBooking: boolean
}) {
  if (fitting === 0)
    return <Text size="sm">No date fits. Try another time, room or day; the free times above can help.</Text>
  return (
    <Group gap="sm">
      <Button variant="default" onClick={onBookFitting} loading={isBooking}>
        Book the dates that fit and skip the rest
      </Button>
      <Text size="sm" c="dimmed">
        The skipped dates stay on the record as not booked.
      </Text>
    </Group>
  )
}

/** Why the server refused to book: each clash explained, and the offer to skip the clashing dates. */
export function BookingRefused({
  error,
  nothing = 'Nothing was booked',
  canSkip,
  onBookFitting,
  isBooking,
}: {
  error: unknown
  /** "Nothing was booked", or "Nothing was changed" for a change of plan. */
  nothing?: string
  canSkip: boolean
  onBookFitting: () => void
  isBooking: boolean
}) {
  const conflicts: Conflict[] = conflictsOf(error)
  if (conflicts.length === 0) return <ActionError error={error} title={nothing} />
  const notReady = conflicts.every((c) => c.rule.startsWith('R-INT'))
  const dates = new Set(conflicts.map((c) => c.date)).size
  let title = dates === 1 ? `${nothing}: this date clashes` : `${nothing}: ${dates} dates clash`
  if (notReady) title = `${nothing}: the family is not ready yet`
  return (
    <Stack gap="xs">
      <ConflictList conflicts={conflicts} title={title} />
      {canSkip && !notReady ? (
        <SkipOffer fitting={1} onBookFitting={onBookFitting} isBooking={isBooking} />
      ) : null}
    </Stack>
  )
}

interface SlotQuery {
  caseId: string
  from: string
  durationMinutes: number
  venueId: string
  roomId: string
}
export interface Slot {
  date: string
  startsAt: string
  venueId: string
  roomId: string
  roomName: string
}

/** The next times a session of this length would fit; "Use this time" fills the form. */
export function FreeTimes({ query, onUse }: { query: SlotQuery; onUse: (slot: Slot) => void }) {
  const slots = useMutation({
    mutationFn: (q: SlotQuery) =>
      call(
        api.GET('/api/cases/{caseId}/slots', {
          params: {
            path: { caseId: q.caseId },
            query: {
              from: q.from,
              durationMinutes: q.durationMinutes,
              ...(q.venueId ? { venueId: q.venueId } : {}),
              ...(q.roomId ? { roomId: q.roomId } : {}),
              limit: 5,
            },
          },
        }),
      ),
  })
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>Next free times</Text>
          <Button variant="default" size="xs" onClick={() => slots.mutate(query)} loading={slots.isPending}>
            Find free times
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          From {formatDay(query.from)}, {query.roomId ? 'in the chosen room' : 'in any family room'}, for{' '}
          {query.durationMinutes} minutes.
        </Text>
        <FormError error={slots.error} title="We could not find free times" />
        {slots.data?.slots.length === 0 ? (
          <Text size="sm">Nothing is free in the next eight weeks. Check the venue’s opening hours.</Text>
        ) : null}
        {slots.data && slots.data.slots.length > 0 ? (
          <List size="sm" spacing={6} aria-label="Next free times" listStyleType="none" withPadding={false}>
            {slots.data.slots.map((slot) => {
              const words = `${formatDay(slot.date)} at ${slot.startsAt}, ${slot.roomName}`
              return (
                <List.Item key={`${slot.date}-${slot.startsAt}-${slot.roomId}`}>
                  <Group gap="xs" justify="space-between">
                    <Text size="sm">{words}</Text>
                    <Button size="xs" variant="light" onClick={() => onUse(slot)} aria-label={`Use ${words}`}>
                      Use this time
                    </Button>
                  </Group>
                </List.Item>
              )
            })}
          </List>
        ) : null}
      </Stack>
    </Paper>
  )
}
