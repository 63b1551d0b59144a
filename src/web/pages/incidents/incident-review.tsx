import { Button, Group, List, Radio, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { IncidentView } from '../../api/types'
import { formatDateTime } from '../../format'
import { fieldErrorsOf, useNow } from '../cases/schedule-queries'
import { ActionError } from '../referrals/detail/action-error'
import { Section } from '../referrals/shared/section'
import { notifyDone } from '../referrals/shared/notify'
import { ReferrerLine } from './incident-badges'
import { conductKey, incidentKey } from './incident-queries'

/** After a change the incident on screen is replaced, and the lists and the case's conduct follow. */
function useIncidentChange<T>(incident: IncidentView, run: (input: T) => Promise<IncidentView>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      queryClient.setQueryData(incidentKey(incident.id), result)
      await queryClient.invalidateQueries({ queryKey: ['incidents'], refetchType: 'none' })
      await queryClient.invalidateQueries({ queryKey: conductKey(incident.caseId) })
    },
  })
}

type Notice = Awaited<ReturnType<typeof notifyReferrer>>['notice']
const notifyReferrer = (incidentId: string) =>
  call(api.POST('/api/incidents/{incidentId}/notify-referrer', { params: { path: { incidentId } } }))

/** Whether the referrer has heard, by when they must, and telling them now. */
export function ReferrerSection({ incident }: { incident: IncidentView }) {
  const now = useNow()
  const [notice, setNotice] = useState<Notice | null>(null)
  const tell = useIncidentChange(incident, async () => {
    const result = await notifyReferrer(incident.id)
    setNotice(result.notice)
    return result
  })
  return (
    <Section
      title="The referrer"
      intro="The referrer hears what happened, what was done and any suspension, never anyone’s contact details."
    >
      <Stack gap="sm">
        <ReferrerLine incident={incident} now={now} />
        {incident.referrerNotifiedAt ? null : (
          <Group>
            <Button onClick={() => tell.mutate(undefined)} loading={tell.isPending}>
              Tell the referrer now
            </Button>
          </Group>
        )}
        {notice ? (
          <Stack gap={4} aria-live="polite">
            <Text size="sm" fw={700}>
              {notice.sent === 1 ? 'Sent to 1 referrer.' : `Sent to ${notice.sent} referrers.`}
            </Text>
            {notice.skipped.length > 0 ? (
              <>
                <Text size="sm">Not sent, so tell them another way:</Text>
                <List size="sm">
                  {notice.skipped.map((skip) => (
                    <List.Item key={skip.referralId}>
                      {skip.referrer} (referral {skip.reference}): {skip.reason}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        ) : null}
        <ActionError error={tell.error} title="The referrer was not told" />
      </Stack>
    </Section>
  )
}

interface ReviewValues {
  status: 'reviewed' | 'closed'
  note: string
}

/** The coordinator's review: what was decided, and closing the incident when all is done. */
export function ReviewSection({ incident }: { incident: IncidentView }) {
  const form = useForm<ReviewValues>({
    initialValues: { status: incident.status === 'reviewed' ? 'closed' : 'reviewed', note: '' },
    validate: { note: (v) => (v.trim() ? null : 'Say what was decided') },
  })
  const review = useIncidentChange(incident, (values: ReviewValues) =>
    call(
      api.POST('/api/incidents/{incidentId}/review', {
        params: { path: { incidentId: incident.id } },
        body: { status: values.status, note: values.note.trim() },
      }),
    ),
  )
  return (
    <Section title="Review">
      <Stack gap="sm">
        {incident.reviewedAt ? (
          <div>
            <Text size="sm" fw={700}>
              {incident.status === 'closed' ? 'Closed' : 'Reviewed'} {formatDateTime(incident.reviewedAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {incident.reviewNote}
            </Text>
          </div>
        ) : (
          <Text size="sm">Not reviewed yet.</Text>
        )}
        {incident.status === 'closed' ? null : (
          <form
            onSubmit={form.onSubmit((values) =>
              review.mutate(values, {
                onError: (e) => form.setErrors(fieldErrorsOf(e)),
                onSuccess: () => {
                  form.reset()
                  notifyDone(
                    values.status === 'closed' ? 'Incident closed' : 'Incident reviewed',
                    'The decision is kept with the incident.',
                  )
                },
              }),
            )}
            noValidate
          >
            <Stack gap="sm">
              <Radio.Group label="Mark the incident as" required {...form.getInputProps('status')}>
                <Group mt="xs">
                  <Radio value="reviewed" label="Reviewed: the next step is decided" />
                  <Radio value="closed" label="Closed: everything is done" />
                </Group>
              </Radio.Group>
              <Textarea
                label="What was decided"
                required
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('note')}
              />
              <ActionError error={review.error} title="The review was not saved" />
              <Group>
                <Button type="submit" variant="default" loading={review.isPending}>
                  {form.getValues().status === 'closed' ? 'Close the incident' : 'Mark reviewed'}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  )
}
