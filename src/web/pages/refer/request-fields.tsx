import { Radio, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { ServiceType } from '../../api/types'
import { SERVICE_HELP } from './gentle-words'
import type { SelfReferralValues } from './self-referral-values'

interface Props {
  form: UseFormReturnType<SelfReferralValues>
  services: ServiceType[]
}

/** The kind of help asked for, how often, who else would come, and whether there is a court order. */
export function RequestFields({ form, services }: Props) {
  return (
    <Stack gap="md">
      <Radio.Group
        size="md"
        label="What kind of help would you like?"
        required
        {...form.getInputProps('serviceRequested')}
      >
        <Stack mt="xs" gap="sm">
          {services.map((service) => (
            <Radio
              size="md"
              key={service}
              value={service}
              label={SERVICE_HELP[service].label}
              description={SERVICE_HELP[service].description}
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label="How often would you like to meet? (optional)"
        placeholder="For example: every other Saturday"
        size="md"
        {...form.getInputProps('frequencyRequested')}
      />
      <TextInput
        label="Anyone else you would like to bring (optional)"
        description="For example: a grandparent. Both parents must agree."
        size="md"
        {...form.getInputProps('otherPeopleToAttend')}
      />
      <Radio.Group
        size="md"
        label="Is there a court order about the children?"
        required
        {...form.getInputProps('courtOrderInPlace')}
      >
        <Stack mt="xs" gap="sm">
          <Radio size="md" value="yes" label="Yes" />
          <Radio size="md" value="no" label="No, or I am not sure" />
        </Stack>
      </Radio.Group>
    </Stack>
  )
}
