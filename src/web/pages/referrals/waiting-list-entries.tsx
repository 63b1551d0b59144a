import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { ServiceType, WaitingList } from '../../api/types'
import { TableScroll } from '../../components/table-scroll'
import { formatDate } from '../../format'
import { SERVICE_LABELS } from './labels'

type Entry = WaitingList['entries'][number]

export const units = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))
const weeks = (n: number) => (n === 0 ? 'Now' : `About ${n} ${n === 1 ? 'week' : 'weeks'}`)
const service = (code: string) => SERVICE_LABELS[code as ServiceType] ?? code
const places = (weight: number) => `takes ${units(weight)} ${weight === 1 ? 'place' : 'places'}`

interface Props {
  entries: Entry[]
  centreName: string
  onOffer: (entry: Entry) => void
}

function OfferButton({ entry, onOffer }: { entry: Entry; onOffer: (entry: Entry) => void }) {
  return (
    <Button
      size="xs"
      variant={entry.fitsNow ? 'filled' : 'default'}
      onClick={() => onOffer(entry)}
      aria-label={`Offer place to ${entry.familyLabel}`}
    >
      Offer place
    </Button>
  )
}

function ExpectedWait({ entry, prefix = '' }: { entry: Entry; prefix?: string }) {
  const showWeeks = !(entry.fitsNow && entry.expectedWaitWeeks === 0)
  return (
    <Group gap="xs">
      {showWeeks ? <Text size="sm">{`${prefix}${weeks(entry.expectedWaitWeeks)}`}</Text> : null}
      {entry.fitsNow ? (
        <Badge color="kin" variant="light">
          Fits now
        </Badge>
      ) : null}
    </Group>
  )
}

/** The waiting families in order: a table on wide screens, cards on a phone. */
export function WaitingListEntries({ entries, centreName, onOffer }: Props) {
  return (
    <>
      <Box visibleFrom="sm">
        <TableScroll label={`Waiting list for ${centreName}`} minWidth={720}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Place in list</Table.Th>
                <Table.Th scope="col">Family</Table.Th>
                <Table.Th scope="col">Service</Table.Th>
                <Table.Th scope="col">Waiting since</Table.Th>
                <Table.Th scope="col">Expected wait</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.referralId}>
                  <Table.Td>{e.position}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/referrals/${e.referralId}`} fw={600}>
                      {e.familyLabel}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {e.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {service(e.serviceRequested)}
                    <Text size="xs" c="dimmed">
                      {places(e.weight)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(e.waitlistedAt)}</Table.Td>
                  <Table.Td>
                    <ExpectedWait entry={e} />
                  </Table.Td>
                  <Table.Td>
                    <OfferButton entry={e} onOffer={onOffer} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Box>
      <Stack
        hiddenFrom="sm"
        gap="sm"
        component="ol"
        aria-label={`Waiting list for ${centreName}`}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {entries.map((e) => (
          <Paper key={e.referralId} withBorder p="sm" radius="md" component="li">
            <Stack gap={6}>
              <Group gap="xs">
                <Text fw={700}>{e.position}.</Text>
                <Anchor component={Link} to={`/referrals/${e.referralId}`} fw={600}>
                  {e.familyLabel}
                </Anchor>
              </Group>
              <Text size="sm">
                {service(e.serviceRequested)} ({places(e.weight)}), waiting since {formatDate(e.waitlistedAt)}
              </Text>
              <ExpectedWait entry={e} prefix="Expected wait: " />
              <Group>
                <OfferButton entry={e} onOffer={onOffer} />
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  )
}
