import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconChartBar, IconTable } from '@tabler/icons-react'
import { useState } from 'react'
import type { FeedbackQuestionSummary } from '../../api/types'
import { niceMax } from '../../volunteering-words'
import { BarChart } from '../volunteers/bar-chart'
import { averageWords, chartWords, SCORE_COLORS, SCORE_LABELS, SCORES } from './feedback-words'

/** One question's answers: a bar per face with its count, or the same numbers as a table. */
export function QuestionResult({ question, who }: { question: FeedbackQuestionSummary; who: string }) {
  const [asTable, setAsTable] = useState(false)
  const bars = SCORES.map((score, i) => ({
    label: SCORE_LABELS[score],
    value: question.counts[i] ?? 0,
    color: SCORE_COLORS[score],
  }))
  const max = niceMax(Math.max(...bars.map((b) => b.value)))
  return (
    <Stack gap="xs" component="section" aria-label={`${who}: ${question.label}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Title order={3} size="h5">
            {question.label}
          </Title>
          <Text size="sm" fw={600}>
            {averageWords(question.average)}
          </Text>
        </div>
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
      <div>
        {asTable ? (
          <Table striped verticalSpacing={4} maw={420}>
            <Table.Caption>
              {who}: {question.label}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Answer</Table.Th>
                <Table.Th scope="col" ta="right">
                  Responses
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((bar) => (
                <Table.Tr key={bar.label}>
                  <Table.Th scope="row" fw={400}>
                    {bar.label}
                  </Table.Th>
                  <Table.Td ta="right">{bar.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <BarChart bars={bars} max={max} summary={`${who}. ${chartWords(question)}`} />
        )}
      </div>
    </Stack>
  )
}
