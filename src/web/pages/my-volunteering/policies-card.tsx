import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core'
import { IconBook } from '@tabler/icons-react'
import { useState } from 'react'
import { PlainList } from '../../components/plain-list'
import { formatDate } from '../../format'
import { formatDay } from '../../volunteering-dates'
import { SectionCard } from '../account/section-card'
import type { MyVolunteering } from '../volunteers/types'
import { PolicyDialog } from './policy-dialog'

type Policy = MyVolunteering['policies'][number]

/** Policies the volunteer must read: new ones and new versions first, each opening its text. */
export function PoliciesCard({ policies }: { policies: Policy[] }) {
  const [open, setOpen] = useState<Policy | null>(null)
  const toRead = policies.filter((p) => p.acknowledgedAt === null)
  const read = policies.filter((p) => p.acknowledgedAt !== null)
  return (
    <SectionCard title="Policies to read">
      {toRead.length === 0 ? (
        <Text>You have read every policy. Thank you.</Text>
      ) : (
        <PlainList gap="sm" aria-label="Policies to read">
          {toRead.map((p) => (
            <li key={p.policyId}>
              <Paper withBorder radius="md" p="sm">
                <Stack gap={6}>
                  <Group gap="xs">
                    <Text fw={700}>{p.title}</Text>
                    {p.dueOn !== null ? (
                      <Badge color="blue.8" variant="filled">
                        Updated
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm">
                    {p.dueOn !== null
                      ? `A new version came out on ${formatDay(p.publishedOn)}. Please read it by ${formatDay(p.dueOn)}.`
                      : `Please read this before your first shift.`}
                  </Text>
                  <Button
                    w="fit-content"
                    leftSection={<IconBook size={18} aria-hidden="true" />}
                    onClick={() => setOpen(p)}
                    aria-label={`Read it: ${p.title}`}
                  >
                    Read it
                  </Button>
                </Stack>
              </Paper>
            </li>
          ))}
        </PlainList>
      )}
      {read.length > 0 ? (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={600}>
            Already read
          </Text>
          <List size="sm" spacing={4}>
            {read.map((p) => (
              <List.Item key={p.policyId}>
                <Anchor component="button" type="button" size="sm" onClick={() => setOpen(p)}>
                  {p.title}
                </Anchor>
                <Text span size="sm">
                  , read on {formatDate(p.acknowledgedAt)}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {open ? <PolicyDialog policyId={open.policyId} onClose={() => setOpen(null)} /> : null}
    </SectionCard>
  )
}
