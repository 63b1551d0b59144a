import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { api, ApiError, call } from '../../api/client'
import type { CentreView } from '../../api/types'
import { useReloadingAction } from '../../api/use-reloading-action'
import { ActionError } from '../referrals/detail/action-error'
import { ActionPanel } from '../referrals/detail/action-panel'
import { notifyDone } from '../referrals/shared/notify'
import classes from './forms.module.css'
import { volunteersKey } from './queries'

interface Values {
  centreId: string
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
  notes: string
}

const orNull = (value: string) => value.trim() || null

/** Someone rang or wrote to ask about volunteering: the first card on the board. */
export function AddEnquiryForm({
  centres,
  centreId,
  onDone,
}: {
  centres: Pick<CentreView, 'id' | 'name'>[]
  centreId: string
  onDone: () => void
}) {
  const form = useForm<Values>({
    initialValues: { centreId, fullName: '', email: '', phone: '', dateOfBirth: '', notes: '' },
    validate: {
      fullName: (v) => (v.trim() ? null : 'Enter their name'),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
    },
  })
  const add = useReloadingAction(
    [volunteersKey],
    (values: Values) =>
      call(
        api.POST('/api/volunteers', {
          body: {
            centreId: values.centreId,
            fullName: values.fullName.trim(),
            email: orNull(values.email),
            phone: orNull(values.phone),
            dateOfBirth: orNull(values.dateOfBirth),
            notes: orNull(values.notes),
          },
        }),
      ),
    (file) => {
      notifyDone('Enquiry added', `${file.fullName} is on the board under “Enquiry”.`)
      onDone()
    },
  )
  return (
    <ActionPanel title="Add an enquiry">
      <form
        onSubmit={form.onSubmit((values) =>
          add.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          {centres.length > 1 ? (
            <Select
              label="Centre"
              data={centres.map((c) => ({ value: c.id, label: c.name }))}
              allowDeselect={false}
              maw={320}
              {...form.getInputProps('centreId')}
            />
          ) : null}
          <div className={classes.fields}>
            <TextInput label="Full name" required autoComplete="off" {...form.getInputProps('fullName')} />
            <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
            <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
            <TextInput
              label="Date of birth"
              description="Volunteers must be old enough when they start."
              type="date"
              {...form.getInputProps('dateOfBirth')}
            />
          </div>
          <Textarea
            label="Notes"
            description="How they heard of us, when to call back."
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          <ActionError error={add.error} title="The enquiry was not added" />
          <Group>
            <Button type="submit" loading={add.isPending}>
              Add the enquiry
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
