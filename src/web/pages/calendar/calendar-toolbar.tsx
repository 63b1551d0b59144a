import { Button, Group, Select, TextInput } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import { isLocalDate } from './calendar-dates'
import type { VenueChoice } from './queries'

export type CalendarMode = 'week' | 'day'

interface Props {
  choices: VenueChoice[]
  venueId: string
  mode: CalendarMode
  date: string
  onVenue: (venueId: string) => void
  onMode: (mode: CalendarMode) => void
  /** Moves by one week or one day; 0 goes back to today. */
  onStep: (step: -1 | 0 | 1) => void
  onDate: (date: string) => void
}

/** The venue, week or day, and the way back and forward in time. */
export function CalendarToolbar({ choices, venueId, mode, date, onVenue, onMode, onStep, onDate }: Props) {
  const centres = [...new Set(choices.map((c) => c.centre.name))]
  const options =
    centres.length > 1
      ? centres.map((name) => ({
          group: name,
          items: choices
            .filter((c) => c.centre.name === name)
            .map((c) => ({ value: c.venue.id, label: c.venue.name })),
        }))
      : choices.map((c) => ({ value: c.venue.id, label: c.venue.name }))
  const unit = mode === 'week' ? 'week' : 'day'
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Venue"
        data={options}
        value={venueId}
        onChange={(value) => value && onVenue(value)}
        allowDeselect={false}
        w={260}
        maw="100%"
      />
      <Button.Group aria-label="Show">
        <Button
          variant={mode === 'week' ? 'filled' : 'default'}
          aria-pressed={mode === 'week'}
          onClick={() => onMode('week')}
        >
          Week
        </Button>
        <Button
          variant={mode === 'day' ? 'filled' : 'default'}
          aria-pressed={mode === 'day'}
          onClick={() => onMode('day')}
        >
          Day
        </Button>
      </Button.Group>
      <Group gap="xs" wrap="wrap">
        <Button
          variant="default"
          onClick={() => onStep(-1)}
          leftSection={<IconChevronLeft size={18} aria-hidden="true" />}
        >
          Previous {unit}
        </Button>
        <Button variant="default" onClick={() => onStep(0)}>
          Today
        </Button>
        <Button
          variant="default"
          onClick={() => onStep(1)}
          rightSection={<IconChevronRight size={18} aria-hidden="true" />}
        >
          Next {unit}
        </Button>
      </Group>
      <TextInput
        label="Go to a date"
        type="date"
        value={date}
        onChange={(event) => {
          const value = event.currentTarget.value
          if (isLocalDate(value)) onDate(value)
        }}
        w={180}
      />
    </Group>
  )
}
