import { Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { ReferralValues } from './referral-values'

const ACTING_FOR = [
  { value: 'both', label: 'Neither parent (for example a court adviser or social worker)' },
  { value: 'resident', label: 'The parent the children live with' },
  { value: 'non_resident', label: 'The visiting parent' },
]

interface Props {
  form: UseFormReturnType<ReferralValues>
  /** Staff type in who referred the family; a referrer is named from their own account. */
  isDesk: boolean
  me: { name: string; email: string }
}

export function ReferrerFields({ form, isDesk, me }: Props) {
  return (
    <Stack gap="sm">
      {isDesk ? (
        <Text size="sm" c="dimmed">
          Leave empty if a parent asked for the place themselves.
        </Text>
      ) : (
        <Text>
          Sent by you: {me.name} ({me.email}).
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {isDesk ? <TextInput label="Referrer’s name" {...form.getInputProps('referrer.name')} /> : null}
        <TextInput
          label="Organisation"
          placeholder="For example: JFCAS"
          {...form.getInputProps('referrer.organisation')}
        />
        <TextInput label="Job title" {...form.getInputProps('referrer.role')} />
        {isDesk ? (
          <TextInput label="Referrer’s email" type="email" {...form.getInputProps('referrer.email')} />
        ) : null}
        <TextInput
          label={isDesk ? 'Referrer’s phone' : 'Your phone'}
          type="tel"
          {...form.getInputProps('referrer.phone')}
        />
      </SimpleGrid>
      <Radio.Group
        label={isDesk ? 'Who is the referrer acting for?' : 'Who are you acting for?'}
        {...form.getInputProps('referrer.actingFor')}
      >
        <Stack mt="xs" gap="xs">
          {ACTING_FOR.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  )
}
