import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { AdultValues, ReferralValues } from './referral-values'
import { ADULT_ROLES, ATTENDANCE_LABELS, ROLE_LABELS, SIDE_LABELS } from '../labels'

const PROFESSIONALS = new Set(['social_worker', 'referrer', 'other'])
const roleOptions = ADULT_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))
const sideOptions = [
  { value: '', label: 'Neither' },
  { value: 'resident', label: SIDE_LABELS.resident },
  { value: 'non_resident', label: SIDE_LABELS.non_resident },
]

interface Props {
  form: UseFormReturnType<ReferralValues>
  index: number
  adult: AdultValues
  canRemove: boolean
}

/** One adult: who they are, how to reach them, their needs and whether they may come to sessions. */
export function AdultFields({ form, index: i, adult, canRemove }: Props) {
  const path = (field: string) => `adults.${i}.${field}`
  const isParent = adult.role === 'resident_parent' || adult.role === 'non_resident_parent'
  const changeRole = (role: string | null) => {
    if (!role) return
    form.setFieldValue(path('role'), role)
    form.setFieldValue(path('attendance'), PROFESSIONALS.has(role) ? 'not_applicable' : 'allowed')
  }
  return (
    <Fieldset
      legend={`Adult ${i + 1}${adult.fullName.trim() ? `: ${adult.fullName.trim()}` : ''}`}
      radius="md"
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Role"
            data={roleOptions}
            allowDeselect={false}
            required
            {...form.getInputProps(path('role'))}
            onChange={changeRole}
          />
          <TextInput
            label="Full name"
            required
            autoComplete="off"
            {...form.getInputProps(path('fullName'))}
          />
          {isParent ? null : (
            <Select
              label="Whose side are they on?"
              description="Their details are kept from the other side."
              data={sideOptions}
              allowDeselect={false}
              {...form.getInputProps(path('side'))}
            />
          )}
          <TextInput
            label="Relationship to the children"
            placeholder="For example: mother, grandfather"
            {...form.getInputProps(path('details.relationshipToChild'))}
          />
        </SimpleGrid>
        <Textarea
          label="Address"
          description="Kept from the other parent."
          autosize
          minRows={2}
          autoComplete="off"
          {...form.getInputProps(path('protected.address'))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Phone"
            type="tel"
            autoComplete="off"
            {...form.getInputProps(path('protected.phone'))}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            {...form.getInputProps(path('protected.email'))}
          />
          <TextInput label="Language" {...form.getInputProps(path('details.language'))} />
          <TextInput label="Access needs" {...form.getInputProps(path('details.accessibility'))} />
        </SimpleGrid>
        <Checkbox
          label="Needs an interpreter"
          {...form.getInputProps(path('details.interpreterNeeded'), { type: 'checkbox' })}
        />
        <Radio.Group label="May they come to sessions?" {...form.getInputProps(path('attendance'))}>
          <Group mt="xs" gap="lg">
            <Radio value="allowed" label={ATTENDANCE_LABELS.allowed} />
            <Radio value="not_allowed" label={ATTENDANCE_LABELS.not_allowed} />
            <Radio value="not_applicable" label="Does not come (a professional)" />
          </Group>
        </Radio.Group>
        {canRemove ? (
          <Group>
            <Button variant="subtle" color="red" onClick={() => form.removeListItem('adults', i)}>
              Remove adult {i + 1}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  )
}
