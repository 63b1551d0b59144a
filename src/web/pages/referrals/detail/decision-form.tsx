import { Button, Group, Radio, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from '../shared/notify'
import { api, ApiError, call } from '../../../api/client'
import type { ReferralDetail, ServiceType } from '../../../api/types'
import { optionsOf, SERVICE_LABELS, STATUS_LABELS } from '../labels'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { ActionPanel } from './action-panel'

type Decision = 'accept' | 'decline' | 'waitlist' | 'withdraw'

const LABELS: Record<Decision, string> = {
  accept: 'Accept: offer the family a place',
  waitlist: 'Put on the waiting list',
  decline: 'Decline (the referrer is told why)',
  withdraw: 'Withdrawn by the family or the referrer',
}

/** The decisions the intake rules allow from where the referral stands. */
export function decisionsFor(status: ReferralDetail['status']): Decision[] {
  if (status === 'risk_assessed') return ['accept', 'waitlist', 'decline', 'withdraw']
  if (status === 'waitlisted') return ['accept', 'decline', 'withdraw']
  if (status === 'received' || status === 'pre_visits') return ['decline', 'withdraw']
  return []
}

interface Values {
  decision: Decision | ''
  reason: string
  serviceLevel: ServiceType | ''
}

function suggestedLevel(referral: ReferralDetail): ServiceType {
  const latest = referral.riskAssessments.at(-1)?.recommendedService
  return latest && latest !== 'decline' ? latest : referral.serviceRequested
}

/** Accept, waiting list, decline or withdraw, always with the reason. */
export function DecisionForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  const choices = decisionsFor(referral.status)
  const form = useForm<Values>({
    initialValues: {
      decision: choices.length === 1 ? (choices[0] ?? '') : '',
      reason: '',
      serviceLevel: suggestedLevel(referral),
    },
    validate: {
      decision: (v) => (v ? null : 'Choose a decision'),
      reason: (v) => (v.trim().length >= 5 ? null : 'Give the reason for this decision'),
    },
  })
  const decide = useReferralAction(
    referral.id,
    (values: Values) =>
      call(
        api.POST('/api/referrals/{referralId}/decision', {
          params: { path: { referralId: referral.id } },
          body: {
            decision: values.decision as Decision,
            reason: values.reason.trim(),
            serviceLevel:
              (values.decision === 'accept' || values.decision === 'waitlist') && values.serviceLevel
                ? values.serviceLevel
                : undefined,
          },
        }),
      ),
    (updated) => {
      notifyDone('Decision recorded', `The referral is now “${STATUS_LABELS[updated.status]}”.`)
      onDone()
    },
  )
  const decision = form.getValues().decision
  return (
    <ActionPanel title="Decision">
      <form
        onSubmit={form.onSubmit((values) =>
          decide.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          <Radio.Group label="What have you decided?" required {...form.getInputProps('decision')}>
            <Stack mt="xs" gap="xs">
              {choices.map((choice) => (
                <Radio key={choice} value={choice} label={LABELS[choice]} />
              ))}
            </Stack>
          </Radio.Group>
          {decision === 'accept' || decision === 'waitlist' ? (
            <Select
              label="Contact level to start at"
              data={optionsOf(SERVICE_LABELS)}
              allowDeselect={false}
              maw={360}
              {...form.getInputProps('serviceLevel')}
            />
          ) : null}
          <Textarea label="Reason" required autosize minRows={3} {...form.getInputProps('reason')} />
          {decision === 'accept' ? <Text size="sm">Accepting opens the family’s case file.</Text> : null}
          <ActionError error={decide.error} title="The decision was not recorded" />
          <Group>
            <Button type="submit" loading={decide.isPending}>
              Record decision
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
