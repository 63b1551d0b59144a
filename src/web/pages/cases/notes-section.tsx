import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, ApiError, call } from '../../api/client'
import type { CaseDetail } from '../../api/types'
import { formatDateTime } from '../../format'
import { ActionError } from '../referrals/detail/action-error'
import { Section } from '../referrals/shared/section'
import { useCaseAction } from './queries'

/** Notes on the case file, newest first, with a box to add one. */
export function NotesSection({ detail }: { detail: CaseDetail }) {
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : 'Write the note') },
  })
  const add = useCaseAction(
    detail.id,
    (values: { body: string }) =>
      call(
        api.POST('/api/cases/{caseId}/notes', {
          params: { path: { caseId: detail.id } },
          body: { body: values.body.trim() },
        }),
      ),
    () => form.reset(),
  )
  const notes = [...detail.notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return (
    <Section title="Notes">
      <Stack>
        <form
          onSubmit={form.onSubmit((values) =>
            add.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
          )}
          noValidate
        >
          <Stack gap="sm">
            <Textarea label="New note" autosize minRows={2} {...form.getInputProps('body')} />
            <ActionError error={add.error} title="The note was not added" />
            <Group>
              <Button type="submit" variant="default" loading={add.isPending}>
                Add note
              </Button>
            </Group>
          </Stack>
        </form>
        {notes.length === 0 ? <Text>No notes yet.</Text> : null}
        {notes.map((note) => (
          <Paper key={note.id} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {formatDateTime(note.createdAt)}, {note.author}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }}>{note.body}</Text>
          </Paper>
        ))}
      </Stack>
    </Section>
  )
}
