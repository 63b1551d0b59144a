import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import type { MyFamily } from '../../api/types'
import { ageInYears, formatLocalDate } from '../referrals/dates'
import { GroundRulesCard } from './ground-rules-card'

type Family = MyFamily['families'][number]

/** Where things stand, in words for a parent. */
const STATUS_WORDS: Record<Family['status'], string> = {
  received: 'The centre has your application',
  pre_visits: 'The centre is arranging pre-visits',
  risk_assessed: 'The centre is deciding',
  waitlisted: 'You are on the waiting list',
  case_active: 'You have a place',
  case_closed: 'Your time at the centre has ended',
  declined: 'The centre could not offer a place',
  withdrawn: 'Withdrawn',
  merged: 'Joined with the other parent’s application',
}

/** One family: the parent's own details, their children, and the ground rules to sign. */
export function FamilyCard({ family }: { family: Family }) {
  const headingId = useId()
  const { me } = family
  const contact = me.protected
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={headingId}>
            {family.centreName}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge color="kin" variant="light">
              {STATUS_WORDS[family.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              Reference {family.referralReference}
            </Text>
          </Group>
        </div>
        <div>
          <Title order={3} size="h4" mb={4}>
            Your details
          </Title>
          <Text fw={600}>{me.fullName}</Text>
          {contact?.phone ? <Text>Phone: {contact.phone}</Text> : null}
          {contact?.email ? <Text>Email: {contact.email}</Text> : null}
          {contact?.address ? (
            <Text style={{ whiteSpace: 'pre-line' }}>Address: {contact.address}</Text>
          ) : null}
          <Text size="sm" c="dimmed" mt={4}>
            If something has changed, tell the centre. The other parent never sees these details.
          </Text>
        </div>
        <div>
          <Title order={3} size="h4" mb={4}>
            Your children
          </Title>
          <List spacing={2}>
            {family.children.map((child) => {
              const age = ageInYears(child.dateOfBirth)
              return (
                <List.Item key={child.id}>
                  {child.fullName}
                  {child.dateOfBirth ? `, born ${formatLocalDate(child.dateOfBirth)}` : ''}
                  {age === null ? '' : ` (age ${age})`}
                </List.Item>
              )
            })}
          </List>
        </div>
        {family.groundRules ? (
          <GroundRulesCard rules={family.groundRules} centreName={family.centreName} />
        ) : (
          <Text size="sm">The centre will give you its ground rules at your pre-visit.</Text>
        )}
      </Stack>
    </Card>
  )
}
