import { Checkbox, Radio, Stack, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { SelfReferralValues } from './self-referral-values'

/** The parent applying: which parent they are, and how the centre can reach them. */
export function AboutYouFields({ form }: { form: UseFormReturnType<SelfReferralValues> }) {
  return (
    <Stack gap="md">
      <Radio.Group size="md" label="Do the children live with you?" required {...form.getInputProps('role')}>
        <Stack mt="xs" gap="sm">
          <Radio size="md" value="resident_parent" label="Yes, they live with me" />
          <Radio size="md" value="non_resident_parent" label="No, they live with the other parent" />
        </Stack>
      </Radio.Group>
      <TextInput
        label="Your full name"
        required
        autoComplete="name"
        size="md"
        {...form.getInputProps('fullName')}
      />
      <TextInput
        label="Your phone number"
        description="We need a phone number or an email."
        type="tel"
        autoComplete="tel"
        size="md"
        {...form.getInputProps('phone')}
      />
      <TextInput
        label="Your email"
        type="email"
        autoComplete="email"
        size="md"
        {...form.getInputProps('email')}
      />
      <Textarea
        label="Your address (optional)"
        description="The other parent never sees your address or phone number."
        autoComplete="street-address"
        autosize
        minRows={2}
        size="md"
        {...form.getInputProps('address')}
      />
      <TextInput label="Language you prefer (optional)" size="md" {...form.getInputProps('language')} />
      <Checkbox
        label="I would like an interpreter"
        size="md"
        {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })}
      />
      <TextInput
        label="Anything that would make the centre easier for you (optional)"
        description="For example: step-free access, a quiet room."
        size="md"
        {...form.getInputProps('accessibility')}
      />
      <TextInput
        label="The other parent’s name"
        description="They apply separately. We will not tell them what you write here."
        required
        size="md"
        {...form.getInputProps('otherParentName')}
      />
    </Stack>
  )
}
