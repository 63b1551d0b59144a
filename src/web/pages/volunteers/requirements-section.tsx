import { Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ReactNode } from 'react'
import { FormError } from '../../components/form-error'
import { plural } from '../../volunteering-words'
import { Section } from '../referrals/shared/section'
import { DbsRevealDialog } from './dbs-reveal-dialog'
import classes from './forms.module.css'
import { recordsQuery } from './queries'
import { RecordForm } from './record-form'
import { RenewalForm } from './renewal-form'
import { RequirementItem, type RequirementAction } from './requirement-item'
import type { RecordView, RequirementState, RequirementStatus, VolunteerFile } from './types'

/** The file's requirements in four groups, the urgent first, so nothing pressing is lost in a list of 20. */
const GROUPS: { title: string; statuses: RequirementStatus[] }[] = [
  { title: 'To look at now', statuses: ['missing', 'expired', 'overdue', 'expiring', 'renewal'] },
  { title: 'Due after starting', statuses: ['due'] },
  { title: 'Done', statuses: ['ok'] },
  { title: 'Optional', statuses: ['optional'] },
]

function summaryOf(states: RequirementState[]): string {
  const urgent = states.filter((s) => GROUPS[0]?.statuses.includes(s.status)).length
  const due = states.filter((s) => s.status === 'due').length
  if (urgent === 0 && due === 0) return 'Everything needed is in order.'
  const parts = []
  if (urgent > 0) parts.push(`${plural(urgent, 'requirement')} to look at now`)
  if (due > 0) parts.push(`${due} due after starting`)
  return `${parts.join('; ')}.`
}

function RequirementGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <div>
      <Title order={3} size="h5" id={id} mb={6}>
        {title}
      </Title>
      <Stack component="ul" gap="xs" className={classes.plainList} aria-labelledby={id}>
        {children}
      </Stack>
    </div>
  )
}

interface Open {
  requirementId: string
  action: RequirementAction
}

/** Checks, training, qualifications and policies: where the volunteer stands on each, and recording them. */
export function RequirementsSection({ file }: { file: VolunteerFile }) {
  const [open, setOpen] = useState<Open | null>(null)
  const records = useQuery(recordsQuery(file.id))
  const latest = new Map<string, RecordView>()
  for (const record of records.data?.records ?? [])
    if (!latest.has(record.requirementId)) latest.set(record.requirementId, record)
  const close = () => setOpen(null)
  const item = (state: RequirementState) => {
    const record = latest.get(state.requirementId)
    const here = open?.requirementId === state.requirementId ? open.action : null
    return (
      <RequirementItem
        key={state.requirementId}
        state={state}
        latest={record}
        onAction={(action) => setOpen({ requirementId: state.requirementId, action })}
      >
        {here === 'record' ? <RecordForm volunteerId={file.id} requirement={state} onDone={close} /> : null}
        {here === 'renewal' && record ? (
          <RenewalForm record={record} title={state.title} onDone={close} />
        ) : null}
        {here === 'dbs' && record ? (
          <DbsRevealDialog recordId={record.id} name={file.fullName} onClose={close} />
        ) : null}
      </RequirementItem>
    )
  }
  return (
    <Section title="Requirements" intro={summaryOf(file.requirements)}>
      <FormError error={records.error} title="We could not load the records" />
      {file.requirements.length === 0 ? <Text>There are no requirements yet.</Text> : null}
      <Stack gap="md">
        {GROUPS.map((group) => {
          const states = file.requirements.filter((s) => group.statuses.includes(s.status))
          if (states.length === 0) return null
          return (
            <RequirementGroup key={group.title} title={group.title}>
              {states.map(item)}
            </RequirementGroup>
          )
        })}
      </Stack>
    </Section>
  )
}
