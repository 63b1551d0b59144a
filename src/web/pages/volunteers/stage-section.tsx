import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { formatDateTime } from '../../format'
import { formatDay } from '../../volunteering-dates'
import { moveLabel, STAGE_LABELS } from '../../volunteering-words'
import { Facts } from '../referrals/shared/facts'
import { Section } from '../referrals/shared/section'
import { StageMoveDialog } from './stage-move-dialog'
import type { VolunteerFile, VolunteerStage } from './types'

const ON_THE_WAY_OUT: VolunteerStage[] = ['withdrawn', 'left']

/** Where the volunteer is in the pipeline, and a button for each move open from here. */
export function StageSection({ file }: { file: VolunteerFile }) {
  const [moving, setMoving] = useState<VolunteerStage | null>(null)
  const forward = file.nextStages.filter((s) => !ON_THE_WAY_OUT.includes(s))
  const out = file.nextStages.filter((s) => ON_THE_WAY_OUT.includes(s))
  return (
    <Section title="Stage" intro="Each move is checked: what it needs is asked for, and a refusal says why.">
      <Stack gap="md">
        <Group gap="sm" aria-live="polite">
          <Text span className="sr-only">
            Now at:
          </Text>
          <Badge size="lg" variant="filled" color="kin">
            {STAGE_LABELS[file.stage]}
          </Badge>
          <Text size="sm">since {formatDateTime(file.stageChangedAt)}</Text>
        </Group>
        <Facts
          facts={[
            {
              label: 'References received',
              value: `${file.referencesReceived} of ${file.referencesRequired}`,
            },
            { label: 'Started', value: file.startedOn ? formatDay(file.startedOn) : null },
            { label: 'Mentored until', value: file.mentoringUntil ? formatDay(file.mentoringUntil) : null },
            { label: 'Planned last day', value: file.plannedEndOn ? formatDay(file.plannedEndOn) : null },
            { label: 'Left on', value: file.leftOn ? formatDay(file.leftOn) : null },
          ]}
        />
        <Group gap="sm">
          {forward.map((to) => (
            <Button key={to} onClick={() => setMoving(to)}>
              {moveLabel(file.stage, to)}
            </Button>
          ))}
          {out.map((to) => (
            <Button key={to} variant="default" onClick={() => setMoving(to)}>
              {moveLabel(file.stage, to)}
            </Button>
          ))}
        </Group>
      </Stack>
      {moving ? <StageMoveDialog file={file} to={moving} onClose={() => setMoving(null)} /> : null}
    </Section>
  )
}
