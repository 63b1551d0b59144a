import { Badge, Stack, Text, Title } from '@mantine/core'
import type { ObservationSections, ObservationStatus, ServiceType } from '../../api/types'
import { formatDay } from '../cases/schedule-words'
import { SERVICE_LABELS } from '../referrals/labels'
import { SECTION_FIELDS, STATUS_COLORS, STATUS_WORDS } from './observation-words'

/** Which session a record belongs to. */
export interface SessionFacts {
  caseReference: string
  date: string
  localStart: string
  localEnd: string
  serviceType: ServiceType
}

/** "Case KB-0012 · Saturday 28 November 2026, 13:00 to 14:00 · Supervised contact" */
export function sessionWords(facts: SessionFacts): string {
  return [
    `Case ${facts.caseReference}`,
    `${formatDay(facts.date)}, ${facts.localStart} to ${facts.localEnd}`,
    SERVICE_LABELS[facts.serviceType],
  ].join(' · ')
}

export function ObservationStatusBadge({ status }: { status: ObservationStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled">
      {STATUS_WORDS[status]}
    </Badge>
  )
}

/** The record's sections to read: each under its own heading, kept as it was written. */
export function SectionsText({ sections }: { sections: ObservationSections }) {
  return (
    <Stack gap="md">
      {SECTION_FIELDS.map((field) => {
        const text = sections[field.key]?.trim()
        return (
          <div key={field.key}>
            <Title order={3} size="h5">
              {field.label}
            </Title>
            {text ? (
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
            ) : (
              <Text c="dimmed" fs="italic">
                Nothing written
              </Text>
            )}
          </div>
        )
      })}
    </Stack>
  )
}
