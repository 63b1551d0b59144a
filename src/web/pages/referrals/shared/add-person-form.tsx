import { Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { api, ApiError, call } from '../../../api/client'
import type { Attendance, AuthorisedBy, PartyRole, SafetyFlag } from '../../../api/types'
import { FormError } from '../../../components/form-error'
import {
  ADULT_ROLES,
  ATTENDANCE_LABELS,
  AUTHORISED_BY_LABELS,
  optionsOf,
  ROLE_LABELS,
  SAFETY_FLAG_LABELS,
  SAFETY_FLAGS,
} from '../labels'
import { notifyDone } from './notify'

interface Values {
  role: Exclude<PartyRole, 'child'> | ''
  fullName: string
  relationshipToChild: string
  attendance: Attendance
  authorisedBy: AuthorisedBy
  safetyFlags: SafetyFlag[]
}

const INITIAL: Values = {
  role: '',
  fullName: '',
  relationshipToChild: '',
  attendance: 'allowed',
  authorisedBy: 'referral',
  safetyFlags: [],
}

/**
 * Adds someone to the family's file: a grandparent or new partner who may attend (named on the
 * referral, an order or agreed in writing by both parents), someone who must not, or a professional.
 */
export function AddPersonForm({
  referralId,
  onDone,
}: {
  referralId: string
  onDone: (added: boolean) => Promise<void>
}) {
  const form = useForm<Values>({
    initialValues: INITIAL,
    validate: {
      role: (v) => (v ? null : 'Choose who they are'),
      fullName: (v) => (v.trim() ? null : 'Enter their name'),
    },
  })
  const add = useMutation({
    mutationFn: (values: Values) =>
      call(
        api.POST('/api/referrals/{referralId}/parties', {
          params: { path: { referralId } },
          body: {
            role: values.role as Exclude<PartyRole, 'child'>,
            fullName: values.fullName.trim(),
            attendance: values.attendance,
            authorisedBy: values.attendance === 'allowed' ? values.authorisedBy : null,
            safetyFlags: values.safetyFlags,
            details: { relationshipToChild: values.relationshipToChild, interpreterNeeded: false },
          },
        }),
      ),
    onSuccess: async (person) => {
      notifyDone('Person added', `${person.fullName}: ${ATTENDANCE_LABELS[person.attendance]}.`)
      await onDone(true)
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors())
    },
  })
  const allowed = form.getValues().attendance === 'allowed'
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Who are they?"
              required
              data={ADULT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              {...form.getInputProps('role')}
            />
            <TextInput label="Full name" required {...form.getInputProps('fullName')} />
            <TextInput label="Relationship to the children" {...form.getInputProps('relationshipToChild')} />
          </SimpleGrid>
          <Radio.Group label="May they come to sessions?" {...form.getInputProps('attendance')}>
            <Group mt="xs">
              {optionsOf(ATTENDANCE_LABELS).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          {allowed ? (
            <Select
              label="Who allowed it?"
              description="Only people named on the referral or an order, or agreed in writing by both parents, may attend."
              data={optionsOf(AUTHORISED_BY_LABELS)}
              {...form.getInputProps('authorisedBy')}
            />
          ) : null}
          <Checkbox.Group label="Warnings to show next to their name" {...form.getInputProps('safetyFlags')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {SAFETY_FLAGS.map((flag) => (
                <Checkbox key={flag} value={flag} label={SAFETY_FLAG_LABELS[flag]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <FormError error={add.error} title="The person was not added" />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add person
            </Button>
            <Button variant="default" onClick={() => void onDone(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
