import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { newChild, type ReferralValues } from './referral-values'

/** The children: name and date of birth, and what they need from the centre. */
export function ChildrenFields({ form }: { form: UseFormReturnType<ReferralValues> }) {
  const { children } = form.getValues()
  return (
    <Stack gap="md">
      {children.map((child, i) => (
        <Fieldset key={child.key} legend={`Child ${i + 1}`} radius="md">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Full name"
                required
                autoComplete="off"
                {...form.getInputProps(`children.${i}.fullName`)}
              />
              <TextInput
                label="Date of birth"
                type="date"
                required
                {...form.getInputProps(`children.${i}.dateOfBirth`)}
              />
            </SimpleGrid>
            <Group gap="lg">
              <Checkbox
                label="Needs help with feeding"
                {...form.getInputProps(`children.${i}.needs.feedingHelp`, { type: 'checkbox' })}
              />
              <Checkbox
                label="Needs nappy changing"
                {...form.getInputProps(`children.${i}.needs.changingHelp`, { type: 'checkbox' })}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Medical needs or allergies"
                {...form.getInputProps(`children.${i}.needs.medical`)}
              />
              <TextInput
                label="Language spoken at home"
                {...form.getInputProps(`children.${i}.needs.language`)}
              />
              <TextInput
                label="School or nursery"
                description="Kept from the other parent."
                {...form.getInputProps(`children.${i}.protected.school`)}
              />
              <TextInput
                label="Anything else we should know"
                {...form.getInputProps(`children.${i}.needs.other`)}
              />
            </SimpleGrid>
            {children.length > 1 ? (
              <Group>
                <Button variant="subtle" color="red" onClick={() => form.removeListItem('children', i)}>
                  Remove child {i + 1}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Fieldset>
      ))}
      {form.errors.children ? (
        <Text c="var(--mantine-color-error)" size="sm">
          {form.errors.children}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden="true" />}
          onClick={() => form.insertListItem('children', newChild())}
          disabled={children.length >= 12}
        >
          Add another child
        </Button>
      </Group>
    </Stack>
  )
}
