import type { ReactNode } from 'react'
import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { formatDay } from '../../volunteering-dates'
import { gatesWords } from '../../volunteering-words'
import classes from './forms.module.css'
import { StatusBadge } from './status-badge'
import type { RecordView, RequirementState } from './types'

export type RequirementAction = 'record' | 'renewal' | 'dbs'

const RENEWABLE = new Set(['ok', 'expiring', 'expired'])

/** Where the volunteer stands on one requirement, its latest record and what can be done about it. */
export function RequirementItem({
  state,
  latest,
  onAction,
  children,
}: {
  state: RequirementState
  latest: RecordView | undefined
  onAction: (action: RequirementAction) => void
  children?: ReactNode
}) {
  const isDbs = state.kind === 'dbs'
  const isPolicies = state.kind === 'policies'
  const canRenew =
    latest && latest.expiresOn !== null && !latest.renewalStartedOn && RENEWABLE.has(state.status)
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-requirement={state.code}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} className={classes.itemText}>
          <Text fw={600}>{state.title}</Text>
          <Text size="sm">{state.detail}</Text>
          {state.blocks ? (
            <Text size="sm" c="red.9" fw={600}>
              Stops them working: {gatesWords(state.gates)}
            </Text>
          ) : null}
          {latest ? (
            <Text size="sm" c="dimmed">
              Latest record: {isDbs ? 'issued' : 'done'} {formatDay(latest.completedOn)}
              {latest.provider ? `, ${latest.provider}` : ''}
              {latest.passed ? '' : ', not passed'}
              {latest.note ? `. ${latest.note}` : ''}
            </Text>
          ) : null}
          {isPolicies ? (
            <Text size="sm" c="dimmed">
              Volunteers read and acknowledge the policies themselves, signed in to Kinbridge.
            </Text>
          ) : null}
        </Stack>
        <Stack gap={6} align="flex-end" className={classes.itemActions}>
          <StatusBadge status={state.status} />
          {isPolicies ? null : (
            <Group gap="xs" justify="flex-end">
              {isDbs && latest?.hasDbsDetail ? (
                <Button size="xs" variant="default" onClick={() => onAction('dbs')}>
                  Show DBS certificate details
                </Button>
              ) : null}
              {canRenew ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onAction('renewal')}
                  aria-label={`Renewal started: ${state.title}`}
                >
                  Renewal started
                </Button>
              ) : null}
              <Button
                size="xs"
                variant="default"
                onClick={() => onAction('record')}
                aria-label={`Record: ${state.title}`}
              >
                Record
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
      {children ? <div className={classes.itemPanel}>{children}</div> : null}
    </Paper>
  )
}
