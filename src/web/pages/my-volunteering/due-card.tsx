import { Alert, List, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { dueWords } from '../../volunteering-words'
import { SectionCard } from '../account/section-card'
import type { MyVolunteering } from '../volunteers/types'

const QUIET = new Set(['ok', 'optional'])
/** The ones that stop them being on the rota first, then by how soon they matter. */
const ORDER: Record<string, number> = { missing: 0, overdue: 1, expired: 2, due: 3, expiring: 4, renewal: 5 }

/** Checks, training and policies that need the volunteer's attention, in plain words. */
export function DueCard({ data }: { data: MyVolunteering }) {
  const due = data.requirements
    .filter((r) => !QUIET.has(r.status))
    .sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9))
  const blockers = data.volunteer.blockers
  return (
    <SectionCard title="What is due">
      {blockers.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title="You cannot be put on the rota at the moment"
          icon={<IconAlertTriangle aria-hidden="true" />}
          mb="md"
        >
          <List size="sm" spacing={2}>
            {blockers.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {due.length === 0 ? (
        <Text>
          <IconCircleCheck
            size={20}
            aria-hidden="true"
            style={{ verticalAlign: 'text-bottom', color: 'var(--mantine-color-kin-8)' }}
          />{' '}
          Nothing is due. Thank you for keeping everything up to date.
        </Text>
      ) : (
        <List spacing="xs" aria-label="What is due">
          {due.map((r) => (
            <List.Item key={r.requirementId}>
              <Text fw={r.blocks ? 700 : 400} c={r.blocks ? 'red.8' : undefined}>
                {dueWords(r)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  )
}
