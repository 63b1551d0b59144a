import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { fieldErrorsOf } from '../cases/schedule-queries'
import { zonedToIso } from '../cases/schedule-words'
import { ActionError } from '../referrals/detail/action-error'
import { FormDialog } from './door-dialog'
import { notifyDone } from '../referrals/shared/notify'
import { reportIncident, todayKey } from './today-api'
import { INCIDENT_ACTION_WORDS, INCIDENT_CATEGORY_WORDS, SEVERITY_WORDS } from './today-words'
import { newClientId } from './use-door'
import type { IncidentAction, IncidentCategory, Severity, TodayBoard, TodaySession } from './types'

interface Values {
  category: IncidentCategory | ''
  severity: Severity | ''
  time: string
  people: string[]
  whatHappened: string
  childAccount: string
  injuries: string
  witnesses: string
  actions: IncidentAction[]
  reasonsNotToAct: string
}

const CATEGORIES = Object.keys(INCIDENT_CATEGORY_WORDS) as IncidentCategory[]
const SEVERITIES = Object.keys(SEVERITY_WORDS) as Severity[]
const ACTIONS = Object.keys(INCIDENT_ACTION_WORDS) as IncidentAction[]

/** Everyone on the family's list, for "who was involved". */
function peopleOf(session: TodaySession): { value: string; label: string }[] {
  const adults = session.parties.flatMap((party) => party.people)
  return [...adults, ...session.children, ...session.notAllowed].map((person) => ({
    value: person.partyId,
    label: person.name,
  }))
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/**
 * A quick incident report from the door: what kind, how serious, who, what happened (facts only),
 * the child's own words and what was done. The coordinator is told at once.
 */
export function IncidentDialog({
  session,
  board,
  onClose,
}: {
  session: TodaySession
  board: Pick<TodayBoard, 'date' | 'timeZone'>
  onClose: () => void
}) {
  const queryClient = useQueryClient()
  // One id per report: pressing "Report" again after a dropped connection records it once.
  const [clientId] = useState(newClientId)
  const [now] = useState(() => new Date())
  const form = useForm<Values>({
    initialValues: {
      category: '',
      severity: '',
      time: new Intl.DateTimeFormat('en-GB', {
        timeZone: board.timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(now),
      people: [],
      whatHappened: '',
      childAccount: '',
      injuries: '',
      witnesses: '',
      actions: [],
      reasonsNotToAct: '',
    },
    validate: {
      category: (v) => (v ? null : 'Choose what kind of incident it was'),
      severity: (v) => (v ? null : 'Choose how serious it was'),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the time, such as 10:35'),
      whatHappened: (v) => (v.trim() ? null : 'Say what happened'),
    },
  })
  const report = useMutation({
    mutationFn: (values: Values) =>
      reportIncident({
        clientId,
        caseId: session.caseId,
        sessionId: session.id,
        category: values.category as IncidentCategory,
        severity: values.severity as Severity,
        occurredAt: zonedToIso(board.date, values.time, board.timeZone) ?? now.toISOString(),
        location: session.roomName,
        peopleInvolved: values.people,
        whatHappened: values.whatHappened.trim(),
        childAccount: orNull(values.childAccount),
        injuries: orNull(values.injuries),
        witnesses: orNull(values.witnesses),
        actions: values.actions,
        reasonsNotToAct: orNull(values.reasonsNotToAct),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: todayKey })
      notifyDone('Incident reported', 'The coordinator has been told.')
      onClose()
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  })
  return (
    <FormDialog title={`Report an incident: ${session.caseReference}`} onClose={onClose}>
      <form onSubmit={form.onSubmit((values) => report.mutate(values))} noValidate>
        <Stack>
          <NativeSelect
            label="What happened?"
            required
            size="md"
            data={[
              { value: '', label: 'Choose one' },
              ...CATEGORIES.map((c) => ({ value: c, label: INCIDENT_CATEGORY_WORDS[c] })),
            ]}
            {...form.getInputProps('category')}
          />
          <Radio.Group label="How serious was it?" required {...form.getInputProps('severity')}>
            <Stack gap="sm" mt="xs">
              {SEVERITIES.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  size="md"
                  label={SEVERITY_WORDS[s].label}
                  description={SEVERITY_WORDS[s].hint}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label="When did it happen?"
            type="time"
            required
            size="md"
            {...form.getInputProps('time')}
          />
          <Checkbox.Group label="Who was involved?" {...form.getInputProps('people')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="sm">
              {peopleOf(session).map((p) => (
                <Checkbox key={p.value} value={p.value} label={p.label} size="md" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="What happened, in order"
            description="Facts only: what you saw and heard, who said or did what, and when. Not what you think it means."
            required
            autosize
            minRows={4}
            maxLength={10_000}
            {...form.getInputProps('whatHappened')}
          />
          <Textarea
            label="The child’s own words"
            description="If the child said something, write exactly what they said, word for word. Do not ask them questions to find out more."
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('childAccount')}
          />
          <TextInput label="Any injuries seen" maxLength={2000} {...form.getInputProps('injuries')} />
          <TextInput label="Who else saw it" maxLength={1000} {...form.getInputProps('witnesses')} />
          <Checkbox.Group label="What was done" {...form.getInputProps('actions')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="sm">
              {ACTIONS.map((a) => (
                <Checkbox key={a} value={a} label={INCIDENT_ACTION_WORDS[a]} size="md" />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="Anything you decided not to do, and why"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reasonsNotToAct')}
          />
          <Text size="sm" c="dimmed">
            The coordinator is told as soon as you report it. What you write is kept securely.
          </Text>
          <ActionError error={report.error} title="The incident was not reported" />
          <Group>
            <Button type="submit" size="lg" color="red.8" loading={report.isPending}>
              Report the incident
            </Button>
            <Button size="lg" variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  )
}
