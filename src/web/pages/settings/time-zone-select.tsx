import { Select, type SelectProps } from '@mantine/core'
import { useState } from 'react'

/** The zones centres in the UK, Ireland, the Channel Islands and the Isle of Man use. */
const COMMON_ZONES = [
  'Europe/London',
  'Europe/Jersey',
  'Europe/Guernsey',
  'Europe/Isle_of_Man',
  'Europe/Dublin',
]

const label = (zone: string): string => zone.replaceAll('_', ' ').replace('/', ' / ')

/** Built once: the runtime's full list is long and never changes while the page is open. */
const TIME_ZONE_OPTIONS = (() => {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  const others = all.filter((zone) => !COMMON_ZONES.includes(zone))
  return [
    {
      group: 'UK, Ireland and the Islands',
      items: COMMON_ZONES.map((zone) => ({ value: zone, label: label(zone) })),
    },
    { group: 'All time zones', items: others.map((zone) => ({ value: zone, label: label(zone) })) },
  ]
})()

/** A searchable time zone picker with the common British and Irish zones first. */
export function TimeZoneSelect(props: Omit<SelectProps, 'data'>) {
  const chosenLabel = typeof props.value === 'string' ? label(props.value) : ''
  const [search, setSearch] = useState(chosenLabel)
  return (
    <Select
      label="Time zone"
      description="Session times are shown in this zone."
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone matches that"
      maxDropdownHeight={280}
      data={TIME_ZONE_OPTIONS}
      {...props}
      // Opening the list starts an empty search, so typing "Jersey" finds it rather than adding to
      // the chosen zone's name; closing it shows the chosen zone again.
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setSearch('')}
      onDropdownClose={() => setSearch(chosenLabel)}
      onChange={(value, option) => {
        setSearch(value ? label(value) : '')
        props.onChange?.(value, option)
      }}
    />
  )
}
