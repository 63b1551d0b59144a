import { Button, Group, Stack, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { AdultFields } from './adult-fields'
import { newAdult, type ReferralValues } from './referral-values'

/** Both parents, and anyone else named: who may attend and who must not. */
export function AdultsFields({ form }: { form: UseFormReturnType<ReferralValues> }) {
  const { adults } = form.getValues()
  return (
    <Stack gap="md">
      {adults.map((adult, i) => (
        <AdultFields key={adult.key} form={form} index={i} adult={adult} canRemove={adults.length > 1} />
      ))}
      {form.errors.adults ? (
        <Text c="var(--mantine-color-error)" size="sm">
          {form.errors.adults}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => form.insertListItem('adults', newAdult())}
          disabled={adults.length >= 12}
        >
          Add another adult
        </Button>
      </Group>
    </Stack>
  )
}
