import { Button, Card, Stack, Switch, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, call } from '../../api/client'
import { sessionQueryKey } from '../../auth/session'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'

const organisationKey = ['organisation'] as const

/** The organisation's name and whether staff must use two-factor sign-in. Administrators only. */
export function OrganisationCard() {
  const queryClient = useQueryClient()
  const organisation = useQuery({
    queryKey: organisationKey,
    queryFn: () => call(api.GET('/api/organisation')),
  })
  const form = useForm({
    initialValues: { name: '', requireStaffTwoFactor: false },
    validate: { name: (v) => (v.trim() ? null : 'Enter the organisation’s name') },
  })
  const { setInitialValues, setValues } = form
  useEffect(() => {
    if (!organisation.data) return
    const values = {
      name: organisation.data.name,
      requireStaffTwoFactor: organisation.data.requireStaffTwoFactor,
    }
    setInitialValues(values)
    setValues(values)
  }, [organisation.data, setInitialValues, setValues])

  const save = useMutation({
    mutationFn: (values: { name: string; requireStaffTwoFactor: boolean }) =>
      call(
        api.PATCH('/api/organisation', {
          body: { name: values.name.trim(), requireStaffTwoFactor: values.requireStaffTwoFactor },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organisationKey, saved)
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey })
      notifications.show({ color: 'kin', title: 'Saved', message: 'Organisation settings are up to date.' })
    },
  })

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="organisation-heading">
      <Title order={2} id="organisation-heading" mb="md">
        Organisation
      </Title>
      {organisation.isPending ? <Loading label="Loading organisation" /> : null}
      <FormError error={organisation.error} title="We could not load your organisation" />
      {organisation.data ? (
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack maw={520}>
            <TextInput label="Organisation name" required {...form.getInputProps('name')} />
            <Switch
              size="md"
              label="Require two-factor sign-in for staff"
              description="Administrators, coordinators and volunteers must use a code from an app on their phone when they sign in. Recommended."
              {...form.getInputProps('requireStaffTwoFactor', { type: 'checkbox' })}
            />
            <FormError error={save.error} title="Your changes were not saved" />
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
              Save organisation
            </Button>
          </Stack>
        </form>
      ) : null}
    </Card>
  )
}
