import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { api, call } from '../../../api/client'
import type { NextStep, ReferralDetail } from '../../../api/types'
import { useReferralAction } from '../queries'
import { Section } from '../shared/section'
import { ActionError } from './action-error'
import { BlockersList } from './blockers-list'
import { DecisionForm, decisionsFor } from './decision-form'
import { LinkForm } from './link-form'
import { OfferPlaceForm } from './offer-place-form'
import { RiskAssessmentForm } from './risk-assessment-form'
import { SchedulePreVisitForm } from './schedule-pre-visit-form'

type Action = NextStep['action'] | 'decline'

const BUTTONS: Record<Action, string> = {
  start_intake: 'Start intake',
  schedule_pre_visits: 'Arrange a pre-visit',
  assess_risk: 'Record the risk assessment',
  decide: 'Make the decision',
  offer_place: 'Offer a place',
  link: 'Join the other parent’s application',
  decline: 'Decline or withdraw',
}

/** What the coordinator can do next, what stands in the way, and the form for each step. */
export function NextSteps({ referral }: { referral: ReferralDetail }) {
  const [open, setOpen] = useState<Action | null>(null)
  const close = () => setOpen(null)
  const start = useReferralAction(referral.id, () =>
    call(
      api.POST('/api/referrals/{referralId}/start-intake', { params: { path: { referralId: referral.id } } }),
    ),
  )
  const canDeclineEarly =
    decisionsFor(referral.status).includes('decline') &&
    !referral.nextSteps.some((s) => s.action === 'decide')

  const form = (action: Action) => {
    switch (action) {
      case 'start_intake':
        return null
      case 'schedule_pre_visits':
        return <SchedulePreVisitForm referralId={referral.id} parties={referral.parties} onDone={close} />
      case 'assess_risk':
        return <RiskAssessmentForm referral={referral} onDone={close} />
      case 'decide':
      case 'decline':
        return <DecisionForm referral={referral} onDone={close} />
      case 'offer_place':
        return <OfferPlaceForm referralId={referral.id} familyLabel={referral.familyLabel} onDone={close} />
      case 'link':
        return <LinkForm referral={referral} onDone={close} />
    }
  }

  const act = (action: Action) => {
    if (action === 'start_intake') start.mutate(undefined)
    else setOpen(open === action ? null : action)
  }

  return (
    <Section title="Next steps" intro="What can be done now, and what is still missing.">
      <Stack gap="sm">
        {referral.nextSteps.map((step) => (
          <Paper key={step.action} withBorder p="md" radius="md">
            <Stack gap="sm">
              <Text fw={700}>{step.label}</Text>
              <BlockersList blockers={step.blockers} label={`Missing before: ${step.label}`} />
              {open === step.action ? null : (
                <Group>
                  <Button
                    onClick={() => act(step.action)}
                    disabled={step.blockers.length > 0 && step.action !== 'schedule_pre_visits'}
                    loading={step.action === 'start_intake' && start.isPending}
                  >
                    {BUTTONS[step.action]}
                  </Button>
                </Group>
              )}
              {step.action === 'start_intake' ? (
                <ActionError error={start.error} title="Intake was not started" />
              ) : null}
              {open === step.action ? form(step.action) : null}
            </Stack>
          </Paper>
        ))}
        {canDeclineEarly ? (
          <div>
            {open === 'decline' ? (
              form('decline')
            ) : (
              <Button variant="default" color="red" onClick={() => setOpen('decline')}>
                {BUTTONS.decline}
              </Button>
            )}
          </div>
        ) : null}
      </Stack>
    </Section>
  )
}
