import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { api, call } from '../../api/client'
import { Loading } from '../../components/loading'
import { PlainList } from '../../components/plain-list'
import { formatMonth } from '../../volunteering-dates'
import { DUTY_LABELS } from '../../volunteering-words'
import { formatShortDay } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import type { RotaView, SuggestionView } from '../volunteers/types'
import { useRotaAction } from './rota-queries'
import { shiftWords } from './shift-card'

/**
 * A suggested rota for the month, shown before anything changes: how many places it fills, who goes
 * where, and why each place it leaves empty could not be filled. "Apply" writes it.
 */
export function SuggestDialog({
  centreId,
  rota,
  today,
  onClose,
}: {
  centreId: string
  rota: RotaView
  today: string
  onClose: () => void
}) {
  const run = (apply: boolean) =>
    call(
      api.POST('/api/centres/{centreId}/rota/suggest', {
        params: { path: { centreId } },
        body: { from: rota.from, to: rota.to, apply },
      }),
    )
  // Only a preview: read like a query, never cached, so each opening works it out afresh.
  const preview = useQuery({
    queryKey: ['rota-suggestion', centreId, rota.from, rota.to],
    queryFn: () => run(false),
    gcTime: 0,
    staleTime: 0,
    retry: false,
  })
  const apply = useRotaAction(
    () => run(true),
    (result) => {
      notifyDone('Rota filled in', `${result.filled} place${result.filled === 1 ? '' : 's'} filled.`)
      onClose()
    },
  )
  const shifts = new Map(rota.shifts.map((s) => [s.key, s]))
  const where = (key: string, date: string) => {
    const shift = shifts.get(key)
    return `${formatShortDay(date)}, ${shift ? shiftWords(shift) : 'shift'}`
  }
  const data = preview.data
  return (
    <Dialog title={`Suggest a rota for ${formatMonth(rota.from)}`} onClose={onClose}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          The suggestion keeps every rule, shares shifts out fairly and never overrides a warning. Days before
          today ({formatShortDay(today)}) are left as they are. Nothing changes until you apply it.
        </Text>
        {preview.isPending ? <Loading label="Working out a rota" /> : null}
        <ActionError error={preview.error} title="We could not suggest a rota" />
        {data ? (
          <Preview data={data} where={where}>
            <ActionError error={apply.error} title="The suggestion was not applied" />
            <Group>
              <Button
                onClick={() => apply.mutate(undefined)}
                loading={apply.isPending}
                disabled={data.filled === 0}
              >
                {data.filled > 0
                  ? `Apply: fill ${data.filled} place${data.filled === 1 ? '' : 's'}`
                  : 'Apply'}
              </Button>
              <Button variant="default" onClick={onClose}>
                Close without changing anything
              </Button>
            </Group>
          </Preview>
        ) : null}
      </Stack>
    </Dialog>
  )
}

/** The placements shift by shift, in the order of the rota. */
function byShift(placements: SuggestionView['placements']) {
  const shifts = new Map<string, SuggestionView['placements']>()
  for (const p of placements) shifts.set(p.shiftKey, [...(shifts.get(p.shiftKey) ?? []), p])
  return [...shifts.values()]
}

function Preview({
  data,
  where,
  children,
}: {
  data: SuggestionView
  where: (key: string, date: string) => string
  /** What to do with it, shown under the summary so it is in sight without scrolling. */
  children: ReactNode
}) {
  return (
    <Stack gap="md">
      <Alert color={data.unfilled.length === 0 ? 'kin' : 'yellow'} variant="light" title="What it would do">
        {data.positions === 0
          ? 'Every place this month is already filled.'
          : `It would fill ${data.filled} of the ${data.positions} open place${data.positions === 1 ? '' : 's'}.`}
        {data.unfilled.length > 0
          ? ` ${data.unfilled.length} would stay unfilled; the reasons are below.`
          : ''}
      </Alert>
      {children}
      {data.placements.length > 0 ? (
        <section aria-label="Who it would place">
          <Title order={3} size="h5" mb="xs">
            Who it would place
          </Title>
          <PlainList gap="sm">
            {byShift(data.placements).map((placed) => (
              <li key={placed[0]?.shiftKey}>
                <Text size="sm" fw={700}>
                  {placed[0] ? where(placed[0].shiftKey, placed[0].date) : ''}
                </Text>
                <List size="sm" spacing={2}>
                  {placed.map((p) => (
                    <List.Item key={`${p.duty}:${p.sessionId ?? ''}:${p.volunteerId}`}>
                      {DUTY_LABELS[p.duty]}: <strong>{p.fullName}</strong>
                    </List.Item>
                  ))}
                </List>
              </li>
            ))}
          </PlainList>
        </section>
      ) : null}
      {data.unfilled.length > 0 ? (
        <section aria-label="Places it could not fill">
          <Title order={3} size="h5" mb="xs">
            Places it could not fill
          </Title>
          <PlainList gap="sm">
            {data.unfilled.map((u, i) => (
              <li key={`${u.shiftKey}:${u.duty}:${u.sessionId ?? ''}:${String(i)}`}>
                <Text size="sm" fw={700}>
                  {DUTY_LABELS[u.duty]}, {where(u.shiftKey, u.date)}
                </Text>
                <Text size="sm">{u.reason}.</Text>
              </li>
            ))}
          </PlainList>
        </section>
      ) : null}
    </Stack>
  )
}
