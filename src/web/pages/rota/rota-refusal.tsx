import { Alert, List, Text } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { ApiError, messageOf } from '../../api/client'
import type { RotaProblem } from '../volunteers/types'

interface Refusal {
  problems?: unknown
  canOverride?: unknown
}

const refusalOf = (error: unknown): { problems: RotaProblem[]; canOverride: boolean } => {
  const details = error instanceof ApiError ? (error.details as Refusal | undefined) : undefined
  return {
    problems: Array.isArray(details?.problems) ? (details.problems as RotaProblem[]) : [],
    canOverride: details?.canOverride === true,
  }
}

/**
 * The rota's refusal (a 409 naming every rule the placement breaks) in words: each problem on its
 * own line, and whether a coordinator may place them anyway.
 */
export function RotaRefusal({ error, title }: { error: unknown; title: string }) {
  if (!error) return null
  const { problems, canOverride } = refusalOf(error)
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle aria-hidden="true" />}
    >
      {problems.length === 0 ? <Text size="sm">{messageOf(error)}</Text> : null}
      {problems.length > 0 ? (
        <List size="sm" spacing={2}>
          {problems.map((p) => (
            <List.Item key={`${p.rule}:${p.message}`}>
              {p.message}
              {p.hard ? '' : ' (you may place them anyway)'}
            </List.Item>
          ))}
        </List>
      ) : null}
      {canOverride ? (
        <Text size="sm" mt="xs">
          Tick “Assign … anyway” to place them even so.
        </Text>
      ) : null}
    </Alert>
  )
}
