import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { formatDay } from '../../volunteering-dates'
import type { PolicyView } from '../volunteers/types'
import classes from './settings.module.css'
import { AddPolicyForm, policiesKey, PublishVersionDialog } from './volunteering-policy-forms'

function PolicyRow({
  policy,
  isAdmin,
  onPublish,
}: {
  policy: PolicyView
  isAdmin: boolean
  onPublish: () => void
}) {
  const version = policy.currentVersion
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Group gap="xs">
            <Text fw={600}>{policy.title}</Text>
            {policy.mustRead ? null : <Badge color="gray">Optional reading</Badge>}
          </Group>
          <Text size="sm">
            {version
              ? `Version ${version.version}, published ${formatDay(version.publishedOn)}`
              : 'Not published'}
            {version?.changes ? `: ${version.changes}` : ''}
          </Text>
          <Text size="sm">
            Read by {policy.acknowledged} · Still to read: {policy.outstanding}
          </Text>
        </div>
        {isAdmin ? (
          <Button
            size="xs"
            variant="default"
            onClick={onPublish}
            aria-label={`Publish a new version: ${policy.title}`}
          >
            Publish a new version
          </Button>
        ) : null}
      </Group>
    </Paper>
  )
}

/** The policies volunteers read and acknowledge, who has read the current version, and new versions. */
export function VolunteeringPolicies({ isAdmin }: { isAdmin: boolean }) {
  const policies = useQuery({ queryKey: policiesKey, queryFn: () => call(api.GET('/api/policies')) })
  const [publishing, setPublishing] = useState<PolicyView | null>(null)
  const [adding, setAdding] = useState(false)
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policies-heading">
      <Title order={3} id="policies-heading" mb={4}>
        Policies
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Volunteers read each one signed in and say they have understood it. “Still to read” counts those in
        training or working.
      </Text>
      {policies.isPending ? <Loading label="Loading the policies" /> : null}
      <FormError error={policies.error} title="We could not load the policies" />
      <Stack component="ul" gap="xs" className={classes.plainList} aria-label="Policies">
        {policies.data?.policies.map((p) => (
          <PolicyRow key={p.id} policy={p} isAdmin={isAdmin} onPublish={() => setPublishing(p)} />
        ))}
      </Stack>
      {isAdmin && adding ? <AddPolicyForm onDone={() => setAdding(false)} /> : null}
      {isAdmin && !adding ? (
        <Button variant="default" mt="md" w="fit-content" onClick={() => setAdding(true)}>
          Add a policy
        </Button>
      ) : null}
      {publishing ? <PublishVersionDialog policy={publishing} onClose={() => setPublishing(null)} /> : null}
    </Card>
  )
}
