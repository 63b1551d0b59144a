import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { ObservationSection, ObservationView } from '../../api/types'
import { FormError } from '../../components/form-error'
import { notifyDone } from '../referrals/shared/notify'
import { missingSections } from './observation-draft'
import { SectionsText } from './observation-parts'
import { RecordState } from './record-state'
import { REQUIRED_SECTIONS, SECTION_FIELDS, STANDING_HINT } from './observation-words'
import classes from './observations.module.css'
import { SaveProblem, saveWords } from './save-status'
import { SignInAgainDialog } from './sign-in-again-dialog'
import { sessionObservationKey, type SessionObservation } from './session-observation'
import { useAutosave } from './use-autosave'

interface Props {
  sessionId: string
  user: { id: string; email: string }
  initial: ObservationView | null
}

const fieldId = (key: ObservationSection) => `observation-${key}`
const PROBLEM_ID = 'observation-save-problem'

/** Brings the explanation at the top of the record into view, wherever the person is typing. */
function showProblem() {
  const problem = document.getElementById(PROBLEM_ID)
  problem?.scrollIntoView({ block: 'start' })
  problem?.focus({ preventScroll: true })
}

/** The empty sections an INVALID_INPUT from submitting names in `details.fields`. */
function fieldsOf(error: unknown): ObservationSection[] {
  if (!(error instanceof ApiError)) return []
  const fields = (error.details as { fields?: unknown } | undefined)?.fields
  return Array.isArray(fields) ? (fields as ObservationSection[]) : []
}

/**
 * The record of a supervised session, section by section, saved as it is typed. Once sent for
 * checking it is read only; a returned record opens again with the checker's note on top.
 */
export function ObservationEditor({ sessionId, user, initial }: Props) {
  const queryClient = useQueryClient()
  const { autosave, texts, state, observation, dirty } = useAutosave(sessionId, user.id, initial)
  const [dialogClosed, setDialogClosed] = useState(false)
  const [missing, setMissing] = useState<ObservationSection[]>([])
  const [submitError, setSubmitError] = useState<unknown>(null)
  const [submitting, setSubmitting] = useState(false)
  const editable = observation ? observation.can.edit : true
  const recordId = observation?.id
  const needsPerson = state.kind === 'signed_out' || state.kind === 'clash' || state.kind === 'refused'

  // The page names the session from the record once the first save has created it.
  useEffect(() => {
    if (!recordId) return
    queryClient.setQueryData(sessionObservationKey(sessionId), (data: SessionObservation | undefined) =>
      data && !data.observation ? { ...data, observation: autosave.getSnapshot().observation } : data,
    )
  }, [autosave, queryClient, recordId, sessionId])
  const stillMissing = missing.filter((key) => texts[key].trim() === '')

  const submit = async () => {
    setSubmitError(null)
    const empty = missingSections(texts, REQUIRED_SECTIONS)
    setMissing(empty)
    if (empty[0]) return document.getElementById(fieldId(empty[0]))?.focus()
    setSubmitting(true)
    try {
      const saved = await autosave.flush()
      const current = autosave.getSnapshot().observation
      if (!saved || !current) throw new Error('Your latest changes are not saved yet. Send it once they are.')
      const sent = await call(
        api.POST('/api/observations/{observationId}/submit', {
          params: { path: { observationId: current.id } },
          body: { version: current.version },
        }),
      )
      autosave.replaceObservation(sent)
      await queryClient.invalidateQueries({ queryKey: ['observations'] })
      notifyDone('Sent for checking', 'Someone other than you will check the record before it is released.')
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) autosave.markSignedOut()
      setMissing(fieldsOf(error))
      setSubmitError(error)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Stack gap="md">
      {observation ? <RecordState observation={observation} /> : null}
      {needsPerson ? (
        <div id={PROBLEM_ID} tabIndex={-1} style={{ scrollMarginTop: 80 }}>
          <SaveProblem
            state={state}
            onSignIn={() => setDialogClosed(false)}
            onKeepMine={() => autosave.settleClash('mine')}
            onTakeSaved={() => autosave.settleClash('saved')}
          />
        </div>
      ) : null}
      {editable ? (
        <>
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            {STANDING_HINT}
          </Alert>
          {SECTION_FIELDS.map((field) => (
            <Textarea
              key={field.key}
              id={fieldId(field.key)}
              label={field.label}
              description={field.prompt}
              required={REQUIRED_SECTIONS.includes(field.key)}
              autosize
              minRows={3}
              maxLength={10_000}
              size="md"
              value={texts[field.key]}
              onChange={(event) => autosave.setText(field.key, event.currentTarget.value)}
              onBlur={() => void autosave.saveNow()}
              error={
                stillMissing.includes(field.key)
                  ? 'Write this section before sending the record for checking'
                  : undefined
              }
            />
          ))}
        </>
      ) : (
        <SectionsText sections={texts} />
      )}
      {stillMissing.length > 0 ? (
        <Alert role="alert" color="red" variant="light" title="Some sections are still empty">
          <List size="sm">
            {stillMissing.map((key) => (
              <List.Item key={key}>{SECTION_FIELDS.find((f) => f.key === key)?.label}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {missing.length === 0 ? <FormError error={submitError} title="The record was not sent" /> : null}
      <Group justify="space-between" className={classes.bar} gap="sm">
        <Text size="sm" fw={600} aria-live="polite">
          {saveWords(state, dirty, observation?.savedAt ?? null)}
        </Text>
        {state.kind === 'signed_out' ? (
          <Button variant="default" onClick={() => setDialogClosed(false)}>
            Sign in again
          </Button>
        ) : null}
        {state.kind === 'clash' || state.kind === 'refused' ? (
          <Button variant="default" onClick={showProblem}>
            {state.kind === 'clash' ? 'Choose' : 'Why?'}
          </Button>
        ) : null}
        {editable ? (
          <Button onClick={() => void submit()} loading={submitting}>
            Submit for checking
          </Button>
        ) : null}
      </Group>
      {state.kind === 'signed_out' && !dialogClosed ? (
        <SignInAgainDialog
          email={user.email}
          onClose={() => setDialogClosed(true)}
          onSignedIn={() => {
            setDialogClosed(false)
            autosave.resume()
          }}
        />
      ) : null}
    </Stack>
  )
}
