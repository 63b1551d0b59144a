import { Checkbox, SimpleGrid, Stack, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { RISK_FLAG_LABELS, RISK_FLAGS } from '../labels'
import type { ReferralValues } from './referral-values'

/** What is known about risks; the narrative is sealed and seen by the centre's coordinators only. */
export function RiskFields({ form }: { form: UseFormReturnType<ReferralValues> }) {
  return (
    <Stack gap="md">
      <Checkbox.Group
        label="Does any of this apply to the family?"
        description="Tick all that apply. It helps the centre plan a safe service."
        {...form.getInputProps('risk.flags')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
          {RISK_FLAGS.map((flag) => (
            <Checkbox key={flag} value={flag} label={RISK_FLAG_LABELS[flag]} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label="What do you know about these risks?"
        description="Seen only by the centre’s coordinators."
        autosize
        minRows={3}
        {...form.getInputProps('risk.narrative')}
      />
    </Stack>
  )
}
