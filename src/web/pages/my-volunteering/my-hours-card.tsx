import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { PlainList } from '../../components/plain-list'
import { decimalHours, hoursWords } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import { addDays, formatLongDay, todayIn } from '../calendar/calendar-dates'
import { claimWords, KIND_LABELS, type HoursEntry } from '../volunteer-hours/hours-queries'
import type { MyVolunteering } from '../volunteers/types'

/** How far back the page lists a volunteer's hours (the server's six months). */
const LISTED_DAYS = 183

const STATUS: Record<HoursEntry['status'], { words: string; color: string; variant: string }> = {
  submitted: { words: 'Waiting for approval', color: 'blue.8', variant: 'filled' },
  approved: { words: 'Approved', color: 'kin', variant: 'light' },
  declined: { words: 'Not approved', color: 'red.8', variant: 'filled' },
}

/**
 * The approved hours of this year, when the six months listed reach back to 1 January; otherwise
 * of the six months, so the total never leaves out hours it cannot see.
 */
function approvedTotal(data: MyVolunteering): { label: string; minutes: number } {
  const today = todayIn(data.timeZone)
  const yearStart = `${today.slice(0, 4)}-01-01`
  const wholeYear = addDays(today, -LISTED_DAYS) <= yearStart
  const minutes = data.hours
    .filter((h) => h.status === 'approved' && (!wholeYear || h.onDate >= yearStart))
    .reduce((sum, h) => sum + h.minutes, 0)
  return { label: wholeYear ? 'Hours approved this year' : 'Hours approved in the last six months', minutes }
}

/** The volunteer's own hours of the last six months: the approved total, then each entry and its decision. */
export function MyHoursCard({ data }: { data: MyVolunteering }) {
  const total = approvedTotal(data)
  const hours = decimalHours(total.minutes)
  const entries = [...data.hours].sort((a, b) => b.onDate.localeCompare(a.onDate))
  return (
    <SectionCard
      title="My hours"
      intro="What you have logged in the last six months, and what the coordinator decided."
    >
      <Stack gap="md">
        <Paper radius="md" p="md" bg="kin.0" data-testid="my-hours-total">
          <Text size="sm" fw={600} c="kin.9">
            {total.label}
          </Text>
          <Text fz={32} fw={800} lh={1.1} c="kin.9">
            {hours} hour{hours === '1' ? '' : 's'}
          </Text>
        </Paper>
        {entries.length === 0 ? (
          <Text>You have not logged any hours in the last six months.</Text>
        ) : (
          <PlainList gap="sm" aria-label="My hours">
            {entries.map((entry) => (
              <li key={entry.id}>
                <HoursItem entry={entry} />
              </li>
            ))}
          </PlainList>
        )}
      </Stack>
    </SectionCard>
  )
}

function HoursItem({ entry }: { entry: HoursEntry }) {
  const status = STATUS[entry.status]
  const claim = claimWords(entry)
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700}>{formatLongDay(entry.onDate)}</Text>
          <Badge color={status.color} variant={status.variant}>
            {status.words}
          </Badge>
        </Group>
        <Text size="sm">
          {KIND_LABELS[entry.kind]}: {hoursWords(entry.minutes)}
          {claim ? `; ${claim}` : ''}
        </Text>
        {entry.description ? (
          <Text size="sm" c="dimmed">
            “{entry.description}”
          </Text>
        ) : null}
        {entry.status === 'declined' ? (
          <Text size="sm">
            {entry.decisionNote
              ? `The coordinator’s reason: “${entry.decisionNote}”`
              : 'The coordinator gave no reason. Please ask them if you are not sure why.'}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  )
}
