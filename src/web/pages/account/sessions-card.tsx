import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDateTime } from '../../format'
import { SectionCard } from './section-card'
import { TableScroll } from '../../components/table-scroll'

/** Turns a browser's user-agent string into something a person recognises. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const browser = ['Edg', 'Firefox', 'Chrome', 'Safari'].find((name) => userAgent.includes(name)) ?? 'Browser'
  const system = ['iPhone', 'iPad', 'Android', 'Windows', 'Mac OS', 'Linux'].find((name) =>
    userAgent.includes(name),
  )
  const browserName = browser === 'Edg' ? 'Edge' : browser
  return system ? `${browserName} on ${system.replace('Mac OS', 'Mac')}` : browserName
}

export function SessionsCard() {
  const queryClient = useQueryClient()
  const sessions = useQuery({
    queryKey: ['account-sessions'],
    queryFn: () => call(api.GET('/api/account/sessions')),
  })
  const endOthers = useMutation({
    mutationFn: () => call(api.POST('/api/account/sessions/end-others')),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['account-sessions'] })
      notifications.show({
        color: 'kin',
        title: 'Other devices signed out',
        message:
          result.sessionsEnded === 1
            ? 'One other device was signed out.'
            : `${result.sessionsEnded} other devices were signed out.`,
      })
    },
  })
  const others = sessions.data?.filter((session) => !session.current).length ?? 0

  return (
    <SectionCard
      title="Where you are signed in"
      intro="If you see a device you do not recognise, sign out everywhere else and change your password."
    >
      {sessions.isPending ? <Loading label="Loading your devices" /> : null}
      <FormError error={sessions.error} title="We could not load your devices" />
      {sessions.data ? (
        <Stack>
          <TableScroll label="Devices where you are signed in" minWidth={480}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Device</Table.Th>
                  <Table.Th scope="col">Signed in</Table.Th>
                  <Table.Th scope="col">Last active</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.map((session) => (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm">{describeDevice(session.userAgent)}</Text>
                        {session.current ? (
                          <Badge color="kin" variant="filled" size="sm">
                            This device
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                    <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <FormError error={endOthers.error} />
          <Button
            variant="default"
            w="fit-content"
            onClick={() => endOthers.mutate()}
            loading={endOthers.isPending}
            disabled={others === 0}
          >
            Sign out other devices
          </Button>
        </Stack>
      ) : null}
    </SectionCard>
  )
}
