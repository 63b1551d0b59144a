import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { PreVisitView, ReferralDetail } from '../../../api/types'
import { formatDateTime } from '../../../format'
import { formatLocalDate } from '../dates'
import { CHECKLIST_LABELS, PRE_VISIT_OUTCOME_LABELS } from '../labels'
import { Section } from '../shared/section'
import { RecordPreVisitModal } from './record-pre-visit-modal'
import { SchedulePreVisitForm } from './schedule-pre-visit-form'

const OUTCOME_COLORS: Record<PreVisitView['outcome'], string> = {
  scheduled: 'blue',
  held: 'kin',
  did_not_attend: 'red',
  cancelled: 'gray',
}

/** Pre-visits arranged and held, with a form to arrange another and to record each one. */
export function PreVisitsSection({ referral }: { referral: ReferralDetail }) {
  const [scheduling, setScheduling] = useState(false)
  const [recording, setRecording] = useState<PreVisitView | null>(null)
  const canSchedule = ['pre_visits', 'risk_assessed', 'waitlisted'].includes(referral.status)
  return (
    <Section
      title="Pre-visits"
      intro="Each adult is seen separately before the first session, and the children see the centre."
      actions={
        canSchedule && !scheduling ? (
          <Button variant="default" onClick={() => setScheduling(true)}>
            Add a pre-visit
          </Button>
        ) : null
      }
    >
      <Stack>
        {scheduling ? (
          <SchedulePreVisitForm
            referralId={referral.id}
            parties={referral.parties}
            onDone={() => setScheduling(false)}
          />
        ) : null}
        {referral.preVisits.length === 0 ? <Text>No pre-visits arranged yet.</Text> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {referral.preVisits.map((visit) => {
            const done = (Object.keys(CHECKLIST_LABELS) as (keyof typeof CHECKLIST_LABELS)[]).filter(
              (key) => visit.checklist[key],
            )
            return (
              <Paper key={visit.id} withBorder p="sm" radius="md">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600}>{visit.partyName}</Text>
                    <Badge color={OUTCOME_COLORS[visit.outcome]} variant="light">
                      {PRE_VISIT_OUTCOME_LABELS[visit.outcome]}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {visit.kind === 'child_familiarisation' ? 'Child’s visit' : 'Adult pre-visit'},{' '}
                    {formatDateTime(visit.scheduledAt)}
                  </Text>
                  {visit.heldOn ? <Text size="sm">Held on {formatLocalDate(visit.heldOn)}</Text> : null}
                  {done.length > 0 ? (
                    <Text size="sm">
                      Done: {done.map((key) => CHECKLIST_LABELS[key].toLowerCase()).join('; ')}
                    </Text>
                  ) : null}
                  {visit.notes ? <Text size="sm">{visit.notes}</Text> : null}
                  {visit.outcome === 'scheduled' ? (
                    <Group>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRecording(visit)}
                        aria-label={`Record how it went: pre-visit with ${visit.partyName}`}
                      >
                        Record how it went
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Paper>
            )
          })}
        </SimpleGrid>
      </Stack>
      {recording ? (
        <RecordPreVisitModal referralId={referral.id} visit={recording} onClose={() => setRecording(null)} />
      ) : null}
    </Section>
  )
}
