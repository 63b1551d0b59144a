import { Chip, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, VisuallyHidden } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { ReferralStatus } from '../../api/types'
import { STATUS_LABELS, STATUS_ORDER } from './labels'

export interface Filters {
  status: ReferralStatus | 'all'
  sourceCode: string | null
  olderThanDays: number | null
  q: string
}

interface Props {
  value: Filters
  onChange: (next: Filters) => void
  counts: Record<string, number> | undefined
  sources: { code: string; label: string }[]
}

/** Status chips with counts, then source, age and a name or reference search. */
export function ReferralFilters({ value, onChange, counts, sources }: Props) {
  const all = Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0)
  const countOf = (status: ReferralStatus) => counts?.[status] ?? 0
  const statuses = STATUS_ORDER.filter((s) => s !== 'merged' || countOf(s) > 0)
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch })
  return (
    <Stack gap="md">
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <VisuallyHidden component="legend">Show referrals that are</VisuallyHidden>
        <Chip.Group value={value.status} onChange={(status) => set({ status: status as Filters['status'] })}>
          <Group gap="xs">
            <Chip value="all" type="radio" variant="outline">
              All ({all})
            </Chip>
            {statuses.map((status) => (
              <Chip key={status} value={status} type="radio" variant="outline">
                {STATUS_LABELS[status]} ({countOf(status)})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Search"
          description="A child’s or parent’s name, or the reference"
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={value.q}
          onChange={(event) => set({ q: event.currentTarget.value })}
          type="search"
        />
        <Select
          label="Source"
          description="Who referred the family"
          placeholder="Any source"
          data={sources.map((s) => ({ value: s.code, label: s.label }))}
          value={value.sourceCode}
          onChange={(sourceCode) => set({ sourceCode })}
          clearable
        />
        <NumberInput
          label="Waiting at least (days)"
          description="Only referrals received this many days ago or more"
          min={0}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          value={value.olderThanDays ?? ''}
          onChange={(v) => set({ olderThanDays: typeof v === 'number' ? v : null })}
        />
      </SimpleGrid>
    </Stack>
  )
}
