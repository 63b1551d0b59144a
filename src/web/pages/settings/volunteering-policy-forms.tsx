import { Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, ApiError, call } from '../../api/client'
import { useReloadingAction } from '../../api/use-reloading-action'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { ActionPanel } from '../referrals/detail/action-panel'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { volunteersKey } from '../volunteers/queries'
import type { PolicyView } from '../volunteers/types'

export const policiesKey = ['policies'] as const

/** Publishes a new version of a policy: every volunteer is asked to read it again. */
export function PublishVersionDialog({ policy, onClose }: { policy: PolicyView; onClose: () => void }) {
  const current = useQuery({
    queryKey: [...policiesKey, policy.id],
    queryFn: () => call(api.GET('/api/policies/{policyId}', { params: { path: { policyId: policy.id } } })),
  })
  const form = useForm({
    initialValues: { body: '', changes: '' },
    validate: { body: (v) => (v.trim() ? null : 'Write the policy') },
  })
  const { setFieldValue } = form
  const body = current.data?.body
  useEffect(() => {
    if (body !== undefined) setFieldValue('body', body)
  }, [body, setFieldValue])
  const publish = useReloadingAction(
    [policiesKey, volunteersKey],
    (values: { body: string; changes: string }) =>
      call(
        api.POST('/api/policies/{policyId}/versions', {
          params: { path: { policyId: policy.id } },
          body: { body: values.body.trim(), changes: values.changes.trim() || null },
        }),
      ),
    (published) => {
      notifyDone(
        'Published',
        `${policy.title}, version ${published.version}: every volunteer is asked to read it.`,
      )
      onClose()
    },
  )
  return (
    <Dialog title={`Publish a new version: ${policy.title}`} onClose={onClose}>
      {current.isPending ? <Loading label="Loading the policy" /> : null}
      <form
        onSubmit={form.onSubmit((values) =>
          publish.mutate(values, {
            onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()),
          }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">
            Every volunteer will be asked to read and acknowledge it again, and has a few weeks to do so.
          </Text>
          <Textarea
            label="The policy"
            required
            autosize
            minRows={6}
            maxRows={16}
            {...form.getInputProps('body')}
          />
          <TextInput
            label="What changed (optional)"
            description="One line volunteers see first."
            {...form.getInputProps('changes')}
          />
          <FormError error={publish.error ?? current.error} title="The new version was not published" />
          <Group>
            <Button type="submit" loading={publish.isPending} disabled={current.isPending}>
              Publish the new version
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

/** Adds a policy with its first version. */
export function AddPolicyForm({ onDone }: { onDone: () => void }) {
  const form = useForm({
    initialValues: { title: '', body: '', mustRead: true },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a title'),
      body: (v) => (v.trim() ? null : 'Write the policy'),
    },
  })
  const add = useReloadingAction(
    [policiesKey, volunteersKey],
    (values: { title: string; body: string; mustRead: boolean }) =>
      call(
        api.POST('/api/policies', {
          body: { title: values.title.trim(), body: values.body.trim(), mustRead: values.mustRead },
        }),
      ),
    () => {
      notifyDone('Policy added', 'Volunteers are asked to read it.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Add a policy">
      <form
        onSubmit={form.onSubmit((values) =>
          add.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <TextInput label="Title" required {...form.getInputProps('title')} />
          <Textarea
            label="The policy"
            required
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps('body')}
          />
          <Switch
            label="Every volunteer must read it"
            {...form.getInputProps('mustRead', { type: 'checkbox' })}
          />
          <FormError error={add.error} title="The policy was not added" />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add the policy
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
