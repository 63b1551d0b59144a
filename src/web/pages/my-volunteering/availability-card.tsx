import {
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { SectionCard } from '../account/section-card'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import { WEEKDAYS } from '../settings/opening-words'
import type { MyVolunteering } from '../volunteers/types'
import { useMyAction } from './my-volunteering-queries'

interface Window {
  weekday: number
  from: string
  to: string
}

const DAY_OPTIONS = WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))
const MAX_WINDOWS = 21

/** When the volunteer can help each week, and how many shifts a month they would like at most. */
export function AvailabilityCard({
  volunteerId,
  availability,
}: {
  volunteerId: string
  availability: MyVolunteering['availability']
}) {
  const [windows, setWindows] = useState<Window[]>(availability.weekly)
  const [max, setMax] = useState<number | string>(availability.maxShiftsPerMonth ?? '')
  const [shown, setShown] = useState(false)
  const bad = windows.map((w) => (w.from && w.to && w.to <= w.from ? 'The end is after the start' : null))
  const save = useMyAction(
    () =>
      call(
        api.PUT('/api/volunteers/{volunteerId}/availability', {
          params: { path: { volunteerId } },
          body: { weekly: windows, maxShiftsPerMonth: max === '' ? null : Number(max) },
        }),
      ),
    () => notifyDone('Saved', 'The coordinator will use these times for the rota.'),
  )
  const change = (index: number, next: Partial<Window>) => {
    setShown(false)
    setWindows((all) => all.map((w, i) => (i === index ? { ...w, ...next } : w)))
  }
  const submit = () => {
    setShown(true)
    if (bad.some(Boolean) || windows.some((w) => !w.from || !w.to)) return
    save.mutate(undefined)
  }
  return (
    <SectionCard
      title="When I can volunteer"
      intro="The days and times you are usually free. The coordinator only puts you on shifts inside them."
    >
      <Stack gap="sm">
        {windows.length === 0 ? <Text>You have not said when you are free yet.</Text> : null}
        {windows.map((w, i) => (
          <Fieldset key={i} legend={`Time ${i + 1}`} p="sm">
            <Stack gap="xs">
              <NativeSelect
                label="Day"
                data={DAY_OPTIONS}
                value={String(w.weekday)}
                onChange={(e) => change(i, { weekday: Number(e.currentTarget.value) })}
              />
              <SimpleGrid cols={2} spacing="xs">
                <TextInput
                  label="From"
                  type="time"
                  value={w.from}
                  onChange={(e) => change(i, { from: e.currentTarget.value })}
                  error={shown && !w.from ? 'Enter a time' : undefined}
                />
                <TextInput
                  label="To"
                  type="time"
                  value={w.to}
                  onChange={(e) => change(i, { to: e.currentTarget.value })}
                  error={shown ? (bad[i] ?? (!w.to ? 'Enter a time' : undefined)) : undefined}
                />
              </SimpleGrid>
              <Button
                variant="default"
                size="xs"
                w="fit-content"
                onClick={() => setWindows((all) => all.filter((_, j) => j !== i))}
              >
                Remove time {i + 1}
              </Button>
            </Stack>
          </Fieldset>
        ))}
        {windows.length < MAX_WINDOWS ? (
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => setWindows((all) => [...all, { weekday: 6, from: '09:00', to: '13:00' }])}
          >
            Add a day and time
          </Button>
        ) : null}
        <NumberInput
          label="Most shifts a month"
          description="Leave it empty for the centre’s usual number."
          min={1}
          max={31}
          allowDecimal={false}
          allowNegative={false}
          value={max}
          onChange={setMax}
          maw={240}
        />
        <ActionError error={save.error} title="Your times were not saved" />
        <Button onClick={submit} loading={save.isPending} w="fit-content">
          Save when I can volunteer
        </Button>
      </Stack>
    </SectionCard>
  )
}
