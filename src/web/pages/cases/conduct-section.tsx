import { Button, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { IncidentList } from '../incidents/incident-list'
import { conductKey } from '../incidents/incident-queries'
import { byUrgency } from '../incidents/incident-words'
import { ReportIncidentDialog } from '../incidents/report-incident-dialog'
import { SuspensionCard } from '../incidents/suspension-card'
import { WarningsByPerson } from '../incidents/warnings-by-person'
import { Section } from '../referrals/shared/section'

/** The case's incidents, each person's warnings, any suspension with re-admission, and reporting. */
export function ConductSection({ caseId }: { caseId: string }) {
  const [reporting, setReporting] = useState(false)
  const conduct = useQuery({
    queryKey: conductKey(caseId),
    queryFn: () => call(api.GET('/api/cases/{caseId}/conduct', { params: { path: { caseId } } })),
  })
  const incidents = [...(conduct.data?.incidents ?? [])].sort(byUrgency)
  const suspensions = [...(conduct.data?.suspensions ?? [])].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )
  const active = suspensions.filter((s) => s.status === 'active')
  const lastLifted = suspensions.find((s) => s.status === 'lifted')
  return (
    <Section
      title="Incidents and warnings"
      intro="What happened at sessions, warnings given to each person, and any suspension."
      actions={
        <Button variant="default" onClick={() => setReporting(true)}>
          Report an incident
        </Button>
      }
    >
      {conduct.isPending ? <Loading label="Loading incidents and warnings" /> : null}
      <FormError error={conduct.error} title="We could not load the incidents and warnings" />
      {conduct.data ? (
        <Stack gap="lg">
          {active.map((suspension) => (
            <SuspensionCard key={suspension.id} suspension={suspension} />
          ))}
          {active.length === 0 && lastLifted ? <SuspensionCard suspension={lastLifted} /> : null}
          <div>
            <Title order={3} size="h4" mb="xs">
              Incidents
            </Title>
            {incidents.length === 0 ? (
              <Text size="sm">No incidents on this case.</Text>
            ) : (
              <IncidentList incidents={incidents} label="Incidents on this case" showCase={false} />
            )}
          </div>
          <div>
            <Title order={3} size="h4" mb="xs">
              Warnings by person
            </Title>
            <WarningsByPerson warnings={conduct.data.warnings} headingOrder={4} />
          </div>
        </Stack>
      ) : null}
      {reporting ? <ReportIncidentDialog caseId={caseId} onClose={() => setReporting(false)} /> : null}
    </Section>
  )
}
