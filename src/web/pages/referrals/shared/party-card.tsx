import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { PartyView, ProtectedField } from '../../../api/types'
import { ageInYears, formatLocalDate } from '../dates'
import { ATTENDANCE_LABELS, AUTHORISED_BY_LABELS, FIELD_LABELS, SIDE_LABELS } from '../labels'
import { RoleBadge, SafetyFlagBadges } from './badges'

interface Props {
  party: PartyView
  /** Staff can reveal withheld details; everyone else never sees them. */
  onReveal?: (party: PartyView) => void
  /** Extra things to show or do for this person, such as signing the ground rules. */
  children?: ReactNode
}

/** One line per thing the centre needs to know about this person's needs. */
function needsOf(party: PartyView): string[] {
  const d = party.details
  const text = (key: string) => {
    const value = d[key]
    return typeof value === 'string' && value ? value : null
  }
  const lines: string[] = []
  if (d.feedingHelp === true) lines.push('Needs help with feeding')
  if (d.changingHelp === true) lines.push('Needs nappy changing')
  if (text('medical')) lines.push(`Medical: ${text('medical') ?? ''}`)
  if (text('relationshipToChild')) lines.push(`Relationship: ${text('relationshipToChild') ?? ''}`)
  if (text('language')) lines.push(`Language: ${text('language') ?? ''}`)
  if (d.interpreterNeeded === true) lines.push('Needs an interpreter')
  if (text('accessibility')) lines.push(`Access needs: ${text('accessibility') ?? ''}`)
  if (text('other')) lines.push(text('other') ?? '')
  // What a parent told us on the public form.
  if (text('otherParentName')) lines.push(`Names the other parent as: ${text('otherParentName') ?? ''}`)
  if (text('otherPeopleToAttend')) lines.push(`Would like to bring: ${text('otherPeopleToAttend') ?? ''}`)
  if (d.courtOrderInPlace === true) lines.push('Says a court order is in place')
  return lines
}

const SHOWN: ProtectedField[] = ['address', 'phone', 'email', 'school', 'newPartner']

/** A person on a referral or case: role, warnings, who may attend, needs and contact details. */
export function PartyCard({ party, onReveal, children }: Props) {
  const mustNotAttend = party.attendance === 'not_allowed' || party.safetyFlags.includes('must_not_attend')
  const age = party.kind === 'child' ? ageInYears(party.dateOfBirth) : null
  const visible = party.protected ? SHOWN.filter((f) => party.protected?.[f]) : []
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="li"
      bg={mustNotAttend ? 'red.0' : undefined}
      style={mustNotAttend ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="lg">
            {party.fullName}
          </Text>
          <RoleBadge role={party.role} />
          {party.kind === 'adult' && party.attendance !== 'not_applicable' ? (
            <Badge color={mustNotAttend ? 'red.8' : 'kin'} variant={mustNotAttend ? 'filled' : 'light'}>
              {ATTENDANCE_LABELS[party.attendance]}
            </Badge>
          ) : null}
        </Group>
        <SafetyFlagBadges
          flags={party.safetyFlags.filter((f) => f !== 'must_not_attend' || !mustNotAttend)}
          name={party.fullName}
        />
        {party.kind === 'child' ? (
          <Text size="sm">
            Born {formatLocalDate(party.dateOfBirth)}
            {age === null ? '' : ` (${age} ${age === 1 ? 'year' : 'years'} old)`}
          </Text>
        ) : null}
        {party.side && party.role !== 'resident_parent' && party.role !== 'non_resident_parent' ? (
          <Text size="sm">{SIDE_LABELS[party.side]}</Text>
        ) : null}
        {party.authorisedBy && party.attendance === 'allowed' && party.kind === 'adult' ? (
          <Text size="sm">Allowed by: {AUTHORISED_BY_LABELS[party.authorisedBy]}</Text>
        ) : null}
        {needsOf(party).map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
        {visible.map((field) => (
          <Text size="sm" key={field} style={{ whiteSpace: 'pre-line' }}>
            <Text span fw={600} tt="capitalize" size="sm">
              {FIELD_LABELS[field]}:
            </Text>{' '}
            {party.protected?.[field]}
          </Text>
        ))}
        {party.withheld.length > 0 ? (
          <Group gap="sm">
            <Text size="sm">
              <Text span fw={600} size="sm">
                Withheld:
              </Text>{' '}
              {party.withheld.map((f) => FIELD_LABELS[f]).join(', ')}
            </Text>
            {onReveal ? (
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => onReveal(party)}
                aria-label={`Reveal ${party.fullName}’s details`}
              >
                Reveal
              </Button>
            ) : null}
          </Group>
        ) : null}
        {children}
      </Stack>
    </Paper>
  )
}
