import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, call } from '../../api/client'
import { FormError } from '../../components/form-error'
import { Loading } from '../../components/loading'
import { PlainList } from '../../components/plain-list'
import { DUTY_LABELS } from '../../volunteering-words'
import { formatShortDay } from '../calendar/calendar-dates'
import { Dialog } from '../referrals/shared/dialog'
import { notifyDone } from '../referrals/shared/notify'
import type { RotaProblem } from '../volunteers/types'
import type { Opened } from './rota-days'
import { candidatesQuery, useRotaAction, type Place } from './rota-queries'
import { RotaRefusal } from './rota-refusal'
import { dutyWords, placeWords } from './shift-card'

interface Candidate {
  volunteerId: string
  fullName: string
  allowed: boolean
  problems: RotaProblem[]
  shiftsThisMonth: number
}

const shiftsWords = (n: number) =>
  n === 0 ? 'No shifts this month yet' : `${n} shift${n === 1 ? '' : 's'} this month`

/** Who could take a place: those allowed first, then the others greyed out with the reasons why not. */
export function AssignDialog({
  centreId,
  opened,
  place,
  onClose,
}: {
  centreId: string
  opened: Opened
  place: Place
  onClose: () => void
}) {
  const candidates = useQuery(candidatesQuery(centreId, place))
  const assign = useRotaAction((input: { candidate: Candidate; override: boolean }) =>
    call(
      api.POST('/api/centres/{centreId}/rota/assignments', {
        params: { path: { centreId } },
        body: { ...place, volunteerId: input.candidate.volunteerId, override: input.override },
      }),
    ),
  )
  const { shift, position } = opened
  const duty = dutyWords(position)
  const job = DUTY_LABELS[position.duty].toLowerCase()
  const forSession =
    position.duty === 'supervisor' && position.sessionLabel ? ` for ${position.sessionLabel}` : ''
  const when = `${formatShortDay(shift.date)}, ${placeWords(shift, position)}`
  const allowed = candidates.data?.candidates.filter((c) => c.allowed) ?? []
  const refused = candidates.data?.candidates.filter((c) => !c.allowed) ?? []
  const pick = (candidate: Candidate, override: boolean) =>
    assign.mutate(
      { candidate, override },
      {
        onSuccess: () => {
          notifyDone('On the rota', `${candidate.fullName}: ${duty}, ${when}.`)
          onClose()
        },
      },
    )
  return (
    <Dialog
      title={`Fill ${/^[aeiou]/.test(job) ? 'an' : 'a'} ${job} place${forSession}: ${when}`}
      onClose={onClose}
    >
      <Stack gap="md">
        {candidates.isPending ? <Loading label="Finding who could take this place" /> : null}
        <FormError error={candidates.error} title="We could not find who could take this place" />
        <RotaRefusal error={assign.error} title="They were not put on the shift" />
        {candidates.data && allowed.length === 0 ? (
          <Text>No one can take this place at the moment. The reasons are below.</Text>
        ) : null}
        {allowed.length > 0 ? (
          <section aria-label="Can take this place">
            <Title order={3} size="h5" mb="xs">
              Can take this place
            </Title>
            <PlainList gap="xs">
              {allowed.map((c) => (
                <li key={c.volunteerId}>
                  <AllowedCandidate
                    candidate={c}
                    busy={assign.isPending && assign.variables.candidate.volunteerId === c.volunteerId}
                    onPick={(override) => pick(c, override)}
                  />
                </li>
              ))}
            </PlainList>
          </section>
        ) : null}
        {refused.length > 0 ? (
          <section aria-label="Cannot take this place">
            <Title order={3} size="h5" mb="xs">
              Cannot take this place
            </Title>
            <PlainList gap="xs">
              {refused.map((c) => (
                <li key={c.volunteerId}>
                  <Paper withBorder radius="sm" p="xs" bg="gray.1">
                    <Text fw={600} c="gray.8">
                      {c.fullName}
                    </Text>
                    <List size="sm" spacing={2} c="gray.8">
                      {c.problems
                        .filter((p) => p.hard)
                        .map((p) => (
                          <List.Item key={`${p.rule}:${p.message}`}>{p.message}</List.Item>
                        ))}
                    </List>
                  </Paper>
                </li>
              ))}
            </PlainList>
          </section>
        ) : null}
      </Stack>
    </Dialog>
  )
}

function AllowedCandidate({
  candidate,
  busy,
  onPick,
}: {
  candidate: Candidate
  busy: boolean
  onPick: (override: boolean) => void
}) {
  const [anyway, setAnyway] = useState(false)
  const warned = candidate.problems.length > 0
  return (
    <Paper withBorder radius="sm" p="xs">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <div>
            <Text fw={600}>{candidate.fullName}</Text>
            <Text size="sm" c="dimmed">
              {shiftsWords(candidate.shiftsThisMonth)}
            </Text>
          </div>
          <Button
            size="xs"
            loading={busy}
            disabled={warned && !anyway}
            onClick={() => onPick(warned)}
            aria-label={`Assign ${candidate.fullName}`}
          >
            Assign
          </Button>
        </Group>
        {warned ? (
          <>
            <Group gap={6}>
              <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden="true" />
              <Text size="sm" fw={700}>
                Check first
              </Text>
            </Group>
            <List size="sm" spacing={2}>
              {candidate.problems.map((p) => (
                <List.Item key={`${p.rule}:${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
            <Checkbox
              label={`Assign ${candidate.fullName} anyway`}
              checked={anyway}
              onChange={(event) => setAnyway(event.currentTarget.checked)}
            />
          </>
        ) : null}
      </Stack>
    </Paper>
  )
}
