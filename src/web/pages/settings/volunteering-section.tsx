import { Stack, Text, Title } from '@mantine/core'
import { VolunteeringPolicies } from './volunteering-policies'
import { VolunteeringRequirements } from './volunteering-requirements'
import { VolunteeringRules } from './volunteering-rules'

/** Volunteering: the rules, what volunteers must have, and the policies they read. */
export function VolunteeringSection({ isAdmin }: { isAdmin: boolean }) {
  return (
    <section aria-labelledby="volunteering-heading">
      <Title order={2} id="volunteering-heading" mb={4}>
        Volunteering
      </Title>
      <Text c="dimmed" mb="md">
        {isAdmin
          ? 'The numbers behind reminders, the recruitment steps and the rota. Changes apply to every volunteer at once.'
          : 'The numbers behind reminders, the recruitment steps and the rota. An administrator can change them.'}
      </Text>
      <Stack gap="lg">
        <VolunteeringRules isAdmin={isAdmin} />
        <VolunteeringRequirements isAdmin={isAdmin} />
        <VolunteeringPolicies isAdmin={isAdmin} />
      </Stack>
    </section>
  )
}
