import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PlainList } from '../../components/plain-list'
import { hoursWords } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { addDays, formatLongDay } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import { claimWords, hoursKey, KIND_LABELS, useHoursAction, type HoursEntry } from './hours-queries'

/** Hours volunteers logged themselves over the last year, waiting for a coordinator's yes or no. */
export function PendingHoursCard({ today, centreId }: { today: string; centreId?: string }) {
  const from = addDays(today, -366)
  const pending = useQuery({
    queryKey: [...hoursKey, 'submitted', from, today, centreId],
    queryFn: () =>
      call(
        api.GET('/api/volunteer-hours', {
          params: { query: { from, to: today, status: 'submitted', centreId } },
        }),
      ),
  })
  const entries = pending.data?.entries ?? []
  return (
    <SectionCard
      title={`Waiting for approval${pending.data ? ` (${entries.length})` : ''}`}
      intro="Hours volunteers have logged themselves in the last year. Approved hours count in the totals."
    >
      {pending.isPending ? <Loading label="Loading hours waiting for approval" /> : null}
      <FormError error={pending.error} title="We could not load the hours waiting for approval" />
      {pending.data && entries.length === 0 ? <Text>Nothing is waiting for approval.</Text> : null}
      {entries.length > 0 ? (
        <PlainList gap="sm" aria-label="Hours waiting for approval">
          {entries.map((entry) => (
            <li key={entry.id}>
              <PendingEntry entry={entry} />
            </li>
          ))}
        </PlainList>
      ) : null}
    </SectionCard>
  )
}

function PendingEntry({ entry }: { entry: HoursEntry }) {
  const [declining, setDeclining] = useState(false)
  const [note, setNote] = useState('')
  const decide = useHoursAction(
    (approve: boolean) =>
      call(
        api.POST('/api/volunteer-hours/{hoursId}/decision', {
          params: { path: { hoursId: entry.id } },
          body: { approve, note: approve ? null : note.trim() || null },
        }),
      ),
    (result) =>
      notifyDone(
        result.status === 'approved' ? 'Hours approved' : 'Hours declined',
        `${entry.fullName}, ${formatLongDay(entry.onDate)}.`,
      ),
  )
  const claim = claimWords(entry)
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Text fw={600}>{entry.fullName}</Text>
        <Text size="sm">
          {KIND_LABELS[entry.kind]} on {formatLongDay(entry.onDate)}: {hoursWords(entry.minutes)}
          {claim ? `; ${claim}` : ''}
        </Text>
        {entry.description ? <Text size="sm">“{entry.description}”</Text> : null}
        {declining ? (
          <TextInput
            label="Why not? (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
          />
        ) : null}
        <Group gap="xs">
          {declining ? (
            <>
              <Button size="xs" color="red.8" loading={decide.isPending} onClick={() => decide.mutate(false)}>
                Decline these hours
              </Button>
              <Button size="xs" variant="default" onClick={() => setDeclining(false)}>
                Back
              </Button>
            </>
          ) : (
            <>
              <Button
                size="xs"
                loading={decide.isPending}
                onClick={() => decide.mutate(true)}
                aria-label={`Approve ${entry.fullName}’s hours on ${formatLongDay(entry.onDate)}`}
              >
                Approve
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => setDeclining(true)}
                aria-label={`Decline ${entry.fullName}’s hours on ${formatLongDay(entry.onDate)}`}
              >
                Decline
              </Button>
            </>
          )}
        </Group>
        <ActionError error={decide.error} title="The hours were not decided" />
      </Stack>
    </Paper>
  )
}
