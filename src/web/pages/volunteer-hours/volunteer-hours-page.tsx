import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { PageTitle } from '../../components/page-title'
import { endOfMonth, monthStart, shiftMonth } from '../../volunteering-dates'
import { isLocalDate, todayIn } from '../calendar/calendar-dates'
import { HoursTotalsCard } from './hours-totals-card'
import { LogHoursCard } from './log-hours-card'
import { PendingHoursCard } from './pending-hours-card'

const ALL = 'all'

/**
 * Hours and expenses: volunteers' own entries to approve, logging for anyone, and the totals funders
 * ask for ("hours given") over a period, with a CSV of the table.
 */
export function VolunteerHoursPage() {
  const [search, setSearch] = useSearchParams()
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const zone = centres.data?.[0]?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const today = todayIn(zone)
  const askedFrom = search.get('from')
  const askedTo = search.get('to')
  const from = isLocalDate(askedFrom) ? askedFrom : monthStart(today)
  const to = isLocalDate(askedTo) ? askedTo : endOfMonth(today)
  const centreId = centres.data?.find((c) => c.id === search.get('centre'))?.id
  const show = (next: { from?: string; to?: string; centre?: string }) => {
    const params: Record<string, string> = { from: next.from ?? from, to: next.to ?? to }
    const centre = next.centre ?? centreId ?? ALL
    if (centre !== ALL) params.centre = centre
    setSearch(params)
  }
  const lastMonth = shiftMonth(today, -1)
  const year = today.slice(0, 4)
  const presets = [
    { label: 'This month', from: monthStart(today), to: endOfMonth(today) },
    { label: 'Last month', from: lastMonth, to: endOfMonth(lastMonth) },
    { label: 'This year', from: `${year}-01-01`, to: `${year}-12-31` },
    {
      label: 'Last year',
      from: `${String(Number(year) - 1)}-01-01`,
      to: `${String(Number(year) - 1)}-12-31`,
    },
  ]
  return (
    <>
      <PageTitle
        title="Volunteer hours"
        intro="Time volunteers give, their mileage and expenses: approve what they log, add hours for them, and see the totals for a period."
      />
      <Stack gap="lg">
        <FormError error={centres.error} title="We could not load your centres" />
        <Stack gap="xs" component="section" aria-label="Period">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="From"
              type="date"
              value={from}
              w={170}
              onChange={(e) => isLocalDate(e.currentTarget.value) && show({ from: e.currentTarget.value })}
            />
            <TextInput
              label="To"
              type="date"
              value={to}
              w={170}
              onChange={(e) => isLocalDate(e.currentTarget.value) && show({ to: e.currentTarget.value })}
            />
            {centres.data && centres.data.length > 1 ? (
              <Select
                label="Centre"
                data={[
                  { value: ALL, label: 'All your centres' },
                  ...centres.data.map((c) => ({ value: c.id, label: c.name })),
                ]}
                value={centreId ?? ALL}
                onChange={(value) => value && show({ centre: value })}
                allowDeselect={false}
                w={240}
                maw="100%"
              />
            ) : null}
          </Group>
          <Group gap="xs" wrap="wrap">
            {presets.map((p) => (
              <Button
                key={p.label}
                size="xs"
                variant={p.from === from && p.to === to ? 'filled' : 'default'}
                aria-pressed={p.from === from && p.to === to}
                onClick={() => show({ from: p.from, to: p.to })}
              >
                {p.label}
              </Button>
            ))}
          </Group>
        </Stack>
        <HoursTotalsCard from={from} to={to} centreId={centreId} />
        <PendingHoursCard today={today} centreId={centreId} />
        <LogHoursCard today={today} centreId={centreId} />
      </Stack>
    </>
  )
}
