import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { CentreView, Role, RoleGrant } from '../../api/types'
import { ROLE_LABELS, ROLE_ORDER } from '../../format'

const ALL_CENTRES = 'all'

interface Props {
  value: RoleGrant[]
  onChange: (grants: RoleGrant[]) => void
  centres: CentreView[]
  error?: string
}

/** Edits a person's roles: each role applies to one centre or to every centre. */
export function RolesEditor({ value, onChange, centres, error }: Props) {
  const centreOptions = [
    { value: ALL_CENTRES, label: 'All centres' },
    ...centres.map((centre) => ({ value: centre.id, label: centre.name })),
  ]
  const roleOptions = ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABELS[role] }))
  const update = (index: number, grant: RoleGrant) => onChange(value.map((g, i) => (i === index ? grant : g)))

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm" mb={4}>
        Roles
      </Text>
      <Stack gap="xs">
        {value.map((grant, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={`Role ${index + 1}`}
              data={roleOptions}
              value={grant.role}
              allowDeselect={false}
              onChange={(role) => role && update(index, { ...grant, role: role as Role })}
              w={180}
            />
            <Select
              label={`Where (role ${index + 1})`}
              data={centreOptions}
              value={grant.centreId ?? ALL_CENTRES}
              allowDeselect={false}
              onChange={(centre) =>
                update(index, { ...grant, centreId: centre === ALL_CENTRES || !centre ? null : centre })
              }
              w={200}
            />
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={`Remove role ${index + 1} (${ROLE_LABELS[grant.role]})`}
              disabled={value.length === 1}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="sm"
          w="fit-content"
          px={0}
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => onChange([...value, { role: 'volunteer', centreId: null }])}
        >
          Add another role
        </Button>
        {error ? (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </fieldset>
  )
}
