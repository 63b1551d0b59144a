import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { api, ApiError, call } from '../../api/client'
import type { FeedbackDue } from '../../api/types'
import { ActionError } from '../referrals/detail/action-error'
import { FaceScale } from '../feedback/face-scale'
import {
  PARENT_QUESTION_WORDS,
  PARENT_QUESTIONS,
  type ParentQuestion,
  type ScoreValue,
} from '../feedback/feedback-words'
import { formatDay } from '../cases/schedule-words'

type Answers = Record<ParentQuestion, ScoreValue | null>

const NONE: Answers = { welcome: null, safe: null, childEnjoyed: null, staffHelpful: null }

interface Props {
  session: FeedbackDue
  /** Called once the answers are kept (or were kept before). */
  onDone: () => void
  onCancel: () => void
}

/** Four questions with five faces each, and room for a comment. */
export function FeedbackForm({ session, onDone, onCancel }: Props) {
  const [answers, setAnswers] = useState<Answers>(NONE)
  const [comment, setComment] = useState('')
  const [tried, setTried] = useState(false)
  const send = useMutation({
    mutationFn: (given: Record<ParentQuestion, ScoreValue>) =>
      call(
        api.POST('/api/sessions/{sessionId}/feedback', {
          params: { path: { sessionId: session.sessionId } },
          body: { form: 'parent', answers: given, comment: comment.trim() || undefined },
        }),
      ),
    onSuccess: onDone,
    onError: (error) => {
      // Answered already, perhaps on another device: nothing is lost, so say thank you all the same.
      if (error instanceof ApiError && ruleOf(error) === 'FEEDBACK-TWICE') onDone()
    },
  })
  const complete = (): Record<ParentQuestion, ScoreValue> | null => {
    const { welcome, safe, childEnjoyed, staffHelpful } = answers
    if (welcome === null || safe === null || childEnjoyed === null || staffHelpful === null) return null
    return { welcome, safe, childEnjoyed, staffHelpful }
  }
  return (
    <FormPanel title={`How did ${formatDay(session.date)} go?`}>
      <form
        noValidate
        aria-label={`Feedback on the session of ${formatDay(session.date)}`}
        onSubmit={(event) => {
          event.preventDefault()
          setTried(true)
          const given = complete()
          if (given) send.mutate(given)
        }}
      >
        <Stack gap="lg">
          {PARENT_QUESTIONS.map((question) => (
            <FaceScale
              key={question}
              question={PARENT_QUESTION_WORDS[question]}
              value={answers[question]}
              onChange={(score) => setAnswers((current) => ({ ...current, [question]: score }))}
              error={tried && answers[question] === null ? 'Choose a face for this question' : null}
            />
          ))}
          <Textarea
            label="Anything else you would like to tell us? (optional)"
            description="Please do not write names or addresses. The centre reads comments without your name."
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {send.error && ruleOf(send.error) !== 'FEEDBACK-TWICE' ? (
            <ActionError error={send.error} title="Your answers were not sent" />
          ) : null}
          <Group>
            <Button type="submit" size="md" loading={send.isPending}>
              Send my answers
            </Button>
            <Button variant="default" size="md" onClick={onCancel}>
              Not now
            </Button>
          </Group>
        </Stack>
      </form>
    </FormPanel>
  )
}

/** The form opens under the list item; its heading takes focus, so keyboard and screen reader users land on it. */
function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const id = useId()
  useEffect(() => {
    headingRef.current?.focus()
    headingRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [])
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      radius="md"
      bg="gray.0"
      component="section"
      aria-labelledby={id}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={id} ref={headingRef} tabIndex={-1}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}

function ruleOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  return (error.details as { rule?: string } | undefined)?.rule
}
