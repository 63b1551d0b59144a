import { Alert, Button, Group, List, PasswordInput, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { api, ApiError, call } from '../../../api/client'
import type { PartyView, ProtectedField } from '../../../api/types'
import { FormError } from '../../../components/form-error'
import { FIELD_LABELS } from '../labels'
import { Dialog } from './dialog'

interface Props {
  party: PartyView
  onClose: () => void
}

const FIELD_ORDER: ProtectedField[] = ['address', 'phone', 'email', 'school', 'newPartner']

/**
 * Shows a person's protected details after the coordinator confirms their password and says why.
 * The values live in this dialog only: they are gone when it closes.
 */
export function RevealModal({ party, onClose }: Props) {
  const form = useForm({
    initialValues: { password: '', reason: '' },
    validate: {
      password: (v) => (v ? null : 'Enter your password'),
      reason: (v) => (v.trim().length >= 5 ? null : 'Say why you need to see these details'),
    },
  })
  const reveal = useMutation({
    gcTime: 0,
    mutationFn: (values: { password: string; reason: string }) =>
      call(
        api.POST('/api/parties/{partyId}/reveal', {
          params: { path: { partyId: party.id } },
          body: { password: values.password, reason: values.reason.trim() },
        }),
      ),
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors())
    },
    onSuccess: () => form.setFieldValue('password', ''),
  })

  return (
    <Dialog onClose={onClose} title={`Protected details: ${party.fullName}`}>
      {reveal.data ? (
        <Stack>
          <List listStyleType="none" spacing="xs" aria-label={`Protected details of ${party.fullName}`}>
            {FIELD_ORDER.filter((field) => reveal.data[field]).map((field) => (
              <List.Item key={field}>
                <Text span fw={600} tt="capitalize">
                  {FIELD_LABELS[field]}:
                </Text>{' '}
                <Text span style={{ whiteSpace: 'pre-line' }}>
                  {reveal.data[field]}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            Your reason is kept in the audit trail. Never pass these details to the other parent.
          </Text>
          <Group>
            <Button onClick={onClose}>Close and hide</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => reveal.mutate(values))} noValidate>
          <Stack>
            <Alert color="yellow" variant="light" title="These details are kept from the other parent">
              Seeing them is recorded in the audit trail with your reason.
            </Alert>
            <Textarea
              label="Why do you need to see them?"
              description="For example: to phone about the pre-visit."
              required
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
            <PasswordInput
              label="Your password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <FormError error={reveal.error} title="The details were not shown" />
            <Group>
              <Button type="submit" loading={reveal.isPending}>
                Show details
              </Button>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  )
}
