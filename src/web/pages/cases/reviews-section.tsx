import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { notifyDone } from '../referrals/shared/notify'
import { api, ApiError, call } from '../../api/client'
import type { CaseDetail, ReviewOutcome } from '../../api/types'
import { ActionError } from '../referrals/detail/action-error'
import { ActionPanel } from '../referrals/detail/action-panel'
import { formatLocalDate, today } from '../referrals/dates'
import { optionsOf, REVIEW_OUTCOME_LABELS } from '../referrals/labels'
import { Section } from '../referrals/shared/section'
import { ReviewDue } from './review-due'
import { useCaseAction } from './queries'

/** Reviews held, the next one due, and a form to record one. */
export function ReviewsSection({ detail }: { detail: CaseDetail }) {
  const [recording, setRecording] = useState(false)
  return (
    <Section
      title="Reviews"
      actions={
        detail.status === 'active' && !recording ? (
          <Button variant="default" onClick={() => setRecording(true)}>
            Record a review
          </Button>
        ) : null
      }
    >
      <Stack>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Next review due:
          </Text>
          <ReviewDue on={detail.reviewDueOn} overdue={detail.reviewOverdue} />
        </Group>
        {recording ? <RecordReviewForm caseId={detail.id} onDone={() => setRecording(false)} /> : null}
        {detail.reviews.length === 0 ? <Text>No reviews yet.</Text> : null}
        {detail.reviews.map((review) => (
          <Paper key={review.id} withBorder p="sm" radius="md">
            <Text fw={600}>
              {formatLocalDate(review.heldOn)}: {REVIEW_OUTCOME_LABELS[review.outcome]}
            </Text>
            {review.notes ? (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {review.notes}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              By {review.by}; next review by {formatLocalDate(review.nextReviewDueOn)}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Section>
  )
}

interface Values {
  heldOn: string
  outcome: ReviewOutcome | ''
  notes: string
  nextReviewDueOn: string
}

function RecordReviewForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const form = useForm<Values>({
    initialValues: { heldOn: today(), outcome: '', notes: '', nextReviewDueOn: '' },
    validate: {
      heldOn: (v) => (v ? null : 'Enter the day of the review'),
      outcome: (v) => (v ? null : 'Choose the outcome'),
    },
  })
  const record = useCaseAction(
    caseId,
    (values: Values) =>
      call(
        api.POST('/api/cases/{caseId}/reviews', {
          params: { path: { caseId } },
          body: {
            heldOn: values.heldOn,
            outcome: values.outcome as ReviewOutcome,
            notes: values.notes.trim() || undefined,
            nextReviewDueOn: values.nextReviewDueOn || undefined,
          },
        }),
      ),
    () => {
      notifyDone('Review recorded', 'The next review date is updated.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Record a review">
      <form
        onSubmit={form.onSubmit((values) =>
          record.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Held on" type="date" required {...form.getInputProps('heldOn')} />
            <Select
              label="Outcome"
              data={optionsOf(REVIEW_OUTCOME_LABELS)}
              required
              {...form.getInputProps('outcome')}
            />
            <TextInput
              label="Next review by"
              description="Leave empty for the usual interval."
              type="date"
              {...form.getInputProps('nextReviewDueOn')}
            />
          </SimpleGrid>
          <Textarea
            label="What was discussed and agreed"
            autosize
            minRows={3}
            {...form.getInputProps('notes')}
          />
          <ActionError error={record.error} title="The review was not recorded" />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save review
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
