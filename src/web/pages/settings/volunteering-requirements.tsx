import type { ReactNode } from 'react'
import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { deadlineWords, gatesWords, KIND_LABELS, validityWords } from '../../volunteering-words'
import { requirementsQuery } from '../volunteers/queries'
import type { RequirementView } from '../volunteers/types'
import classes from './settings.module.css'
import { RequirementForm } from './volunteering-requirement-form'

function RequirementRow({
  requirement,
  isAdmin,
  editing,
  onEdit,
  children,
}: {
  requirement: RequirementView
  isAdmin: boolean
  editing: boolean
  onEdit: () => void
  children: ReactNode
}) {
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>{requirement.title}</Text>
          <Text size="sm">
            {KIND_LABELS[requirement.kind]} · {requirement.mandatory ? 'Everyone' : 'Optional'} · Lasts:{' '}
            {validityWords(requirement.validMonths)} · {deadlineWords(requirement.dueDays)}
          </Text>
          <Text size="sm">Without it: {gatesWords(requirement.gates)}</Text>
        </div>
        <Group gap="xs">
          {requirement.archived ? <Badge color="gray">Retired</Badge> : null}
          {isAdmin && !editing ? (
            <Button size="xs" variant="default" onClick={onEdit} aria-label={`Change: ${requirement.title}`}>
              Change
            </Button>
          ) : null}
        </Group>
      </Group>
      {children}
    </Paper>
  )
}

/** What volunteers must have, with their numbers; administrators change them and add more. */
export function VolunteeringRequirements({ isAdmin }: { isAdmin: boolean }) {
  const requirements = useQuery(requirementsQuery)
  const [editing, setEditing] = useState<string | null>(null)
  const list = [...(requirements.data?.requirements ?? [])].sort(
    (a, b) => Number(a.archived) - Number(b.archived),
  )
  const done = () => setEditing(null)
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="requirements-heading">
      <Title order={3} id="requirements-heading" mb={4}>
        Requirements
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Checks, training, qualifications and policies: how long each lasts, when it is due and what it stops.
      </Text>
      {requirements.isPending ? <Loading label="Loading the requirements" /> : null}
      <FormError error={requirements.error} title="We could not load the requirements" />
      <Stack component="ul" gap="xs" className={classes.plainList} aria-label="Requirements">
        {list.map((r) => (
          <RequirementRow
            key={r.id}
            requirement={r}
            isAdmin={isAdmin}
            editing={editing === r.id}
            onEdit={() => setEditing(r.id)}
          >
            {editing === r.id ? <RequirementForm requirement={r} onDone={done} /> : null}
          </RequirementRow>
        ))}
      </Stack>
      {isAdmin && editing === 'new' ? <RequirementForm onDone={done} /> : null}
      {isAdmin && editing !== 'new' ? (
        <Button variant="default" mt="md" w="fit-content" onClick={() => setEditing('new')}>
          Add a requirement
        </Button>
      ) : null}
    </Card>
  )
}
