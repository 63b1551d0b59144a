import { Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconWand } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { CentreView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { endOfMonth, formatMonth, monthStart, shiftMonth } from '../../volunteering-dates'
import { isLocalDate, todayIn } from '../calendar/calendar-dates'
import { OrphanedPanel } from './orphaned-panel'
import { RotaDays } from './rota-days'
import { rotaQuery } from './rota-queries'
import { SuggestDialog } from './suggest-dialog'
import { SwapsPanel } from './swaps-panel'

/** One centre's rota for a month: the way through the months, open swaps, then each day's shifts. */
export function CentreRota({ centre, centres }: { centre: CentreView; centres: CentreView[] }) {
  const [search, setSearch] = useSearchParams()
  const [suggesting, setSuggesting] = useState(false)
  const today = todayIn(centre.timeZone)
  const asked = search.get('month')
  const from = monthStart(isLocalDate(asked) ? asked : today)
  const to = endOfMonth(from)
  const rota = useQuery(rotaQuery(centre.id, from, to))
  const show = (next: { centre?: string; month?: string }) =>
    setSearch({ centre: next.centre ?? centre.id, month: next.month ?? from })
  const unfilled = rota.data?.shifts.reduce((sum, s) => sum + s.unfilled, 0) ?? 0

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {centres.length > 1 ? (
          <Select
            label="Centre"
            data={centres.map((c) => ({ value: c.id, label: c.name }))}
            value={centre.id}
            onChange={(value) => value && show({ centre: value })}
            allowDeselect={false}
            w={260}
            maw="100%"
          />
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Button
            variant="default"
            onClick={() => show({ month: shiftMonth(from, -1) })}
            leftSection={<IconChevronLeft size={18} aria-hidden="true" />}
          >
            Previous month
          </Button>
          <Button variant="default" onClick={() => show({ month: monthStart(today) })}>
            This month
          </Button>
          <Button
            variant="default"
            onClick={() => show({ month: shiftMonth(from, 1) })}
            rightSection={<IconChevronRight size={18} aria-hidden="true" />}
          >
            Next month
          </Button>
        </Group>
        <Button
          leftSection={<IconWand size={18} aria-hidden="true" />}
          onClick={() => setSuggesting(true)}
          disabled={!rota.data}
        >
          Suggest a rota
        </Button>
      </Group>
      <div>
        <Title order={2} size="h3">
          {centre.name}: {formatMonth(from)}
        </Title>
        {rota.data ? (
          <Text c="dimmed" mt={4} data-testid="rota-summary">
            {rota.data.shifts.length === 0
              ? 'No shifts this month: the centre has no opening sessions or escorted visits then.'
              : `${rota.data.shifts.length} shift${rota.data.shifts.length === 1 ? '' : 's'}; ${
                  unfilled === 0
                    ? 'every place is filled.'
                    : `${unfilled} place${unfilled === 1 ? '' : 's'} still to fill.`
                }`}
          </Text>
        ) : null}
      </div>
      {rota.isPending ? <Loading label="Loading the rota" /> : null}
      <FormError error={rota.error} title="We could not load the rota" />
      {rota.data && rota.data.swaps.length > 0 ? <SwapsPanel swaps={rota.data.swaps} /> : null}
      {rota.data && rota.data.orphaned.length > 0 ? <OrphanedPanel orphaned={rota.data.orphaned} /> : null}
      {rota.data ? <RotaDays rota={rota.data} centreId={centre.id} /> : null}
      {suggesting && rota.data ? (
        <SuggestDialog
          centreId={centre.id}
          rota={rota.data}
          today={today}
          onClose={() => setSuggesting(false)}
        />
      ) : null}
    </Stack>
  )
}
