import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconExternalLink, IconSend, IconShieldCheck } from '@tabler/icons-react'
import { useId, useState } from 'react'
import type { ReportPreview } from '../../api/types'
import { plural } from '../../volunteering-words'
import { ActionError } from '../referrals/detail/action-error'
import { Dialog } from '../referrals/shared/dialog'
import charts from '../volunteers/charts.module.css'
import { KIND_SHORT, periodWords } from './report-words'

interface Props {
  preview: ReportPreview
  pdfUrl: string
  onRelease: () => void
  releasing: boolean
  releaseError: unknown
}

/** What a release would send: the redaction check first, then the lines as the PDF prints them. */
export function ReportCheck({ preview, pdfUrl, onRelease, releasing, releaseError }: Props) {
  const linesId = useId()
  const [confirming, setConfirming] = useState(false)
  const { recipient } = preview
  return (
    <Stack gap="md">
      <RedactionResult preview={preview} />
      <Text>
        {KIND_SHORT[preview.kind]} report for {periodWords(preview.from, preview.to)}:{' '}
        {plural(preview.sessions, 'session')} in the period.
      </Text>
      {preview.unreleased > 0 ? (
        <Alert color="yellow" variant="light" title="Some records are not released yet">
          {plural(preview.unreleased, 'observation record')} in this period{' '}
          {preview.unreleased === 1 ? 'has' : 'have'} not been checked and released, so the report leaves{' '}
          {preview.unreleased === 1 ? 'it' : 'them'} out.
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={linesId}>
        <Title order={3} size="h5" id={linesId} mb="xs">
          What will go out, line by line
        </Title>
        {preview.lines.length === 0 ? <Text>The report has no lines for this period.</Text> : null}
        <Stack gap="xs">
          {preview.lines.map((line, index) => (
            // Lines have no id of their own and never reorder, so their place is their key.
            <div key={`${String(index)}-${line.heading}`}>
              {line.heading !== preview.lines[index - 1]?.heading ? (
                <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt={index === 0 ? 0 : 'xs'}>
                  {line.heading}
                </Text>
              ) : null}
              <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{line.text}</Text>
            </div>
          ))}
        </Stack>
      </Paper>
      <Anchor href={pdfUrl} target="_blank" rel="noopener" w="fit-content">
        Open the PDF preview
        <IconExternalLink size={16} aria-hidden="true" style={{ marginLeft: 4, verticalAlign: -2 }} />
        <span className="sr-only"> (opens in a new tab)</span>
      </Anchor>
      <ActionError error={releaseError} title="The report was not released" />
      {preview.redaction.ok ? (
        <Group>
          <Button leftSection={<IconSend size={18} aria-hidden="true" />} onClick={() => setConfirming(true)}>
            Release to {recipient.label}
          </Button>
        </Group>
      ) : null}
      {confirming ? (
        <Dialog title={`Release to ${recipient.label}?`} onClose={() => setConfirming(false)}>
          <Stack>
            <Text>
              The {KIND_SHORT[preview.kind].toLowerCase()} report for {periodWords(preview.from, preview.to)}{' '}
              goes to <strong>{recipient.label}</strong>.
            </Text>
            <Text>
              {recipient.hasAccount
                ? 'They can download it from their Kinbridge area at once.'
                : 'They have no Kinbridge sign-in: download the PDF from the release log and send it to them.'}{' '}
              The release is logged and cannot be taken back.
            </Text>
            <Group>
              <Button
                loading={releasing}
                onClick={() => {
                  onRelease()
                  setConfirming(false)
                }}
              >
                Yes, release to {recipient.label}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </Dialog>
      ) : null}
    </Stack>
  )
}

function RedactionResult({ preview }: { preview: ReportPreview }) {
  const { redaction } = preview
  if (redaction.ok) {
    return (
      <Alert
        color="kin"
        variant="light"
        title="Nothing protected found"
        icon={<IconShieldCheck aria-hidden="true" />}
      >
        <Text size="sm">
          We looked in every line for addresses, phone numbers, emails, schools and new partners’ details.
        </Text>
        <details className={charts.details}>
          <summary>Everything we looked for ({redaction.checked.length})</summary>
          <List size="sm" spacing={2} mt={4}>
            {redaction.checked.map((what) => (
              <List.Item key={what}>{what}</List.Item>
            ))}
          </List>
        </details>
      </Alert>
    )
  }
  return (
    <Alert
      color="red"
      variant="light"
      title="Protected details found: this report cannot go out"
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      <List size="sm" spacing={4}>
        {redaction.findings.map((finding) => (
          <List.Item key={`${finding.side ?? 'none'}-${finding.field}-${finding.where}`}>
            {finding.message}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        Ask the author of the record to change it (return it with a note), then check again.
      </Text>
    </Alert>
  )
}
