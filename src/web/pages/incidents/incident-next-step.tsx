import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconStairsUp } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { IncidentView, WarningLevel } from '../../api/types'
import { caseQuery } from '../cases/queries'
import { fieldErrorsOf } from '../cases/schedule-queries'
import { formatDay, todayIn } from '../cases/schedule-words'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { Section } from '../referrals/shared/section'
import { optionsOf } from '../referrals/labels'
import { useConductChange } from './incident-queries'
import { LEVEL_LABELS } from './incident-words'
import { SuspensionCard } from './suspension-card'

/** What the centre's ladder suggests, and the sanctions the coordinator decides on. */
export function NextStepSection({ incident }: { incident: IncidentView }) {
  const [open, setOpen] = useState<'warning' | 'suspend' | null>(null)
  const suggestion = incident.suggestedSanction
  const suspended = incident.suspension?.status === 'active'
  return (
    <Section title="Next step" intro="The ladder suggests; the coordinator decides.">
      <Stack gap="sm">
        {suggestion ? (
          <Alert
            color="blue"
            variant="light"
            icon={<IconStairsUp aria-hidden="true" />}
            title={`Suggested: ${LEVEL_LABELS[suggestion.level]}`}
          >
            {suggestion.because}
          </Alert>
        ) : (
          <Text size="sm">The ladder suggests nothing for this incident.</Text>
        )}
        {incident.suspension ? <SuspensionCard suspension={incident.suspension} /> : null}
        <Group>
          <Button variant="default" onClick={() => setOpen('warning')}>
            Issue a warning
          </Button>
          {suspended ? null : (
            <Button variant="default" onClick={() => setOpen('suspend')}>
              Suspend future sessions
            </Button>
          )}
        </Group>
      </Stack>
      {open === 'warning' ? <WarningDialog incident={incident} onClose={() => setOpen(null)} /> : null}
      {open === 'suspend' ? <SuspendDialog incident={incident} onClose={() => setOpen(null)} /> : null}
    </Section>
  )
}

interface WarningValues {
  partyId: string | null
  level: WarningLevel
  reason: string
}

function WarningDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const detail = useQuery(caseQuery(incident.caseId))
  const adults = (detail.data?.parties ?? []).filter((party) => party.kind === 'adult')
  const form = useForm<WarningValues>({
    initialValues: {
      partyId: incident.people.find((person) => person.side !== null)?.partyId ?? null,
      level: incident.suggestedSanction?.level ?? 'verbal_warning',
      reason: '',
    },
    validate: {
      partyId: (v) => (v ? null : 'Choose who the warning is for'),
      reason: (v) => (v.trim() ? null : 'Say why'),
    },
  })
  const issue = useConductChange(
    incident.caseId,
    (values: WarningValues) =>
      call(
        api.POST('/api/cases/{caseId}/warnings', {
          params: { path: { caseId: incident.caseId } },
          body: {
            partyId: values.partyId ?? '',
            level: values.level,
            reason: values.reason.trim(),
            incidentId: incident.id,
          },
        }),
      ),
    (warning) => {
      notifyDone('Warning recorded', `${LEVEL_LABELS[warning.level]} for ${warning.personName}.`)
      onClose()
    },
  )
  return (
    <Dialog title="Issue a warning" onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          issue.mutate(values, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          <Select
            label="Who is it for"
            required
            data={adults.map((party) => ({ value: party.id, label: party.fullName }))}
            nothingFoundMessage={
              detail.isPending ? 'Loading the people on the case…' : 'No adults on this case'
            }
            {...form.getInputProps('partyId')}
          />
          <Select
            label="Level"
            required
            allowDeselect={false}
            data={optionsOf(LEVEL_LABELS)}
            {...form.getInputProps('level')}
          />
          <Textarea
            label="Reason"
            description="Said in writing to the person; keep to the facts and the rule broken."
            required
            autosize
            minRows={3}
            maxLength={1000}
            {...form.getInputProps('reason')}
          />
          <ActionError error={issue.error} title="The warning was not recorded" />
          <Group>
            <Button type="submit" loading={issue.isPending}>
              Record the warning
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}

function SuspendDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const [today] = useState(() => todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone))
  const form = useForm({
    initialValues: { from: today, conditions: '' },
    validate: {
      from: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Choose the first day to suspend'),
      conditions: (v) => (v.trim() ? null : 'Say what must happen before the family comes back'),
    },
  })
  const suspend = useConductChange(
    incident.caseId,
    (values: { from: string; conditions: string }) =>
      call(
        api.POST('/api/cases/{caseId}/suspensions', {
          params: { path: { caseId: incident.caseId } },
          body: { from: values.from, conditions: values.conditions.trim(), incidentId: incident.id },
        }),
      ),
    (suspension) => {
      const count = suspension.sessionsSuspended
      notifyDone(
        count === 1 ? '1 session suspended' : `${count} sessions suspended`,
        `From ${formatDay(suspension.from)}. Both parents are told, each with their own times only.`,
      )
      onClose()
    },
  )
  return (
    <Dialog title="Suspend future sessions" onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          suspend.mutate(values, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          <Text size="sm">
            Booked sessions from this day on are suspended. They keep their place until the family is
            re-admitted.
          </Text>
          <TextInput label="Suspend from" type="date" required {...form.getInputProps('from')} />
          <Textarea
            label="Conditions for re-admission"
            description="What must happen before the family comes back, for example a review meeting."
            required
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('conditions')}
          />
          <ActionError error={suspend.error} title="The sessions were not suspended" />
          <Group>
            <Button type="submit" color="red.8" loading={suspend.isPending}>
              Suspend sessions
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
