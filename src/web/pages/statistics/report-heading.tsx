import { Text } from '@mantine/core'

/** What the figures below cover, in one line: the period and the centres. */
export function ReportHeading({
  period,
  centres,
}: {
  period: string
  centres: { id: string; name: string }[]
}) {
  const names = centres.map((c) => c.name)
  const where = names.length > 3 ? `${names.length} centres` : names.join(', ')
  return (
    <Text fw={600} data-testid="report-covers">
      {period}
      {where ? ` · ${where}` : ''}
    </Text>
  )
}
