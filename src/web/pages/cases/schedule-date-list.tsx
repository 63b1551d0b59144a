import { Button, CloseButton, Fieldset, Group, List, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import type { PlanValues } from './schedule-plan-values'
import { formatDay } from './schedule-words'

type Form = UseFormReturnType<PlanValues>

/** Dates the series skips, such as the weeks a parent who flies in cannot come. */
export function SkipDatesField({ form }: { form: Form }) {
  return (
    <Fieldset legend="Dates to skip" p={{ base: 'sm', sm: 'md' }}>
      <DateList
        description="For example, a week the visiting parent cannot come."
        inputLabel="Date to skip"
        listLabel="Dates to skip"
        removeLabel={(day) => `Do not skip ${day}`}
        dates={form.getValues().skipDates}
        onChange={(dates) => form.setFieldValue('skipDates', dates)}
      />
    </Fieldset>
  )
}

/** A list of dates built one at a time: a date field, an "Add date" button and a remove button each. */
function DateList({
  description,
  inputLabel,
  listLabel,
  removeLabel,
  dates,
  onChange,
  error,
}: {
  description: string
  inputLabel: string
  listLabel: string
  removeLabel: (day: string) => string
  dates: string[]
  onChange: (dates: string[]) => void
  error?: ReactNode
}) {
  const [date, setDate] = useState('')
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || dates.includes(date)) return
    onChange([...dates, date].sort())
    setDate('')
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {description}
      </Text>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={inputLabel}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={error}
        />
        <Button variant="default" onClick={add}>
          Add date
        </Button>
      </Group>
      {dates.length > 0 ? (
        <List size="sm" spacing={4} aria-label={listLabel}>
          {dates.map((d) => (
            <List.Item key={d}>
              <Group gap={4}>
                {formatDay(d)}
                <CloseButton
                  size="sm"
                  aria-label={removeLabel(formatDay(d))}
                  onClick={() => onChange(dates.filter((x) => x !== d))}
                />
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  )
}

/** The days of an on_dates plan: a parent who flies in says when they are here. */
export function ChosenDates({ form }: { form: Form }) {
  return (
    <DateList
      description="The days the visiting parent is here, one at a time."
      inputLabel="Add a date"
      listLabel="Chosen dates"
      removeLabel={(day) => `Remove ${day}`}
      dates={form.getValues().dates}
      onChange={(dates) => form.setFieldValue('dates', dates)}
      error={form.errors.dates}
    />
  )
}
