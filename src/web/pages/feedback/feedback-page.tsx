import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { api, call } from '../../api/client'
import type { FeedbackSummary } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { PlainList } from '../../components/plain-list'
import { formatDay, monthStart } from '../../volunteering-dates'
import { SectionCard } from '../account/section-card'
import { isLocalDate, todayIn } from '../calendar/calendar-dates'
import { threeMonthsBefore } from '../reports/report-words'
import { responsesWords } from './feedback-words'
import { QuestionResult } from './question-result'

const ALL = 'all'

/** What parents and children said about their sessions, added up over a period: no names, ever. */
export function FeedbackPage() {
  const [search, setSearch] = useSearchParams()
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const zone = centres.data?.[0]?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const today = todayIn(zone)
  const askedFrom = search.get('from')
  const askedTo = search.get('to')
  const from = isLocalDate(askedFrom) ? askedFrom : threeMonthsBefore(today)
  const to = isLocalDate(askedTo) ? askedTo : today
  const centreId = centres.data?.find((c) => c.id === search.get('centre'))?.id
  const show = (next: { from?: string; to?: string; centre?: string }) => {
    const params: Record<string, string> = { from: next.from ?? from, to: next.to ?? to }
    const centre = next.centre ?? centreId ?? ALL
    if (centre !== ALL) params.centre = centre
    setSearch(params)
  }
  const year = today.slice(0, 4)
  const presets = [
    { label: 'Last 3 months', from: threeMonthsBefore(today), to: today },
    { label: 'This month', from: monthStart(today), to: today },
    { label: 'This year', from: `${year}-01-01`, to: today },
  ]
  const summary = useQuery({
    queryKey: ['feedback-summary', from, to, centreId],
    queryFn: () => call(api.GET('/api/feedback/summary', { params: { query: { from, to, centreId } } })),
    enabled: from <= to,
  })
  const period = `${formatDay(from)} to ${formatDay(to)}`
  return (
    <>
      <PageTitle
        title="Feedback"
        intro="How parents and children said their sessions went, added up. Answers are never shown with a name."
      />
      <Stack gap="lg">
        <FormError error={centres.error} title="We could not load your centres" />
        <Stack gap="xs" component="section" aria-label="Period">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="From"
              type="date"
              value={from}
              w={170}
              onChange={(e) => isLocalDate(e.currentTarget.value) && show({ from: e.currentTarget.value })}
            />
            <TextInput
              label="To"
              type="date"
              value={to}
              w={170}
              error={from > to ? 'The period ends before it starts' : null}
              onChange={(e) => isLocalDate(e.currentTarget.value) && show({ to: e.currentTarget.value })}
            />
            {centres.data && centres.data.length > 1 ? (
              <Select
                label="Centre"
                data={[
                  { value: ALL, label: 'All your centres' },
                  ...centres.data.map((c) => ({ value: c.id, label: c.name })),
                ]}
                value={centreId ?? ALL}
                onChange={(value) => value && show({ centre: value })}
                allowDeselect={false}
                w={240}
                maw="100%"
              />
            ) : null}
          </Group>
          <Group gap="xs" wrap="wrap">
            {presets.map((p) => (
              <Button
                key={p.label}
                size="xs"
                variant={p.from === from && p.to === to ? 'filled' : 'default'}
                aria-pressed={p.from === from && p.to === to}
                onClick={() => show({ from: p.from, to: p.to })}
              >
                {p.label}
              </Button>
            ))}
          </Group>
        </Stack>
        {summary.isPending && from <= to ? <Loading label="Adding up the feedback" /> : null}
        <FormError error={summary.error} title="We could not add up the feedback" />
        {summary.data ? <Summary summary={summary.data} period={period} /> : null}
      </Stack>
    </>
  )
}

function Summary({ summary, period }: { summary: FeedbackSummary; period: string }) {
  return (
    <>
      <FormSummary
        title="Parents"
        who="Parents"
        part={summary.parent}
        period={period}
        none="No parent has answered in this period."
      />
      <FormSummary
        title="Children"
        who="Children"
        part={summary.child}
        period={period}
        none="No child has answered in this period. Volunteers can help children answer with the faces on the tablet."
      />
      <CommentsCard comments={summary.comments} period={period} />
    </>
  )
}

function FormSummary({
  title,
  who,
  part,
  period,
  none,
}: {
  title: string
  who: string
  part: FeedbackSummary['parent']
  period: string
  none: string
}) {
  return (
    <SectionCard title={title} intro={`${responsesWords(part.responses)}, ${period}.`}>
      {part.responses === 0 ? (
        <Text>{none}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg">
          {part.questions.map((question) => (
            <QuestionResult key={question.question} question={question} who={who} />
          ))}
        </SimpleGrid>
      )}
    </SectionCard>
  )
}

const COMMENTS_SHOWN = 10

function CommentsCard({ comments, period }: { comments: FeedbackSummary['comments']; period: string }) {
  const [all, setAll] = useState(false)
  const shown = all ? comments : comments.slice(0, COMMENTS_SHOWN)
  return (
    <SectionCard
      title="Comments"
      intro={`What people wrote, newest first, ${period}. Names are never shown.`}
    >
      {comments.length === 0 ? <Text>No comments in this period.</Text> : null}
      {comments.length > 0 ? (
        <Stack gap="sm">
          <PlainList gap="xs" aria-label="Comments">
            {shown.map((comment, index) => (
              // Comments carry no id, so nothing can be traced back to a family.
              <Paper key={`${String(index)}-${comment.form}`} component="li" withBorder radius="md" p="sm">
                <Stack gap={4}>
                  <Badge
                    variant="filled"
                    color={comment.form === 'parent' ? 'blue.8' : 'grape.8'}
                    w="fit-content"
                  >
                    {comment.form === 'parent' ? 'A parent' : 'A child'}
                  </Badge>
                  <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>“{comment.text}”</Text>
                </Stack>
              </Paper>
            ))}
          </PlainList>
          {comments.length > COMMENTS_SHOWN ? (
            <Button variant="subtle" w="fit-content" onClick={() => setAll((v) => !v)}>
              {all ? 'Show fewer comments' : `Show all ${comments.length} comments`}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </SectionCard>
  )
}
