import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { CentreView, RoleGrant, UserView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { RolesEditor } from './roles-editor'

interface Props {
  /** The person to change; without it the form invites someone new. */
  person?: UserView
  centres: CentreView[]
  onDone: () => void
}

interface Values {
  email: string
  displayName: string
  roles: RoleGrant[]
}

/** Invites a person by email with their roles, or changes someone's name and roles. */
export function PersonForm({ person, centres, onDone }: Props) {
  const queryClient = useQueryClient()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const form = useForm<Values>({
    initialValues: {
      email: person?.email ?? '',
      displayName: person?.displayName ?? '',
      roles: person?.roles.map((g) => ({ role: g.role, centreId: g.centreId })) ?? [
        { role: 'volunteer', centreId: null },
      ],
    },
    validate: {
      email: (v) => (person || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter their email address'),
      displayName: (v) => (v.trim() ? null : 'Enter their name'),
      roles: (v) => (v.length > 0 ? null : 'Give them at least one role'),
    },
  })
  const save = useMutation({
    mutationFn: (values: Values) => {
      const displayName = values.displayName.trim()
      if (person) {
        return call(
          api.PATCH('/api/users/{userId}', {
            params: { path: { userId: person.id } },
            body: { displayName, roles: values.roles },
          }),
        )
      }
      return call(
        api.POST('/api/users', { body: { email: values.email.trim(), displayName, roles: values.roles } }),
      )
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] })
      notifications.show({
        color: 'kin',
        title: person ? 'Saved' : 'Invitation sent',
        message: person
          ? `${saved.displayName}’s details are up to date.`
          : `We have emailed ${saved.email} a link to set their password.`,
      })
      onDone()
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors())
    },
  })

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="person-form-heading">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack maw={560}>
          <Title order={2} size="h3" id="person-form-heading" ref={headingRef} tabIndex={-1}>
            {person ? `Change ${person.displayName}` : 'Invite someone'}
          </Title>
          {person ? null : (
            <Text>We will email them a link to choose a password. The link works for a few days.</Text>
          )}
          {person ? (
            <Text>
              <Text span fw={600}>
                Email:
              </Text>{' '}
              {person.email}
            </Text>
          ) : (
            <TextInput label="Email address" type="email" required {...form.getInputProps('email')} />
          )}
          <TextInput
            label="Name"
            description="As they like to be known."
            required
            {...form.getInputProps('displayName')}
          />
          <RolesEditor
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            centres={centres}
            error={typeof form.errors.roles === 'string' ? form.errors.roles : undefined}
          />
          <FormError
            error={save.error}
            title={person ? 'Your changes were not saved' : 'The invitation was not sent'}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {person ? 'Save changes' : 'Send invitation'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
