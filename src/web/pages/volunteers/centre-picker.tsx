import { Select } from '@mantine/core'
import type { CentreView } from '../../api/types'

/** Chooses the centre when the person works in several; says nothing when they have one. */
export function CentrePicker({
  centres,
  value,
  onChange,
}: {
  centres: Pick<CentreView, 'id' | 'name'>[]
  value: string | undefined
  onChange: (centreId: string) => void
}) {
  if (centres.length < 2) return null
  return (
    <Select
      label="Centre"
      data={centres.map((c) => ({ value: c.id, label: c.name }))}
      value={value ?? null}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      maw={320}
    />
  )
}
