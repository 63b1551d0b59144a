import { Button, Group, Text, Title } from '@mantine/core'
import { useId, useState } from 'react'
import { BOARD_STAGES, PAST_STAGES, plural, STAGE_LABELS } from '../../volunteering-words'
import classes from './board.module.css'
import type { Board, VolunteerStage, VolunteerSummary } from './types'
import { VolunteerCard } from './volunteer-card'

function Column({ stage, volunteers }: { stage: VolunteerStage; volunteers: VolunteerSummary[] }) {
  const headingId = useId()
  const empty = volunteers.length === 0
  return (
    <section
      className={classes.column}
      aria-labelledby={headingId}
      data-empty={empty || undefined}
      data-stage={stage}
    >
      <Group justify="space-between" gap={4} wrap="nowrap" mb={empty ? 0 : 'xs'}>
        <Title order={2} size="h5" id={headingId}>
          {STAGE_LABELS[stage]}
        </Title>
        <Text size="sm" fw={600} aria-label={plural(volunteers.length, 'person', 'people')}>
          {volunteers.length}
        </Text>
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          No one at this stage
        </Text>
      ) : (
        <ul className={classes.cards}>
          {volunteers.map((v) => (
            <VolunteerCard key={v.id} volunteer={v} />
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * The recruitment board: a column per stage from enquiry to leaving. Those who left or withdrew are
 * kept out of the way until asked for.
 */
export function RecruitmentBoard({ board }: { board: Board }) {
  const [showPast, setShowPast] = useState(false)
  const of = (stage: VolunteerStage) => board.columns.find((c) => c.stage === stage)?.volunteers ?? []
  const pastCount = PAST_STAGES.reduce((sum, stage) => sum + of(stage).length, 0)
  return (
    <>
      <div className={classes.board}>
        {BOARD_STAGES.map((stage) => (
          <Column key={stage} stage={stage} volunteers={of(stage)} />
        ))}
      </div>
      <Button variant="default" mt="md" onClick={() => setShowPast((v) => !v)} aria-expanded={showPast}>
        {showPast ? 'Hide' : 'Show'} people who left or withdrew ({pastCount})
      </Button>
      {showPast ? (
        <div className={classes.board} style={{ marginTop: 12 }}>
          {PAST_STAGES.map((stage) => (
            <Column key={stage} stage={stage} volunteers={of(stage)} />
          ))}
        </div>
      ) : null}
    </>
  )
}
