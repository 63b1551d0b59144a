import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { api, call } from '../../api/client'
import type { IncidentView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PageTitle } from '../../components/page-title'
import { formatDateTime } from '../../format'
import { SIDE_WORDS } from '../cases/schedule-words'
import { Facts } from '../referrals/shared/facts'
import { Section } from '../referrals/shared/section'
import { IncidentStatusBadge, SeverityBadges } from './incident-badges'
import { incidentKey } from './incident-queries'
import { NextStepSection } from './incident-next-step'
import { ReferrerSection, ReviewSection } from './incident-review'
import { ACTION_LABELS, CATEGORY_LABELS } from './incident-words'
import { WarningsByPerson } from './warnings-by-person'

/** A part of the account under its own heading; left out when nothing was written. */
function Account({ label, text }: { label: string; text: string | null }) {
  if (!text) return null
  return (
    <div>
      <Title order={3} size="h5">
        {label}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
    </div>
  )
}

/** One incident: the account, what the ladder suggests, sanctions, the referrer and the review. */
export function IncidentPage() {
  const { incidentId = '' } = useParams()
  const incident = useQuery({
    queryKey: incidentKey(incidentId),
    queryFn: () => call(api.GET('/api/incidents/{incidentId}', { params: { path: { incidentId } } })),
  })
  if (incident.isPending) return <Loading label="Loading the incident" />
  if (!incident.data) {
    return (
      <>
        <PageTitle title="Incident" />
        <FormError error={incident.error} title="We could not load this incident" />
      </>
    )
  }
  return <IncidentFile incident={incident.data} />
}

function IncidentFile({ incident }: { incident: IncidentView }) {
  const where = incident.location ? `, ${incident.location}` : ''
  return (
    <>
      <PageTitle
        title={`Incident: ${CATEGORY_LABELS[incident.category]}`}
        intro={`Case ${incident.caseReference} · ${formatDateTime(incident.occurredAt)}${where}`}
      />
      <Stack gap="lg">
        <Group gap="sm">
          <IncidentStatusBadge status={incident.status} />
          <SeverityBadges severity={incident.severity} critical={incident.critical} />
        </Group>
        <Group gap="md">
          <Anchor component={Link} to="/incidents" size="sm">
            All incidents
          </Anchor>
          <Anchor component={Link} to={`/cases/${incident.caseId}`} size="sm">
            Case {incident.caseReference}
          </Anchor>
        </Group>
        <ReferrerSection incident={incident} />
        <Section title="What happened">
          <Stack gap="md">
            <Account label="What happened" text={incident.whatHappened} />
            <Account label="The child’s own words" text={incident.childAccount} />
            <Account label="Injuries seen" text={incident.injuries} />
            <Account label="Witnesses" text={incident.witnesses} />
            <div>
              <Title order={3} size="h5">
                What was done
              </Title>
              {incident.actions.length ? (
                <List size="sm">
                  {incident.actions.map((action) => (
                    <List.Item key={action}>{ACTION_LABELS[action]}</List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm">Nothing recorded.</Text>
              )}
            </div>
            <Account label="Reasons for not acting" text={incident.reasonsNotToAct} />
            <Facts
              facts={[
                {
                  label: 'People involved',
                  value: incident.people.length
                    ? incident.people
                        .map((p) => (p.side ? `${p.name} (${SIDE_WORDS[p.side].toLowerCase()})` : p.name))
                        .join(', ')
                    : 'No one named',
                },
                { label: 'Reported by', value: incident.reportedBy },
                { label: 'Coordinators told', value: formatDateTime(incident.coordinatorNotifiedAt) },
              ]}
            />
          </Stack>
        </Section>
        <NextStepSection incident={incident} />
        <Section title="Warnings on this case" intro="Each person’s warnings, oldest first.">
          <WarningsByPerson warnings={incident.warnings} currentIncidentId={incident.id} />
        </Section>
        <ReviewSection incident={incident} />
        {incident.status === 'closed' ? null : (
          <Text size="sm" c="dimmed">
            Close the incident once everything that follows from it has been done.
          </Text>
        )}
      </Stack>
    </>
  )
}
