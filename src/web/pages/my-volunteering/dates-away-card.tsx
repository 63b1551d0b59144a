import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { PlainList } from '../../components/plain-list'
import { formatDay } from '../../volunteering-dates'
import { SectionCard } from '../account/section-card'
import { isLocalDate } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import type { MyVolunteering } from '../volunteers/types'
import { useMyAction } from './my-volunteering-queries'

type Exception = MyVolunteering['availability']['exceptions'][number]

const spanWords = (e: Exception) =>
  e.firstDay === e.lastDay ? formatDay(e.firstDay) : `${formatDay(e.firstDay)} to ${formatDay(e.lastDay)}`

/** Holidays and other dates away, when the weekly times do not hold. */
export function DatesAwayCard({ volunteerId, exceptions }: { volunteerId: string; exceptions: Exception[] }) {
  return (
    <SectionCard
      title="Dates away"
      intro="Holidays or other days you cannot help, so you are not put on the rota then."
    >
      <Stack gap="md">
        {exceptions.length === 0 ? (
          <Text>No dates away.</Text>
        ) : (
          <PlainList gap="xs" aria-label="Your dates away">
            {exceptions.map((e) => (
              <li key={e.id}>
                <AwayItem exception={e} />
              </li>
            ))}
          </PlainList>
        )}
        <AddAway volunteerId={volunteerId} />
      </Stack>
    </SectionCard>
  )
}

function AwayItem({ exception }: { exception: Exception }) {
  const remove = useMyAction(() =>
    call(
      api.DELETE('/api/availability-exceptions/{exceptionId}', {
        params: { path: { exceptionId: exception.id } },
      }),
    ),
  )
  const words = spanWords(exception)
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="xs">
        <div>
          <Text fw={600}>
            {exception.kind === 'available' ? 'Free after all: ' : ''}
            {words}
          </Text>
          {exception.note ? <Text size="sm">{exception.note}</Text> : null}
        </div>
        <Button
          size="xs"
          variant="default"
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined)}
          aria-label={`Remove dates away ${words}`}
        >
          Remove
        </Button>
      </Group>
      <ActionError error={remove.error} title="The dates were not removed" />
    </Paper>
  )
}

function AddAway({ volunteerId }: { volunteerId: string }) {
  const [firstDay, setFirstDay] = useState('')
  const [lastDay, setLastDay] = useState('')
  const [note, setNote] = useState('')
  const [shown, setShown] = useState(false)
  const add = useMyAction(
    () =>
      call(
        api.POST('/api/volunteers/{volunteerId}/availability/exceptions', {
          params: { path: { volunteerId } },
          body: { firstDay, lastDay: lastDay || firstDay, kind: 'unavailable', note: note.trim() || null },
        }),
      ),
    () => {
      notifyDone('Dates away added', 'You will not be put on the rota then.')
      setFirstDay('')
      setLastDay('')
      setNote('')
      setShown(false)
    },
  )
  const firstError = shown && !isLocalDate(firstDay) ? 'Enter the first day away' : undefined
  const lastError =
    shown && lastDay && lastDay < firstDay ? 'The last day is on or after the first' : undefined
  const submit = () => {
    setShown(true)
    if (!isLocalDate(firstDay) || (lastDay && lastDay < firstDay)) return
    add.mutate(undefined)
  }
  return (
    <Stack gap="sm" component="section" aria-label="Add dates away">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label="First day away"
          type="date"
          value={firstDay}
          onChange={(e) => setFirstDay(e.currentTarget.value)}
          error={firstError}
        />
        <TextInput
          label="Last day away"
          description="Leave empty for one day"
          type="date"
          value={lastDay}
          onChange={(e) => setLastDay(e.currentTarget.value)}
          error={lastError}
        />
      </SimpleGrid>
      <TextInput
        label="Note (optional)"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={300}
      />
      <ActionError error={add.error} title="The dates were not added" />
      <Button variant="default" onClick={submit} loading={add.isPending} w="fit-content">
        Add dates away
      </Button>
    </Stack>
  )
}
