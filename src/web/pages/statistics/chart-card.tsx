import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { IconChartBar, IconTable } from '@tabler/icons-react'
import { useId, useState, type ReactNode } from 'react'
import type { TableSpec } from './chart-shapes'
import { StatTable } from './stat-table'
import classes from './statistics.module.css'

/**
 * One chart on the dashboard: its heading, what it shows in one sentence, then the chart, or the
 * same numbers as a table for those who would rather read them.
 */
export function ChartCard({
  title,
  summary,
  table,
  testId,
  children,
}: {
  title: string
  summary: string
  table: TableSpec
  testId: string
  children: ReactNode
}) {
  const [asTable, setAsTable] = useState(false)
  const headingId = useId()
  return (
    <section className={classes.card} aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          <Button
            variant="subtle"
            size="xs"
            leftSection={
              asTable ? (
                <IconChartBar size={16} aria-hidden="true" />
              ) : (
                <IconTable size={16} aria-hidden="true" />
              )
            }
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? 'Show as a chart' : 'Show as a table'}
          </Button>
        </Group>
        <Text>{summary}</Text>
        {asTable ? <StatTable spec={table} /> : children}
      </Stack>
    </section>
  )
}
