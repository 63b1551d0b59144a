import { Button, Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { hasRole, useSession } from '../../auth/session'
import { formatDay } from '../../volunteering-dates'
import { ActionPanel } from '../referrals/detail/action-panel'
import { Facts } from '../referrals/shared/facts'
import { notifyDone } from '../referrals/shared/notify'
import { Section } from '../referrals/shared/section'
import classes from './forms.module.css'
import { useVolunteerUpdate } from './queries'
import { Refusal } from './refusal'
import { SignInSelect } from './sign-in-select'
import { SignInStatus } from './sign-in-status'
import type { VolunteerFile } from './types'

interface Values {
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
  notes: string
  maxShiftsPerMonth: number | string
  userId: string | null
}

const orNull = (value: string) => value.trim() || null

/** Contact details, notes and the sign-in they use for their own volunteering page. */
export function DetailsSection({ file }: { file: VolunteerFile }) {
  const [editing, setEditing] = useState(false)
  return (
    <Section
      title="Details"
      actions={
        editing ? null : (
          <Button variant="default" onClick={() => setEditing(true)}>
            Change details
          </Button>
        )
      }
    >
      {editing ? (
        <DetailsForm file={file} onDone={() => setEditing(false)} />
      ) : (
        <Facts
          facts={[
            { label: 'Email', value: file.email ?? 'Not given' },
            { label: 'Phone', value: file.phone ?? 'Not given' },
            { label: 'Date of birth', value: file.dateOfBirth ? formatDay(file.dateOfBirth) : 'Not given' },
            {
              label: 'Shifts a month at most',
              value:
                file.maxShiftsPerMonth === null
                  ? 'The centre’s usual number'
                  : String(file.maxShiftsPerMonth),
            },
            { label: 'Sign-in', value: <SignInStatus file={file} /> },
            { label: 'Notes', value: file.notes },
          ]}
        />
      )}
    </Section>
  )
}

function DetailsForm({ file, onDone }: { file: VolunteerFile; onDone: () => void }) {
  const { data: session } = useSession()
  const isAdmin = hasRole(session, 'admin')
  const form = useForm<Values>({
    initialValues: {
      fullName: file.fullName,
      email: file.email ?? '',
      phone: file.phone ?? '',
      dateOfBirth: file.dateOfBirth ?? '',
      notes: file.notes ?? '',
      maxShiftsPerMonth: file.maxShiftsPerMonth ?? '',
      userId: file.userId,
    },
    validate: { fullName: (v) => (v.trim() ? null : 'Enter their name') },
  })
  const save = useVolunteerUpdate(
    file,
    (values: Values) => ({
      fullName: values.fullName.trim(),
      email: orNull(values.email),
      phone: orNull(values.phone),
      dateOfBirth: orNull(values.dateOfBirth),
      notes: orNull(values.notes),
      maxShiftsPerMonth: values.maxShiftsPerMonth === '' ? null : Number(values.maxShiftsPerMonth),
      ...(isAdmin ? { userId: values.userId } : {}),
    }),
    () => {
      notifyDone('Saved', 'The details are up to date.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Change details">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <div className={classes.fields}>
            <TextInput label="Full name" required {...form.getInputProps('fullName')} />
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
            <TextInput label="Date of birth" type="date" {...form.getInputProps('dateOfBirth')} />
            <NumberInput
              label="Shifts a month at most"
              description="Leave empty for the centre’s usual number."
              min={1}
              max={31}
              allowDecimal={false}
              {...form.getInputProps('maxShiftsPerMonth')}
            />
            {isAdmin ? <SignInSelect {...form.getInputProps('userId')} /> : null}
          </div>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <Refusal error={save.error} title="The details were not saved" />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save details
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
