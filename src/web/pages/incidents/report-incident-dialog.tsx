import { Alert, Button, Group, Select, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import type { IncidentView } from '../../api/types'
import { Loading } from '../../components/loading'
import { fieldErrorsOf } from '../cases/schedule-queries'
import { caseQuery } from '../cases/queries'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import { useConductChange } from './incident-queries'
import { EMPTY_INCIDENT, IncidentFields, type IncidentValues } from './report-incident-fields'

const optional = (value: string) => value.trim() || undefined

/** The local day and time typed, as an instant; nothing when left empty (the server uses now). */
function occurredAtOf(values: IncidentValues): string | undefined {
  if (!values.occurredOn) return undefined
  const instant = new Date(`${values.occurredOn}T${values.occurredTime || '00:00'}`)
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString()
}

function bodyOf(caseId: string, clientId: string, values: IncidentValues) {
  return {
    clientId,
    caseId,
    category: values.category ?? 'rule_breach',
    severity: values.severity,
    occurredAt: occurredAtOf(values),
    location: optional(values.location),
    peopleInvolved: values.peopleInvolved,
    whatHappened: values.whatHappened.trim(),
    childAccount: optional(values.childAccount),
    injuries: optional(values.injuries),
    witnesses: optional(values.witnesses),
    actions: values.actions,
    reasonsNotToAct: optional(values.reasonsNotToAct),
  }
}

/** Cases the desk can pick from when reporting from the incidents page. */
function CasePicker({
  value,
  onChange,
}: {
  value: string | null
  onChange: (caseId: string | null) => void
}) {
  const cases = useQuery({
    queryKey: ['cases', { status: 'active', limit: 200 }],
    queryFn: () => call(api.GET('/api/cases', { params: { query: { status: 'active', limit: 200 } } })),
  })
  const data = (cases.data?.cases ?? []).map((c) => ({
    value: c.id,
    label: `${c.reference}: ${c.familyLabel}`,
  }))
  return (
    <Select
      label="Which case"
      description="Type a reference or a family name."
      required
      searchable
      nothingFoundMessage={cases.isPending ? 'Loading cases…' : 'No open case matches'}
      data={data}
      value={value}
      onChange={onChange}
      error={cases.error ? 'We could not load the cases' : undefined}
    />
  )
}

/**
 * Reports an incident from the desk. The coordinators are told at once, the case is flagged for
 * review and the referrer's deadline is set (decision 0014). Retrying sends the same report id,
 * so a report is never recorded twice.
 */
export function ReportIncidentDialog({
  caseId: fixedCaseId,
  onClose,
  onReported,
}: {
  caseId?: string
  onClose: () => void
  onReported?: (incident: IncidentView) => void
}) {
  const [clientId] = useState(() => crypto.randomUUID())
  const [pickedCaseId, setPickedCaseId] = useState<string | null>(null)
  const caseId = fixedCaseId ?? pickedCaseId
  const detail = useQuery({ ...caseQuery(caseId ?? ''), enabled: Boolean(caseId) })
  const form = useForm<IncidentValues>({
    initialValues: EMPTY_INCIDENT,
    validate: {
      category: (v) => (v ? null : 'Choose what kind of incident it was'),
      whatHappened: (v) => (v.trim() ? null : 'Say what happened'),
      occurredTime: (v, all) => (all.occurredOn && !v ? 'Enter the time too' : null),
    },
  })
  const report = useConductChange(
    caseId ?? '',
    (values: IncidentValues) =>
      call(api.POST('/api/incidents', { body: bodyOf(caseId ?? '', clientId, values) })),
    (incident) => {
      notifyDone(
        'Incident recorded',
        'The coordinators are told by email and the case is flagged for review.',
      )
      onReported?.(incident)
      onClose()
    },
  )
  return (
    <Dialog title="Report an incident" onClose={onClose}>
      <form
        onSubmit={form.onSubmit((values) =>
          report.mutate(values, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }),
        )}
        noValidate
      >
        <Stack>
          {fixedCaseId ? null : <CasePicker value={pickedCaseId} onChange={setPickedCaseId} />}
          {caseId && detail.isPending ? <Loading label="Loading the people on the case" /> : null}
          {caseId ? (
            <IncidentFields form={form} parties={detail.data?.parties ?? []} />
          ) : (
            <Alert color="blue" variant="light">
              Choose the case first.
            </Alert>
          )}
          <ActionError error={report.error} title="The incident was not recorded" />
          <Group>
            <Button type="submit" color="red.8" loading={report.isPending} disabled={!caseId}>
              Record the incident
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
