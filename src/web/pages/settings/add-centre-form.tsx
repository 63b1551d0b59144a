import { Button, Card, Group, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { TimeZoneSelect } from './time-zone-select'

/** Opens a new centre. Administrators only. */
export function AddCentreForm() {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const form = useForm({
    initialValues: { name: '', timeZone: 'Europe/London' },
    validate: { name: (v) => (v.trim() ? null : 'Enter a name for the centre') },
  })
  const create = useMutation({
    mutationFn: (values: { name: string; timeZone: string }) =>
      call(api.POST('/api/centres', { body: { name: values.name.trim(), timeZone: values.timeZone } })),
    onSuccess: async () => {
      form.reset()
      setOpen(false)
      await queryClient.invalidateQueries({ queryKey: ['centres'] })
    },
  })

  if (!open) {
    return (
      <Button variant="default" w="fit-content" onClick={() => setOpen(true)}>
        Add a centre
      </Button>
    )
  }
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack maw={520}>
          <Title order={3}>New centre</Title>
          <TextInput label="Centre name" required data-autofocus {...form.getInputProps('name')} />
          <TimeZoneSelect required {...form.getInputProps('timeZone')} />
          <FormError error={create.error} title="The centre was not added" />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add centre
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
