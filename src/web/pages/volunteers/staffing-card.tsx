import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { plural } from '../../volunteering-words'
import { staffingQuery, useCentres } from './queries'
import type { StaffingOverview } from './types'

function CentreLine({ centreId, name, showName }: { centreId: string; name: string; showName: boolean }) {
  const staffing = useQuery(staffingQuery(centreId))
  const data: StaffingOverview | undefined = staffing.data
  if (!data) return null
  const facts = [
    `${data.active} working of ${data.target} aimed for`,
    `${data.leaving} leaving`,
    `${data.pipeline} on the way in`,
    `${plural(data.unfilledShifts, 'unfilled place')} in the next 8 weeks`,
  ]
  if (data.blocked > 0) facts.push(`${data.blocked} cannot be rostered`)
  return (
    <div>
      {showName ? <Text fw={600}>{name}</Text> : null}
      <Text>{facts.join(' · ')}</Text>
      {data.expiring.length > 0 ? (
        <Text size="sm" c="dimmed">
          {plural(data.expiring.length, 'check or course', 'checks or courses')} lapse or fall due in the next
          90 days.
        </Text>
      ) : null}
    </div>
  )
}

/** The team at a glance on the coordinator's home page, with a way to the full picture. */
export function StaffingCard() {
  const centres = useCentres()
  const list = (centres.data ?? []).slice(0, 3)
  if (list.length === 0) return null
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="staffing-heading">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h4" id="staffing-heading">
          Volunteers at a glance
        </Title>
        <Anchor component={Link} to="/volunteers/staffing">
          Staffing in full
        </Anchor>
      </Group>
      <Stack gap="xs">
        {list.map((c) => (
          <CentreLine key={c.id} centreId={c.id} name={c.name} showName={list.length > 1} />
        ))}
      </Stack>
    </Card>
  )
}
