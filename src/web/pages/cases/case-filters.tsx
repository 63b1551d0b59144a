import { Select, SimpleGrid, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { ContactLevel, RiskFlag, SafetyFlag } from '../../api/types'
import { LEVEL_LABELS, optionsOf, RISK_FLAG_LABELS, SAFETY_FLAG_LABELS } from '../referrals/labels'

export interface CaseFilters {
  status: 'active' | 'closed' | 'all'
  level: ContactLevel | null
  flag: SafetyFlag | RiskFlag | null
  review: 'overdue' | 'due_30_days' | null
  q: string
}

/** Safety and risk flags share some codes; each appears once. */
const FLAG_OPTIONS = optionsOf({ ...RISK_FLAG_LABELS, ...SAFETY_FLAG_LABELS })

export function CaseFiltersBar({
  value,
  onChange,
}: {
  value: CaseFilters
  onChange: (next: CaseFilters) => void
}) {
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch })
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
      <TextInput
        label="Search"
        placeholder="Name or reference"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={value.q}
        onChange={(event) => set({ q: event.currentTarget.value })}
      />
      <Select
        label="Cases"
        data={[
          { value: 'active', label: 'Open cases' },
          { value: 'closed', label: 'Closed cases' },
          { value: 'all', label: 'All cases' },
        ]}
        value={value.status}
        onChange={(status) => set({ status: (status ?? 'active') as CaseFilters['status'] })}
        allowDeselect={false}
      />
      <Select
        label="Contact level"
        placeholder="Any level"
        data={optionsOf(LEVEL_LABELS)}
        value={value.level}
        onChange={(level) => set({ level: level as ContactLevel | null })}
        clearable
      />
      <Select
        label="Warning"
        placeholder="Any or none"
        data={FLAG_OPTIONS}
        value={value.flag}
        onChange={(flag) => set({ flag: flag as CaseFilters['flag'] })}
        clearable
      />
      <Select
        label="Review"
        placeholder="Any date"
        data={[
          { value: 'overdue', label: 'Overdue' },
          { value: 'due_30_days', label: 'Due in the next 30 days' },
        ]}
        value={value.review}
        onChange={(review) => set({ review: review as CaseFilters['review'] })}
        clearable
      />
    </SimpleGrid>
  )
}
