import { Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconBan } from '@tabler/icons-react'
import { api, call } from '../../api/client'
import { PlainList } from '../../components/plain-list'
import { formatDateTime } from '../../format'
import { DUTY_LABELS, GONE_SHIFT, isHard } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { formatShortDay } from '../calendar/calendar-dates'
import { notifyDone } from '../referrals/shared/notify'
import type { SwapRequest } from '../volunteers/types'
import { useRotaAction } from './rota-queries'
import { RotaRefusal } from './rota-refusal'

/** Swaps volunteers have asked for, each with what the colleague would meet, to approve or decline. */
export function SwapsPanel({ swaps }: { swaps: SwapRequest[] }) {
  return (
    <SectionCard
      title={`Swaps waiting for you (${swaps.length})`}
      intro="A volunteer has asked a colleague to take their shift. Approving puts the colleague on the shift in their place."
    >
      <PlainList gap="sm" aria-label="Swaps waiting for you">
        {swaps.map((swap) => (
          <li key={swap.id}>
            <SwapItem swap={swap} />
          </li>
        ))}
      </PlainList>
    </SectionCard>
  )
}

function SwapItem({ swap }: { swap: SwapRequest }) {
  const decide = useRotaAction(
    (approve: boolean) =>
      call(
        api.POST('/api/rota-swaps/{swapId}/decision', {
          params: { path: { swapId: swap.id } },
          body: { approve, note: null },
        }),
      ),
    (result) =>
      notifyDone(
        result.status === 'approved' ? 'Swap approved' : 'Swap declined',
        result.status === 'approved'
          ? `${swap.toVolunteer} is now on the shift instead of ${swap.fromVolunteer}.`
          : `${swap.fromVolunteer} stays on the shift.`,
      ),
  )
  const gone = swap.shiftLabel === GONE_SHIFT
  const blocked = gone || isHard(swap.problems)
  return (
    <Paper withBorder radius="sm" p="sm">
      <Stack gap={6}>
        <Text>
          <strong>{swap.fromVolunteer}</strong> asks <strong>{swap.toVolunteer}</strong> to take their{' '}
          {DUTY_LABELS[swap.duty].toLowerCase()} place on {formatShortDay(swap.date)}
          {gone ? '' : ` (${swap.shiftLabel})`}.
        </Text>
        {swap.note ? <Text size="sm">“{swap.note}”</Text> : null}
        <Text size="xs" c="dimmed">
          Asked {formatDateTime(swap.requestedAt)}
        </Text>
        {gone ? (
          <Text size="sm" c="red.9">
            That shift no longer exists: the session moved or the venue is closed that day. The swap cannot be
            approved; please decline it.
          </Text>
        ) : null}
        {!gone && swap.problems.length > 0 ? (
          <List size="sm" spacing={2}>
            {swap.problems.map((p) => (
              <List.Item
                key={`${p.rule}:${p.message}`}
                c={p.hard ? 'red.9' : undefined}
                icon={
                  p.hard ? (
                    <IconBan size={16} aria-hidden="true" />
                  ) : (
                    <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden="true" />
                  )
                }
              >
                {p.hard ? 'Cannot be approved: ' : 'To know: '}
                {p.message}
              </List.Item>
            ))}
          </List>
        ) : null}
        {!gone && swap.problems.length === 0 ? (
          <Text size="sm" c="kin.8">
            {swap.toVolunteer} can take this shift: no rule stands in the way.
          </Text>
        ) : null}
        <Group gap="xs">
          <Button
            size="xs"
            disabled={blocked}
            loading={decide.isPending && decide.variables}
            onClick={() => decide.mutate(true)}
            aria-label={`Approve the swap from ${swap.fromVolunteer} to ${swap.toVolunteer}`}
          >
            Approve
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={decide.isPending && !decide.variables}
            onClick={() => decide.mutate(false)}
            aria-label={`Decline the swap from ${swap.fromVolunteer} to ${swap.toVolunteer}`}
          >
            Decline
          </Button>
        </Group>
        <RotaRefusal error={decide.error} title="The swap was not decided" />
      </Stack>
    </Paper>
  )
}
