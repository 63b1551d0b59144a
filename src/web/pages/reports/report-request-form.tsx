import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconShieldSearch } from '@tabler/icons-react'
import { useState } from 'react'
import type { ReportKind, ReportRecipient } from '../../api/types'
import { isLocalDate } from '../calendar/calendar-dates'
import { KIND_HINTS, KIND_LABELS, sideWords } from './report-words'

export interface ReportRequestValues {
  kind: ReportKind
  from: string
  to: string
  referralId: string
}

interface Props {
  recipients: ReportRecipient[]
  values: ReportRequestValues
  onChange: (values: ReportRequestValues) => void
  onCheck: () => void
  checking: boolean
  today: string
}

const KINDS: ReportKind[] = ['attendance', 'supervised']

/** Who gets the report, which report and which period; then a check of what would go out. */
export function ReportRequestForm({ recipients, values, onChange, onCheck, checking, today }: Props) {
  const [tried, setTried] = useState(false)
  const set = (change: Partial<ReportRequestValues>) => onChange({ ...values, ...change })
  const errors = {
    referralId: values.referralId ? null : 'Choose who receives the report',
    from: isLocalDate(values.from) ? null : 'Enter the first day of the period',
    to: periodError(values, today),
  }
  const shown = (error: string | null) => (tried ? error : null)
  return (
    <form
      noValidate
      aria-label="Choose a report"
      onSubmit={(event) => {
        event.preventDefault()
        setTried(true)
        if (!errors.referralId && !errors.from && !errors.to) onCheck()
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label="Who receives it"
          description="The referrer of one of the family’s referrals, and whose side they act for."
          required
          value={values.referralId}
          onChange={(referralId) => set({ referralId })}
          error={shown(errors.referralId)}
        >
          <Stack gap="xs" mt="xs">
            {recipients.map((r) => (
              <Radio
                key={r.referralId}
                value={r.referralId}
                label={`${r.label} (${sideWords(r.side)})`}
                description={
                  r.hasAccount
                    ? 'Downloads released reports from their Kinbridge area.'
                    : 'Has no Kinbridge sign-in: download the released PDF and send it yourself.'
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label="Which report"
          required
          value={values.kind}
          onChange={(kind) => set({ kind: kind as ReportKind })}
        >
          <Stack gap="xs" mt="xs">
            {KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={KIND_LABELS[kind]} description={KIND_HINTS[kind]} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={420}>
          <TextInput
            label="From"
            type="date"
            required
            max={today}
            value={values.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
            error={shown(errors.from)}
          />
          <TextInput
            label="To"
            type="date"
            required
            max={today}
            value={values.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
            error={shown(errors.to)}
          />
        </SimpleGrid>
        <Group>
          <Button
            type="submit"
            loading={checking}
            leftSection={<IconShieldSearch size={18} aria-hidden="true" />}
          >
            Check what will go out
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Nothing is sent until you release it. The check looks for details the other side must never see.
        </Text>
      </Stack>
    </form>
  )
}

function periodError(values: ReportRequestValues, today: string): string | null {
  if (!isLocalDate(values.to)) return 'Enter the last day of the period'
  if (isLocalDate(values.from) && values.to < values.from) return 'The period ends before it starts'
  if (values.to > today) return 'The period cannot end after today'
  return null
}
