import { Button, Container, Group, Modal, Radio, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ActionError } from '../referrals/detail/action-error'
import { Face, FacePicker, type Score } from './faces'
import classes from './faces.module.css'
import { giveChildFeedback } from './today-api'
import type { DoorChild, TodaySession } from './types'

type Question = 'today' | 'safe' | 'again'
type Step = 'who' | Question | 'comment' | 'thanks'

const QUESTIONS: Record<Question, { text: string; optional: boolean }> = {
  today: { text: 'How was your time today?', optional: false },
  safe: { text: 'Did you feel safe here?', optional: true },
  again: { text: 'How do you feel about coming again?', optional: true },
}

const NEXT: Record<Question, Step> = { today: 'safe', safe: 'again', again: 'comment' }
const BACK: Record<Exclude<Step, 'who' | 'thanks'>, Step> = {
  today: 'who',
  safe: 'today',
  again: 'safe',
  comment: 'again',
}

/** The volunteer chooses the child, then hands over the tablet. */
function WhoStep({
  options,
  childId,
  onChoose,
  onStart,
}: {
  options: DoorChild[]
  childId: string
  onChoose: (id: string) => void
  onStart: () => void
}) {
  const child = options.find((c) => c.partyId === childId)
  return (
    <Stack>
      <Text size="lg">Choose the child, then hand them the tablet. They answer by tapping a face.</Text>
      {options.length > 1 ? (
        <Radio.Group label="Who is answering?" value={childId} onChange={onChoose}>
          <Stack gap="sm" mt="xs">
            {options.map((c) => (
              <Radio key={c.partyId} value={c.partyId} label={c.name} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      ) : null}
      <div>
        <Button size="xl" onClick={onStart} disabled={!child}>
          {child ? `Start: hand the tablet to ${child.name}` : 'Choose a child first'}
        </Button>
      </div>
    </Stack>
  )
}

/**
 * The child's feedback after a session, one question per screen with five big faces. A volunteer
 * starts it and hands the tablet over; the child's words are optional.
 */
export function ChildFeedback({ session, onClose }: { session: TodaySession; onClose: () => void }) {
  const [childId, setChildId] = useState(
    session.children.length === 1 ? (session.children[0]?.partyId ?? '') : '',
  )
  const [step, setStep] = useState<Step>('who')
  const [answers, setAnswers] = useState<Partial<Record<Question, Score>>>({})
  const [comment, setComment] = useState('')
  const child = session.children.find((c) => c.partyId === childId)
  const send = useMutation({
    mutationFn: (today: Score) =>
      giveChildFeedback(session.id, {
        form: 'child',
        partyId: childId,
        answers: { today, safe: answers.safe, again: answers.again },
        comment: comment.trim() === '' ? null : comment.trim(),
      }),
    onSuccess: () => setStep('thanks'),
  })
  const pick = (question: Question, score: Score) => {
    setAnswers({ ...answers, [question]: score })
    setStep(NEXT[question])
  }
  const firstName = child?.name.split(' ')[0] ?? ''
  return (
    <Modal.Root opened onClose={onClose} fullScreen lockScroll={false} closeOnClickOutside={false}>
      <Modal.Overlay />
      <Modal.Content>
        <Group justify="space-between" align="flex-start" wrap="nowrap" p="md" pb={0}>
          <Modal.Title fw={700} fz="lg">
            {child ? `${firstName}’s feedback` : 'A child’s feedback'}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close the feedback" />
        </Group>
        <Modal.Body pt="md">
          <Container size="md">
            {step === 'who' ? (
              <WhoStep
                options={session.children}
                childId={childId}
                onChoose={setChildId}
                onStart={() => setStep('today')}
              />
            ) : null}
            {step === 'today' || step === 'safe' || step === 'again' ? (
              <Stack gap="xl" align="stretch">
                <Title order={2} className={classes.question}>
                  {QUESTIONS[step].text}
                </Title>
                <FacePicker value={answers[step]} onPick={(score) => pick(step, score)} />
                <Group justify="space-between">
                  <Button
                    size="lg"
                    variant="default"
                    leftSection={<IconArrowLeft size={20} aria-hidden="true" />}
                    onClick={() => setStep(BACK[step])}
                  >
                    Back
                  </Button>
                  {QUESTIONS[step].optional ? (
                    <Button size="lg" variant="subtle" onClick={() => setStep(NEXT[step])}>
                      Skip this question
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            ) : null}
            {step === 'comment' ? (
              <Stack gap="lg">
                <Title order={2} className={classes.question}>
                  Is there anything you want to tell us?
                </Title>
                <Textarea
                  label="Your words (you can leave this empty)"
                  size="lg"
                  autosize
                  minRows={3}
                  maxLength={500}
                  value={comment}
                  onChange={(event) => setComment(event.currentTarget.value)}
                />
                <ActionError error={send.error} title="Your answers were not sent" />
                <Group justify="space-between">
                  <Button
                    size="lg"
                    variant="default"
                    leftSection={<IconArrowLeft size={20} aria-hidden="true" />}
                    onClick={() => setStep('again')}
                  >
                    Back
                  </Button>
                  <Button
                    size="xl"
                    onClick={() => answers.today && send.mutate(answers.today)}
                    disabled={!answers.today}
                    loading={send.isPending}
                  >
                    Send
                  </Button>
                </Group>
              </Stack>
            ) : null}
            {step === 'thanks' ? (
              <Stack align="center" gap="lg">
                <Face score={5} size={140} />
                <Title order={2} className={classes.question}>
                  Thank you{firstName ? `, ${firstName}` : ''}!
                </Title>
                <Text size="xl">Please give the tablet back to the volunteer.</Text>
                <Button size="xl" onClick={onClose}>
                  Done
                </Button>
              </Stack>
            ) : null}
          </Container>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
