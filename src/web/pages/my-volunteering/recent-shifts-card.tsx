import { Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconClockCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { PlainList } from '../../components/plain-list'
import { hoursWords, jobWords, penceOf } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { formatLongDay } from '../calendar/calendar-dates'
import { ActionError } from '../referrals/detail/action-error'
import { notifyDone } from '../referrals/shared/notify'
import type { MyShift, MyVolunteering } from '../volunteers/types'
import { minutesBetween, useMyAction } from './my-volunteering-queries'

/** Shifts of the last six weeks, each with "Log my hours" until it is logged. */
export function RecentShiftsCard({ data }: { data: MyVolunteering }) {
  return (
    <SectionCard
      title="Recent shifts"
      intro="Log your hours after each shift. The coordinator approves them, and they count towards the hours the centre reports to its funders."
    >
      {data.pastShifts.length === 0 ? (
        <Text>No shifts in the last six weeks.</Text>
      ) : (
        <PlainList gap="sm" aria-label="Recent shifts">
          {data.pastShifts.map((shift) => (
            <li key={shift.assignmentId}>
              <RecentShift shift={shift} />
            </li>
          ))}
        </PlainList>
      )}
    </SectionCard>
  )
}

function RecentShift({ shift }: { shift: MyShift }) {
  const [logging, setLogging] = useState(false)
  const minutes = minutesBetween(shift.startsAt, shift.endsAt)
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={700}>{formatLongDay(shift.date)}</Text>
            <Text size="sm">
              {jobWords(shift)}
              {shift.duty === 'escort' ? '' : `, ${shift.label}`}, {shift.localStart} to {shift.localEnd}
            </Text>
          </div>
          {shift.hoursLogged ? (
            <Badge color="kin" variant="light">
              Hours logged
            </Badge>
          ) : null}
        </Group>
        {!shift.hoursLogged && !logging ? (
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconClockCheck size={18} aria-hidden="true" />}
            onClick={() => setLogging(true)}
            aria-label={`Log my hours for ${formatLongDay(shift.date)}`}
          >
            Log my hours
          </Button>
        ) : null}
        {logging ? <LogForm shift={shift} minutes={minutes} onDone={() => setLogging(false)} /> : null}
      </Stack>
    </Paper>
  )
}

function LogForm({ shift, minutes, onDone }: { shift: MyShift; minutes: number; onDone: () => void }) {
  const escort = shift.duty === 'escort'
  const [miles, setMiles] = useState<number | string>('')
  const [expenses, setExpenses] = useState('')
  const badSum = expenses.trim() !== '' && penceOf(expenses) === null
  const log = useMyAction(
    () =>
      call(
        api.POST('/api/volunteer-hours', {
          body: {
            kind: escort ? 'escort' : 'session',
            onDate: shift.date,
            assignmentId: shift.assignmentId,
            miles: escort && miles !== '' ? Number(miles) : null,
            expensesPence: escort ? penceOf(expenses) : null,
            description: null,
          },
        }),
      ),
    () => {
      notifyDone('Hours sent', 'Thank you. The coordinator will approve them.')
      onDone()
    },
  )
  return (
    <Stack gap="sm">
      <Text size="sm">
        We will log <strong>{hoursWords(minutes)}</strong>, the length of the shift.
      </Text>
      {escort ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label="Miles you drove"
            min={0}
            max={2000}
            decimalScale={1}
            inputMode="decimal"
            value={miles}
            onChange={setMiles}
          />
          <TextInput
            label="Expenses (£)"
            description="Parking, fares, a meal"
            inputMode="decimal"
            value={expenses}
            onChange={(e) => setExpenses(e.currentTarget.value)}
            error={badSum ? 'Enter a sum such as 4.50' : undefined}
          />
        </SimpleGrid>
      ) : null}
      <ActionError error={log.error} title="Your hours were not sent" />
      <Group gap="xs">
        <Button onClick={() => log.mutate(undefined)} loading={log.isPending} disabled={badSum}>
          Send my hours
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
