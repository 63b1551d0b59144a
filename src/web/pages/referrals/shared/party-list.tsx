import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import type { PartyView } from '../../../api/types'
import { PartyCard } from './party-card'
import { RevealModal } from './reveal-modal'

interface Group {
  title: string
  parties: PartyView[]
}

const isParent = (p: PartyView) => p.role === 'resident_parent' || p.role === 'non_resident_parent'
const mustNotAttend = (p: PartyView) =>
  p.attendance === 'not_allowed' || p.safetyFlags.includes('must_not_attend')

/** Children first, then the parents, the others who may attend, and those who must not. */
export function groupParties(parties: PartyView[]): Group[] {
  const adults = parties.filter((p) => p.kind === 'adult')
  const groups: Group[] = [
    { title: 'Children', parties: parties.filter((p) => p.kind === 'child') },
    { title: 'Parents', parties: adults.filter((p) => isParent(p) && !mustNotAttend(p)) },
    {
      title: 'Others who may attend, and professionals',
      parties: adults.filter((p) => !isParent(p) && !mustNotAttend(p)),
    },
    { title: 'Must not attend', parties: adults.filter(mustNotAttend) },
  ]
  return groups.filter((g) => g.parties.length > 0)
}

interface Props {
  parties: PartyView[]
  canReveal: boolean
  /** Extra content under a person, such as their ground rules signature. */
  extra?: (party: PartyView) => ReactNode
}

/** Everyone on the file, grouped, with a reveal dialog for staff. */
export function PartyList({ parties, canReveal, extra }: Props) {
  const [revealing, setRevealing] = useState<PartyView | null>(null)
  if (parties.length === 0) return <Text>No one is named yet.</Text>
  return (
    <Stack gap="md">
      {groupParties(parties).map((group) => (
        <div key={group.title}>
          <Title order={3} size="h5" mb="xs" c={group.title === 'Must not attend' ? 'red.9' : undefined}>
            {group.title}
          </Title>
          <SimpleGrid
            cols={{ base: 1, md: 2 }}
            spacing="sm"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {group.parties.map((party) => (
              <PartyCard key={party.id} party={party} onReveal={canReveal ? setRevealing : undefined}>
                {extra?.(party)}
              </PartyCard>
            ))}
          </SimpleGrid>
        </div>
      ))}
      {revealing ? <RevealModal party={revealing} onClose={() => setRevealing(null)} /> : null}
    </Stack>
  )
}
