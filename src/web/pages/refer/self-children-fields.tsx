import { Button, Checkbox, Fieldset, Group, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { newSelfChild, type SelfReferralValues } from './self-referral-values'

/** Each child's name and date of birth, and whether they need help with feeding or changing. */
export function SelfChildrenFields({ form }: { form: UseFormReturnType<SelfReferralValues> }) {
  const { children } = form.getValues()
  return (
    <Stack gap="md">
      {children.map((child, i) => (
        <Fieldset key={child.key} legend={`Child ${i + 1}`} radius="md">
          <Stack gap="sm">
            <TextInput
              label="Name"
              required
              autoComplete="off"
              size="md"
              {...form.getInputProps(`children.${i}.fullName`)}
            />
            <TextInput
              label="Date of birth"
              type="date"
              required
              size="md"
              w="fit-content"
              {...form.getInputProps(`children.${i}.dateOfBirth`)}
            />
            <Checkbox
              size="md"
              label="Needs help with feeding"
              {...form.getInputProps(`children.${i}.feedingHelp`, { type: 'checkbox' })}
            />
            <Checkbox
              size="md"
              label="Needs nappy changing"
              {...form.getInputProps(`children.${i}.changingHelp`, { type: 'checkbox' })}
            />
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
      {children.length < 8 ? (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
            onClick={() => form.insertListItem('children', newSelfChild())}
          >
            Add another child
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}
