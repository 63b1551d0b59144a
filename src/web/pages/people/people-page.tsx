import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { UserView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { formatDate, ROLE_LABELS } from '../../format'
import { PersonForm } from './person-form'
import { StatusButton } from './status-button'
import { TableScroll } from '../../components/table-scroll'

export const usersKey = ['users'] as const

const STATUS: Record<UserView['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'kin' },
  invited: { label: 'Invited', color: 'blue.8' },
  disabled: { label: 'Disabled', color: 'gray.7' },
}

/** Everyone in the organisation: invite people, change their roles, disable or enable accounts. */
export function PeoplePage() {
  const users = useQuery({ queryKey: usersKey, queryFn: () => call(api.GET('/api/users')) })
  const centres = useQuery({ queryKey: ['centres'], queryFn: () => call(api.GET('/api/centres')) })
  const [editing, setEditing] = useState<UserView | 'new' | null>(null)
  const centreName = (id: string | null) =>
    id ? (centres.data?.find((c) => c.id === id)?.name ?? 'one centre') : 'all centres'

  return (
    <>
      <PageTitle
        title="People"
        intro="Everyone who can sign in to Kinbridge for your organisation, and what they can do."
      />
      <Stack gap="lg">
        {editing ? (
          <PersonForm
            key={editing === 'new' ? 'new' : editing.id}
            person={editing === 'new' ? undefined : editing}
            centres={centres.data ?? []}
            onDone={() => setEditing(null)}
          />
        ) : (
          <Button w="fit-content" onClick={() => setEditing('new')}>
            Invite someone
          </Button>
        )}
        {users.isPending ? <Loading label="Loading people" /> : null}
        <FormError error={users.error} title="We could not load the list of people" />
        {users.data ? (
          <TableScroll label="People in your organisation" minWidth={760}>
            <Table verticalSpacing="sm" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Roles</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Last signed in</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {user.displayName}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {user.roles.map((grant) => (
                        <Text size="sm" key={`${grant.role}-${grant.centreId ?? 'all'}`}>
                          {ROLE_LABELS[grant.role]}, {centreName(grant.centreId)}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge color={STATUS[user.status].color} variant="filled">
                          {STATUS[user.status].label}
                        </Badge>
                        {user.twoFactorEnabled ? <Text size="xs">Two-factor on</Text> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{user.lastLoginAt ? formatDate(user.lastLoginAt) : 'Never'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(user)}
                          aria-label={`Change ${user.displayName}`}
                        >
                          Change
                        </Button>
                        <StatusButton user={user} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
    </>
  )
}
