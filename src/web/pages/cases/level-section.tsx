import { Button, Group, List, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { notifyDone } from '../referrals/shared/notify'
import { api, ApiError, call } from '../../api/client'
import type { CaseDetail, ContactLevel } from '../../api/types'
import { formatDate } from '../../format'
import { ActionError } from '../referrals/detail/action-error'
import { ActionPanel } from '../referrals/detail/action-panel'
import { LEVEL_LABELS, optionsOf } from '../referrals/labels'
import { Section } from '../referrals/shared/section'
import { useCaseAction } from './queries'

/** The contact level over time (supervised, then supported, then handover...), and a change with its reason. */
export function LevelSection({ detail }: { detail: CaseDetail }) {
  const [changing, setChanging] = useState(false)
  return (
    <Section
      title="Contact level"
      intro={`Now: ${LEVEL_LABELS[detail.serviceLevel]}`}
      actions={
        detail.status === 'active' && !changing ? (
          <Button variant="default" onClick={() => setChanging(true)}>
            Change level
          </Button>
        ) : null
      }
    >
      <Stack>
        {changing ? <ChangeLevelForm detail={detail} onDone={() => setChanging(false)} /> : null}
        <List spacing="xs" aria-label="Contact level over time">
          {detail.levelHistory.map((h) => (
            <List.Item key={h.at}>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {formatDate(h.at)}:
                </Text>{' '}
                {h.previousLevel ? `${LEVEL_LABELS[h.previousLevel]} → ` : ''}
                {LEVEL_LABELS[h.level]}. {h.reason} ({h.by})
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Section>
  )
}

function ChangeLevelForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const form = useForm<{ level: ContactLevel | ''; reason: string }>({
    initialValues: { level: '', reason: '' },
    validate: {
      level: (v) => (v && v !== detail.serviceLevel ? null : 'Choose the new level'),
      reason: (v) => (v.trim().length >= 5 ? null : 'Give a reason'),
    },
  })
  const change = useCaseAction(
    detail.id,
    (values: { level: ContactLevel | ''; reason: string }) =>
      call(
        api.POST('/api/cases/{caseId}/level', {
          params: { path: { caseId: detail.id } },
          body: { level: values.level as ContactLevel, reason: values.reason.trim() },
        }),
      ),
    () => {
      notifyDone('Contact level changed', 'The change is in the history.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Change the contact level">
      <form
        onSubmit={form.onSubmit((values) =>
          change.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Select
            label="New level"
            data={optionsOf(LEVEL_LABELS).filter((o) => o.value !== detail.serviceLevel)}
            required
            maw={360}
            {...form.getInputProps('level')}
          />
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <ActionError error={change.error} title="The level was not changed" />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Save new level
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
