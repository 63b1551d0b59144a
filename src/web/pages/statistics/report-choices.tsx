import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { isLocalDate, todayIn } from '../calendar/calendar-dates'
import { useCentres } from '../volunteers/queries'
import { periodPresets, type PresetKey } from './statistics-dates'

const ALL = 'all'

/**
 * The choices a statistics page is showing, kept in the address (?centre=&from=&to=…) so a link
 * shared or a page reloaded shows the same figures. No centre means every centre the person may see.
 */
export function useReportChoices() {
  const [search, setSearch] = useSearchParams()
  const centres = useCentres()
  const list = centres.data ?? []
  const centre = list.find((c) => c.id === search.get('centre'))
  const zone = centre?.timeZone ?? list[0]?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const today = todayIn(zone)
  const choose = (changes: Record<string, string | undefined>) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current)
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      { replace: true },
    )
  return {
    search,
    centres: list,
    centresReady: !centres.isPending,
    centresError: centres.error,
    centreId: centre?.id,
    centreName: centre?.name,
    today,
    choose,
  }
}

export type ReportChoices = ReturnType<typeof useReportChoices>

/** The period asked for in the address, or the preset given; with whether it runs the right way. */
export function usePeriod(choices: ReportChoices, fallback: PresetKey) {
  const presets = periodPresets(choices.today)
  const preset = presets.find((p) => p.key === fallback) ?? presets[0]
  const askedFrom = choices.search.get('from')
  const askedTo = choices.search.get('to')
  const from = isLocalDate(askedFrom) ? askedFrom : (preset?.from ?? choices.today)
  const to = isLocalDate(askedTo) ? askedTo : (preset?.to ?? choices.today)
  return { from, to, presets, isValid: from <= to }
}

/** All the person's centres, or one; nothing to choose for someone with a single centre. */
export function CentreSelect({ choices }: { choices: ReportChoices }) {
  if (choices.centres.length < 2) return null
  return (
    <Select
      label="Centre"
      data={[
        { value: ALL, label: 'All your centres' },
        ...choices.centres.map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={choices.centreId ?? ALL}
      onChange={(value) => value && choices.choose({ centre: value === ALL ? undefined : value })}
      allowDeselect={false}
      w={260}
      maw="100%"
    />
  )
}

/** A period: the usual ones a tap away, or any first and last day. */
export function PeriodChoice({
  choices,
  period,
}: {
  choices: ReportChoices
  period: ReturnType<typeof usePeriod>
}) {
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap" role="group" aria-label="Period">
        {period.presets.map((p) => {
          const chosen = p.from === period.from && p.to === period.to
          return (
            <Button
              key={p.key}
              size="xs"
              variant={chosen ? 'filled' : 'default'}
              aria-pressed={chosen}
              onClick={() => choices.choose({ from: p.from, to: p.to })}
            >
              {p.label}
            </Button>
          )
        })}
      </Group>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="From"
          type="date"
          value={period.from}
          w={170}
          onChange={(e) =>
            isLocalDate(e.currentTarget.value) && choices.choose({ from: e.currentTarget.value })
          }
        />
        <TextInput
          label="To"
          type="date"
          value={period.to}
          w={170}
          error={period.isValid ? null : 'The period ends before it starts'}
          onChange={(e) =>
            isLocalDate(e.currentTarget.value) && choices.choose({ to: e.currentTarget.value })
          }
        />
      </Group>
    </Stack>
  )
}
