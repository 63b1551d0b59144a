import { Group, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconPointFilled } from '@tabler/icons-react'
import type { ReferralDetail, ReferralStatus } from '../../../api/types'
import { STATUS_LABELS } from '../labels'
import classes from './status-stepper.module.css'

const STAGES: { status: ReferralStatus; label: string }[] = [
  { status: 'received', label: 'Received' },
  { status: 'pre_visits', label: 'Pre-visits' },
  { status: 'risk_assessed', label: 'Risk assessed' },
]

type State = 'done' | 'current' | 'skipped' | 'upcoming'

const STATE_TEXT: Record<State, string> = {
  done: 'done',
  current: 'current step',
  skipped: 'skipped',
  upcoming: 'to come',
}

/** Where the referral is on the way from received to a decision, as an ordered list. */
export function StatusStepper({ referral }: { referral: Pick<ReferralDetail, 'status' | 'transitions'> }) {
  const visited = new Set<string>(referral.transitions.map((t) => t.to))
  visited.add(referral.status)
  const decided = !STAGES.some((s) => s.status === referral.status)
  const stageIndex = STAGES.findIndex((s) => s.status === referral.status)
  const steps: { label: string; state: State }[] = STAGES.map((stage, i) => {
    if (stage.status === referral.status) return { label: stage.label, state: 'current' }
    if (visited.has(stage.status)) return { label: stage.label, state: 'done' }
    if (decided || i < stageIndex) return { label: stage.label, state: 'skipped' }
    return { label: stage.label, state: 'upcoming' }
  })
  steps.push(
    decided
      ? { label: STATUS_LABELS[referral.status], state: 'current' }
      : { label: 'Accepted, waiting list or declined', state: 'upcoming' },
  )
  return (
    <ol className={classes.steps} aria-label="Progress of this referral">
      {steps.map((step, i) => (
        <li
          key={step.label}
          className={classes.step}
          data-state={step.state}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon
              size="md"
              radius="xl"
              variant={step.state === 'upcoming' || step.state === 'skipped' ? 'light' : 'filled'}
              color={step.state === 'upcoming' || step.state === 'skipped' ? 'gray' : 'kin'}
              aria-hidden="true"
            >
              {step.state === 'done' ? <IconCheck size={16} /> : null}
              {step.state === 'current' ? <IconPointFilled size={16} /> : null}
              {step.state === 'upcoming' || step.state === 'skipped' ? <Text size="xs">{i + 1}</Text> : null}
            </ThemeIcon>
            <div>
              <Text fw={step.state === 'current' ? 700 : 500} size="sm">
                {step.label}
              </Text>
              <Text size="xs" c="dimmed">
                {STATE_TEXT[step.state]}
              </Text>
            </div>
          </Group>
        </li>
      ))}
    </ol>
  )
}
