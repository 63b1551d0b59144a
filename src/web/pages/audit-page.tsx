import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { api, call } from '../api/client'
import type { AuditEntryView } from '../api/types'
import { FormError } from '../components/form-error'
import { Loading } from '../components/loading'
import { PageTitle } from '../components/page-title'
import { formatDateTime } from '../format'
import { TableScroll } from '../components/table-scroll'

const PAGE_SIZE = 50

const OUTCOME: Record<AuditEntryView['outcome'], { label: string; color: string }> = {
  success: { label: 'Done', color: 'kin' },
  denied: { label: 'Refused', color: '#a84300' },
  failure: { label: 'Failed', color: 'red.8' },
}

/** The organisation's audit trail, newest first, fifty at a time. Administrators only. */
export function AuditPage() {
  const people = useQuery({ queryKey: ['users'], queryFn: () => call(api.GET('/api/users')) })
  const audit = useInfiniteQuery({
    queryKey: ['audit'],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/audit', { params: { query: { limit: PAGE_SIZE, before: pageParam } } })),
    getNextPageParam: (page) => (page.length < PAGE_SIZE ? undefined : page.at(-1)?.seq),
  })
  const nameOf = (userId: string | null) => {
    if (!userId) return 'System'
    return people.data?.find((p) => p.id === userId)?.displayName ?? 'Someone'
  }
  const entries = audit.data?.pages.flat() ?? []

  return (
    <>
      <PageTitle
        title="Audit trail"
        intro="Every sign-in, change and refusal, newest first. Entries cannot be changed or deleted."
      />
      {audit.isPending ? <Loading label="Loading the audit trail" /> : null}
      <FormError error={audit.error} title="We could not load the audit trail" />
      {audit.data ? (
        <Stack>
          <TableScroll label="Audit trail entries" minWidth={720}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Who</Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                  <Table.Th scope="col">From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.seq}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>
                      {nameOf(entry.actorUserId)}
                      {entry.actorRole ? <Text size="xs">{entry.actorRole}</Text> : null}
                    </Table.Td>
                    <Table.Td>
                      <Code>{entry.action}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={OUTCOME[entry.outcome].color} variant="filled">
                        {OUTCOME[entry.outcome].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{entry.ip ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Group>
            {audit.hasNextPage ? (
              <Button
                variant="default"
                loading={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                Show older entries
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                That is the whole trail.
              </Text>
            )}
          </Group>
        </Stack>
      ) : null}
    </>
  )
}
