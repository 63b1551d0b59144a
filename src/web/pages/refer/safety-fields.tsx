import { Checkbox, Stack, Text, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { GENTLE_RISKS } from './gentle-words'
import type { SelfReferralValues } from './self-referral-values'

/** The safety questions, asked gently; none has to be answered. */
export function SafetyFields({ form }: { form: UseFormReturnType<SelfReferralValues> }) {
  return (
    <Stack gap="md">
      <Text>
        These questions help the centre keep you and your children safe. Only the centre’s coordinators see
        your answers; the other parent never does. Tick any that apply, or none.
      </Text>
      <Checkbox.Group size="md" label="Does any of this apply?" {...form.getInputProps('riskFlags')}>
        <Stack mt="xs" gap="sm">
          {GENTLE_RISKS.map((risk) => (
            <Checkbox key={risk.flag} value={risk.flag} label={risk.label} size="md" />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label="Is there anything else you would like the centre to know? (optional)"
        autosize
        minRows={3}
        size="md"
        {...form.getInputProps('riskNarrative')}
      />
    </Stack>
  )
}
